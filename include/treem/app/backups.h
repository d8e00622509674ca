/* backups — the officer's own backups and restores (`treem backup`,
 * `treem restore`, Cài đặt): a checked copy of the database, and putting a
 * checked copy back after backing up what is there now. */
#ifndef TREEM_APP_BACKUPS_H
#define TREEM_APP_BACKUPS_H
#include "treem/db/db.h"

/* How many backups of each database the backups folder keeps. */
#define BACKUPS_KEEP 10

/* Writes a backup of db: to out when given (refused when it is the
 * database, a side file or a backup of it; an existing file only when
 * outfile allows replacing), else into the backups folder beside the
 * database (reason "manual", the newest BACKUPS_KEEP kept). *made
 * (malloc'd) receives the path written. */
enum status backups_make(struct db *db, const char *out, char **made);

/* The good backups in the backups folder beside db, newest first (*paths
 * malloc'd, each path too; free with backups_list_free). */
enum status backups_list(struct db *db, char ***paths, size_t *n);
void backups_list_free(char **paths, size_t n);

/* Replaces the database with the backup in file: the file is checked first
 * (a sound treem database, not newer than this treem, not the database
 * itself), the current database is backed up ("before-restore", path in
 * *safety, malloc'd), then the content is replaced in one step and brought
 * up to this treem's schema. Nothing changes when a check fails. */
enum status backups_restore(struct db *db, const char *file, char **safety);

#endif
