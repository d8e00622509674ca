/* rubric_save — storing a whole rule set: matched by name, created when new,
 * else brought to exactly the given one (parts it no longer lists are
 * removed). One audit line per changed field; an indicator's scale is
 * audited as one "bands" line (old → new, with each band's source). */
#ifndef TREEM_DB_RUBRIC_SAVE_H
#define TREEM_DB_RUBRIC_SAVE_H
#include <stddef.h>
#include "treem/db/db.h"
#include "treem/model/rubric.h"

/* What a save did. */
struct rubric_save_stats {
    size_t created;        /* rule set, criteria, indicators and thresholds added */
    size_t changed;        /* fields changed (one per audit line) */
    size_t removed;        /* criteria, indicators and thresholds removed */
    size_t values_removed; /* assessment values of removed indicators */
};

/* Stores r (validated first: ST_INVALID naming the part) as the rule set
 * called r->name. Indicators no longer listed are removed together with
 * their assessment values (each removal audited, the old value kept in the
 * log). r->active and the ids in r are ignored (see rubric_repo_activate).
 * Expects the caller's transaction. The audit lines are by db_actor(db).
 * *id (optional) gets the rule set's id; *stats (optional) what changed. */
enum status rubric_save(struct db *db, const struct rubric *r,
                        long long *id, struct rubric_save_stats *stats);
/* rubric_save for shipped data being seeded: nothing is written to the
 * audit log (as for the catalogues). */
enum status rubric_save_shipped(struct db *db, const struct rubric *r,
                                long long *id, struct rubric_save_stats *stats);

#endif
