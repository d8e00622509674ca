/* report_repo — grouped counts for the periodic report (counts only). */
#include <config.h>
#include "treem/db/report_repo.h"
#include "treem/db/row.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ?1 = the period's last day, ?2 = that day 16 years before, ?3 = its first day. */
#define UNDER16 "(c.birth_eff IS NULL OR (c.birth_eff > ?2 AND c.birth_eff <= ?1))"
#define IN_PERIOD(col) "substr(" col ", 1, 10) BETWEEN ?3 AND ?1"

static const char *const report_sql[] = {
    [REPORT_BY_VILLAGE] =
        "SELECT k, name, n FROM ("
        " SELECT 0 AS g, v.sort AS s, CAST(v.id AS TEXT) AS k, v.name AS name,"
        "  (SELECT count(*) FROM child c WHERE c.village_id = v.id AND " UNDER16 ") AS n"
        " FROM village v"
        " UNION ALL SELECT 1, 0, '', '', (SELECT count(*) FROM child c"
        "  WHERE c.village_id IS NULL AND " UNDER16 ")"
        ") ORDER BY g, s, name",
    [REPORT_BY_ETHNICITY] =
        "SELECT c.ethnicity, c.ethnicity, count(*) FROM child c WHERE " UNDER16
        " GROUP BY c.ethnicity ORDER BY count(*) DESC, c.ethnicity",
    [REPORT_BY_SC_GROUP] =
        "SELECT g.letter, g.name, (SELECT count(DISTINCT p.child_id) FROM child_sc_period p"
        "  JOIN sc_subgroup s ON s.code = p.subgroup_code JOIN child c ON c.id = p.child_id"
        "  WHERE s.letter = g.letter AND p.from_date <= ?1"
        "  AND (p.to_date IS NULL OR p.to_date >= ?1) AND " UNDER16 ")"
        " FROM sc_group g ORDER BY g.sort",
    [REPORT_CASE_KIND] =
        "SELECT kind, '', count(*) FROM case_file WHERE " IN_PERIOD("received_at")
        " GROUP BY kind",
    [REPORT_CASE_LEVEL] =
        "SELECT level, '', count(*) FROM case_file WHERE " IN_PERIOD("received_at")
        " GROUP BY level",
    [REPORT_CASE_INJURY] =
        "SELECT injury_cause, '', count(*) FROM case_file WHERE kind = 'injury' AND "
        IN_PERIOD("received_at") " GROUP BY injury_cause",
    [REPORT_CASE_SEX] =
        "SELECT coalesce(c.sex, f.sex), '', count(*) FROM case_file f"
        " LEFT JOIN child c ON c.id = f.child_id WHERE " IN_PERIOD("f.received_at")
        " GROUP BY 1",
};

static struct date minus_16(struct date d)
{
    d.y -= 16;
    if (d.m == 2 && d.d == 29 && !date_is_leap(d.y))
        d.d = 28;
    return d;
}

/* Prepares sql with ?1 the end of the period, ?2 (when sql has it) the
 * birth day of who turns 16 then, ?3 (likewise) its start. */
static enum status prepare_period(struct db *db, const char *sql, struct date from,
                                  struct date to, sqlite3_stmt **st)
{
    enum status rc = db_prepare(db, sql, st);
    if (rc != ST_OK)
        return rc;
    const struct row_arg args[] = {ROW_DATE(to), ROW_DATE(minus_16(to)), ROW_DATE(from)};
    int params = sqlite3_bind_parameter_count(*st);
    rc = row_bind_args(*st, 1, args, params < 3 ? (size_t)params : 3);
    if (rc != ST_OK)
        sqlite3_finalize(*st);
    return rc;
}

static bool read_count(sqlite3_stmt *st, void *elem)
{
    struct report_count *c = elem;
    row_copy_text(st, 0, c->key, sizeof c->key);
    row_copy_text(st, 1, c->name, sizeof c->name);
    c->n = sqlite3_column_int64(st, 2);
    return true;
}

static void clear_count(void *elem)
{
    (void)elem;
}

/* The three totals of report_repo_case_totals. */
static bool read_totals(sqlite3_stmt *st, void *elem)
{
    long long *v = elem;
    for (int i = 0; i < 3; i++)
        v[i] = sqlite3_column_int64(st, i);
    return true;
}

enum status report_repo_counts(struct db *db, enum report_group g, struct date from,
                               struct date to, struct report_count **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if ((size_t)g >= sizeof report_sql / sizeof report_sql[0])
        return status_set(ST_INVALID, "%s", _("report: unknown grouping"));
    sqlite3_stmt *st;
    enum status rc = prepare_period(db, report_sql[g], from, to, &st);
    return rc == ST_OK ? row_collect(db, st, sizeof **out, read_count, clear_count, (void **)out, n)
                       : rc;
}

enum status report_repo_case_totals(struct db *db, struct date from, struct date to,
                                    long long *received, long long *died, long long *closed)
{
    sqlite3_stmt *st;
    enum status rc = prepare_period(db,
        "SELECT count(*), coalesce(sum(died), 0),"
        " (SELECT count(DISTINCT s.case_id) FROM case_step s WHERE s.kind = 'closure' AND "
        IN_PERIOD("s.at") ")"
        " FROM case_file WHERE " IN_PERIOD("received_at"), from, to, &st);
    long long v[3] = {0, 0, 0};
    if (rc == ST_OK)
        rc = row_one(db, st, v, read_totals, NULL, _("report"));
    *received = v[0];
    *died = v[1];
    *closed = v[2];
    return rc;
}
