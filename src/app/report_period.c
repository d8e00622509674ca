/* report_period — the report's periods and their official cut-off days
 * (settings report_start, report_half_end, report_year_end), and its title. */
#include <config.h>
#include "report_internal.h"
#include "treem/core/i18n.h"

#include <stdlib.h>
#include <string.h>

void report_cutoffs_default(struct report_cutoffs *c)
{
    *c = (struct report_cutoffs){15, 12, 14, 6, 14, 12};
}

enum status report_cutoff_parse(const char *key, const char *text, int *d, int *m)
{
    int dd = 0, mm = 0, used = 0;
    const char *p = text ? text : "";
    for (; *p >= '0' && *p <= '9' && used < 2; p++, used++)
        dd = dd * 10 + (*p - '0');
    bool ok = used > 0 && *p == '/';
    int mused = 0;
    if (ok)
        for (p++; *p >= '0' && *p <= '9' && mused < 2; p++, mused++)
            mm = mm * 10 + (*p - '0');
    /* 29/02 is refused: the day must exist every year */
    ok = ok && mused > 0 && *p == '\0' && mm >= 1 && mm <= 12 && dd >= 1
         && dd <= date_days_in_month(2001, mm);
    if (!ok)
        return status_set(ST_INVALID, _("%s: '%s' is not a day and month (dd/mm)"), key,
                          text ? text : "");
    *d = dd;
    *m = mm;
    return ST_OK;
}

static enum status load_one(struct db *db, const char *key, int *d, int *m)
{
    char *v = NULL;
    enum status st = db_setting_get(db, key, &v);
    if (st == ST_NOTFOUND || (st == ST_OK && (!v || !v[0]))) {
        status_clear();
        st = ST_OK;
    } else if (st == ST_OK) {
        st = report_cutoff_parse(key, v, d, m);
    }
    free(v);
    return st;
}

enum status report_cutoffs_load(struct db *db, struct report_cutoffs *c)
{
    report_cutoffs_default(c);
    enum status st = load_one(db, "report_start", &c->start_d, &c->start_m);
    if (st == ST_OK)
        st = load_one(db, "report_half_end", &c->half_d, &c->half_m);
    if (st == ST_OK)
        st = load_one(db, "report_year_end", &c->year_d, &c->year_m);
    return st;
}

void report_period(const struct report_cutoffs *c, enum report_kind kind, int year,
                   struct date *from, struct date *to)
{
    struct report_cutoffs def;
    if (!c) {
        report_cutoffs_default(&def);
        c = &def;
    }
    if (kind == REPORT_HALF)
        *to = (struct date){year, c->half_m, c->half_d};
    else
        *to = (struct date){year, c->year_m, c->year_d};
    /* the period starts on the start day after the previous year's end */
    *from = (struct date){year, c->start_m, c->start_d};
    if (date_cmp(*from, *to) > 0)
        from->y--;
}

void report_half_year(int year, struct date *from, struct date *to)
{
    report_period(NULL, REPORT_HALF, year, from, to);
}

void report_full_year(int year, struct date *from, struct date *to)
{
    report_period(NULL, REPORT_YEAR, year, from, to);
}

void report_title(struct report *r)
{
    if (r->kind == REPORT_HALF) {
        snprintf(r->title, sizeof r->title, _("6-month report %d"), r->year);
    } else if (r->kind == REPORT_YEAR) {
        snprintf(r->title, sizeof r->title, _("Annual report %d"), r->year);
    } else {
        char f[DATE_BUF], t[DATE_BUF];
        date_format(r->from, f);
        date_format(r->to, t);
        snprintf(r->title, sizeof r->title, _("Report %s – %s"), f, t);
    }
}
