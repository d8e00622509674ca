/* test_date — parsing and printing, calendar arithmetic, ages, working days
 * with the holiday table shipped in the database, times and TREEM_TODAY. */
#include <config.h>
#include "tests.h"
#include "treem/app/catalog.h"
#include "treem/core/date.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define D(y, m, d) ((struct date){(y), (m), (d)})

static void assert_date(struct date got, struct date want, const char *what)
{
    ck_assert_msg(got.y == want.y && got.m == want.m && got.d == want.d,
                  "%s: got %04d-%02d-%02d, want %04d-%02d-%02d", what,
                  got.y, got.m, got.d, want.y, want.m, want.d);
}

/* ---------------------------------------------------------- parse --- */

static const struct { const char *s; struct date want; } valid[] = {
    {"05/09/2024", {2024, 9, 5}},
    {"5/9/2024", {2024, 9, 5}},
    {"05-09-2024", {2024, 9, 5}},
    {"5.9.2024", {2024, 9, 5}},
    {"2024-09-05", {2024, 9, 5}},
    {" 05/09/2024 ", {2024, 9, 5}},
    {"29/02/2024", {2024, 2, 29}},
    {"29/02/2000", {2000, 2, 29}},
    {"31/12/1999", {1999, 12, 31}},
    {"01/01/1900", {1900, 1, 1}},
    {"31/01/2025", {2025, 1, 31}},
    {"30/04/2025", {2025, 4, 30}},
};
#define NVALID (sizeof valid / sizeof *valid)

START_TEST(test_parse_valid)
{
    struct date d = {0, 0, 0};
    ck_assert_msg(date_parse(valid[_i].s, &d) == ST_OK, "%s: %s", valid[_i].s, status_message());
    assert_date(d, valid[_i].want, valid[_i].s);
    ck_assert(date_valid(d));
}
END_TEST

static const char *const invalid[] = {
    "31/02/2024", "30/02/2024", "29/02/2023", "29/02/1900", "00/01/2024", "32/01/2024",
    "31/04/2025", "01/13/2024", "01/00/2024", "01/01/24", "1/1/202", "01/01/2024x",
    "01/01/2024 junk", "", "   ", "abc", "05/09-2024", "2024-02-30", "2024-13-01",
    "2024/09/05", "123/01/2024", "12345-01-01", "1/1/20245", "01/01/0000",
};
#define NINVALID (sizeof invalid / sizeof *invalid)

START_TEST(test_parse_invalid)
{
    struct date d = {1, 2, 3};
    status_clear();
    ck_assert_msg(date_parse(invalid[_i], &d) == ST_INVALID, "'%s' was accepted", invalid[_i]);
    ck_assert_int_eq(status_last(), ST_INVALID);
    /* the message quotes what was typed, so the user sees which field */
    ck_assert_msg(strstr(status_message(), invalid[_i]) != NULL, "message '%s' for '%s'",
                  status_message(), invalid[_i]);
    assert_date(d, D(1, 2, 3), "output untouched");
}
END_TEST

START_TEST(test_leap_years)
{
    static const struct { int y; bool leap; } years[] = {
        {2000, true}, {1900, false}, {2024, true}, {2023, false}, {2100, false},
        {2400, true}, {1996, true}, {2025, false},
    };
    for (size_t i = 0; i < sizeof years / sizeof *years; i++) {
        ck_assert_msg(date_is_leap(years[i].y) == years[i].leap, "%d", years[i].y);
        ck_assert_int_eq(date_days_in_month(years[i].y, 2), years[i].leap ? 29 : 28);
        ck_assert_int_eq(date_valid(D(years[i].y, 2, 29)), years[i].leap);
    }
    ck_assert_int_eq(date_days_in_month(2025, 13), 0);
    ck_assert_int_eq(date_days_in_month(2025, 0), 0);
}
END_TEST

START_TEST(test_format_round_trip)
{
    struct date d, back;
    char buf[DATE_BUF];
    ck_assert_int_eq(date_parse(valid[_i].s, &d), ST_OK);
    date_format(d, buf);
    ck_assert_uint_eq(strlen(buf), 10);
    ck_assert_int_eq(buf[2], '/');
    ck_assert_int_eq(date_parse(buf, &back), ST_OK);
    assert_date(back, d, buf);
    date_iso(d, buf);
    ck_assert_uint_eq(strlen(buf), 10);
    ck_assert_int_eq(buf[4], '-');
    ck_assert_int_eq(date_parse(buf, &back), ST_OK);
    assert_date(back, d, buf);
}
END_TEST

