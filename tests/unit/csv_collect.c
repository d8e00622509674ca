/* csv_collect — test helper: copies of the records read. */
#include <config.h>
#include "csv_collect.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

enum status collect_row(const struct csv_row *row, void *ctx)
{
    struct collected *c = ctx;
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 16;
        c->line = realloc(c->line, c->cap * sizeof *c->line);
        c->nfields = realloc(c->nfields, c->cap * sizeof *c->nfields);
        c->fields = realloc(c->fields, c->cap * sizeof *c->fields);
        if (!c->line || !c->nfields || !c->fields)
            return ST_NOMEM;
    }
    char **cells = malloc((row->nfields ? row->nfields : 1) * sizeof *cells);
    if (!cells)
        return ST_NOMEM;
    for (size_t i = 0; i < row->nfields; i++)
        cells[i] = strdup(row->fields[i]);
    c->line[c->n] = row->line;
    c->nfields[c->n] = row->nfields;
    c->fields[c->n] = cells;
    c->n++;
    if (c->stop_after && c->n >= c->stop_after)
        return status_set(ST_CANCELLED, "stop");
    return ST_OK;
}

void collected_free(struct collected *c)
{
    for (size_t r = 0; r < c->n; r++) {
        for (size_t i = 0; i < c->nfields[r]; i++)
            free(c->fields[r][i]);
        free(c->fields[r]);
    }
    free(c->line);
    free(c->nfields);
    free(c->fields);
    memset(c, 0, sizeof *c);
}

void collect_buffer(struct collected *c, const char *data, size_t len, size_t records)
{
    ck_assert_msg(csv_read_buffer(data, len, 0, collect_row, c) == ST_OK, "%s", status_message());
    ck_assert_uint_eq(c->n, records);
}

void collect_expect(const struct collected *c, size_t r, size_t n, const char *const cells[])
{
    ck_assert_uint_lt(r, c->n);
    ck_assert_uint_eq(c->nfields[r], n);
    for (size_t i = 0; i < n; i++)
        if (cells[i])
            ck_assert_str_eq(c->fields[r][i], cells[i]);
}
