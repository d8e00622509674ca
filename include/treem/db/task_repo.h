/* task_repo — the tasks of departments under plans and their progress
 * notes: insert, update, delete, read, and the lists the screens show (by
 * department, by plan, by criterion, overdue on a day). Writes validate
 * with task_validate, store text in NFC and criteria normalised ("3,4,5.1"),
 * append audit lines (entities "task", "task_note") and run inside the
 * caller's transaction. */
#ifndef TREEM_DB_TASK_REPO_H
#define TREEM_DB_TASK_REPO_H
#include "treem/db/db.h"
#include "treem/model/task.h"

/* What task_repo_list returns; zero / NULL fields do not filter. */
struct task_filter {
    long long plan_id;
    long long department_id;
    int year;               /* the plan's year */
    const char *criterion;  /* "5" or "5.1": tasks serving it (task_criteria_match) */
    const char *search;     /* text the folded task text must contain */
    bool open_only;         /* not done */
    bool overdue_only;      /* not done and due before `on` */
    struct date on;         /* the day overdue is judged on (with overdue_only) */
};

/* Inserts t (criteria normalised into the record), sets t->id. ST_NOTFOUND
 * naming the field when the plan or the department does not exist;
 * ST_INVALID for an inactive department. */
enum status task_repo_insert(struct db *db, struct task *t);
/* Rewrites task t->id with t's fields, one audit line per changed field. */
enum status task_repo_update(struct db *db, const struct task *t);
/* Deletes a task and its notes. */
enum status task_repo_delete(struct db *db, long long id);
/* Reads one task with its department name and plan label (caller clears
 * with task_clear). */
enum status task_repo_get(struct db *db, long long id, struct task *out);
/* Tasks matching f, by due date then department (caller frees with
 * task_list_free). */
enum status task_repo_list(struct db *db, const struct task_filter *f, struct task **out,
                           size_t *n);
/* Tasks not done and due on or before today + days (overdue ones too). */
enum status task_repo_count_due(struct db *db, struct date today, int days, long *out);

/* Adds a progress note to task n->task_id (n->who is set to db_actor(db)), sets n->id. */
enum status task_repo_note_add(struct db *db, struct task_note *n);
/* A task's notes by date (caller frees with task_note_list_free). */
enum status task_repo_notes(struct db *db, long long task_id, struct task_note **out,
                            size_t *n);

#endif
