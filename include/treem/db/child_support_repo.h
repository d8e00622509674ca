/* child_support_repo — the tables child_risk_period and child_help
 * (schema 008): a child's periods at risk of falling into special
 * circumstances and the help the child received. Each write appends an
 * audit line under the child's uid (field "risk" or "help"); callers hold
 * the transaction and check the record first (model/child_support.h). */
#ifndef TREEM_DB_CHILD_SUPPORT_REPO_H
#define TREEM_DB_CHILD_SUPPORT_REPO_H
#include <stddef.h>
#include "treem/db/db.h"
#include "treem/model/child_support.h"

/* Adds r (r->id set) / sets the end of period id of child_id (to.y == 0
 * reopens it) / deletes it. ST_NOTFOUND when the child has no such period. */
enum status child_risk_repo_add(struct db *db, struct child_risk *r, const char *uid);
enum status child_risk_repo_end(struct db *db, long long child_id, long long id, struct date to,
                                const char *uid);
enum status child_risk_repo_delete(struct db *db, long long child_id, long long id,
                                   const char *uid);
/* A child's periods at risk, oldest first; *out malloc'd (child_risks_free). */
enum status child_risk_repo_list(struct db *db, long long child_id, struct child_risk **out, size_t *n);

/* Adds h (h->id set) / deletes help id of child_id (ST_NOTFOUND when none). */
enum status child_help_repo_add(struct db *db, struct child_help *h, const char *uid);
enum status child_help_repo_delete(struct db *db, long long child_id, long long id,
                                   const char *uid);
/* A child's help, oldest first; *out malloc'd (child_helps_free). */
enum status child_help_repo_list(struct db *db, long long child_id, struct child_help **out, size_t *n);

/* A child with the day to start counting from (for the demo's records). */
struct child_support_row { long long id; char uid[32]; struct date from, birth; };

/* Children in a special-circumstance sub-group at some time from `from` to
 * `to`, with the later of `from` and their first day in a group, and their
 * birth date; id order; *out malloc'd. */
enum status child_support_repo_in_groups(struct db *db, struct date from, struct date to,
                                         struct child_support_row **out, size_t *n);
/* Children under 16 on `day` in no sub-group ever, with from = `from`. */
enum status child_support_repo_outside_groups(struct db *db, struct date from, struct date day,
                                              struct child_support_row **out, size_t *n);

#endif
