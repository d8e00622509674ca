/* case_step_repo — the case_step, case_risk and case_service tables. */
#include <config.h>
#include "treem/db/case_step_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/db/row.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Runs the write sql of s with ?1 kind, ?2 at, ?3 emergency, ?4 end, ?5
 * who, ?6 notes, then the n args from ?7 on. */
static enum status write_step(struct db *db, const char *sql, const struct case_step *s,
                              const struct row_arg *args, size_t n)
{
    char at[DATETIME_BUF], end[DATETIME_BUF];
    case_datetime_iso(s->at, at);
    case_datetime_iso(s->end, end);
    sqlite3_stmt *st = NULL;
    enum status rc = db_prepare(db, sql, &st);
    if (rc != ST_OK)
        return rc;
    rc = row_bind(st, 1, ROW_TEXT(enum_code(&enum_case_step, s->kind)), ROW_TEXT(at),
                  s->emergency >= 0 ? ROW_INT(s->emergency) : ROW_NULL,
                  ROW_TEXT(s->end.date.y ? end : NULL), ROW_NFC(_("who"), s->who ? s->who : ""),
                  ROW_NFC(_("notes"), s->notes ? s->notes : ""));
    if (rc == ST_OK)
        rc = row_bind_args(st, 7, args, n);
    if (rc != ST_OK) {
        sqlite3_finalize(st);
        return rc;
    }
    return row_write(db, st, _("cannot save the step"));
}

enum status case_step_repo_insert(struct db *db, struct case_step *s)
{
    enum status rc = write_step(db, "INSERT INTO case_step(case_id, kind, at, emergency, "
                                "end_at, who, notes, created_by) "
                                "VALUES (?7, ?1, ?2, ?3, ?4, ?5, ?6, ?8)", s,
                                ROW_ARGS(ROW_INT(s->case_id), ROW_TEXT(db_actor(db))));
    if (rc != ST_OK)
        return rc;
    s->id = sqlite3_last_insert_rowid(db->sql);
    char at[DATETIME_BUF], value[96];
    case_datetime_iso(s->at, at);
    snprintf(value, sizeof value, "case %lld: %s %s", s->case_id, enum_code(&enum_case_step, s->kind),
             at);
    return audit_record_id(db, AUDIT_CREATE, "case_step", s->id, NULL, NULL, value);
}

enum status case_step_repo_rewrite(struct db *db, const struct case_step *s)
{
    enum status rc = write_step(db, "UPDATE case_step SET kind = ?1, at = ?2, emergency = ?3, "
                                "end_at = ?4, who = ?5, notes = ?6 WHERE id = ?7 AND case_id = ?8",
                                s, ROW_ARGS(ROW_INT(s->id), ROW_INT(s->case_id)));
    if (rc == ST_OK && sqlite3_changes(db->sql) == 0)
        rc = status_set(ST_NOTFOUND, _("%s: there is no step %lld in this case"), _("step"), s->id);
    return rc;
}

enum status case_step_repo_set_end(struct db *db, long long case_id,
                                   long long step_id, struct datetime end)
{
    char iso[DATETIME_BUF];
    case_datetime_iso(end, iso);
    enum status rc = row_exec(db, "UPDATE case_step SET end_at = ?1 WHERE id = ?2 AND "
                              "case_id = ?3 AND kind = 'separation'", _("cannot save the step"),
                              ROW_TEXT(iso), ROW_INT(step_id), ROW_INT(case_id));
    if (rc == ST_OK && sqlite3_changes(db->sql) == 0)
        rc = status_set(ST_NOTFOUND, _("%s: step %lld is not a separation of this case"),
                        _("separation"), step_id);
    if (rc == ST_OK)
        rc = audit_record_id(db, AUDIT_CHANGE, "case_step", step_id, "end_at", NULL, iso);
    return rc;
}

static bool read_step(sqlite3_stmt *st, struct case_step *s)
{
    bool ok = true;
    case_step_init(s, enum_from_code(&enum_case_step, (const char *)sqlite3_column_text(st, 2)));
    s->id = sqlite3_column_int64(st, 0);
    s->case_id = sqlite3_column_int64(st, 1);
    case_datetime_from_iso((const char *)sqlite3_column_text(st, 3), &s->at);
    s->emergency = sqlite3_column_type(st, 4) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 4);
    case_datetime_from_iso((const char *)sqlite3_column_text(st, 5), &s->end);
    s->who = row_text(st, 6, true, &ok);
    s->notes = row_text(st, 7, true, &ok);
    return ok;
}

static bool read_step_row(sqlite3_stmt *st, void *elem) { return read_step(st, elem); }
static void clear_step_row(void *elem) { case_step_free(elem); }

