/* handoff — writing and importing hand-off packages. */
#include <config.h>
#include "treem/app/handoff.h"
#include "treem/app/transfer_kind.h"
#include "treem/app/sealed.h"
#include "treem/app/commune.h"
#include "treem/core/i18n.h"
#include "treem/core/outfile.h"
#include "treem/core/path.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

bool handoff_is_package(const char *path)
{
    char *m = path_join(path, MANIFEST_FILE_NAME);
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
        rc = manifest_set(m, "created_by", db_actor(db));
    if (rc == ST_OK)
        rc = manifest_set(m, "created_at", at);
    if (rc == ST_OK)
        rc = manifest_set(m, "anonymised", o->anonymise ? "1" : "0");
    return rc;
}

/* Every file of the package may be written (none refused half way). */
static enum status check_outputs(const char *dir)
{
    size_t n;
    const struct transfer_kind *const *kinds = transfer_kinds(&n);
    enum status rc = ST_OK;
    for (size_t i = 0; rc == ST_OK && i <= n; i++) {
        char name[64];
        snprintf(name, sizeof name, "%s%s", i < n ? transfer_kind_name(kinds[i]) : MANIFEST_FILE_NAME,
                 i < n ? ".csv" : "");
        char *path = path_join(dir, name);
        rc = path ? outfile_check(path) : status_set(ST_NOMEM, "%s", _("out of memory"));
        free(path);
    }
    return rc;
}

enum status handoff_write(struct db *db, const char *dir, const struct handoff_opts *opts,
                          struct manifest *out)
{
    static const struct handoff_opts none = {0};
    opts = opts ? opts : &none;
    struct manifest m = {0};
    enum status rc = outfile_mkdir(dir);
    if (rc == ST_OK)
        rc = check_outputs(dir);
    if (rc == ST_OK)
        rc = header(db, opts, &m);
    struct transfer_export_opts xo = {opts->flags, opts->anonymise, opts->from, opts->to, TRANSFER_FORM_MACHINE};
    size_t n;
    const struct transfer_kind *const *kinds = transfer_kinds(&n);
    for (size_t i = 0; rc == ST_OK && i < n; i++) {
        char name[64];
        snprintf(name, sizeof name, "%s.csv", transfer_kind_name(kinds[i]));
        char *path = path_join(dir, name);
        size_t rows = 0;
        rc = path ? transfer_export(db, kinds[i], path, &xo, &rows) : status_set(ST_NOMEM, "%s", _("out of memory"));
        if (rc == ST_OK)
            rc = manifest_add_file(&m, dir, name, transfer_kind_name(kinds[i]), rows);
        free(path);
    }
    char *mpath = rc == ST_OK ? path_join(dir, MANIFEST_FILE_NAME) : NULL;
    if (rc == ST_OK)
        rc = mpath ? manifest_write(&m, mpath) : status_set(ST_NOMEM, "%s", _("out of memory"));
    free(mpath);
    if (rc == ST_OK && out)
        *out = m;
    else
        manifest_free(&m);
    return rc;
}

/* Every file of m is of a kind this treem knows. */
static enum status check_kinds(const struct manifest *m, struct transfer_result *res)
{
    for (size_t i = 0; i < m->nfiles; i++)
        if (!transfer_kind_find(m->files[i].kind)) {
            enum status rc = csv_errors_add(&res->errs, 0, m->files[i].name, m->files[i].kind,
                                            CSV_RULE_DAMAGED_FILE, _("file %s: \"%s\" is not a kind of record treem knows"),
                                            m->files[i].name, m->files[i].kind);
            return rc == ST_OK ? csv_errors_status(&res->errs) : rc;
        }
    return ST_OK;
}

/* The rows read from file f match the manifest's count. */
static enum status check_rows(const struct manifest_file *f, size_t read, struct transfer_result *res)
{
    if (read == f->rows)
        return ST_OK;
    enum status rc = csv_errors_add(&res->errs, 0, f->name, "", CSV_RULE_DAMAGED_FILE,
                                    _("file %s has %zu rows, and the manifest says %zu"), f->name, read, f->rows);
    return rc == ST_OK ? ST_INVALID : rc;
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
            char *path = path_join(dir, m->files[i].name);
            size_t before = res->counts.rows;
            enum status r = path ? transfer_import_in(db, kinds[k], path, opts, res)
                                 : status_set(ST_NOMEM, "%s", _("out of memory"));
            free(path);
            if (r == ST_OK)
                r = check_rows(&m->files[i], res->counts.rows - before, res);
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
    char *mpath = path_join(dir, MANIFEST_FILE_NAME);
    enum status rc = mpath ? manifest_read(mpath, m) : status_set(ST_NOMEM, "%s", _("out of memory"));
    free(mpath);
    if (rc == ST_OK)
        rc = check_kinds(m, res);
    if (rc == ST_OK)
        rc = manifest_verify(m, dir, &res->errs);
    return rc;
}

/* "Xã X (12345)" for a code, or the code alone when it is not in the list. */
static void commune_text(struct db *db, const char *code, char *buf, size_t n)
{
    struct commune c;
    if (commune_find(db, code, &c) == ST_OK) {
        snprintf(buf, n, "%s (%s)", c.full_name, c.code);
        commune_free(&c);
    } else {
        status_clear();
        snprintf(buf, n, "%s", code);
    }
}

enum status handoff_check_commune(struct db *db, const struct manifest *m)
{
    char *mine = NULL, *prov = NULL;
    enum status st = ST_OK;
    if (db_setting_get(db, "province_code", &prov) == ST_OK && prov && prov[0])
        st = status_set(ST_CONFLICT, "%s", _("this is the level above's database: receive "
                                             "packages with treem receive DIR"));
    if (st == ST_OK && db_setting_get(db, "commune_code", &mine) == ST_OK && mine && mine[0]
        && strcmp(mine, m->commune_code) != 0) {
        char from[256], here[256];
        commune_text(db, m->commune_code, from, sizeof from);
        commune_text(db, mine, here, sizeof here);
        st = status_set(ST_CONFLICT, _("the package is from %s, but this database belongs to %s: "
                                       "a commune imports only its own packages (the level above "
                                       "receives packages from many communes)"), from, here);
    }
    if (st == ST_OK)
        status_clear();
    free(mine);
    free(prov);
    return st;
}

enum status handoff_import(struct db *db, const char *dir, const struct transfer_import_opts *opts,
                           struct transfer_result *res, struct manifest *mout)
{
    static const struct transfer_import_opts none = {0};
    opts = opts ? opts : &none;
    struct manifest m = {0};
    enum status rc = read_verified(dir, &m, res);
    if (rc == ST_OK)
        rc = handoff_check_commune(db, &m);
    if (rc == ST_OK) {
        rc = transfer_begin(db, opts, res);
        if (rc == ST_OK)
            rc = import_files(db, dir, &m, opts, res);
        if (rc == ST_INVALID && !opts->skip_bad_rows)
            rc = csv_errors_status(&res->errs);
        rc = transfer_end(db, rc, opts, res);
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
        sealed_remove_dir(dir); /* sets no status: a failure's message stays */
    }
    return rc;
}
