/* plan_repo — the plan table: insert, update, delete, read, list, counts. */
#include <config.h>
#include "treem/db/plan_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/db/row_kind.h"
#include "treem/core/i18n.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PLAN_COLUMNS "id, number, issued_on, issuer, year, title, upstream, purpose, " \
                     "requirements, budget, report_half, report_year, copied_from"

static const char *nz(const char *s) { return s ? s : ""; }

static void id_text(long long id, char buf[24])
{
    snprintf(buf, 24, "%lld", id);
}

static bool read_plan(sqlite3_stmt *st, void *elem)
{
    struct plan *p = elem;
    bool ok = true;
    p->id = sqlite3_column_int64(st, 0);
    p->number = row_text(st, 1, true, &ok);
    p->issued_on = row_date(st, 2);
    p->issuer = row_text(st, 3, true, &ok);
    p->year = sqlite3_column_int(st, 4);
    p->title = row_text(st, 5, true, &ok);
    p->upstream = row_text(st, 6, true, &ok);
    p->purpose = row_text(st, 7, true, &ok);
    p->requirements = row_text(st, 8, true, &ok);
    p->budget = row_text(st, 9, true, &ok);
    p->report_half = row_date(st, 10);
    p->report_year = row_date(st, 11);
    p->copied_from = sqlite3_column_int64(st, 12);
    return ok;
}

/* Binds parameters 1–12 in the order of PLAN_COLUMNS after id (with the
 * title's fold as 6). */
static enum status bind_plan(sqlite3_stmt *st, const void *rec)
{
    const struct plan *p = rec;
    return row_bind(st, 1, ROW_NFC(_("plan number"), nz(p->number)), ROW_DATE(p->issued_on),
                    ROW_NFC(_("issuing body"), nz(p->issuer)), ROW_INT(p->year),
                    ROW_NFC(_("plan title"), nz(p->title)), ROW_FOLD(_("plan title"), nz(p->title)),
                    ROW_NFC(_("upstream plans"), nz(p->upstream)),
                    ROW_NFC(_("purpose"), nz(p->purpose)),
                    ROW_NFC(_("requirements"), nz(p->requirements)),
                    ROW_NFC(_("budget sources"), nz(p->budget)), ROW_DATE(p->report_half),
                    ROW_DATE(p->report_year));
}

/* A duplicate number (the write's error rc) becomes ST_EXISTS naming the
 * field. */
static enum status number_used(struct db *db, enum status rc, const struct plan *p)
{
    if (rc == ST_DB && sqlite3_extended_errcode(db->sql) == SQLITE_CONSTRAINT_UNIQUE)
        rc = status_set(ST_EXISTS, _("%s: %s is already used by another plan of %d"),
                        _("plan number"), nz(p->number), p->year);
    return rc;
}

enum status plan_repo_insert(struct db *db, struct plan *p)
{
    enum status rc = plan_validate(p);
    if (rc == ST_OK)
        rc = number_used(db, row_write_rec(db,
            "INSERT INTO plan(number, issued_on, issuer, year, title, title_fold, upstream, "
            "purpose, requirements, budget, report_half, report_year, copied_from) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", bind_plan, p, 13,
            p->copied_from, _("cannot save the plan")), p);
    if (rc != ST_OK)
        return rc;
    p->id = sqlite3_last_insert_rowid(db->sql);
    rc = audit_record_id(db, AUDIT_CREATE, "plan", p->id, NULL, NULL, p->title);
    if (rc == ST_OK && p->copied_from) {
        char from[24];
        id_text(p->copied_from, from);
        rc = audit_record_id(db, AUDIT_CREATE, "plan", p->id, "copied_from", NULL, from);
    }
    return rc;
}

/* One audit line per field that differs between a and b. */
static enum status audit_plan_diff(struct db *db, const void *old,
                                   const void *rec)
{
    const struct plan *a = old, *b = rec;
    char ya[16], yb[16], d[6][DATE_BUF];
    snprintf(ya, sizeof ya, "%d", a->year);
    snprintf(yb, sizeof yb, "%d", b->year);
    const char *const f[][3] = {
        {"number", a->number, b->number},
        {"issued_on", row_iso(a->issued_on, d[0]), row_iso(b->issued_on, d[1])},
        {"issuer", a->issuer, b->issuer},
        {"year", ya, yb},
        {"title", a->title, b->title},
        {"upstream", a->upstream, b->upstream},
        {"purpose", a->purpose, b->purpose},
        {"requirements", a->requirements, b->requirements},
        {"budget", a->budget, b->budget},
        {"report_half", row_iso(a->report_half, d[2]), row_iso(b->report_half, d[3])},
        {"report_year", row_iso(a->report_year, d[4]), row_iso(b->report_year, d[5])},
    };
    return audit_fields_id(db, "plan", b->id, f, sizeof f / sizeof *f);
}

static void clear_plan(void *elem) { plan_clear(elem); }

