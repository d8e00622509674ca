/* scope_repo — counts limited to a collaborator's villages. */
#include <config.h>
#include "treem/db/scope_repo.h"
#include "treem/db/row.h"
#include "treem/core/i18n.h"

enum status scope_repo_special(struct db *db, long long user_id, struct date a, struct date b,
                               long long *num, long long *den)
{
    sqlite3_stmt *st;
    *num = *den = 0;
    enum status rc = db_prepare(db,
        "SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM child_sc_period p WHERE p.child_id = c.id "
        "AND p.from_date <= ?2 AND (p.to_date IS NULL OR p.to_date >= ?2))), count(*) "
        "FROM child c WHERE c.birth_eff > ?1 AND c.birth_eff <= ?2 "
        "AND c.village_id IN (SELECT village_id FROM app_user_village WHERE user_id = ?3)", &st);
    if (rc != ST_OK)
        return rc;
    row_bind_date(st, 1, a);
    row_bind_date(st, 2, b);
    sqlite3_bind_int64(st, 3, user_id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        *num = sqlite3_column_int64(st, 0);
        *den = sqlite3_column_int64(st, 1);
    } else {
        rc = db_fail(db, _("cannot count the register"));
    }
    sqlite3_finalize(st);
    return rc;
}

enum status scope_repo_villages(struct db *db, long long user_id, long long *n)
{
    sqlite3_stmt *st;
    *n = 0;
    enum status rc = db_prepare(db, "SELECT count(*) FROM app_user_village WHERE user_id = ?1", &st);
    if (rc != ST_OK)
        return rc;
    sqlite3_bind_int64(st, 1, user_id);
    if (sqlite3_step(st) == SQLITE_ROW)
        *n = sqlite3_column_int64(st, 0);
    else
        rc = db_fail(db, _("cannot count the villages"));
    sqlite3_finalize(st);
    return rc;
}
