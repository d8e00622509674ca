/* child_counts — the register's indicator counts as SQL: for each ratio of
 * app/child_stats.h, how many children of a band of birth dates meet the
 * indicator and how many are counted; and the latest weight and height of
 * each child of a band (for the malnutrition figures). Read-only. */
#ifndef TREEM_DB_CHILD_COUNTS_H
#define TREEM_DB_CHILD_COUNTS_H
#include "treem/db/db.h"
#include "treem/core/date.h"

/* Which ratio child_counts_ratio() counts; a and b are the two dates it
 * takes (their meaning is given with each). */
enum child_count {
    CHILD_COUNT_BIRTH_REG,    /* born a..b (b the day); num: registered on time; a child
                               * not registered whose 60 days still run is left out */
    CHILD_COUNT_VACCINATED,   /* born a..b; num: fully vaccinated before the first birthday */
    CHILD_COUNT_HEALTH_CHECK, /* born (birth_eff) in (a, b]; num: a health check from 01/01
                               * of b's year to b */
    CHILD_COUNT_PRESCHOOL,    /* born in (a, b]; num: at pre-school */
    CHILD_COUNT_INSURANCE,    /* born in (a, b]; num: with a health-insurance card */
    CHILD_COUNT_HELPED,       /* born in (a, b] and in a special-circumstance period on b;
                               * num: with help dated from 01/01 of b's year to b */
    CHILD_COUNT_SPECIAL,      /* born in (a, b]; num: in a special-circumstance period on b */
};

/* Counts ratio `which` for the dates a and b: *num children meeting it of
 * *den counted (both 0 on an error). ST_OK, or the database error naming
 * "cannot count the register". */
enum status child_counts_ratio(struct db *db, enum child_count which, struct date a, struct date b,
                               long long *num, long long *den);

/* One child's latest measurements on or before a day (after its birth). */
struct child_latest {
    const char *sex;          /* the stored code; valid during the callback only */
    struct date birth;        /* unset (y == 0) when not known */
    struct date weighed;      /* unset when never weighed */
    double weight_kg;
    struct date measured;     /* unset when never measured */
    double height_cm;
};
typedef void (*child_latest_fn)(const struct child_latest *m, void *ctx);

/* Calls fn once for each child born (birth_eff) in (a, b] with its latest
 * weight and height on or before b. ST_OK, or the database error (after
 * the rows read so far). */
enum status child_counts_latest(struct db *db, struct date a, struct date b, child_latest_fn fn,
                                void *ctx);

#endif
