/* rubric_repo — rule sets in the database: loading one with its criteria,
 * indicators, bands and thresholds; choosing the active one. Saving a whole
 * rule set is in rubric_save.h. Writers expect the caller's transaction
 * (db_begin … db_commit) and write the audit log. */
#ifndef TREEM_DB_RUBRIC_REPO_H
#define TREEM_DB_RUBRIC_REPO_H
#include <stddef.h>
#include "treem/db/db.h"
#include "treem/model/rubric.h"

/* The id of the active rule set; ST_NOTFOUND with a message when none is. */
enum status rubric_repo_active(struct db *db, long long *id);

/* The id of the rule set called name; ST_NOTFOUND with a message. */
enum status rubric_repo_find(struct db *db, const char *name, long long *id);

/* Loads rule set id into *out (initialised by this function; free with
 * rubric_free). Ids of criteria, indicators and thresholds are filled in.
 * ST_NOTFOUND when there is no such rule set. */
enum status rubric_repo_load(struct db *db, long long id, struct rubric *out);

/* Makes rule set id the active one (the others inactive), with its audit
 * line. */
enum status rubric_repo_activate(struct db *db, long long id);
/* The same without the audit line (seeding shipped data). */
enum status rubric_repo_activate_shipped(struct db *db, long long id);

/* Names of all rule sets, active first (caller frees with rubric_repo_names_free). */
enum status rubric_repo_names(struct db *db, char ***names, size_t *n);
void rubric_repo_names_free(char **names, size_t n);

#endif
