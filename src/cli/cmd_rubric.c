/* cmd_rubric — treem rubric: show the active rule set, correct its bands and
 * maxima, import and export rubric CSV files. */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/cli/cli_args.h"
#include "treem/app/rubric_edit.h"
#include "treem/app/rubric_load.h"
#include "treem/app/score.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/db/rubric_repo.h"
#include "treem/model/rubric_text.h"

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rubric_opts {
    const char *indicator, *from, *to, *points, *source, *name;
    const char *file;      /* import and export: the one FILE */
    int criterion;
    int complete;          /* -1 unchanged, 0, 1 */
    bool remove;           /* band-del */
    bool activate;
    /* made by the checks of band-set/band-del and max-set */
    struct rubric_band band;
    bool mark_only;        /* band-set: only --complete / --incomplete */
    double max;
    bool max_known;
};

#define RO(field) offsetof(struct rubric_opts, field)
static const struct cli_opt rubric_long[] = {
    {"indicator", CLI_STR, .at = RO(indicator), .key = 'i'},
    {"from", CLI_STR, .at = RO(from), .key = 'f'},
    {"to", CLI_STR, .at = RO(to), .key = 't'},
    {"points", CLI_STR, .at = RO(points), .key = 'p'},
    {"source", CLI_STR, .at = RO(source), .key = 's'},
    {"complete", CLI_SET, .at = RO(complete), .value = 1},
    {"incomplete", CLI_SET, .at = RO(complete), .value = 0},
    {"criterion", CLI_INT, .at = RO(criterion), .key = 'c', .lo = 1, .hi = 1000,
     .bad = N_("--criterion: '%s' is not a criterion number")},
    {"name", CLI_STR, .at = RO(name), .key = 'n'},
    {"activate", CLI_FLAG, .at = RO(activate)},
    {0},
};
#undef RO

/* Parses options after the subcommand, then one FILE when want_file, else
 * nothing. 0 or the exit status. */
static int parse_opts(const struct cli_command *self, int argc, char **argv,
                      struct rubric_opts *o, bool want_file)
{
    o->complete = -1;
    int rc = cli_read_opts(self, argc, argv, 0, rubric_long, CLI_IN_ORDER | CLI_BAD_USAGE, o, NULL);
    if (rc)
        return rc;
    if (want_file ? optind + 1 != argc : optind != argc)
        return cli_usage(self, "%s", want_file ? _("expected one FILE") : _("unexpected argument"));
    o->file = want_file ? argv[optind] : NULL;
    return 0;
}

static void show_indicator(const struct rubric_indicator *ind)
{
    printf("  %s  %s\n", ind->code, ind->text);
    printf("        %s: %s%s%s", _("measured as"), rubric_kind_label(ind->kind),
           ind->unit ? " " : "", ind->unit ? ind->unit : "");
    const struct measure_info *m = measure_info(measure_from_code(ind->measure));
    if (m)
        printf(" · %s: %s", _("computed"), _(m->label));
    if (ind->department)
        printf(" · %s", ind->department);
    printf("\n");
    for (size_t j = 0; j < ind->nbands; j++) {
        const struct rubric_band *b = &ind->bands[j];
        char iv[64], pts[RUBRIC_TEXT_NUM_BUF];
        rubric_text_interval(b, iv, sizeof iv);
        if (ind->kind == RUBRIC_YES_NO && b->has_lo && b->has_hi && b->lo == b->hi)
            snprintf(iv, sizeof iv, "%s", b->lo >= 0.5 ? _("yes") : _("no"));
        rubric_text_num(ind->bands[j].points, pts);
        printf("        %s → %s %s", iv, pts, _("points"));
        if (ind->bands[j].source)
            printf("  [%s]", ind->bands[j].source);
        printf("\n");
    }
    printf("        %s\n", ind->bands_known ? _("scale complete")
                                            : _("scale INCOMPLETE: bands missing"));
    if (ind->source)
        printf("        %s: %s\n", _("source"), ind->source);
}

static void show_rubric(const struct rubric *r, const char *only)
{
    printf("%s%s\n", r->name, r->active ? _(" (active)") : "");
    if (r->source && !only)
        printf("%s: %s\n", _("source"), r->source);
    for (size_t i = 0; i < r->nthr && !only; i++) {
        char min[RUBRIC_TEXT_NUM_BUF];
        rubric_text_num(r->thr[i].min_total, min);
        printf(_("Class %s: at least %s points — %s\n"), r->thr[i].class_code, min, r->thr[i].label);
    }
    if (r->no_zero_rule && !only)
        printf("%s\n", _("No criterion may score 0."));
    for (size_t i = 0; i < r->ncrit; i++) {
        const struct rubric_criterion *c = &r->crit[i];
        char max[RUBRIC_TEXT_NUM_BUF] = "?";
        if (c->max_known)
            rubric_text_num(c->max_points, max);
        if (!only)
            printf(_("\nCriterion %d. %s (maximum %s)\n"), c->number, c->name, max);
        for (size_t k = 0; k < r->nind; k++)
            if (r->ind[k].criterion == c->number && (!only || strcmp(only, r->ind[k].code) == 0))
                show_indicator(&r->ind[k]);
    }
}

static int rubric_show(struct db *db, const void *rec)
{
    const struct rubric_opts *o = rec;
    struct rubric r;
    long long id;
    enum status st = o->name ? rubric_repo_find(db, o->name, &id) : rubric_repo_active(db, &id);
    if (st == ST_OK)
        st = rubric_repo_load(db, id, &r);
    if (st == ST_OK && o->indicator && !rubric_find_indicator(&r, o->indicator)) {
        st = status_set(ST_NOTFOUND, _("indicator %s is not in the rule set %s"), o->indicator, r.name);
        rubric_free(&r);
    }
    if (st == ST_OK) {
        show_rubric(&r, o->indicator);
        rubric_free(&r);
    }
    return st == ST_OK ? 0 : cli_fail();
}

