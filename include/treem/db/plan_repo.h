/* plan_repo — plans in the database (schema 003), their summary counts and
 * the calendar of a year (events, report deadlines, task due dates). Their
 * targets are in target_repo, events in event_repo, tasks in task_repo.
 * Writes validate with the model first, store text in NFC, append audit
 * lines (entity "plan") and must run inside the caller's transaction
 * (db_begin … db_commit), so a user action is saved whole or not at all. */
#ifndef TREEM_DB_PLAN_REPO_H
#define TREEM_DB_PLAN_REPO_H
#include "treem/db/db.h"
#include "treem/model/plan.h"

/* Inserts p (p->id is ignored and set to the new id). ST_INVALID from
 * plan_validate; ST_EXISTS when the number is already used in that year. */
enum status plan_repo_insert(struct db *db, struct plan *p);
/* Rewrites plan p->id with p's fields (not copied_from), one audit line per
 * changed field. ST_NOTFOUND when there is no such plan. */
enum status plan_repo_update(struct db *db, const struct plan *p);
/* Deletes a plan with its targets, tasks, notes and events. */
enum status plan_repo_delete(struct db *db, long long id);
/* Reads one plan into *out (caller clears with plan_clear). */
enum status plan_repo_get(struct db *db, long long id, struct plan *out);
/* Plans of `year` (0 = every year), newest year first, then by date;
 * caller frees with plan_list_free. */
enum status plan_repo_list(struct db *db, int year, struct plan **out, size_t *n);
/* ST_OK when plan plan_id exists, else ST_NOTFOUND ("there is no plan N"):
 * the check of the repositories that add to a plan. */
enum status plan_repo_exists(struct db *db, long long plan_id);
/* The id of a plan of `year` copied from plan `from`; ST_NOTFOUND if none. */
enum status plan_repo_find_copy(struct db *db, long long from, int year, long long *out);

/* Counts for a plan's summary line; `today` decides what is overdue. */
struct plan_counts { long targets, tasks, tasks_done, tasks_overdue, events; };
enum status plan_repo_counts(struct db *db, long long plan_id, struct date today,
                             struct plan_counts *out);

/* The calendar of `year`: events (a period counts when it overlaps the
 * year), the plans' report deadlines and the due dates of tasks, sorted by
 * date. plan_id 0 = every plan. Caller frees with plan_cal_list_free. */
enum status plan_repo_calendar(struct db *db, int year, long long plan_id,
                               struct plan_cal_item **out, size_t *n);

/* The first report deadline on or after `today` of any plan, with the plan
 * it belongs to and its kind (PLAN_CAL_REPORT_HALF or _YEAR); ST_NOTFOUND
 * when none is ahead. For the home screen. */
enum status plan_repo_next_report(struct db *db, struct date today, struct date *when,
                                  long long *plan_id, enum plan_cal_kind *kind);

#endif
