/* case_stats — counts over case_file and case_step by year and kind. */
#include <config.h>
#include "treem/db/case_stats.h"
#include "treem/db/row.h"
#include "treem/core/i18n.h"
#include "treem/core/strbuf.h"

#include <stdio.h>
#include <stdlib.h>

/* "?2, ?3, …" for the kinds, bound after the year (?1). */
static enum status prepare(struct db *db, const char *head, const char *tail, int year,
                           const char *const *kinds, sqlite3_stmt **st)
{
    struct strbuf sql = STRBUF_INIT;
    int n = 0;
    strbuf_puts(&sql, head);
    strbuf_puts(&sql, " WHERE substr(c.received_at, 1, 4) = ?1 AND c.kind IN (");
    for (; kinds[n]; n++)
        strbuf_printf(&sql, "%s?%d", n ? ", " : "", n + 2);
    strbuf_puts(&sql, ")");
    strbuf_puts(&sql, tail);
    enum status rc = db_prepare(db, strbuf_str(&sql), st);
    strbuf_free(&sql);
    if (rc != ST_OK)
        return rc;
    char y[8];
    snprintf(y, sizeof y, "%04d", year % 10000);
    rc = row_bind(*st, 1, ROW_TEXT(y));
    for (int i = 0; rc == ST_OK && i < n; i++)
        rc = row_bind(*st, i + 2, ROW_TEXT(kinds[i]));
    if (rc != ST_OK)
        sqlite3_finalize(*st);
    return rc;
}

enum status case_stats_count(struct db *db, int year, const char *const *kinds, long long *n)
{
    sqlite3_stmt *st;
    enum status rc = prepare(db, "SELECT count(*) FROM case_file c", "", year, kinds, &st);
    return rc == ST_OK ? row_int(db, st, n, _("database")) : rc;
}

enum status case_stats_children(struct db *db, int year, const char *const *kinds, bool died_only,
                                long long *n)
{
    sqlite3_stmt *st;
    enum status rc = prepare(db, "SELECT count(DISTINCT c.child_id) + count(*) FILTER (WHERE c.child_id "
                             "IS NULL) FROM case_file c", died_only ? " AND c.died = 1" : "", year,
                             kinds, &st);
    return rc == ST_OK ? row_int(db, st, n, _("database")) : rc;
}

enum status case_stats_ids(struct db *db, int year, const char *const *kinds, long long **ids,
                           size_t *n)
{
    sqlite3_stmt *st;
    *ids = NULL;
    *n = 0;
    enum status rc = prepare(db, "SELECT c.id FROM case_file c", " ORDER BY c.id", year, kinds, &st);
    return rc == ST_OK ? row_collect_ids(db, st, ids, n) : rc;
}
