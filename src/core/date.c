/* date — civil-date arithmetic (days_from_civil after H. Hinnant), parsing
 * and printing, the program's clock, ages and working days. */
#include <config.h>
#include "treem/core/date.h"
#include "treem/core/i18n.h"
#include "treem/core/platform.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

bool date_is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && date_is_leap(y) ? 29 : days[m - 1];
}

bool date_valid(struct date d)
{
    return d.y >= 1900 && d.y <= 2999 && d.m >= 1 && d.m <= 12 &&
           d.d >= 1 && d.d <= date_days_in_month(d.y, d.m);
}

/* Reads 1..maxdigits digits; returns the number of digits read. */
static int read_num(const char **p, int maxdigits, int *out)
{
    int n = 0, v = 0;
    while (n < maxdigits && isdigit((unsigned char)**p)) {
        v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    *out = v;
    return n;
}

static enum status check_parsed(const char *s, struct date d, struct date *out)
{
    if (d.m < 1 || d.m > 12)
        return status_set(ST_INVALID, _("%s: month must be 1 to 12"), s);
    if (d.y < 1900 || d.y > 2999)
        return status_set(ST_INVALID, _("%s: year must have four digits"), s);
    if (d.d < 1 || d.d > date_days_in_month(d.y, d.m))
        return status_set(ST_INVALID, _("%s: month %d of %d has %d days"), s,
                          d.m, d.y, date_days_in_month(d.y, d.m));
    *out = d;
    return ST_OK;
}

/* Reads the digits and separators of a date; false on a shape error. */
static bool parse_shape(const char *s, struct date *d)
{
    const char *p = s;
    d->y = d->m = d->d = 0;
    while (*p == ' ')
        p++;
    int n1 = read_num(&p, 4, &d->y);
    if (n1 == 4 && *p == '-') { /* ISO */
        p++;
        if (read_num(&p, 2, &d->m) == 0 || *p++ != '-' || read_num(&p, 2, &d->d) == 0)
            return false;
    } else if (n1 >= 1 && n1 <= 2 && (*p == '/' || *p == '-' || *p == '.')) {
        char sep = *p++;
        d->d = d->y;
        if (read_num(&p, 2, &d->m) == 0 || *p++ != sep || read_num(&p, 4, &d->y) != 4)
            return false;
    } else {
        return false;
    }
    while (*p == ' ')
        p++;
    return *p == '\0';
}

enum status date_parse(const char *s, struct date *out)
{
    struct date d;
    if (!parse_shape(s, &d))
        return status_set(ST_INVALID, _("'%s' is not a date: write dd/mm/yyyy"), s);
    return check_parsed(s, d, out);
}

enum status date_parse_time(const char *s, int *hour, int *min)
{
    const char *p = s;
    int h, m;
    while (*p == ' ')
        p++;
    if (read_num(&p, 2, &h) == 0 || (*p != ':' && *p != 'h' && *p != 'g'))
        goto bad;
    p++;
    if (read_num(&p, 2, &m) != 2)
        goto bad;
    while (*p == ' ')
        p++;
    if (*p)
        goto bad;
    if (h > 23)
        return status_set(ST_INVALID, _("%s: the hour must be 0 to 23"), s);
    if (m > 59)
        return status_set(ST_INVALID, _("%s: the minutes must be 0 to 59"), s);
    *hour = h;
    *min = m;
    return ST_OK;
bad:
    return status_set(ST_INVALID, _("'%s' is not a time: write hh:mm"), s);
}

/* Writes v as `width` digits (zero-padded, the high ones dropped) at p;
 * returns p + width. Dates are written on every row of an export, where
 * snprintf cost more than the rest of the date work. */
static char *digits(char *p, unsigned v, int width)
{
    for (int i = width - 1; i >= 0; i--, v /= 10)
        p[i] = (char)('0' + v % 10);
    return p + width;
}

void date_format(struct date d, char buf[DATE_BUF])
{
    char *p = digits(buf, (unsigned)d.d, 2);
    *p++ = '/';
    p = digits(p, (unsigned)d.m, 2);
    *p++ = '/';
    p = digits(p, (unsigned)d.y, 4);
    *p = '\0';
}

void date_iso(struct date d, char buf[DATE_BUF])
{
    char *p = digits(buf, (unsigned)d.y, 4);
    *p++ = '-';
    p = digits(p, (unsigned)d.m, 2);
    *p++ = '-';
    p = digits(p, (unsigned)d.d, 2);
    *p = '\0';
}

void datetime_format(struct datetime t, char buf[DATETIME_BUF])
{
    date_format(t.date, buf);
    snprintf(buf + 10, DATETIME_BUF - 10, " %02u:%02u", (unsigned)t.hour % 100u,
             (unsigned)t.min % 100u);
}

long date_to_days(struct date d)
{
    long y = d.y - (d.m <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct date date_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    struct date d;
    d.d = (int)(doy - (153 * mp + 2) / 5 + 1);
    d.m = (int)(mp < 10 ? mp + 3 : mp - 9);
    d.y = (int)(yoe + era * 400 + (d.m <= 2));
    return d;
}

struct date date_add_days(struct date d, long n)
{
    return date_from_days(date_to_days(d) + n);
}

struct date date_minus_years(struct date d, int years)
{
    d.y -= years;
    if (d.m == 2 && d.d == 29 && !date_is_leap(d.y))
        d.d = 28;
    return d;
}

int date_cmp(struct date a, struct date b)
{
    long x = date_to_days(a), y = date_to_days(b);
    return (x > y) - (x < y);
}

int date_weekday(struct date d)
{
    long z = date_to_days(d); /* 1970-01-01 was a Thursday (3) */
    long w = (z + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

long long datetime_to_minutes(struct datetime t)
{
    return (long long)date_to_days(t.date) * 1440 + t.hour * 60 + t.min;
}

struct datetime datetime_from_minutes(long long m)
{
    long long days = m >= 0 ? m / 1440 : -((-m + 1439) / 1440);
    long long rest = m - days * 1440;
    struct datetime t = {date_from_days((long)days), (int)(rest / 60), (int)(rest % 60)};
    return t;
}

/* Reads TREEM_TODAY; true when it holds a valid date (and maybe a time).
 * Quiet: asking the date never disturbs the caller's last status. */
static bool fixed_now(struct datetime *t)
{
    const char *env = getenv("TREEM_TODAY");
    if (!env || !*env)
        return false;
    char day[32];
    const char *sp = strpbrk(env, " T");
    size_t n = sp ? (size_t)(sp - env) : strlen(env);
    if (n >= sizeof day)
        return false;
    memcpy(day, env, n);
    day[n] = '\0';
    if (!parse_shape(day, &t->date) || !date_valid(t->date))
        return false;
    t->hour = 12;
    t->min = 0;
    int h, m;
    const char *p = sp ? sp + 1 : NULL;
    if (p && read_num(&p, 2, &h) > 0 && *p == ':' && (p++, read_num(&p, 2, &m) == 2) &&
        h < 24 && m < 60) {
        t->hour = h;
        t->min = m;
    }
    return true;
}

struct datetime date_now(void)
{
    struct datetime t;
    if (fixed_now(&t))
        return t;
    time_t now = time(NULL);
    struct tm tm;
    platform_localtime(now, &tm);
    t.date.y = tm.tm_year + 1900;
    t.date.m = tm.tm_mon + 1;
    t.date.d = tm.tm_mday;
    t.hour = tm.tm_hour;
    t.min = tm.tm_min;
    return t;
}

struct date date_today(void)
{
    return date_now().date;
}

int date_age_years(struct date birth, struct date on)
{
    int age = on.y - birth.y;
    if (on.m < birth.m || (on.m == birth.m && on.d < birth.d))
        age--;
    return age;
}

int date_age_months(struct date birth, struct date on)
{
    int months = (on.y - birth.y) * 12 + (on.m - birth.m);
    if (on.d < birth.d && !(on.d == date_days_in_month(on.y, on.m) && birth.d > on.d))
        months--;
    return months;
}

static size_t sorted_lower(const long *days, size_t n, long day)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (days[mid] < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Inserts day into the sorted array *days (n, cap), once. */
static enum status sorted_add(long **days, size_t *n, size_t *cap, long day)
{
    size_t at = sorted_lower(*days, *n, day);
    if (at < *n && (*days)[at] == day)
        return ST_OK;
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 32;
        long *nd = realloc(*days, c * sizeof *nd);
        if (!nd)
            return status_set(ST_NOMEM, "%s", _("out of memory"));
        *days = nd;
        *cap = c;
    }
    memmove(*days + at + 1, *days + at, (*n - at) * sizeof **days);
    (*days)[at] = day;
    (*n)++;
    return ST_OK;
}

static bool sorted_has(const long *days, size_t n, long day)
{
    size_t at = sorted_lower(days, n, day);
    return at < n && days[at] == day;
}

enum status holidays_add(struct holidays *h, struct date d)
{
    return sorted_add(&h->days, &h->n, &h->cap, date_to_days(d));
}

bool holidays_contains(const struct holidays *h, struct date d)
{
    return h && h->n && sorted_has(h->days, h->n, date_to_days(d));
}

enum status holidays_add_workday(struct holidays *h, struct date d)
{
    return sorted_add(&h->work, &h->nwork, &h->capwork, date_to_days(d));
}

bool holidays_is_workday(const struct holidays *h, struct date d)
{
    return h && h->nwork && sorted_has(h->work, h->nwork, date_to_days(d));
}

bool holidays_cover_year(const struct holidays *h, int y)
{
    if (!h || !h->n)
        return false;
    size_t at = sorted_lower(h->days, h->n, date_to_days((struct date){y, 1, 1}));
    return at < h->n && h->days[at] <= date_to_days((struct date){y, 12, 31});
}

void holidays_free(struct holidays *h)
{
    free(h->days);
    free(h->work);
    h->days = h->work = NULL;
    h->n = h->cap = h->nwork = h->capwork = 0;
}

bool date_is_working_day(struct date d, const struct holidays *h)
{
    if (holidays_is_workday(h, d))
        return true;
    return date_weekday(d) < 5 && !holidays_contains(h, d);
}

struct date date_add_working_days(struct date d, int n, const struct holidays *h)
{
    while (n > 0) {
        d = date_add_days(d, 1);
        if (date_is_working_day(d, h))
            n--;
    }
    return d;
}

int date_working_days_between(struct date from, struct date to, const struct holidays *h)
{
    int sign = 1;
    if (date_cmp(to, from) < 0) {
        struct date t = from;
        from = to;
        to = t;
        sign = -1;
    }
    int count = 0;
    for (long day = date_to_days(from) + 1; day <= date_to_days(to); day++)
        if (date_is_working_day(date_from_days(day), h))
            count++;
    return sign * count;
}
