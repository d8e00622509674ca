/* catalog — the reference data shipped in assets/ (provinces and communes,
 * groups of children in special circumstances, ethnic groups, holidays,
 * default departments), loaded into a database. */
#ifndef TREEM_APP_CATALOG_H
#define TREEM_APP_CATALOG_H
#include "treem/db/db.h"
#include "treem/core/date.h"

/* Loads or refreshes the shipped catalogues when they differ from what the
 * database holds (a fingerprint is kept in the settings), in one
 * transaction. Editable lists (departments, holidays) are seeded only once,
 * so the officer's changes are never overwritten. *changed (optional) tells
 * whether anything was written. */
enum status catalog_sync(struct db *db, bool *changed);

/* Fills h with the holidays stored in the database. */
enum status catalog_holidays(struct db *db, struct holidays *h);

/* Matches a typed ethnic group to the catalogue (model/ethnicity.h) and
 * replaces *ethnicity by the catalogue's name ("" stays ""). The names are
 * read once from the first database asked (every database holds the same
 * shipped list). ST_INVALID naming the field "ethnicity". */
enum status catalog_ethnicity(struct db *db, char **ethnicity);

#endif
