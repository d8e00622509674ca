/* task — the use cases of departments' tasks for the screens and commands:
 * each action is one transaction with its audit lines (by
 * db_actor(db)). Editing the departments themselves is here too, since a
 * department matters to the program through the tasks and criteria it
 * answers for. Lists and look-ups are read-only and come straight from
 * db/task_repo.h and db/department_repo.h. */
#ifndef TREEM_APP_TASK_H
#define TREEM_APP_TASK_H
#include "treem/db/db.h"
#include "treem/model/department.h"
#include "treem/model/task.h"

/* Adds a task (t->id set). ST_INVALID / ST_NOTFOUND naming the field. */
enum status task_create(struct db *db, struct task *t);
/* Saves every field of task t->id. */
enum status task_save(struct db *db, const struct task *t);
/* Deletes a task and its notes. */
enum status task_remove(struct db *db, long long id);
/* Marks task id done on `on`; evidence replaces the stored reference when
 * not NULL. Marking a done task again changes its date (and evidence). */
enum status task_mark_done(struct db *db, long long id, struct date on, const char *evidence);
/* Marks a done task as not done again. */
enum status task_reopen(struct db *db, long long id);
/* Adds a progress note dated `on` to task id (*note_id set when not NULL). */
enum status task_add_note(struct db *db, long long task_id, struct date on, const char *text,
                          long long *note_id);

/* Departments: add (d->id set) and save (name, contact, phone, criteria,
 * active). */
enum status task_department_add(struct db *db, struct department *d);
enum status task_department_save(struct db *db, const struct department *d);
/* Deletes department id, in the audit log with its name: only one nothing
 * uses (no task, case-plan service or criterion names it); else
 * ST_CONFLICT saying what uses it and to mark it no longer active instead. */
enum status task_department_delete(struct db *db, long long id);
/* ST_OK when nothing uses department d (it may be deleted); else
 * ST_CONFLICT saying what uses it and to mark it no longer active. */
enum status task_department_deletable(struct db *db, const struct department *d);

#endif
