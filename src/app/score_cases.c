/* score_cases — case counts as score-sheet measures. Abuse (xâm hại, Luật
 * Trẻ em Điều 4) counts sexual abuse, violence, exploitation and unlawful
 * child labour (a form of exploitation), neglect, abandonment and
 * trafficking; rates count distinct children, not cases. Criterion 5.1
 * counts the children who died of accidents and injuries; criterion 6.2
 * the sexual abuse, abandonment and trafficking cases whose plan the
 * chairman approved on time (DOMAIN.md §4). */
#include <config.h>
#include "treem/app/score_cases.h"
#include "cases_internal.h"
#include "treem/app/catalog.h"
#include "treem/app/children.h"
#include "treem/db/case_repo.h"
#include "treem/db/case_stats.h"
#include "treem/db/case_step_repo.h"
#include "treem/model/case_rules.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>

static const char *const abuse_kinds[] = {"sexual_abuse", "violence", "exploitation", "illegal_labour",
                                          "neglect", "abandonment", "trafficking", NULL};
static const char *const injury_kinds[] = {"injury", NULL};
static const char *const grave_kinds[] = {"sexual_abuse", "abandonment", "trafficking", NULL};

/* Children under 16 on the day the measures of year are taken on. */
static enum status children_on(struct db *db, int year, long long *n)
{
    struct child_query q;
    child_query_init(&q);
    q.day = measure_day(year, date_today());
    return children_count(db, &q, n);
}

/* A database that holds no case at all does not keep its cases in treem:
 * its "0 cases" would be a false zero, so nothing is computed. */
static bool cases_kept(struct db *db)
{
    long long n = 0;
    return case_repo_count(db, false, &n) == ST_OK && n > 0;
}

static enum status case_count(struct db *db, int year, const char *const *kinds,
                              struct score_measured *out)
{
    long long cases = 0;
    enum status st = case_stats_count(db, year, kinds, &cases);
    if (st != ST_OK)
        return st;
    out->value = (double)cases;
    snprintf(out->basis, sizeof out->basis, _("%lld cases recorded"), cases);
    return ST_OK;
}

/* Distinct children, as a count or per 1,000 children under 16. */
static enum status child_count(struct db *db, int year, const char *const *kinds, bool died,
                               bool rate, struct score_measured *out)
{
    long long hurt = 0, children = 0;
    enum status st = case_stats_children(db, year, kinds, died, &hurt);
    if (st != ST_OK)
        return st;
    if (!rate) {
        out->value = (double)hurt;
        snprintf(out->basis, sizeof out->basis, _("%lld children in the cases"), hurt);
        return ST_OK;
    }
    if ((st = children_on(db, year, &children)) != ST_OK)
        return st;
    if (children == 0)
        return ST_NOTFOUND;
    out->value = 1000.0 * (double)hurt / (double)children;
    snprintf(out->basis, sizeof out->basis, _("%lld children in the cases / %lld children"), hurt,
             children);
    return ST_OK;
}

/* The timeliness of case id's plan on `now`. */
static enum status timeliness_of(struct db *db, long long id, const struct holidays *h,
                                 struct datetime now, enum case_timeliness *out)
{
    struct case_with_steps w;
    enum status st = cases_load(db, id, &w);
    if (st == ST_OK)
        *out = case_plan_timeliness(&w.c, w.steps, w.n, h, now);
    cases_unload(&w);
    return st;
}

/* Criterion 6.2: timely / (timely + late); pending cases are left out. */
static enum status grave_planned(struct db *db, int year, struct score_measured *out)
{
    long long *ids = NULL;
    size_t n = 0;
    long long timely = 0, late = 0, pending = 0;
    struct holidays h = {0};
    enum status st = case_stats_ids(db, year, grave_kinds, &ids, &n);
    if (st == ST_OK)
        st = catalog_holidays(db, &h);
    struct datetime now = date_now();
    for (size_t i = 0; st == ST_OK && i < n; i++) {
        enum case_timeliness t = CASE_PENDING;
        st = timeliness_of(db, ids[i], &h, now, &t);
        timely += t == CASE_TIMELY;
        late += t == CASE_LATE;
        pending += t == CASE_PENDING;
    }
    free(ids);
    holidays_free(&h);
    if (st != ST_OK)
        return st;
    if (timely + late == 0)
        return ST_NOTFOUND; /* no case judged yet: nothing to share */
    out->value = 100.0 * (double)timely / (double)(timely + late);
    snprintf(out->basis, sizeof out->basis,
             _("%lld / %lld cases with a plan approved on time (%lld still inside the deadline)"),
             timely, timely + late, pending);
    return ST_OK;
}

enum status score_cases_measure(struct db *db, enum measure m, int year,
                                struct score_measured *out)
{
    switch (m) {
    case MEASURE_ABUSE_CASES:
    case MEASURE_ABUSE_RATE:
    case MEASURE_INJURY_CASES:
    case MEASURE_INJURY_RATE:
    case MEASURE_INJURY_DEATHS:
    case MEASURE_SEVERE_PLANNED:
        if (!cases_kept(db))
            return ST_NOTFOUND;
        break;
    default:
        return ST_NOTFOUND;
    }
    switch (m) {
    case MEASURE_ABUSE_CASES: return case_count(db, year, abuse_kinds, out);
    case MEASURE_ABUSE_RATE: return child_count(db, year, abuse_kinds, false, true, out);
    case MEASURE_INJURY_CASES: return child_count(db, year, injury_kinds, false, false, out);
    case MEASURE_INJURY_RATE: return child_count(db, year, injury_kinds, false, true, out);
    case MEASURE_INJURY_DEATHS: return child_count(db, year, injury_kinds, true, false, out);
    default: return grave_planned(db, year, out);
    }
}
