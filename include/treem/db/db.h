/* db — the SQLite connection: opening with treem's pragmas (WAL,
 * synchronous=FULL, foreign keys, busy timeout), transactions, errors
 * turned into status messages, small query helpers and online backups. */
#ifndef TREEM_DB_DB_H
#define TREEM_DB_DB_H
#include <sqlite3.h>
#include <stdbool.h>
#include "treem/core/status.h"

struct db_stmt_cache;

struct db {
    sqlite3 *sql;
    char *path;
    struct db_stmt_cache *cache; /* statements of db_prepare_cached() */
    char *deny_why;              /* db_guard_writes: the message of a refused write */
    const char *const *write_ok; /* db_guard_writes: table name prefixes that may change */
};

/* Opens (creating when missing, with mode 0600 and a 0700 parent folder)
 * the database at path. The caller closes *out with db_close(). */
enum status db_open(const char *path, struct db **out);
/* Opens an existing file only; ST_NOTFOUND when it does not exist. */
enum status db_open_existing(const char *path, struct db **out);
void db_close(struct db *db);

/* How long a write waits for another program's write to finish. */
#define DB_BUSY_MS 3000
#define DB_BUSY_MS_TEXT "3000"

/* BEGIN IMMEDIATE (the write lock is taken now, so a second program on the
 * same file gets ST_BUSY and a clear message instead of a half-done edit). */
enum status db_begin(struct db *db);
enum status db_commit(struct db *db);
/* Rolls back if a transaction is open; never fails. */
void db_rollback(struct db *db);

/* Runs SQL text with no parameters (may hold several statements). */
enum status db_exec(struct db *db, const char *sql);

/* Prepares one statement; on error sets a message naming `what`. */
enum status db_prepare(struct db *db, const char *sql, sqlite3_stmt **out);
/* Like db_prepare() for statements run many times (one per row of an
 * import): the statement for the same sql text is prepared once, kept on db
 * and finalized by db_close(). *out comes reset with no bindings; the caller
 * must NOT finalize it, and calls sqlite3_reset() when done with it. */
enum status db_prepare_cached(struct db *db, const char *sql, sqlite3_stmt **out);

/* From now on, every INSERT, UPDATE or DELETE on a table of the main
 * database whose name starts with none of the prefixes in write_ok (a
 * NULL-terminated array that must outlive db; NULL: none) is refused by
 * SQLite itself (an authorizer), and fails with ST_DENIED and the message
 * why. The app layer installs it for a signed-in role (app/auth.h).
 * write_ok NULL and why NULL removes the guard. */
enum status db_guard_writes(struct db *db, const char *const *write_ok, const char *why);

/* Records SQLite's current error as the status message, prefixed by what. */
enum status db_fail(struct db *db, const char *what);

/* Binds text (NULL binds SQL NULL) — a shorthand for SQLITE_TRANSIENT. */
int db_bind_text(sqlite3_stmt *st, int idx, const char *s);

/* The first column of the first row of sql (one optional text parameter)
 * as an integer in *out; ST_NOTFOUND when there is no row. */
enum status db_query_int(struct db *db, const char *sql, const char *param, long long *out);

/* Settings (key → text value) kept in the database. *out is malloc'd. */
enum status db_setting_get(struct db *db, const char *key, char **out);
enum status db_setting_set(struct db *db, const char *key, const char *value);

/* Writes a consistent copy of the open database to dest with SQLite's
 * online backup API. */
enum status db_backup_to(struct db *db, const char *dest);

/* Copies the database into "<dir of db>/backups/<name>-<stamp>-<reason>.db"
 * and keeps only the newest `keep` copies there. *made (optional, malloc'd)
 * receives the path written. Does nothing for an in-memory database. */
enum status db_backup_rotate(struct db *db, const char *reason, int keep, char **made);

#endif
