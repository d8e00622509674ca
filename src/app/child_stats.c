/* child_stats — indicator counts over the register. */
#include <config.h>
#include "treem/app/child_stats.h"
#include "treem/db/child_counts.h"
#include "treem/model/enums.h"
#include "treem/core/i18n.h"

#include <string.h>

static struct date minus_years(struct date d, int years)
{
    d.y -= years;
    if (d.m == 2 && d.d == 29 && !date_is_leap(d.y))
        d.d = 28;
    return d;
}

/* Counts ratio which over the dates a, b (db/child_counts.h). */
static enum status two_counts(struct db *db, enum child_count which, struct date a, struct date b,
                              struct child_ratio *out)
{
    return child_counts_ratio(db, which, a, b, &out->num, &out->den);
}

enum status child_stats_birth_reg(struct db *db, int year, struct date day, struct child_ratio *out)
{
    /* from 01/01 of year to day (31/12 or earlier): born in the year by
     * the day; one not yet registered whose 60 days still run is left out */
    struct date end = {year, 12, 31};
    return two_counts(db, CHILD_COUNT_BIRTH_REG, (struct date){year, 1, 1}, date_cmp(day, end) < 0 ? day : end, out);
}

enum status child_stats_vaccinated_under1(struct db *db, int year, struct child_ratio *out)
{
    return two_counts(db, CHILD_COUNT_VACCINATED, (struct date){year - 1, 1, 1}, (struct date){year - 1, 12, 31}, out);
}

enum status child_stats_health_check(struct db *db, int year, struct child_ratio *out)
{
    struct date end = {year, 12, 31};
    return two_counts(db, CHILD_COUNT_HEALTH_CHECK, minus_years(end, 16), end, out);
}

enum status child_stats_preschool(struct db *db, struct date day, struct child_ratio *out)
{
    return two_counts(db, CHILD_COUNT_PRESCHOOL, minus_years(day, 6), minus_years(day, 3), out);
}

enum status child_stats_insurance(struct db *db, struct date day, struct child_ratio *out)
{
    return two_counts(db, CHILD_COUNT_INSURANCE, minus_years(day, 6), day, out);
}

enum status child_stats_helped(struct db *db, struct date day, struct child_ratio *out)
{
    /* from the day 16 years before to day: the children of
     * child_stats_special; num: help dated from 01/01 of the day's year */
    return two_counts(db, CHILD_COUNT_HELPED, minus_years(day, 16), day, out);
}

enum status child_stats_special(struct db *db, struct date day, struct child_ratio *out)
{
    return two_counts(db, CHILD_COUNT_SPECIAL, minus_years(day, 16), day, out);
}

struct assess_ctx {
    const struct growth_ref *ref;
    struct child_nutrition *out;
};

/* Adds one under-5 child's latest measurements to the figures (ctx: struct assess_ctx). */
static void assess_row(const struct child_latest *m, void *ctx)
{
    const struct growth_ref *ref = ((struct assess_ctx *)ctx)->ref;
    struct child_nutrition *out = ((struct assess_ctx *)ctx)->out;
    int sex = enum_from_code(&enum_child_sex, m->sex);
    out->under5++;
    if (!m->birth.y)
        return;
    if (m->weighed.y) {
        out->weighed++;
        struct growth_result r = growth_assess(ref, sex, date_age_months(m->birth, m->weighed),
                                               m->weight_kg, 0);
        out->underweight += growth_is_low(r.underweight);
    }
    if (m->measured.y) {
        out->measured++;
        struct growth_result r = growth_assess(ref, sex, date_age_months(m->birth, m->measured), 0,
                                               m->height_cm);
        out->stunted += growth_is_low(r.stunting);
    }
}

enum status child_stats_malnutrition(struct db *db, const struct growth_ref *ref, struct date day,
                                     struct child_nutrition *out)
{
    memset(out, 0, sizeof *out);
    struct assess_ctx ctx = {ref, out};
    return child_counts_latest(db, minus_years(day, 5), day, assess_row, &ctx);
}
