/* outfile — the one way treem writes a file (exports, reports, error lists,
 * hand-off packages, backups). A path that is the open database, its
 * -wal/-shm/-journal file or one of its backups (the same file by device
 * and inode, so also through links) is refused; the text goes to a
 * temporary file in the same folder (mode 0600 whatever the umask) that is
 * synced and renamed over the destination only when complete, so a failure
 * leaves whatever was there before. Folders are made 0700. */
#ifndef TREEM_CORE_OUTFILE_H
#define TREEM_CORE_OUTFILE_H
#include <stdbool.h>
#include <stdio.h>
#include "treem/core/status.h"

/* Protects the database at path (NULL: none): it, its side files and the
 * files of its backups folder (<dir>/backups/<name>-…) are never written by
 * outfile. db_open() calls it; one database at a time. */
enum status outfile_protect(const char *db_path);

/* Whether an existing destination may be replaced (default true; the
 * commands set false unless --force is given). */
void outfile_set_replace(bool replace);

/* ST_INVALID with a message naming path when it is the protected database,
 * a side file or a backup of it; ST_EXISTS when it exists and replacing is
 * off; ST_OK otherwise. */
enum status outfile_check(const char *path);

struct outfile {
    FILE *f;       /* write here */
    char *path;    /* the destination */
    char *tmp;     /* the temporary file beside it */
};

/* Checks path (outfile_check) and opens a new temporary file beside it.
 * On ST_OK the caller writes to o->f, then calls outfile_close(). */
enum status outfile_open(struct outfile *o, const char *path);
/* Opens like outfile_open() for a writer that wants the temporary path
 * only (o->f is NULL; SQLite writes the backup copies itself). */
enum status outfile_open_path(struct outfile *o, const char *path, bool in_backups);

/* Ends the file: when st is ST_OK, flushes, syncs and renames it over the
 * destination (ST_IO naming it when that fails); otherwise removes the
 * temporary file. Returns the final status (st when st failed). */
enum status outfile_close(struct outfile *o, enum status st);

/* mkdir with mode 0700 whatever the umask; an existing folder is fine. */
enum status outfile_mkdir(const char *dir);

#endif