static const struct row_kind plan_kind = {
    .entity = "plan", .size = sizeof(struct plan), .label = offsetof(struct plan, title),
    .read = read_plan, .clear = clear_plan,
    .get_sql = "SELECT " PLAN_COLUMNS " FROM plan WHERE id = ?1",
    .missing = N_("there is no plan %lld"),
    .update_sql = "UPDATE plan SET number = ?1, issued_on = ?2, issuer = ?3, year = ?4, "
                  "title = ?5, title_fold = ?6, upstream = ?7, purpose = ?8, requirements = ?9, "
                  "budget = ?10, report_half = ?11, report_year = ?12 WHERE id = ?13",
    .bind = bind_plan, .key = 13, .diff = audit_plan_diff,
    .cannot_save = N_("cannot save the plan"), .cannot_delete = N_("cannot delete the plan"),
};

enum status plan_repo_update(struct db *db, const struct plan *p)
{
    enum status rc = plan_validate(p);
    return rc == ST_OK ? number_used(db, row_kind_update(db, &plan_kind, p, p->id), p) : rc;
}

enum status plan_repo_delete(struct db *db, long long id)
{
    static const char *const cascade[][2] = {
        {"plan_target", "SELECT id, text FROM plan_target WHERE plan_id = ?1"},
        {"task_note", "SELECT n.id, n.text FROM task_note n JOIN task t ON t.id = n.task_id "
                      "WHERE t.plan_id = ?1"},
        {"task", "SELECT id, text FROM task WHERE plan_id = ?1"},
        {"plan_event", "SELECT id, name FROM plan_event WHERE plan_id = ?1"},
    };
    enum status rc = plan_repo_exists(db, id);
    for (size_t i = 0; rc == ST_OK && i < 4; i++)
        rc = row_audit_deleted(db, cascade[i][0], cascade[i][1], id);
    return rc == ST_OK ? row_kind_delete(db, &plan_kind, id) : rc;
}

enum status plan_repo_exists(struct db *db, long long plan_id)
{
    long long n = 0;
    enum status rc = row_query_int(db, "SELECT count(*) FROM plan WHERE id = ?1", &n,
                                   ROW_INT(plan_id));
    if (rc == ST_OK && n == 0)
        rc = status_set(ST_NOTFOUND, _("there is no plan %lld"), plan_id);
    return rc;
}

enum status plan_repo_get(struct db *db, long long id, struct plan *out)
{
    return row_kind_get(db, &plan_kind, id, out);
}

enum status plan_repo_list(struct db *db, int year, struct plan **out, size_t *n)
{
    return row_list_id(db, "SELECT " PLAN_COLUMNS " FROM plan WHERE ?1 = 0 OR year = ?1 "
                       "ORDER BY year DESC, coalesce(issued_on, '9999'), id", year, sizeof **out,
                       read_plan, clear_plan, (void **)out, n);
}

enum status plan_repo_find_copy(struct db *db, long long from, int year, long long *out)
{
    sqlite3_stmt *st;
    enum status rc = row_prepare(db,
        "SELECT id FROM plan WHERE copied_from = ?1 AND year = ?2 ORDER BY id LIMIT 1", &st,
                                 ROW_INT(from), ROW_INT(year));
    if (rc != ST_OK)
        return rc;
    return row_int(db, st, out, _("database"));
}

static bool read_counts(sqlite3_stmt *st, void *elem)
{
    struct plan_counts *c = elem;
    c->targets = sqlite3_column_int(st, 0);
    c->tasks = sqlite3_column_int(st, 1);
    c->tasks_done = sqlite3_column_int(st, 2);
    c->tasks_overdue = sqlite3_column_int(st, 3);
    c->events = sqlite3_column_int(st, 4);
    return true;
}

enum status plan_repo_counts(struct db *db, long long plan_id, struct date today,
                             struct plan_counts *out)
{
    memset(out, 0, sizeof *out);
    return row_query_one(db,
        "SELECT (SELECT count(*) FROM plan_target WHERE plan_id = ?1), "
        "(SELECT count(*) FROM task WHERE plan_id = ?1), "
        "(SELECT count(*) FROM task WHERE plan_id = ?1 AND done = 1), "
        "(SELECT count(*) FROM task WHERE plan_id = ?1 AND done = 0 AND due_on < ?2), "
        "(SELECT count(*) FROM plan_event WHERE plan_id = ?1)", out, read_counts, NULL,
        _("database"), ROW_INT(plan_id), ROW_DATE(today));
}

