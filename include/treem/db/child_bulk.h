/* child_bulk — many new children in one transaction (an import), and the
 * trigram index that catches up with them afterwards.
 *
 * Indexing a child for the trigram search (child_fts) costs more than the
 * rest of its import, so a bulk leaves its new rows in child_fts_pending
 * (schema/006): searches then walk the list index until the rows are
 * indexed (child_search), which is slower but never wrong. The bulk indexes
 * them itself at its end when they are few; otherwise child_fts_catch_up
 * does it in steps (`treem reindex`, or the interface while it is idle).
 * While rows wait, FTS5's `integrity-check` with rank 1 (which compares
 * the index with the child table) reports them as a damaged index; it is
 * sound again once they are indexed. The plain `integrity-check` passes.
 * Older rows updated during a bulk keep the index current row by row; the
 * bulk's own rows must not be updated or deleted, nor other children be
 * added with child_repo_insert, before child_bulk_end (they are queued for
 * the index, audited and numbered there). After a rollback, call
 * child_bulk_free instead of child_bulk_end. */
#ifndef TREEM_DB_CHILD_BULK_H
#define TREEM_DB_CHILD_BULK_H
#include "treem/db/db.h"
#include "treem/model/child.h"
#include "treem/core/strbuf.h"

/* At most this many new rows are indexed at the end of a bulk. */
#define CHILD_BULK_INDEX_NOW 20000

struct child_bulk {
    bool active;                /* begun inside a transaction */
    bool indexes_deferred;      /* list indexes dropped, built again at the end */
    struct strbuf restore;      /* CREATE statements of what was dropped */
    long long drop_at;          /* defer the indexes at this many new rows */
    long long first_id;         /* the largest child id before the bulk */
    long long cache_size;       /* the page cache setting before the bulk */
    char *who;                  /* db_actor at the begin, for the audit lines */
    long long next_code;        /* the next code number to hand out */
    long long last_code;        /* the largest handed out (0: none) */
    long long added;            /* rows inserted, all waiting for the index */
};

/* Begins a bulk (its audit lines by db_actor) inside the caller's open transaction: suspends
 * indexing of new rows and reads the next code. ST_INVALID outside a
 * transaction. */
enum status child_bulk_begin(struct db *db, struct child_bulk *b);

/* Inserts c as child_repo_insert does, with the code `code` ("TE-0042")
 * when its number is free (else the next one) and updated_at `updated`
 * (NULL or "": now). c->village must name c->village_id up to folding: it
 * is not read back. Its "create" audit line is written, and the row queued
 * for the index, by child_bulk_end. */
enum status child_bulk_insert(struct db *db, struct child_bulk *b, struct child *c, const char *code,
                              const char *updated);

/* Ends the bulk in the same transaction: writes the audit lines, records
 * the last code, restores what was dropped, and indexes the waiting rows when at most index_now rows
 * wait in all. Frees what b holds; a no-op when b is not active. */
enum status child_bulk_end(struct db *db, struct child_bulk *b, long long index_now);

/* Frees what b holds without touching the database (after a rollback). */
void child_bulk_free(struct child_bulk *b);

/* Rows waiting for the trigram index. */
enum status child_fts_waiting(struct db *db, long long *n);

/* True when some row waits (cheaper than counting them). */
bool child_fts_any_waiting(struct db *db);

/* Indexes up to max waiting rows (oldest first) in one transaction of its
 * own (or inside the caller's); *left: rows still waiting after. Unless
 * `wait`, a database another program is writing gives ST_BUSY at once
 * instead of after the busy timeout. */
enum status child_fts_catch_up(struct db *db, long long max, bool wait, long long *left);

#endif
