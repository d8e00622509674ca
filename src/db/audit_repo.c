/* audit_repo — appending to audit_log. */
#include <config.h>
#include "treem/db/audit_repo.h"
#include "treem/core/date.h"
#include "treem/core/i18n.h"

#include <string.h>

static const char *const action_names[] = {"create", "change", "delete"};

void audit_stamp(char at[DATETIME_BUF])
{
    struct datetime now = date_now();
    char iso[DATE_BUF];
    datetime_format(now, at);
    date_iso(now.date, iso);
    memcpy(at, iso, 10); /* ISO date, then " hh:mm" */
}

enum status audit_record(struct db *db, const char *who, enum audit_action action,
                         const char *entity, const char *entity_id, const char *field,
                         const char *old_value, const char *new_value)
{
    char at[DATETIME_BUF];
    audit_stamp(at);
    sqlite3_stmt *st;
    enum status rc = db_prepare_cached(db,
        "INSERT INTO audit_log(at, who, action, entity, entity_id, field, old_value, new_value) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &st);
    if (rc != ST_OK)
        return rc;
    db_bind_text(st, 1, at);
    db_bind_text(st, 2, who);
    db_bind_text(st, 3, action_names[action]);
    db_bind_text(st, 4, entity);
    db_bind_text(st, 5, entity_id);
    db_bind_text(st, 6, field);
    db_bind_text(st, 7, old_value);
    db_bind_text(st, 8, new_value);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = db_fail(db, _("cannot write the audit log"));
    sqlite3_reset(st);
    return rc;
}

enum status audit_field(struct db *db, const char *who, const char *entity,
                        const char *entity_id, const char *field,
                        const char *old_value, const char *new_value)
{
    const char *a = old_value ? old_value : "", *b = new_value ? new_value : "";
    if (strcmp(a, b) == 0)
        return ST_OK;
    return audit_record(db, who, AUDIT_CHANGE, entity, entity_id, field, old_value, new_value);
}