START_TEST(test_format_examples)
{
    char buf[DATE_BUF], tbuf[DATETIME_BUF];
    date_format(D(2024, 9, 5), buf);
    ck_assert_str_eq(buf, "05/09/2024");
    date_iso(D(2024, 9, 5), buf);
    ck_assert_str_eq(buf, "2024-09-05");
    datetime_format((struct datetime){{2025, 1, 2}, 8, 5}, tbuf);
    ck_assert_str_eq(tbuf, "02/01/2025 08:05");
}
END_TEST

/* --------------------------------------------------- day numbers --- */

START_TEST(test_days_round_trip)
{
    long first = date_to_days(D(1900, 1, 1)), last = date_to_days(D(2999, 12, 31));
    struct date prev = date_from_days(first - 1);
    assert_date(prev, D(1899, 12, 31), "day before 1900");
    for (long day = first; day <= last; day++) {
        struct date d = date_from_days(day);
        test_check(date_valid(d), "day %ld", day);
        test_check(date_to_days(d) == day, "day %ld: back to %ld", day, date_to_days(d));
        /* each day follows the previous one in the calendar */
        bool next_in_month = d.y == prev.y && d.m == prev.m && d.d == prev.d + 1;
        bool next_month = d.d == 1 && prev.d == date_days_in_month(prev.y, prev.m) &&
                          ((d.y == prev.y && d.m == prev.m + 1) ||
                           (d.y == prev.y + 1 && d.m == 1 && prev.m == 12));
        test_check(next_in_month || next_month, "%04d-%02d-%02d after %04d-%02d-%02d",
                      d.y, d.m, d.d, prev.y, prev.m, prev.d);
        prev = d;
    }
    ck_assert_int_eq(date_to_days(D(1970, 1, 1)), 0);
    ck_assert_int_eq(date_to_days(D(2000, 3, 1)), 11017);
}
END_TEST

