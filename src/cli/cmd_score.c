/* cmd_score — treem score: the yearly scoring sheet, typing values and
 * evidence, choosing the recognition class, storing computed values. */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/cli/cli_args.h"
#include "treem/app/commune.h"
#include "treem/app/score.h"
#include "treem/app/score_csv.h"
#include "treem/core/date.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/core/utf8.h"
#include "treem/model/rubric_text.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct score_opts {
    int year;
    const char *class_code, *csv, *indicator, *value, *evidence, *department;
    bool clear_class, no_compare;
};

#define SO(field) offsetof(struct score_opts, field)
static const struct cli_opt score_long[] = {
    {"year", CLI_INT, .at = SO(year), .key = 'y', .lo = 2000, .hi = 2100,
     .bad = N_("--year: '%s' is not a year between 2000 and 2100")},
    {"class", CLI_STR, .at = SO(class_code), .key = 'c'},
    {"no-class", CLI_FLAG, .at = SO(clear_class)},
    {"csv", CLI_STR, .at = SO(csv), .key = 'o'},
    {"indicator", CLI_STR, .at = SO(indicator), .key = 'i'},
    {"value", CLI_STR, .at = SO(value), .key = 'v'},
    {"evidence", CLI_STR, .at = SO(evidence), .key = 'e'},
    {"department", CLI_STR, .at = SO(department), .key = 'd'},
    {"no-compare", CLI_FLAG, .at = SO(no_compare)},
    {0},
};
#undef SO

/* Prints s padded with spaces to `cols` display columns. */
static void put_padded(const char *s, int cols)
{
    int w = utf8_width(s);
    fputs(s, stdout);
    for (; w < cols; w++)
        putchar(' ');
}

static int parse_opts(const struct cli_command *self, int argc, char **argv, struct score_opts *o)
{
    int rc = cli_read_opts(self, argc, argv, 0, score_long, CLI_IN_ORDER | CLI_ALONE | CLI_BAD_USAGE,
                           o, NULL);
    if (rc == 0 && !o->year)
        o->year = date_today().y;
    return rc;
}

static const char *points_text(const struct rubric_ind_score *is, char buf[RUBRIC_TEXT_NUM_BUF])
{
    if (is->state == RUBRIC_IND_NO_SCALE)
        return "?";
    if (is->state == RUBRIC_IND_NO_VALUE)
        return "—";
    rubric_text_num(is->points, buf);
    return buf;
}

/* The second line of an indicator: where the value comes from, who, evidence. */
static void print_detail(const struct score_sheet *s, size_t i)
{
    const struct rubric_indicator *ind = &s->rubric.ind[i];
    const struct score_line *l = &s->line[i];
    const struct rubric_ind_score *is = &s->score.ind[i];
    char value[64];
    printf("         %s", l->has_value ? score_origin_label(l->origin) : _("no value yet"));
    if (l->department)
        printf(" · %s", l->department);
    if (l->computed_ok && l->origin != SCORE_COMPUTED) {
        score_value_text(ind, true, l->computed, value, sizeof value);
        printf(" · %s: %s", _("computed from the register"), value);
    }
    if (l->computed_ok && l->basis[0])
        printf(" (%s)", l->basis);
    if (!l->has_value && l->measurable && !l->computed_ok)
        printf(" · %s", _("not computable yet — type the value"));
    if (l->evidence[0])
        printf(" · %s: %s", _("evidence"), l->evidence);
    if (is->state == RUBRIC_IND_NO_SCALE) {
        char *bands = rubric_text_bands(ind);
        printf(" · %s", _("no scale yet"));
        if (bands && ind->nbands)
            printf(" (%s: %s)", _("known bands"), bands);
        free(bands);
    }
    putchar('\n');
}

