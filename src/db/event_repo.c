/* event_repo — the plan_event table. */
#include <config.h>
#include "treem/db/event_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/db/row.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EVENT_COLUMNS "id, plan_id, name, start_on, end_on, kind, lunar, to_check"

static bool read_event(sqlite3_stmt *st, struct plan_event *e)
{
    bool ok = true;
    memset(e, 0, sizeof *e);
    e->id = sqlite3_column_int64(st, 0);
    e->plan_id = sqlite3_column_int64(st, 1);
    e->name = row_text(st, 2, true, &ok);
    e->start_on = row_date(st, 3);
    e->end_on = row_date(st, 4);
    plan_event_kind_parse((const char *)sqlite3_column_text(st, 5), &e->kind);
    e->lunar = sqlite3_column_int(st, 6) != 0;
    e->to_check = sqlite3_column_int(st, 7) != 0;
    return ok;
}

/* ?1 name, ?2 start, ?3 end, ?4 kind, ?5 lunar, ?6 to_check. */
static enum status bind_event(sqlite3_stmt *st, const void *rec)
{
    const struct plan_event *e = rec;
    enum status rc = row_bind_nfc(st, 1, _("event name"), e->name);
    row_bind_date(st, 2, e->start_on);
    row_bind_date(st, 3, e->end_on);
    sqlite3_bind_text(st, 4, plan_event_kind_code(e->kind), -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 5, e->lunar);
    sqlite3_bind_int(st, 6, e->to_check);
    return rc;
}

static void id_text(long long id, char buf[24])
{
    snprintf(buf, 24, "%lld", id);
}

enum status event_repo_insert(struct db *db, const char *who, struct plan_event *e)
{
    enum status rc = plan_event_validate(e);
    long long n = 0;
    char pid[24];
    id_text(e->plan_id, pid);
    if (rc == ST_OK)
        rc = db_query_int(db, "SELECT count(*) FROM plan WHERE id = ?1", pid, &n);
    if (rc == ST_OK && n == 0)
        rc = status_set(ST_NOTFOUND, _("there is no plan %lld"), e->plan_id);
    if (rc == ST_OK)
        rc = row_write_rec(db, "INSERT INTO plan_event(name, start_on, end_on, kind, lunar, "
                           "to_check, plan_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                           bind_event, e, 7, e->plan_id, _("cannot save the event"));
    if (rc != ST_OK)
        return rc;
    e->id = sqlite3_last_insert_rowid(db->sql);
    char id[24];
    id_text(e->id, id);
    return audit_record(db, who, AUDIT_CREATE, "plan_event", id, NULL, NULL, e->name);
}

static enum status audit_event_diff(struct db *db, const char *who,
                                    const struct plan_event *a, const struct plan_event *b)
{
    char id[24], d[4][DATE_BUF];
    id_text(b->id, id);
    const char *const f[][3] = {
        {"name", a->name, b->name},
        {"start_on", row_iso(a->start_on, d[0]), row_iso(b->start_on, d[1])},
        {"end_on", row_iso(a->end_on, d[2]), row_iso(b->end_on, d[3])},
        {"kind", plan_event_kind_code(a->kind), plan_event_kind_code(b->kind)},
        {"lunar", a->lunar ? "1" : "0", b->lunar ? "1" : "0"},
        {"to_check", a->to_check ? "1" : "0", b->to_check ? "1" : "0"},
    };
    return audit_fields(db, who, "plan_event", id, f, sizeof f / sizeof *f);
}

enum status event_repo_update(struct db *db, const char *who, const struct plan_event *e)
{
    struct plan_event old;
    enum status rc = plan_event_validate(e);
    if (rc == ST_OK)
        rc = event_repo_get(db, e->id, &old);
    if (rc != ST_OK)
        return rc;
    rc = row_write_rec(db, "UPDATE plan_event SET name = ?1, start_on = ?2, end_on = ?3, "
                       "kind = ?4, lunar = ?5, to_check = ?6 WHERE id = ?7",
                       bind_event, e, 7, e->id, _("cannot save the event"));
    if (rc == ST_OK)
        rc = audit_event_diff(db, who, &old, e);
    plan_event_clear(&old);
    return rc;
}

enum status event_repo_delete(struct db *db, const char *who, long long id)
{
    struct plan_event old;
    enum status rc = event_repo_get(db, id, &old);
    if (rc != ST_OK)
        return rc;
    rc = row_delete_id(db, who, "DELETE FROM plan_event WHERE id = ?1", "plan_event", id,
                       old.name, _("cannot delete the event"));
    plan_event_clear(&old);
    return rc;
}

/* row_collect's view of read_event and plan_event_clear. */
static bool read_event_row(sqlite3_stmt *st, void *elem) { return read_event(st, elem); }
static void plan_event_clear_row(void *elem) { plan_event_clear(elem); }

enum status event_repo_get(struct db *db, long long id, struct plan_event *out)
{
    enum status rc = row_get_id(db, "SELECT " EVENT_COLUMNS " FROM plan_event WHERE id = ?1",
                                id, out, sizeof *out, read_event_row, plan_event_clear_row,
                                _("database"));
    if (rc == ST_NOTFOUND)
        rc = status_set(ST_NOTFOUND, _("there is no event %lld"), id);
    return rc;
}

enum status event_repo_list(struct db *db, long long plan_id, struct plan_event **out,
                            size_t *n)
{
    void *list;
    enum status rc = row_list_id(db, "SELECT " EVENT_COLUMNS " FROM plan_event "
                                 "WHERE plan_id = ?1 ORDER BY start_on, id", plan_id,
                                 sizeof **out, read_event_row, plan_event_clear_row, &list, n);
    *out = list;
    return rc;
}
