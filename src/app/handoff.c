/* handoff — writing and importing hand-off packages. */
#include <config.h>
#include "treem/app/handoff.h"
#include "treem/app/transfer_kind.h"
#include "treem/app/sealed.h"
#include "treem/app/session.h"
#include "treem/core/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

bool handoff_is_package(const char *path)
{
    char *m = join(path, MANIFEST_FILE_NAME);
    struct stat st;
    bool yes = m && stat(m, &st) == 0 && S_ISREG(st.st_mode);
    free(m);
    return yes;
}

/* The header keys of the manifest. */
static enum status header(struct db *db, const struct handoff_opts *o, struct manifest *m)
{
    char *commune = NULL, from[DATE_BUF] = "1900-01-01", to[DATE_BUF], at[20];
    struct datetime now = date_now();
    date_iso(o->to.y ? o->to : now.date, to);
    if (o->from.y)
        date_iso(o->from, from);
    char day[DATE_BUF];
    date_iso(now.date, day);
    snprintf(at, sizeof at, "%s %02d:%02d", day, now.hour, now.min);
    if (db_setting_get(db, "commune_code", &commune) != ST_OK || !commune)
        return status_set(ST_NOTFOUND, "%s", _("this database has no commune yet"));
    m->format_version = MANIFEST_FORMAT_VERSION;
    enum status rc = manifest_set(m, "commune_code", commune);
    free(commune);
    if (rc == ST_OK)
        rc = manifest_set(m, "period_from", from);
    if (rc == ST_OK)
        rc = manifest_set(m, "period_to", to);
    if (rc == ST_OK)
        rc = manifest_set(m, "created_by", session_user(db));
    if (rc == ST_OK)
        rc = manifest_set(m, "created_at", at);
    if (rc == ST_OK)
        rc = manifest_set(m, "anonymised", o->anonymise ? "1" : "0");
    return rc;
}

enum status handoff_write(struct db *db, const char *dir, const struct handoff_opts *opts,
                          struct manifest *out)
{
    static const struct handoff_opts none = {0};
    opts = opts ? opts : &none;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return status_set(ST_IO, _("cannot create %s: %s"), dir, strerror(errno));
    struct manifest m = {0};
    enum status rc = header(db, opts, &m);
    struct transfer_export_opts xo = {opts->flags, opts->anonymise, opts->from, opts->to};
    size_t n;
    const struct transfer_kind *const *kinds = transfer_kinds(&n);
    for (size_t i = 0; rc == ST_OK && i < n; i++) {
        char name[64];
        snprintf(name, sizeof name, "%s.csv", transfer_kind_name(kinds[i]));
        char *path = join(dir, name);
        size_t rows = 0;
        rc = path ? transfer_export(db, kinds[i], path, &xo, &rows) : status_set(ST_NOMEM, "%s", _("out of memory"));
        if (rc == ST_OK)
            rc = manifest_add_file(&m, dir, name, transfer_kind_name(kinds[i]), rows);
        free(path);
    }
    char *mpath = rc == ST_OK ? join(dir, MANIFEST_FILE_NAME) : NULL;
    if (rc == ST_OK)
        rc = mpath ? manifest_write(&m, mpath) : status_set(ST_NOMEM, "%s", _("out of memory"));
    free(mpath);
    if (rc == ST_OK && out)
        *out = m;
    else
        manifest_free(&m);
    return rc;
}

