/* commune_repo — counting and re-stamping the records of a commune. */
#include <config.h>
#include "treem/db/commune_repo.h"
#include "treem/db/row.h"
#include "treem/db/audit_repo.h"
#include "treem/core/i18n.h"

#include <stdio.h>

enum status commune_repo_count(struct db *db, struct commune_records *out)
{
    enum status rc = db_query_int(db, "SELECT count(*) FROM child", NULL, &out->children);
    if (rc == ST_OK)
        rc = db_query_int(db, "SELECT count(*) FROM case_file", NULL, &out->cases);
    if (rc == ST_OK)
        rc = db_query_int(db, "SELECT count(*) FROM plan", NULL, &out->plans);
    if (rc == ST_OK)
        rc = db_query_int(db, "SELECT count(*) FROM assessment", NULL, &out->assessments);
    return rc;
}

/* Runs sql with ?1 = from, ?2 = to; *changed = rows changed. */
static enum status restamp(struct db *db, const char *sql, const char *from, const char *to,
                           long long *changed)
{
    sqlite3_stmt *st = NULL;
    enum status rc = row_prepare(db, sql, &st, ROW_TEXT(from), ROW_TEXT(to));
    if (rc != ST_OK)
        return rc;
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = db_fail(db, _("cannot re-stamp the codes"));
    else
        *changed = sqlite3_changes(db->sql);
    sqlite3_finalize(st);
    return rc;
}

static enum status audit_count(struct db *db, const char *entity,
                               const char *field, const char *from, const char *to, long long n)
{
    char a[64], b[64];
    if (!n)
        return ST_OK;
    snprintf(a, sizeof a, "%s (%lld rows)", from, n);
    snprintf(b, sizeof b, "%s (%lld rows)", to, n);
    return audit_record(db, AUDIT_CHANGE, entity, "*", field, a, b);
}

enum status commune_repo_restamp(struct db *db, const char *from,
                                 const char *to, struct commune_records *out)
{
    struct commune_records n = {0, 0, 0, 0};
    enum status rc = restamp(db, "UPDATE child SET uid = ?2 || substr(uid, length(?1) + 1) "
                             "WHERE substr(uid, 1, length(?1) + 1) = ?1 || '-'", from, to,
                             &n.children);
    if (rc == ST_OK)
        rc = restamp(db, "UPDATE case_file SET uid = ?2 || substr(uid, length(?1) + 1) "
                     "WHERE substr(uid, 1, length(?1) + 1) = ?1 || '-'", from, to, &n.cases);
    if (rc == ST_OK)
        rc = restamp(db, "UPDATE assessment SET commune_code = ?2 WHERE commune_code = ?1",
                     from, to, &n.assessments);
    if (rc == ST_OK)
        rc = audit_count(db, "child", "uid prefix", from, to, n.children);
    if (rc == ST_OK)
        rc = audit_count(db, "case", "uid prefix", from, to, n.cases);
    if (rc == ST_OK)
        rc = audit_count(db, "assessment", "commune_code", from, to, n.assessments);
    if (out)
        *out = n;
    return rc;
}
