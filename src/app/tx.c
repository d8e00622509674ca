/* tx — the end of an action's transaction. */
#include <config.h>
#include "treem/app/tx.h"

enum status tx_end(struct db *db, enum status st)
{
    if (st == ST_OK)
        return db_commit(db);
    db_rollback(db);
    return st;
}
