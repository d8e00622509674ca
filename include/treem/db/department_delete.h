/* department_delete — deleting a department the officer added by mistake:
 * what still uses it (tasks, case services, criteria indicators and values
 * naming its code) and the delete itself, with a "delete" audit line
 * holding its name. Runs inside the caller's transaction. */
#ifndef TREEM_DB_DEPARTMENT_DELETE_H
#define TREEM_DB_DEPARTMENT_DELETE_H
#include "treem/db/db.h"

struct department_uses {
    long long tasks;      /* task.department_id */
    long long services;   /* case_service.department_id (case plans) */
    long long criteria;   /* indicators and assessment values naming its code */
};

/* What refers to department id. ST_OK or the database error. */
enum status department_repo_uses(struct db *db, long long id, struct department_uses *out);
/* Deletes department id (the caller has checked department_repo_uses is
 * all zero) with an audit line "delete" holding its name. ST_NOTFOUND when
 * there is none. */
enum status department_repo_delete(struct db *db, long long id);

#endif
