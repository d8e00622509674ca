/* cmd_report — treem report: the periodic report to the level above
 * (6-month, annual or any period) as aligned text, and as CSV. */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/cli/cli_args.h"
#include "treem/app/report.h"
#include "treem/app/report_sum.h"
#include "treem/app/report_xlsx.h"
#include "treem/app/province.h"
#include "treem/core/date.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#define REPORT_COL 46

struct report_opts {
    int half, year;
    const char *from, *to, *csv, *number, *signer, *xlsx;
};

static const struct option report_long[] = {
    {"half", required_argument, NULL, 'H'},
    {"year", required_argument, NULL, 'y'},
    {"from", required_argument, NULL, 'f'},
    {"to", required_argument, NULL, 't'},
    {"csv", required_argument, NULL, 'o'},
    {"number", required_argument, NULL, 'n'},
    {"signer", required_argument, NULL, 's'},
    {"xlsx", required_argument, NULL, 'x'},
    {NULL, 0, NULL, 0},
};

static int parse_opts(const struct cli_command *self, int argc, char **argv, struct report_opts *o)
{
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "+H:y:f:t:o:n:s:x:", report_long, NULL)) != -1) {
        switch (c) {
        case 'H':
            if (cli_parse_year("--half", optarg, &o->half) != ST_OK)
                return cli_usage(self, "%s", status_message());
            break;
        case 'y':
            if (cli_parse_year("--year", optarg, &o->year) != ST_OK)
                return cli_usage(self, "%s", status_message());
            break;
        case 'f': o->from = optarg; break;
        case 't': o->to = optarg; break;
        case 'o': o->csv = optarg; break;
        case 'n': o->number = optarg; break;
        case 's': o->signer = optarg; break;
        case 'x': o->xlsx = optarg; break;
        default: return cli_usage(self, "%s", _("unknown option"));
        }
    }
    if (optind < argc)
        return cli_usage(self, _("unexpected argument '%s'"), argv[optind]);
    int kinds = (o->half != 0) + (o->year != 0) + (o->from || o->to);
    if (kinds > 1)
        return cli_usage(self, "%s", _("give one of --half, --year or --from/--to"));
    if ((o->from != NULL) != (o->to != NULL))
        return cli_usage(self, "%s", _("--from and --to go together"));
    return 0;
}

/* The period asked for, with the cut-off days of the settings. */
static enum status period_of(struct db *db, const struct report_opts *o, struct report_request *q)
{
    struct report_cutoffs c;
    enum status st = report_cutoffs_load(db, &c);
    if (st != ST_OK)
        return st;
    if (o->half) {
        q->kind = REPORT_HALF;
        q->year = o->half;
    } else if (o->from) {
        q->kind = REPORT_RANGE;
        if (date_parse(o->from, &q->from) != ST_OK)
            return status_set(ST_INVALID, _("--from: '%s' is not a date (dd/mm/yyyy)"), o->from);
        if (date_parse(o->to, &q->to) != ST_OK)
            return status_set(ST_INVALID, _("--to: '%s' is not a date (dd/mm/yyyy)"), o->to);
        return ST_OK;
    } else {
        q->kind = REPORT_YEAR;
        q->year = o->year ? o->year : date_today().y;
    }
    report_period(&c, q->kind, q->year, &q->from, &q->to);
    return ST_OK;
}

/* One line: titles underlined, labels indented by depth and padded to the
 * value column; a label too long for it gets the value on the next line. */
static void print_line(const struct report_line *l)
{
    if (l->depth == 0) {
        int w = utf8_width(l->label);
        printf("\n%s\n", l->label);
        for (int i = 0; i < w; i++)
            putchar('-');
        putchar('\n');
        return;
    }
    const char *indent = l->depth > 1 ? "  " : "";
    char label[REPORT_LABEL_BUF + 4];
    snprintf(label, sizeof label, "%s%s", indent, l->label);
    if (utf8_width(label) >= REPORT_COL && l->value[0]) {
        printf("  %s\n", label);
        cli_print_field("", l->value, REPORT_COL);
    } else {
        cli_print_field(label, l->value, REPORT_COL);
    }
}

/* The per-commune table of the consolidated report: a few key lines. */
static void print_communes(const struct report_sum *s)
{
    static const char *const keys[] = {"TE01", "DB01", "BV02", "BV05", "BV06", "BV07", "TC02"};
    enum { NKEYS = sizeof keys / sizeof keys[0] };
    size_t at[NKEYS];
    for (size_t k = 0; k < NKEYS; k++)
        for (at[k] = 0; at[k] < s->total.n && strcmp(s->total.lines[at[k]].code, keys[k]); at[k]++)
            ;
    printf("\n%s\n", _("By commune"));
    printf("%-5s %-24s", _("Code"), "");
    for (size_t k = 0; k < NKEYS; k++)
        printf(" %6s", keys[k]);
    putchar('\n');
    for (size_t c = 0; c < s->ncommunes; c++) {
        char name[128];
        utf8_truncate(s->names[c], 24, name, sizeof name);
        int pad = 24 - utf8_width(name);
        printf("%-5s %s%*s", s->codes[c], name, pad > 0 ? pad : 0, "");
        for (size_t k = 0; k < NKEYS; k++) {
            long long v = at[k] < s->total.n ? s->values[at[k] * s->ncommunes + c] : -1;
            if (v < 0)
                printf(" %6s", "—");
            else
                printf(" %6lld", v);
        }
        putchar('\n');
    }
}

/* The level above: the report summed over its communes. */
static int report_province(struct db *db, const struct report_opts *o, const struct report_request *q)
{
    struct report_sum s;
    enum status st = report_sum_build(db, q, &s);
    if (st == ST_OK && o->csv)
        st = report_sum_write_csv(&s, o->csv);
    if (st == ST_OK && o->xlsx)
        st = report_write_xlsx(db, NULL, &s, o->xlsx);
    if (st == ST_OK) {
        printf("%s\n", s.total.title);
        for (size_t i = 0; i < s.total.n; i++)
            print_line(&s.total.lines[i]);
        print_communes(&s);
        if (o->csv)
            printf(_("\nReport written to %s.\n"), o->csv);
        if (o->xlsx)
            printf(_("\nReport written to %s.\n"), o->xlsx);
    }
    report_sum_free(&s);
    db_close(db);
    return st == ST_OK ? 0 : cli_fail();
}

int cmd_report(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    struct report_opts o = {0};
    int rc = parse_opts(self, argc, argv, &o);
    if (rc)
        return rc;
    struct db *db;
    if (cli_open(env, &db) != ST_OK)
        return cli_fail();
    struct report_request q = {.number = o.number, .signer = o.signer};
    if (period_of(db, &o, &q) != ST_OK) {
        db_close(db);
        return cli_usage(self, "%s", status_message());
    }
    if (province_is(db))
        return report_province(db, &o, &q);
    struct report r;
    enum status st = report_build_req(db, &q, &r);
    if (st == ST_OK && o.csv)
        st = report_write_csv(&r, o.csv);
    if (st == ST_OK && o.xlsx)
        st = report_write_xlsx(db, &r, NULL, o.xlsx);
    if (st == ST_OK) {
        printf("%s\n", r.title);
        for (size_t i = 0; i < r.n; i++)
            print_line(&r.lines[i]);
        if (o.csv)
            printf(_("\nReport written to %s.\n"), o.csv);
        if (o.xlsx)
            printf(_("\nReport written to %s.\n"), o.xlsx);
    }
    report_free(&r);
    db_close(db);
    return st == ST_OK ? 0 : cli_fail();
}
