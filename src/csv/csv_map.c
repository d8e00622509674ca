/* csv_map — header ↔ column mapping. */
#include <config.h>
#include "treem/csv/csv_map.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdlib.h>
#include <string.h>

/* Drops "(…)" from k when something is left outside them ("Ngày sinh
 * (dd/mm/yyyy)" is "Ngày sinh"). */
static void drop_parens(char *k)
{
    size_t outside = 0;
    int depth = 0;
    for (const char *r = k; *r; r++) {
        depth += *r == '(' ? 1 : *r == ')' && depth > 0 ? -1 : 0;
        outside += depth == 0 && *r != ')' && (unsigned char)*r > ' ';
    }
    if (outside == 0)
        return;
    char *w = k;
    depth = 0;
    for (const char *r = k; *r; r++) {
        if (*r == '(')
            depth++;
        else if (*r == ')' && depth > 0)
            depth--;
        else if (depth == 0)
            *w++ = *r;
    }
    *w = '\0';
}

char *csv_map_key(const char *s)
{
    char *k = utf8_fold(s);
    if (!k)
        return NULL;
    drop_parens(k);
    char *w = k;
    for (const char *r = k; *r; r++) {
        unsigned char c = (unsigned char)*r;
        if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            continue; /* spaces, punctuation: "Họ và tên:", "HO_VA_TEN", "Họ-tên*" */
        if (c == 0xC2 && (unsigned char)r[1] == 0xA0) {
            r++; /* U+00A0 no-break space, as Excel sometimes writes */
            continue;
        }
        *w++ = *r;
    }
    *w = '\0';
    return k;
}

/* Calls fn on every header text a column accepts (name, label, aliases)
 * until it returns false; false when stopped or out of memory. */
typedef bool (*spelling_fn)(const char *key, size_t col, void *ctx);

static bool each_spelling(const struct csv_kind *kind, size_t col, spelling_fn fn, void *ctx)
{
    const struct csv_column *c = &kind->columns[col];
    const char *fixed[2] = {c->name, c->label};
    char buf[256];
    for (int i = 0; i < 2; i++) {
        if (!fixed[i] || !*fixed[i])
            continue;
        char *k = csv_map_key(fixed[i]);
        bool go = k && fn(k, col, ctx);
        free(k);
        if (!go)
            return false;
    }
    for (const char *a = c->aliases; a && *a;) {
        size_t n = strcspn(a, "|");
        if (n >= sizeof buf)
            n = sizeof buf - 1;
        memcpy(buf, a, n);
        buf[n] = '\0';
        char *k = csv_map_key(buf);
        bool go = k && fn(k, col, ctx);
        free(k);
        if (!go)
            return false;
        a += strcspn(a, "|");
        a += *a == '|';
    }
    return true;
}

struct lookup {
    const char *key;
    int found;
};

static bool lookup_fn(const char *key, size_t col, void *ctx)
{
    struct lookup *l = ctx;
    if (strcmp(key, l->key) != 0)
        return true;
    l->found = (int)col;
    return false;
}

/* The column whose spellings include key, or -1. */
static int column_of(const struct csv_kind *kind, const char *key)
{
    struct lookup l = {key, -1};
    for (size_t c = 0; c < kind->ncolumns && l.found < 0; c++)
        each_spelling(kind, c, lookup_fn, &l);
    return l.found;
}

int csv_kind_find(const struct csv_kind *kind, const char *name)
{
    for (size_t c = 0; c < kind->ncolumns; c++)
        if (strcmp(kind->columns[c].name, name) == 0)
            return (int)c;
    return -1;
}

struct clash {
    const struct csv_kind *kind;
    size_t col;
    int other;
};

static bool clash_fn(const char *key, size_t col, void *ctx)
{
    struct clash *cl = ctx;
    (void)col;
    struct lookup l = {key, -1};
    for (size_t c = 0; c < cl->kind->ncolumns && l.found < 0; c++)
        if (c != cl->col)
            each_spelling(cl->kind, c, lookup_fn, &l);
    cl->other = l.found;
    return l.found < 0;
}

