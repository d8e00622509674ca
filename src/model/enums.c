/* enums — closed lists of the child record and their parsing. */
#include <config.h>
#include "treem/model/enums.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdlib.h>
#include <string.h>

CHILD_ENUMS(ENUM_DEFINE)

/* Folds s and keeps only letters and digits ("Khong-ro" → "khongro"). The
 * result is written to out (size n); false when s is not valid UTF-8. */
static bool squash(const char *s, size_t len, char *out, size_t n)
{
    char *tmp = malloc(len + 1);
    if (!tmp)
        return false;
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    char *fold = utf8_fold(tmp);
    free(tmp);
    if (!fold)
        return false;
    size_t j = 0;
    for (const char *p = fold; *p && j + 1 < n; p++)
        if (*p != ' ' && *p != '-' && *p != '_' && *p != '.' && *p != '\'')
            out[j++] = *p;
    out[j] = '\0';
    free(fold);
    return true;
}

static bool same(const char *a, size_t alen, const char *want)
{
    char x[128];
    return squash(a, alen, x, sizeof x) && x[0] && strcmp(x, want) == 0;
}

static bool item_matches(const struct enum_item *it, const char *want)
{
    if (same(it->code, strlen(it->code), want) || same(it->label, strlen(it->label), want))
        return true;
    const char *tr = _(it->label), *vi = i18n_tr_vi(it->label);
    if (same(tr, strlen(tr), want) || same(vi, strlen(vi), want))
        return true;
    for (const char *a = it->aliases; *a;) {
        const char *bar = strchr(a, '|');
        size_t len = bar ? (size_t)(bar - a) : strlen(a);
        if (same(a, len, want))
            return true;
        a += len + (bar ? 1 : 0);
    }
    return false;
}

int enum_parse(const struct enum_def *def, const char *text)
{
    char want[128];
    if (!text || !squash(text, strlen(text), want, sizeof want) || !want[0])
        return -1;
    for (size_t i = 0; i < def->n; i++)
        if (item_matches(&def->items[i], want))
            return (int)i;
    return -1;
}

const char *enum_code(const struct enum_def *def, int v)
{
    return v >= 0 && (size_t)v < def->n ? def->items[v].code : "";
}

const char *enum_label(const struct enum_def *def, int v)
{
    return v >= 0 && (size_t)v < def->n ? _(def->items[v].label) : "?";
}

int enum_from_code(const struct enum_def *def, const char *code)
{
    for (size_t i = 0; code && i < def->n; i++)
        if (strcmp(def->items[i].code, code) == 0)
            return (int)i;
    return -1;
}

int enum_from_code_dashed(const struct enum_def *def, const char *s)
{
    for (size_t i = 0; s && i < def->n; i++) {
        const char *c = def->items[i].code, *p = s;
        while (*c && (*p == *c || (*p == '-' && *c == '_'))) {
            c++;
            p++;
        }
        if (!*c && !*p)
            return (int)i;
    }
    return -1;
}
