/* report_sum — the consolidated report over the communes of a province. */
#include <config.h>
#include "treem/app/auth.h"
#include "treem/app/report_sum.h"
#include "treem/csv/csv_write.h"
#include "report_internal.h"
#include "treem/app/province.h"
#include "treem/csv/csv_write.h"
#include "treem/core/i18n.h"
#include "treem/core/mem.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void report_sum_free(struct report_sum *s)
{
    report_free(&s->total);
    for (size_t i = 0; s->names && i < s->ncommunes; i++)
        free(s->names[i]);
    free(s->names);
    free(s->codes);
    free(s->values);
    memset(s, 0, sizeof *s);
}

/* A line summed upstream: not one commune's own, and not its points. */
static bool summable(const struct report_line *l)
{
    if (l->local || l->section == REPORT_SEC_HEAD)
        return false;
    if (strncmp(l->code, "TE02", 4) == 0 || strncmp(l->code, "TE03", 4) == 0)
        return false;   /* villages and ethnic groups: per commune */
    if (strncmp(l->code, "TC", 2) == 0)
        return strcmp(l->code, "TC02") == 0;
    return true;
}

static long long add(long long a, long long b)
{
    return a < 0 ? b : b < 0 ? a : a + b;
}

/* The screen text of a summed line from its numbers. */
static void value_text(struct report_line *l)
{
    if (l->count < 0)
        return;
    if (l->part[REPORT_PART_MALE] >= 0)
        snprintf(l->value, sizeof l->value, _("%lld (boys %lld, girls %lld, not known %lld)"),
                 l->count, l->part[REPORT_PART_MALE], l->part[REPORT_PART_FEMALE],
                 l->part[REPORT_PART_SEX_NA]);
    else if (l->part[REPORT_PART_BASE] > 0) {
        snprintf(l->value, sizeof l->value, "%lld / %lld (%.1f %%)", l->count,
                 l->part[REPORT_PART_BASE],
                 100.0 * (double)l->count / (double)l->part[REPORT_PART_BASE]);
        char *dot = strrchr(l->value, '.');
        if (dot)
            *dot = ',';
    } else
        snprintf(l->value, sizeof l->value, "%lld", l->count);
}

/* Head of the sum, then the summable lines of the first commune's report. */
static enum status start_total(struct db *db, const struct report *first, struct report *t)
{
    struct province p;
    enum status st = province_current(db, &p);
    if (st != ST_OK)
        return st;
    t->from = first->from, t->to = first->to, t->on = first->on;
    t->kind = first->kind, t->year = first->year;
    snprintf(t->title, sizeof t->title, _("%s — consolidated over the communes"), first->title);
    st = report_text(t, REPORT_SEC_HEAD, 1, "H01", _("Province"), "%s (%s)", p.name, p.code);
    province_free(&p);
    for (size_t i = 0; i < first->n && st == ST_OK; i++) {
        const struct report_line *l = &first->lines[i];
        if (l->section == REPORT_SEC_HEAD && strcmp(l->code, "H01") && strcmp(l->code, "H02")
            && strcmp(l->code, "H06"))
            st = report_text(t, l->section, l->depth, l->code, l->label, "%s", l->value);
        else if (l->depth == 0 || summable(l)) {
            struct report_line *n = report_push(t, l->section, l->depth, l->code, -1, l->label);
            st = n ? ST_OK : ST_NOMEM;
            if (n && l->count < 0)
                snprintf(n->value, sizeof n->value, "%s", l->value);
            if (n && strcmp(l->code, "TC02") == 0) {
                snprintf(n->label, sizeof n->label, "%s", _("Communes that passed"));
                snprintf(n->value, sizeof n->value, "%s", _("no verdict yet"));
            }
        }
    }
    return st;
}

static const struct report_line *find(const struct report *r, const char *code, size_t *hint)
{
    for (size_t k = 0; k < r->n; k++) {
        size_t i = (*hint + k) % r->n;
        if (strcmp(r->lines[i].code, code) == 0) {
            *hint = i + 1;
            return &r->lines[i];
        }
    }
    return NULL;
}

/* Adds commune k's report into the total and its column. */
static void add_commune(struct report_sum *s, size_t k, const struct report *r)
{
    size_t hint = 0;
    for (size_t i = 0; i < s->total.n; i++) {
        struct report_line *t = &s->total.lines[i];
        s->values[i * s->ncommunes + k] = -1;
        if (!t->code[0] || t->section == REPORT_SEC_HEAD)
            continue;
        const struct report_line *l = find(r, t->code, &hint);
        if (!l)
            continue;
        s->values[i * s->ncommunes + k] = l->count;
        t->count = add(t->count, l->count);
        for (int p = 0; p < REPORT_PART__COUNT; p++)
            t->part[p] = add(t->part[p], l->part[p]);
        if (strcmp(t->code, "TC02") == 0 && l->count >= 0)
            t->part[REPORT_PART_BASE] = add(t->part[REPORT_PART_BASE], 1);
    }
}