/* band-set / band-del: the band named by --from/--to (and --points). */
static enum status band_from_opts(const struct rubric_opts *o, bool need_points, struct rubric_band *b)
{
    memset(b, 0, sizeof *b);
    enum status st = rubric_text_parse_bound(o->from, false, "--from", b);
    if (st == ST_OK)
        st = rubric_text_parse_bound(o->to, true, "--to", b);
    if (st == ST_OK && need_points && !rubric_text_parse_number(o->points, &b->points))
        st = status_set(ST_INVALID, _("--points: '%s' is not a number"), o->points ? o->points : "");
    b->source = (char *)o->source;
    return st;
}

static int band_check(const struct cli_command *self, struct rubric_opts *o)
{
    if (!o->indicator)
        return cli_usage(self, "%s", _("--indicator CODE is required"));
    o->mark_only = !o->remove && !o->points && !o->from && !o->to;
    if (o->mark_only && o->complete < 0)
        return cli_usage(self, "%s", _("give --points (with --from/--to), or --complete / --incomplete"));
    return band_from_opts(o, !o->remove && !o->mark_only, &o->band) == ST_OK ? 0 : cli_fail();
}

static int rubric_band(struct db *db, const void *rec)
{
    const struct rubric_opts *o = rec;
    enum status st;
    if (o->remove)
        st = rubric_edit_band_remove(db, o->indicator, &o->band);
    else if (o->mark_only)
        st = rubric_edit_set_complete(db, o->indicator, o->complete == 1);
    else
        st = rubric_edit_band_put(db, o->indicator, &o->band, o->complete);
    return cli_done(st, _("Scale of indicator %s saved.\n"), o->indicator);
}

static int max_check(const struct cli_command *self, struct rubric_opts *o)
{
    o->max_known = o->points && *o->points;
    if (!o->criterion)
        return cli_usage(self, "%s", _("--criterion N is required"));
    if (o->max_known && !rubric_text_parse_number(o->points, &o->max))
        return cli_usage(self, _("--points: '%s' is not a number"), o->points);
    return 0;
}

static int rubric_max(struct db *db, const void *rec)
{
    const struct rubric_opts *o = rec;
    enum status st = rubric_edit_set_max(db, o->criterion, o->max_known, o->max, o->source);
    return cli_done(st, _("Maximum of criterion %d saved.\n"), o->criterion);
}

static int rubric_import(struct db *db, const void *rec)
{
    const struct rubric_opts *o = rec;
    struct rubric_import res;
    enum status st = rubric_load_import(db, o->file, o->activate, &res);
    if (st != ST_OK)
        return cli_fail();
    printf(res.created ? _("Rule set '%s' imported: %zu parts created.\n")
                       : _("Rule set '%s' updated: %zu parts created, %zu fields changed, "
                           "%zu parts removed (%zu values removed).\n"),
           res.name, res.stats.created, res.stats.changed, res.stats.removed,
           res.stats.values_removed);
    if (res.activated)
        printf(_("'%s' is now the active rule set.\n"), res.name);
    free(res.name);
    return 0;
}

static int rubric_export(struct db *db, const void *rec)
{
    const struct rubric_opts *o = rec;
    enum status st = rubric_load_export(db, o->name, o->file);
    return cli_done(st, _("Rule set written to %s.\n"), o->file);
}

typedef int (*rubric_check)(const struct cli_command *, struct rubric_opts *);
typedef int (*rubric_act)(struct db *, const void *);

/* Every sub-command reads the same options (and import and export a FILE),
 * checks them (check, when there is one), then acts on the database;
 * band-del is band-set removing. */
static int rubric_run(const struct cli_env *env, const struct cli_command *self, int argc,
                      char **argv, rubric_check check, rubric_act act, bool want_file, bool remove)
{
    struct rubric_opts o = {.remove = remove};
    int rc = parse_opts(self, argc, argv, &o, want_file);
    if (rc == 0 && check)
        rc = check(self, &o);
    return rc ? rc : cli_with_db(env, act, &o);
}
static CLI_SUB_FN(run_show, rubric_run(env, self, argc, argv, NULL, rubric_show, false, false))
static CLI_SUB_FN(run_band_set, rubric_run(env, self, argc, argv, band_check, rubric_band, false, false))
static CLI_SUB_FN(run_band_del, rubric_run(env, self, argc, argv, band_check, rubric_band, false, true))
static CLI_SUB_FN(run_max_set, rubric_run(env, self, argc, argv, max_check, rubric_max, false, false))
static CLI_SUB_FN(run_import, rubric_run(env, self, argc, argv, NULL, rubric_import, true, false))
static CLI_SUB_FN(run_export, rubric_run(env, self, argc, argv, NULL, rubric_export, true, false))

const struct cli_sub cmd_rubric_subs[] = {
    {"", run_show, "[--name NAME] [--indicator CODE] (as show)"},
    {"show", run_show, "[--name NAME] [--indicator CODE]"},
    {"band-set", run_band_set, "--indicator CODE --from '>=X' --to '<Y' --points P --source TEXT "
     "[--complete|--incomplete] | --indicator CODE --complete|--incomplete"},
    {"band-del", run_band_del, "--indicator CODE --from '>=X' --to '<Y'"},
    {"max-set", run_max_set, "--criterion N --points P [--source TEXT]"},
    {"import", run_import, "FILE [--activate]"},
    {"export", run_export, "FILE [--name NAME]"},
    {NULL, NULL, NULL},
};
