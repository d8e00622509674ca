/* number — reading numbers as people type them, writing them in the
 * interface language (see number.h). No locale and no strtod. */
#include <config.h>
#include "treem/core/number.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_INT_DIGITS 15  /* below 2^53: exact in a double too */
#define MAX_FRAC_DIGITS 9

/* Copies text with no-break spaces made plain and the ends trimmed. */
static char *tidy(const char *text)
{
    size_t n = strlen(text);
    char *s = malloc(n + 1), *o = s;
    if (!s)
        return NULL;
    for (const char *p = text; *p;) {
        if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0)
            *o++ = ' ', p += 2; /* U+00A0 */
        else if ((unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
                 (unsigned char)p[2] == 0xaf)
            *o++ = ' ', p += 3; /* U+202F */
        else
            *o++ = *p == '\t' ? ' ' : *p, p++;
    }
    *o = '\0';
    while (o > s && o[-1] == ' ')
        *--o = '\0';
    size_t lead = strspn(s, " ");
    memmove(s, s + lead, strlen(s + lead) + 1);
    return s;
}

static bool strip_suffix(char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    if (n <= k || strcmp(s + n - k, suffix) != 0)
        return false;
    s[n - k] = '\0';
    while (n - k > 0 && s[n - k - 1] == ' ')
        s[--n - k] = '\0';
    return true;
}

static void strip_unit(char *s, unsigned flags)
{
    static const char *const money[] = {"đồng", "Đồng", "ĐỒNG", "vnđ", "VNĐ", "Vnđ", "vnd",
                                        "VND", "đ", "Đ"};
    if (flags & NUM_PERCENT)
        strip_suffix(s, "%");
    for (size_t i = 0; (flags & NUM_MONEY) && i < sizeof money / sizeof *money; i++)
        if (strip_suffix(s, money[i]))
            break;
}

/* Digits of s[0, len): plain ("1500000") or grouped by one separator, dot
 * or space, first group 1–3 digits, the others 3 ("1.500.000"). */
static bool read_groups(const char *s, size_t len, const char *seps, char *digits, size_t cap)
{
    size_t nd = strlen(digits), group = 0;
    char sep = 0;
    bool grouped = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (nd + 1 >= cap)
                return false;
            digits[nd++] = c;
            group++;
            continue;
        }
        if (!strchr(seps, c) || (sep && c != sep) || group == 0 || group > 3 ||
            (grouped && group != 3))
            return false;
        sep = c;
        grouped = true;
        group = 0;
    }
    digits[nd] = '\0';
    return group > 0 && (!grouped || group == 3);
}

