/* rubric_repo — rule sets: load, save (diffed and audited), activate. */
#include <config.h>
#include "treem/db/row.h"
#include "treem/db/rubric_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* Runs sql with ?1 = id and calls fn for each row. */
static enum status query_each(struct db *db, const char *sql, long long id, row_each_fn fn,
                              void *ctx)
{
    sqlite3_stmt *st;
    enum status rc = row_prepare(db, sql, &st, ROW_INT(id));
    return rc == ST_OK ? row_each(db, st, fn, ctx) : rc;
}

enum status rubric_repo_active(struct db *db, long long *id)
{
    enum status st = db_query_int(db, "SELECT id FROM rule_set WHERE active = 1", NULL, id);
    if (st == ST_NOTFOUND)
        return status_set(ST_NOTFOUND, "%s",
                          _("no rule set is active: import one with 'treem rubric import FILE'"));
    return st;
}

enum status rubric_repo_find(struct db *db, const char *name, long long *id)
{
    enum status st = db_query_int(db, "SELECT id FROM rule_set WHERE name = ?1", name, id);
    if (st == ST_NOTFOUND)
        return status_set(ST_NOTFOUND, _("there is no rule set called '%s'"), name);
    return st;
}

static enum status crit_row(sqlite3_stmt *st, void *ctx)
{
    struct rubric *r = ctx;
    struct rubric_criterion *c = rubric_criterion_add(r, sqlite3_column_int(st, 1), col_text(st, 2));
    if (!c)
        return status_last();
    c->id = sqlite3_column_int64(st, 0);
    c->max_known = sqlite3_column_type(st, 3) != SQLITE_NULL;
    c->max_points = sqlite3_column_double(st, 3);
    return rubric_str_set(&c->source, col_text(st, 4)) ? ST_OK : ST_NOMEM;
}

static enum status ind_row(sqlite3_stmt *st, void *ctx)
{
    struct rubric *r = ctx;
    struct rubric_indicator *ind = rubric_indicator_add(r, sqlite3_column_int(st, 1), col_text(st, 2));
    if (!ind)
        return status_last();
    ind->id = sqlite3_column_int64(st, 0);
    if (!rubric_kind_parse(col_text(st, 4), &ind->kind))
        ind->kind = RUBRIC_RATE;
    ind->bands_known = sqlite3_column_int(st, 8) != 0;
    bool ok = rubric_str_set(&ind->text, col_text(st, 3)) &&
              rubric_str_set(&ind->unit, col_text(st, 5)) &&
              rubric_str_set(&ind->measure, col_text(st, 6)) &&
              rubric_str_set(&ind->department, col_text(st, 7)) &&
              rubric_str_set(&ind->source, col_text(st, 9));
    return ok ? ST_OK : status_set(ST_NOMEM, "%s", _("out of memory"));
}

static enum status band_row(sqlite3_stmt *st, void *ctx)
{
    struct rubric *r = ctx;
    long long ind_id = sqlite3_column_int64(st, 0);
    struct rubric_indicator *ind = NULL;
    for (size_t i = 0; i < r->nind && !ind; i++)
        if (r->ind[i].id == ind_id)
            ind = &r->ind[i];
    struct rubric_band *b = ind ? rubric_band_add(ind) : NULL;
    if (!b)
        return ind ? ST_NOMEM : ST_OK;
    b->has_lo = sqlite3_column_type(st, 1) != SQLITE_NULL;
    b->lo = sqlite3_column_double(st, 1);
    b->lo_incl = sqlite3_column_int(st, 2) != 0;
    b->has_hi = sqlite3_column_type(st, 3) != SQLITE_NULL;
    b->hi = sqlite3_column_double(st, 3);
    b->hi_incl = sqlite3_column_int(st, 4) != 0;
    b->points = sqlite3_column_double(st, 5);
    return rubric_str_set(&b->source, col_text(st, 6)) ? ST_OK : ST_NOMEM;
}

