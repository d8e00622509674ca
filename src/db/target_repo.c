/* target_repo — the plan_target table. */
#include <config.h>
#include "treem/db/target_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/db/row.h"
#include "treem/core/i18n.h"
#include "treem/model/measure.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TARGET_COLUMNS "id, plan_id, sort, text, value, unit, direction, measure, " \
                       "typed_value, typed_source, typed_on"

static bool read_target(sqlite3_stmt *st, struct plan_target *t)
{
    bool ok = true;
    memset(t, 0, sizeof *t);
    t->id = sqlite3_column_int64(st, 0);
    t->plan_id = sqlite3_column_int64(st, 1);
    t->sort = sqlite3_column_int(st, 2);
    t->text = row_text(st, 3, true, &ok);
    t->value = sqlite3_column_double(st, 4);
    plan_unit_parse((const char *)sqlite3_column_text(st, 5), &t->unit);
    plan_direction_parse((const char *)sqlite3_column_text(st, 6), &t->direction);
    t->measure = row_text(st, 7, false, &ok);
    t->has_typed = sqlite3_column_type(st, 8) != SQLITE_NULL;
    t->typed_value = sqlite3_column_double(st, 8);
    t->typed_source = row_text(st, 9, false, &ok);
    t->typed_on = row_date(st, 10);
    return ok;
}

/* Binds ?1 text, ?2 value, ?3 unit, ?4 direction, ?5 measure (its current
 * code when an alias is given), ?6 typed
 * value, ?7 typed source, ?8 typed date. */
static enum status bind_target(sqlite3_stmt *st, const struct plan_target *t)
{
    enum status rc = row_bind_nfc(st, 1, _("target text"), t->text);
    sqlite3_bind_double(st, 2, t->value);
    sqlite3_bind_text(st, 3, plan_unit_code(t->unit), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, plan_direction_code(t->direction), -1, SQLITE_STATIC);
    db_bind_text(st, 5, t->measure && *t->measure ? measure_canonical(t->measure) : NULL);
    if (t->has_typed) {
        sqlite3_bind_double(st, 6, t->typed_value);
        if (rc == ST_OK)
            rc = row_bind_nfc(st, 7, _("source of the value"), t->typed_source);
        row_bind_date(st, 8, t->typed_on);
    }
    return rc;
}

static enum status plan_exists(struct db *db, long long plan_id)
{
    char id[24];
    long long n = 0;
    snprintf(id, sizeof id, "%lld", plan_id);
    enum status rc = db_query_int(db, "SELECT count(*) FROM plan WHERE id = ?1", id, &n);
    if (rc == ST_OK && n == 0)
        rc = status_set(ST_NOTFOUND, _("there is no plan %lld"), plan_id);
    return rc;
}

enum status target_repo_insert(struct db *db, const char *who, struct plan_target *t)
{
    enum status rc = plan_target_validate(t);
    if (rc == ST_OK)
        rc = plan_exists(db, t->plan_id);
    sqlite3_stmt *st = NULL;
    if (rc == ST_OK)
        rc = db_prepare(db,
            "INSERT INTO plan_target(plan_id, sort, text, value, unit, direction, measure, "
            "typed_value, typed_source, typed_on) VALUES (?9, CASE WHEN ?10 > 0 THEN ?10 ELSE "
            "(SELECT coalesce(max(sort), 0) + 1 FROM plan_target WHERE plan_id = ?9) END, "
            "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id, sort", &st);
    if (rc != ST_OK)
        return rc;
    rc = bind_target(st, t);
    sqlite3_bind_int64(st, 9, t->plan_id);
    sqlite3_bind_int(st, 10, t->sort);
    if (rc == ST_OK && sqlite3_step(st) == SQLITE_ROW) {
        t->id = sqlite3_column_int64(st, 0);
        t->sort = sqlite3_column_int(st, 1);
    } else if (rc == ST_OK) {
        rc = db_fail(db, _("cannot save the target"));
    }
    sqlite3_finalize(st);
    if (rc == ST_OK) {
        char id[24];
        snprintf(id, sizeof id, "%lld", t->id);
        rc = audit_record(db, who, AUDIT_CREATE, "plan_target", id, NULL, NULL, t->text);
    }
    return rc;
}

/* Audit text of a number, "" when absent. */
static const char *num_text(bool have, double v, char buf[32])
{
    if (have)
        snprintf(buf, 32, "%.10g", v);
    else
        buf[0] = '\0';
    return buf;
}

