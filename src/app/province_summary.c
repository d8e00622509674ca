/* province_summary — the Tổng hợp: one line per commune of the province,
 * read from each commune's database beside the level above's. */
#include <config.h>
#include "treem/app/auth.h"
#include "treem/app/province.h"
#include "treem/app/cases.h"
#include "treem/app/child_stats.h"
#include "treem/app/report.h"
#include "treem/app/score.h"
#include "treem/db/child_search.h"
#include "treem/core/i18n.h"

#include <stdlib.h>
#include <string.h>

void commune_summary_free(struct commune_summary *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(s[i].name);
        free(s[i].made_by);
    }
    free(s);
}

static void setting_into(struct db *db, const char *key, char *buf, size_t n)
{
    char *v = NULL;
    if (db_setting_get(db, key, &v) != ST_OK)
        status_clear();
    snprintf(buf, n, "%s", v ? v : "");
    free(v);
}

/* The counts of one commune database; a figure that cannot be read stays -1. */
static void read_counts(struct db *cdb, struct date today, struct commune_summary *s)
{
    struct child_query q;
    child_query_init(&q);
    q.day = today;
    q.scope = CHILD_SCOPE_CHILDREN;
    if (child_search_count(cdb, &q, &s->children) != ST_OK)
        status_clear(), s->children = -1;
    struct child_ratio sp;
    if (child_stats_special(cdb, today, &sp) == ST_OK)
        s->special = sp.num;
    else
        status_clear();
    long open, overdue;
    if (cases_counts(cdb, (struct datetime){today, 23, 59}, &open, &overdue) == ST_OK)
        s->open_cases = open, s->overdue = overdue;
    else
        status_clear();
    struct score_sheet sh;
    memset(&sh, 0, sizeof sh);
    if (score_sheet_build(cdb, today.y, NULL, &sh) == ST_OK) {
        s->scored = sh.stored;
        s->total = sh.score.total;
        s->verdict = sh.score.verdict;
        score_sheet_free(&sh);
    } else {
        status_clear();
    }
}

/* The last cut-off day on or before today (6-month or annual). */
static struct date last_cutoff(struct db *db, struct date today)
{
    struct report_cutoffs c;
    if (report_cutoffs_load(db, &c) != ST_OK) {
        status_clear();
        report_cutoffs_default(&c);
    }
    struct date best = {0}, f, t;
    for (int y = today.y - 1; y <= today.y; y++)
        for (int k = REPORT_HALF; k <= REPORT_YEAR; k++) {
            report_period(&c, (enum report_kind)k, y, &f, &t);
            if (date_cmp(t, today) <= 0 && date_cmp(t, best) > 0)
                best = t;
        }
    return best;
}

static enum status fill(struct db *db, const struct commune *u, struct date due, struct date today,
                        struct commune_summary *s)
{
    snprintf(s->code, sizeof s->code, "%s", u->code);
    s->name = strdup(u->full_name);
    s->children = s->special = s->open_cases = s->overdue = -1;
    s->late = true;
    struct db *cdb;
    if (province_open_commune(db, u->code, false, &cdb) != ST_OK) {
        status_clear();
        s->made_by = strdup("");
        return s->name && s->made_by ? ST_OK : status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    setting_into(cdb, "package_made_at", s->made_at, sizeof s->made_at);
    setting_into(cdb, "package_from", s->period_from, sizeof s->period_from);
    setting_into(cdb, "package_to", s->period_to, sizeof s->period_to);
    /* who made it: a person's name, kept whole (not cut in a fixed buffer) */
    if (db_setting_get(cdb, "package_made_by", &s->made_by) != ST_OK) {
        status_clear();
        s->made_by = NULL;
    }
    if (!s->made_by)
        s->made_by = strdup("");
    s->received = s->made_at[0] != '\0';
    char iso[DATE_BUF];
    date_iso(due, iso);
    s->late = !s->received || strcmp(s->period_to, iso) < 0;
    read_counts(cdb, today, s);
    db_close(cdb);
    return s->name && s->made_by ? ST_OK : status_set(ST_NOMEM, "%s", _("out of memory"));
}

static int by_received_then_name(const void *a, const void *b)
{
    const struct commune_summary *x = a, *y = b;
    if (x->received != y->received)
        return x->received ? -1 : 1;
    return strcmp(x->name ? x->name : "", y->name ? y->name : "");
}

enum status province_summary(struct db *db, struct date today, struct commune_summary **out,
                             size_t *n)
{
    *out = NULL;
    *n = 0;
    struct commune *units;
    if (auth_require_commune_wide(_("the summary of the communes")) != ST_OK)
        return ST_DENIED;
    size_t nu;
    enum status st = province_units(db, &units, &nu);
    if (st != ST_OK)
        return st;
    struct commune_summary *s = calloc(nu ? nu : 1, sizeof *s);
    if (!s)
        st = status_set(ST_NOMEM, "%s", _("out of memory"));
    struct date due = last_cutoff(db, today);
    for (size_t i = 0; st == ST_OK && i < nu; i++)
        st = fill(db, &units[i], due, today, &s[i]);
    commune_list_free(units, nu);
    if (st != ST_OK) {
        commune_summary_free(s, s ? nu : 0);
        return st;
    }
    qsort(s, nu, sizeof *s, by_received_then_name);
    *out = s;
    *n = nu;
    return ST_OK;
}

static void count_text(long long v, char *buf, size_t n)
{
    if (v < 0)
        snprintf(buf, n, "?");
    else
        snprintf(buf, n, "%lld", v);
}

/* dd/mm/yyyy of an ISO day (the first 10 characters of iso). */
static void day_text(const char *iso, char *buf, size_t n)
{
    struct date d;
    char day[DATE_BUF];
    snprintf(day, sizeof day, "%.10s", iso);
    if (day[0] && date_parse(day, &d) == ST_OK) {
        char out[DATE_BUF];
        date_format(d, out);
        snprintf(buf, n, "%s", out);
    } else {
        status_clear();
        snprintf(buf, n, "—");
    }
}

void commune_summary_format(const struct commune_summary *s, struct commune_summary_text *t)
{
    memset(t, 0, sizeof *t);
    snprintf(t->state, sizeof t->state, "%s",
             !s->received ? _("no package") : s->late ? _("late") : "");
    day_text(s->made_at, t->made, sizeof t->made);
    char f[DATE_BUF + 4], to[DATE_BUF + 4];
    day_text(s->period_from, f, sizeof f);
    day_text(s->period_to, to, sizeof to);
    if (s->received)
        snprintf(t->period, sizeof t->period, "%s–%s", f, to);
    else
        snprintf(t->period, sizeof t->period, "—");
    count_text(s->children, t->children, sizeof t->children);
    count_text(s->special, t->special, sizeof t->special);
    count_text(s->open_cases, t->open_cases, sizeof t->open_cases);
    count_text(s->overdue, t->overdue, sizeof t->overdue);
    if (s->scored) {
        snprintf(t->total, sizeof t->total, "%.0f", s->total);
        snprintf(t->verdict, sizeof t->verdict, "%s", rubric_verdict_label(s->verdict));
    } else {
        snprintf(t->total, sizeof t->total, "—");
        snprintf(t->verdict, sizeof t->verdict, "%s", s->received ? _("not scored yet") : "—");
    }
}
