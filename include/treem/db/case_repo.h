/* case_repo — the case_file table: insert (with a new code VV-nnnn, never
 * reused), update with one audit line per changed field, delete, read by id
 * or code, the stored stage, and the rows of the cases list. The reporter's
 * identity is written and read here but never put in list rows, and audit
 * lines show "(confidential)" instead of it. Callers hold the transaction. */
#ifndef TREEM_DB_CASE_REPO_H
#define TREEM_DB_CASE_REPO_H
#include "treem/db/db.h"
#include "treem/model/case.h"
#include "treem/model/child.h"

/* What the cases list reads: no reporter, the child's code and name (the
 * app decides by role whether the name is shown). */
struct case_row {
    long long id;
    char code[CASE_CODE_BUF];
    struct datetime received;
    long long child_id;                 /* 0 = unidentified */
    char child_code[CHILD_CODE_BUF];    /* "" when unidentified */
    char child_name[CHILD_NAME_BUF];    /* register name, or the unidentified note */
    int kind, injury, level, stage;
};

/* Filters of the list; -1 / NULL / false do not filter. */
struct case_filter {
    int stage;              /* enum case_stage */
    int kind;               /* enum case_kind */
    bool open_only;         /* every stage but closed */
    const char *search;     /* folded words that must all appear in the code, place, kind or
                             * the child's code (never names: see case_may_see_child_name) */
    long long child_id;     /* cases of one child, 0 = any */
    const char *created_by; /* NULL = anyone's; else only cases this login recorded */
};
void case_filter_init(struct case_filter *f);

/* Inserts c (uid set by the caller): sets id, code, rev, timestamps; a
 * "create" audit line holding the code. ST_EXISTS for a taken uid. */
enum status case_repo_insert(struct db *db, struct case_file *c);
/* Writes c over the saved record old (same id): ST_CONFLICT when c->rev is
 * stale. One audit line per changed field. Bumps c->rev. */
enum status case_repo_update(struct db *db, const struct case_file *old,
                             struct case_file *c);
/* Deletes the case with its steps, risks and services; a "delete" audit
 * line holding its code, kind and date received. */
enum status case_repo_delete(struct db *db, long long id);
/* Reads a case (case_file_free it). ST_NOTFOUND naming what was looked for.
 * code as shown ("VV-0007"), any case, or only its number ("7"). */
enum status case_repo_get(struct db *db, long long id, struct case_file *out);
enum status case_repo_get_by_code(struct db *db, const char *code, struct case_file *out);
/* Stores the derived stage (an audit line when it changes). */
enum status case_repo_set_stage(struct db *db, long long id, int stage);
/* Matching cases, newest report first, into *out (malloc'd, caller frees). */
enum status case_repo_list(struct db *db, const struct case_filter *f, struct case_row **out,
                           size_t *n);

/* How many cases there are in *n (only the open ones, stage not closed,
 * when open_only); the database error otherwise. */
enum status case_repo_count(struct db *db, bool open_only, long long *n);
/* The id of the case with this uid in *id; ST_NOTFOUND (no message) when
 * there is none, the database error otherwise. */
enum status case_repo_id_by_uid(struct db *db, const char *uid, long long *id);

#endif
