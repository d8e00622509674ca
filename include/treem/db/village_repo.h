/* village_repo — corrections of the village table (thôn / tổ dân phố):
 * the villages with how many children each holds, find one by name,
 * rename, move every child of one village to another (their codes stay),
 * delete. Every change appends audit lines holding the old values
 * (entity "village"; a moved child gets a "child" line for its village).
 * Callers validate names (NFC, trimmed, not empty) and hold the
 * transaction. */
#ifndef TREEM_DB_VILLAGE_REPO_H
#define TREEM_DB_VILLAGE_REPO_H
#include <stddef.h>
#include "treem/db/db.h"

struct village_row {
    long long id;
    char *name;
    long long children;     /* children of the register in it */
};
void village_rows_free(struct village_row *rows, size_t n);

/* Every village in the list order, with its count of children. */
enum status village_repo_list(struct db *db, struct village_row **out, size_t *n);

/* The village called `name` (exact NFC name first, else the one whose
 * folded name equals fold): *id, or ST_NOTFOUND naming it; ST_INVALID
 * when the folded name fits several (their names in the message). */
enum status village_repo_find(struct db *db, const char *name, const char *fold, long long *id);

/* The id of another village (not `except`) with this folded name, else 0. */
enum status village_repo_same_fold(struct db *db, const char *fold, long long except,
                                   long long *id);

/* Renames village id to name (fold its folded form) and updates the search
 * text of its children; audited. */
enum status village_repo_rename(struct db *db, long long id, const char *name,
                                const char *fold);

/* Moves every child of village from to village into (their rev and
 * updated_at bumped, search text updated, one audit line each), then
 * deletes village from (audited "merged into …"). *moved (optional) =
 * children moved. */
enum status village_repo_merge(struct db *db, long long from, long long into,
                               long long *moved);

/* Deletes village id; ST_CONFLICT naming the count when children use it. */
enum status village_repo_delete(struct db *db, long long id);

/* How many villages there are in *n; the database error otherwise. */
enum status village_repo_count(struct db *db, long long *n);

/* The names of every village in list order (sort, then name): *names a
 * malloc'd array of *n malloc'd strings (the caller frees each and the
 * array). On an error (the database's, ST_NOMEM) *names is NULL and *n 0. */
enum status village_repo_names(struct db *db, char ***names, size_t *n);

/* The ids of every village in list order (sort, then id): *ids malloc'd
 * (caller frees), *n of them; NULL and 0 on an error. */
enum status village_repo_ids(struct db *db, long long **ids, size_t *n);

/* Adds the village name (NFC, trimmed, not empty) with its folded form fold
 * at the end of the list; nothing when a village has that name. ST_OK, or
 * the database error naming "cannot save village". */
enum status village_repo_add(struct db *db, const char *name, const char *fold);

/* The villages whose folded name holds fold (not empty): *found how many
 * (0, 1, or 2 for several), *id the first (the one whose folded name is
 * fold, when there is one: then *exact is true and *found 1). ST_OK or the
 * database error. */
enum status village_repo_match(struct db *db, const char *fold, long long *id, int *found,
                               bool *exact);

#endif
