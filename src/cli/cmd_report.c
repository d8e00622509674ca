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

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define REPORT_COL 46

struct report_opts {
    int half, year;
    const char *from, *to, *csv, *number, *signer, *xlsx;
};

#define RO(field) offsetof(struct report_opts, field)
static const struct cli_opt report_long[] = {
    {"half", CLI_YEAR, .at = RO(half), .key = 'H'},
    {"year", CLI_YEAR, .at = RO(year), .key = 'y'},
    {"from", CLI_STR, .at = RO(from), .key = 'f'},
    {"to", CLI_STR, .at = RO(to), .key = 't'},
    {"csv", CLI_STR, .at = RO(csv), .key = 'o'},
    {"number", CLI_STR, .at = RO(number), .key = 'n'},
    {"signer", CLI_STR, .at = RO(signer), .key = 's'},
    {"xlsx", CLI_STR, .at = RO(xlsx), .key = 'x'},
    {0},
};
#undef RO

static int parse_opts(const struct cli_command *self, int argc, char **argv, struct report_opts *o)
{
    int rc = cli_read_opts(self, argc, argv, 0, report_long, CLI_IN_ORDER | CLI_ALONE | CLI_BAD_USAGE,
                           o, NULL);
    if (rc)
        return rc;
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
    return cli_end(db, st);
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
    return cli_end(db, st);
}
