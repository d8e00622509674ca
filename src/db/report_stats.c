/* report_stats — the report's counts that need more than one number per
 * group: special circumstances by sex and helped, the cases of a period
 * (one row each, counted in app/), health insurance under 6. */
#include <config.h>
#include "treem/db/report_repo.h"
#include "treem/db/row.h"
#include "treem/model/child.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ?1 = on, ?2 = from, ?3 = on 16 years before. Children in a group on ?1. */
#define SC_MEMBERS                                                                       \
    "SELECT DISTINCT s.letter AS letter, c.id AS id, c.sex AS sex FROM child_sc_period p" \
    " JOIN sc_subgroup s ON s.code = p.subgroup_code JOIN child c ON c.id = p.child_id"   \
    " WHERE p.from_date <= ?1 AND (p.to_date IS NULL OR p.to_date >= ?1)"                 \
    " AND (c.birth_eff IS NULL OR (c.birth_eff > ?3 AND c.birth_eff <= ?1))"
#define HELPED                                                                           \
    "EXISTS (SELECT 1 FROM case_file f JOIN case_step t ON t.case_id = f.id"              \
    " WHERE f.child_id = m.id AND t.kind IN ('plan', 'approval', 'service', 'separation',"\
    " 'follow_up') AND substr(t.at, 1, 10) BETWEEN ?2 AND ?1)"

static const char sc_sql[] =
    "WITH m AS (" SC_MEMBERS "), k AS (SELECT DISTINCT '' AS letter, id, sex FROM m)"
    " SELECT '', '', 0,"
    "  sum(k.sex = 'khong_ro'), sum(k.sex = 'nam'), sum(k.sex = 'nu'),"
    "  (SELECT count(*) FROM k AS m WHERE " HELPED ") FROM k"
    " UNION ALL SELECT g.letter, g.name, g.sort,"
    "  (SELECT count(*) FROM m WHERE m.letter = g.letter AND m.sex = 'khong_ro'),"
    "  (SELECT count(*) FROM m WHERE m.letter = g.letter AND m.sex = 'nam'),"
    "  (SELECT count(*) FROM m WHERE m.letter = g.letter AND m.sex = 'nu'),"
    "  (SELECT count(*) FROM m WHERE m.letter = g.letter AND " HELPED ")"
    " FROM sc_group g ORDER BY 3";

/* The same per sub-group (Nghị định 56/2017), in legal order. */
#define SUB_MEMBERS                                                                       \
    "SELECT DISTINCT p.subgroup_code AS code, c.id AS id, c.sex AS sex FROM child_sc_period p" \
    " JOIN child c ON c.id = p.child_id"                                                  \
    " WHERE p.from_date <= ?1 AND (p.to_date IS NULL OR p.to_date >= ?1)"                 \
    " AND (c.birth_eff IS NULL OR (c.birth_eff > ?3 AND c.birth_eff <= ?1))"

static const char sub_sql[] =
    "WITH m AS (" SUB_MEMBERS ")"
    " SELECT s.code, s.name, 0,"
    "  (SELECT count(*) FROM m WHERE m.code = s.code AND m.sex = 'khong_ro'),"
    "  (SELECT count(*) FROM m WHERE m.code = s.code AND m.sex = 'nam'),"
    "  (SELECT count(*) FROM m WHERE m.code = s.code AND m.sex = 'nu'),"
    "  (SELECT count(*) FROM m WHERE m.code = s.code AND " HELPED ")"
    " FROM sc_subgroup s JOIN sc_group g ON g.letter = s.letter ORDER BY g.sort, s.clause";

static bool read_sc(sqlite3_stmt *st, void *elem)
{
    struct report_sc_row *r = elem;
    row_copy_text(st, 0, r->letter, sizeof r->letter);
    row_copy_text(st, 1, r->name, sizeof r->name);
    for (int i = 0; i < 3; i++)
        r->n[i] = sqlite3_column_int64(st, 3 + i);
    r->helped = sqlite3_column_int64(st, 6);
    return true;
}

enum status report_repo_special(struct db *db, struct date from, struct date on, bool sub,
                                struct report_sc_row **out, size_t *n)
{
    return row_query_list(db, sub ? sub_sql : sc_sql, sizeof **out, read_sc, NULL, (void **)out, n,
                          ROW_DATE(on), ROW_DATE(from), ROW_DATE(date_minus_years(on, CHILD_AGE_LIMIT)));
}

static bool read_case(sqlite3_stmt *st, void *elem)
{
    struct report_case_row *r = elem;
    row_copy_text(st, 0, r->kind, sizeof r->kind);
    row_copy_text(st, 1, r->injury, sizeof r->injury);
    row_copy_text(st, 2, r->level, sizeof r->level);
    row_copy_text(st, 3, r->sex, sizeof r->sex);
    r->died = sqlite3_column_int(st, 4) != 0;
    r->received = row_date(st, 5);
    r->birth = row_date(st, 6);
    r->est_age = sqlite3_column_type(st, 7) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 7);
    bool ok = true;
    r->place = row_text(st, 8, true, &ok);
    return ok;
}

static void clear_case(void *elem)
{
    struct report_case_row *r = elem;
    free(r->place);
}

enum status report_repo_cases(struct db *db, struct date from, struct date to,
                              struct report_case_row **out, size_t *n)
{
    return row_query_list(db,
        "SELECT f.kind, f.injury_cause, f.level, coalesce(c.sex, f.sex), f.died,"
        " substr(f.received_at, 1, 10), c.birth_eff, CASE WHEN c.id IS NULL THEN f.est_age END,"
        " f.place FROM case_file f LEFT JOIN child c ON c.id = f.child_id"
        " WHERE substr(f.received_at, 1, 10) BETWEEN ?1 AND ?2 ORDER BY f.id",
        sizeof **out, read_case, clear_case, (void **)out, n, ROW_DATE(from), ROW_DATE(to));
}

void report_case_rows_free(struct report_case_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(rows[i].place);
    free(rows);
}
