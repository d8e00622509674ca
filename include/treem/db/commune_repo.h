/* commune_repo — what a change of the database's commune touches: the
 * records whose codes carry the commune code (children and cases: uid
 * "<commune>-…"; the self-assessments: commune_code), counted and
 * re-stamped. Callers hold the transaction (and take the backup). */
#ifndef TREEM_DB_COMMUNE_REPO_H
#define TREEM_DB_COMMUNE_REPO_H
#include "treem/db/db.h"

struct commune_records {
    long long children, cases, plans, assessments;
};

/* How many records the register holds. */
enum status commune_repo_count(struct db *db, struct commune_records *out);

/* Re-stamps every uid starting "<from>-" with "<to>-" and every
 * self-assessment of from as to; one audit line per table ("uid prefix",
 * old and new commune) with how many rows changed. *out (optional) gets
 * the counts re-stamped. */
enum status commune_repo_restamp(struct db *db, const char *from,
                                 const char *to, struct commune_records *out);

#endif
