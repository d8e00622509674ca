/* backup — online copies of the open database (SQLite backup API), taken
 * before migrations and imports; the newest few are kept. */
#include <config.h>
#include "treem/db/db.h"
#include "treem/core/i18n.h"
#include "treem/core/strbuf.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum status db_backup_to(struct db *db, const char *dest)
{
    int fd = open(dest, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return status_set(ST_IO, _("cannot create backup %s: %s"), dest, strerror(errno));
    close(fd);
    sqlite3 *out;
    if (sqlite3_open(dest, &out) != SQLITE_OK) {
        sqlite3_close(out);
        return status_set(ST_IO, _("cannot create backup %s"), dest);
    }
    sqlite3_backup *b = sqlite3_backup_init(out, "main", db->sql, "main");
    int rc = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
    if (b)
        sqlite3_backup_finish(b);
    /* The copy carries the WAL flag of its source; make it one
     * self-contained file, so that opening it (even read-only) leaves no
     * -wal/-shm files beside it and it can be copied away as it is. */
    if (rc == SQLITE_DONE &&
        sqlite3_exec(out, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
        rc = SQLITE_ERROR;
    enum status st = ST_OK;
    if (rc != SQLITE_DONE)
        st = status_set(ST_IO, _("backup to %s failed: %s"), dest, sqlite3_errmsg(out));
    sqlite3_close(out);
    return st;
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
static void prune(const char *dir, const char *prefix, int keep)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!is_backup_name(e->d_name, prefix))
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

enum status db_backup_rotate(struct db *db, const char *reason, int keep, char **made)
{
    if (made)
        *made = NULL;
    if (strcmp(db->path, ":memory:") == 0 || db->path[0] == '\0')
        return ST_OK;
    const char *slash = strrchr(db->path, '/');
    const char *base = slash ? slash + 1 : db->path;
    int dirlen = slash ? (int)(slash - db->path) : 1;
    const char *dirstr = slash ? db->path : ".";
    struct strbuf dir = STRBUF_INIT, prefix = STRBUF_INIT, path = STRBUF_INIT;
    /* The stamp orders the files for prune(), so it is the real clock read
     * once, not date_now(): a fixed TREEM_TODAY (tests, demos) would make a
     * newer copy sort older and be deleted first. */
    time_t wall = time(NULL);
    struct tm tm;
    char stamp[32];
    localtime_r(&wall, &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%d-%H%M%S", &tm);
    enum status st = ST_OK;
    if (!strbuf_printf(&dir, "%.*s/backups", dirlen, dirstr) ||
        !strbuf_printf(&prefix, "%s-", base) ||
        !strbuf_printf(&path, "%s/%s%s-%s.db", strbuf_str(&dir), strbuf_str(&prefix), stamp,
                       reason))
        st = status_set(ST_NOMEM, "%s", _("out of memory"));
    else if (mkdir(strbuf_str(&dir), 0700) != 0 && errno != EEXIST)
        st = status_set(ST_IO, _("cannot create folder %s: %s"), strbuf_str(&dir), strerror(errno));
    if (st == ST_OK)
        st = db_backup_to(db, strbuf_str(&path));
    if (st == ST_OK) {
        prune(strbuf_str(&dir), strbuf_str(&prefix), keep);
        if (made)
            *made = strbuf_take(&path);
    }
    strbuf_free(&dir);
    strbuf_free(&prefix);
    strbuf_free(&path);
    return st;
}
