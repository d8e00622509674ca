/* child_bulk — many new children in one transaction, and the trigram index
 * catching up with them (see the header). */
#include <config.h>
#include "treem/db/child_bulk.h"
#include "treem/db/row.h"
#include "treem/db/child_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/strbuf.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INSERT_TRIGGER "child_fts_insert"
/* The page cache of a bulk, in KiB (negative: SQLite's unit for KiB). */
#define BULK_CACHE "-4096"
/* Rows indexed by one statement when catching up. */
#define CATCH_UP_STEP 5000
/* Fewest new rows for which rebuilding the deferred indexes pays. */
#define BULK_MANY 2000

/* Drops the trigger or index `name` (when it exists) after keeping its
 * CREATE statement in b->restore. */
static enum status suspend(struct db *db, struct child_bulk *b, const char *type, const char *name)
{
    sqlite3_stmt *st;
    enum status rc = row_prepare(db, "SELECT sql FROM sqlite_schema WHERE type = ?1 AND name = ?2", &st,
                                 ROW_TEXT(type), ROW_TEXT(name));
    if (rc != ST_OK)
        return rc;
    int step = sqlite3_step(st);
    bool found = step == SQLITE_ROW && sqlite3_column_text(st, 0);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(db, _("database"));
    else if (found && !strbuf_printf(&b->restore, "%s;\n", (const char *)sqlite3_column_text(st, 0)))
        rc = status_set(ST_NOMEM, "%s", _("out of memory"));
    sqlite3_finalize(st);
    char drop[96];
    snprintf(drop, sizeof drop, "DROP %s %s", strcmp(type, "index") == 0 ? "INDEX" : "TRIGGER", name);
    return rc == ST_OK && found ? db_exec(db, drop) : rc;
}

enum status child_bulk_begin(struct db *db, struct child_bulk *b)
{
    memset(b, 0, sizeof *b);
    if (sqlite3_get_autocommit(db->sql))
        return status_set(ST_INVALID, "%s", _("internal error: a bulk write needs an open transaction"));
    long long existing = 0;
    if (!(b->who = strdup(db_actor(db))))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    enum status rc = db_query_int(db, "SELECT coalesce(max(id), 0) FROM child", NULL, &b->first_id);
    if (rc == ST_OK)
        rc = suspend(db, b, "trigger", INSERT_TRIGGER);
    if (rc == ST_OK)
        rc = child_repo_next_code(db, &b->next_code);
    if (rc == ST_OK)
        rc = db_query_int(db, "SELECT count(*) FROM child", NULL, &existing);
    b->drop_at = existing / 2 > BULK_MANY ? existing / 2 : BULK_MANY;
    /* A larger page cache for the indexes every row touches (uid, name,
     * code): past the default 2 MB each of them reads the disk per row. */
    if (rc == ST_OK)
        rc = db_query_int(db, "PRAGMA cache_size", NULL, &b->cache_size);
    if (rc == ST_OK)
        rc = db_exec(db, "PRAGMA cache_size = " BULK_CACHE);
    b->active = rc == ST_OK;
    if (rc != ST_OK)
        child_bulk_free(b);
    return rc;
}

void child_bulk_free(struct child_bulk *b)
{
    strbuf_free(&b->restore);
    free(b->who);
    memset(b, 0, sizeof *b);
}

/* Indexes the import itself does not read cost a random look-up for each
 * new row once they outgrow the page cache; past drop_at rows they are
 * dropped and built again at the end, which sorts once. */
static enum status defer_indexes(struct db *db, struct child_bulk *b)
{
    static const char *const names[] = {"child_list", "child_village", "child_birth"};
    enum status rc = ST_OK;
    for (size_t i = 0; rc == ST_OK && i < sizeof names / sizeof *names; i++)
        rc = suspend(db, b, "index", names[i]);
    b->indexes_deferred = true;
    return rc;
}

/* The code number for a row that asks for `want` (0: none). */
static enum status pick_code(struct db *db, struct child_bulk *b, long long want, long long *num)
{
    if (want > 0) {
        sqlite3_stmt *st;
        enum status rc = row_prepare_cached(db, "SELECT 1 FROM child WHERE code_num = ?1", &st,
                                            ROW_INT(want));
        if (rc != ST_OK)
            return rc;
        int step = sqlite3_step(st);
        sqlite3_reset(st);
        if (step == SQLITE_DONE) {
            *num = want;
            if (want >= b->next_code)
                b->next_code = want + 1;
            return ST_OK;
        }
        if (step != SQLITE_ROW)
            return db_fail(db, _("cannot read the register"));
    }
    *num = b->next_code++;
    return ST_OK;
}

enum status child_bulk_insert(struct db *db, struct child_bulk *b, struct child *c, const char *code,
                              const char *updated)
{
    long long num = 0;
    enum status rc = pick_code(db, b, row_code_number(code, "TE"), &num);
    if (rc == ST_OK)
        rc = child_repo_insert_numbered(db, c, num, updated, false);
    if (rc != ST_OK)
        return rc;
    if (num > b->last_code)
        b->last_code = num;
    if (++b->added >= b->drop_at && !b->indexes_deferred)
        rc = defer_indexes(db, b);
    return rc;
}

