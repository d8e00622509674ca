/* case_step_repo — the case_step, case_risk and case_service tables. */
#include <config.h>
#include "treem/db/case_step_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/db/row.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void id_text(long long id, char buf[24])
{
    snprintf(buf, 24, "%lld", id);
}

static enum status finish(struct db *db, sqlite3_stmt *st, enum status rc, const char *what)
{
    if (rc == ST_OK)
        rc = db_step_done(db, st, what);
    sqlite3_finalize(st);
    return rc;
}

enum status case_step_repo_insert(struct db *db, const char *who, struct case_step *s)
{
    char at[DATETIME_BUF], end[DATETIME_BUF], key[24];
    sqlite3_stmt *st = NULL;
    enum status rc = db_prepare(db, "INSERT INTO case_step(case_id, kind, at, emergency, end_at, "
                                "who, notes, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &st);
    if (rc != ST_OK)
        return rc;
    case_datetime_iso(s->at, at);
    case_datetime_iso(s->end, end);
    sqlite3_bind_int64(st, 1, s->case_id);
    db_bind_text(st, 2, enum_code(&enum_case_step, s->kind));
    db_bind_text(st, 3, at);
    if (s->emergency >= 0)
        sqlite3_bind_int(st, 4, s->emergency);
    db_bind_text(st, 5, s->end.date.y ? end : NULL);
    rc = row_bind_nfc(st, 6, _("who"), s->who ? s->who : "");
    if (rc == ST_OK)
        rc = row_bind_nfc(st, 7, _("notes"), s->notes ? s->notes : "");
    db_bind_text(st, 8, who);
    rc = finish(db, st, rc, _("cannot save the step"));
    if (rc != ST_OK)
        return rc;
    s->id = sqlite3_last_insert_rowid(db->sql);
    char value[96];
    snprintf(value, sizeof value, "case %lld: %s %s", s->case_id, enum_code(&enum_case_step, s->kind),
             at);
    id_text(s->id, key);
    return audit_record(db, who, AUDIT_CREATE, "case_step", key, NULL, NULL, value);
}

enum status case_step_repo_set_end(struct db *db, const char *who, long long case_id,
                                   long long step_id, struct datetime end)
{
    char iso[DATETIME_BUF], key[24];
    sqlite3_stmt *st = NULL;
    enum status rc = db_prepare(db, "UPDATE case_step SET end_at = ?1 WHERE id = ?2 AND "
                                "case_id = ?3 AND kind = 'separation'", &st);
    if (rc != ST_OK)
        return rc;
    case_datetime_iso(end, iso);
    db_bind_text(st, 1, iso);
    sqlite3_bind_int64(st, 2, step_id);
    sqlite3_bind_int64(st, 3, case_id);
    rc = finish(db, st, rc, _("cannot save the step"));
    if (rc == ST_OK && sqlite3_changes(db->sql) == 0)
        rc = status_set(ST_NOTFOUND, _("%s: step %lld is not a separation of this case"),
                        _("separation"), step_id);
    id_text(step_id, key);
    if (rc == ST_OK)
        rc = audit_field(db, who, "case_step", key, "end_at", NULL, iso);
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

enum status case_step_repo_list(struct db *db, long long case_id, struct case_step **out,
                                size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = NULL;
    enum status rc = row_prepare(db, "SELECT id, case_id, kind, at, emergency, end_at, who, notes "
                                 "FROM case_step WHERE case_id = ?1 ORDER BY at, id", &st,
                                 ROW_INT(case_id));
    if (rc != ST_OK)
        return rc;
    size_t cap = 0;
    while (rc == ST_OK && row_next(db, st, &rc)) {
        if (!row_grow(out, &cap, *n, sizeof **out) || !read_step(st, &(*out)[(*n)++]))
            rc = status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    sqlite3_finalize(st);
    if (rc != ST_OK) {
        case_steps_free(*out, *n);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

enum status case_step_repo_add_risk(struct db *db, const char *who, struct case_risk *r)
{
    sqlite3_stmt *st = NULL;
    enum status rc = row_prepare(db, "INSERT INTO case_risk(step_id, factor, rating) "
                                 "VALUES (?1, ?2, ?3)", &st, ROW_INT(r->step_id));
    if (rc != ST_OK)
        return rc;
    rc = row_bind_nfc(st, 2, _("risk factor"), r->factor);
    db_bind_text(st, 3, enum_code(&enum_case_rating, r->rating));
    rc = finish(db, st, rc, _("cannot save the risk rating"));
    if (rc != ST_OK)
        return rc;
    r->id = sqlite3_last_insert_rowid(db->sql);
    char key[24];
    id_text(r->id, key);
    return audit_record(db, who, AUDIT_CREATE, "case_risk", key, NULL, NULL,
                        enum_code(&enum_case_rating, r->rating));
}

enum status case_step_repo_add_service(struct db *db, const char *who, struct case_service *v)
{
    char key[24];
    long long n = 0;
    id_text(v->department_id, key);
    enum status rc = v->department_id
        ? db_query_int(db, "SELECT count(*) FROM department WHERE id = ?1", key, &n) : ST_OK;
    if (rc == ST_OK && v->department_id && n == 0)
        return status_set(ST_NOTFOUND, _("%s: there is no department %lld"), _("department"),
                          v->department_id);
    sqlite3_stmt *st = NULL;
    if (rc == ST_OK)
        rc = row_prepare(db, "INSERT INTO case_service(step_id, task, department_id, start_on, "
                         "end_on, cost) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st, ROW_INT(v->step_id));
    if (rc != ST_OK)
        return rc;
    rc = row_bind_nfc(st, 2, _("service or task"), v->task);
    row_bind_id(st, 3, v->department_id);
    row_bind_date(st, 4, v->start_on);
    row_bind_date(st, 5, v->end_on);
    if (v->cost >= 0)
        sqlite3_bind_int64(st, 6, v->cost);
    rc = finish(db, st, rc, _("cannot save the plan item"));
    if (rc != ST_OK)
        return rc;
    v->id = sqlite3_last_insert_rowid(db->sql);
    id_text(v->id, key);
    return audit_record(db, who, AUDIT_CREATE, "case_service", key, NULL, NULL, v->task);
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
