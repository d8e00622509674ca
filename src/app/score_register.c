/* score_register — the register's measures (app/measures, the same
 * computation the plan targets use) as a measure provider for the score
 * sheet: a table from the sheet's measures to the plans' ones. */
#include <config.h>
#include "treem/app/score_register.h"
#include "treem/app/measures.h"

#include <stdio.h>

static const struct {
    enum score_measure score;
    enum plan_measure plan;
} same_as[] = {
    {MEASURE_BIRTH_REG_ON_TIME, PLAN_MEASURE_BIRTH_REG_ON_TIME_RATE},
    {MEASURE_VACCINATED_U1, PLAN_MEASURE_VACCINATED_U1_RATE},
    {MEASURE_UNDERWEIGHT_U5, PLAN_MEASURE_UNDERWEIGHT_U5_RATE},
    {MEASURE_STUNTED_U5, PLAN_MEASURE_STUNTING_U5_RATE},
    {MEASURE_HEALTH_CHECKED, PLAN_MEASURE_HEALTH_CHECK_RATE},
    {MEASURE_PRESCHOOL, PLAN_MEASURE_PRESCHOOL_RATE},
    {MEASURE_SC_HELPED, PLAN_MEASURE_SC_CHILDREN_HELPED_RATE},
};

/* 31/12 of year, or today when earlier. */
static struct date measure_day(int year)
{
    struct date end = {year, 12, 31}, today = date_today();
    return date_cmp(today, end) < 0 ? today : end;
}

enum status score_register_measure(struct db *db, enum score_measure m, int year,
                                   struct score_measured *out)
{
    for (size_t i = 0; i < sizeof same_as / sizeof *same_as; i++) {
        if (same_as[i].score != m)
            continue;
        struct plan_measured got = {0, 0, 0};
        enum status st = measures_plan(db, same_as[i].plan, year, measure_day(year), &got);
        if (st != ST_OK)
            return st;
        out->value = got.value;
        if (got.denominator > 0)
            snprintf(out->basis, sizeof out->basis, "%ld / %ld", got.numerator, got.denominator);
        return ST_OK;
    }
    return ST_NOTFOUND; /* abuse, injuries, approved plans: the cases' business */
}
