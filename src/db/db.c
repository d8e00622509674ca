/* db — connection, pragmas, transactions, helpers. */
#include <config.h>
#include "treem/db/db.h"
#include "treem/db/row.h"
#include "treem/db/migrate.h"
#include "treem/core/i18n.h"
#include "treem/core/platform.h"
#include "treem/core/strbuf.h"
#include "treem/core/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What a failed SQLite call means for the person at the keyboard, in the
 * interface's language; NULL for the codes whose own message says more
 * (constraints, SQL errors). */
static const char *fail_reason(int code)
{
    if (code == SQLITE_IOERR_READ || code == SQLITE_IOERR_SHORT_READ)
        return _("cannot read from the disk");
    switch (code & 0xff) {
    case SQLITE_FULL: return _("the disk is full");
    case SQLITE_IOERR: return _("cannot write to the disk");
    case SQLITE_READONLY: return _("the database is open read-only: changes are not possible");
    case SQLITE_CORRUPT: return _("the database file is damaged");
    case SQLITE_NOTADB: return _("the file is not a treem database");
    case SQLITE_CANTOPEN: return _("cannot open the database file");
    case SQLITE_NOMEM: return _("out of memory");
    case SQLITE_PERM: case SQLITE_AUTH: return _("permission denied");
    case SQLITE_TOOBIG: return _("a value is too big");
    default: return NULL;
    }
}

enum status db_fail(struct db *db, const char *what)
{
    int code = db && db->sql ? sqlite3_extended_errcode(db->sql) : SQLITE_ERROR;
    const char *msg = db && db->sql ? sqlite3_errmsg(db->sql) : "";
    if ((code & 0xff) == SQLITE_AUTH && db && db->deny_why)
        return status_set(ST_DENIED, "%s", db->deny_why);
    /* SQLite ended the transaction by itself: remember why, once. */
    if (db && db->sql && db->in_txn && !db->lost && sqlite3_get_autocommit(db->sql))
        db->lost = code;
    if (db && db->lost && code == SQLITE_CONSTRAINT_COMMITHOOK)
        code = db->lost;
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
        return status_set(ST_BUSY, "%s: %s", what,
                          _("the database is being changed by another treem; close it and try again"));
    const char *reason = fail_reason(code);
    if (reason)
        return status_set((code & 0xff) == SQLITE_READONLY ? ST_DB : ST_IO, "%s: %s", what, reason);
    return status_set(ST_DB, "%s: %s", what, msg);
}

enum status db_step_done(struct db *db, sqlite3_stmt *st, const char *what)
{
    return sqlite3_step(st) == SQLITE_DONE ? ST_OK : db_fail(db, what);
}

/* Refuses a commit that is not db_commit()'s while a transaction of
 * db_begin() is open: SQLite ended it after an error, and the statement
 * would otherwise be saved on its own (see db.h). */
static int commit_guard(void *arg)
{
    struct db *db = arg;
    if (db->in_txn && !db->committing) {
        if (!db->lost)
            db->lost = SQLITE_ABORT;
        return 1;
    }
    return 0;
}

/* mkdir -p with mode 0700 for the folders treem creates. */
static enum status make_parent_dirs(const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    for (char *p = copy + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (platform_mkdir_private(copy) != 0 && errno != EEXIST) {
            enum status st = status_set(ST_IO, _("cannot create folder %s: %s"), copy, i18n_strerror(errno));
            free(copy);
            return st;
        }
        *p = '/';
    }
    free(copy);
    return ST_OK;
}

/* Creates the file with mode 0600 so that SQLite (and its -wal/-shm files,
 * which copy the database's mode) never makes it readable by others. */
static enum status create_private_file(const char *path)
{
    int fd = platform_open_private(path, O_WRONLY | O_EXCL);
    if (fd < 0 && errno != EEXIST)
        return status_set(ST_IO, _("cannot create %s: %s"), path, i18n_strerror(errno));
    if (fd >= 0)
        close(fd);
    return ST_OK;
}