/* Imports every file of m in kind order inside the caller's transaction. */
static enum status import_files(struct db *db, const char *dir, const struct manifest *m,
                                const struct transfer_import_opts *opts, struct transfer_result *res)
{
    size_t n;
    const struct transfer_kind *const *kinds = transfer_kinds(&n);
    enum status rc = ST_OK;
    for (size_t k = 0; k < n && (rc == ST_OK || rc == ST_INVALID); k++) {
        for (size_t i = 0; i < m->nfiles; i++) {
            if (strcmp(m->files[i].kind, transfer_kind_name(kinds[k])) != 0)
                continue;
            char *path = join(dir, m->files[i].name);
            enum status r = path ? transfer_import_in(db, kinds[k], path, opts, res)
                                 : status_set(ST_NOMEM, "%s", _("out of memory"));
            free(path);
            if (rc == ST_OK || (r != ST_OK && r != ST_INVALID))
                rc = r;
            if (rc != ST_OK && rc != ST_INVALID)
                return rc;
        }
    }
    return rc;
}

static enum status read_verified(const char *dir, struct manifest *m, struct transfer_result *res)
{
    char *mpath = join(dir, MANIFEST_FILE_NAME);
    enum status rc = mpath ? manifest_read(mpath, m) : status_set(ST_NOMEM, "%s", _("out of memory"));
    free(mpath);
    if (rc == ST_OK)
        rc = manifest_verify(m, dir, &res->errs);
    return rc;
}

enum status handoff_import(struct db *db, const char *dir, const struct transfer_import_opts *opts,
                           struct transfer_result *res, struct manifest *mout)
{
    static const struct transfer_import_opts none = {0};
    opts = opts ? opts : &none;
    struct manifest m = {0};
    enum status rc = read_verified(dir, &m, res);
    if (rc == ST_OK && !opts->dry_run && !opts->no_backup)
        rc = db_backup_rotate(db, "import", 10, &res->backup);
    if (rc == ST_OK && (rc = db_begin(db)) == ST_OK) {
        rc = import_files(db, dir, &m, opts, res);
        if (rc == ST_INVALID && !opts->skip_bad_rows)
            rc = csv_errors_status(&res->errs);
        if (rc == ST_OK && !opts->dry_run) {
            rc = db_commit(db);
            res->written = rc == ST_OK;
        } else {
            char *msg = rc != ST_OK ? strdup(status_message()) : NULL;
            db_rollback(db);
            if (msg)
                status_set(rc, "%s", msg);
            free(msg);
        }
    }
    if (mout)
        *mout = m;
    else
        manifest_free(&m);
    return rc;
}

enum status handoff_write_sealed(struct db *db, const char *path, const struct handoff_opts *opts,
                                 const char *pass, struct manifest *out)
{
    enum status rc = sealed_passphrase_check(pass);
    if (rc != ST_OK)
        return rc;
    char *dir = sealed_temp_dir();
    if (!dir)
        return status_set(ST_IO, _("cannot create a temporary folder: %s"), strerror(errno));
    struct manifest m = {0};
    rc = handoff_write(db, dir, opts, &m);
    const char **names = rc == ST_OK ? calloc(m.nfiles + 1, sizeof *names) : NULL;
    if (rc == ST_OK && !names)
        rc = status_set(ST_NOMEM, "%s", _("out of memory"));
    if (rc == ST_OK) {
        names[0] = MANIFEST_FILE_NAME;
        for (size_t i = 0; i < m.nfiles; i++)
            names[i + 1] = m.files[i].name;
        rc = sealed_write(dir, names, m.nfiles + 1, path, pass);
    }
    free(names);
    sealed_remove_dir(dir);
    if (rc == ST_OK && out)
        *out = m;
    else
        manifest_free(&m);
    return rc;
}

enum status handoff_import_sealed(struct db *db, const char *path, const char *pass,
                                  const struct transfer_import_opts *opts, struct transfer_result *res,
                                  struct manifest *m)
{
    char *dir = NULL;
    enum status rc = sealed_open(path, pass ? pass : "", &dir);
    if (rc == ST_OK) {
        rc = handoff_import(db, dir, opts, res, m);
        char *msg = rc != ST_OK ? strdup(status_message()) : NULL;
        sealed_remove_dir(dir);
        if (msg)
            status_set(rc, "%s", msg);
        free(msg);
    }
    return rc;
}
