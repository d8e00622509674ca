/* target_repo — the plan_target table. */
#include <config.h>
#include "treem/db/target_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/db/plan_repo.h"
#include "treem/db/row_kind.h"
#include "treem/core/i18n.h"
#include "treem/model/measure.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define TARGET_COLUMNS "id, plan_id, sort, text, value, unit, direction, measure, " \
                       "typed_value, typed_source, typed_on"

static bool read_target(sqlite3_stmt *st, void *elem)
{
    struct plan_target *t = elem;
    bool ok = true;
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
 * code when an alias is given), ?6 typed value, ?7 typed source, ?8 typed
 * date (NULL when no value was typed). */
static enum status bind_target(sqlite3_stmt *st, const void *rec)
{
    const struct plan_target *t = rec;
    enum status rc = row_bind(st, 1, ROW_NFC(_("target text"), t->text), ROW_REAL(t->value),
                              ROW_TEXT(plan_unit_code(t->unit)),
                              ROW_TEXT(plan_direction_code(t->direction)),
                              ROW_TEXT(t->measure && *t->measure ? measure_canonical(t->measure)
                                                                 : NULL));
    if (rc == ST_OK && t->has_typed)
        rc = row_bind(st, 6, ROW_REAL(t->typed_value),
                      ROW_NFC(_("source of the value"), t->typed_source), ROW_DATE(t->typed_on));
    return rc;
}

enum status target_repo_insert(struct db *db, struct plan_target *t)
{
    enum status rc = plan_target_validate(t);
    if (rc == ST_OK)
        rc = plan_repo_exists(db, t->plan_id);
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
    if (rc == ST_OK)
        rc = row_bind(st, 9, ROW_INT(t->plan_id), ROW_INT(t->sort));
    if (rc == ST_OK && sqlite3_step(st) == SQLITE_ROW) {
        t->id = sqlite3_column_int64(st, 0);
        t->sort = sqlite3_column_int(st, 1);
    } else if (rc == ST_OK) {
        rc = db_fail(db, _("cannot save the target"));
    }
    sqlite3_finalize(st);
    if (rc == ST_OK)
        rc = audit_record_id(db, AUDIT_CREATE, "plan_target", t->id, NULL, NULL, t->text);
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

static enum status audit_target_diff(struct db *db, const void *old,
                                     const void *rec)
{
    const struct plan_target *a = old, *b = rec;
    char n[4][32], d[2][DATE_BUF];
    const char *const f[][3] = {
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
    return audit_fields_id(db, "plan_target", b->id, f, sizeof f / sizeof *f);
}

static void clear_target(void *elem) { plan_target_clear(elem); }

static const struct row_kind target_kind = {
    .entity = "plan_target", .size = sizeof(struct plan_target),
    .label = offsetof(struct plan_target, text), .read = read_target, .clear = clear_target,
    .get_sql = "SELECT " TARGET_COLUMNS " FROM plan_target WHERE id = ?1",
    .missing = N_("there is no target %lld"),
    .list_sql = "SELECT " TARGET_COLUMNS " FROM plan_target WHERE plan_id = ?1 ORDER BY sort, id",
    .update_sql = "UPDATE plan_target SET text = ?1, value = ?2, unit = ?3, direction = ?4, "
                  "measure = ?5, typed_value = ?6, typed_source = ?7, typed_on = ?8 WHERE id = ?9",
    .bind = bind_target, .key = 9, .diff = audit_target_diff,
    .cannot_save = N_("cannot save the target"), .cannot_delete = N_("cannot delete the target"),
};

enum status target_repo_update(struct db *db, const struct plan_target *t)
{
    enum status rc = plan_target_validate(t);
    return rc == ST_OK ? row_kind_update(db, &target_kind, t, t->id) : rc;
}

enum status target_repo_delete(struct db *db, long long id)
{
    return row_kind_delete(db, &target_kind, id);
}

enum status target_repo_get(struct db *db, long long id, struct plan_target *out)
{
    return row_kind_get(db, &target_kind, id, out);
}

enum status target_repo_list(struct db *db, long long plan_id, struct plan_target **out,
                             size_t *n)
{
    return row_kind_list(db, &target_kind, plan_id, (void **)out, n);
}
