/* db — the SQLite connection: opening with treem's pragmas (WAL,
 * synchronous=FULL, foreign keys, busy timeout), transactions, errors
 * turned into status messages, small query helpers and online backups. */
#ifndef TREEM_DB_DB_H
#define TREEM_DB_DB_H
#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/status.h"

struct db_stmt_cache;

struct db {
    sqlite3 *sql;
    char *path;
    struct db_stmt_cache *cache; /* statements of db_prepare_cached() */
    bool in_txn;      /* db_begin() opened a transaction not yet ended */
    bool committing;  /* db_commit() is running COMMIT */
    int lost;         /* the SQLite code that ended in_txn's transaction early */
    bool read_only;   /* opened read-only: every change is refused */
    char *deny_why;              /* db_guard_writes: the message of a refused write */
    const char *const *write_ok; /* db_guard_writes: table name prefixes that may change */
    char *actor;         /* db_set_actor: who is acting (NULL: the default below) */
    char *actor_default; /* db_actor's last default name, kept while it is the same */
    char **actor_old;    /* earlier defaults, kept until db_close (returned pointers stay valid) */
    size_t nactor_old;
};

/* Opens (creating when missing, with mode 0600 and a 0700 parent folder)
 * the database at path. The caller closes *out with db_close(). */
enum status db_open(const char *path, struct db **out);
/* Opens an existing file only; ST_NOTFOUND when it does not exist. A file
 * (or folder) this user cannot write is opened read-only (db->read_only). */
enum status db_open_existing(const char *path, struct db **out);
/* Opens an existing file read-only (`--read-only`): lists work, every change
 * is refused with a clear message. */
enum status db_open_read_only(const char *path, struct db **out);
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
/* While a transaction of db_begin() is open, SQLite may end it on its own
 * (a full disk, an I/O error): then every later statement would commit by
 * itself. A commit hook refuses those, and db_commit() fails naming the
 * first cause, so a failed import or edit leaves nothing behind. */

/* Steps a statement that returns no row: ST_OK at SQLITE_DONE, else the
 * error through db_fail(db, what). The statement is neither reset nor
 * finalized. */
enum status db_step_done(struct db *db, sqlite3_stmt *st, const char *what);

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

/* Who is acting on this connection, the name the audit log records (every
 * audit line of db/audit_repo.h reads it; no writer takes a name): set
 * once when a person signs in (app/auth.h; NULL when they sign out), by a
 * command or a test. db_actor() returns it, else (nobody signed in) the
 * officer name of the settings ("officer_name"), read at each call since a
 * setup or the settings screen may change it, else $USER, else "treem".
 * The returned text stays valid until db_set_actor() or db_close() (a
 * default name until db_close(), even when it changes in between). */
enum status db_set_actor(struct db *db, const char *name);
const char *db_actor(struct db *db);

/* Settings (key → text value) kept in the database. *out is malloc'd. */
enum status db_setting_get(struct db *db, const char *key, char **out);
enum status db_setting_set(struct db *db, const char *key, const char *value);

/* Writes a consistent copy of the open database to dest with SQLite's
 * online backup API: refused when dest is the database (outfile) or the disk
 * lacks room for it; written to a temporary file beside dest, checked
 * (opened, quick_check) and only then renamed to dest, so a failed backup
 * leaves nothing. */
enum status db_backup_to(struct db *db, const char *dest);

/* ST_OK when the file at path opens as a database whose quick_check says
 * "ok" and that has treem's settings; ST_INVALID naming `name` otherwise. */
enum status db_backup_check(const char *path, const char *name);

/* Copies the database into "<dir of db>/backups/<name>-<stamp>-<reason>.db"
 * (db_backup_to) and keeps only the newest `keep` good copies there (keep <
 * 0: none deleted now; see db_backup_prune). *made (optional, malloc'd)
 * receives the path written. Does nothing for an in-memory database. */
enum status db_backup_rotate(struct db *db, const char *reason, int keep, char **made);
/* The paths of the good backups of db in its backups folder, newest first
 * (*paths malloc'd, each path too). */
enum status db_backup_list(struct db *db, char ***paths, size_t *n);
/* Deletes the oldest good backups of db beyond keep. */
void db_backup_prune(struct db *db, int keep);

/* Replaces the whole content of the open database with the database in the
 * file at path (after db_backup_check), in one step under SQLite's locks. */
enum status db_restore_from(struct db *db, const char *path);

#endif
