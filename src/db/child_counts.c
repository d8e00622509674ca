/* child_counts — the SQL of the register's indicator counts. */
#include <config.h>
#include "treem/db/child_counts.h"
#include "treem/db/row.h"
#include "treem/core/i18n.h"

#include <stddef.h>

/* The SQL of each enum child_count (parameters ?1 = a, ?2 = b, ISO). */
static const char *const ratio_sql[] = {
    [CHILD_COUNT_BIRTH_REG] =
        "SELECT count(*) FILTER (WHERE birth_registered = 1 AND birth_reg_timing = 'on_time'), count(*) "
        "FROM child WHERE birth_date BETWEEN ?1 AND ?2 AND (birth_registered = 1 OR "
        "date(birth_date, '+60 days') < ?2)",
    [CHILD_COUNT_VACCINATED] =
        "SELECT count(*) FILTER (WHERE vaccinated_on IS NOT NULL AND "
        "vaccinated_on < date(birth_date, '+1 year')), count(*) "
        "FROM child WHERE birth_date BETWEEN ?1 AND ?2",
    [CHILD_COUNT_HEALTH_CHECK] =
        "SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM child_health_check h "
        "WHERE h.child_id = c.id AND h.date BETWEEN substr(?2, 1, 4) || '-01-01' AND ?2)), count(*) "
        "FROM child c WHERE c.birth_eff > ?1 AND c.birth_eff <= ?2",
    [CHILD_COUNT_PRESCHOOL] =
        "SELECT count(*) FILTER (WHERE school = 'preschool'), count(*) FROM child "
        "WHERE birth_eff > ?1 AND birth_eff <= ?2",
    [CHILD_COUNT_INSURANCE] =
        "SELECT count(*) FILTER (WHERE bhyt = 1), count(*) FROM child "
        "WHERE birth_eff > ?1 AND birth_eff <= ?2",
    [CHILD_COUNT_HELPED] =
        "SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM child_help g WHERE g.child_id = c.id "
        "AND g.date BETWEEN substr(?2, 1, 4) || '-01-01' AND ?2)), count(*) FROM child c "
        "WHERE c.birth_eff > ?1 AND c.birth_eff <= ?2 AND EXISTS (SELECT 1 FROM child_sc_period p "
        "WHERE p.child_id = c.id AND p.from_date <= ?2 AND (p.to_date IS NULL OR p.to_date >= ?2))",
    [CHILD_COUNT_SPECIAL] =
        "SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM child_sc_period p WHERE p.child_id = c.id "
        "AND p.from_date <= ?2 AND (p.to_date IS NULL OR p.to_date >= ?2))), count(*) "
        "FROM child c WHERE c.birth_eff > ?1 AND c.birth_eff <= ?2",
};

enum status child_counts_ratio(struct db *db, enum child_count which, struct date a, struct date b,
                               long long *num, long long *den)
{
    sqlite3_stmt *st;
    *num = *den = 0;
    enum status rc = row_prepare(db, ratio_sql[which], &st, ROW_DATE(a), ROW_DATE(b));
    if (rc != ST_OK)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW) {
        *num = sqlite3_column_int64(st, 0);
        *den = sqlite3_column_int64(st, 1);
    } else {
        rc = db_fail(db, _("cannot count the register"));
    }
    sqlite3_finalize(st);
    return rc;
}

static void read_latest(sqlite3_stmt *st, struct child_latest *m)
{
    m->sex = (const char *)sqlite3_column_text(st, 0);
    m->birth = row_date(st, 1);
    m->weighed = row_date(st, 2);
    m->weight_kg = sqlite3_column_double(st, 3);
    m->measured = row_date(st, 4);
    m->height_cm = sqlite3_column_double(st, 5);
}

struct latest_walk {
    child_latest_fn fn;
    void *ctx;
};

static enum status each_latest(sqlite3_stmt *st, void *ctx)
{
    const struct latest_walk *w = ctx;
    struct child_latest m;
    read_latest(st, &m);
    w->fn(&m, w->ctx);
    return ST_OK;
}

enum status child_counts_latest(struct db *db, struct date a, struct date b, child_latest_fn fn,
                                void *ctx)
{
    sqlite3_stmt *st;
    enum status rc = row_prepare(db,
        "SELECT c.sex, c.birth_date, w.date, w.weight_kg, h.date, h.height_cm FROM child c "
        "LEFT JOIN child_measure w ON w.id = (SELECT id FROM child_measure WHERE child_id = c.id "
        "  AND date <= ?2 AND date >= c.birth_date AND weight_kg IS NOT NULL ORDER BY date DESC, id DESC LIMIT 1) "
        "LEFT JOIN child_measure h ON h.id = (SELECT id FROM child_measure WHERE child_id = c.id "
        "  AND date <= ?2 AND date >= c.birth_date AND height_cm IS NOT NULL ORDER BY date DESC, id DESC LIMIT 1) "
        "WHERE c.birth_eff > ?1 AND c.birth_eff <= ?2", &st, ROW_DATE(a), ROW_DATE(b));
    struct latest_walk w = {fn, ctx};
    return rc == ST_OK ? row_each(db, st, each_latest, &w) : rc;
}
