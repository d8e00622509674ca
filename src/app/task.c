/* task — task and department actions, one transaction each. */
#include <config.h>
#include "treem/app/task.h"
#include "treem/app/tx.h"
#include "treem/db/department_repo.h"
#include "treem/db/department_delete.h"
#include "treem/db/task_repo.h"
#include "treem/model/plan.h"
#include "treem/core/i18n.h"

#include <stdlib.h>
#include <string.h>

/* Begins the transaction of a write of t, once its done date is valid. */
static enum status begin_write(struct db *db, const struct task *t)
{
    enum status st = task_validate_done_on(t, date_today());
    return st == ST_OK ? db_begin(db) : st;
}

enum status task_create(struct db *db, struct task *t)
{
    enum status st = begin_write(db, t);
    return st == ST_OK ? tx_end(db, task_repo_insert(db, t)) : st;
}

enum status task_save(struct db *db, const struct task *t)
{
    enum status st = begin_write(db, t);
    return st == ST_OK ? tx_end(db, task_repo_update(db, t)) : st;
}

enum status task_remove(struct db *db, long long id)
{
    enum status st = db_begin(db);
    if (st != ST_OK)
        return st;
    return tx_end(db, task_repo_delete(db, id));
}

/* Reads task id, sets its done state, saves it: one transaction. */
static enum status set_done(struct db *db, long long id, bool done, struct date on,
                            const char *evidence)
{
    enum status st = db_begin(db);
    if (st != ST_OK)
        return st;
    struct task t;
    st = task_repo_get(db, id, &t);
    if (st != ST_OK)
        return tx_end(db, st);
    t.done = done;
    t.done_on = done ? on : PLAN_NO_DATE;
    if (evidence) {
        free(t.evidence);
        t.evidence = strdup(evidence);
        if (!t.evidence)
            st = status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    if (st == ST_OK)
        st = task_repo_update(db, &t);
    task_clear(&t);
    return tx_end(db, st);
}

enum status task_mark_done(struct db *db, long long id, struct date on, const char *evidence)
{
    if (!plan_date_set(on))
        return status_set(ST_INVALID, _("%s: a date is required"), _("done date"));
    struct task probe = {.done = true, .done_on = on};
    enum status st = task_validate_done_on(&probe, date_today());
    return st == ST_OK ? set_done(db, id, true, on, evidence) : st;
}

enum status task_reopen(struct db *db, long long id)
{
    return set_done(db, id, false, PLAN_NO_DATE, NULL);
}

enum status task_add_note(struct db *db, long long task_id, struct date on, const char *text,
                          long long *note_id)
{
    struct task_note n = {.task_id = task_id, .noted_on = on};
    n.text = strdup(text ? text : "");
    if (!n.text)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    enum status st = db_begin(db);
    if (st == ST_OK)
        st = tx_end(db, task_repo_note_add(db, &n));
    if (st == ST_OK && note_id)
        *note_id = n.id;
    task_note_clear(&n);
    return st;
}

enum status task_department_add(struct db *db, struct department *d)
{
    enum status st = db_begin(db);
    if (st != ST_OK)
        return st;
    return tx_end(db, department_repo_insert(db, d));
}

enum status task_department_save(struct db *db, const struct department *d)
{
    enum status st = db_begin(db);
    if (st != ST_OK)
        return st;
    return tx_end(db, department_repo_update(db, d));
}

enum status task_department_deletable(struct db *db, const struct department *d)
{
    struct department_uses u;
    enum status st = department_repo_uses(db, d->id, &u);
    if (st != ST_OK || (!u.tasks && !u.services && !u.criteria))
        return st;
    return status_set(ST_CONFLICT,
                      _("department %s is in use (%lld tasks, %lld services of case plans, %lld criteria "
                        "indicators or values): mark it no longer active instead (Active: No), so what "
                        "it did keeps its name"),
                      d->name, u.tasks, u.services, u.criteria);
}

enum status task_department_delete(struct db *db, long long id)
{
    struct department d = {0};
    enum status st = department_repo_get(db, id, &d);
    if (st == ST_OK)
        st = db_begin(db);
    if (st != ST_OK) {
        department_clear(&d);
        return st;
    }
    st = task_department_deletable(db, &d);
    if (st == ST_OK)
        st = department_repo_delete(db, id);
    department_clear(&d);
    return tx_end(db, st);
}