static bool ascii_name(const char *s)
{
    if (!s || !*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

enum status csv_kind_check(const struct csv_kind *kind)
{
    for (size_t c = 0; c < kind->ncolumns; c++) {
        const char *name = kind->columns[c].name;
        if (!ascii_name(name))
            return status_set(ST_INVALID, _("%s: column name \"%s\" must be lower-case ASCII"),
                              kind->name, name ? name : "");
        struct clash cl = {kind, c, -1};
        if (!each_spelling(kind, c, clash_fn, &cl) && cl.other >= 0)
            return status_set(ST_INVALID, _("%s: columns %s and %s accept the same header"),
                              kind->name, name, kind->columns[cl.other].name);
    }
    return ST_OK;
}

/* One header cell: which column, or unknown/duplicate. */
static enum status map_cell(struct csv_map *map, const struct csv_row *header, size_t i,
                            unsigned flags, struct csv_errors *errs)
{
    const char *text = header->fields[i];
    const struct csv_kind *kind = map->kind;
    char *key = csv_map_key(text);
    if (key && !*key) {
        free(key);
        return ST_OK; /* an empty header: Excel's trailing separators */
    }
    int col = key ? column_of(kind, key) : -1;
    free(key);
    if (col < 0) {
        map->nunknown++;
        if (flags & CSV_MAP_STRICT)
            return csv_errors_add(errs, header->line, text, "", CSV_RULE_UNKNOWN_COLUMN,
                                  _("column \"%s\" is not a column of %s"), text, _(kind->title));
        return csv_errors_warn(errs, header->line, text, "", CSV_RULE_UNKNOWN_COLUMN,
                               _("column \"%s\" is not a column of %s and is ignored"), text,
                               _(kind->title));
    }
    const struct csv_column *c = &kind->columns[col];
    if (map->cell[col] >= 0)
        return csv_errors_add(errs, header->line, c->name, text, CSV_RULE_DUPLICATE_COLUMN,
                              _("columns \"%s\" and \"%s\" both give %s (%s)"),
                              header->fields[map->cell[col]], text, c->name, c->label);
    map->cell[col] = (int)i;
    return ST_OK;
}

enum status csv_map_build(struct csv_map *map, const struct csv_kind *kind,
                          const struct csv_row *header, unsigned flags,
                          struct csv_errors *errs)
{
    memset(map, 0, sizeof *map);
    map->kind = kind;
    map->line = header->line;
    map->nheader = header->nfields;
    map->cell = malloc((kind->ncolumns ? kind->ncolumns : 1) * sizeof *map->cell);
    if (!map->cell)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    for (size_t c = 0; c < kind->ncolumns; c++)
        map->cell[c] = -1;
    map->texts = calloc(header->nfields ? header->nfields : 1, sizeof *map->texts);
    for (size_t i = 0; map->texts && i < header->nfields; i++)
        map->texts[i] = strdup(header->fields[i]); /* NULL: the column's name is used */
    size_t before = errs->errors;
    enum status st = ST_OK;
    for (size_t i = 0; i < header->nfields && st == ST_OK; i++)
        st = map_cell(map, header, i, flags, errs);
    for (size_t c = 0; c < kind->ncolumns && st == ST_OK; c++) {
        const struct csv_column *col = &kind->columns[c];
        if (col->required && map->cell[c] < 0)
            st = csv_errors_add(errs, header->line, col->name, "", CSV_RULE_MISSING_COLUMN,
                                _("the required column %s (%s) is missing"), col->name,
                                col->label);
    }
    if (st != ST_OK)
        return st;
    return errs->errors > before ? csv_errors_status(errs) : ST_OK;
}

size_t csv_map_known(const struct csv_kind *kind, const struct csv_row *row, bool *required)
{
    size_t known = 0;
    bool *seen = calloc(kind->ncolumns ? kind->ncolumns : 1, sizeof *seen);
    if (!seen)
        return 0;
    for (size_t i = 0; i < row->nfields; i++) {
        char *key = csv_map_key(row->fields[i]);
        int col = key && *key ? column_of(kind, key) : -1;
        free(key);
        if (col >= 0 && !seen[col]) {
            seen[col] = true;
            known++;
        }
    }
    *required = true;
    for (size_t c = 0; c < kind->ncolumns; c++)
        if (kind->columns[c].required && !seen[c])
            *required = false;
    free(seen);
    return known;
}

void csv_map_free(struct csv_map *map)
{
    for (size_t i = 0; map->texts && i < map->nheader; i++)
        free(map->texts[i]);
    free(map->texts);
    map->texts = NULL;
    free(map->cell);
    map->cell = NULL;
}

const char *csv_map_header(const struct csv_map *map, size_t col)
{
    if (!csv_map_has(map, col) || !map->texts)
        return NULL;
    const char *t = map->texts[map->cell[col]];
    return t && *t ? t : NULL;
}

bool csv_map_has(const struct csv_map *map, size_t col)
{
    return col < map->kind->ncolumns && map->cell[col] >= 0;
}

const char *csv_map_get(const struct csv_map *map, const struct csv_row *row, size_t col)
{
    if (!csv_map_has(map, col))
        return "";
    size_t i = (size_t)map->cell[col];
    return i < row->nfields ? row->fields[i] : "";
}

enum status csv_map_check_row(const struct csv_map *map, const struct csv_row *row,
                              struct csv_errors *errs)
{
    if (row->nfields < map->nheader) {
        enum status st = csv_errors_add(errs, row->line, "", "", CSV_RULE_COLUMN_COUNT,
                                        _("the row has %zu cells but the header has %zu"),
                                        row->nfields, map->nheader);
        return st == ST_OK ? ST_INVALID : st;
    }
    for (size_t i = map->nheader; i < row->nfields; i++) {
        if (!*row->fields[i])
            continue;
        enum status st = csv_errors_add(errs, row->line, "", row->fields[i], CSV_RULE_COLUMN_COUNT,
                                        _("cell %zu is past the last column of the header (%zu)"),
                                        i + 1, map->nheader);
        return st == ST_OK ? ST_INVALID : st;
    }
    return ST_OK;
}

enum status csv_map_write_header(const struct csv_kind *kind, struct csv_writer *w)
{
    for (size_t c = 0; c < kind->ncolumns; c++)
        csv_write_cell(w, kind->columns[c].name);
    return csv_write_end_row(w);
}
