/* child_facts — periods in sub-groups, measurements, health checks. */
#include <config.h>
#include "treem/db/row.h"
#include "treem/db/child_facts.h"
#include "treem/db/audit_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/strbuf.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ENTITY "child"

/* row_exec, with a broken constraint (a duplicate) as ST_EXISTS. */
static enum status run_args(struct db *db, const char *sql, const char *what,
                            const struct row_arg *args, size_t n)
{
    enum status rc = row_exec_args(db, sql, false, what, args, n);
    if (rc != ST_OK && (sqlite3_extended_errcode(db->sql) & 0xff) == SQLITE_CONSTRAINT)
        return status_set(ST_EXISTS, "%s: %s", what, sqlite3_errmsg(db->sql));
    return rc;
}
#define run(db, sql, what, ...) run_args(db, sql, what, ROW_ARGS(__VA_ARGS__))

/* "a.1 01/02/2024–31/12/2024" (open periods end with "–"). */
static void period_text(const char *code, struct date from, struct date to, char *out, size_t n)
{
    char a[DATE_BUF] = "", b[DATE_BUF] = "";
    date_format(from, a);
    if (to.y)
        date_format(to, b);
    snprintf(out, n, "%s %s–%s", code, a, b);
}

enum status child_facts_period_check(struct db *db, const struct child_period *p, struct date today)
{
    long long n = 0;
    enum status rc = db_query_int(db, "SELECT count(*) FROM sc_subgroup WHERE code = ?1", p->code, &n);
    if (rc != ST_OK)
        return rc;
    if (n == 0)
        return status_set(ST_INVALID, _("group: '%s' is not a sub-group code (like a.1 or đ.2)"), p->code);
    if (!p->from.y)
        return status_set(ST_INVALID, "%s", _("group from: give the first day in the group"));
    char buf[DATE_BUF];
    date_format(p->from, buf);
    if (date_cmp(p->from, today) > 0)
        return status_set(ST_INVALID, _("group from: %s is in the future"), buf);
    if (p->to.y && date_cmp(p->to, p->from) < 0)
        return status_set(ST_INVALID, _("group to: the end is before the start (%s)"), buf);
    if (utf8_char_count(p->note) > CHILD_PERIOD_NOTE_MAX)
        return status_set(ST_INVALID, _("group note: at most %d characters"), CHILD_PERIOD_NOTE_MAX);
    return ST_OK;
}

enum status child_facts_period_add(struct db *db, struct child_period *p, const char *uid)
{
    enum status rc = run(db, "INSERT INTO child_sc_period(child_id, subgroup_code, from_date, "
                         "to_date, note) VALUES (?1, ?2, ?3, ?4, ?5)", _("cannot save the group"),
                         ROW_INT(p->child_id), ROW_TEXT(p->code), ROW_DATE(p->from),
                         ROW_DATE(p->to), ROW_TEXT(p->note));
    if (rc != ST_OK)
        return rc;
    p->id = sqlite3_last_insert_rowid(db->sql);
    char text[128];
    period_text(p->code, p->from, p->to, text, sizeof text);
    return audit_record(db, AUDIT_CHANGE, ENTITY, uid, "group", NULL, text);
}

/* Reads period id into *p; ST_NOTFOUND when it does not exist. */
static enum status period_get(struct db *db, long long id, struct child_period *p)
{
    sqlite3_stmt *st;
    enum status rc = row_prepare(db, "SELECT subgroup_code, from_date, to_date FROM child_sc_period "
                                     "WHERE id = ?1", &st, ROW_INT(id));
    if (rc != ST_OK)
        return rc;
    if (row_next(db, st, &rc)) {
        snprintf(p->code, sizeof p->code, "%s", (const char *)sqlite3_column_text(st, 0));
        p->from = row_date(st, 1);
        p->to = row_date(st, 2);
    } else if (rc == ST_OK) {
        rc = status_set(ST_NOTFOUND, _("no group period number %lld"), id);
    }
    sqlite3_finalize(st);
    return rc;
}

