/* cmd_transfer — `treem export`, `treem import`, `treem handoff` and
 * `treem columns`: CSV files and hand-off packages (app/transfer.h,
 * app/handoff.h). */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/cli/cli_args.h"
#include "treem/app/children.h"
#include "treem/app/handoff.h"
#include "treem/app/sealed.h"
#include "treem/cli/cli_secret.h"
#include "treem/app/transfer.h"
#include "treem/core/i18n.h"
#include "treem/csv/csv_legacy.h"
#include "treem/csv/csv_write.h"

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SHOWN_ERRORS 5

static bool show_progress(size_t done, size_t total, void *ctx)
{
    (void)ctx;
    if (total)
        fprintf(stderr, "\r%s %3d%%", _("reading"), (int)(done * 100 / total));
    if (done >= total)
        fputc('\n', stderr);
    return true;
}

static int unknown_kind(const struct cli_command *self, const char *name)
{
    return cli_usage(self, _("unknown kind '%s' (children, periods, plans, targets, tasks, cases, case_steps, assessments)"), name);
}

/* CLI_SET writes an int */
_Static_assert(sizeof(enum transfer_form) == sizeof(int), "--people and --codes set an int");

int cmd_export(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    static const struct cli_opt opts[] = {
        {"plain", CLI_SET, .at = offsetof(struct transfer_export_opts, flags), .value = CSV_WRITE_PLAIN},
        {"anonymise", CLI_FLAG, .at = offsetof(struct transfer_export_opts, anonymise)},
        {"people", CLI_SET, .at = offsetof(struct transfer_export_opts, form), .value = TRANSFER_FORM_PEOPLE},
        {"codes", CLI_SET, .at = offsetof(struct transfer_export_opts, form), .value = TRANSFER_FORM_MACHINE},
        {0},
    };
    struct transfer_export_opts xo = {0};
    int bad = cli_read_opts(self, argc, argv, 0, opts, 0, &xo, NULL);
    if (bad)
        return bad;
    if (argc - optind != 2)
        return cli_usage(self, "%s", _("give a kind and a file"));
    const struct transfer_kind *k = transfer_kind_find(argv[optind]);
    if (!k)
        return unknown_kind(self, argv[optind]);
    struct db *db;
    size_t rows = 0;
    if (cli_open(env, &db) != ST_OK)
        return cli_fail();
    enum status rc = transfer_export(db, k, argv[optind + 1], &xo, &rows);
    db_close(db);
    return cli_done(rc, _("%zu rows of %s written to %s\n"), rows, transfer_kind_title(k), argv[optind + 1]);
}

static void print_result(const struct transfer_result *r, bool dry)
{
    const struct transfer_counts *c = &r->counts;
    printf(_("rows read: %zu\nadded: %zu\nchanged: %zu\nunchanged: %zu\nkept ours (newer here): %zu\n"
             "conflicts: %zu\nbad rows: %zu\nvillages added: %zu\n"),
           c->rows, c->added, c->changed, c->unchanged, c->kept_local, c->conflicts, c->bad_rows,
           c->villages_added);
    if (r->errs.warnings)
        printf(_("notes: %zu\n"), r->errs.warnings);
    if (r->info.xlsx)
        printf(_("file: workbook, sheet \"%s\"%s%s\n"), r->info.sheet, r->info.font ? _(", names converted from ") : "",
               r->info.font ? csv_font_name((enum csv_font)r->info.font) : "");
    else if (r->info.bytes && r->info.font)
        printf(_("file: %s, names in the %s font (converted), separator '%s'%s\n"),
               csv_encoding_name(r->info.encoding), csv_font_name((enum csv_font)r->info.font),
               r->info.sep == '\t' ? "\\t" : (char[]){r->info.sep, 0}, r->info.bom ? _(", with BOM") : "");
    else if (r->info.bytes)
        printf(_("file: %s, separator '%s'%s\n"), csv_encoding_name(r->info.encoding),
               r->info.sep == '\t' ? "\\t" : (char[]){r->info.sep, 0}, r->info.bom ? _(", with BOM") : "");
    if (dry)
        printf("%s\n", _("dry run: nothing was changed"));
    else if (r->written)
        printf("%s\n", _("saved"));
    if (r->backup)
        printf(_("backup: %s\n"), r->backup);
}

static void print_errors(const struct csv_errors *e)
{
    size_t shown = 0;
    for (size_t i = 0; i < e->n && shown < SHOWN_ERRORS; i++) {
        if (e->items[i].warning)
            continue;
        fprintf(stderr, _("  line %zu, %s: %s\n"), e->items[i].line, e->items[i].column, e->items[i].message);
        shown++;
    }
}

struct import_args {
    struct transfer_import_opts o;
    const char *errors;
    bool progress;
};

static enum status encoding_opt(void *rec, const struct cli_opt *opt, const char *arg)
{
    struct import_args *a = rec;
    (void)opt;
    if (!csv_force_parse(arg, &a->o.force))
        return status_set(ST_INVALID, _("--encoding: '%s' is not one of tcvn3, vni, cp1258, utf-8"), arg);
    return ST_OK;
}

#define IA(field) offsetof(struct import_args, field)
static const struct cli_opt import_opts[] = {
    {"dry-run", CLI_FLAG, .at = IA(o.dry_run)},
    {"errors", CLI_STR, .at = IA(errors)},
    {"skip-bad-rows", CLI_FLAG, .at = IA(o.skip_bad_rows)},
    {"prefer-newer", CLI_FLAG, .at = IA(o.prefer_newer)},
    {"progress", CLI_FLAG, .at = IA(progress)},
    {"encoding", CLI_CALL, .call = encoding_opt},
    {"sheet", CLI_STR, .at = IA(o.sheet)},
    {0},
};
#undef IA

