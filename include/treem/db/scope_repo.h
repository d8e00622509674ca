/* scope_repo — the counts of the home screen for a village collaborator:
 * only the children of the villages their account names (app_user_village).
 * Read-only. */
#ifndef TREEM_DB_SCOPE_REPO_H
#define TREEM_DB_SCOPE_REPO_H
#include "treem/db/db.h"
#include "treem/core/date.h"

/* Of the children of user_id's villages born (birth_eff) in (a, b]: *den
 * counted, *num in a special-circumstance period on b (both 0 on an
 * error). ST_OK, or the database error "cannot count the register". */
enum status scope_repo_special(struct db *db, long long user_id, struct date a, struct date b,
                               long long *num, long long *den);
/* How many villages user_id's account names. */
enum status scope_repo_villages(struct db *db, long long user_id, long long *n);

#endif
