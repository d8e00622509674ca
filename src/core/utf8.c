/* utf8 — built on utf8proc for normalisation, case, widths and graphemes. */
#include <config.h>
#include "treem/core/utf8.h"
#include "treem/core/i18n.h"

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

enum status utf8_check_text(const char *field, const char *s, size_t max)
{
    size_t len = s ? strlen(s) : 0;
    if (s && !utf8_valid(s, len))
        return status_set(ST_INVALID, _("%s: the text is not valid UTF-8"), field);
    if (len > max)
        return status_set(ST_INVALID, _("%s: too long (%zu bytes, at most %zu)"), field, len, max);
    return ST_OK;
}

/* ------------------------------------------------------ the fast path
 * Nearly all text treem stores is Latin: ASCII and the precomposed letters
 * below U+0250 and in Latin Extended Additional (U+1E00–U+1EFF, where the
 * Vietnamese letters with two marks live). Each of them is a starter that
 * neither decomposes canonically nor composes with a neighbour, so a string
 * made only of them is already NFC and folds letter by letter. Such strings
 * skip utf8proc, which costs more than the rest of an import row; anything
 * else (combining marks, other scripts, bad bytes) takes the full path.
 * tests/unit/test_utf8.c checks both claims against utf8proc for every pair
 * of these letters. */
#define FAST_LOW_END 0x250
#define FAST_HIGH_FROM 0x1E00
#define FAST_HIGH_END 0x1F00
#define FAST_N (FAST_LOW_END + FAST_HIGH_END - FAST_HIGH_FROM)
#define FOLD_MAX 7

static int fast_index(long cp)
{
    if (cp > 0 && cp < FAST_LOW_END)
        return (int)cp;
    if (cp >= FAST_HIGH_FROM && cp < FAST_HIGH_END)
        return (int)(cp - FAST_HIGH_FROM + FAST_LOW_END);
    return -1;
}

/* Decodes the character at p into *cp when it is one of the fast letters;
 * returns its length, or 0 (not a fast letter, or not UTF-8). */
static size_t fast_char(const unsigned char *p, long *cp)
{
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    if (p[0] >= 0xC2 && p[0] < 0xE0 && (p[1] & 0xC0) == 0x80) {
        *cp = ((long)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
        return fast_index(*cp) >= 0 ? 2 : 0;
    }
    if (p[0] == 0xE1 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
        *cp = ((long)(p[0] & 0x0F) << 12) | ((long)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        return fast_index(*cp) >= 0 ? 3 : 0;
    }
    return 0;
}

/* The length of s when it is made only of fast letters, else -1. */
static long fast_len(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    long cp;
    for (size_t n; *p; p += n)
        if (!(n = fast_char(p, &cp)))
            return -1;
    return (long)(p - (const unsigned char *)s);
}

char *utf8_nfc(const char *s)
{
    long len = fast_len(s);
    if (len >= 0) {
        char *copy = malloc((size_t)len + 1);
        return copy ? memcpy(copy, s, (size_t)len + 1) : NULL;
    }
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

#define FOLD_FLAGS (UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK | \
                    UTF8PROC_CASEFOLD)

/* The fold of each fast letter, made by utf8proc once (first use). A
 * letter whose fold would not fit keeps an empty entry and sends its
 * strings down the full path. */
static char fold_table[FAST_N][FOLD_MAX + 1];
static bool fold_ready;

static void fold_table_build(void)
{
    for (long cp = 1; cp < FAST_HIGH_END; cp++) {
        int i = fast_index(cp);
        if (i < 0)
            continue;
        utf8proc_uint8_t in[5] = {0}, *out = NULL;
        utf8proc_encode_char((utf8proc_int32_t)cp, in);
        utf8proc_ssize_t n = utf8proc_map_custom(in, 0, &out, FOLD_FLAGS, fold_dd, NULL);
        if (n > 0 && n <= FOLD_MAX)
            memcpy(fold_table[i], out, (size_t)n + 1);
        free(out);
    }
    fold_ready = true;
}

/* The fold of s letter by letter, or NULL when s is not all fast letters. */
static char *fold_fast(const char *s, long len)
{
    if (!fold_ready)
        fold_table_build();
    char *out = malloc((size_t)len * 2 + 1), *w = out; /* a letter folds to at most twice its bytes */
    const unsigned char *p = (const unsigned char *)s;
    long cp;
    for (size_t n; out && *p; p += n) {
        n = fast_char(p, &cp);
        const char *f = fold_table[fast_index(cp)];
        size_t flen = strlen(f);
        if (!flen || flen > 2 * n) {
            free(out);
            return NULL;
        }
        memcpy(w, f, flen);
        w += flen;
    }
    if (out)
        *w = '\0';
    return out;
}

static char *fold(const char *s, bool fast)
{
    long len = fast ? fast_len(s) : -1;
    char *out = len >= 0 ? fold_fast(s, len) : NULL;
    if (!out) {
        utf8proc_uint8_t *u = NULL;
        if (utf8proc_map_custom((const utf8proc_uint8_t *)s, 0, &u, FOLD_FLAGS, fold_dd, NULL) < 0)
            return NULL;
        out = (char *)u;
    }
    collapse_spaces(out);
    return out;
}

char *utf8_fold(const char *s)
{
    return fold(s, true);
}

char *utf8_fold_full(const char *s)
{
    return fold(s, false);
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
