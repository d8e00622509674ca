/* safe_text — control characters stripped from text shown on a terminal. */
#include <config.h>
#include "treem/core/safe_text.h"

#include <stdlib.h>
#include <string.h>

bool safe_text_stripped(long cp, unsigned flags)
{
    if (cp == '\n' || cp == '\t')
        return false; /* turned into a space by the caller unless kept */
    if (cp == '\r')
        return !(flags & SAFE_TEXT_CR);
    return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/* Length of the UTF-8 sequence a lead byte b starts (1: ASCII or a stray byte). */
static size_t seq_len(unsigned char b)
{
    return b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 1;
}

/* The length of the well-formed sequence at p (avail bytes there), 0 when it
 * is cut by the end, -1 when the first byte is not valid UTF-8. */
static int check(const unsigned char *p, size_t avail)
{
    size_t len = seq_len(p[0]);
    if (len == 1)
        return p[0] < 0x80 ? 1 : -1;
    for (size_t i = 1; i < len; i++) {
        if (i >= avail)
            return 0;
        if ((p[i] & 0xc0) != 0x80)
            return -1;
    }
    return (int)len;
}

/* Appends the well-formed sequence s (len bytes) to out unless stripped. */
static size_t emit(const unsigned char *s, size_t len, char *out, unsigned flags)
{
    long cp = len == 1 ? s[0] : s[0] & (0x7f >> len);
    for (size_t i = 1; i < len; i++)
        cp = cp << 6 | (s[i] & 0x3f);
    if ((cp == '\n' || cp == '\t') && !(flags & SAFE_TEXT_LINES)) {
        out[0] = ' ';
        return 1;
    }
    if (safe_text_stripped(cp, flags)) /* overlong forms decode to their control: stripped too */
        return 0;
    memcpy(out, s, len);
    return len;
}

size_t safe_text_chunk(struct safe_text_stream *st, const char *in, size_t n, char *out, unsigned flags)
{
    const unsigned char *p = (const unsigned char *)in;
    size_t k = 0, i = 0;
    while (st->nheld && i < n) { /* complete the character held back */
        st->held[st->nheld++] = p[i++];
        int r = check(st->held, st->nheld);
        if (r > 0) {
            k += emit(st->held, (size_t)r, out + k, flags);
            st->nheld = 0;
        } else if (r < 0) { /* the held bytes were no character: one '?' each, then this byte again */
            for (size_t j = 0; j + 1 < st->nheld; j++)
                out[k++] = '?';
            st->nheld = 0;
            i--;
        }
    }
    while (i < n) {
        int r = check(p + i, n - i);
        if (r == 0) { /* cut by the end of the chunk: held */
            memcpy(st->held, p + i, n - i);
            st->nheld = n - i;
            break;
        }
        if (r < 0) {
            out[k++] = '?';
            i++;
            continue;
        }
        k += emit(p + i, (size_t)r, out + k, flags);
        i += (size_t)r;
    }
    return k;
}

size_t safe_text_flush(struct safe_text_stream *st, char *out)
{
    size_t k = st->nheld;
    memset(out, '?', k);
    st->nheld = 0;
    return k;
}

char *safe_text_dup(const char *s, size_t n, unsigned flags)
{
    char *out = malloc(n + 5);
    if (!out)
        return NULL;
    struct safe_text_stream st = {{0}, 0};
    size_t k = safe_text_chunk(&st, s, n, out, flags);
    k += safe_text_flush(&st, out + k);
    out[k] = '\0';
    return out;
}