static bool all_digits(const char *s, size_t len)
{
    if (len == 0)
        return false;
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* The whole and fraction digits of a body of digits, dots, spaces and at
 * most one comma; on failure a message for text. */
static enum status split_number(const char *body, const char *text, unsigned flags,
                                char *whole, char *frac)
{
    size_t len = strlen(body);
    const char *comma = strchr(body, ',');
    const char *dot = strchr(body, '.');
    bool one_dot = dot && !strchr(dot + 1, '.');
    whole[0] = frac[0] = '\0';
    if (comma && !(flags & NUM_DECIMAL))
        return status_set(ST_INVALID,
                          _("'%s' is not a whole number (a comma marks decimals; group thousands "
                            "with dots: 1.500.000)"), text);
    if (comma) {
        if (strchr(comma + 1, ','))
            return ST_INVALID;
        if (!read_groups(body, (size_t)(comma - body), ". ", whole, MAX_INT_DIGITS + 1) ||
            !all_digits(comma + 1, strlen(comma + 1)))
            return ST_INVALID;
        snprintf(frac, MAX_FRAC_DIGITS + 1, "%s", comma + 1);
        return strlen(comma + 1) > MAX_FRAC_DIGITS ? ST_INVALID : ST_OK;
    }
    bool dot_decimal = one_dot && (flags & NUM_DECIMAL) && (flags & NUM_DOT_DECIMAL);
    if (!dot_decimal && read_groups(body, len, ". ", whole, MAX_INT_DIGITS + 1)) {
        if (one_dot && (flags & NUM_DECIMAL) && !strchr(body, ' '))
            return status_set(ST_INVALID, _("'%s' can be read two ways: write %s or %.*s,%s"),
                              text, whole, (int)(dot - body), body, dot + 1);
        return ST_OK;
    }
    whole[0] = '\0';
    if (!one_dot || !all_digits(body, (size_t)(dot - body)) ||
        !all_digits(dot + 1, strlen(dot + 1)))
        return ST_INVALID;
    if (!(flags & NUM_DECIMAL))
        return status_set(ST_INVALID, _("'%s' is not a whole number"), text);
    if ((size_t)(dot - body) > MAX_INT_DIGITS || strlen(dot + 1) > MAX_FRAC_DIGITS)
        return ST_INVALID;
    snprintf(whole, MAX_INT_DIGITS + 1, "%.*s", (int)(dot - body), body);
    snprintf(frac, MAX_FRAC_DIGITS + 1, "%s", dot + 1);
    return ST_OK;
}

static enum status refuse(const char *text, unsigned flags)
{
    if (!(flags & NUM_DECIMAL))
        return status_set(ST_INVALID, _("'%s' is not a number (write it like 1.500.000)"), text);
    return status_set(ST_INVALID, _("'%s' is not a number (write it like 1.500.000 or 20,5)"),
                      text);
}

enum status number_parse(const char *text, unsigned flags, double *out)
{
    char *s = tidy(text ? text : "");
    if (!s)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    strip_unit(s, flags);
    const char *body = s;
    bool negative = *body == '-';
    if (negative)
        body++;
    char whole[MAX_INT_DIGITS + 2], frac[MAX_FRAC_DIGITS + 2];
    enum status st = ST_INVALID;
    status_clear();
    if (*body && strspn(body, "0123456789., ") == strlen(body) && *body >= '0' && *body <= '9')
        st = split_number(body, text, flags, whole, frac);
    if (st == ST_OK && negative && !(flags & NUM_SIGNED))
        st = status_set(ST_INVALID, _("'%s' must not be negative"), text);
    else if (st != ST_OK && status_last() != ST_INVALID)
        st = refuse(text, flags);
    free(s);
    if (st != ST_OK)
        return st;
    double v = 0, scale = 1;
    for (const char *p = whole; *p; p++)
        v = v * 10 + (*p - '0');
    for (const char *p = frac; *p; p++)
        scale /= 10, v += (*p - '0') * scale;
    *out = negative ? -v : v;
    return ST_OK;
}

enum status number_parse_int(const char *text, unsigned flags, long long *out)
{
    double v;
    enum status st = number_parse(text, flags & ~(unsigned)NUM_DECIMAL, &v);
    if (st == ST_OK)
        *out = (long long)v;
    return st;
}

static bool vietnamese(void) { return strcmp(i18n_lang(), "en") != 0; }

/* Digits of v grouped by thousands. */
static void group_digits(unsigned long long v, char *out, size_t cap)
{
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%llu", v);
    char sep = vietnamese() ? '.' : ',';
    size_t o = 0;
    for (int i = 0; i < n && o + 2 < cap; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            out[o++] = sep;
        out[o++] = digits[i];
    }
    out[o] = '\0';
}

char *number_format_int(long long v, char out[NUMBER_BUF])
{
    unsigned long long m = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    out[0] = '-';
    group_digits(m, out + (v < 0), NUMBER_BUF - 1);
    return out;
}

char *number_format_fixed(double v, int decimals, char out[NUMBER_BUF])
{
    if (decimals < 0)
        decimals = 0;
    if (decimals > MAX_FRAC_DIGITS)
        decimals = MAX_FRAC_DIGITS;
    unsigned long long p = 1;
    for (int i = 0; i < decimals; i++)
        p *= 10;
    double a = v < 0 ? -v : v;
    if (!(a < 1e15))
        a = 0; /* NaN, infinity, or beyond what is typed */
    unsigned long long scaled = (unsigned long long)(a * (double)p + 0.5);
    size_t o = 0;
    if (v < 0 && scaled)
        out[o++] = '-';
    group_digits(scaled / p, out + o, NUMBER_BUF - o - MAX_FRAC_DIGITS - 2);
    o = strlen(out);
    if (decimals)
        snprintf(out + o, NUMBER_BUF - o, "%c%0*llu", vietnamese() ? ',' : '.', decimals,
                 scaled % p);
    return out;
}

char *number_format_decimal(double v, int decimals, char out[NUMBER_BUF])
{
    number_format_fixed(v, decimals, out);
    char dec = vietnamese() ? ',' : '.';
    char *d = strchr(out, dec);
    if (d) {
        size_t n = strlen(out);
        while (n > 0 && out[n - 1] == '0')
            out[--n] = '\0';
        if (out + n - 1 == d)
            *d = '\0';
    }
    if (strcmp(out, "-0") == 0)
        strcpy(out, "0");
    return out;
}

char *number_format_plain(double v, int decimals, char out[NUMBER_BUF])
{
    number_format_decimal(v, decimals, out);
    char group = vietnamese() ? '.' : ',', *o = out;
    for (const char *p = out; *p; p++)
        if (*p != group)
            *o++ = *p;
    *o = '\0';
    return out;
}

char *number_format_percent(double v, int decimals, char out[NUMBER_BUF])
{
    number_format_fixed(v, decimals, out);
    strcat(out, " %"); /* as the plans and criteria have always shown it */
    return out;
}
