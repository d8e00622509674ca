/* measures — plan measures from the register's counts. */
#include <config.h>
#include "treem/app/measures.h"
#include "treem/app/child_stats.h"
#include "treem/app/who_tables.h"

static enum status rate(long long num, long long den, struct plan_measured *out)
{
    if (den <= 0)
        return ST_NOTFOUND; /* nobody to count: no value, not 0 % */
    out->value = 100.0 * (double)num / (double)den;
    out->numerator = (long)num;
    out->denominator = (long)den;
    return ST_OK;
}

static enum status nutrition(struct db *db, bool stunting, struct date on, struct plan_measured *out)
{
    const struct growth_ref *ref = who_tables_shared();
    if (!ref)
        return ST_NOTFOUND;
    struct child_nutrition n;
    enum status st = child_stats_malnutrition(db, ref, on, &n);
    if (st != ST_OK)
        return st;
    return stunting ? rate(n.stunted, n.measured, out) : rate(n.underweight, n.weighed, out);
}

enum status measures_plan(struct db *db, enum plan_measure m, int year, struct date on,
                          struct plan_measured *out)
{
    struct child_ratio r = {0, 0};
    enum status st;
    switch (m) {
    case PLAN_MEASURE_BIRTH_REG_ON_TIME_RATE: st = child_stats_birth_reg(db, year, on, &r); break;
    case PLAN_MEASURE_VACCINATED_U1_RATE: st = child_stats_vaccinated_under1(db, year, &r); break;
    case PLAN_MEASURE_HEALTH_CHECK_RATE: st = child_stats_health_check(db, year, &r); break;
    case PLAN_MEASURE_PRESCHOOL_RATE: st = child_stats_preschool(db, on, &r); break;
    case PLAN_MEASURE_INSURANCE_RATE: st = child_stats_insurance(db, on, &r); break;
    case PLAN_MEASURE_SC_CHILDREN_HELPED_RATE: st = child_stats_helped(db, on, &r); break;
    case PLAN_MEASURE_UNDERWEIGHT_U5_RATE: return nutrition(db, false, on, out);
    case PLAN_MEASURE_STUNTING_U5_RATE: return nutrition(db, true, on, out);
    default:
        /* register updates: the register keeps no count of these yet —
         * typed with a source */
        return ST_NOTFOUND;
    }
    return st == ST_OK ? rate(r.num, r.den, out) : st;
}
