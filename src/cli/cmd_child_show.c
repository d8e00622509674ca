/* cmd_child_show — `treem child list` (paged, with the same matching as the
 * list screen) and `treem child show CODE`. */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/cli/cli_args.h"
#include "treem/app/children.h"
#include "treem/app/child_support.h"
#include "treem/app/who_tables.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#define SPAN_BUF (2 * DATE_BUF + 4)

/* What `child list` is asked: the query, the village typed, the group
 * code the query points at, how many rows at most (-1: all). */
struct list_args {
    struct child_query q;
    const char *village;
    char group[CHILD_GROUP_CODE_BUF];
    long limit;
};

/* A whole number ≥ 0 from an option; ST_INVALID naming it when it is not. */
static enum status number_opt(const struct cli_opt *opt, const char *text, long *out)
{
    long long v = -1;
    if (number_parse_int(text, NUM_INT, &v) != ST_OK || v > 1000000000LL)
        return status_set(ST_INVALID, _("--%s: '%s' is not a whole number"), opt->name, text);
    *out = (long)v;
    return ST_OK;
}

/* --age-from, --age-to: years, 99 at the most. */
static enum status age_opt(void *rec, const struct cli_opt *opt, const char *arg)
{
    long v = 0;
    enum status st = number_opt(opt, arg, &v);
    if (st == ST_OK)
        *(int *)cli_opt_field(rec, opt) = (int)(v > 99 ? 99 : v);
    return st;
}

static enum status limit_opt(void *rec, const struct cli_opt *opt, const char *arg)
{
    return number_opt(opt, arg, cli_opt_field(rec, opt));
}

static enum status sex_opt(void *rec, const struct cli_opt *opt, const char *arg)
{
    struct list_args *a = rec;
    (void)opt;
    if ((a->q.sex = enum_parse(&enum_child_sex, arg)) < 0)
        return status_set(ST_INVALID, _("--sex: '%s' is not nam, nu or khong-ro"), arg);
    return ST_OK;
}

static enum status group_opt(void *rec, const struct cli_opt *opt, const char *arg)
{
    struct list_args *a = rec;
    (void)opt;
    children_group_code(strcmp(arg, "any") == 0 ? "*" : arg, a->group, sizeof a->group);
    a->q.group = a->group;
    return ST_OK;
}

/* CLI_SET writes an int */
_Static_assert(sizeof(enum child_scope) == sizeof(int), "--over16 and --all set an int");

#define LA(field) offsetof(struct list_args, field)
static const struct cli_opt list_opts[] = {
    {"search", CLI_STR, .at = LA(q.text)},
    {"village", CLI_STR, .at = LA(village)},
    {"sex", CLI_CALL, .call = sex_opt},
    {"age-from", CLI_CALL, .at = LA(q.age_from), .call = age_opt},
    {"age-to", CLI_CALL, .at = LA(q.age_to), .call = age_opt},
    {"group", CLI_CALL, .call = group_opt},
    {"over16", CLI_SET, .at = LA(q.scope), .value = CHILD_SCOPE_OVER16},
    {"all", CLI_SET, .at = LA(q.scope), .value = CHILD_SCOPE_ALL},
    {"on", CLI_DATE, .at = LA(q.day)},
    {"limit", CLI_CALL, .at = LA(limit), .call = limit_opt},
    {0},
};
#undef LA

static void print_row(const struct child_row *r)
{
    char birth[32];
    if (r->birth_date.y)
        date_format(r->birth_date, birth);
    else if (r->age >= 0)
        snprintf(birth, sizeof birth, _("~%d years"), r->age);
    else
        snprintf(birth, sizeof birth, "?");
    printf("%s\t%s\t%s\t%s\t%s\n", r->code, r->full_name, birth, enum_label(&enum_child_sex, r->sex),
           r->village);
}

static bool print_each(void *ctx, const struct child_row *r)
{
    (void)ctx;
    print_row(r);
    return true;
}

int cmd_child_list(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    struct list_args a = {.village = NULL, .limit = -1};
    child_query_init(&a.q);
    struct db *db;
    int rc = cli_open_opts(env, self, argc, argv, list_opts, CLI_IN_ORDER | CLI_ALONE | CLI_SEE_CHILD,
                           &a, &db);
    if (rc != 0)
        return rc;
    enum status st = a.village ? children_find_village(db, a.village, &a.q.village_id) : ST_OK;
    /* One pass over the matches, row by row: never the whole register in
     * memory, and no page walked again for the next (OFFSET would be). */
    if (st == ST_OK)
        st = children_each(db, &a.q, 0, a.limit, print_each, NULL);
    return cli_end(db, st);
}

/* "  label<padding> value", aligned by display columns. */
static void show_line(const char *label, const char *value)
{
    cli_print_field(label, value, 34);
}

static void show_fields(const struct child *c)
{
    for (int f = 0; f < CF__COUNT; f++) {
        struct strbuf sb = STRBUF_INIT;
        child_field_text(c, f, CHILD_FMT_SHOW, &sb);
        show_line(_(child_fields[f].label), strbuf_str(&sb));
        strbuf_free(&sb);
    }
}

