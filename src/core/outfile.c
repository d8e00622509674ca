/* outfile — safe output files (see the header). */
#include <config.h>
#include "treem/core/outfile.h"
#include "treem/core/i18n.h"
#include "treem/core/platform.h"
#include "treem/core/strbuf.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *db_canon;   /* realpath of the protected database */
static char *db_dir;     /* its folder */
static char *db_base;    /* its file name */
static bool may_replace = true;

static const char *const side[] = {"", "-wal", "-shm", "-journal"};

enum status outfile_protect(const char *db_path)
{
    free(db_canon);
    free(db_dir);
    free(db_base);
    db_canon = db_dir = db_base = NULL;
    if (!db_path || !*db_path || strcmp(db_path, ":memory:") == 0)
        return ST_OK;
    if (!(db_canon = realpath(db_path, NULL)))
        return ST_OK; /* not there yet: nothing to protect */
    const char *slash = platform_last_sep(db_canon);
    db_dir = strndup(db_canon, slash == db_canon ? 1 : (size_t)(slash - db_canon));
    db_base = strdup(slash + 1);
    if (!db_dir || !db_base)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    return ST_OK;
}

void outfile_set_replace(bool replace)
{
    may_replace = replace;
}

/* The folder part of path ("." when none) and its last part, malloc'd. */
static bool split(const char *path, char **dir, char **base)
{
    const char *slash = platform_last_sep(path);
    *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    *base = strdup(slash ? slash + 1 : path);
    return *dir && *base;
}

static bool same_file(const struct stat *a, const char *path)
{
    struct stat b;
    return stat(path, &b) == 0 && platform_same_stat(a, &b);
}

/* True when the existing file st is the database, a side file or a backup. */
static bool is_db_inode(const struct stat *st)
{
    bool hit = false;
    struct strbuf p = STRBUF_INIT;
    for (size_t i = 0; !hit && i < sizeof side / sizeof *side; i++) {
        strbuf_reset(&p);
        hit = strbuf_printf(&p, "%s%s", db_canon, side[i]) && same_file(st, strbuf_str(&p));
    }
    strbuf_reset(&p);
    DIR *d = strbuf_printf(&p, "%s/backups", db_dir) ? opendir(strbuf_str(&p)) : NULL;
    size_t n = strlen(db_base);
    struct dirent *e;
    while (!hit && d && (e = readdir(d))) {
        if (strncmp(e->d_name, db_base, n) != 0 || e->d_name[n] != '-')
            continue;
        struct strbuf f = STRBUF_INIT;
        hit = strbuf_printf(&f, "%s/%s", strbuf_str(&p), e->d_name) && same_file(st, strbuf_str(&f));
        strbuf_free(&f);
    }
    if (d)
        closedir(d);
    strbuf_free(&p);
    return hit;
}

/* True when path names (by its folder's real path and its name) the
 * database's side files or a file of its backups folder, existing or not. */
static bool is_db_name(const char *path, bool in_backups)
{
    char *dir, *base, *real = NULL;
    bool hit = false;
    if (split(path, &dir, &base) && (real = realpath(dir, NULL))) {
        size_t n = strlen(db_base);
        if (strcmp(real, db_dir) == 0 && strncmp(base, db_base, n) == 0)
            for (size_t i = 0; !hit && i < sizeof side / sizeof *side; i++)
                hit = strcmp(base + n, side[i]) == 0;
        struct strbuf b = STRBUF_INIT;
        if (!in_backups && strbuf_printf(&b, "%s/backups", db_dir) && strcmp(real, strbuf_str(&b)) == 0)
            hit = true;
        strbuf_free(&b);
    }
    free(real);
    free(dir);
    free(base);
    return hit;
}

static enum status check(const char *path, bool in_backups)
{
    struct stat st;
    bool exists = stat(path, &st) == 0;
    if (db_canon && ((exists && is_db_inode(&st)) || is_db_name(path, in_backups)))
        return status_set(ST_INVALID, _("%s: this is the database or one of its backups; "
                                        "choose another file name"), path);
    if (exists && S_ISDIR(st.st_mode))
        return status_set(ST_INVALID, _("%s: this is a folder; give a file name"), path);
    if (exists && !may_replace)
        return status_set(ST_EXISTS, _("%s: the file already exists (add --force to replace it)"), path);
    return ST_OK;
}

enum status outfile_check(const char *path)
{
    return check(path, false);
}

enum status outfile_open_path(struct outfile *o, const char *path, bool in_backups)
{
    memset(o, 0, sizeof *o);
    enum status st = check(path, in_backups);
    if (st != ST_OK)
        return st;
    char *dir, *base;
    struct strbuf t = STRBUF_INIT;
    bool ok = split(path, &dir, &base) && strbuf_printf(&t, "%s/.%s.XXXXXX", dir, base);
    free(dir);
    free(base);
    if (!ok || !(o->path = strdup(path))) {
        strbuf_free(&t);
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    o->tmp = strbuf_take(&t);
    int fd = mkstemp(o->tmp);
    if (fd < 0 || platform_chmod_private(fd) != 0) {
        st = status_set(ST_IO, _("cannot write %s: %s"), path, i18n_strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(o->tmp);
        }
        free(o->tmp);
        free(o->path);
        memset(o, 0, sizeof *o);
        return st;
    }
    close(fd);
    return ST_OK;
}

enum status outfile_open(struct outfile *o, const char *path)
{
    enum status st = outfile_open_path(o, path, false);
    if (st != ST_OK)
        return st;
    if (!(o->f = fopen(o->tmp, "wb")))
        return outfile_close(o, status_set(ST_IO, _("cannot write %s: %s"), path, i18n_strerror(errno)));
    return ST_OK;
}

/* Syncs the folder of path so that the rename survives a power cut. */
static void sync_dir(const char *path)
{
    char *dir, *base;
    if (split(path, &dir, &base)) {
        platform_sync_dir(dir);
    }
    free(dir);
    free(base);
}

enum status outfile_close(struct outfile *o, enum status st)
{
    if (!o->tmp)
        return st;
    if (o->f) {
        bool bad = fflush(o->f) != 0 || ferror(o->f) || platform_fsync(fileno(o->f)) != 0;
        int err = errno;
        if (fclose(o->f) != 0 && !bad) {
            bad = true;
            err = errno;
        }
        if (bad && st == ST_OK)
            st = status_set(ST_IO, _("cannot write %s: %s"), o->path, strerror(err));
    }
    if (st == ST_OK && rename(o->tmp, o->path) != 0)
        st = status_set(ST_IO, _("cannot write %s: %s"), o->path, i18n_strerror(errno));
    if (st == ST_OK)
        sync_dir(o->path);
    else
        unlink(o->tmp);
    free(o->tmp);
    free(o->path);
    memset(o, 0, sizeof *o);
    return st;
}

enum status outfile_mkdir(const char *dir)
{
    if (platform_mkdir_private(dir) == 0)
        return chmod(dir, 0700) == 0 ? ST_OK
                                     : status_set(ST_IO, _("cannot create folder %s: %s"), dir, i18n_strerror(errno));
    struct stat st;
    if (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
        return ST_OK;
    return status_set(ST_IO, _("cannot create folder %s: %s"), dir, i18n_strerror(errno));
}