enum status child_facts_period_end(struct db *db, long long period_id, struct date to,
                                   const char *uid)
{
    struct child_period old;
    enum status rc = period_get(db, period_id, &old);
    if (rc != ST_OK)
        return rc;
    if (to.y && date_cmp(to, old.from) < 0)
        return status_set(ST_INVALID, "%s", _("group to: the end is before the start"));
    rc = run(db, "UPDATE child_sc_period SET to_date = ?2 WHERE id = ?1", _("cannot save the group"),
             ROW_INT(period_id), ROW_DATE(to));
    if (rc != ST_OK)
        return rc;
    char a[128], b[128];
    period_text(old.code, old.from, old.to, a, sizeof a);
    period_text(old.code, old.from, to, b, sizeof b);
    return audit_record(db, AUDIT_CHANGE, ENTITY, uid, "group", a, b);
}

enum status child_facts_period_delete(struct db *db, long long period_id, const char *uid)
{
    struct child_period old;
    enum status rc = period_get(db, period_id, &old);
    if (rc == ST_OK)
        rc = row_exec_id(db, "DELETE FROM child_sc_period WHERE id = ?1", period_id,
                         _("cannot delete the group"));
    if (rc != ST_OK)
        return rc;
    char a[128];
    period_text(old.code, old.from, old.to, a, sizeof a);
    return audit_record(db, AUDIT_CHANGE, ENTITY, uid, "group", a, NULL);
}

static bool read_subgroup(sqlite3_stmt *st, void *elem)
{
    struct child_subgroup *g = elem;
    snprintf(g->code, sizeof g->code, "%s", (const char *)sqlite3_column_text(st, 0));
    snprintf(g->letter, sizeof g->letter, "%s", (const char *)sqlite3_column_text(st, 1));
    snprintf(g->name, sizeof g->name, "%s", (const char *)sqlite3_column_text(st, 2));
    return true;
}

enum status child_facts_subgroups(struct db *db, struct child_subgroup **out, size_t *n)
{
    return row_list(db, "SELECT s.code, s.letter, s.name FROM sc_subgroup s "
                    "JOIN sc_group g ON g.letter = s.letter ORDER BY g.sort, s.clause",
                    sizeof **out, read_subgroup, NULL, (void **)out, n);
}

enum status child_facts_ethnic_names(struct db *db, char ***out, size_t *n)
{
    return row_query_texts(db, "SELECT DISTINCT name FROM ethnic_group ORDER BY name", out, n);
}

static bool read_period(sqlite3_stmt *st, void *elem)
{
    struct child_period *p = elem;
    p->id = sqlite3_column_int64(st, 0);
    p->child_id = sqlite3_column_int64(st, 6);
    snprintf(p->code, sizeof p->code, "%s", (const char *)sqlite3_column_text(st, 1));
    p->from = row_date(st, 2);
    p->to = row_date(st, 3);
    snprintf(p->note, sizeof p->note, "%s", (const char *)sqlite3_column_text(st, 4));
    snprintf(p->name, sizeof p->name, "%s", (const char *)sqlite3_column_text(st, 5));
    return true;
}

enum status child_facts_periods(struct db *db, long long child_id, struct child_period **out,
                                size_t *n)
{
    return row_list_id(db,
        "SELECT p.id, p.subgroup_code, p.from_date, p.to_date, p.note, s.name, p.child_id "
        "FROM child_sc_period p JOIN sc_subgroup s ON s.code = p.subgroup_code "
        "WHERE p.child_id = ?1 ORDER BY p.from_date, p.id",
        child_id, sizeof **out, read_period, NULL, (void **)out, n);
}

/* "12/03/2024 7.6 kg 70.5 cm" */
static void measure_text(const struct child_measure *m, char *out, size_t n)
{
    char d[DATE_BUF], w[32] = "", h[32] = "";
    date_format(m->date, d);
    if (m->weight_kg > 0)
        snprintf(w, sizeof w, " %.2f kg", m->weight_kg);
    if (m->height_cm > 0)
        snprintf(h, sizeof h, " %.1f cm", m->height_cm);
    snprintf(out, n, "%s%s%s", d, w, h);
}

enum status child_facts_measure_add(struct db *db, struct child_measure *m, const char *uid)
{
    enum status rc = run(db, "INSERT INTO child_measure(child_id, date, weight_kg, height_cm) "
                         "VALUES (?1, ?2, ?3, ?4)", _("cannot save the measurement"),
                         ROW_INT(m->child_id), ROW_DATE(m->date),
                         m->weight_kg > 0 ? ROW_REAL(m->weight_kg) : ROW_NULL,
                         m->height_cm > 0 ? ROW_REAL(m->height_cm) : ROW_NULL);
    if (rc != ST_OK)
        return rc;
    m->id = sqlite3_last_insert_rowid(db->sql);
    char text[96];
    measure_text(m, text, sizeof text);
    return audit_record(db, AUDIT_CHANGE, ENTITY, uid, "measure", NULL, text);
}

