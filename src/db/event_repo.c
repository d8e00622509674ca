/* event_repo — the plan_event table. */
#include <config.h>
#include "treem/db/event_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/db/plan_repo.h"
#include "treem/db/row_kind.h"
#include "treem/core/i18n.h"

#include <stddef.h>
#include <string.h>

#define EVENT_COLUMNS "id, plan_id, name, start_on, end_on, kind, lunar, to_check"

static bool read_event(sqlite3_stmt *st, void *elem)
{
    struct plan_event *e = elem;
    bool ok = true;
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
    return row_bind(st, 1, ROW_NFC(_("event name"), e->name), ROW_DATE(e->start_on),
                    ROW_DATE(e->end_on), ROW_TEXT(plan_event_kind_code(e->kind)),
                    ROW_INT(e->lunar), ROW_INT(e->to_check));
}

enum status event_repo_insert(struct db *db, struct plan_event *e)
{
    enum status rc = plan_event_validate(e);
    if (rc == ST_OK)
        rc = plan_repo_exists(db, e->plan_id);
    if (rc == ST_OK)
        rc = row_write_rec(db, "INSERT INTO plan_event(name, start_on, end_on, kind, lunar, "
                           "to_check, plan_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                           bind_event, e, 7, e->plan_id, _("cannot save the event"));
    if (rc != ST_OK)
        return rc;
    e->id = sqlite3_last_insert_rowid(db->sql);
    return audit_record_id(db, AUDIT_CREATE, "plan_event", e->id, NULL, NULL, e->name);
}

static enum status audit_event_diff(struct db *db, const void *old,
                                    const void *rec)
{
    const struct plan_event *a = old, *b = rec;
    char d[4][DATE_BUF];
    const char *const f[][3] = {
        {"name", a->name, b->name},
        {"start_on", row_iso(a->start_on, d[0]), row_iso(b->start_on, d[1])},
        {"end_on", row_iso(a->end_on, d[2]), row_iso(b->end_on, d[3])},
        {"kind", plan_event_kind_code(a->kind), plan_event_kind_code(b->kind)},
        {"lunar", a->lunar ? "1" : "0", b->lunar ? "1" : "0"},
        {"to_check", a->to_check ? "1" : "0", b->to_check ? "1" : "0"},
    };
    return audit_fields_id(db, "plan_event", b->id, f, sizeof f / sizeof *f);
}

static void clear_event(void *elem) { plan_event_clear(elem); }

static const struct row_kind event_kind = {
    .entity = "plan_event", .size = sizeof(struct plan_event),
    .label = offsetof(struct plan_event, name), .read = read_event, .clear = clear_event,
    .get_sql = "SELECT " EVENT_COLUMNS " FROM plan_event WHERE id = ?1",
    .missing = N_("there is no event %lld"),
    .list_sql = "SELECT " EVENT_COLUMNS " FROM plan_event WHERE plan_id = ?1 ORDER BY start_on, id",
    .update_sql = "UPDATE plan_event SET name = ?1, start_on = ?2, end_on = ?3, kind = ?4, "
                  "lunar = ?5, to_check = ?6 WHERE id = ?7",
    .bind = bind_event, .key = 7, .diff = audit_event_diff,
    .cannot_save = N_("cannot save the event"), .cannot_delete = N_("cannot delete the event"),
};

enum status event_repo_update(struct db *db, const struct plan_event *e)
{
    enum status rc = plan_event_validate(e);
    return rc == ST_OK ? row_kind_update(db, &event_kind, e, e->id) : rc;
}

enum status event_repo_delete(struct db *db, long long id)
{
    return row_kind_delete(db, &event_kind, id);
}

enum status event_repo_get(struct db *db, long long id, struct plan_event *out)
{
    return row_kind_get(db, &event_kind, id, out);
}

enum status event_repo_list(struct db *db, long long plan_id, struct plan_event **out,
                            size_t *n)
{
    return row_kind_list(db, &event_kind, plan_id, (void **)out, n);
}
