/* catalog_repo — the writes of the shipped reference tables (provinces and
 * units, special-circumstance groups, ethnic groups; holidays and
 * departments seeded once), one row per call inside the caller's
 * transaction, and the ethnic groups' names read back. Each writer takes
 * `what` (the asset file) to name in an error; its statement is prepared
 * once per connection (db_prepare_cached). Text is stored as given: the
 * caller passes folded forms already folded. */
#ifndef TREEM_DB_CATALOG_REPO_H
#define TREEM_DB_CATALOG_REPO_H
#include <stddef.h>
#include "treem/db/db.h"

/* Inserts or renames a province (code, name, its folded name). */
enum status catalog_repo_province(struct db *db, const char *what, const char *code,
                                  const char *name, const char *fold);

/* Inserts or updates a unit (commune or ward) of province_code. */
struct catalog_unit {
    const char *code, *province_code, *type, *name, *full_name, *fold;
};
enum status catalog_repo_unit(struct db *db, const char *what, const struct catalog_unit *u);

/* Inserts or updates the group letter (its ND 56 article, name, sort key). */
enum status catalog_repo_group(struct db *db, const char *what, const char *letter, int article,
                               const char *name, int sort);

/* Inserts or renames the sub-group code ("a.1") of letter, its clause. */
enum status catalog_repo_subgroup(struct db *db, const char *what, const char *code,
                                  const char *letter, int clause, const char *name);

/* Inserts or updates an ethnic group of the 1979 list (QĐ 121-TCTK/PPCĐ). */
enum status catalog_repo_ethnic(struct db *db, const char *what, const char *code,
                                const char *name, const char *reliability);

/* Adds a holiday (ISO date) unless that day is already in the table. */
enum status catalog_repo_holiday(struct db *db, const char *what, const char *date,
                                 const char *name, const char *note);

/* Adds a department unless its code is already in the table. */
enum status catalog_repo_department(struct db *db, const char *what, const char *code,
                                    const char *name, const char *criteria);

/* Every write above: ST_OK, or the database error prefixed by what. */

/* The names of the ethnic groups in list order (code list, then code):
 * *names malloc'd, *n malloc'd strings (the caller frees each and the
 * array); NULL and 0 on an error (the database's or ST_NOMEM). */
enum status catalog_repo_ethnic_names(struct db *db, char ***names, size_t *n);

#endif
