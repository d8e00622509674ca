/* transfer — the drivers of CSV export and import over the record kinds. */
#include <config.h>
#include "treem/app/transfer.h"
#include "treem/app/auth.h"
#include "treem/csv/csv_write.h"
#include "treem/app/transfer_kind.h"
#include "treem/core/i18n.h"
#include "treem/core/outfile.h"
#include "treem/core/utf8.h"
#include "treem/csv/xlsx_read.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

static const char *header_text(const struct transfer_kind *k, size_t i, bool people)
{
    const struct csv_column *c = &k->csv->columns[i];
    return people && c->label && *c->label ? c->label : c->name;
}

static enum status write_header(const struct transfer_kind *k, struct csv_writer *w, bool people)
{
    enum status rc = ST_OK;
    for (size_t i = 0; rc == ST_OK && i < k->nexport; i++)
        rc = csv_write_cell(w, header_text(k, i, people));
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
    struct transfer_export x = {db, k, opts, w, 0, NULL, NULL, opts->form == TRANSFER_FORM_PEOPLE,
                                opts->anonymise ? &ps : NULL};
    enum status rc = opts->anonymise ? pseudonym_load(db, &ps) : ST_OK;
    if (rc == ST_OK)
        rc = write_header(k, w, x.people);
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

/* The workbook form of transfer_export. */
static enum status export_xlsx(struct db *db, const struct transfer_kind *k, const char *path,
                               const struct transfer_export_opts *opts, size_t *rows)
{
    struct xlsx_out *xo;
    enum status rc = xlsx_out_open(path, &xo);
    if (rc != ST_OK)
        return rc;
    struct pseudonym ps; /* an anonymised workbook hides what an anonymised CSV hides */
    struct transfer_export x = {db, k, opts, NULL, 0, NULL, xo, opts->form != TRANSFER_FORM_MACHINE,
                                opts->anonymise ? &ps : NULL};
    const char **head = malloc((k->nexport ? k->nexport : 1) * sizeof *head);
    rc = head ? xlsx_out_sheet(xo, transfer_kind_title(k)) : status_set(ST_NOMEM, "%s", _("out of memory"));
    if (rc == ST_OK && opts->anonymise)
        rc = pseudonym_load(db, &ps);
    for (size_t i = 0; head && i < k->nexport; i++)
        head[i] = header_text(k, i, x.people);
    if (rc == ST_OK)
        rc = xlsx_out_header(xo, head, k->nexport);
    free(head);
    if (rc == ST_OK)
        rc = k->export_all(&x);
    if (rows)
        *rows = x.rows;
    if (rc != ST_OK) {
        xlsx_out_discard(xo); /* sets no status: the message stays the failure's */
        return rc;
    }
    return xlsx_out_close(xo);
}

enum status transfer_export(struct db *db, const struct transfer_kind *k, const char *path,
                            const struct transfer_export_opts *opts, size_t *rows)
{
    static const struct transfer_export_opts none = {0};
    struct outfile o;
    if (xlsx_is_path(path)) {
        /* the workbook is written whole to the temporary file, then renamed */
        enum status ost = outfile_open_path(&o, path, false);
        if (ost != ST_OK)
            return ost;
        return outfile_close(&o, export_xlsx(db, k, o.tmp, opts ? opts : &none, rows));
    }
    enum status ost = outfile_open(&o, path);
    if (ost != ST_OK)
        return ost;
    return outfile_close(&o, transfer_export_stream(db, k, o.f, opts, rows));
}

static enum status fill_template(struct csv_writer *w, const void *k)
{
    return write_header(k, w, false);
}

enum status transfer_write_template(const struct transfer_kind *k, const char *path, unsigned flags)
{
    return csv_write_file(path, flags ? flags : CSV_WRITE_DEFAULT, fill_template, k);
}

/* ------------------------------------------------------------- import */

struct reader {
    struct transfer_import im;
    struct csv_map map;
    bool have_map;
    bool header_bad;
    size_t titles;          /* title lines skipped above the header */
    size_t after_header;    /* data rows read since the header */
};

#define MAX_TITLE_LINES 30

static size_t non_empty(const struct csv_row *row)
{
    size_t n = 0;
    for (size_t i = 0; i < row->nfields; i++)
        n += row->fields[i][0] != '\0';
    return n;
}

/* A title line above the header ("DANH SÁCH TRẺ EM THÔN AN LỘC"): a row of
 * at most three cells that names no column. */
static bool title_line(struct reader *r, const struct csv_row *row)
{
    bool required = false;
    if (r->titles >= MAX_TITLE_LINES || non_empty(row) > 3)
        return false;
    return csv_map_known(r->im.kind->csv, row, &required) == 0;
}

/* The row of column numbers a form puts under its header: "1", "(2)", … */
static bool number_row(const struct csv_row *row)
{
    size_t n = 0;
    for (size_t i = 0; i < row->nfields; i++) {
        const char *p = row->fields[i];
        if (!*p)
            continue;
        p += *p == '(';
        if (*p < '0' || *p > '9')
            return false;
        while (*p >= '0' && *p <= '9')
            p++;
        p += *p == ')';
        if (*p)
            return false;
        n++;
    }
    return n >= 2;
}

/* The preview of a row whose kind says no more: added or changed, and its
 * first cells. */
static enum status generic_preview(struct transfer_import *im, const struct csv_row *row, bool added)
{
    char what[300];
    size_t len = 0;
    what[0] = '\0';
    for (size_t i = 0; i < row->nfields && len < 200; i++) {
        if (!*row->fields[i])
            continue;
        int n = snprintf(what + len, sizeof what - len, "%s%.60s", len ? " | " : "", row->fields[i]);
        len = n > 0 && (size_t)n < sizeof what - len ? len + (size_t)n : sizeof what - 1;
    }
    char msg[400];
    snprintf(msg, sizeof msg, added ? _("new: %s") : _("changed: %s"), what);
    return transfer_preview(im, row->line, SIZE_MAX, "", msg);
}

/* The kind's import_row; a collaborator's row of a kind that travels only
 * from the officer is refused with the reason instead. */
static enum status kind_import_row(struct transfer_import *im, const struct csv_row *row)
{
    if (!im->kind->officer_only || !auth_village_scope())
        return im->kind->import_row(im, row);
    enum status denied = auth_require_officer(im->db, _(im->kind->officer_only));
    char msg[512];
    snprintf(msg, sizeof msg, "%s", status_message());
    status_clear();
    return denied == ST_OK ? ST_OK : transfer_bad(im, row->line, 0, "", TRANSFER_RULE_VALIDATION, msg);
}

static enum status on_row(const struct csv_row *row, void *ctx)
{
    struct reader *r = ctx;
    struct transfer_import *im = &r->im;
    if (!r->have_map && title_line(r, row)) {
        const char *title = "";
        for (size_t i = 0; i < row->nfields && !*title; i++)
            title = row->fields[i];
        r->titles++;
        return csv_errors_warn(im->errs, row->line, "", title, TRANSFER_RULE_NOTE, "%s",
                               _("a title above the header: skipped"));
    }
    if (r->have_map && r->after_header++ == 0 && number_row(row))
        return ST_OK;
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
    size_t before = im->errs->errors, added = im->counts->added, changed = im->counts->changed;
    size_t previewed = im->preview ? im->preview->warnings : 0;
    enum status rc = csv_map_check_row(&r->map, row, im->errs);
    if (rc == ST_NOMEM)
        return rc;
    if (rc == ST_OK && (rc = kind_import_row(im, row)) != ST_OK)
        return rc;
    if (im->errs->errors > before)
        im->counts->bad_rows++;
    else if (im->preview && im->preview->warnings == previewed && im->counts->added + im->counts->changed > added + changed)
        return generic_preview(im, row, im->counts->added > added);
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
    if (opts->preview && !res->preview.max)
        res->preview.max = 1000;
    struct reader r = {.im = {db, k, opts, NULL, &res->errs, &res->counts, date_today(), "",
                              NULL, NULL, NULL, opts->preview ? &res->preview : NULL}};
    read_commune(db, r.im.commune);
    enum status rc;
    if (xlsx_is_path(path)) {
        struct xlsx_read_opts xo = {opts->sheet, opts->force, opts->progress, opts->progress_ctx};
        rc = xlsx_read_file(path, &xo, on_row, &r, &res->info);
    } else {
        struct csv_read_opts ro = {0, true, opts->progress, opts->progress_ctx, true, opts->force};
        rc = csv_read_file(path, &ro, on_row, &r, &res->info);
    }
    if (rc == ST_OK && !r.have_map && r.titles)
        rc = status_set(ST_INVALID, _("%s: no header line (none of the first %zu lines names a column)"), path,
                        r.titles);
    else if (rc == ST_OK && !r.have_map)
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
    enum status rc = transfer_begin(db, opts, res);
    if (rc == ST_OK)
        rc = transfer_import_in(db, k, path, opts, res);
    return transfer_end(db, rc, opts, res);
}

enum status transfer_begin(struct db *db, const struct transfer_import_opts *opts, struct transfer_result *res)
{
    /* The write lock is tried first, so that an import refused as busy
     * makes no backup; SQLite copies a database only outside a write
     * transaction, so the lock is let go for the copy and taken again
     * (transfer_end() removes the copy if the import is refused then). */
    enum status rc = ST_OK;
    if (!opts->dry_run && !opts->no_backup) {
        rc = db_begin(db);
        db_rollback(db);
        if (rc == ST_OK)
            rc = db_backup_rotate(db, "import", -1, &res->backup);
    }
    return rc == ST_OK ? db_begin(db) : rc;
}

enum status transfer_end(struct db *db, enum status rc, const struct transfer_import_opts *opts,
                         struct transfer_result *res)
{
    if (rc == ST_OK && !opts->dry_run)
        rc = db_commit(db);
    char *msg = rc != ST_OK ? strdup(status_message()) : NULL;
    db_rollback(db);
    res->written = rc == ST_OK && !opts->dry_run;
    if (rc == ST_OK && res->backup) {
        db_backup_prune(db, BACKUPS_KEPT);
    } else if (res->backup) { /* nothing changed: the copy would only push out a good one */
        unlink(res->backup);
        free(res->backup);
        res->backup = NULL;
    }
    if (rc != ST_OK)
        transfer_nothing_imported(rc, msg ? msg : "", opts->dry_run);
    free(msg);
    return rc;
}

void transfer_nothing_imported(enum status rc, const char *msg, bool dry_run)
{
    /* Rejected rows have their own list, and the caller says it after it. */
    if (rc == ST_INVALID || dry_run)
        status_set(rc, "%s", msg);
    else
        status_set(rc, "%s; %s", msg, _("nothing was imported"));
}

void transfer_result_free(struct transfer_result *r)
{
    csv_errors_free(&r->errs);
    csv_errors_free(&r->preview);
    free(r->backup);
    memset(r, 0, sizeof *r);
}
