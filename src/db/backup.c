/* backup — online copies of the open database (SQLite backup API), taken
 * before migrations and imports; the newest few are kept. */
#include <config.h>
#include "treem/db/db.h"
#include "treem/db/migrate.h"
#include "treem/core/i18n.h"
#include "treem/core/platform.h"
#include "treem/core/strbuf.h"
#include "treem/core/outfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

/* Free bytes for a copy of db in the folder of dest: refused before
 * anything is written when the copy would not fit (with 5% to spare). */
static enum status check_space(struct db *db, const char *dest)
{
    long long pages = 0, size = 0;
    if (db_query_int(db, "PRAGMA page_count", NULL, &pages) != ST_OK ||
        db_query_int(db, "PRAGMA page_size", NULL, &size) != ST_OK)
        return ST_DB;
    char *dir = strdup(dest);
    if (!dir)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    char *slash = strrchr(dir, '/');
    const char *d = slash ? (slash == dir ? "/" : (*slash = '\0', dir)) : ".";
    struct statvfs vfs;
    enum status st = ST_OK;
    unsigned long long need = (unsigned long long)(pages * size) / 20 * 21 + 65536;
    if (statvfs(d, &vfs) == 0 && (unsigned long long)vfs.f_bavail * vfs.f_frsize < need)
        st = status_set(ST_IO, _("not enough free space for a backup in %s: it needs %.1f MB, "
                                 "%.1f MB are free; free some space and try again"), d,
                        need / 1048576.0, (double)vfs.f_bavail * vfs.f_frsize / 1048576.0);
    free(dir);
    return st;
}

/* Copies db into the file tmp (made empty by outfile) and checks the copy. */
static enum status copy_into(struct db *db, const char *tmp, const char *dest)
{
    sqlite3 *out = NULL;
    int rc = sqlite3_open_v2(tmp, &out, SQLITE_OPEN_READWRITE, NULL);
    sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(out, "main", db->sql, "main") : NULL;
    rc = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
    if (b && sqlite3_backup_finish(b) != SQLITE_OK && rc == SQLITE_DONE)
        rc = SQLITE_ERROR;
    /* The copy carries the WAL flag of its source; make it one
     * self-contained file, so that opening it (even read-only) leaves no
     * -wal/-shm files beside it and it can be copied away as it is. */
    if (rc == SQLITE_DONE &&
        sqlite3_exec(out, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
        rc = SQLITE_ERROR;
    enum status st = ST_OK;
    if (rc != SQLITE_DONE) {
        int code = (rc & 0xff) == SQLITE_ERROR && out ? sqlite3_errcode(out) : rc;
        st = status_set(ST_IO, _("backup to %s failed: %s"), dest,
                        (code & 0xff) == SQLITE_FULL    ? _("the disk is full")
                        : (code & 0xff) == SQLITE_IOERR ? _("cannot write to the disk")
                                                        : sqlite3_errstr(code));
    }
    if (sqlite3_close(out) != SQLITE_OK && st == ST_OK)
        st = status_set(ST_IO, _("backup to %s failed: %s"), dest, _("cannot write to the disk"));
    if (st == ST_OK)
        st = db_backup_check(tmp, dest);
    return st;
}

enum status db_backup_check(const char *path, const char *name)
{
    sqlite3 *s = NULL;
    sqlite3_stmt *st = NULL;
    bool ok = sqlite3_open_v2(path, &s, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
              sqlite3_prepare_v2(s, "PRAGMA quick_check", -1, &st, NULL) == SQLITE_OK &&
              sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) &&
              strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
    sqlite3_finalize(st);
    if (ok)
        ok = sqlite3_prepare_v2(s, "SELECT count(*) FROM setting", -1, &st, NULL) == SQLITE_OK &&
             sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    sqlite3_close(s);
    if (!ok)
        return status_set(ST_INVALID, _("%s is not a sound treem database (the check failed)"), name);
    return ST_OK;
}

static enum status backup_to(struct db *db, const char *dest, bool in_backups)
{
    enum status st = check_space(db, dest);
    struct outfile o;
    if (st == ST_OK)
        st = outfile_open_path(&o, dest, in_backups);
    if (st != ST_OK)
        return st;
    st = copy_into(db, o.tmp, dest);
    struct strbuf j = STRBUF_INIT;
    if (strbuf_printf(&j, "%s-journal", o.tmp))
        unlink(strbuf_str(&j)); /* left only by a copy that failed */
    strbuf_free(&j);
    return outfile_close(&o, st);
}

enum status db_backup_to(struct db *db, const char *dest)
{
    return backup_to(db, dest, false);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* True for "<prefix>yyyy-….db": a backup of this database, not a stray
 * -wal/-shm file left by whoever opened one, nor a backup of "t.db-x.db"
 * when the prefix is "t.db-". */
static bool is_backup_name(const char *name, const char *prefix)
{
    size_t n = strlen(name), p = strlen(prefix);
    if (n < p + 8 || strncmp(name, prefix, p) != 0 || strcmp(name + n - 3, ".db") != 0)
        return false;
    for (size_t i = p; i < p + 4; i++)
        if (name[i] < '0' || name[i] > '9')
            return false;
    return name[p + 4] == '-';
}

/* Deletes the oldest backups starting with prefix in dir beyond keep. Names
 * carry a sortable time stamp, so name order is age order. */
/* A complete backup: a file that starts as an SQLite database does (the
 * names are given only to checked copies; older versions of treem could
 * leave empty files, which never count). */
static bool good_file(const char *dir, const char *name)
{
    struct strbuf p = STRBUF_INIT;
    char head[16] = "";
    FILE *f = strbuf_printf(&p, "%s/%s", dir, name) ? fopen(strbuf_str(&p), "rb") : NULL;
    bool ok = f && fread(head, 1, sizeof head, f) == sizeof head &&
              memcmp(head, "SQLite format 3", 16) == 0;
    if (f)
        fclose(f);
    strbuf_free(&p);
    return ok;
}

/* Deletes the oldest good backups starting with prefix in dir beyond keep.
 * Names carry a sortable time stamp, so name order is age order. */
static void prune(const char *dir, const char *prefix, int keep)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!is_backup_name(e->d_name, prefix) || !good_file(dir, e->d_name))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn)
                break;
            names = nn;
        }
        if (!(names[n] = strdup(e->d_name)))
            break;
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = 0; i < n; i++) {
        if ((int)(n - i) > keep) {
            struct strbuf path = STRBUF_INIT;
            if (strbuf_printf(&path, "%s/%s", dir, names[i]))
                unlink(strbuf_str(&path));
            strbuf_free(&path);
        }
        free(names[i]);
    }
    free(names);
}

