/* transfer — the drivers of CSV export and import over the record kinds. */
#include <config.h>
#include "treem/app/transfer.h"
#include "treem/app/transfer_kind.h"
#include "treem/app/session.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BACKUPS_KEPT 10
#define DEFAULT_MAX_ERRORS 10000

static const struct transfer_kind *const kinds[] = {
    &transfer_kind_children, &transfer_kind_periods, &transfer_kind_plans,
    &transfer_kind_targets, &transfer_kind_tasks, &transfer_kind_cases, &transfer_kind_case_steps,
    &transfer_kind_assessments,
};
#define NKINDS (sizeof kinds / sizeof *kinds)

/* Other names people type for a kind (folded, '-' and ' ' as '_'). */
static const struct { const char *alias, *kind; } kind_aliases[] = {
    {"child", "children"}, {"tre_em", "children"}, {"treem", "children"},
    {"period", "periods"}, {"groups", "periods"}, {"nhom", "periods"},
    {"plan", "plans"}, {"ke_hoach", "plans"}, {"target", "targets"}, {"chi_tieu", "targets"},
    {"task", "tasks"}, {"nhiem_vu", "tasks"},
    {"case_step", "case_steps"}, {"buoc", "case_steps"}, {"case", "cases"}, {"vu_viec", "cases"},
    {"assessment", "assessments"}, {"danh_gia", "assessments"}, {"tu_danh_gia", "assessments"},
};

const struct transfer_kind *const *transfer_kinds(size_t *n)
{
    *n = NKINDS;
    return kinds;
}

static void fold_name(const char *name, char *out, size_t size)
{
    char *f = utf8_fold(name ? name : "");
    size_t j = 0;
    for (const char *p = f ? f : ""; *p && j + 1 < size; p++)
        out[j++] = (*p == '-' || *p == ' ') ? '_' : *p;
    out[j] = '\0';
    free(f);
}

const struct transfer_kind *transfer_kind_find(const char *name)
{
    char key[64];
    fold_name(name, key, sizeof key);
    for (size_t i = 0; i < NKINDS; i++)
        if (strcmp(kinds[i]->csv->name, key) == 0)
            return kinds[i];
    for (size_t i = 0; i < sizeof kind_aliases / sizeof *kind_aliases; i++)
        if (strcmp(kind_aliases[i].alias, key) == 0)
            return transfer_kind_find(kind_aliases[i].kind);
    return NULL;
}

const struct transfer_kind *transfer_kind_for_file(const char *path)
{
    const char *base = strrchr(path, '/');
    char key[256];
    fold_name(base ? base + 1 : path, key, sizeof key);
    for (size_t i = 0; i < NKINDS; i++)
        if (strncmp(key, kinds[i]->csv->name, strlen(kinds[i]->csv->name)) == 0)
            return kinds[i];
    for (size_t i = 0; i < sizeof kind_aliases / sizeof *kind_aliases; i++)
        if (strncmp(key, kind_aliases[i].alias, strlen(kind_aliases[i].alias)) == 0)
            return transfer_kind_find(kind_aliases[i].kind);
    return NULL;
}

const char *transfer_kind_name(const struct transfer_kind *k) { return k->csv->name; }
const char *transfer_kind_title(const struct transfer_kind *k) { return _(k->csv->title); }
const struct csv_kind *transfer_kind_columns(const struct transfer_kind *k) { return k->csv; }

/* ---------------------------------------------------------- sensitive */

static transfer_sensitive_fn sensitive_fn;
static void *sensitive_ctx;

void transfer_set_sensitive_hook(transfer_sensitive_fn fn, void *ctx)
{
    sensitive_fn = fn;
    sensitive_ctx = ctx;
}

bool transfer_child_sensitive(struct db *db, long long child_id)
{
    return sensitive_fn ? sensitive_fn(db, child_id, sensitive_ctx) : true;
}

/* ------------------------------------------------------------- export */

static enum status write_header(const struct transfer_kind *k, struct csv_writer *w)
{
    enum status rc = ST_OK;
    for (size_t i = 0; rc == ST_OK && i < k->nexport; i++)
        rc = csv_write_cell(w, k->csv->columns[i].name);
    return rc == ST_OK ? csv_write_end_row(w) : rc;
}

enum status transfer_export_stream(struct db *db, const struct transfer_kind *k, FILE *f,
                                   const struct transfer_export_opts *opts, size_t *rows)
{
    static const struct transfer_export_opts none = {0};
    struct csv_writer *w = malloc(sizeof *w);
    if (!w)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    opts = opts ? opts : &none;
    csv_writer_init_file(w, f, ',', opts->flags ? opts->flags : CSV_WRITE_DEFAULT);
    struct pseudonym ps;
    struct transfer_export x = {db, k, opts, w, 0, NULL, opts->anonymise ? &ps : NULL};
    enum status rc = opts->anonymise ? pseudonym_load(db, &ps) : ST_OK;
    if (rc == ST_OK)
        rc = write_header(k, w);
    if (rc == ST_OK)
        rc = k->export_all(&x);
    enum status fl = csv_writer_flush(w);
    if (rc == ST_OK)
        rc = fl;
    if (rows)
        *rows = x.rows;
    if (opts->anonymise)
        pseudonym_clear(&ps);
    free(w);
    return rc;
}

