/* csv_errors — list of typed problems and the error CSV. */
#include <config.h>
#include "treem/csv/csv_errors.h"
#include "treem/core/i18n.h"
#include "treem/core/mem.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One allocation holds the three strings of an item: column, value and
 * message follow each other (items[i].column is the block to free). */
static enum status add(struct csv_errors *e, bool warning, size_t line, const char *column,
                       const char *value, const char *rule, const char *fmt, va_list ap)
{
    if (warning)
        e->warnings++;
    else
        e->errors++;
    if (e->max && e->n >= e->max)
        return ST_OK;
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    column = column ? column : "";
    value = value ? value : "";
    size_t lc = strlen(column) + 1, lv = strlen(value) + 1, lm = strlen(msg) + 1;
    if (!mem_reserve(&e->items, &e->cap, e->n + 1, sizeof *e->items, 16))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    char *block = malloc(lc + lv + lm);
    if (!block)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    memcpy(block, column, lc);
    memcpy(block + lc, value, lv);
    memcpy(block + lc + lv, msg, lm);
    e->items[e->n++] = (struct csv_error){line, block, block + lc, rule ? rule : "",
                                          block + lc + lv, warning};
    return ST_OK;
}

enum status csv_errors_note(struct csv_errors *e, bool warning, size_t line, const char *column,
                            const char *value, const char *rule, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    enum status st = add(e, warning, line, column, value, rule, fmt, ap);
    va_end(ap);
    return st;
}

void csv_errors_free(struct csv_errors *e)
{
    for (size_t i = 0; i < e->n; i++)
        free((char *)e->items[i].column);
    free(e->items);
    e->items = NULL;
    e->n = e->cap = 0;
    e->errors = e->warnings = 0;
}

enum status csv_errors_status(const struct csv_errors *e)
{
    if (e->errors == 0)
        return ST_OK;
    const struct csv_error *first = NULL;
    for (size_t i = 0; i < e->n && !first; i++)
        if (!e->items[i].warning)
            first = &e->items[i];
    if (!first)
        return status_set(ST_INVALID, _("%zu problems in the file"), e->errors);
    char more[128] = "";
    if (e->errors > 1)
        snprintf(more, sizeof more, _(" (and %zu more problems)"), e->errors - 1);
    if (first->line)
        return status_set(ST_INVALID, _("line %zu: %s%s"), first->line, first->message, more);
    return status_set(ST_INVALID, "%s%s", first->message, more);
}

enum status csv_errors_write(const struct csv_errors *e, struct csv_writer *w)
{
    static const char *const header[] = {"line", "column", "value", "rule", "message"};
    enum status st = csv_write_row(w, header, 5);
    for (size_t i = 0; i < e->n && st == ST_OK; i++) {
        const struct csv_error *it = &e->items[i];
        if (it->line)
            csv_write_int(w, (long long)it->line);
        else
            csv_write_cell(w, "");
        csv_write_cell(w, it->column);
        csv_write_cell(w, it->value);
        csv_write_cell(w, it->rule);
        csv_write_cell(w, it->message);
        st = csv_write_end_row(w);
    }
    return st;
}

static enum status fill_errors(struct csv_writer *w, const void *e)
{
    return csv_errors_write(e, w);
}

enum status csv_errors_save(const struct csv_errors *e, const char *path, unsigned flags)
{
    return csv_write_file(path, flags, fill_errors, e);
}
