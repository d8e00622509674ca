/* measures — the register's measures from its counts; the plans' provider. */
#include <config.h>
#include "treem/app/measures.h"
#include "treem/app/auth.h"
#include "treem/app/child_stats.h"
#include "treem/app/score_cases.h"
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

enum status measures_register(struct db *db, enum measure m, int year, struct date on,
                              struct plan_measured *out)
{
    struct child_ratio r = {0, 0};
    enum status st;
    switch (m) {
    case MEASURE_BIRTH_REG_ON_TIME: st = child_stats_birth_reg(db, year, on, &r); break;
    case MEASURE_VACCINATED_U1: st = child_stats_vaccinated_under1(db, year, &r); break;
    case MEASURE_HEALTH_CHECKED: st = child_stats_health_check(db, year, &r); break;
    case MEASURE_PRESCHOOL: st = child_stats_preschool(db, on, &r); break;
    case MEASURE_INSURANCE: st = child_stats_insurance(db, on, &r); break;
    case MEASURE_SC_HELPED: st = child_stats_helped(db, on, &r); break;
    case MEASURE_UNDERWEIGHT_U5: return nutrition(db, false, on, out);
    case MEASURE_STUNTED_U5: return nutrition(db, true, on, out);
    default:
        /* register updates: the register keeps no count of these yet —
         * typed with a source; the case files' measures: measures_plan */
        return ST_NOTFOUND;
    }
    return st == ST_OK ? rate(r.num, r.den, out) : st;
}

enum status measures_plan(struct db *db, enum measure m, int year, struct date on,
                          struct plan_measured *out)
{
    const struct measure_info *info = measure_info(m);
    /* a collaborator sees only their villages: the commune-wide figures
     * (the register's and the case files') are not computed for them */
    if (!info || auth_village_scope() != 0)
        return ST_NOTFOUND;
    if (info->from == MEASURE_FROM_REGISTER)
        return measures_register(db, m, year, on, out);
    struct score_measured got = {0};
    enum status st = score_cases_measure(db, m, year, &got);
    if (st == ST_OK)
        *out = (struct plan_measured){got.value, 0, 0};
    return st;
}