/* "dd/mm/yyyy–dd/mm/yyyy" of a period, nothing after the dash while it lasts. */
static const char *span_text(struct date from, struct date to, char buf[SPAN_BUF])
{
    char a[DATE_BUF], b[DATE_BUF] = "";
    date_format(from, a);
    if (to.y)
        date_format(to, b);
    snprintf(buf, SPAN_BUF, "%s–%s", a, b);
    return buf;
}

static void show_periods(struct db *db, const struct child *c, struct date today)
{
    struct child_period *p;
    size_t n;
    if (children_periods(db, c->id, &p, &n) != ST_OK)
        return;
    printf("\n%s\n", n ? _("Special circumstances:") : _("Special circumstances: none"));
    for (size_t i = 0; i < n; i++) {
        char span[SPAN_BUF];
        bool now = date_cmp(p[i].from, today) <= 0 && (!p[i].to.y || date_cmp(p[i].to, today) >= 0);
        printf("  #%lld %-5s %s %s %s\n", p[i].id, p[i].code, span_text(p[i].from, p[i].to, span),
               now ? "*" : " ", p[i].name);
    }
    free(p);
}

static void show_measures(struct db *db, const struct child *c)
{
    struct child_measure *m;
    size_t n;
    const struct growth_ref *who = who_tables_shared();
    if (children_measures(db, c->id, &m, &n) != ST_OK)
        return;
    printf("\n%s\n", n ? _("Weight and height:") : _("Weight and height: none"));
    for (size_t i = 0; i < n; i++) {
        char d[DATE_BUF];
        date_format(m[i].date, d);
        printf("  #%lld %s", m[i].id, d);
        if (m[i].weight_kg > 0)
            printf("  %.1f kg", m[i].weight_kg);
        if (m[i].height_cm > 0)
            printf("  %.1f cm", m[i].height_cm);
        if (who && c->birth_date.y) {
            int months = date_age_months(c->birth_date, m[i].date);
            struct growth_result r = growth_assess(who, c->sex, months, m[i].weight_kg, m[i].height_cm);
            if (r.underweight != GROWTH_NOT_ASSESSED)
                printf(_("  weight-for-age: %s (z %.1f)"), growth_status_label(r.underweight), r.waz);
            if (r.stunting != GROWTH_NOT_ASSESSED)
                printf(_("  height-for-age: %s (z %.1f)"), growth_status_label(r.stunting), r.haz);
        }
        printf("\n");
    }
    free(m);
}

static void show_checks(struct db *db, const struct child *c)
{
    struct date *d;
    size_t n;
    if (children_checks(db, c->id, &d, &n) != ST_OK)
        return;
    printf("\n%s", n ? _("Health checks:") : _("Health checks: none"));
    for (size_t i = 0; i < n; i++) {
        char buf[DATE_BUF];
        date_format(d[i], buf);
        printf(" %s", buf);
    }
    printf("\n");
    free(d);
}

static void show_support(struct db *db, const struct child *c)
{
    struct child_risk *r;
    struct child_help *h;
    size_t n;
    if (child_support_risks(db, c->id, &r, &n) == ST_OK) {
        printf("\n%s\n", n ? _("At risk of special circumstances:") : _("At risk of special circumstances: none"));
        for (size_t i = 0; i < n; i++) {
            char span[SPAN_BUF];
            printf("  #%lld %s %s\n", r[i].id, span_text(r[i].from, r[i].to, span), r[i].reason);
        }
        child_risks_free(r, n);
    }
    if (child_support_helps(db, c->id, &h, &n) == ST_OK) {
        printf("\n%s\n", n ? _("Help received:") : _("Help received: none"));
        for (size_t i = 0; i < n; i++) {
            char d[DATE_BUF];
            date_format(h[i].date, d);
            printf("  #%lld %s  %s: %s — %s\n", h[i].id, d, enum_label(&enum_help_kind, h[i].kind),
                   h[i].what, h[i].by_whom);
        }
        child_helps_free(h, n);
    }
}

int cmd_child_show(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-')
        return cli_sub_usage(self, argv[0]);
    struct db *db;
    if (cli_open(env, &db) != ST_OK)
        return cli_fail();
    struct child c;
    if (children_find(db, argv[1], &c) != ST_OK) {
        int rc = cli_fail();
        db_close(db);
        return rc;
    }
    struct date today = date_today();
    bool est;
    int age = child_age_on(&c, today, &est);
    char buf[128];
    show_line(_("code"), c.code);
    show_line(_("identifier"), c.uid);
    if (age >= 0) {
        snprintf(buf, sizeof buf, "%s%d%s", est ? "~" : "", age,
                 age >= CHILD_AGE_LIMIT ? _(" (past 16: no longer a child)") : "");
        show_line(_("age today"), buf);
    }
    show_fields(&c);
    snprintf(buf, sizeof buf, "%s / %s", c.created_at, c.updated_at);
    show_line(_("created / changed"), buf);
    show_periods(db, &c, today);
    show_support(db, &c);
    show_measures(db, &c);
    show_checks(db, &c);
    child_free(&c);
    db_close(db);
    return 0;
}
