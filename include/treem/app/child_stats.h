/* child_stats — the register's counts that the child-friendly criteria
 * (QĐ 06/QĐ-TTg) and the reports need: birth registration on time (2),
 * under-1 vaccination (7), under-5 malnutrition (8), periodic health checks
 * (9), pre-school attendance at 3–5 (10), children in special circumstances
 * and the help they received (6), health insurance under 6. Each gives a numerator and the denominator it is a share of; the
 * scoring bands are the rubric's business, not this module's. */
#ifndef TREEM_APP_CHILD_STATS_H
#define TREEM_APP_CHILD_STATS_H
#include "treem/db/db.h"
#include "treem/core/date.h"
#include "treem/model/growth.h"

struct child_ratio {
    long long num;  /* children meeting the indicator */
    long long den;  /* children it is counted over */
};

/* Children with a real birth date in `year`, born by `day` (31/12 when day
 * is later); a child not yet registered whose 60 days (Luật Hộ tịch Điều
 * 15) still run on `day` is neither on time nor late and is left out. num:
 * registered on time. */
enum status child_stats_birth_reg(struct db *db, int year, struct date day, struct child_ratio *out);

/* Children whose first birthday falls in `year` (born in year − 1); num:
 * full vaccination completed before the first birthday. */
enum status child_stats_vaccinated_under1(struct db *db, int year, struct child_ratio *out);

struct child_nutrition {
    long long under5;       /* under 5 on the day (by birth date or estimate) */
    long long weighed;      /* with a real birth date and a weight on or before the day */
    long long underweight;  /* of those, weight-for-age below −2 SD at that weighing */
    long long measured;     /* with a real birth date and a length/height on or before the day */
    long long stunted;      /* of those, height-for-age below −2 SD */
};

/* Under-5 malnutrition on `day`, from each child's latest weight and latest
 * length/height on or before it, assessed at the age in months on the day
 * of measuring (children of unknown sex are counted but not assessed). */
enum status child_stats_malnutrition(struct db *db, const struct growth_ref *ref, struct date day,
                                     struct child_nutrition *out);

/* Children under 16 on 31/12 of `year` (born by then); num: with at least
 * one health check dated in `year`. */
enum status child_stats_health_check(struct db *db, int year, struct child_ratio *out);

/* Children aged 3 to 5 on `day` (3 ≤ age < 6); num: attending pre-school
 * (mầm non). */
enum status child_stats_preschool(struct db *db, struct date day, struct child_ratio *out);

/* Children under 6 on `day`; num: with a health-insurance card (thẻ BHYT). */
enum status child_stats_insurance(struct db *db, struct date day, struct child_ratio *out);

/* Children under 16 in a special-circumstance sub-group on `day` (the
 * denominator of child_stats_special's numerator); num: those with help
 * (child_help) dated from 01/01 of day's year to `day` (criterion 6.1). */
enum status child_stats_helped(struct db *db, struct date day, struct child_ratio *out);

/* Children under 16 on `day`; num: in at least one special-circumstance
 * sub-group on that day. */
enum status child_stats_special(struct db *db, struct date day, struct child_ratio *out);

#endif
