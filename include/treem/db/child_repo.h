/* child_repo — the child table: insert (with a new code), update with one
 * audit line per changed field, delete, and reading a record by id, uid or
 * code. Derived columns (folds for search and sorting, the effective birth
 * date) are computed here from the record, so they can never drift from it.
 * Every write appends the audit log; callers hold the transaction. */
#ifndef TREEM_DB_CHILD_REPO_H
#define TREEM_DB_CHILD_REPO_H
#include "treem/db/db.h"
#include "treem/model/child.h"

/* Inserts c (its uid must be set; c->village_id 0 or an existing village).
 * Sets c->id, c->code ("TE-0001", the next number, never reused even after
 * a delete), c->rev and the
 * timestamps, refreshes c->village from the village table, and appends a
 * "create" audit line. ST_EXISTS when the uid is already taken. */
enum status child_repo_insert(struct db *db, struct child *c);

/* Writes c over the saved record old (same id), when c->rev still equals
 * the saved rev: ST_CONFLICT otherwise (someone saved it meanwhile). Appends
 * one "change" audit line per field whose stored text differs (field key,
 * old and new value). Bumps c->rev and c->updated_at. */
enum status child_repo_update(struct db *db, const struct child *old, struct child *c);

/* Deletes the record (its periods, measurements and checks go with it) and
 * appends a "delete" audit line holding its code, name and birth date. */
enum status child_repo_delete(struct db *db, long long id);
/* What deleting child id takes with it: *facts its group and risk periods,
 * measurements, health checks and help (deleted with it), *cases the cases
 * naming it (kept, no longer linked). */
enum status child_repo_dependents(struct db *db, long long id, long long *facts,
                                  long long *cases);

/* Reads a record into out (child_init'ed here; free with child_free).
 * ST_NOTFOUND with a message naming what was looked for. */
enum status child_repo_get(struct db *db, long long id, struct child *out);
enum status child_repo_get_by_uid(struct db *db, const char *uid, struct child *out);
/* code as shown ("TE-0042"), in any case, or only its number ("42"). */
enum status child_repo_get_by_code(struct db *db, const char *code, struct child *out);

/* Saved records that might be the same child as c (same folded name or same
 * personal ID; c itself excluded by id), at most max, in *out (caller frees
 * each with child_free, then the array). */
enum status child_repo_similar(struct db *db, const struct child *c, size_t max,
                               struct child **out, size_t *n);

/* Calls fn for every record in id order, read through one statement (for
 * exports: no statement prepared per record). The record is valid only
 * during the call. Stops at the first status fn returns that is not ST_OK
 * and returns it; ST_NOMEM; database failures with their message. */
typedef enum status (*child_repo_each_fn)(const struct child *c, void *ctx);
enum status child_repo_each(struct db *db, child_repo_each_fn fn, void *ctx);

/* The number of records in the register. */
enum status child_repo_total(struct db *db, long long *n);

/* The search text stored for c: utf8_fold of its name, code, ID, parents'
 * and carer's names, phones and village, space-separated (caller frees). */
char *child_repo_search_text(const struct child *c);

/* The next free child code number (never one handed out before). */
enum status child_repo_next_code(struct db *db, long long *num);

/* Inserts c with code number num, which the caller has made sure is free,
 * and updated_at `updated` ("yyyy-mm-dd hh:mm"; NULL or "": now). Unlike
 * child_repo_insert it neither reads c->village back (it must name
 * c->village_id, up to folding) nor records num as the last code handed
 * out, and it writes the "create" audit line only when audit is true
 * (a bulk writes them all at its end). For db/child_bulk.c. */
enum status child_repo_insert_numbered(struct db *db, struct child *c, long long num,
                                      const char *updated, bool audit);

#endif