enum status plan_repo_next_report(struct db *db, struct date today, struct date *when,
                                  long long *plan_id, enum plan_cal_kind *kind)
{
    sqlite3_stmt *st;
    enum status rc = row_prepare(db,
        "SELECT d, pid, k FROM (SELECT report_half AS d, id AS pid, 0 AS k FROM plan "
        "WHERE report_half IS NOT NULL UNION ALL SELECT report_year, id, 1 FROM plan "
        "WHERE report_year IS NOT NULL) WHERE d >= ?1 ORDER BY d, k, pid LIMIT 1", &st,
                                 ROW_DATE(today));
    if (rc != ST_OK)
        return rc;
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        *when = row_date(st, 0);
        *plan_id = sqlite3_column_int64(st, 1);
        *kind = sqlite3_column_int(st, 2) ? PLAN_CAL_REPORT_YEAR : PLAN_CAL_REPORT_HALF;
    } else {
        rc = step == SQLITE_DONE ? ST_NOTFOUND : db_fail(db, _("database"));
    }
    sqlite3_finalize(st);
    return rc;
}

/* Events overlapping the year, the plans' report deadlines and the tasks'
 * due dates in the year; ?1 = first day, ?2 = last day, ?3 = plan or NULL. */
static const char calendar_sql[] =
    "SELECT d, e, k, nm, pnum, pyear, pid, rid, done, lunar, chk, dept FROM ("
    " SELECT ev.start_on AS d, ev.end_on AS e, ev.kind AS k, ev.name AS nm, p.number AS pnum,"
    "  p.year AS pyear, p.id AS pid, ev.id AS rid, 0 AS done, ev.lunar AS lunar,"
    "  ev.to_check AS chk, NULL AS dept"
    " FROM plan_event ev JOIN plan p ON p.id = ev.plan_id"
    " WHERE ev.start_on <= ?2 AND coalesce(ev.end_on, ev.start_on) >= ?1"
    " UNION ALL SELECT report_half, NULL, 'report_half', '', number, year, id, id, 0, 0, 0, NULL"
    " FROM plan WHERE report_half BETWEEN ?1 AND ?2"
    " UNION ALL SELECT report_year, NULL, 'report_year', '', number, year, id, id, 0, 0, 0, NULL"
    " FROM plan WHERE report_year BETWEEN ?1 AND ?2"
    " UNION ALL SELECT t.due_on, NULL, 'task', t.text, p.number, p.year, p.id, t.id, t.done,"
    "  0, 0, dp.name"
    " FROM task t JOIN plan p ON p.id = t.plan_id JOIN department dp ON dp.id = t.department_id"
    " WHERE t.due_on BETWEEN ?1 AND ?2"
    ") WHERE ?3 IS NULL OR pid = ?3"
    " ORDER BY d, CASE k WHEN 'campaign' THEN 0 WHEN 'event' THEN 1 WHEN 'deadline' THEN 2"
    "  WHEN 'report_half' THEN 3 WHEN 'report_year' THEN 4 ELSE 5 END, pid, rid";

static enum plan_cal_kind cal_kind(const char *k)
{
    static const struct { const char *code; enum plan_cal_kind kind; } kinds[] = {
        {"event", PLAN_CAL_EVENT}, {"campaign", PLAN_CAL_CAMPAIGN},
        {"deadline", PLAN_CAL_DEADLINE}, {"report_half", PLAN_CAL_REPORT_HALF},
        {"report_year", PLAN_CAL_REPORT_YEAR},
    };
    for (size_t i = 0; k && i < sizeof kinds / sizeof *kinds; i++)
        if (strcmp(kinds[i].code, k) == 0)
            return kinds[i].kind;
    return PLAN_CAL_TASK;
}

static bool read_cal(sqlite3_stmt *st, void *elem)
{
    struct plan_cal_item *it = elem;
    bool ok = true;
    char label[128];
    it->date = row_date(st, 0);
    it->end = row_date(st, 1);
    it->kind = cal_kind((const char *)sqlite3_column_text(st, 2));
    plan_label((const char *)sqlite3_column_text(st, 4), sqlite3_column_int(st, 5),
               label, sizeof label);
    if (it->kind == PLAN_CAL_REPORT_HALF)
        it->name = strdup(_("6-month report"));
    else if (it->kind == PLAN_CAL_REPORT_YEAR)
        it->name = strdup(_("annual report"));
    else
        it->name = row_text(st, 3, true, &ok);
    if (it->kind == PLAN_CAL_TASK)
        it->detail = row_text(st, 11, true, &ok);
    else
        it->detail = strdup(label);
    it->plan_id = sqlite3_column_int64(st, 6);
    it->ref_id = sqlite3_column_int64(st, 7);
    it->done = sqlite3_column_int(st, 8) != 0;
    it->lunar = sqlite3_column_int(st, 9) != 0;
    it->to_check = sqlite3_column_int(st, 10) != 0;
    return ok && it->name && it->detail;
}

static void clear_cal(void *elem)
{
    struct plan_cal_item *it = elem;
    free(it->name);
    free(it->detail);
}

enum status plan_repo_calendar(struct db *db, int year, long long plan_id,
                               struct plan_cal_item **out, size_t *n)
{
    return row_query_list(db, calendar_sql, sizeof **out, read_cal, clear_cal, (void **)out, n,
                          ROW_DATE((struct date){year, 1, 1}), ROW_DATE((struct date){year, 12, 31}),
                          ROW_ID(plan_id));
}