/* Commune k's report, or ST_NOTFOUND when it has no database. */
static enum status commune_report(struct db *db, const char *code, const struct report_request *q,
                                  struct report *r)
{
    struct db *cdb;
    enum status st = province_open_commune(db, code, false, &cdb);
    if (st != ST_OK)
        return st;
    struct report_request cq = *q;
    cq.signer = "";
    st = report_build_req(cdb, &cq, r);
    db_close(cdb);
    return st;
}

static enum status grow(struct report_sum *s, const struct commune *u)
{
    size_t k = s->ncommunes;
    if (!mem_resize(&s->codes, k + 1, sizeof *s->codes) ||
        !mem_resize(&s->names, k + 1, sizeof *s->names) || !(s->names[k] = strdup(u->full_name)))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    snprintf(s->codes[k], sizeof s->codes[k], "%s", u->code);
    s->ncommunes++;
    return ST_OK;
}

/* Collects the communes with a database and builds the first one's report
 * (the frame of the sum). Each report is added into the sum and dropped,
 * so memory stays that of two reports whatever the number of communes. */
static enum status collect(struct db *db, struct report_sum *s, struct report *first,
                           const struct report_request *q)
{
    struct commune *u;
    size_t nu;
    enum status st = province_units(db, &u, &nu);
    for (size_t i = 0; st == ST_OK && i < nu; i++) {
        char *path = province_commune_path(db, u[i].code);
        FILE *f = path ? fopen(path, "rb") : NULL;
        free(path);
        if (!f)
            continue;
        fclose(f);
        st = grow(s, &u[i]);
        if (st == ST_OK && s->ncommunes == 1)
            st = commune_report(db, u[i].code, q, first);
    }
    if (u)
        commune_list_free(u, nu);
    return st;
}

enum status report_sum_build(struct db *db, const struct report_request *q, struct report_sum *out)
{
    memset(out, 0, sizeof *out);
    if (auth_require_commune_wide(_("the summary of the communes")) != ST_OK)
        return ST_DENIED;
    struct report first = {0};
    enum status st = collect(db, out, &first, q);
    if (st == ST_OK && out->ncommunes == 0)
        st = report_build_req(db, q, &first);   /* no commune yet: an empty frame */
    if (st == ST_OK)
        st = start_total(db, &first, &out->total);
    size_t cells = out->total.n * (out->ncommunes ? out->ncommunes : 1);
    if (st == ST_OK && !(out->values = malloc(cells * sizeof *out->values)))
        st = status_set(ST_NOMEM, "%s", _("out of memory"));
    for (size_t k = 0; st == ST_OK && k < out->ncommunes; k++) {
        struct report r = {0};
        if (k == 0)
            r = first, first = (struct report){0};
        else
            st = commune_report(db, out->codes[k], q, &r);
        if (st == ST_OK)
            add_commune(out, k, &r);
        report_free(&r);
    }
    report_free(&first);
    for (size_t i = 0; st == ST_OK && i < out->total.n; i++)
        value_text(&out->total.lines[i]);
    return st;
}

/* One line of the sum: code, label, value, breakdown, then each commune's. */
static void sum_row(struct csv_writer *w, const struct report_sum *s, size_t i, const char **row,
                    char (*num)[24], size_t cols)
{
    const struct report_line *l = &s->total.lines[i];
    char label[REPORT_LABEL_BUF + REPORT_VALUE_BUF + 4];
    if (l->count < 0 && l->value[0])
        snprintf(label, sizeof label, "%s: %s", l->label, l->value);
    else
        snprintf(label, sizeof label, "%s", l->label);
    row[0] = l->code;
    row[1] = label;
    for (size_t c = 2; c < cols; c++) {
        long long v = c == 2 ? l->count : c < 8 ? l->part[c - 3] : s->values[i * s->ncommunes + (c - 8)];
        if (v < 0)
            num[c][0] = '\0';
        else
            snprintf(num[c], sizeof num[c], "%lld", v);
        row[c] = num[c];
    }
    csv_write_row(w, row, cols);
}

/* The header (the codes of the communes after the parts), then a row a line. */
static enum status fill_sum(struct csv_writer *w, const void *arg)
{
    const struct report_sum *s = arg;
    size_t cols = 3 + REPORT_PART__COUNT + s->ncommunes;
    const char **row = calloc(cols, sizeof *row);
    char (*num)[24] = calloc(cols, sizeof *num);
    enum status st = row && num ? ST_OK : status_set(ST_NOMEM, "%s", _("out of memory"));
    if (st == ST_OK) {
        static const char *const head[] = {"code", "label", "value", "male", "female",
                                           "sex_unknown", "of_total", "helped"};
        for (size_t c = 0; c < cols; c++)
            row[c] = c < 8 ? head[c] : s->codes[c - 8];
        csv_write_row(w, row, cols);
        for (size_t i = 0; i < s->total.n; i++)
            sum_row(w, s, i, row, num, cols);
        st = w->st;
    }
    free(row);
    free(num);
    return st;
}

enum status report_sum_write_csv(const struct report_sum *s, const char *path)
{
    return csv_write_file(path, CSV_WRITE_DEFAULT, fill_sum, s);
}
