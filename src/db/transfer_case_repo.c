/* transfer_case_repo — extra reads and writes of the cases and assessments
 * CSV kinds. */
#include <config.h>
#include "treem/db/row.h"
#include "treem/db/transfer_case_repo.h"
#include "treem/core/i18n.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum status transfer_case_repo_ids(struct db *db, const char *from, const char *to,
                                   long long **ids, size_t *n)
{
    sqlite3_stmt *st;
    *ids = NULL;
    *n = 0;
    enum status rc = row_prepare(db, "SELECT id FROM case_file WHERE (?1 IS NULL OR substr(received_at, 1, 10) >= ?1) "
                                     "AND (?2 IS NULL OR substr(received_at, 1, 10) <= ?2) ORDER BY code_num", &st,
                                 ROW_TEXT(from), ROW_TEXT(to));
    if (rc != ST_OK)
        return rc;
    return row_collect_ids(db, st, ids, n);
}

enum status transfer_case_repo_restamp(struct db *db, long long id, const char *code,
                                       const char *updated)
{
    enum status rc = ST_OK;
    long long num = row_code_number(code, "VV");
    if (num > 0) {
        char text[32];
        snprintf(text, sizeof text, "VV-%04lld", num); /* as case_repo_insert writes it */
        rc = row_exec(db, "UPDATE case_file SET code_num = ?2, code = ?3 WHERE id = ?1 AND NOT "
                      "EXISTS (SELECT 1 FROM case_file WHERE code_num = ?2 AND id <> ?1)",
                      _("cannot save the case"), ROW_INT(id), ROW_INT(num), ROW_TEXT(text));
        if (rc == ST_OK && sqlite3_changes(db->sql) > 0)
            rc = row_exec(db, "UPDATE setting SET value = CAST(?1 AS TEXT) WHERE key = "
                          "'case_code_last' AND CAST(value AS INTEGER) < ?1",
                          _("cannot save the case"), ROW_INT(num));
    }
    if (rc == ST_OK && updated && *updated)
        rc = row_exec(db, "UPDATE case_file SET updated_at = ?2 WHERE id = ?1",
                      _("cannot save the case"), ROW_INT(id), ROW_TEXT(updated));
    return rc;
}

enum status transfer_case_repo_child_sensitive(struct db *db, long long child_id, bool *out)
{
    long long n = 0;
    /* doc/csv-columns.md "Anonymised packages" says why these kinds and groups. */
    enum status rc = row_query_int(db,
        "SELECT (SELECT count(*) FROM case_file WHERE child_id = ?1 AND kind <> 'injury') + "
        "(SELECT count(*) FROM child_sc_period p JOIN sc_subgroup s ON s.code = p.subgroup_code "
        "WHERE p.child_id = ?1 AND s.letter IN ('b', 'đ', 'e', 'g', 'i', 'k', 'l', 'm', 'n', 'o'))", &n,
        ROW_INT(child_id));
    *out = rc != ST_OK || n > 0; /* fail closed: anonymise when unsure */
    return rc;
}

struct value_walk {
    transfer_value_fn fn;
    void *ctx;
};

static enum status each_value(sqlite3_stmt *st, void *ctx)
{
    const struct value_walk *w = ctx;
    struct transfer_value_row r = {
        sqlite3_column_int(st, 0), row_str(st, 1), row_str(st, 2),
        sqlite3_column_type(st, 3) != SQLITE_NULL, sqlite3_column_double(st, 3),
        row_str(st, 4), row_str(st, 5), row_str(st, 6), row_str(st, 7)};
    return w->fn(&r, w->ctx);
}

enum status transfer_case_repo_values_each(struct db *db, int from, int to, transfer_value_fn fn,
                                           void *ctx)
{
    sqlite3_stmt *st;
    enum status rc = row_prepare(db,
        "SELECT a.year, a.commune_code, i.code, v.value, v.origin, v.evidence, v.department, v.updated "
        "FROM assessment_value v JOIN assessment a ON a.id = v.assessment_id "
        "JOIN indicator i ON i.id = v.indicator_id JOIN criterion c ON c.id = i.criterion_id "
        "WHERE (?1 = 0 OR a.year >= ?1) AND (?2 = 0 OR a.year <= ?2) "
        "ORDER BY a.commune_code, a.year, c.number, i.sort, i.id", &st, ROW_INT(from), ROW_INT(to));
    struct value_walk w = {fn, ctx};
    return rc == ST_OK ? row_each(db, st, each_value, &w) : rc;
}

enum status transfer_case_repo_value_stamp(struct db *db, long long assessment_id,
                                           long long indicator_id, const char *updated)
{
    return row_exec(db, "UPDATE assessment_value SET updated = ?3 "
                    "WHERE assessment_id = ?1 AND indicator_id = ?2", _("cannot save the assessment"),
                    ROW_INT(assessment_id), ROW_INT(indicator_id), ROW_TEXT(updated));
}