static enum status apply_pragmas(struct db *db)
{
    static const char pragmas[] =
        "PRAGMA busy_timeout = " DB_BUSY_MS_TEXT ";"
        "PRAGMA foreign_keys = ON;"
        "PRAGMA synchronous = FULL;";
    if (sqlite3_exec(db->sql, pragmas, NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(db, db->path);
    /* A file that is not a database fails here with a clear message. */
    long long version;
    if (db_query_int(db, "PRAGMA user_version", NULL, &version) != ST_OK)
        return ST_DB;
    /* Switching to WAL rewrites the file header: a file newer than this
     * program is left exactly as it is (migrate_apply() then refuses it). */
    if (version > migrate_latest() || db->read_only)
        return ST_OK;
    /* journal_mode can silently stay "delete" (e.g. read-only media). */
    if (sqlite3_exec(db->sql, "PRAGMA journal_mode = WAL;", NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(db, db->path);
    return ST_OK;
}

/* SQLite's automatic checkpoint (every 1000 WAL pages), except that its
 * failure is not reported as the failure of the commit before it: the
 * commit is saved in the WAL, and a checkpoint that fails loses nothing. */
static int wal_checkpoint(void *arg, sqlite3 *sql, const char *name, int pages)
{
    (void)arg;
    if (pages >= 1000)
        sqlite3_wal_checkpoint_v2(sql, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    return SQLITE_OK;
}

static bool cannot_write(const char *path);

static enum status open_common(const char *path, int flags, struct db **out)
{
    struct db *db = calloc(1, sizeof *db);
    if (!db || !(db->path = strdup(path))) {
        free(db);
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    /* One connection, one thread: no mutex around every SQLite call (they
     * cost a tenth of an export). */
    if (sqlite3_open_v2(path, &db->sql, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        enum status st = db_fail(db, path);
        db_close(db);
        return st;
    }
    sqlite3_extended_result_codes(db->sql, 1);
    if (!(flags & SQLITE_OPEN_URI) && outfile_protect(path) != ST_OK) {
        db_close(db);
        return ST_NOMEM;
    }
    sqlite3_commit_hook(db->sql, commit_guard, db);
    sqlite3_wal_hook(db->sql, wal_checkpoint, NULL);
    db->read_only = (flags & SQLITE_OPEN_READONLY) != 0;
    enum status st = apply_pragmas(db);
    if (st != ST_OK) {
        db_close(db);
        return st;
    }
    *out = db;
    return ST_OK;
}

enum status db_open(const char *path, struct db **out)
{
    if (strcmp(path, ":memory:") != 0 && access(path, F_OK) == 0 && cannot_write(path))
        return db_open_read_only(path, out);
    if (strcmp(path, ":memory:") != 0) {
        enum status st = make_parent_dirs(path);
        if (st == ST_OK)
            st = create_private_file(path);
        if (st != ST_OK)
            return st;
    }
    return open_common(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, out);
}

/* True when this user cannot write path or its folder (SQLite needs the
 * folder for its -wal/-shm and journal files). */
static bool cannot_write(const char *path)
{
    if (access(path, W_OK) != 0)
        return errno == EACCES || errno == EROFS || errno == EPERM;
    char *dir = strdup(path);
    if (!dir)
        return false;
    char *slash = strrchr(dir, '/');
    const char *d = slash ? (slash == dir ? "/" : (*slash = '\0', dir)) : ".";
    bool ro = access(d, W_OK) != 0 && (errno == EACCES || errno == EROFS || errno == EPERM);
    free(dir);
    return ro;
}

enum status db_open_existing(const char *path, struct db **out)
{
    if (access(path, F_OK) != 0)
        return status_set(ST_NOTFOUND, _("no database at %s (create one with: treem init --commune CODE)"), path);
    if (cannot_write(path))
        return db_open_read_only(path, out);
    return open_common(path, SQLITE_OPEN_READWRITE, out);
}

enum status db_open_read_only(const char *path, struct db **out)
{
    if (access(path, F_OK) != 0)
        return status_set(ST_NOTFOUND, _("no database at %s (create one with: treem init --commune CODE)"), path);
    /* A folder we cannot write holds no -shm file for a WAL database:
     * immutable=1 reads the file as it is, without locks or side files. */
    struct strbuf uri = STRBUF_INIT;
    bool immutable = cannot_write(path);
    bool ok = strbuf_puts(&uri, "file:");
    for (const char *p = path; ok && *p; p++)
        ok = strchr("?#%", *p) ? strbuf_printf(&uri, "%%%02X", (unsigned char)*p)
                               : strbuf_printf(&uri, "%c", *p);
    if (ok && immutable)
        ok = strbuf_puts(&uri, "?immutable=1");
    if (!ok) {
        strbuf_free(&uri);
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    enum status st = open_common(strbuf_str(&uri), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, out);
    if (st == ST_OK)
        st = outfile_protect(path);
    if (st == ST_OK) {
        free((*out)->path);
        if (!((*out)->path = strdup(path))) {
            db_close(*out);
            st = status_set(ST_NOMEM, "%s", _("out of memory"));
        }
    }
    strbuf_free(&uri);
    return st;
}

struct db_stmt_cache {
    size_t n, cap;
    struct db_cached { char *sql; const char *key; sqlite3_stmt *st; } *e;
};

static void cache_free(struct db_stmt_cache *c)
{
    for (size_t i = 0; c && i < c->n; i++) {
        sqlite3_finalize(c->e[i].st);
        free(c->e[i].sql);
    }
    if (c)
        free(c->e);
    free(c);
}

void db_close(struct db *db)
{
    if (!db)
        return;
    cache_free(db->cache);
    sqlite3_close_v2(db->sql);
    free(db->deny_why);
    free(db->actor);
    free(db->actor_default);
    for (size_t i = 0; i < db->nactor_old; i++)
        free(db->actor_old[i]);
    free(db->actor_old);
    free(db->path);
    free(db);
}

enum status db_exec(struct db *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db->sql, sql, NULL, NULL, &err) != SQLITE_OK) {
        enum status st = db_fail(db, _("database"));
        sqlite3_free(err);
        return st;
    }
    return ST_OK;
}

enum status db_begin(struct db *db)
{
    if (db->read_only)
        return status_set(ST_DB, "%s: %s", _("cannot start saving"),
                          _("the database is open read-only: changes are not possible"));
    if (sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(db, _("cannot start saving"));
    db->in_txn = true;
    db->lost = 0;
    return ST_OK;
}

enum status db_commit(struct db *db)
{
    if (db->in_txn && (db->lost || sqlite3_get_autocommit(db->sql))) {
        int code = db->lost ? db->lost : SQLITE_ABORT;
        db->in_txn = false;
        db->lost = 0;
        const char *reason = fail_reason(code);
        return status_set(ST_IO, "%s: %s", _("cannot save"),
                          reason ? reason : _("an earlier write failed and was undone"));
    }
    db->committing = true;
    int rc = sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL);
    db->committing = false;
    if (rc != SQLITE_OK) {
        enum status st = db_fail(db, _("cannot save"));
        db_rollback(db);
        return st;
    }
    db->in_txn = false;
    return ST_OK;
}

void db_rollback(struct db *db)
{
    if (!sqlite3_get_autocommit(db->sql))
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
    db->in_txn = false;
    db->lost = 0;
}

enum status db_prepare(struct db *db, const char *sql, sqlite3_stmt **out)
{
    if (sqlite3_prepare_v2(db->sql, sql, -1, out, NULL) != SQLITE_OK)
        return db_fail(db, _("database"));
    return ST_OK;
}

/* Makes room for one more entry; false: no memory. */
static bool cache_grow(struct db *db)
{
    if (!db->cache && !(db->cache = calloc(1, sizeof *db->cache)))
        return false;
    struct db_stmt_cache *c = db->cache;
    return row_grow(&c->e, &c->cap, c->n, sizeof *c->e);
}

enum status db_prepare_cached(struct db *db, const char *sql, sqlite3_stmt **out)
{
    struct db_stmt_cache *c = db->cache;
    /* Callers mostly pass the same literal or memoised text: its address
     * finds the entry, and one comparison confirms it (a freed buffer's
     * address may come back holding other text). Else compare them all. */
    size_t hit = SIZE_MAX;
    for (size_t i = 0; c && i < c->n && hit == SIZE_MAX; i++)
        if (c->e[i].key == sql && strcmp(c->e[i].sql, sql) == 0)
            hit = i;
    for (size_t i = 0; c && i < c->n && hit == SIZE_MAX; i++)
        if (strcmp(c->e[i].sql, sql) == 0)
            hit = i;
    if (hit != SIZE_MAX) {
        c->e[hit].key = sql;
        *out = c->e[hit].st;
        sqlite3_reset(*out);
        sqlite3_clear_bindings(*out);
        return ST_OK;
    }
    char *copy = strdup(sql);
    if (!copy || !cache_grow(db)) {
        free(copy);
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    if (sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT, out, NULL) != SQLITE_OK) {
        free(copy);
        return db_fail(db, _("database"));
    }
    c = db->cache;
    c->e[c->n].sql = copy;
    c->e[c->n].key = sql;
    c->e[c->n++].st = *out;
    return ST_OK;
}

int db_bind_text(sqlite3_stmt *st, int idx, const char *s)
{
    if (!s)
        return sqlite3_bind_null(st, idx);
    return sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT);
}

enum status db_query_int(struct db *db, const char *sql, const char *param, long long *out)
{
    sqlite3_stmt *st;
    enum status rc = param ? row_prepare(db, sql, &st, ROW_TEXT(param)) : db_prepare(db, sql, &st);
    return rc == ST_OK ? row_int(db, st, out, _("database")) : rc;
}

static bool read_setting(sqlite3_stmt *st, void *elem)
{
    bool ok = true;
    *(char **)elem = row_text(st, 0, true, &ok);
    return ok;
}

enum status db_setting_get(struct db *db, const char *key, char **out)
{
    return row_query_one(db, "SELECT value FROM setting WHERE key = ?1", out, read_setting, NULL,
                         _("database"), ROW_TEXT(key));
}

enum status db_setting_set(struct db *db, const char *key, const char *value)
{
    return row_exec_cached(db, "INSERT INTO setting(key, value) VALUES (?1, ?2) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           _("cannot save setting"), ROW_TEXT(key), ROW_TEXT(value));
}

/* The authorizer of db_guard_writes: changes to tables of "main" pass
 * only when their name starts with an allowed prefix. */
static int guard(void *ctx, int action, const char *table, const char *column, const char *dbname,
                 const char *trigger)
{
    (void)column;
    (void)trigger;
    const struct db *db = ctx;
    if (action != SQLITE_INSERT && action != SQLITE_UPDATE && action != SQLITE_DELETE)
        return SQLITE_OK;
    if (!table || (dbname && strcmp(dbname, "main") != 0) || strncmp(table, "sqlite_", 7) == 0)
        return SQLITE_OK;
    for (const char *const *p = db->write_ok; p && *p; p++)
        if (strncmp(table, *p, strlen(*p)) == 0)
            return SQLITE_OK;
    return SQLITE_DENY;
}

enum status db_guard_writes(struct db *db, const char *const *write_ok, const char *why)
{
    free(db->deny_why);
    db->deny_why = NULL;
    db->write_ok = write_ok;
    if (!write_ok && !why) {
        sqlite3_set_authorizer(db->sql, NULL, NULL);
        return ST_OK;
    }
    if (!(db->deny_why = strdup(why ? why : "")))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    /* setting an authorizer expires prepared statements: cached ones are
     * prepared again, under the guard, when next run */
    sqlite3_set_authorizer(db->sql, guard, db);
    return ST_OK;
}
