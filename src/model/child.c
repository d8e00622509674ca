/* child — the record, its field table, typed input and shown values. */
#include <config.h>
#include "treem/model/child.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/core/utf8.h"

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHILD_X_DEF(id, member, kind, max, def, label) \
    [CF_##id] = {#member, kind, max, def, label, offsetof(struct child, member)},
const struct child_field_def child_fields[CF__COUNT] = {CHILD_FIELD_LIST(CHILD_X_DEF)};
#undef CHILD_X_DEF

static bool is_text_kind(enum child_field_kind k)
{
    return k == CFK_TEXT || k == CFK_PHONE || k == CFK_PID || k == CFK_VILLAGE;
}

static char **text_at(struct child *c, enum child_field f)
{
    return (char **)((char *)c + child_fields[f].offset);
}

static const char *text_of(const struct child *c, enum child_field f)
{
    const char *s = *(char *const *)((const char *)c + child_fields[f].offset);
    return s ? s : "";
}

static int *int_at(struct child *c, enum child_field f)
{
    return (int *)((char *)c + child_fields[f].offset);
}

static int int_of(const struct child *c, enum child_field f)
{
    return *(const int *)((const char *)c + child_fields[f].offset);
}

static struct date *date_at(struct child *c, enum child_field f)
{
    return (struct date *)((char *)c + child_fields[f].offset);
}

static struct date date_of(const struct child *c, enum child_field f)
{
    return *(const struct date *)((const char *)c + child_fields[f].offset);
}

void child_init(struct child *c)
{
    memset(c, 0, sizeof *c);
    for (int f = 0; f < CF__COUNT; f++) {
        enum child_field_kind k = child_fields[f].kind;
        if (k == CFK_AGE || k == CFK_BOOL)
            *int_at(c, f) = -1;
    }
}

void child_free(struct child *c)
{
    for (int f = 0; f < CF__COUNT; f++)
        if (is_text_kind(child_fields[f].kind))
            free(*text_at(c, f));
    child_init(c);
}

enum status child_copy(struct child *dst, const struct child *src)
{
    *dst = *src;
    for (int f = 0; f < CF__COUNT; f++) {
        if (!is_text_kind(child_fields[f].kind))
            continue;
        const char *s = *(char *const *)((const char *)src + child_fields[f].offset);
        *text_at(dst, f) = NULL;
        if (s && !(*text_at(dst, f) = strdup(s))) {
            child_free(dst);
            return status_set(ST_NOMEM, "%s", _("out of memory"));
        }
    }
    return ST_OK;
}

enum child_field child_field_find(const char *key)
{
    for (int f = 0; key && f < CF__COUNT; f++) {
        const char *a = child_fields[f].key, *b = key;
        while (*a && (*a == *b || (*a == '_' && *b == '-')))
            a++, b++;
        if (!*a && !*b)
            return f;
    }
    return CF_NONE;
}

/* Trims white space at both ends in place; single-line fields also turn
 * tabs and newlines into spaces and collapse runs of spaces. */
static void tidy(char *s, bool single_line)
{
    size_t j = 0;
    bool space = true; /* drops leading spaces */
    for (size_t i = 0; s[i]; i++) {
        unsigned char ch = (unsigned char)s[i];
        bool ws = ch == ' ' || ch == '\t' || ch == '\r' || (single_line && ch == '\n');
        if (single_line && ws) {
            if (!space)
                s[j++] = ' ';
            space = true;
            continue;
        }
        if (!single_line && j == 0 && (ws || ch == '\n'))
            continue;
        s[j++] = s[i];
        space = false;
    }
    while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t' || s[j - 1] == '\n' || s[j - 1] == '\r'))
        j--;
    s[j] = '\0';
}

static enum status field_error(enum child_field f, const char *what)
{
    char copy[512];
    snprintf(copy, sizeof copy, "%s", what);
    return status_set(ST_INVALID, "%s: %s", _(child_fields[f].label), copy);
}

static enum status parse_bool(const char *s, int *out)
{
    static const char *const yes[] = {"co", "yes", "y", "1", "x", "true", "c"};
    static const char *const no[] = {"khong", "no", "n", "0", "false", "k"};
    static const char *const unknown[] = {"", "?", "chua ro", "khong ro", "unknown"};
    char *fold = utf8_fold(s);
    if (!fold)
        return ST_INVALID;
    enum status st = ST_INVALID;
    for (size_t i = 0; st != ST_OK && i < sizeof yes / sizeof *yes; i++)
        if (strcmp(fold, yes[i]) == 0)
            *out = 1, st = ST_OK;
    for (size_t i = 0; st != ST_OK && i < sizeof no / sizeof *no; i++)
        if (strcmp(fold, no[i]) == 0)
            *out = 0, st = ST_OK;
    for (size_t i = 0; st != ST_OK && i < sizeof unknown / sizeof *unknown; i++)
        if (strcmp(fold, unknown[i]) == 0)
            *out = -1, st = ST_OK;
    free(fold);
    return st;
}

static enum status parse_age(const char *s, int *out)
{
    if (!*s) {
        *out = -1;
        return ST_OK;
    }
    long long v = 0;
    if (number_parse_int(s, NUM_INT, &v) != ST_OK || v > 999)
        return ST_INVALID;
    *out = (int)v;
    return ST_OK;
}

/* Parses the tidy text t into field f of c (which owns nothing of t). */
static enum status parse_into(struct child *c, enum child_field f, const char *t)
{
    const struct child_field_def *d = &child_fields[f];
    char msg[300];
    switch (d->kind) {
    case CFK_DATE: {
        struct date v = {0, 0, 0};
        if (*t && date_parse(t, &v) != ST_OK) {
            snprintf(msg, sizeof msg, "%s", status_message());
            return field_error(f, msg);
        }
        *date_at(c, f) = v;
        return ST_OK;
    }
    case CFK_AGE:
        if (parse_age(t, int_at(c, f)) != ST_OK) {
            snprintf(msg, sizeof msg, _("'%s' is not a number of years"), t);
            return field_error(f, msg);
        }
        return ST_OK;
    case CFK_BOOL:
        if (parse_bool(t, int_at(c, f)) != ST_OK) {
            snprintf(msg, sizeof msg, _("'%s' is not yes or no (có / không)"), t);
            return field_error(f, msg);
        }
        return ST_OK;
    case CFK_ENUM: {
        int v = *t ? enum_parse(d->def, t) : 0;
        if (v < 0)
            return field_error(f, _("not one of the choices"));
        *int_at(c, f) = v;
        return ST_OK;
    }
    default:
        break;
    }
    char *copy = strdup(t);
    if (!copy)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    free(*text_at(c, f));
    *text_at(c, f) = copy;
    if (d->kind == CFK_VILLAGE)
        c->village_id = 0; /* the name is resolved to a village by app/ */
    return ST_OK;
}

enum status child_field_parse(struct child *c, enum child_field f, const char *text)
{
    if ((int)f < 0 || f >= CF__COUNT)
        return status_set(ST_INVALID, "%s", _("unknown field"));
    char *t = utf8_nfc(text ? text : "");
    if (!t)
        return field_error(f, _("the text is not valid UTF-8"));
    tidy(t, f != CF_NOTES);
    if (f == CF_PERSONAL_ID) { /* "0360 1500 1234" is read as written on a card */
        size_t j = 0;
        for (size_t i = 0; t[i]; i++)
            if (t[i] != ' ' && t[i] != '.')
                t[j++] = t[i];
        t[j] = '\0';
    }
    if (strlen(t) > 4 * 4000) { /* far beyond every limit: refuse early */
        free(t);
        return field_error(f, _("the text is far too long"));
    }
    enum status st = parse_into(c, f, t);
    free(t);
    return st;
}

bool child_field_lost_zero(enum child_field f, const char *text)
{
    if ((int)f < 0 || f >= CF__COUNT || !text || !*text || *text == '0')
        return false;
    enum child_field_kind k = child_fields[f].kind;
    if (k != CFK_PID && k != CFK_PHONE)
        return false;
    size_t n = 0;
    for (const char *p = text; *p; p++, n++)
        if (*p < '0' || *p > '9')
            return false;
    return k == CFK_PID ? n == 11 : n >= 8 && n <= 10;
}

static bool append_date(struct strbuf *out, struct date d, enum child_format fmt)
{
    if (d.y == 0)
        return true;
    char buf[DATE_BUF];
    if (fmt == CHILD_FMT_STORE)
        date_iso(d, buf);
    else
        date_format(d, buf);
    return strbuf_puts(out, buf);
}

bool child_field_text(const struct child *c, enum child_field f, enum child_format fmt,
                      struct strbuf *out)
{
    const struct child_field_def *d = &child_fields[f];
    int v;
    switch (d->kind) {
    case CFK_DATE:
        return append_date(out, date_of(c, f), fmt);
    case CFK_AGE:
        v = int_of(c, f);
        return v < 0 || strbuf_printf(out, "%d", v);
    case CFK_BOOL:
        v = int_of(c, f);
        if (v < 0)
            return true;
        if (fmt == CHILD_FMT_STORE)
            return strbuf_puts(out, v ? "1" : "0");
        return strbuf_puts(out, v ? _("Yes") : _("No"));
    case CFK_ENUM:
        v = int_of(c, f);
        if (fmt == CHILD_FMT_STORE)
            return strbuf_puts(out, enum_code(d->def, v));
        if (!enum_code(d->def, v)[0])
            return true; /* "not recorded" shows as blank */
        return strbuf_puts(out, enum_label(d->def, v));
    default:
        return strbuf_puts(out, text_of(c, f));
    }
}