static void print_indicator(const struct score_sheet *s, size_t i)
{
    const struct rubric_indicator *ind = &s->rubric.ind[i];
    const struct score_line *l = &s->line[i];
    char value[64], pts[RUBRIC_TEXT_NUM_BUF];
    score_value_text(ind, l->has_value, l->value, value, sizeof value);
    printf("  ");
    put_padded(ind->code, 6);
    put_padded(l->has_value ? value : "—", 14);
    put_padded(points_text(&s->score.ind[i], pts), 6);
    printf(" %s\n", ind->text);
    print_detail(s, i);
}

static void print_criterion(const struct score_sheet *s, size_t i)
{
    const struct rubric_criterion *c = &s->rubric.crit[i];
    const struct rubric_crit_score *cs = &s->score.crit[i];
    char pts[RUBRIC_TEXT_NUM_BUF], max[RUBRIC_TEXT_NUM_BUF] = "?";
    rubric_text_num(cs->points, pts);
    if (c->max_known)
        rubric_text_num(c->max_points, max);
    printf(_("Criterion %d. %s: %s / %s points"), c->number, c->name, pts, max);
    if (cs->scale_missing)
        printf(" (%s)", _("no scale yet"));
    else if (cs->value_missing)
        printf(" (%s)", _("values missing"));
    else if (cs->capped)
        printf(" (%s)", _("capped at the maximum"));
    putchar('\n');
    for (size_t k = 0; k < s->rubric.nind; k++)
        if (s->rubric.ind[k].criterion == c->number)
            print_indicator(s, k);
}

static void print_compare(struct db *db, const struct score_sheet *s)
{
    struct rubric_change *ch;
    size_t n;
    bool have;
    if (score_compare_previous(db, s, &ch, &n, &have) != ST_OK)
        return;
    if (!have) {
        printf(_("Compared with %d: that year has no assessment.\n"), s->year - 1);
        free(ch);
        return;
    }
    bool any = false;
    for (size_t i = 0; i < n; i++)
        any |= ch[i].prev_known;
    if (!any) {
        printf(_("Compared with %d: nothing to compare (no fully scored criterion that year).\n"),
               s->year - 1);
        free(ch);
        return;
    }
    printf(_("Compared with %d:\n"), s->year - 1);
    struct strbuf unknown = STRBUF_INIT;
    for (size_t i = 0; i < n; i++) {
        char a[RUBRIC_TEXT_NUM_BUF], b[RUBRIC_TEXT_NUM_BUF];
        if (ch[i].trend == RUBRIC_UNKNOWN) {
            strbuf_printf(&unknown, "%s%d", unknown.len ? ", " : "", ch[i].number);
            continue;
        }
        rubric_text_num(ch[i].prev, a);
        rubric_text_num(ch[i].cur, b);
        printf(_("  criterion %d: %s → %s (%s)\n"), ch[i].number, a, b,
               rubric_trend_label(ch[i].trend));
    }
    if (unknown.len)
        printf(_("  cannot compare criteria %s (not fully scored in both years)\n"),
               strbuf_str(&unknown));
    strbuf_free(&unknown);
    free(ch);
}

static void print_sheet(struct db *db, const struct score_sheet *s, bool compare)
{
    struct commune cm;
    if (commune_current(db, &cm) == ST_OK) {
        printf(_("Scoring sheet %d — %s (%s)\n"), s->year, cm.full_name, cm.code);
        commune_free(&cm);
    }
    const struct rubric_threshold *t = s->score.threshold;
    printf(_("Rule set: %s; recognition class: %s%s%s%s\n"), s->rubric.name,
           s->class_code ? s->class_code : _("not chosen"), t ? " (" : "", t ? t->label : "",
           t ? ")" : "");
    for (size_t i = 0; i < s->rubric.ncrit; i++) {
        putchar('\n');
        print_criterion(s, i);
    }
    char total[RUBRIC_TEXT_NUM_BUF];
    rubric_text_num(s->score.total, total);
    printf("\n%s: %s%s\n", _("Total"), total, s->score.partial ? _(" (partial)") : "");
    struct strbuf v = STRBUF_INIT;
    rubric_verdict_text(&s->score, &v);
    printf("%s: %s\n", _("Verdict"), strbuf_str(&v));
    strbuf_free(&v);
    if (compare)
        print_compare(db, s);
}

