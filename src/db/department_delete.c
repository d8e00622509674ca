/* department_delete — what uses a department, and deleting one. */
#include <config.h>
#include "treem/db/department_delete.h"
#include "treem/db/audit_repo.h"
#include "treem/db/row.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>

/* The three counts of department_repo_uses. */
static bool read_uses(sqlite3_stmt *st, void *elem)
{
    struct department_uses *u = elem;
    u->tasks = sqlite3_column_int64(st, 0);
    u->services = sqlite3_column_int64(st, 1);
    u->criteria = sqlite3_column_int64(st, 2);
    return true;
}

enum status department_repo_uses(struct db *db, long long id, struct department_uses *out)
{
    *out = (struct department_uses){0};
    return row_query_one(db,
        "SELECT (SELECT count(*) FROM task WHERE department_id = ?1), "
        "(SELECT count(*) FROM case_service WHERE department_id = ?1), "
        "(SELECT count(*) FROM indicator i JOIN department d ON d.id = ?1 WHERE i.department = d.code) + "
        "(SELECT count(*) FROM assessment_value v JOIN department d ON d.id = ?1 WHERE v.department = d.code)",
        out, read_uses, NULL, _("cannot read what uses the department"), ROW_INT(id));
}

enum status department_repo_delete(struct db *db, long long id)
{
    char *name = NULL;
    enum status rc = row_text_id(db, "SELECT name FROM department WHERE id = ?1", id, &name,
                                 _("cannot read the department"));
    if (rc == ST_NOTFOUND)
        return status_set(ST_NOTFOUND, _("department %lld: no such department"), id);
    if (rc == ST_OK)
        rc = row_exec_id(db, "DELETE FROM department WHERE id = ?1", id,
                         _("cannot delete the department"));
    if (rc == ST_OK)
        rc = audit_record_id(db, AUDIT_DELETE, "department", id, NULL, name, NULL);
    free(name);
    return rc;
}
