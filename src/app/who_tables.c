/* who_tables — embedded WHO CSV → struct growth_ref. */
#include <config.h>
#include "treem/app/who_tables.h"
#include "treem/core/embed.h"
#include "treem/core/i18n.h"
#include "treem/core/mem.h"
#include "treem/csv/csv_read.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct who_loader {
    struct growth_table *t;
    size_t cap;
    const char *file;
};

static bool parse_num(const char *s, double *out)
{
    char *end;
    errno = 0;
    *out = strtod(s, &end);
    return *s && !*end && errno == 0;
}

/* month,l,m,s,sd3neg,sd2neg,sd1neg,sd0,sd1,sd2,sd3 */
static enum status on_row(const struct csv_row *row, void *ctx)
{
    struct who_loader *w = ctx;
    if (row->line == 1)
        return ST_OK;
    double v[6];
    bool ok = row->nfields >= 6;
    for (int i = 0; ok && i < 6; i++)
        ok = parse_num(row->fields[i], &v[i]);
    if (!ok)
        return status_set(ST_INVALID, _("%s line %zu: expected numbers month,l,m,s,sd3neg,sd2neg"),
                          w->file, row->line);
    if (!mem_reserve(&w->t->rows, &w->cap, w->t->n + 1, sizeof *w->t->rows, 64))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    struct growth_point *p = &w->t->rows[w->t->n];
    if (w->t->n > 0 && (int)v[0] <= p[-1].month)
        return status_set(ST_INVALID, _("%s line %zu: months must increase"), w->file, row->line);
    *p = (struct growth_point){(int)v[0], v[1], v[2], v[3], v[4], v[5]};
    w->t->n++;
    return ST_OK;
}

enum status who_tables_load(struct growth_ref *out)
{
    memset(out, 0, sizeof *out);
    for (int i = 0; i < GROWTH__TABLES; i++) {
        const char *name = growth_table_file(i);
        const struct embedded_file *f = embed_find(name);
        if (!f) {
            growth_ref_free(out);
            return status_set(ST_NOTFOUND, _("%s is missing from this build"), name);
        }
        struct who_loader w = {&out->t[i], 0, name};
        enum status st = csv_read_buffer(f->data, f->len, ',', on_row, &w);
        if (st != ST_OK) {
            growth_ref_free(out);
            return st;
        }
    }
    return ST_OK;
}

const struct growth_ref *who_tables_shared(void)
{
    static struct growth_ref ref;
    static bool loaded;
    if (!loaded) {
        if (who_tables_load(&ref) != ST_OK)
            return NULL;
        loaded = true;
    }
    return &ref;
}