static int score_show(struct db *db, const void *rec)
{
    const struct score_opts *o = rec;
    struct score_sheet s;
    enum status st = score_sheet_build(db, o->year, o->class_code, &s);
    if (st == ST_OK && o->csv)
        st = score_csv_write(&s, o->csv);
    if (st == ST_OK) {
        print_sheet(db, &s, !o->no_compare);
        if (o->csv)
            printf(_("Scoring sheet written to %s.\n"), o->csv);
        score_sheet_free(&s);
    }
    return st == ST_OK ? 0 : cli_fail();
}

/* score set: a value and/or evidence for an indicator, and/or the class. */
static int set_check(const struct cli_command *self, const struct score_opts *o)
{
    bool on_indicator = o->value || o->evidence || o->department;
    if (!o->indicator && on_indicator)
        return cli_usage(self, "%s", _("--indicator CODE is required with --value, --evidence or --department"));
    if (o->indicator && !on_indicator)
        return cli_usage(self, "%s", _("give --value, --evidence or --department for the indicator"));
    if (!o->indicator && !o->class_code && !o->clear_class)
        return cli_usage(self, "%s", _("expected --indicator CODE --value V, or --class CLASS"));
    return 0;
}

static int score_set(struct db *db, const void *rec)
{
    const struct score_opts *o = rec;
    enum status st = ST_OK;
    if (o->indicator)
        st = score_set_value(db, o->year, o->indicator, o->value, o->evidence, o->department);
    if (st == ST_OK && (o->class_code || o->clear_class))
        st = score_set_class(db, o->year, o->clear_class ? NULL : o->class_code);
    return cli_done(st, _("Saved for %d.\n"), o->year);
}

static int clear_check(const struct cli_command *self, const struct score_opts *o)
{
    return o->indicator ? 0 : cli_usage(self, "%s", _("--indicator CODE is required"));
}

static int score_clear(struct db *db, const void *rec)
{
    const struct score_opts *o = rec;
    enum status st = score_clear_value(db, o->year, o->indicator);
    return cli_done(st, _("Value of %s for %d removed.\n"), o->indicator, o->year);
}

static int score_refresh(struct db *db, const void *rec)
{
    const struct score_opts *o = rec;
    size_t n = 0;
    enum status st = score_store_computed(db, o->year, &n);
    return cli_done(st, _("%zu computed values stored for %d.\n"), n, o->year);
}

/* Every sub-command reads the same options, checks them (check, when
 * there is one), then acts on the database. */
static int score_run(const struct cli_env *env, const struct cli_command *self, int argc,
                     char **argv, int (*check)(const struct cli_command *, const struct score_opts *),
                     int (*act)(struct db *, const void *))
{
    struct score_opts o = {0};
    int rc = parse_opts(self, argc, argv, &o);
    if (rc == 0 && check)
        rc = check(self, &o);
    return rc ? rc : cli_with_db(env, act, &o);
}
static CLI_SUB_FN(run_show, score_run(env, self, argc, argv, NULL, score_show))
static CLI_SUB_FN(run_set, score_run(env, self, argc, argv, set_check, score_set))
static CLI_SUB_FN(run_clear, score_run(env, self, argc, argv, clear_check, score_clear))
static CLI_SUB_FN(run_refresh, score_run(env, self, argc, argv, NULL, score_refresh))

const struct cli_sub cmd_score_subs[] = {
    {"", run_show, "[--year YYYY] [--class 900|850|800] [--csv FILE] [--no-compare]"},
    {"set", run_set, "[--year YYYY] --indicator CODE [--value V] [--evidence TEXT] "
     "[--department DEPT] | [--year YYYY] --class CLASS|--no-class"},
    {"clear", run_clear, "[--year YYYY] --indicator CODE"},
    {"refresh", run_refresh, "[--year YYYY]"},
    {NULL, NULL, NULL},
};
