/* user_repo — accounts and their villages. */
#include <config.h>
#include "treem/db/user_repo.h"
#include "treem/db/row.h"
#include "treem/db/audit_repo.h"
#include "treem/core/date.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <string.h>

/* Runs st to the end (one change), finalizes it. */
static enum status done(struct db *db, sqlite3_stmt *st)
{
    enum status rc = sqlite3_step(st) == SQLITE_DONE ? ST_OK : db_fail(db, _("cannot save the account"));
    sqlite3_finalize(st);
    return rc;
}

enum status user_repo_count(struct db *db, long long *n)
{
    return db_query_int(db, "SELECT count(*) FROM app_user", NULL, n);
}

#define USER_COLUMNS \
    "u.id, u.login, u.role, u.pass_hash, coalesce(u.recovery_hash, ''), u.disabled, u.failed, " \
    "coalesce(u.locked_until, ''), coalesce((SELECT group_concat(v.name, ', ') FROM app_user_village uv " \
    "JOIN village v ON v.id = uv.village_id WHERE uv.user_id = u.id), '')"

static void read_row(sqlite3_stmt *st, struct user_row *u)
{
    memset(u, 0, sizeof *u);
    u->id = sqlite3_column_int64(st, 0);
    snprintf(u->login, sizeof u->login, "%s", row_str(st, 1));
    snprintf(u->role, sizeof u->role, "%s", row_str(st, 2));
    snprintf(u->pass_hash, sizeof u->pass_hash, "%s", row_str(st, 3));
    snprintf(u->recovery_hash, sizeof u->recovery_hash, "%s", row_str(st, 4));
    u->disabled = sqlite3_column_int(st, 5) != 0;
    u->failed = sqlite3_column_int(st, 6);
    snprintf(u->locked_until, sizeof u->locked_until, "%s", row_str(st, 7));
    snprintf(u->villages, sizeof u->villages, "%s", row_str(st, 8));
}

enum status user_repo_get(struct db *db, const char *login, struct user_row *out)
{
    sqlite3_stmt *st;
    enum status rc = row_prepare(db, "SELECT " USER_COLUMNS " FROM app_user u WHERE u.login = ?1", &st,
                                 ROW_TEXT(login));
    if (rc != ST_OK)
        return rc;
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW)
        read_row(st, out);
    else
        rc = step == SQLITE_DONE ? ST_NOTFOUND : db_fail(db, _("cannot read the accounts"));
    sqlite3_finalize(st);
    return rc;
}

enum status user_repo_each(struct db *db, user_row_fn fn, void *ctx)
{
    sqlite3_stmt *st;
    enum status rc = db_prepare(db, "SELECT " USER_COLUMNS " FROM app_user u ORDER BY u.login", &st);
    if (rc != ST_OK)
        return rc;
    int step;
    while (rc == ST_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        struct user_row u;
        read_row(st, &u);
        rc = fn(&u, ctx);
    }
    if (rc == ST_OK && step != SQLITE_DONE)
        rc = db_fail(db, _("cannot read the accounts"));
    sqlite3_finalize(st);
    return rc;
}

enum status user_repo_set_villages(struct db *db, long long id, const long long *villages, size_t nv)
{
    enum status rc = row_exec(db, "DELETE FROM app_user_village WHERE user_id = ?1",
                              _("cannot save the account"), ROW_INT(id));
    for (size_t i = 0; rc == ST_OK && i < nv; i++)
        rc = row_exec(db, "INSERT OR IGNORE INTO app_user_village(user_id, village_id) VALUES (?1, ?2)",
                      _("cannot save the account"), ROW_INT(id), ROW_INT(villages[i]));
    return rc;
}

