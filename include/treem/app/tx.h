/* tx — the end of the one transaction each user action runs in: the app
 * layer opens it with db_begin() (db/db.h), does the action's writes and
 * ends it here, so a failed write leaves nothing behind. */
#ifndef TREEM_APP_TX_H
#define TREEM_APP_TX_H
#include "treem/db/db.h"

/* Ends the transaction db_begin() opened on db: when st (the outcome of the
 * writes) is ST_OK, commits and returns the commit's outcome; else rolls
 * back and returns st, its message untouched. */
enum status tx_end(struct db *db, enum status st);

#endif
