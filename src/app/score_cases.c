/* score_cases — case counts as score-sheet measures. Abuse (xâm hại, Luật
 * Trẻ em Điều 4) counts sexual abuse, violence, exploitation, abandonment or
 * neglect and trafficking; criterion 6.2 looks at sexual abuse, abandonment
 * and trafficking (DOMAIN.md §4). */
#include <config.h>
#include "treem/app/score_cases.h"
#include "treem/app/children.h"
#include "treem/db/case_stats.h"
#include "treem/core/i18n.h"

#include <stdio.h>

static const char *const abuse_kinds[] = {"sexual_abuse", "violence", "exploitation", "neglect",
                                          "trafficking", NULL};
static const char *const injury_kinds[] = {"injury", NULL};
static const char *const grave_kinds[] = {"sexual_abuse", "neglect", "trafficking", NULL};

/* Children under 16 on 31/12 of year, or today when that is earlier. */
static enum status children_on(struct db *db, int year, long long *n)
{
    struct date end = {year, 12, 31}, today = date_today();
    struct child_query q;
    child_query_init(&q);
    q.day = date_cmp(today, end) < 0 ? today : end;
    return children_count(db, &q, n);
}

/* A database that holds no case at all does not keep its cases in treem:
 * its "0 cases" would be a false zero, so nothing is computed. */
static bool cases_kept(struct db *db)
{
    long long n = 0;
    return db_query_int(db, "SELECT count(*) FROM case_file", NULL, &n) == ST_OK && n > 0;
}

static enum status count_or_rate(struct db *db, int year, const char *const *kinds, bool rate,
                                 struct score_measured *out)
{
    long long cases = 0, children = 0;
    if (!cases_kept(db))
        return ST_NOTFOUND;
    enum status st = case_stats_count(db, year, kinds, &cases);
    if (st != ST_OK)
        return st;
    if (!rate) {
        out->value = (double)cases;
        snprintf(out->basis, sizeof out->basis, _("%lld cases recorded"), cases);
        return ST_OK;
    }
    if ((st = children_on(db, year, &children)) != ST_OK)
        return st;
    if (children == 0)
        return ST_NOTFOUND;
    out->value = 1000.0 * (double)cases / (double)children;
    snprintf(out->basis, sizeof out->basis, _("%lld cases / %lld children"), cases, children);
    return ST_OK;
}

enum status score_cases_measure(struct db *db, enum score_measure m, int year,
                                struct score_measured *out)
{
    switch (m) {
    case MEASURE_ABUSE_CASES: return count_or_rate(db, year, abuse_kinds, false, out);
    case MEASURE_ABUSE_RATE: return count_or_rate(db, year, abuse_kinds, true, out);
    case MEASURE_INJURY_CASES: return count_or_rate(db, year, injury_kinds, false, out);
    case MEASURE_INJURY_RATE: return count_or_rate(db, year, injury_kinds, true, out);
    case MEASURE_SEVERE_PLANNED: {
        long long num = 0, den = 0;
        enum status st = case_stats_approved(db, year, grave_kinds, &num, &den);
        if (st != ST_OK)
            return st;
        if (den == 0)
            return ST_NOTFOUND; /* no such case this year: nothing to share */
        out->value = 100.0 * (double)num / (double)den;
        snprintf(out->basis, sizeof out->basis, _("%lld / %lld cases with an approved plan"), num, den);
        return ST_OK;
    }
    default:
        return ST_NOTFOUND;
    }
}