static bool read_measure(sqlite3_stmt *st, void *elem)
{
    struct child_measure *m = elem;
    m->id = sqlite3_column_int64(st, 0);
    m->child_id = sqlite3_column_int64(st, 1);
    m->date = row_date(st, 2);
    m->weight_kg = sqlite3_column_type(st, 3) == SQLITE_NULL ? 0 : sqlite3_column_double(st, 3);
    m->height_cm = sqlite3_column_type(st, 4) == SQLITE_NULL ? 0 : sqlite3_column_double(st, 4);
    return true;
}

#define MEASURE_COLS "SELECT id, child_id, date, weight_kg, height_cm FROM child_measure "

enum status child_facts_measure_delete(struct db *db, long long measure_id, const char *uid)
{
    sqlite3_stmt *st;
    enum status rc = row_prepare(db, MEASURE_COLS "WHERE id = ?1", &st, ROW_INT(measure_id));
    if (rc != ST_OK)
        return rc;
    struct child_measure m;
    bool found = row_next(db, st, &rc);
    if (found)
        read_measure(st, &m);
    sqlite3_finalize(st);
    if (rc != ST_OK)
        return rc;
    if (!found)
        return status_set(ST_NOTFOUND, _("no measurement number %lld"), measure_id);
    rc = row_exec_id(db, "DELETE FROM child_measure WHERE id = ?1", measure_id,
                     _("cannot delete the measurement"));
    if (rc != ST_OK)
        return rc;
    char text[96];
    measure_text(&m, text, sizeof text);
    return audit_record(db, AUDIT_CHANGE, ENTITY, uid, "measure", text, NULL);
}

enum status child_facts_measures(struct db *db, long long child_id, struct child_measure **out,
                                 size_t *n)
{
    return row_list_id(db, MEASURE_COLS "WHERE child_id = ?1 ORDER BY date, id", child_id,
                       sizeof **out, read_measure, NULL, (void **)out, n);
}

/* Adds (add) or deletes the health check of child_id on day, with its
 * audit line. */
static enum status check_change(struct db *db, long long child_id, struct date day,
                                const char *uid, bool add)
{
    char d[DATE_BUF];
    date_format(day, d);
    enum status rc = run(db, add ? "INSERT INTO child_health_check(child_id, date) VALUES (?1, ?2)"
                                 : "DELETE FROM child_health_check WHERE child_id = ?1 AND date = ?2",
                         add ? _("cannot save the health check") : _("cannot delete the health check"),
                         ROW_INT(child_id), ROW_DATE(day));
    if (add && rc == ST_EXISTS)
        return status_set(ST_EXISTS, _("health check: %s is already recorded"), d);
    if (!add && rc == ST_OK && sqlite3_changes(db->sql) == 0)
        return status_set(ST_NOTFOUND, _("health check: none on %s"), d);
    if (rc != ST_OK)
        return rc;
    return audit_record(db, AUDIT_CHANGE, ENTITY, uid, "health_check", add ? NULL : d,
                        add ? d : NULL);
}

enum status child_facts_check_add(struct db *db, long long child_id, struct date day,
                                  const char *uid)
{
    return check_change(db, child_id, day, uid, true);
}

enum status child_facts_check_delete(struct db *db, long long child_id, struct date day,
                                     const char *uid)
{
    return check_change(db, child_id, day, uid, false);
}

static bool read_check(sqlite3_stmt *st, void *elem)
{
    *(struct date *)elem = row_date(st, 0);
    return true;
}

enum status child_facts_checks(struct db *db, long long child_id, struct date **out, size_t *n)
{
    return row_list_id(db, "SELECT date FROM child_health_check WHERE child_id = ?1 "
                       "ORDER BY date", child_id, sizeof **out, read_check, NULL,
                       (void **)out, n);
}

enum status child_facts_period_owner(struct db *db, long long period_id, long long *child_id)
{
    return row_query_int(db, "SELECT child_id FROM child_sc_period WHERE id = ?1", child_id,
                         ROW_INT(period_id));
}

enum status child_facts_measure_owner(struct db *db, long long measure_id, long long *child_id)
{
    return row_query_int(db, "SELECT child_id FROM child_measure WHERE id = ?1", child_id,
                         ROW_INT(measure_id));
}
