/* department_delete — what uses a department, and deleting one. */
#include <config.h>
#include "treem/db/department_delete.h"
#include "treem/db/audit_repo.h"
#include "treem/db/row.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>

enum status department_repo_uses(struct db *db, long long id, struct department_uses *out)
{
    sqlite3_stmt *st = NULL;
    *out = (struct department_uses){0};
    enum status rc = db_prepare(db,
        "SELECT (SELECT count(*) FROM task WHERE department_id = ?1), "
        "(SELECT count(*) FROM case_service WHERE department_id = ?1), "
        "(SELECT count(*) FROM indicator i JOIN department d ON d.id = ?1 WHERE i.department = d.code) + "
        "(SELECT count(*) FROM assessment_value v JOIN department d ON d.id = ?1 WHERE v.department = d.code)",
        &st);
    if (rc != ST_OK)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        out->tasks = sqlite3_column_int64(st, 0);
        out->services = sqlite3_column_int64(st, 1);
        out->criteria = sqlite3_column_int64(st, 2);
    } else {
        rc = db_fail(db, _("cannot read what uses the department"));
    }
    sqlite3_finalize(st);
    return rc;
}

/* The name of department id into *name (caller frees); ST_NOTFOUND. */
static enum status name_of(struct db *db, long long id, char **name)
{
    sqlite3_stmt *st = NULL;
    *name = NULL;
    enum status rc = db_prepare(db, "SELECT name FROM department WHERE id = ?1", &st);
    if (rc != ST_OK)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    bool ok = true;
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW)
        *name = row_text(st, 0, true, &ok);
    else if (step == SQLITE_DONE)
        rc = status_set(ST_NOTFOUND, _("department %lld: no such department"), id);
    else
        rc = db_fail(db, _("cannot read the department"));
    if (rc == ST_OK && !ok)
        rc = status_set(ST_NOMEM, "%s", _("out of memory"));
    sqlite3_finalize(st);
    return rc;
}

enum status department_repo_delete(struct db *db, const char *who, long long id)
{
    char *name = NULL, key[24];
    snprintf(key, sizeof key, "%lld", id);
    sqlite3_stmt *st = NULL;
    enum status rc = name_of(db, id, &name);
    if (rc == ST_OK)
        rc = db_prepare(db, "DELETE FROM department WHERE id = ?1", &st);
    if (rc == ST_OK) {
        sqlite3_bind_int64(st, 1, id);
        rc = db_step_done(db, st, _("cannot delete the department"));
        sqlite3_finalize(st);
    }
    if (rc == ST_OK)
        rc = audit_record(db, who, AUDIT_DELETE, "department", key, NULL, name, NULL);
    free(name);
    return rc;
}
