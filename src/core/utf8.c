/* utf8 — built on utf8proc for normalisation, case, widths and graphemes. */
#include <config.h>
#include "treem/core/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

bool utf8_valid(const char *s, size_t len)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0 || cp == 0)
            return false;
        i += (size_t)n;
    }
    return true;
}

char *utf8_nfc(const char *s)
{
    if (!utf8_valid(s, strlen(s)))
        return NULL;
    return (char *)utf8proc_NFC((const utf8proc_uint8_t *)s);
}

/* đ and Đ have no decomposition in Unicode, so stripping marks keeps them:
 * fold them to plain d by hand before the rest of the mapping. Other space
 * separators (the no-break space that spreadsheets paste) become ' ' so
 * they collapse like any white space. */
static utf8proc_int32_t fold_dd(utf8proc_int32_t cp, void *data)
{
    (void)data;
    if (cp == 0x0110 || cp == 0x0111)
        return 'd';
    if (cp > 0x7f && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS)
        return ' ';
    return cp;
}

static void collapse_spaces(char *s)
{
    char *w = s;
    bool space = true; /* drop leading white space */
    for (char *r = s; *r; r++) {
        bool is_space = *r == ' ' || *r == '\t' || *r == '\n' || *r == '\r';
        if (is_space) {
            if (!space)
                *w++ = ' ';
            space = true;
        } else {
            *w++ = *r;
            space = false;
        }
    }
    if (w > s && w[-1] == ' ')
        w--;
    *w = '\0';
}

char *utf8_fold(const char *s)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map_custom(
        (const utf8proc_uint8_t *)s, 0, &out,
        UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
            UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD,
        fold_dd, NULL);
    if (n < 0)
        return NULL;
    collapse_spaces((char *)out);
    return (char *)out;
}

static int cp_width(utf8proc_int32_t cp)
{
    int w = utf8proc_charwidth(cp);
    return w < 0 ? 0 : w;
}

int utf8_width(const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    int w = 0;
    while (*p) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
        if (n <= 0) { /* count a bad byte as one column, as terminals do */
            p++;
            w++;
            continue;
        }
        w += cp_width(cp);
        p += n;
    }
    return w;
}

size_t utf8_fit_cols(const char *s, int cols)
{
    size_t len = strlen(s), pos = 0;
    int used = 0;
    while (pos < len) {
        size_t next = utf8_next_char(s, len, pos);
        char tmp[64];
        size_t glen = next - pos;
        if (glen >= sizeof tmp)
            glen = sizeof tmp - 1;
        memcpy(tmp, s + pos, glen);
        tmp[glen] = '\0';
        int w = utf8_width(tmp);
        if (used + w > cols)
            break;
        used += w;
        pos = next;
    }
    return pos;
}

void utf8_truncate(const char *s, int cols, char *out, size_t outsz)
{
    if (outsz == 0)
        return;
    size_t n;
    if (utf8_width(s) <= cols) {
        n = strlen(s);
    } else if (cols <= 0) {
        n = 0;
    } else {
        n = utf8_fit_cols(s, cols - 1);
        if (n + 4 <= outsz) {
            memcpy(out, s, n);
            memcpy(out + n, "\xe2\x80\xa6", 4); /* … */
            return;
        }
    }
    if (n >= outsz) { /* buffer too small: stop at a character boundary */
        size_t at = 0, len = strlen(s);
        while (at < len) {
            size_t next = utf8_next_char(s, len, at);
            if (next >= outsz)
                break;
            at = next;
        }
        n = at;
    }
    memcpy(out, s, n);
    out[n] = '\0';
}

size_t utf8_next_char(const char *s, size_t len, size_t pos)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    if (pos >= len)
        return len;
    utf8proc_int32_t prev, cp, state = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p + pos, (utf8proc_ssize_t)(len - pos), &prev);
    if (n <= 0)
        return pos + 1;
    pos += (size_t)n;
    while (pos < len) {
        n = utf8proc_iterate(p + pos, (utf8proc_ssize_t)(len - pos), &cp);
        if (n <= 0 || utf8proc_grapheme_break_stateful(prev, cp, &state))
            break;
        prev = cp;
        pos += (size_t)n;
    }
    return pos;
}

size_t utf8_prev_char(const char *s, size_t len, size_t pos)
{
    /* Walk forward from the start: texts in fields are short, and this is
     * the only way to respect grapheme rules that depend on what precedes. */
    size_t at = 0, last = 0;
    if (pos > len)
        pos = len;
    while (at < pos) {
        last = at;
        at = utf8_next_char(s, len, at);
    }
    return last;
}

size_t utf8_char_count(const char *s)
{
    size_t len = strlen(s), pos = 0, count = 0;
    while (pos < len) {
        pos = utf8_next_char(s, len, pos);
        count++;
    }
    return count;
}

int utf8_encode(long cp, char *out)
{
    utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)out);
    out[n] = '\0';
    return (int)n;
}

char *utf8_capitalize(const char *s)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp);
    if (n <= 0)
        return strdup(s);
    char head[8];
    int hl = utf8_encode(utf8proc_toupper(cp), head);
    size_t rest = strlen(s + n);
    char *out = malloc((size_t)hl + rest + 1);
    if (!out)
        return NULL;
    memcpy(out, head, (size_t)hl);
    memcpy(out + hl, s + n, rest + 1);
    return out;
}
