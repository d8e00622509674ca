/* backups — making and restoring backups (see the header). */
#include <config.h>
#include "treem/app/backups.h"
#include "treem/app/commune.h"
#include "treem/app/session.h"
#include "treem/core/i18n.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum status backups_make(struct db *db, const char *out, char **made)
{
    *made = NULL;
    if (!out)
        return db_backup_rotate(db, "manual", BACKUPS_KEEP, made);
    enum status st = db_backup_to(db, out);
    if (st == ST_OK && !(*made = strdup(out)))
        st = status_set(ST_NOMEM, "%s", _("out of memory"));
    return st;
}

/* The file is not the database itself (by device and inode). */
static enum status not_the_database(const struct db *db, const char *file)
{
    struct stat a, b;
    if (stat(file, &a) != 0)
        return status_set(ST_NOTFOUND, _("there is no file %s"), file);
    if (stat(db->path, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
        return status_set(ST_INVALID, _("%s is the database itself, not a backup of it"), file);
    return ST_OK;
}

enum status backups_restore(struct db *db, const char *file, char **safety)
{
    *safety = NULL;
    if (db->read_only)
        return status_set(ST_DB, "%s", _("the database is open read-only: changes are not possible"));
    enum status st = not_the_database(db, file);
    if (st == ST_OK)
        st = db_backup_check(file, file);
    if (st == ST_OK)
        st = db_backup_rotate(db, "before-restore", BACKUPS_KEEP, safety);
    if (st == ST_OK)
        st = db_restore_from(db, file);
    if (st == ST_OK)
        st = session_prepare(db); /* an older backup: up to this treem's schema */
    return st;
}

enum status backups_list(struct db *db, char ***paths, size_t *n)
{
    return db_backup_list(db, paths, n);
}

void backups_list_free(char **paths, size_t n)
{
    string_list_free(paths, n);
}