enum status transfer_export(struct db *db, const struct transfer_kind *k, const char *path,
                            const struct transfer_export_opts *opts, size_t *rows)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return status_set(ST_IO, _("cannot write %s: %s"), path, strerror(errno));
    enum status rc = transfer_export_stream(db, k, f, opts, rows);
    if (fclose(f) != 0 && rc == ST_OK)
        rc = status_set(ST_IO, _("cannot write %s: %s"), path, strerror(errno));
    if (rc != ST_OK)
        remove(path);
    return rc;
}

enum status transfer_write_template(const struct transfer_kind *k, const char *path, unsigned flags)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return status_set(ST_IO, _("cannot write %s: %s"), path, strerror(errno));
    struct csv_writer *w = malloc(sizeof *w);
    enum status rc = w ? ST_OK : status_set(ST_NOMEM, "%s", _("out of memory"));
    if (w) {
        csv_writer_init_file(w, f, ',', flags ? flags : CSV_WRITE_DEFAULT);
        rc = write_header(k, w);
        enum status fl = csv_writer_flush(w);
        rc = rc == ST_OK ? fl : rc;
        free(w);
    }
    if (fclose(f) != 0 && rc == ST_OK)
        rc = status_set(ST_IO, _("cannot write %s: %s"), path, strerror(errno));
    return rc;
}

/* ------------------------------------------------------------- import */

struct reader {
    struct transfer_import im;
    struct csv_map map;
    bool have_map;
    bool header_bad;
};

static enum status on_row(const struct csv_row *row, void *ctx)
{
    struct reader *r = ctx;
    struct transfer_import *im = &r->im;
    if (!r->have_map) {
        r->have_map = true;
        enum status rc = csv_map_build(&r->map, im->kind->csv, row, 0, im->errs);
        im->map = &r->map;
        if (rc == ST_NOMEM)
            return rc;
        r->header_bad = rc != ST_OK;
        return ST_OK;
    }
    if (r->header_bad)
        return ST_OK;
    im->counts->rows++;
    size_t before = im->errs->errors;
    enum status rc = csv_map_check_row(&r->map, row, im->errs);
    if (rc == ST_NOMEM)
        return rc;
    if (rc == ST_OK && (rc = im->kind->import_row(im, row)) != ST_OK)
        return rc;
    if (im->errs->errors > before)
        im->counts->bad_rows++;
    return ST_OK;
}

static void read_commune(struct db *db, char out[8])
{
    char *code = NULL;
    out[0] = '\0';
    if (db_setting_get(db, "commune_code", &code) == ST_OK && code)
        snprintf(out, 8, "%s", code);
    free(code);
}

enum status transfer_import_in(struct db *db, const struct transfer_kind *k, const char *path,
                               const struct transfer_import_opts *opts, struct transfer_result *res)
{
    static const struct transfer_import_opts none = {0};
    opts = opts ? opts : &none;
    if (!res->errs.max)
        res->errs.max = opts->max_errors ? opts->max_errors : DEFAULT_MAX_ERRORS;
    size_t errors_before = res->errs.errors;
    struct reader r = {.im = {db, k, opts, NULL, &res->errs, &res->counts, date_today(), "",
                              session_user(db), NULL, NULL, NULL}};
    read_commune(db, r.im.commune);
    struct csv_read_opts ro = {0, true, opts->progress, opts->progress_ctx, true};
    enum status rc = csv_read_file(path, &ro, on_row, &r, &res->info);
    if (rc == ST_OK && !r.have_map)
        rc = status_set(ST_INVALID, _("%s: the file is empty (no header line)"), path);
    if (r.have_map)
        csv_map_free(&r.map);
    if (r.im.finish) {
        enum status fin = r.im.finish(&r.im);
        rc = rc == ST_OK ? fin : rc;
    }
    if (k->done)
        k->done(&r.im);
    transfer_seen_free(r.im.seen);
    if (rc == ST_INVALID && !res->errs.errors) /* malformed CSV: into the list too */
        csv_errors_add(&res->errs, 0, path, "", CSV_RULE_MALFORMED, "%s", status_message());
    if (rc != ST_OK)
        return rc;
    if (res->errs.errors > errors_before && (!opts->skip_bad_rows || r.header_bad))
        return csv_errors_status(&res->errs);
    return ST_OK;
}

enum status transfer_import(struct db *db, const struct transfer_kind *k, const char *path,
                            const struct transfer_import_opts *opts, struct transfer_result *res)
{
    static const struct transfer_import_opts none = {0};
    opts = opts ? opts : &none;
    enum status rc = ST_OK;
    if (!opts->dry_run && !opts->no_backup)
        rc = db_backup_rotate(db, "import", BACKUPS_KEPT, &res->backup);
    if (rc == ST_OK)
        rc = db_begin(db);
    if (rc != ST_OK)
        return rc;
    rc = transfer_import_in(db, k, path, opts, res);
    if (rc == ST_OK && !opts->dry_run) {
        rc = db_commit(db);
        res->written = rc == ST_OK;
        return rc;
    }
    char *msg = rc != ST_OK ? strdup(status_message()) : NULL;
    db_rollback(db);
    if (msg) {
        status_set(rc, "%s", msg);
        free(msg);
    }
    return rc;
}

void transfer_result_free(struct transfer_result *r)
{
    csv_errors_free(&r->errs);
    free(r->backup);
    memset(r, 0, sizeof *r);
}
