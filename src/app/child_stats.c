/* child_stats — indicator counts over the register. */
#include <config.h>
#include "treem/db/row.h"
#include "treem/app/child_stats.h"
#include "treem/model/enums.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <string.h>

static struct date minus_years(struct date d, int years)
{
    d.y -= years;
    if (d.m == 2 && d.d == 29 && !date_is_leap(d.y))
        d.d = 28;
    return d;
}

/* Runs sql (parameters ?1, ?2 = the ISO dates a, b) returning two counts. */
static enum status two_counts(struct db *db, const char *sql, struct date a, struct date b,
                              struct child_ratio *out)
{
    sqlite3_stmt *st;
    char ia[DATE_BUF], ib[DATE_BUF];
    out->num = out->den = 0;
    enum status rc = db_prepare(db, sql, &st);
    if (rc != ST_OK)
        return rc;
    date_iso(a, ia);
    date_iso(b, ib);
    db_bind_text(st, 1, ia);
    db_bind_text(st, 2, ib);
    if (sqlite3_step(st) == SQLITE_ROW) {
        out->num = sqlite3_column_int64(st, 0);
        out->den = sqlite3_column_int64(st, 1);
    } else {
        rc = db_fail(db, _("cannot count the register"));
    }
    sqlite3_finalize(st);
    return rc;
}

enum status child_stats_birth_reg(struct db *db, int year, struct date day, struct child_ratio *out)
{
    /* ?1 = 01/01 of year, ?2 = day (31/12 or earlier): born in the year by
     * the day; one not yet registered whose 60 days still run is left out */
    struct date end = {year, 12, 31};
    return two_counts(db,
        "SELECT count(*) FILTER (WHERE birth_registered = 1 AND birth_reg_timing = 'on_time'), count(*) "
        "FROM child WHERE birth_date BETWEEN ?1 AND ?2 AND (birth_registered = 1 OR "
        "date(birth_date, '+60 days') < ?2)",
        (struct date){year, 1, 1}, date_cmp(day, end) < 0 ? day : end, out);
}

enum status child_stats_vaccinated_under1(struct db *db, int year, struct child_ratio *out)
{
    return two_counts(db,
        "SELECT count(*) FILTER (WHERE vaccinated_on IS NOT NULL AND "
        "vaccinated_on < date(birth_date, '+1 year')), count(*) "
        "FROM child WHERE birth_date BETWEEN ?1 AND ?2",
        (struct date){year - 1, 1, 1}, (struct date){year - 1, 12, 31}, out);
}

enum status child_stats_health_check(struct db *db, int year, struct child_ratio *out)
{
    struct date end = {year, 12, 31};
    return two_counts(db,
        "SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM child_health_check h "
        "WHERE h.child_id = c.id AND h.date BETWEEN substr(?2, 1, 4) || '-01-01' AND ?2)), count(*) "
        "FROM child c WHERE c.birth_eff > ?1 AND c.birth_eff <= ?2",
        minus_years(end, 16), end, out);
}

enum status child_stats_preschool(struct db *db, struct date day, struct child_ratio *out)
{
    return two_counts(db,
        "SELECT count(*) FILTER (WHERE school = 'preschool'), count(*) FROM child "
        "WHERE birth_eff > ?1 AND birth_eff <= ?2",
        minus_years(day, 6), minus_years(day, 3), out);
}

enum status child_stats_insurance(struct db *db, struct date day, struct child_ratio *out)
{
    return two_counts(db,
        "SELECT count(*) FILTER (WHERE bhyt = 1), count(*) FROM child "
        "WHERE birth_eff > ?1 AND birth_eff <= ?2",
        minus_years(day, 6), day, out);
}

enum status child_stats_helped(struct db *db, struct date day, struct child_ratio *out)
{
    /* ?1 = the day 16 years before, ?2 = day: the children of
     * child_stats_special; num: help dated from 01/01 of the day's year */
    return two_counts(db,
        "SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM child_help g WHERE g.child_id = c.id "
        "AND g.date BETWEEN substr(?2, 1, 4) || '-01-01' AND ?2)), count(*) FROM child c "
        "WHERE c.birth_eff > ?1 AND c.birth_eff <= ?2 AND EXISTS (SELECT 1 FROM child_sc_period p "
        "WHERE p.child_id = c.id AND p.from_date <= ?2 AND (p.to_date IS NULL OR p.to_date >= ?2))",
        minus_years(day, 16), day, out);
}

enum status child_stats_special(struct db *db, struct date day, struct child_ratio *out)
{
    return two_counts(db,
        "SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM child_sc_period p WHERE p.child_id = c.id "
        "AND p.from_date <= ?2 AND (p.to_date IS NULL OR p.to_date >= ?2))), count(*) "
        "FROM child c WHERE c.birth_eff > ?1 AND c.birth_eff <= ?2",
        minus_years(day, 16), day, out);
}

static struct date col_date(sqlite3_stmt *st, int i)
{
    struct date d = {0, 0, 0};
    const char *s = (const char *)sqlite3_column_text(st, i);
    if (s && date_parse(s, &d) != ST_OK)
        d = (struct date){0, 0, 0};
    return d;
}

/* Adds one under-5 child's latest measurements to out. */
static void assess_row(sqlite3_stmt *st, const struct growth_ref *ref, struct child_nutrition *out)
{
    int sex = enum_from_code(&enum_child_sex, (const char *)sqlite3_column_text(st, 0));
    struct date birth = col_date(st, 1), wdate = col_date(st, 2), hdate = col_date(st, 4);
    out->under5++;
    if (!birth.y)
        return;
    if (wdate.y) {
        out->weighed++;
        struct growth_result r = growth_assess(ref, sex, date_age_months(birth, wdate),
                                               sqlite3_column_double(st, 3), 0);
        out->underweight += growth_is_low(r.underweight);
    }
    if (hdate.y) {
        out->measured++;
        struct growth_result r = growth_assess(ref, sex, date_age_months(birth, hdate), 0,
                                               sqlite3_column_double(st, 5));
        out->stunted += growth_is_low(r.stunting);
    }
}

enum status child_stats_malnutrition(struct db *db, const struct growth_ref *ref, struct date day,
                                     struct child_nutrition *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st;
    enum status rc = db_prepare(db,
        "SELECT c.sex, c.birth_date, w.date, w.weight_kg, h.date, h.height_cm FROM child c "
        "LEFT JOIN child_measure w ON w.id = (SELECT id FROM child_measure WHERE child_id = c.id "
        "  AND date <= ?2 AND date >= c.birth_date AND weight_kg IS NOT NULL ORDER BY date DESC, id DESC LIMIT 1) "
        "LEFT JOIN child_measure h ON h.id = (SELECT id FROM child_measure WHERE child_id = c.id "
        "  AND date <= ?2 AND date >= c.birth_date AND height_cm IS NOT NULL ORDER BY date DESC, id DESC LIMIT 1) "
        "WHERE c.birth_eff > ?1 AND c.birth_eff <= ?2", &st);
    if (rc != ST_OK)
        return rc;
    char a[DATE_BUF], b[DATE_BUF];
    date_iso(minus_years(day, 5), a);
    date_iso(day, b);
    db_bind_text(st, 1, a);
    db_bind_text(st, 2, b);
    while (rc == ST_OK && row_next(db, st, &rc))
        assess_row(st, ref, out);
    sqlite3_finalize(st);
    return rc;
}