/* Runs sql with ?1 = the last id before the bulk, ?2 = the audit stamp and
 * ?3 = who (those it has). */
/* Runs sql with ?1 the first id of the bulk, and with audit (the audit
 * lines' statement) ?2 the stamp and ?3 who. */
static enum status run_since(struct db *db, const struct child_bulk *b, const char *sql, bool audit)
{
    char at[DATETIME_BUF];
    audit_stamp(at);
    const struct row_arg args[] = {ROW_INT(b->first_id), ROW_TEXT(at), ROW_TEXT(b->who)};
    return row_exec_args(db, sql, false, _("cannot save the child"), args, audit ? 3 : 1);
}

enum status child_bulk_end(struct db *db, struct child_bulk *b, long long index_now)
{
    if (!b->active)
        return ST_OK;
    if (sqlite3_get_autocommit(db->sql)) { /* SQLite rolled back already (a disk error): nothing to end */
        child_bulk_free(b);
        return ST_OK;
    }
    /* The rows of the bulk are those past first_id: rowids grow, and the
     * caller's transaction lets no one else write. One statement each
     * writes their "create" audit lines and queues them for the index. */
    enum status rc = ST_OK;
    if (b->added)
        rc = run_since(db, b, "INSERT INTO audit_log(at, who, action, entity, entity_id, new_value) "
                              "SELECT ?2, ?3, 'create', 'child', uid, code FROM child WHERE id > ?1 ORDER BY id",
                       true);
    if (rc == ST_OK && b->added)
        rc = run_since(db, b, "INSERT INTO child_fts_pending(id) SELECT id FROM child WHERE id > ?1",
                       false);
    if (rc == ST_OK && b->last_code) {
        rc = row_exec(db, "INSERT INTO setting(key, value) VALUES ('child_code_last', CAST(?1 AS TEXT)) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value "
                      "WHERE CAST(value AS INTEGER) < ?1", _("cannot save the child"),
                      ROW_INT(b->last_code));
    }
    if (rc == ST_OK && b->restore.len)
        rc = db_exec(db, strbuf_str(&b->restore));
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA cache_size = %lld", b->cache_size);
    if (rc == ST_OK && b->cache_size)
        rc = db_exec(db, pragma);
    long long waiting = 0;
    if (rc == ST_OK)
        rc = child_fts_waiting(db, &waiting);
    if (rc == ST_OK && waiting && waiting <= index_now)
        rc = child_fts_catch_up(db, waiting, true, &waiting);
    child_bulk_free(b);
    return rc;
}

enum status child_fts_waiting(struct db *db, long long *n)
{
    return db_query_int(db, "SELECT count(*) FROM child_fts_pending", NULL, n);
}

/* Indexes the oldest `max` waiting rows; inside a transaction. */
static enum status index_some(struct db *db, long long max)
{
    static const char *const sql[] = {
        "INSERT INTO child_fts(rowid, search) SELECT c.id, c.search FROM child c WHERE c.id IN "
        "(SELECT id FROM child_fts_pending ORDER BY id LIMIT ?1) ORDER BY c.id",
        "DELETE FROM child_fts_pending WHERE id IN (SELECT id FROM child_fts_pending ORDER BY id LIMIT ?1)",
    };
    enum status rc = ST_OK;
    for (size_t i = 0; rc == ST_OK && i < sizeof sql / sizeof *sql; i++)
        rc = row_exec(db, sql[i], _("cannot update the search index"), ROW_INT(max));
    return rc;
}

bool child_fts_any_waiting(struct db *db)
{
    long long any = 0;
    return db_query_int(db, "SELECT EXISTS (SELECT 1 FROM child_fts_pending)", NULL, &any) == ST_OK && any;
}

enum status child_fts_catch_up(struct db *db, long long max, bool wait, long long *left)
{
    long long waiting = 0;
    bool own = sqlite3_get_autocommit(db->sql);
    if (own && !wait)
        sqlite3_busy_timeout(db->sql, 0); /* someone else writing: try again later */
    enum status rc = own ? db_begin(db) : ST_OK;
    if (own && !wait)
        sqlite3_busy_timeout(db->sql, DB_BUSY_MS);
    if (rc == ST_OK)
        rc = child_fts_waiting(db, &waiting);
    long long n = waiting < max ? waiting : max;
    /* In statements of CATCH_UP_STEP rows: one statement over a large queue
     * makes FTS5 hold and merge far more at once, and costs about four
     * times as much in all. */
    for (long long done = 0; rc == ST_OK && done < n; done += CATCH_UP_STEP)
        rc = index_some(db, n - done < CATCH_UP_STEP ? n - done : CATCH_UP_STEP);
    if (rc == ST_OK)
        rc = child_fts_waiting(db, &waiting);
    if (own && rc == ST_OK)
        rc = db_commit(db);
    else if (own && sqlite3_get_autocommit(db->sql) == 0)
        db_rollback(db);
    if (left)
        *left = waiting;
    return rc;
}