START_TEST(test_weekday)
{
    static const struct { struct date d; int wd; } cases[] = {
        {{1970, 1, 1}, 3},   /* Thursday */
        {{1900, 1, 1}, 0},   /* Monday */
        {{2000, 1, 1}, 5},   /* Saturday */
        {{2024, 9, 2}, 0},   /* Monday, Quốc khánh */
        {{2025, 1, 29}, 2},  /* Wednesday, mùng 1 Tết Ất Tỵ */
        {{2025, 6, 30}, 0},
        {{2025, 6, 29}, 6},  /* Sunday */
        {{1969, 12, 31}, 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        ck_assert_msg(date_weekday(cases[i].d) == cases[i].wd, "%04d-%02d-%02d: %d",
                      cases[i].d.y, cases[i].d.m, cases[i].d.d, date_weekday(cases[i].d));
}
END_TEST

START_TEST(test_add_days)
{
    static const struct { struct date from; long n; struct date want; } cases[] = {
        {{2024, 12, 31}, 1, {2025, 1, 1}},
        {{2025, 1, 1}, -1, {2024, 12, 31}},
        {{2024, 2, 28}, 1, {2024, 2, 29}},
        {{2023, 2, 28}, 1, {2023, 3, 1}},
        {{2024, 1, 1}, 366, {2025, 1, 1}},
        {{2025, 1, 1}, 365, {2026, 1, 1}},
        {{2025, 6, 30}, 0, {2025, 6, 30}},
        {{2025, 6, 30}, -365 * 16 - 4, {2009, 6, 30}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_date(date_add_days(cases[i].from, cases[i].n), cases[i].want, "add_days");
    ck_assert_int_lt(date_cmp(D(2024, 12, 31), D(2025, 1, 1)), 0);
    ck_assert_int_gt(date_cmp(D(2025, 1, 1), D(2024, 12, 31)), 0);
    ck_assert_int_eq(date_cmp(D(2025, 1, 1), D(2025, 1, 1)), 0);
}
END_TEST

/* ----------------------------------------------------------- ages --- */

/* An age and what it must be: in whole years or months, born then, on a day. */
struct age_case {
    struct date birth, on;
    int want;
};

static void check_ages(int (*age)(struct date birth, struct date on), const struct age_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int got = age(cases[i].birth, cases[i].on);
        ck_assert_msg(got == cases[i].want, "case %zu: %d, want %d", i, got, cases[i].want);
    }
}

START_TEST(test_age_years)
{
    static const struct age_case cases[] = {
        {{2009, 6, 15}, {2025, 6, 14}, 15},  /* the day before the 16th birthday */
        {{2009, 6, 15}, {2025, 6, 15}, 16},  /* the birthday itself */
        {{2009, 6, 15}, {2025, 6, 16}, 16},
        {{2009, 12, 31}, {2025, 1, 1}, 15},
        {{2025, 6, 30}, {2025, 6, 30}, 0},
        {{2008, 2, 29}, {2024, 2, 28}, 15},
        {{2008, 2, 29}, {2024, 2, 29}, 16},  /* leap year: on the day */
        {{2008, 2, 29}, {2025, 2, 28}, 16},  /* common year: not yet */
        {{2008, 2, 29}, {2025, 3, 1}, 17},   /* … reached on 01/03 */
        {{2009, 3, 1}, {2025, 2, 28}, 15},
    };
    check_ages(date_age_years, cases, sizeof cases / sizeof *cases);
}
END_TEST

/* The cut-off birth date agrees with date_age_years on every day of seven
 * years (two leap days among them): born on it, 16 on `on`; a day later, 15. */
START_TEST(test_minus_years)
{
    struct date first = {2023, 1, 1};
    for (long n = 0; n < 7 * 366; n++) {
        struct date on = date_add_days(first, n), cut = date_minus_years(on, 16);
        ck_assert_msg(date_age_years(cut, on) == 16, "%04d-%02d-%02d", on.y, on.m, on.d);
        ck_assert_msg(date_age_years(date_add_days(cut, 1), on) == 15, "%04d-%02d-%02d", on.y, on.m, on.d);
    }
    struct date leap = date_minus_years((struct date){2028, 2, 29}, 15);
    ck_assert(leap.y == 2013 && leap.m == 2 && leap.d == 28);
}
END_TEST

START_TEST(test_age_months)
{
    static const struct age_case cases[] = {
        {{2024, 1, 15}, {2025, 1, 14}, 11},
        {{2024, 1, 15}, {2025, 1, 15}, 12},
        {{2025, 1, 31}, {2025, 2, 27}, 0},
        {{2025, 1, 31}, {2025, 2, 28}, 1},   /* month end counts as the day */
        {{2024, 3, 31}, {2024, 4, 30}, 1},
        {{2024, 3, 30}, {2024, 4, 29}, 0},
        {{2020, 6, 30}, {2025, 6, 30}, 60},
        {{2020, 6, 30}, {2025, 6, 29}, 59},
        {{2025, 6, 30}, {2025, 6, 30}, 0},
    };
    check_ages(date_age_months, cases, sizeof cases / sizeof *cases);
}
END_TEST

/* --------------------------------------------------- working days --- */

START_TEST(test_holidays_set)
{
    struct holidays h = {0};
    ck_assert_int_eq(holidays_add(&h, D(2025, 9, 2)), ST_OK);
    ck_assert_int_eq(holidays_add(&h, D(2025, 1, 1)), ST_OK);
    ck_assert_int_eq(holidays_add(&h, D(2025, 9, 1)), ST_OK);
    ck_assert_int_eq(holidays_add(&h, D(2025, 1, 1)), ST_OK); /* twice: kept once */
    ck_assert_uint_eq(h.n, 3);
    for (size_t i = 1; i < h.n; i++)
        ck_assert_int_lt(h.days[i - 1], h.days[i]);
    ck_assert(holidays_contains(&h, D(2025, 9, 1)));
    ck_assert(!holidays_contains(&h, D(2025, 9, 3)));
    ck_assert(!holidays_contains(NULL, D(2025, 9, 1)));
    ck_assert(!date_is_working_day(D(2025, 9, 2), &h));  /* a Tuesday holiday */
    ck_assert(date_is_working_day(D(2025, 9, 2), NULL));
    ck_assert(!date_is_working_day(D(2025, 6, 28), NULL)); /* Saturday */
    holidays_free(&h);
    ck_assert_ptr_null(h.days);
    ck_assert_uint_eq(h.n, 0);
}
END_TEST

/* with_holidays: use the table from a fresh database (Tết 2025 is
 * 27–31/01/2025 there). */
static const struct {
    struct date from;
    int n;
    bool with_holidays;
    struct date want;
} add_cases[] = {
    {{2025, 6, 26}, 5, false, {2025, 7, 3}},  /* Thursday, over a weekend */
    {{2025, 6, 27}, 2, false, {2025, 7, 1}},  /* 2 from a Friday */
    {{2025, 6, 28}, 1, false, {2025, 6, 30}}, /* from a Saturday */
    {{2025, 6, 27}, 0, false, {2025, 6, 27}},
    {{2025, 1, 24}, 5, false, {2025, 1, 31}}, /* no holiday table */
    {{2025, 1, 24}, 5, true, {2025, 2, 7}},   /* Friday before Tết */
    {{2025, 1, 23}, 5, true, {2025, 2, 6}},
    {{2024, 12, 31}, 1, true, {2025, 1, 2}},  /* over New Year's Day */
    {{2025, 4, 29}, 1, true, {2025, 5, 5}},   /* 30/4, 1/5, 2/5 and a weekend */
};
#define NADD (sizeof add_cases / sizeof *add_cases)

static void db_holidays(struct holidays *h)
{
    struct db *db = test_db_new(false);
    ck_assert_msg(catalog_holidays(db, h) == ST_OK, "%s", status_message());
    test_db_free(db);
    ck_assert_uint_gt(h->n, 20);
}

START_TEST(test_add_working_days)
{
    struct holidays h = {0};
    if (add_cases[_i].with_holidays)
        db_holidays(&h);
    const struct holidays *hp = add_cases[_i].with_holidays ? &h : NULL;
    struct date got = date_add_working_days(add_cases[_i].from, add_cases[_i].n, hp);
    assert_date(got, add_cases[_i].want, "add_working_days");
    ck_assert_int_eq(date_working_days_between(add_cases[_i].from, got, hp), add_cases[_i].n);
    ck_assert_int_eq(date_working_days_between(got, add_cases[_i].from, hp), -add_cases[_i].n);
    holidays_free(&h);
}
END_TEST

START_TEST(test_working_days_between)
{
    struct holidays h = {0};
    db_holidays(&h);
    ck_assert_int_eq(date_working_days_between(D(2025, 6, 27), D(2025, 7, 4), NULL), 5);
    ck_assert_int_eq(date_working_days_between(D(2025, 7, 4), D(2025, 6, 27), NULL), -5);
    ck_assert_int_eq(date_working_days_between(D(2025, 6, 27), D(2025, 6, 27), NULL), 0);
    ck_assert_int_eq(date_working_days_between(D(2025, 6, 28), D(2025, 6, 29), NULL), 0);
    ck_assert_int_eq(date_working_days_between(D(2025, 1, 24), D(2025, 2, 7), NULL), 10);
    ck_assert_int_eq(date_working_days_between(D(2025, 1, 24), D(2025, 2, 7), &h), 5);
    /* adding n then counting gives n back, from every day of 2025 */
    for (long day = date_to_days(D(2025, 1, 1)); day <= date_to_days(D(2025, 12, 31)); day++) {
        struct date d = date_from_days(day);
        for (int n = 0; n <= 12; n += 4) {
            struct date e = date_add_working_days(d, n, &h);
            long back = date_working_days_between(d, e, &h);
            test_check(back == n, "day %ld + %d working days: %ld back", day, n, back);
            test_check(n == 0 || date_is_working_day(e, &h), "day %ld + %d: not a working day", day, n);
        }
    }
    holidays_free(&h);
}
END_TEST

/* ---------------------------------------------------------- times --- */

START_TEST(test_parse_time)
{
    static const struct { const char *s; bool ok; int h, m; } cases[] = {
        {"08:30", true, 8, 30}, {"8:30", true, 8, 30}, {"08h30", true, 8, 30},
        {"23:59", true, 23, 59}, {"0:00", true, 0, 0}, {" 14:05 ", true, 14, 5},
        {"25:00", false, 0, 0}, {"24:00", false, 0, 0}, {"10:61", false, 0, 0},
        {"10:60", false, 0, 0}, {"10:5", false, 0, 0}, {"", false, 0, 0},
        {"1030", false, 0, 0}, {"10:30x", false, 0, 0}, {":30", false, 0, 0},
        {"123:00", false, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int h = -1, m = -1;
        enum status st = date_parse_time(cases[i].s, &h, &m);
        ck_assert_msg((st == ST_OK) == cases[i].ok, "'%s': %s", cases[i].s, status_message());
        if (cases[i].ok) {
            ck_assert_int_eq(h, cases[i].h);
            ck_assert_int_eq(m, cases[i].m);
        } else {
            ck_assert_int_eq(st, ST_INVALID);
            ck_assert_int_eq(h, -1);
            ck_assert_ptr_nonnull(strstr(status_message(), cases[i].s));
        }
    }
}
END_TEST

START_TEST(test_datetime_minutes)
{
    struct datetime t = {{2025, 6, 30}, 20, 0};
    struct datetime later = datetime_from_minutes(datetime_to_minutes(t) + 12 * 60);
    assert_date(later.date, D(2025, 7, 1), "12 hours after 20:00");
    ck_assert_int_eq(later.hour, 8);
    ck_assert_int_eq(later.min, 0);
    struct datetime before = datetime_from_minutes(-1);
    assert_date(before.date, D(1969, 12, 31), "minute -1");
    ck_assert_int_eq(before.hour, 23);
    ck_assert_int_eq(before.min, 59);
    long long start = datetime_to_minutes((struct datetime){{2024, 12, 31}, 0, 0});
    for (long long m = start; m < start + 3 * 1440; m += 7) {
        struct datetime x = datetime_from_minutes(m);
        test_check(date_valid(x.date), "minute %lld", m);
        test_check(x.hour >= 0 && x.hour < 24 && x.min >= 0 && x.min < 60, "minute %lld", m);
        test_check(datetime_to_minutes(x) == m, "minute %lld", m);
    }
}
END_TEST

/* ----------------------------------------------------- TREEM_TODAY --- */

static const struct {
    const char *env;
    bool fixed;
    struct date d;
    int h, m;
} today_cases[] = {
    {"2025-06-30", true, {2025, 6, 30}, 12, 0},
    {"30/06/2025", true, {2025, 6, 30}, 12, 0},
    {"2025-06-30 14:05", true, {2025, 6, 30}, 14, 5},
    {"2025-06-30T07:45", true, {2025, 6, 30}, 7, 45},
    {"2024-02-29", true, {2024, 2, 29}, 12, 0},
    {"2025-06-30 25:00", true, {2025, 6, 30}, 12, 0}, /* a bad time is ignored */
    {"2025-02-30", false, {0, 0, 0}, 0, 0},
    {"yesterday", false, {0, 0, 0}, 0, 0},
    {"", false, {0, 0, 0}, 0, 0},
};
#define NTODAY (sizeof today_cases / sizeof *today_cases)

static struct date clock_today(void)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    return D(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

START_TEST(test_treem_today)
{
    setenv("TREEM_TODAY", today_cases[_i].env, 1);
    status_set(ST_NOTFOUND, "%s", "earlier failure");
    struct date before = clock_today();
    struct date today = date_today();
    struct datetime now = date_now();
    struct date after = clock_today();
    if (today_cases[_i].fixed) {
        assert_date(today, today_cases[_i].d, today_cases[_i].env);
        assert_date(now.date, today_cases[_i].d, today_cases[_i].env);
        ck_assert_int_eq(now.hour, today_cases[_i].h);
        ck_assert_int_eq(now.min, today_cases[_i].m);
    } else { /* an unusable value falls back to the clock */
        ck_assert(date_cmp(today, before) == 0 || date_cmp(today, after) == 0);
    }
    /* asking the date leaves the caller's last failure alone */
    ck_assert_int_eq(status_last(), ST_NOTFOUND);
    ck_assert_str_eq(status_message(), "earlier failure");
    unsetenv("TREEM_TODAY");
    struct date real = date_today();
    ck_assert(date_cmp(real, before) == 0 || date_cmp(real, clock_today()) == 0);
}
END_TEST

Suite *suite_date(void)
{
    Suite *s = test_suite((struct test_spec){"date", "parse",
                           .tests = TEST_LIST(test_leap_years, test_format_examples, test_parse_time),
                           .loops = LOOP_LIST({test_parse_valid, 0, (int)NVALID},
                                              {test_parse_invalid, 0, (int)NINVALID},
                                              {test_format_round_trip, 0, (int)NVALID})}, NULL);
    test_tcase(s, (struct test_spec){.tcase = "arithmetic",
                   .tests = TEST_LIST(test_days_round_trip, test_weekday, test_add_days, test_age_years,
                                      test_minus_years, test_age_months, test_datetime_minutes),
                   .loops = LOOP_LIST({test_treem_today, 0, (int)NTODAY})});
    test_tcase(s, (struct test_spec){.tcase = "working_days", .timeout = 30,
                   .tests = TEST_LIST(test_holidays_set, test_working_days_between),
                   .loops = LOOP_LIST({test_add_working_days, 0, (int)NADD})});
    return s;
}
