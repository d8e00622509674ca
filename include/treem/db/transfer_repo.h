/* transfer_repo — the few reads and writes the CSV import and export need
 * beyond the record repositories: keeping a record's code and change time
 * as the sending database had them, exact village look-up, and the periods
 * of special circumstances read in bulk or by their natural key. Writes run
 * inside the caller's transaction and append the audit log where they
 * change what a user sees. */
#ifndef TREEM_DB_TRANSFER_REPO_H
#define TREEM_DB_TRANSFER_REPO_H
#include <stdbool.h>
#include "treem/db/db.h"
#include "treem/db/child_facts.h"

/* After an import updated child id: sets its updated_at to `updated`
 * ("yyyy-mm-dd hh:mm") when not NULL or "" (the file's stamp, so the next
 * hand-off compares like with like). New children get theirs, and the
 * file's code, from db/child_bulk.h. */
enum status transfer_repo_restamp(struct db *db, long long id, const char *updated);

/* The village whose folded name is exactly fold: *id, or 0 when none. */
enum status transfer_repo_village(struct db *db, const char *fold, long long *id);

/* A sub-group code as stored ("a.1", "đ.0") when code names one; for a bare
 * letter the letter's only sub-group. ST_NOTFOUND otherwise. out holds
 * CHILD_GROUP_CODE_BUF bytes. */
enum status transfer_repo_subgroup(struct db *db, const char *code, char *out);

/* One period with its child's uid, for the export. */
struct transfer_period_row {
    const char *child_uid, *code, *from, *to, *note;   /* ISO dates, to may be "" */
    long long child_id;
};
typedef enum status (*transfer_period_fn)(const struct transfer_period_row *r, void *ctx);
/* Every period (of children in the register), by child id then start, that
 * overlaps from..to (ISO, NULL: open). */
enum status transfer_repo_periods_each(struct db *db, const char *from, const char *to,
                                       transfer_period_fn fn, void *ctx);

/* The period of child_id in sub-group code starting on from: *out filled
 * (id, to, note), ST_NOTFOUND when none. */
enum status transfer_repo_period_find(struct db *db, long long child_id, const char *code,
                                      struct date from, struct child_period *out);
/* Replaces the note of period id, with an audit line under uid. */
enum status transfer_repo_period_note(struct db *db, long long id, const char *note,
                                      const char *uid);

/* Hashes of identifiers met in an import file beyond what the import keeps
 * in memory, in a temporary table (on disk, behind SQLite's own small
 * cache), so memory stays flat however long the file. *added: it was new. */
enum status transfer_repo_seen_add(struct db *db, long long hash, bool *added);
enum status transfer_repo_seen_has(struct db *db, long long hash, bool *found);
/* Drops the table (nothing when there is none). */
void transfer_repo_seen_drop(struct db *db);

#endif