enum status case_step_repo_list(struct db *db, long long case_id, struct case_step **out,
                                size_t *n)
{
    return row_list_id(db, "SELECT id, case_id, kind, at, emergency, end_at, who, notes "
                       "FROM case_step WHERE case_id = ?1 ORDER BY at, id", case_id,
                       sizeof **out, read_step_row, clear_step_row, (void **)out, n);
}

enum status case_step_repo_add_risk(struct db *db, struct case_risk *r)
{
    enum status rc = row_exec(db, "INSERT INTO case_risk(step_id, factor, rating) VALUES (?1, ?2, ?3)",
                              _("cannot save the risk rating"), ROW_INT(r->step_id),
                              ROW_NFC(_("risk factor"), r->factor),
                              ROW_TEXT(enum_code(&enum_case_rating, r->rating)));
    if (rc != ST_OK)
        return rc;
    r->id = sqlite3_last_insert_rowid(db->sql);
    return audit_record_id(db, AUDIT_CREATE, "case_risk", r->id, NULL, NULL,
                           enum_code(&enum_case_rating, r->rating));
}

enum status case_step_repo_add_service(struct db *db, struct case_service *v)
{
    long long n = 0;
    enum status rc = v->department_id
        ? row_query_int(db, "SELECT count(*) FROM department WHERE id = ?1", &n,
                        ROW_INT(v->department_id)) : ST_OK;
    if (rc == ST_OK && v->department_id && n == 0)
        return status_set(ST_NOTFOUND, _("%s: there is no department %lld"), _("department"),
                          v->department_id);
    if (rc == ST_OK)
        rc = row_exec(db, "INSERT INTO case_service(step_id, task, department_id, start_on, "
                      "end_on, cost) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", _("cannot save the plan item"),
                      ROW_INT(v->step_id), ROW_NFC(_("service or task"), v->task),
                      ROW_ID(v->department_id), ROW_DATE(v->start_on), ROW_DATE(v->end_on),
                      v->cost >= 0 ? ROW_INT(v->cost) : ROW_NULL);
    if (rc != ST_OK)
        return rc;
    v->id = sqlite3_last_insert_rowid(db->sql);
    return audit_record_id(db, AUDIT_CREATE, "case_service", v->id, NULL, NULL, v->task);
}

static bool read_risk(sqlite3_stmt *st, void *elem)
{
    struct case_risk *r = elem;
    bool ok = true;
    r->id = sqlite3_column_int64(st, 0);
    r->step_id = sqlite3_column_int64(st, 1);
    r->factor = row_text(st, 2, true, &ok);
    r->rating = enum_from_code(&enum_case_rating, (const char *)sqlite3_column_text(st, 3));
    return ok;
}

static void clear_risk(void *elem)
{
    free(((struct case_risk *)elem)->factor);
}

static bool read_service(sqlite3_stmt *st, void *elem)
{
    struct case_service *v = elem;
    bool ok = true;
    v->id = sqlite3_column_int64(st, 0);
    v->step_id = sqlite3_column_int64(st, 1);
    v->task = row_text(st, 2, true, &ok);
    v->department_id = sqlite3_column_int64(st, 3);
    v->start_on = row_date(st, 4);
    v->end_on = row_date(st, 5);
    v->cost = sqlite3_column_type(st, 6) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 6);
    v->department_name = row_text(st, 7, true, &ok);
    return ok;
}

static void clear_service(void *elem)
{
    struct case_service *v = elem;
    free(v->task);
    free(v->department_name);
}

enum status case_step_repo_risks(struct db *db, long long case_id, struct case_risk **out,
                                 size_t *n)
{
    return row_list_id(db, "SELECT r.id, r.step_id, r.factor, r.rating FROM case_risk r "
                       "JOIN case_step s ON s.id = r.step_id WHERE s.case_id = ?1 "
                       "ORDER BY s.at, r.step_id, r.id", case_id, sizeof **out, read_risk,
                       clear_risk, (void **)out, n);
}

enum status case_step_repo_services(struct db *db, long long case_id, struct case_service **out,
                                    size_t *n)
{
    return row_list_id(db, "SELECT v.id, v.step_id, v.task, v.department_id, v.start_on, "
                       "v.end_on, v.cost, coalesce(d.name, '') FROM case_service v "
                       "JOIN case_step s ON s.id = v.step_id LEFT JOIN department d ON "
                       "d.id = v.department_id WHERE s.case_id = ?1 "
                       "ORDER BY s.at, v.step_id, v.id", case_id, sizeof **out, read_service,
                       clear_service, (void **)out, n);
}
