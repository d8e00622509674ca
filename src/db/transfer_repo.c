/* transfer_repo — extra reads and writes of the CSV transfer. */
#include <config.h>
#include "treem/db/row.h"
#include "treem/db/transfer_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum status transfer_repo_restamp(struct db *db, long long id, const char *updated)
{
    if (!updated || !*updated)
        return ST_OK;
    return row_exec_cached(db, "UPDATE child SET updated_at = ?2 WHERE id = ?1",
                           _("cannot save the child"), ROW_INT(id), ROW_TEXT(updated));
}

enum status transfer_repo_village(struct db *db, const char *fold, long long *id)
{
    *id = 0;
    enum status rc = row_query_int_cached(db, "SELECT id FROM village WHERE name_fold = ?1", id,
                                          ROW_TEXT(fold));
    return rc == ST_NOTFOUND ? ST_OK : rc;
}

enum status transfer_repo_subgroup(struct db *db, const char *code, char *out)
{
    sqlite3_stmt *st;
    enum status rc = row_prepare_cached(db,
        "SELECT code FROM sc_subgroup WHERE code = ?1 "
        "UNION ALL SELECT min(code) FROM sc_subgroup WHERE instr(?1, '.') = 0 "
        "AND code LIKE ?1 || '.%' HAVING count(*) = 1 LIMIT 1", &st, ROW_TEXT(code));
    if (rc != ST_OK)
        return rc;
    if (row_next(db, st, &rc) && sqlite3_column_text(st, 0))
        snprintf(out, CHILD_GROUP_CODE_BUF, "%s", (const char *)sqlite3_column_text(st, 0));
    else if (rc == ST_OK)
        rc = status_set(ST_NOTFOUND, _("special-circumstance group: no sub-group '%s'"), code);
    sqlite3_reset(st);
    return rc;
}

struct period_walk {
    transfer_period_fn fn;
    void *ctx;
};

static enum status each_period(sqlite3_stmt *st, void *ctx)
{
    const struct period_walk *w = ctx;
    struct transfer_period_row r = {row_str(st, 0), row_str(st, 1), row_str(st, 2), row_str(st, 3), row_str(st, 4),
                                    sqlite3_column_int64(st, 5)};
    return w->fn(&r, w->ctx);
}

enum status transfer_repo_periods_each(struct db *db, const char *from, const char *to,
                                       transfer_period_fn fn, void *ctx)
{
    sqlite3_stmt *st;
    enum status rc = row_prepare(db,
        "SELECT c.uid, p.subgroup_code, p.from_date, p.to_date, p.note, c.id FROM child_sc_period p "
        "JOIN child c ON c.id = p.child_id "
        "WHERE (?2 IS NULL OR p.from_date <= ?2) AND (?1 IS NULL OR p.to_date IS NULL OR p.to_date >= ?1) "
        "ORDER BY c.id, p.from_date, p.subgroup_code, p.id", &st, ROW_TEXT(from), ROW_TEXT(to));
    struct period_walk w = {fn, ctx};
    return rc == ST_OK ? row_each(db, st, each_period, &w) : rc;
}

enum status transfer_repo_period_find(struct db *db, long long child_id, const char *code,
                                      struct date from, struct child_period *out)
{
    sqlite3_stmt *st;
    char iso[DATE_BUF];
    date_iso(from, iso);
    enum status rc = row_prepare(db, "SELECT id, to_date, note FROM child_sc_period "
                                     "WHERE child_id = ?1 AND subgroup_code = ?2 AND from_date = ?3",
                                 &st, ROW_INT(child_id), ROW_TEXT(code), ROW_TEXT(iso));
    if (rc != ST_OK)
        return rc;
    memset(out, 0, sizeof *out);
    if (row_next(db, st, &rc)) {
        out->id = sqlite3_column_int64(st, 0);
        out->child_id = child_id;
        snprintf(out->code, sizeof out->code, "%s", code);
        out->from = from;
        if (sqlite3_column_type(st, 1) != SQLITE_NULL)
            date_parse(row_str(st, 1), &out->to);
        snprintf(out->note, sizeof out->note, "%s", row_str(st, 2));
    } else if (rc == ST_OK) {
        rc = ST_NOTFOUND;
    }
    sqlite3_finalize(st);
    return rc;
}

enum status transfer_repo_period_note(struct db *db, long long id, const char *note,
                                      const char *uid)
{
    enum status rc = row_exec(db, "UPDATE child_sc_period SET note = ?2 WHERE id = ?1",
                              _("cannot save the group"), ROW_INT(id), ROW_TEXT(note));
    return rc == ST_OK ? audit_record(db, AUDIT_CHANGE, "child", uid, "group_note", NULL, note) : rc;
}

/* ------------------------------------------------------ identifiers seen */

enum status transfer_repo_seen_add(struct db *db, long long hash, bool *added)
{
    *added = false;
    enum status rc = db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS import_seen (h INTEGER PRIMARY KEY)");
    if (rc == ST_OK)
        rc = row_exec_cached(db, "INSERT OR IGNORE INTO temp.import_seen(h) VALUES (?1)",
                             _("database"), ROW_INT(hash));
    *added = rc == ST_OK && sqlite3_changes(db->sql) > 0;
    return rc;
}

enum status transfer_repo_seen_has(struct db *db, long long hash, bool *found)
{
    *found = false;
    sqlite3_stmt *st;
    enum status rc = db_prepare_cached(db, "SELECT 1 FROM temp.import_seen WHERE h = ?1", &st);
    if (rc != ST_OK) /* no table yet: nothing spilled */
        return ST_OK;
    rc = row_bind(st, 1, ROW_INT(hash));
    if (rc == ST_OK)
        *found = row_next(db, st, &rc);
    sqlite3_reset(st);
    return rc;
}

void transfer_repo_seen_drop(struct db *db)
{
    sqlite3_exec(db->sql, "DROP TABLE IF EXISTS temp.import_seen", NULL, NULL, NULL);
}
