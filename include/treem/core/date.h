/* date — calendar dates and times of day as the commune writes them.
 * Shown and typed as dd/mm/yyyy (d/m/yyyy and ISO yyyy-mm-dd are accepted),
 * stored as ISO text. Also: the program's "today" (fixable with TREEM_TODAY
 * for reproducible tests and demos), ages, and working days with a table of
 * public holidays. Day numbers count from 1970-01-01 (proleptic Gregorian). */
#ifndef TREEM_CORE_DATE_H
#define TREEM_CORE_DATE_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/status.h"

struct date { int y, m, d; };

/* A moment to the minute, for deadlines counted in hours. */
struct datetime { struct date date; int hour, min; };

#define DATE_BUF 11      /* "dd/mm/yyyy" or "yyyy-mm-dd" plus NUL */
#define DATETIME_BUF 17  /* "dd/mm/yyyy hh:mm" plus NUL */

bool date_is_leap(int y);
int date_days_in_month(int y, int m);
bool date_valid(struct date d);

/* Parses dd/mm/yyyy, d/m/yyyy (also with '-' or '.'), or yyyy-mm-dd.
 * ST_INVALID with a message saying what is wrong ("31/02/2024: tháng 2 …"). */
enum status date_parse(const char *s, struct date *out);

/* Parses "HH:MM" (or "H:MM", "HHhMM"); ST_INVALID for 25:00, 10:61 … */
enum status date_parse_time(const char *s, int *hour, int *min);

void date_format(struct date d, char buf[DATE_BUF]);   /* dd/mm/yyyy */
void date_iso(struct date d, char buf[DATE_BUF]);      /* yyyy-mm-dd */
void datetime_format(struct datetime t, char buf[DATETIME_BUF]);

long date_to_days(struct date d);
struct date date_from_days(long days);
struct date date_add_days(struct date d, long n);
/* The same day `years` years earlier (29/02 becomes 28/02 in a common year):
 * the cut-off birth date for an age on day d. */
struct date date_minus_years(struct date d, int years);
int date_cmp(struct date a, struct date b);
/* 0 = Monday … 6 = Sunday. */
int date_weekday(struct date d);

/* Minutes since 1970-01-01 00:00, and back. */
long long datetime_to_minutes(struct datetime t);
struct datetime datetime_from_minutes(long long m);

/* The program's today / now: TREEM_TODAY ("2025-06-30", "30/06/2025", or
 * with a time "2025-06-30 14:00") when set and valid, else the local clock.
 * Everything that needs the date asks these. */
struct date date_today(void);
struct datetime date_now(void);

/* Completed years of age on day `on` for someone born on `birth`
 * (a 29/02 birthday counts as reached on 01/03 in common years). */
int date_age_years(struct date birth, struct date on);
/* Completed months of age (for the WHO tables). */
int date_age_months(struct date birth, struct date on);

/* A set of public holidays (day numbers), kept sorted, and of make-up
 * working days ("làm bù": a Saturday or Sunday worked in exchange for a
 * bridge day off), also sorted. */
struct holidays { long *days; size_t n, cap; long *work; size_t nwork, capwork; };
enum status holidays_add(struct holidays *h, struct date d);
bool holidays_contains(const struct holidays *h, struct date d);
/* A make-up working day: a working day though it is a weekend day. */
enum status holidays_add_workday(struct holidays *h, struct date d);
bool holidays_is_workday(const struct holidays *h, struct date d);
/* True when the table holds any holiday in year y (deadlines in a year the
 * table does not cover may be wrong: the front ends warn). */
bool holidays_cover_year(const struct holidays *h, int y);
void holidays_free(struct holidays *h);

/* A make-up working day, or not a Saturday, Sunday or holiday (h may be NULL). */
bool date_is_working_day(struct date d, const struct holidays *h);
/* The n-th working day after d (n ≥ 0; n = 0 gives d itself). */
struct date date_add_working_days(struct date d, int n, const struct holidays *h);
/* Working days in (from, to]; negative when to is before from. */
int date_working_days_between(struct date from, struct date to, const struct holidays *h);

#endif
