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

static void risk_audit_text(const void *rec, char *out, size_t n)
{
    risk_text(rec, out, n);
}

/* "12/03/2026 home_visit: what (by whom)" for the audit line. */
static void help_text(const void *rec, char *out, size_t n)
{
    const struct child_help *h = rec;
    char d[DATE_BUF];
    date_format(h->date, d);
    snprintf(out, n, "%s %s: %s (%s)", d, enum_code(&enum_help_kind, h->kind),
             h->what ? h->what : "", h->by_whom ? h->by_whom : "");
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

/* A table of records of a child, audited under the child's uid. */
struct fact {
    const char *field;      /* the audit line's field: "risk", "help" */
    const char *select;     /* its columns; ?1 the child, ?2 the record */
    const char *list;       /* its columns; ?1 the child, in order */
    const char *del;        /* DELETE of the record ?1 */
    const char *missing;    /* N_(): the message for no such record (%lld: its id) */
    const char *cannot_delete;
    size_t size;
    row_read_fn read;
    row_clear_fn clear;
    void (*text)(const void *rec, char *out, size_t n); /* the audit text */
};

static const struct fact risk_fact = {
    "risk", "SELECT id, child_id, from_date, to_date, reason FROM child_risk_period "
    "WHERE child_id = ?1 AND id = ?2",
    "SELECT id, child_id, from_date, to_date, reason FROM child_risk_period "
    "WHERE child_id = ?1 ORDER BY from_date, id", "DELETE FROM child_risk_period WHERE id = ?1",
    N_("no risk period number %lld for this child"), N_("cannot delete the risk"),
    sizeof(struct child_risk), read_risk, clear_risk, risk_audit_text,
};

static const struct fact help_fact = {
    "help", "SELECT id, child_id, date, kind, what, by_whom FROM child_help "
    "WHERE child_id = ?1 AND id = ?2",
    "SELECT id, child_id, date, kind, what, by_whom FROM child_help "
    "WHERE child_id = ?1 ORDER BY date, id", "DELETE FROM child_help WHERE id = ?1",
    N_("no help number %lld for this child"), N_("cannot delete the help"),
    sizeof(struct child_help), read_help, clear_help, help_text,
};

/* The audit line of a change to the records f of child uid: before → after. */
static enum status audit_fact(struct db *db, const struct fact *f, const char *uid,
                              const char *before, const char *after)
{
    return audit_record(db, AUDIT_CHANGE, ENTITY, uid, f->field, before, after);
}

/* Record id of child_id into *old (a malloc'd array of *n == 1), or
 * ST_NOTFOUND. */
static enum status fact_get(struct db *db, const struct fact *f, long long child_id, long long id,
                            void **old, size_t *n)
{
    enum status rc = row_query_list(db, f->select, f->size, f->read, f->clear, old, n,
                                    ROW_INT(child_id), ROW_INT(id));
    if (rc == ST_OK && *n == 0)
        rc = status_set(ST_NOTFOUND, _(f->missing), id);
    return rc;
}

static void fact_free(const struct fact *f, void *old, size_t n)
{
    for (size_t i = 0; i < n; i++)
        f->clear((char *)old + i * f->size);
    free(old);
}

/* Deletes record id of child_id, with its audit line. */
static enum status fact_delete(struct db *db, const struct fact *f, long long child_id,
                               long long id, const char *uid)
{
    void *old;
    size_t n;
    enum status rc = fact_get(db, f, child_id, id, &old, &n);
    if (rc == ST_OK)
        rc = row_exec_id(db, f->del, id, _(f->cannot_delete));
    if (rc == ST_OK) {
        char a[1024];
        f->text(old, a, sizeof a);
        rc = audit_fact(db, f, uid, a, NULL);
    }
    fact_free(f, old, n);
    return rc;
}

/* The records of child_id, in order. */
static enum status fact_list(struct db *db, const struct fact *f, long long child_id, void **out,
                             size_t *n)
{
    return row_list_id(db, f->list, child_id, f->size, f->read, f->clear, out, n);
}

/* The audit line of a new record rec of child uid, after the insert's rc. */
static enum status fact_added(struct db *db, const struct fact *f, enum status rc,
                              const void *rec, const char *uid)
{
    if (rc != ST_OK)
        return rc;
    char text[1024];
    f->text(rec, text, sizeof text);
    return audit_fact(db, f, uid, NULL, text);
}

enum status child_risk_repo_add(struct db *db, struct child_risk *r, const char *uid)
{
    enum status rc = row_exec(db, "INSERT INTO child_risk_period(child_id, from_date, to_date, "
                              "reason) VALUES (?1, ?2, ?3, ?4)", _("cannot save the risk"),
                              ROW_INT(r->child_id), ROW_DATE(r->from), ROW_DATE(r->to),
                              ROW_NFC(_("risk reason"), r->reason));
    if (rc == ST_OK)
        r->id = sqlite3_last_insert_rowid(db->sql);
    return fact_added(db, &risk_fact, rc, r, uid);
}

enum status child_risk_repo_end(struct db *db, long long child_id, long long id, struct date to,
                                const char *uid)
{
    void *rec;
    size_t n = 0;
    enum status rc = fact_get(db, &risk_fact, child_id, id, &rec, &n);
    struct child_risk *old = rec;
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
        rc = audit_fact(db, &risk_fact, uid, a, b);
    }
    fact_free(&risk_fact, rec, n);
    return rc;
}

enum status child_risk_repo_delete(struct db *db, long long child_id, long long id,
                                   const char *uid)
{
    return fact_delete(db, &risk_fact, child_id, id, uid);
}

enum status child_risk_repo_list(struct db *db, long long child_id, struct child_risk **out, size_t *n)
{
    return fact_list(db, &risk_fact, child_id, (void **)out, n);
}

enum status child_help_repo_add(struct db *db, struct child_help *h, const char *uid)
{
    enum status rc = row_exec(db, "INSERT INTO child_help(child_id, date, kind, what, by_whom, "
                              "created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", _("cannot save the help"),
                              ROW_INT(h->child_id), ROW_DATE(h->date),
                              ROW_TEXT(enum_code(&enum_help_kind, h->kind)),
                              ROW_NFC(_("help given"), h->what),
                              ROW_NFC(_("help given by"), h->by_whom), ROW_TEXT(db_actor(db)));
    if (rc == ST_OK)
        h->id = sqlite3_last_insert_rowid(db->sql);
    return fact_added(db, &help_fact, rc, h, uid);
}

enum status child_help_repo_delete(struct db *db, long long child_id, long long id,
                                   const char *uid)
{
    return fact_delete(db, &help_fact, child_id, id, uid);
}

enum status child_help_repo_list(struct db *db, long long child_id, struct child_help **out, size_t *n)
{
    return fact_list(db, &help_fact, child_id, (void **)out, n);
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

/* Rows of sql with ?1 = a, ?2 = b (ISO dates). */
static enum status support_rows(struct db *db, const char *sql, struct date a, struct date b,
                                struct child_support_row **out, size_t *n)
{
    return row_query_list(db, sql, sizeof **out, read_support_row, NULL, (void **)out, n,
                          ROW_DATE(a), ROW_DATE(b));
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
