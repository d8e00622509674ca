/* session — opening a commune database ready for use: created or opened,
 * migrated to this program's schema (with a backup first), catalogues
 * refreshed. Every front end (CLI, TUI) starts here. */
#ifndef TREEM_APP_SESSION_H
#define TREEM_APP_SESSION_H
#include <stdbool.h>
#include "treem/db/db.h"

/* The database path to use: explicit (if non-NULL and non-empty), else
 * $TREEM_DB, else $XDG_DATA_HOME/treem/treem.db, else
 * ~/.local/share/treem/treem.db. Returns a malloc'd string or NULL. */
char *session_default_path(const char *explicit_path);

/* Opens path (creating it when create is true), migrates and syncs the
 * catalogues. ST_TOO_NEW leaves a too-new file untouched. */
/* From now on session_open() opens databases read-only (`--read-only`):
 * listing works, every change is refused with a clear message. A file or
 * folder this user cannot write is opened read-only anyway (db->read_only). */
void session_set_read_only(bool on);
enum status session_open(const char *path, bool create, struct db **out);

/* Migrates an open database, syncs its catalogues, seeds the shipped rubric
 * once and registers the register's measure provider for the score sheet
 * (what session_open does after opening). */
enum status session_prepare(struct db *db);

#endif
