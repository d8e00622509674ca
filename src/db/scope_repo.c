/* scope_repo — counts limited to a collaborator's villages. */
#include <config.h>
#include "treem/db/scope_repo.h"
#include "treem/db/row.h"
#include "treem/core/i18n.h"

/* The two counts of scope_repo_special. */
static bool read_pair(sqlite3_stmt *st, void *elem)
{
    long long *v = elem;
    v[0] = sqlite3_column_int64(st, 0);
    v[1] = sqlite3_column_int64(st, 1);
    return true;
}

enum status scope_repo_special(struct db *db, long long user_id, struct date a, struct date b,
                               long long *num, long long *den)
{
    long long v[2] = {0, 0};
    enum status rc = row_query_one(db,
        "SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM child_sc_period p WHERE p.child_id = c.id "
        "AND p.from_date <= ?2 AND (p.to_date IS NULL OR p.to_date >= ?2))), count(*) "
        "FROM child c WHERE c.birth_eff > ?1 AND c.birth_eff <= ?2 "
        "AND c.village_id IN (SELECT village_id FROM app_user_village WHERE user_id = ?3)", v,
        read_pair, NULL, _("cannot count the register"), ROW_DATE(a), ROW_DATE(b), ROW_INT(user_id));
    *num = v[0];
    *den = v[1];
    return rc;
}

enum status scope_repo_villages(struct db *db, long long user_id, long long *n)
{
    sqlite3_stmt *st;
    *n = 0;
    enum status rc = row_prepare(db, "SELECT count(*) FROM app_user_village WHERE user_id = ?1", &st,
                                 ROW_INT(user_id));
    return rc == ST_OK ? row_int(db, st, n, _("cannot count the villages")) : rc;
}