/* The backups folder of db and the prefix of its backups' names. */
static bool backup_place(const struct db *db, struct strbuf *dir, struct strbuf *prefix)
{
    const char *slash = strrchr(db->path, '/');
    const char *base = slash ? slash + 1 : db->path;
    int dirlen = slash ? (int)(slash - db->path) : 1;
    const char *dirstr = slash ? db->path : ".";
    if (slash == db->path)
        dirlen = 0;
    return strbuf_printf(dir, "%.*s/backups", dirlen, dirstr) && strbuf_printf(prefix, "%s-", base);
}

static bool in_memory(const struct db *db)
{
    return strcmp(db->path, ":memory:") == 0 || db->path[0] == '\0';
}

void db_backup_prune(struct db *db, int keep)
{
    struct strbuf dir = STRBUF_INIT, prefix = STRBUF_INIT;
    if (!in_memory(db) && backup_place(db, &dir, &prefix))
        prune(strbuf_str(&dir), strbuf_str(&prefix), keep);
    strbuf_free(&dir);
    strbuf_free(&prefix);
}

/* "<dir>/<prefix><stamp>-<reason>.db", or with "-2" … when that exists. */
static bool backup_name(struct strbuf *path, const char *dir, const char *prefix, const char *reason)
{
    /* The stamp orders the files for prune(), so it is the real clock read
     * once, not date_now(): a fixed TREEM_TODAY (tests, demos) would make a
     * newer copy sort older and be deleted first. */
    time_t wall = time(NULL);
    struct tm tm;
    char stamp[32];
    platform_localtime(wall, &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%d-%H%M%S", &tm);
    for (int i = 1; i < 1000; i++) {
        strbuf_reset(path);
        bool ok = i == 1 ? strbuf_printf(path, "%s/%s%s-%s.db", dir, prefix, stamp, reason)
                         : strbuf_printf(path, "%s/%s%s-%s-%d.db", dir, prefix, stamp, reason, i);
        if (!ok)
            return false;
        if (access(strbuf_str(path), F_OK) != 0)
            return true;
    }
    return true;
}

enum status db_backup_rotate(struct db *db, const char *reason, int keep, char **made)
{
    if (made)
        *made = NULL;
    if (in_memory(db))
        return ST_OK;
    struct strbuf dir = STRBUF_INIT, prefix = STRBUF_INIT, path = STRBUF_INIT;
    enum status st = ST_OK;
    if (!backup_place(db, &dir, &prefix) ||
        !backup_name(&path, strbuf_str(&dir), strbuf_str(&prefix), reason))
        st = status_set(ST_NOMEM, "%s", _("out of memory"));
    else
        st = outfile_mkdir(strbuf_str(&dir));
    if (st == ST_OK)
        st = backup_to(db, strbuf_str(&path), true);
    if (st == ST_OK) {
        if (keep >= 0)
            prune(strbuf_str(&dir), strbuf_str(&prefix), keep);
        if (made)
            *made = strbuf_take(&path);
    }
    strbuf_free(&dir);
    strbuf_free(&prefix);
    strbuf_free(&path);
    return st;
}

enum status db_restore_from(struct db *db, const char *path)
{
    if (db->read_only)
        return status_set(ST_DB, "%s", _("the database is open read-only: changes are not possible"));
    enum status st = db_backup_check(path, path);
    if (st != ST_OK)
        return st;
    sqlite3 *src = NULL;
    if (sqlite3_open_v2(path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sqlite3_close(src);
        return status_set(ST_IO, _("cannot open %s"), path);
    }
    sqlite3_stmt *v = NULL;
    int version = 0;
    if (sqlite3_prepare_v2(src, "PRAGMA user_version", -1, &v, NULL) == SQLITE_OK && sqlite3_step(v) == SQLITE_ROW)
        version = sqlite3_column_int(v, 0);
    sqlite3_finalize(v);
    if (version > migrate_latest() || version < 1) {
        sqlite3_close(src);
        return status_set(ST_TOO_NEW, _("%s has schema version %d, which this treem (up to %d) cannot use"),
                          path, version, migrate_latest());
    }
    sqlite3_backup *b = sqlite3_backup_init(db->sql, "main", src, "main");
    int rc = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
    if (b && sqlite3_backup_finish(b) != SQLITE_OK && rc == SQLITE_DONE)
        rc = SQLITE_ERROR;
    if (rc != SQLITE_DONE)
        st = db_fail(db, _("cannot restore the backup"));
    sqlite3_close(src);
    if (st == ST_OK)
        st = db_exec(db, "PRAGMA journal_mode = WAL");
    return st;
}

static int cmp_newest(const void *a, const void *b)
{
    return -strcmp(*(char *const *)a, *(char *const *)b);
}

enum status db_backup_list(struct db *db, char ***paths, size_t *n)
{
    *paths = NULL;
    *n = 0;
    struct strbuf dir = STRBUF_INIT, prefix = STRBUF_INIT;
    if (in_memory(db) || !backup_place(db, &dir, &prefix)) {
        strbuf_free(&dir);
        strbuf_free(&prefix);
        return ST_OK;
    }
    DIR *d = opendir(strbuf_str(&dir));
    size_t cap = 0;
    enum status st = ST_OK;
    struct dirent *e;
    while (st == ST_OK && d && (e = readdir(d))) {
        if (!is_backup_name(e->d_name, strbuf_str(&prefix)) || !good_file(strbuf_str(&dir), e->d_name))
            continue;
        struct strbuf p = STRBUF_INIT;
        char **grown = *n == cap ? realloc(*paths, (cap = cap ? cap * 2 : 16) * sizeof *grown) : *paths;
        if (!grown || !strbuf_printf(&p, "%s/%s", strbuf_str(&dir), e->d_name)) {
            strbuf_free(&p);
            st = status_set(ST_NOMEM, "%s", _("out of memory"));
            if (grown)
                *paths = grown;
            break;
        }
        *paths = grown;
        (*paths)[(*n)++] = strbuf_take(&p);
    }
    if (d)
        closedir(d);
    if (*n)
        qsort(*paths, *n, sizeof **paths, cmp_newest);
    strbuf_free(&dir);
    strbuf_free(&prefix);
    return st;
}
