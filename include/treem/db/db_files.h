/* db_files — a database's files on disk: the file itself and the -wal and
 * -shm files SQLite keeps beside it. */
#ifndef TREEM_DB_DB_FILES_H
#define TREEM_DB_DB_FILES_H
#include "treem/core/status.h"

/* Removes path, then its -wal and -shm files; one that is not there is no
 * error. ST_IO naming the file on the first that cannot be removed (those
 * after it are left, so a -wal is never removed from a database that
 * stays); ST_NOMEM when out of memory. */
enum status db_remove_files(const char *path);

#endif