enum status user_repo_add(struct db *db, const struct user_row *u, const long long *villages, size_t nv,
                          long long *id)
{
    char at[DATETIME_BUF];
    audit_stamp(at);
    sqlite3_stmt *st;
    enum status rc = row_prepare(db, "INSERT INTO app_user(login, role, pass_hash, recovery_hash, created_at) "
                                     "VALUES (?1, ?2, ?3, nullif(?4, ''), ?5)", &st,
                                 ROW_TEXT(u->login), ROW_TEXT(u->role), ROW_TEXT(u->pass_hash),
                                 ROW_TEXT(u->recovery_hash), ROW_TEXT(at));
    if (rc != ST_OK)
        return rc;
    rc = done(db, st);
    *id = sqlite3_last_insert_rowid(db->sql);
    return rc == ST_OK ? user_repo_set_villages(db, *id, villages, nv) : rc;
}

/* UPDATE app_user SET <set> WHERE id = ?1, with ?2 a text (NULL allowed). */
static enum status set_text(struct db *db, long long id, const char *sql, const char *value)
{
    return row_exec(db, sql, _("cannot save the account"), ROW_INT(id), ROW_TEXT(value));
}

enum status user_repo_set_hash(struct db *db, long long id, const char *hash)
{
    return set_text(db, id, "UPDATE app_user SET pass_hash = ?2, failed = 0, locked_until = NULL WHERE id = ?1",
                    hash);
}

enum status user_repo_set_recovery(struct db *db, long long id, const char *hash_or_null)
{
    return set_text(db, id, "UPDATE app_user SET recovery_hash = ?2 WHERE id = ?1", hash_or_null);
}

enum status user_repo_set_role(struct db *db, long long id, const char *role)
{
    return set_text(db, id, "UPDATE app_user SET role = ?2 WHERE id = ?1", role);
}

enum status user_repo_set_disabled(struct db *db, long long id, bool disabled)
{
    return set_text(db, id, "UPDATE app_user SET disabled = CAST(?2 AS INTEGER) WHERE id = ?1",
                    disabled ? "1" : "0");
}

enum status user_repo_set_failures(struct db *db, long long id, int failed, const char *locked_until)
{
    return row_exec(db, "UPDATE app_user SET failed = ?2, locked_until = nullif(?3, '') WHERE id = ?1",
                    _("cannot save the account"), ROW_INT(id), ROW_INT(failed), ROW_TEXT(locked_until));
}

enum status user_repo_has_village(struct db *db, long long id, long long village_id, bool *out)
{
    long long n = 0;
    enum status rc = row_query_int(db, "SELECT count(*) FROM app_user_village WHERE user_id = ?1 "
                                   "AND village_id = ?2", &n, ROW_INT(id), ROW_INT(village_id));
    *out = n > 0;
    return rc;
}

enum status user_repo_count_officers(struct db *db, long long *n)
{
    return db_query_int(db, "SELECT count(*) FROM app_user WHERE role = 'officer' AND disabled = 0", NULL, n);
}

enum status user_repo_case_owner(struct db *db, long long case_id, char *out, size_t n)
{
    sqlite3_stmt *st;
    out[0] = '\0';
    enum status rc = row_prepare(db, "SELECT created_by FROM case_file WHERE id = ?1", &st,
                                 ROW_INT(case_id));
    if (rc != ST_OK)
        return rc;
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW)
        snprintf(out, n, "%s", row_str(st, 0));
    else
        rc = step == SQLITE_DONE ? ST_NOTFOUND : db_fail(db, _("cannot read the cases"));
    sqlite3_finalize(st);
    return rc;
}

enum status user_repo_set_case_owner(struct db *db, long long case_id, const char *login)
{
    return set_text(db, case_id, "UPDATE case_file SET created_by = ?2 WHERE id = ?1", login);
}

enum status user_repo_child_visible(struct db *db, long long id, long long child_id, bool *out)
{
    sqlite3_stmt *st;
    *out = false;
    enum status rc = row_prepare_cached(db, "SELECT 1 FROM child c JOIN app_user_village uv ON "
                                        "uv.village_id = c.village_id WHERE c.id = ?1 AND uv.user_id = ?2",
                                        &st, ROW_INT(child_id), ROW_INT(id));
    if (rc != ST_OK)
        return rc;
    int step = sqlite3_step(st);
    *out = step == SQLITE_ROW;
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(db, _("cannot read the accounts"));
    sqlite3_reset(st);
    return rc;
}
