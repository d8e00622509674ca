/* rubric_text — numbers, bounds and bands as people read and type them. */
#include <config.h>
#include "treem/model/rubric_text.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/core/strbuf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rubric_text_num(double v, char buf[RUBRIC_TEXT_NUM_BUF])
{
    snprintf(buf, RUBRIC_TEXT_NUM_BUF, "%.2f", v);
    char *dot = strchr(buf, '.');
    if (!dot)
        return;
    char *end = buf + strlen(buf) - 1;
    while (end > dot && *end == '0')
        *end-- = '\0';
    if (end == dot)
        *end = '\0';
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
}

void rubric_text_num_show(double v, char buf[RUBRIC_TEXT_NUM_BUF])
{
    char n[NUMBER_BUF];
    snprintf(buf, RUBRIC_TEXT_NUM_BUF, "%s", number_format_decimal(v, 2, n));
}

void rubric_text_interval(const struct rubric_band *b, char *buf, size_t n)
{
    char lo[RUBRIC_TEXT_NUM_BUF], hi[RUBRIC_TEXT_NUM_BUF];
    rubric_text_num(b->lo, lo);
    rubric_text_num(b->hi, hi);
    if (b->has_lo && b->has_hi && b->lo == b->hi)
        snprintf(buf, n, "= %s", lo);
    else
        snprintf(buf, n, "%s%s; %s%s", b->has_lo && b->lo_incl ? "[" : "(",
                 b->has_lo ? lo : "-∞", b->has_hi ? hi : "∞",
                 b->has_hi && b->hi_incl ? "]" : ")");
}

char *rubric_text_bands(const struct rubric_indicator *ind)
{
    size_t cap = 64 + ind->nbands * 96;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < ind->nbands; i++) {
        char iv[64], pts[RUBRIC_TEXT_NUM_BUF];
        rubric_text_interval(&ind->bands[i], iv, sizeof iv);
        rubric_text_num(ind->bands[i].points, pts);
        len += (size_t)snprintf(out + len, cap - len, "%s%s → %s", i ? "; " : "", iv, pts);
    }
    if (!ind->bands_known)
        snprintf(out + len, cap - len, "%s…", ind->nbands ? "; " : "");
    return out;
}

bool rubric_text_parse_number(const char *s, double *out)
{
    char buf[64];
    if (!s)
        return false;
    snprintf(buf, sizeof buf, "%s", s);
    size_t n = strlen(buf);
    while (n && buf[n - 1] == ' ')
        buf[--n] = '\0';
    static const char permille[] = "‰";
    size_t u = sizeof permille - 1;
    if (n >= u && strcmp(buf + n - u, permille) == 0)
        buf[n - u] = '\0'; /* "‰" as "%": the value is not divided */
    return number_parse(buf, NUM_DECIMAL | NUM_PERCENT | NUM_SIGNED, out) == ST_OK;
}

/* Strips a leading comparison operator; returns the rest. */
static const char *bound_op(const char *s, bool upper, bool *incl, bool *bad)
{
    static const struct { const char *op; bool upper, incl; } ops[] = {
        {">=", false, true}, {"≥", false, true}, {">", false, false},
        {"<=", true, true}, {"≤", true, true}, {"<", true, false},
    };
    *incl = true;
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
        size_t n = strlen(ops[i].op);
        if (strncmp(s, ops[i].op, n) != 0)
            continue;
        *bad = ops[i].upper != upper;
        *incl = ops[i].incl;
        return s + n;
    }
    return s;
}

enum status rubric_text_parse_bound(const char *s, bool upper, const char *what, struct rubric_band *b)
{
    while (s && *s == ' ')
        s++;
    bool *has = upper ? &b->has_hi : &b->has_lo, *incl = upper ? &b->hi_incl : &b->lo_incl;
    double *v = upper ? &b->hi : &b->lo;
    if (!s || !*s) {
        *has = false;
        *incl = true;
        *v = 0;
        return ST_OK;
    }
    bool bad = false;
    const char *rest = bound_op(s, upper, incl, &bad);
    if (bad)
        return status_set(ST_INVALID, upper
            ? _("%s: '%s' is not an upper bound (write <=100 or <100)")
            : _("%s: '%s' is not a lower bound (write >=95 or >95)"), what, s);
    if (!rubric_text_parse_number(rest, v))
        return status_set(ST_INVALID, _("%s: '%s' is not a number"), what, s);
    *has = true;
    return ST_OK;
}

void rubric_text_bound(const struct rubric_band *b, bool upper, char *buf, size_t n)
{
    char num[RUBRIC_TEXT_NUM_BUF];
    bool has = upper ? b->has_hi : b->has_lo, incl = upper ? b->hi_incl : b->lo_incl;
    if (!has) {
        snprintf(buf, n, "%s", "");
        return;
    }
    /* exact enough to read back the same band (rubric_text_num rounds) */
    snprintf(num, sizeof num, "%.10g", upper ? b->hi : b->lo);
    snprintf(buf, n, "%s%s", upper ? (incl ? "<=" : "<") : (incl ? ">=" : ">"), num);
}
