/* target_repo — the targets (chỉ tiêu) of plans in the database: insert,
 * update (including the value the officer typed and its source), delete,
 * read. Writes validate with plan_target_validate, store text in NFC, append
 * audit lines (entity "plan_target") and run inside the caller's
 * transaction. Whether the measure code is one the program knows, in the
 * target's unit, is checked by the app layer (app/plan.h); an older code
 * (an alias in model/measure.h) is stored as the measure's current code. */
#ifndef TREEM_DB_TARGET_REPO_H
#define TREEM_DB_TARGET_REPO_H
#include "treem/db/db.h"
#include "treem/model/plan.h"

/* Inserts t into plan t->plan_id, sets t->id, and t->sort to after the
 * plan's last target when it is 0. ST_NOTFOUND when the plan does not exist. */
enum status target_repo_insert(struct db *db, struct plan_target *t);
/* Rewrites target t->id (not its plan) — has_typed false clears a typed
 * value — with one audit line per changed field. */
enum status target_repo_update(struct db *db, const struct plan_target *t);
enum status target_repo_delete(struct db *db, long long id);
/* Reads one target (caller clears with plan_target_clear). */
enum status target_repo_get(struct db *db, long long id, struct plan_target *out);
/* A plan's targets in order (caller frees with plan_target_list_free). */
enum status target_repo_list(struct db *db, long long plan_id, struct plan_target **out,
                             size_t *n);

#endif
