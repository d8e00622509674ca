/* cmd_province — the level above: treem init --province CODE, treem
 * receive DIR…, treem communes (the Tổng hợp). */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/cli/cli_args.h"
#include "treem/app/province.h"
#include "treem/app/session.h"
#include "treem/core/date.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"
#include "treem/db/db_files.h"

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cmd_init_province(const struct cli_env *env, const char *code)
{
    bool existed = access(env->db_path, F_OK) == 0;
    struct db *db;
    if (session_open(env->db_path, true, &db) != ST_OK)
        return cli_fail();
    struct province p = {0};
    enum status st = db_begin(db);
    if (st == ST_OK) {
        st = province_setup(db, code);
        if (st == ST_OK)
            st = db_commit(db);
        else
            db_rollback(db);
    }
    if (st == ST_OK)
        st = province_current(db, &p);
    int rc = 0;
    if (st != ST_OK) {
        rc = cli_fail();
    } else {
        printf(_("%s is the level-above database for %s (%s); the communes' databases go in "
                 "%s.communes/\n"), env->db_path, p.name, p.code, env->db_path);
    }
    province_free(&p);
    db_close(db);
    if (st != ST_OK && !existed)
        db_remove_files(env->db_path);
    return rc;
}

/* Text from a package for the terminal: control characters become '?'. */
static const char *safe(const char *in, char *out, size_t n)
{
    size_t k = 0;
    for (const char *p = in ? in : ""; *p && k + 1 < n; p++)
        out[k++] = (unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p;
    out[k] = '\0';
    return out;
}

static void print_receipt(const char *dir, const struct province_receipt *r, bool dry)
{
    const struct transfer_counts *c = &r->res.counts;
    char by[256];
    printf(_("%s: %s (%s), made on %s by %s%s\n"), dir, r->commune.full_name, r->commune.code,
           r->manifest.created_at, safe(r->manifest.created_by, by, sizeof by),
           r->first ? _(", first package") : "");
    printf(_("  rows read: %zu, added: %zu, changed: %zu, unchanged: %zu, kept ours: %zu, "
             "conflicts: %zu\n"), c->rows, c->added, c->changed, c->unchanged, c->kept_local,
           c->conflicts);
    if (dry)
        printf("  %s\n", _("dry run: nothing was changed"));
}

static void print_problems(const struct csv_errors *e)
{
    for (size_t i = 0; i < e->n && i < 20; i++)
        fprintf(stderr, _("  line %zu, %s: %s\n"), e->items[i].line, e->items[i].column,
                e->items[i].message);
}

static const struct cli_opt receive_opts[] = {
    {"dry-run", CLI_FLAG, .at = offsetof(struct transfer_import_opts, dry_run)},
    {"prefer-newer", CLI_FLAG, .at = offsetof(struct transfer_import_opts, prefer_newer)},
    {0},
};

/* treem receive DIR… [--dry-run] [--prefer-newer]: each package on its own
 * (all or nothing per package); the exit code says whether all came in. */
int cmd_receive(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    struct transfer_import_opts o = {0};
    int bad = cli_read_opts(self, argc, argv, 0, receive_opts, 0, &o, NULL);
    if (bad)
        return bad;
    if (optind >= argc)
        return cli_usage(self, "%s", _("give one or more package directories"));
    struct db *db;
    if (cli_open(env, &db) != ST_OK)
        return cli_fail();
    if (!province_is(db)) {
        db_close(db);
        fprintf(stderr, "treem: %s\n", _("this is not a level-above database (treem init --province CODE)"));
        return 1;
    }
    int failed = 0;
    for (int i = optind; i < argc; i++) {
        struct province_receipt r = {0};
        enum status st = province_receive(db, argv[i], &o, &r);
        if (st == ST_OK) {
            print_receipt(argv[i], &r, o.dry_run);
        } else {
            fprintf(stderr, "treem: %s: %s\n", argv[i], status_message());
            print_problems(&r.res.errs);
            failed++;
        }
        province_receipt_free(&r);
    }
    db_close(db);
    if (failed)
        fprintf(stderr, _("treem: %d of %d packages not received\n"), failed, argc - optind);
    return failed ? 1 : 0;
}

/* text padded (or cut) to cols display columns */
static void cell(const char *text, int cols, bool right)
{
    char buf[512];
    utf8_truncate(text, cols, buf, sizeof buf);
    int pad = cols - utf8_width(buf);
    if (right)
        printf("%*s%s ", pad > 0 ? pad : 0, "", buf);
    else
        printf("%s%*s ", buf, pad > 0 ? pad : 0, "");
}

int cmd_communes(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    struct db *db;
    int bad = cli_open_args(env, self, argc, argv, 1, &db);
    if (bad)
        return bad;
    struct commune_summary *s;
    size_t n;
    enum status st = province_summary(db, date_today(), &s, &n);
    db_close(db);
    if (st != ST_OK)
        return cli_fail();
    /* 80 columns: the period and who made the package on a second line */
    cell(_("Code"), 5, false), cell(_("Commune"), 22, false), cell(_("Package"), 10, false);
    cell(_("Children"), 6, true), cell(_("Special"), 5, true), cell(_("Open"), 4, true);
    cell(_("Late steps"), 4, true), cell(_("Points"), 5, true);
    printf("%s\n", _("Verdict / state"));
    size_t got = 0, late = 0;
    for (size_t i = 0; i < n; i++) {
        struct commune_summary_text t;
        commune_summary_format(&s[i], &t);
        got += s[i].received;
        late += s[i].received && s[i].late;
        cell(s[i].code, 5, false), cell(s[i].name, 22, false), cell(t.made, 10, false);
        cell(t.children, 6, true), cell(t.special, 5, true), cell(t.open_cases, 4, true);
        cell(t.overdue, 4, true), cell(t.total, 5, true);
        if (s[i].received)
            printf("%s%s%s\n", t.verdict, t.state[0] ? " — " : "", t.state);
        else
            printf("%s\n", t.state);
        char by[256];
        if (s[i].received)
            printf("      %s %s, %s %s\n", _("period"), t.period, _("made by"),
                   safe(s[i].made_by, by, sizeof by));
    }
    printf(_("%zu communes: %zu sent a package (%zu late), %zu sent none\n"), n, got, late, n - got);
    commune_summary_free(s, n);
    return 0;
}
