/* event_repo — the events of a plan's calendar (Tháng hành động vì trẻ em,
 * 01/6, Diễn đàn trẻ em, Tết Trung thu …): insert, update, delete, read.
 * Writes validate with plan_event_validate, store text in NFC, append audit
 * lines (entity "plan_event") and run inside the caller's transaction. */
#ifndef TREEM_DB_EVENT_REPO_H
#define TREEM_DB_EVENT_REPO_H
#include "treem/db/db.h"
#include "treem/model/plan.h"

/* Inserts e into plan e->plan_id and sets e->id; ST_NOTFOUND for an
 * unknown plan. */
enum status event_repo_insert(struct db *db, struct plan_event *e);
/* Rewrites event e->id (not its plan). Saving the event confirms its date:
 * to_check is stored as e->to_check, so a screen that lets the officer
 * confirm a moved lunar date passes false. */
enum status event_repo_update(struct db *db, const struct plan_event *e);
enum status event_repo_delete(struct db *db, long long id);
enum status event_repo_get(struct db *db, long long id, struct plan_event *out);
/* A plan's events by date (caller frees with plan_event_list_free). */
enum status event_repo_list(struct db *db, long long plan_id, struct plan_event **out,
                            size_t *n);

#endif