static enum status thr_row(sqlite3_stmt *st, void *ctx)
{
    struct rubric *r = ctx;
    struct rubric_threshold *t = rubric_threshold_add(r, col_text(st, 1));
    if (!t)
        return status_last();
    t->id = sqlite3_column_int64(st, 0);
    t->min_total = sqlite3_column_double(st, 3);
    bool ok = rubric_str_set(&t->label, col_text(st, 2)) && rubric_str_set(&t->source, col_text(st, 4));
    return ok ? ST_OK : ST_NOMEM;
}

static enum status set_row(sqlite3_stmt *st, void *ctx)
{
    struct rubric *r = ctx;
    r->active = sqlite3_column_int(st, 2) != 0;
    r->no_zero_rule = sqlite3_column_int(st, 3) != 0;
    bool ok = rubric_str_set(&r->name, col_text(st, 0)) && rubric_str_set(&r->source, col_text(st, 1));
    return ok ? ST_OK : ST_NOMEM;
}

static const struct {
    const char *sql;
    row_each_fn fn;
} load_steps[] = {
    {"SELECT name, source, active, no_zero_rule FROM rule_set WHERE id = ?1", set_row},
    {"SELECT id, number, name, max_points, source FROM criterion WHERE rule_set_id = ?1 "
     "ORDER BY number", crit_row},
    {"SELECT i.id, c.number, i.code, i.text, i.kind, i.unit, i.measure, i.department, "
     "i.bands_known, i.source FROM indicator i JOIN criterion c ON c.id = i.criterion_id "
     "WHERE c.rule_set_id = ?1 ORDER BY c.number, i.sort, i.id", ind_row},
    {"SELECT b.indicator_id, b.lower, b.lower_inclusive, b.upper, b.upper_inclusive, b.points, "
     "b.source FROM band b JOIN indicator i ON i.id = b.indicator_id "
     "JOIN criterion c ON c.id = i.criterion_id WHERE c.rule_set_id = ?1 "
     "ORDER BY b.indicator_id, b.lower IS NOT NULL, b.lower, b.lower_inclusive DESC, b.id", band_row},
    {"SELECT id, class, label, min_total, source FROM recognition_threshold "
     "WHERE rule_set_id = ?1 ORDER BY min_total DESC, class", thr_row},
};

enum status rubric_repo_load(struct db *db, long long id, struct rubric *out)
{
    *out = (struct rubric)RUBRIC_INIT;
    out->id = id;
    enum status st = ST_OK;
    for (size_t i = 0; st == ST_OK && i < sizeof load_steps / sizeof *load_steps; i++) {
        st = query_each(db, load_steps[i].sql, id, load_steps[i].fn, out);
        if (st == ST_NOMEM)
            st = status_set(ST_NOMEM, "%s", _("out of memory"));
        if (i == 0 && st == ST_OK && !out->name)
            st = status_set(ST_NOTFOUND, _("rule set %lld does not exist"), id);
    }
    if (st != ST_OK)
        rubric_free(out);
    return st;
}

static enum status activate(struct db *db, long long id, bool audited)
{
    struct rubric r;
    enum status rc = rubric_repo_load(db, id, &r);
    if (rc != ST_OK || r.active) {
        rubric_free(&r);
        return rc;
    }
    rc = row_exec_args(db, "UPDATE rule_set SET active = 0 WHERE active = 1", false, _("rule set"),
                       NULL, 0);
    if (rc == ST_OK)
        rc = row_exec_id(db, "UPDATE rule_set SET active = 1 WHERE id = ?1", id, _("rule set"));
    if (rc == ST_OK && audited)
        rc = audit_record(db, AUDIT_CHANGE, "rule_set", r.name, "active", "0", "1");
    rubric_free(&r);
    return rc;
}

enum status rubric_repo_activate(struct db *db, long long id)
{
    return activate(db, id, true);
}

enum status rubric_repo_activate_shipped(struct db *db, long long id)
{
    return activate(db, id, false);
}

enum status rubric_repo_names(struct db *db, char ***names, size_t *n)
{
    return row_query_texts(db, "SELECT name FROM rule_set ORDER BY active DESC, name", names, n);
}

void rubric_repo_names_free(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}
