/* backup — online copies of the open database (SQLite backup API), taken
 * before migrations and imports; the newest few are kept. */
#include <config.h>
#include "treem/db/db.h"
#include "treem/core/date.h"
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

/* Deletes the oldest files starting with prefix in dir beyond keep. Names
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
        if (strncmp(e->d_name, prefix, strlen(prefix)) != 0)
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
    struct datetime now = date_now();
    char iso[DATE_BUF];
    date_iso(now.date, iso);
    enum status st = ST_OK;
    /* seconds from the real clock keep two backups in one minute apart */
    if (!strbuf_printf(&dir, "%.*s/backups", dirlen, dirstr) ||
        !strbuf_printf(&prefix, "%s-", base) ||
        !strbuf_printf(&path, "%s/%s%s-%02d%02d%02ld-%s.db", strbuf_str(&dir),
                       strbuf_str(&prefix), iso, now.hour, now.min,
                       (long)(time(NULL) % 60), reason))
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
