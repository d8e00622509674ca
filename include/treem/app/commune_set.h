/* commune_set — changing the commune a database belongs to (`treem commune
 * set CODE` and Cài đặt), for a commune chosen wrongly at the first run.
 * While the register is empty (no children, cases, plans or
 * self-assessments) it is simply changed. With records it must be
 * confirmed: a backup is taken first (db_backup_rotate), then the codes
 * that carry the commune (children's and cases' uids, the
 * self-assessments) are re-stamped with the new code, all in one
 * transaction with audit lines. */
#ifndef TREEM_APP_COMMUNE_SET_H
#define TREEM_APP_COMMUNE_SET_H
#include "treem/app/commune.h"
#include "treem/db/commune_repo.h"

struct commune_change {
    bool same;                   /* the database already had this commune */
    struct commune_records held; /* the records the register held */
    struct commune_records restamped;
    char *backup;                /* the backup taken (malloc'd), NULL when none */
    char old_code[8];
};
void commune_change_free(struct commune_change *c);

/* Changes the commune to code (ST_NOTFOUND naming an unknown code). With
 * records and !confirmed: ST_CONFLICT saying what would change, nothing
 * done (out->held set). */
enum status commune_set(struct db *db, const char *code, bool confirmed,
                        struct commune_change *out);

#endif
