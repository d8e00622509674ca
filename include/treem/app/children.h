/* children — the use cases of the register of children, for the list screen,
 * the form and `treem child`: save a record (tidy → validate → duplicate
 * check → one transaction with its audit lines), delete it, read it, page
 * through the list, and record groups, measurements and health checks. The
 * acting user for the audit log is db_actor(db). */
#ifndef TREEM_APP_CHILDREN_H
#define TREEM_APP_CHILDREN_H
#include <stdbool.h>
#include "treem/db/db.h"
#include "treem/db/child_facts.h"
#include "treem/db/child_search.h"
#include "treem/model/child_rules.h"

/* A saved record that looks like the one being saved. */
struct child_match {
    struct child child;     /* the saved record (open it with child.id) */
    struct child_dup dup;   /* score and reasons (child_dup_reasons_text) */
};

struct child_matches {
    struct child_match *items;  /* most likely first */
    size_t n;
};

void child_matches_free(struct child_matches *m);

struct children_save_opts {
    bool force;                          /* save even when likely duplicates exist */
    const struct child_period *periods;  /* sub-group periods saved with the record */
    size_t nperiods;                     /* (their child_id is filled in) */
};

/* Saves c: a new record when c->id is 0, else an edit of the saved record
 * c->id made from the copy read at revision c->rev.
 *  1. every text is made NFC and trimmed; the village name is resolved to a
 *     village of the commune (exact folded name, or the only one containing it);
 *  2. child_normalize() and child_validate() as of date_today();
 *  3. unless opts->force, saved records that are likely the same child
 *     (child_dup_score) are looked for — for an edit only when the name,
 *     birth, village, parents or ID changed;
 *  4. one transaction: insert (new uid "<commune>-<10 base32>" unless c->uid
 *     is already set, next code TE-nnnn) or update, the periods, and the
 *     audit lines by db_actor(db).
 * Returns ST_OK (c->id, uid, code, rev filled); ST_INVALID with a message
 * naming the field and *bad (optional) set to it, nothing saved; ST_EXISTS
 * with the likely matches in *dups (optional; free with child_matches_free),
 * nothing saved; ST_CONFLICT when the record changed since it was read. opts
 * may be NULL. */
enum status children_save(struct db *db, struct child *c, const struct children_save_opts *opts,
                          struct child_matches *dups, enum child_field *bad);

/* Deletes a record (mistakes, true duplicates) with its groups, measurements
 * and checks, with an audit line. Children who turn 16 are never deleted:
 * they are listed apart (CHILD_SCOPE_OVER16). */
enum status children_delete(struct db *db, long long id);
/* What deleting child id takes with it (see child_repo_dependents): the
 * front ends say it before asking. */
enum status children_dependents(struct db *db, long long id, long long *facts, long long *cases);

/* Reads a record by id, or by code ("TE-0042", "te-42", "42") or uid. */
enum status children_get(struct db *db, long long id, struct child *out);
enum status children_find(struct db *db, const char *code_or_uid, struct child *out);

/* The list screen: one page of rows (see child_search_page), cheap enough
 * for every keystroke; the number of matches capped at cap (show "cap+"),
 * also per keystroke; and the exact number (may read the whole register). */
enum status children_page(struct db *db, const struct child_query *q, size_t offset, size_t limit,
                          struct child_row *rows, size_t *n);
/* Every match in list order, one pass (see child_search_each): for
 * listing all of them (treem child list). */
enum status children_each(struct db *db, const struct child_query *q, size_t offset,
                          long long limit, child_row_fn fn, void *ctx);
enum status children_count_upto(struct db *db, const struct child_query *q, long long cap,
                                long long *n);
enum status children_count(struct db *db, const struct child_query *q, long long *n);

/* The village whose folded name equals the folded text, else the only one
 * whose folded name contains it. ST_INVALID naming the field and listing the
 * villages otherwise. */
enum status children_find_village(struct db *db, const char *text, long long *id);

/* A sub-group code or group letter as typed ("A.1", "Đ", "đ.2") made NFC
 * lower case into out. */
void children_group_code(const char *text, char *out, size_t n);

/* Groups, measurements and checks of a saved child, each its own
 * transaction with an audit line. ST_INVALID naming the field for a bad
 * code or date (in the future, before birth, end before start), a weight
 * outside 0.5–150 kg, a height outside 30–200 cm. */
enum status children_add_period(struct db *db, struct child_period *p);
enum status children_end_period(struct db *db, long long child_id, long long period_id, struct date to);
enum status children_delete_period(struct db *db, long long child_id, long long period_id);
enum status children_add_measure(struct db *db, struct child_measure *m);
enum status children_delete_measure(struct db *db, long long child_id, long long measure_id);
enum status children_add_check(struct db *db, long long child_id, struct date day);
enum status children_delete_check(struct db *db, long long child_id, struct date day);

/* A child's periods, measurements and health checks, oldest first (see
 * child_facts.h; *out malloc'd, caller frees). */
enum status children_periods(struct db *db, long long child_id, struct child_period **out, size_t *n);
enum status children_measures(struct db *db, long long child_id, struct child_measure **out, size_t *n);
enum status children_checks(struct db *db, long long child_id, struct date **out, size_t *n);

/* The 48 sub-groups, for a picker (see child_facts_subgroups). */
enum status children_subgroups(struct db *db, struct child_subgroup **out, size_t *n);
/* The ethnic groups' names of the catalogue, for a picker (free with
 * string_list_free). */
enum status children_ethnic_names(struct db *db, char ***out, size_t *n);

/* A new uid "<commune>-<10 characters of Crockford base32>" from the
 * system's random source, into out (CHILD_UID_BUF bytes). */
enum status children_new_uid(const char *commune_code, char out[CHILD_UID_BUF]);

/* uids for many children at once (an import): 8 random characters (40
 * bits) shared by a run of 1024, then a 2-character count. A run's uids sort
 * together, so the uid index takes them near one another instead of at a
 * random page each (which, past the page cache, reads the disk for every
 * row); and two uids can only meet if two runs drew the same 40 bits, which
 * is rarer than two fully random 50-bit uids meeting. Zero-initialise. */
struct children_uids {
    char prefix[9];
    unsigned used;              /* uids made with this prefix */
};
void children_uid_next(struct children_uids *g, const char *commune_code, char out[CHILD_UID_BUF]);

/* Children a large import wrote that the search index has not caught up
 * with yet (db/child_bulk.h); searches are slower, never wrong, until then. */
enum status children_index_waiting(struct db *db, long long *n);

/* True when some child waits (cheap: for the interface's key loop). */
bool children_index_any_waiting(struct db *db);

/* Indexes up to `step` of them in one transaction; *left: still waiting.
 * Unless `wait`, ST_BUSY at once when another program is writing. */
enum status children_index_step(struct db *db, long long step, bool wait, long long *left);

#endif
