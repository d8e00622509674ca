/* migrate — the schema, from numbered files schema/NNN_name.sql compiled
 * into the binary, applied in order and recorded in PRAGMA user_version. */
#ifndef TREEM_DB_MIGRATE_H
#define TREEM_DB_MIGRATE_H
#include "treem/db/db.h"

/* The highest schema number this program knows. */
int migrate_latest(void);

/* The database's schema number (0 for a new, empty file). */
enum status migrate_version(struct db *db, int *out);

/* Brings the database up to migrate_latest(). Each file runs in its own
 * transaction with its user_version bump, so a failure leaves the last good
 * version. An existing database (version > 0) is first copied with
 * db_backup_rotate() unless backup is false. ST_TOO_NEW, with nothing
 * touched, when the file is newer than the program. *from / *to (optional)
 * get the versions before and after. */
enum status migrate_apply(struct db *db, bool backup, int *from, int *to);

/* For tests: apply only up to version `target`. */
enum status migrate_apply_to(struct db *db, int target, bool backup, int *from, int *to);

#endif