static enum status audit_target_diff(struct db *db, const char *who,
                                     const struct plan_target *a, const struct plan_target *b)
{
    char id[24], n[4][32], d[2][DATE_BUF];
    snprintf(id, sizeof id, "%lld", b->id);
    const char *f[][3] = {
        {"text", a->text, b->text},
        {"value", num_text(true, a->value, n[0]), num_text(true, b->value, n[1])},
        {"unit", plan_unit_code(a->unit), plan_unit_code(b->unit)},
        {"direction", plan_direction_code(a->direction), plan_direction_code(b->direction)},
        {"measure", a->measure, b->measure},
        {"typed_value", num_text(a->has_typed, a->typed_value, n[2]),
         num_text(b->has_typed, b->typed_value, n[3])},
        {"typed_source", a->has_typed ? a->typed_source : NULL,
         b->has_typed ? b->typed_source : NULL},
        {"typed_on", row_iso(a->typed_on, d[0]), row_iso(b->has_typed ? b->typed_on : PLAN_NO_DATE, d[1])},
    };
    enum status rc = ST_OK;
    for (size_t i = 0; rc == ST_OK && i < sizeof f / sizeof *f; i++)
        rc = audit_field(db, who, "plan_target", id, f[i][0], f[i][1], f[i][2]);
    return rc;
}

enum status target_repo_update(struct db *db, const char *who, const struct plan_target *t)
{
    struct plan_target old;
    enum status rc = plan_target_validate(t);
    if (rc == ST_OK)
        rc = target_repo_get(db, t->id, &old);
    if (rc != ST_OK)
        return rc;
    sqlite3_stmt *st;
    rc = db_prepare(db,
        "UPDATE plan_target SET text = ?1, value = ?2, unit = ?3, direction = ?4, measure = ?5, "
        "typed_value = ?6, typed_source = ?7, typed_on = ?8 WHERE id = ?9", &st);
    if (rc == ST_OK) {
        rc = bind_target(st, t);
        sqlite3_bind_int64(st, 9, t->id);
        if (rc == ST_OK)
            rc = db_step_done(db, st, _("cannot save the target"));
        sqlite3_finalize(st);
    }
    if (rc == ST_OK)
        rc = audit_target_diff(db, who, &old, t);
    plan_target_clear(&old);
    return rc;
}

enum status target_repo_delete(struct db *db, const char *who, long long id)
{
    struct plan_target old;
    enum status rc = target_repo_get(db, id, &old);
    if (rc != ST_OK)
        return rc;
    sqlite3_stmt *st;
    rc = db_prepare(db, "DELETE FROM plan_target WHERE id = ?1", &st);
    if (rc == ST_OK) {
        sqlite3_bind_int64(st, 1, id);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = db_fail(db, _("cannot delete the target"));
        sqlite3_finalize(st);
    }
    if (rc == ST_OK) {
        char sid[24];
        snprintf(sid, sizeof sid, "%lld", id);
        rc = audit_record(db, who, AUDIT_DELETE, "plan_target", sid, NULL, old.text, NULL);
    }
    plan_target_clear(&old);
    return rc;
}

enum status target_repo_get(struct db *db, long long id, struct plan_target *out)
{
    sqlite3_stmt *st;
    memset(out, 0, sizeof *out);
    enum status rc = db_prepare(db, "SELECT " TARGET_COLUMNS " FROM plan_target WHERE id = ?1",
                                &st);
    if (rc != ST_OK)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW && !read_target(st, out)) {
        plan_target_clear(out);
        rc = status_set(ST_NOMEM, "%s", _("out of memory"));
    } else if (step == SQLITE_DONE) {
        rc = status_set(ST_NOTFOUND, _("there is no target %lld"), id);
    } else if (step != SQLITE_ROW) {
        rc = db_fail(db, _("database"));
    }
    sqlite3_finalize(st);
    return rc;
}

/* row_collect's view of read_target and plan_target_clear. */
static bool read_target_row(sqlite3_stmt *st, void *elem) { return read_target(st, elem); }
static void plan_target_clear_row(void *elem) { plan_target_clear(elem); }

enum status target_repo_list(struct db *db, long long plan_id, struct plan_target **out,
                             size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st;
    enum status rc = db_prepare(db, "SELECT " TARGET_COLUMNS " FROM plan_target "
                                "WHERE plan_id = ?1 ORDER BY sort, id", &st);
    if (rc != ST_OK)
        return rc;
    sqlite3_bind_int64(st, 1, plan_id);
    void *list;
    rc = row_collect(db, st, sizeof **out, read_target_row, plan_target_clear_row, &list, n);
    *out = list;
    return rc;
}
