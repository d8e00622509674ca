/* score_register — the register's measures (app/measures, the same
 * computation the plan targets use, by the same codes) as a measure
 * provider for the score sheet. */
#include <config.h>
#include "treem/app/score_register.h"
#include "treem/app/measures.h"

#include <stdio.h>

enum status score_register_measure(struct db *db, enum measure m, int year,
                                   struct score_measured *out)
{
    struct plan_measured got = {0, 0, 0};
    /* abuse, injuries, approved plans: the cases' business (ST_NOTFOUND) */
    enum status st = measures_register(db, m, year, measure_day(year, date_today()), &got);
    if (st != ST_OK)
        return st;
    out->value = got.value;
    if (got.denominator > 0)
        snprintf(out->basis, sizeof out->basis, "%ld / %ld", got.numerator, got.denominator);
    return ST_OK;
}