int cmd_import(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    struct import_args a = {0};
    int bad = cli_read_opts(self, argc, argv, 0, import_opts, CLI_BAD_USAGE, &a, NULL);
    if (bad)
        return bad;
    if (a.progress || isatty(2))
        a.o.progress = show_progress;
    int left = argc - optind;
    const char *path = left >= 1 ? argv[argc - 1] : NULL;
    bool sealed = path && left == 1 && sealed_is_sealed(path);
    bool package = path && left == 1 && (sealed || handoff_is_package(path));
    const struct transfer_kind *k = left == 2 ? transfer_kind_find(argv[optind]) : NULL;
    if (left == 1 && !package && !(k = transfer_kind_for_file(path)))
        return cli_usage(self, "%s", _("give a kind and a file, or a hand-off package directory"));
    if (left < 1 || left > 2 || (!package && !k))
        return left == 2 ? unknown_kind(self, argv[optind]) : cli_usage(self, "%s", _("give a kind and a file"));
    char *pass = sealed ? cli_secret("TREEM_PASSPHRASE", _("Passphrase of the package: "), false) : NULL;
    if (sealed && !pass)
        return 1;
    struct db *db;
    if (cli_open(env, &db) != ST_OK) {
        cli_secret_free(pass);
        return cli_fail();
    }
    struct transfer_result r = {0};
    enum status rc = sealed    ? handoff_import_sealed(db, path, pass, &a.o, &r, NULL)
                     : package ? handoff_import(db, path, &a.o, &r, NULL)
                               : transfer_import(db, k, path, &a.o, &r);
    cli_secret_free(pass);
    char *msg = rc != ST_OK ? strdup(status_message()) : NULL;
    long long waiting = 0;
    if (rc != ST_OK || a.o.dry_run || children_index_waiting(db, &waiting) != ST_OK)
        waiting = 0;
    db_close(db);
    if (a.errors && (r.errs.errors || r.errs.warnings) && csv_errors_save(&r.errs, a.errors, CSV_WRITE_DEFAULT) != ST_OK)
        fprintf(stderr, "treem: %s\n", status_message());
    /* Counts only of what was saved (or, in a dry run, would be): after a
     * failure nothing was, whatever the rows read so far said. */
    if (rc == ST_OK || a.o.dry_run)
        print_result(&r, a.o.dry_run);
    if (waiting > 0)
        printf(_("search index: %lld children wait for it (treem reindex; searches find them meanwhile)\n"),
               waiting);
    int ret = 0;
    if (rc != ST_OK) {
        fprintf(stderr, "treem: %s\n", msg ? msg : "");
        print_errors(&r.errs);
        if ((rc == ST_INVALID || sealed) && !a.o.dry_run) /* else the message says it */
            fprintf(stderr, "%s\n", _("nothing was imported"));
        ret = 1;
    }
    free(msg);
    transfer_result_free(&r);
    return ret;
}

struct handoff_args {
    struct handoff_opts ho;
    const char *out;
    bool encrypt;
};

#define HA(field) offsetof(struct handoff_args, field)
static const struct cli_opt handoff_opts[] = {
    {"out", CLI_STR, .at = HA(out)},
    {"from", CLI_DATE, .at = HA(ho.from)},
    {"to", CLI_DATE, .at = HA(ho.to)},
    {"anonymise", CLI_FLAG, .at = HA(ho.anonymise)},
    {"plain", CLI_SET, .at = HA(ho.flags), .value = CSV_WRITE_PLAIN},
    {"with-names", CLI_NOT, .at = HA(ho.anonymise)},
    {"encrypt", CLI_FLAG, .at = HA(encrypt)},
    {0},
};
#undef HA

int cmd_handoff(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    struct handoff_args h = {.ho = {.anonymise = true}}; /* anonymised unless --with-names */
    int bad = cli_read_opts(self, argc, argv, 0, handoff_opts, CLI_BAD_2, &h, NULL);
    if (bad)
        return bad;
    bool encrypt = h.encrypt;
    const struct handoff_opts ho = h.ho;
    const char *out = h.out;
    if (!out || optind != argc)
        return cli_usage(self, "%s", _("give --out DIR"));
    char *pass = NULL;
    if (encrypt) {
        pass = cli_secret("TREEM_PASSPHRASE", _("Passphrase to seal the package: "), true);
        if (!pass)
            return 1;
        if (sealed_passphrase_check(pass) != ST_OK) {
            cli_secret_free(pass);
            return cli_fail();
        }
    }
    struct db *db;
    if (cli_open(env, &db) != ST_OK) {
        cli_secret_free(pass);
        return cli_fail();
    }
    struct manifest m = {0};
    enum status rc = encrypt ? handoff_write_sealed(db, out, &ho, pass, &m) : handoff_write(db, out, &ho, &m);
    cli_secret_free(pass);
    db_close(db);
    if (rc != ST_OK)
        return cli_fail();
    for (size_t i = 0; i < m.nfiles; i++)
        printf(_("%s: %zu rows\n"), m.files[i].name, m.files[i].rows);
    printf(encrypt ? _("package sealed with the passphrase in %s\n") : _("package written to %s\n"), out);
    puts(ho.anonymise ? _("anonymised: children whose identity the law protects appear under pseudonyms; "
                          "notes of cases and steps left out")
                      : _("WITH NAMES: children whose identity the law protects are named in this package; "
                          "keep it as confidential as the register (Nghị định 56/2017 Điều 24)"));
    manifest_free(&m);
    return 0;
}
