/* child_support_repo — risk periods and help records of a child. */
#include <config.h>
#include "treem/db/child_support_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/db/row.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ENTITY "child"

/* "01/02/2026–: reason" for the audit line. */
static void risk_text(const struct child_risk *r, char *out, size_t n)
{
    char a[DATE_BUF] = "", b[DATE_BUF] = "";
    date_format(r->from, a);
    if (r->to.y)
        date_format(r->to, b);
    snprintf(out, n, "%s–%s: %s", a, b, r->reason ? r->reason : "");
}

/* ?1 child, ?2 from, ?3 to, ?4 reason. */
static enum status bind_risk(sqlite3_stmt *st, const void *rec)
{
    const struct child_risk *r = rec;
    sqlite3_bind_int64(st, 1, r->child_id);
    row_bind_date(st, 2, r->from);
    row_bind_date(st, 3, r->to);
    return row_bind_nfc(st, 4, _("risk reason"), r->reason);
}

enum status child_risk_repo_add(struct db *db, struct child_risk *r, const char *uid, const char *who)
{
    enum status rc = row_write_rec(db, "INSERT INTO child_risk_period(child_id, from_date, "
                                   "to_date, reason) VALUES (?1, ?2, ?3, ?4)", bind_risk, r, 0, 0,
                                   _("cannot save the risk"));
    if (rc != ST_OK)
        return rc;
    r->id = sqlite3_last_insert_rowid(db->sql);
    char text[1024];
    risk_text(r, text, sizeof text);
    return audit_record(db, who, AUDIT_CHANGE, ENTITY, uid, "risk", NULL, text);
}

static bool read_risk(sqlite3_stmt *st, void *elem)
{
    struct child_risk *r = elem;
    bool ok = true;
    r->id = sqlite3_column_int64(st, 0);
    r->child_id = sqlite3_column_int64(st, 1);
    r->from = row_date(st, 2);
    r->to = row_date(st, 3);
    r->reason = row_text(st, 4, true, &ok);
    return ok;
}

static void clear_risk(void *elem)
{
    free(((struct child_risk *)elem)->reason);
}

/* The period id of child_id, or ST_NOTFOUND. */
static enum status risk_get(struct db *db, long long child_id, long long id, struct child_risk **r,
                            size_t *n)
{
    sqlite3_stmt *st;
    enum status rc = row_prepare(db, "SELECT id, child_id, from_date, to_date, reason FROM "
                                     "child_risk_period WHERE id = ?1 AND child_id = ?2", &st,
                                 ROW_INT(id), ROW_INT(child_id));
    if (rc != ST_OK)
        return rc;
    rc = row_collect(db, st, sizeof **r, read_risk, clear_risk, (void **)r, n);
    if (rc == ST_OK && *n == 0)
        rc = status_set(ST_NOTFOUND, _("no risk period number %lld for this child"), id);
    return rc;
}

enum status child_risk_repo_end(struct db *db, long long child_id, long long id, struct date to,
                                const char *uid, const char *who)
{
    struct child_risk *old = NULL;
    size_t n = 0;
    enum status rc = risk_get(db, child_id, id, &old, &n);
    if (rc == ST_OK && to.y && date_cmp(to, old->from) < 0)
        rc = status_set(ST_INVALID, "%s", _("risk to: the end is before the start"));
    if (rc == ST_OK)
        rc = row_exec(db, "UPDATE child_risk_period SET to_date = ?2 WHERE id = ?1",
                      _("cannot save the risk"), ROW_INT(id), ROW_DATE(to));
    if (rc == ST_OK) {
        char a[1024], b[1024];
        risk_text(old, a, sizeof a);
        old->to = to;
        risk_text(old, b, sizeof b);
        rc = audit_record(db, who, AUDIT_CHANGE, ENTITY, uid, "risk", a, b);
    }
    child_risks_free(old, n);
    return rc;
}

enum status child_risk_repo_delete(struct db *db, long long child_id, long long id, const char *uid,
                                   const char *who)
{
    struct child_risk *old = NULL;
    size_t n = 0;
    enum status rc = risk_get(db, child_id, id, &old, &n);
    if (rc == ST_OK)
        rc = row_exec_id(db, "DELETE FROM child_risk_period WHERE id = ?1", id,
                         _("cannot delete the risk"));
    if (rc == ST_OK) {
        char a[1024];
        risk_text(old, a, sizeof a);
        rc = audit_record(db, who, AUDIT_CHANGE, ENTITY, uid, "risk", a, NULL);
    }
    child_risks_free(old, n);
    return rc;
}

enum status child_risk_repo_list(struct db *db, long long child_id, struct child_risk **out, size_t *n)
{
    sqlite3_stmt *st;
    *out = NULL;
    *n = 0;
    enum status rc = row_prepare(db, "SELECT id, child_id, from_date, to_date, reason FROM "
                                     "child_risk_period WHERE child_id = ?1 ORDER BY from_date, id", &st,
                                 ROW_INT(child_id));
    if (rc != ST_OK)
        return rc;
    return row_collect(db, st, sizeof **out, read_risk, clear_risk, (void **)out, n);
}

/* "12/03/2026 home_visit: what (by whom)" for the audit line. */
static void help_text(const struct child_help *h, char *out, size_t n)
{
    char d[DATE_BUF];
    date_format(h->date, d);
    snprintf(out, n, "%s %s: %s (%s)", d, enum_code(&enum_help_kind, h->kind),
             h->what ? h->what : "", h->by_whom ? h->by_whom : "");
}

struct help_write {
    const struct child_help *h;
    const char *who;
};

