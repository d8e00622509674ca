/* score_register — child_stats as a measure provider for the score sheet. */
#include <config.h>
#include "treem/app/score_register.h"
#include "treem/app/child_stats.h"
#include "treem/app/who_tables.h"
#include "treem/core/i18n.h"

#include <stdio.h>

/* 31/12 of year, or today when earlier. */
static struct date measure_day(int year)
{
    struct date end = {year, 12, 31}, today = date_today();
    return date_cmp(today, end) < 0 ? today : end;
}

static enum status ratio(enum status st, long long num, long long den, struct score_measured *out)
{
    if (st != ST_OK)
        return st;
    if (den <= 0)
        return ST_NOTFOUND;
    out->value = (double)num * 100.0 / (double)den;   /* exact when the rate is whole */
    snprintf(out->basis, sizeof out->basis, "%lld / %lld", num, den);
    return ST_OK;
}

static enum status nutrition(struct db *db, enum score_measure m, int year,
                             struct score_measured *out)
{
    const struct growth_ref *ref = who_tables_shared();
    if (!ref)
        return ST_NOTFOUND;
    struct child_nutrition nu;
    enum status st = child_stats_malnutrition(db, ref, measure_day(year), &nu);
    return m == MEASURE_UNDERWEIGHT_U5 ? ratio(st, nu.underweight, nu.weighed, out)
                                       : ratio(st, nu.stunted, nu.measured, out);
}

enum status score_register_measure(struct db *db, enum score_measure m, int year,
                                   struct score_measured *out)
{
    struct child_ratio r = {0, 0};
    enum status st;
    switch (m) {
    case MEASURE_BIRTH_REG_ON_TIME:
        st = child_stats_birth_reg(db, year, &r);
        break;
    case MEASURE_VACCINATED_U1:
        st = child_stats_vaccinated_under1(db, year, &r);
        break;
    case MEASURE_HEALTH_CHECKED:
        st = child_stats_health_check(db, year, &r);
        break;
    case MEASURE_PRESCHOOL:
        st = child_stats_preschool(db, measure_day(year), &r);
        break;
    case MEASURE_UNDERWEIGHT_U5:
    case MEASURE_STUNTED_U5:
        return nutrition(db, m, year, out);
    default:
        return ST_NOTFOUND;
    }
    return ratio(st, r.num, r.den, out);
}
