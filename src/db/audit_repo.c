/* audit_repo — appending to audit_log. */
#include <config.h>
#include "treem/db/audit_repo.h"
#include "treem/core/date.h"
#include "treem/core/i18n.h"
#include "treem/db/row.h"

#include <stdio.h>
#include <stdlib.h>

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

enum status audit_record(struct db *db, enum audit_action action,
                         const char *entity, const char *entity_id, const char *field,
                         const char *old_value, const char *new_value)
{
    char at[DATETIME_BUF];
    audit_stamp(at);
    return row_exec_cached(db,
        "INSERT INTO audit_log(at, who, action, entity, entity_id, field, old_value, new_value) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", _("cannot write the audit log"),
        ROW_TEXT(at), ROW_TEXT(db_actor(db)), ROW_TEXT(action_names[action]), ROW_TEXT(entity),
        ROW_TEXT(entity_id), ROW_TEXT(field), ROW_TEXT(old_value), ROW_TEXT(new_value));
}

enum status audit_record_id(struct db *db, enum audit_action action,
                            const char *entity, long long id, const char *field,
                            const char *old_value, const char *new_value)
{
    char key[24];
    snprintf(key, sizeof key, "%lld", id);
    return audit_record(db, action, entity, key, field, old_value, new_value);
}

enum status audit_fields_id(struct db *db, const char *entity, long long id,
                            const char *const (*f)[3], size_t n)
{
    char key[24];
    snprintf(key, sizeof key, "%lld", id);
    return audit_fields(db, entity, key, f, n);
}

enum status audit_field(struct db *db, const char *entity,
                        const char *entity_id, const char *field,
                        const char *old_value, const char *new_value)
{
    const char *a = old_value ? old_value : "", *b = new_value ? new_value : "";
    if (strcmp(a, b) == 0)
        return ST_OK;
    return audit_record(db, AUDIT_CHANGE, entity, entity_id, field, old_value, new_value);
}

enum status audit_fields(struct db *db, const char *entity,
                         const char *entity_id, const char *const (*f)[3], size_t n)
{
    enum status rc = ST_OK;
    for (size_t i = 0; rc == ST_OK && i < n; i++)
        rc = audit_field(db, entity, entity_id, f[i][0], f[i][1], f[i][2]);
    return rc;
}

void audit_rows_free(struct audit_row *rows, size_t n)
{
    for (size_t i = 0; rows && i < n; i++) {
        char **t[] = {&rows[i].who, &rows[i].action, &rows[i].entity, &rows[i].entity_id,
                      &rows[i].field, &rows[i].old_value, &rows[i].new_value};
        for (size_t k = 0; k < sizeof t / sizeof *t; k++)
            free(*t[k]);
    }
    free(rows);
}

static bool read_row(sqlite3_stmt *st, void *elem)
{
    struct audit_row *r = elem;
    bool ok = true;
    r->id = sqlite3_column_int64(st, 0);
    const char *at = (const char *)sqlite3_column_text(st, 1);
    snprintf(r->at, sizeof r->at, "%s", at ? at : "");
    char **t[] = {&r->who, &r->action, &r->entity, &r->entity_id, &r->field, &r->old_value,
                  &r->new_value};
    for (int k = 0; k < 7; k++)
        *t[k] = row_text(st, k + 2, true, &ok);
    return ok;
}

static void clear_row(void *elem)
{
    struct audit_row *r = elem;
    char **t[] = {&r->who, &r->action, &r->entity, &r->entity_id, &r->field, &r->old_value,
                  &r->new_value};
    for (int k = 0; k < 7; k++)
        free(*t[k]);
}

#define AUDIT_COLS "SELECT id, at, who, action, entity, entity_id, field, old_value, new_value " \
                   "FROM audit_log "

enum status audit_repo_history(struct db *db, const char *entity, const char *entity_id,
                               struct audit_row **out, size_t *n)
{
    return row_query_list(db, AUDIT_COLS "WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
                          sizeof **out, read_row, clear_row, (void **)out, n, ROW_TEXT(entity),
                          ROW_TEXT(entity_id));
}

enum status audit_repo_case_history(struct db *db, long long case_id, struct audit_row **out,
                                    size_t *n)
{
    char like[48];
    snprintf(like, sizeof like, "case %lld: %%", case_id);
    /* A step's create and delete lines hold "case N: …"; its ratings' and
     * plan items' delete lines hold "step S: …". */
    return row_query_list(db,
        "WITH steps(id) AS (SELECT CAST(id AS TEXT) FROM case_step WHERE case_id = ?1 "
        "UNION SELECT entity_id FROM audit_log WHERE entity = 'case_step' AND "
        "(coalesce(new_value, '') LIKE ?2 OR coalesce(old_value, '') LIKE ?2)) "
        AUDIT_COLS "WHERE (entity = 'case' AND entity_id = CAST(?1 AS TEXT)) "
        "OR (entity = 'case_step' AND entity_id IN steps) "
        "OR (entity IN ('case_risk', 'case_service') AND action = 'delete' AND "
        "substr(old_value, 6, instr(old_value, ':') - 6) IN steps) ORDER BY id",
        sizeof **out, read_row, clear_row, (void **)out, n, ROW_INT(case_id), ROW_TEXT(like));
}