/* ?1 child, ?2 date, ?3 kind, ?4 what, ?5 by whom, ?6 created by. */
static enum status bind_help(sqlite3_stmt *st, const void *rec)
{
    const struct child_help *h = ((const struct help_write *)rec)->h;
    const char *who = ((const struct help_write *)rec)->who;
    sqlite3_bind_int64(st, 1, h->child_id);
    row_bind_date(st, 2, h->date);
    db_bind_text(st, 3, enum_code(&enum_help_kind, h->kind));
    db_bind_text(st, 6, who ? who : "");
    enum status rc = row_bind_nfc(st, 4, _("help given"), h->what);
    return rc == ST_OK ? row_bind_nfc(st, 5, _("help given by"), h->by_whom) : rc;
}

enum status child_help_repo_add(struct db *db, struct child_help *h, const char *uid, const char *who)
{
    struct help_write w = {h, who};
    enum status rc = row_write_rec(db, "INSERT INTO child_help(child_id, date, kind, what, "
                                   "by_whom, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                   bind_help, &w, 0, 0, _("cannot save the help"));
    if (rc != ST_OK)
        return rc;
    h->id = sqlite3_last_insert_rowid(db->sql);
    char text[1024];
    help_text(h, text, sizeof text);
    return audit_record(db, who, AUDIT_CHANGE, ENTITY, uid, "help", NULL, text);
}

static bool read_help(sqlite3_stmt *st, void *elem)
{
    struct child_help *h = elem;
    bool ok = true;
    h->id = sqlite3_column_int64(st, 0);
    h->child_id = sqlite3_column_int64(st, 1);
    h->date = row_date(st, 2);
    h->kind = enum_from_code(&enum_help_kind, (const char *)sqlite3_column_text(st, 3));
    h->what = row_text(st, 4, true, &ok);
    h->by_whom = row_text(st, 5, true, &ok);
    return ok;
}

static void clear_help(void *elem)
{
    struct child_help *h = elem;
    free(h->what);
    free(h->by_whom);
}

static enum status help_query(struct db *db, const char *where, long long a, long long b,
                              struct child_help **out, size_t *n)
{
    char sql[256];
    sqlite3_stmt *st;
    *out = NULL;
    *n = 0;
    snprintf(sql, sizeof sql, "SELECT id, child_id, date, kind, what, by_whom FROM child_help "
             "WHERE %s ORDER BY date, id", where);
    enum status rc = row_prepare(db, sql, &st, ROW_INT(a));
    if (rc != ST_OK)
        return rc;
    if (b)
        sqlite3_bind_int64(st, 2, b);
    return row_collect(db, st, sizeof **out, read_help, clear_help, (void **)out, n);
}

enum status child_help_repo_delete(struct db *db, long long child_id, long long id, const char *uid,
                                   const char *who)
{
    struct child_help *old = NULL;
    size_t n = 0;
    enum status rc = help_query(db, "child_id = ?1 AND id = ?2", child_id, id, &old, &n);
    if (rc == ST_OK && n == 0)
        rc = status_set(ST_NOTFOUND, _("no help number %lld for this child"), id);
    if (rc == ST_OK)
        rc = row_exec_id(db, "DELETE FROM child_help WHERE id = ?1", id,
                         _("cannot delete the help"));
    if (rc == ST_OK) {
        char a[1024];
        help_text(old, a, sizeof a);
        rc = audit_record(db, who, AUDIT_CHANGE, ENTITY, uid, "help", a, NULL);
    }
    child_helps_free(old, n);
    return rc;
}

enum status child_help_repo_list(struct db *db, long long child_id, struct child_help **out, size_t *n)
{
    return help_query(db, "child_id = ?1", child_id, 0, out, n);
}

static bool read_support_row(sqlite3_stmt *st, void *elem)
{
    struct child_support_row *r = elem;
    r->id = sqlite3_column_int64(st, 0);
    snprintf(r->uid, sizeof r->uid, "%s", (const char *)sqlite3_column_text(st, 1));
    r->from = row_date(st, 2);
    r->birth = row_date(st, 3);
    return true;
}

static void clear_support_row(void *elem)
{
    (void)elem;
}

/* Rows of sql with ?1 = a, ?2 = b (ISO dates). */
static enum status support_rows(struct db *db, const char *sql, struct date a, struct date b,
                                struct child_support_row **out, size_t *n)
{
    sqlite3_stmt *st;
    *out = NULL;
    *n = 0;
    enum status rc = row_prepare(db, sql, &st, ROW_DATE(a), ROW_DATE(b));
    if (rc != ST_OK)
        return rc;
    return row_collect(db, st, sizeof **out, read_support_row, clear_support_row, (void **)out, n);
}

enum status child_support_repo_in_groups(struct db *db, struct date from, struct date to,
                                         struct child_support_row **out, size_t *n)
{
    return support_rows(db,
        "SELECT c.id, c.uid, max(min(p.from_date), ?1), c.birth_date FROM child c JOIN child_sc_period p "
        "ON p.child_id = c.id WHERE p.from_date <= ?2 AND (p.to_date IS NULL OR p.to_date >= ?1) "
        "GROUP BY c.id ORDER BY c.id", from, to, out, n);
}

enum status child_support_repo_outside_groups(struct db *db, struct date from, struct date day,
                                              struct child_support_row **out, size_t *n)
{
    return support_rows(db,
        "SELECT c.id, c.uid, ?1, c.birth_date FROM child c WHERE c.birth_eff > date(?2, '-16 years') "
        "AND NOT EXISTS (SELECT 1 FROM child_sc_period p WHERE p.child_id = c.id) ORDER BY c.id",
        from, day, out, n);
}
