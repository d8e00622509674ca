/* migrate — embedded numbered schema files and PRAGMA user_version. */
#include <config.h>
#include "treem/db/migrate.h"
#include "treem/core/embed.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The number of an embedded "schema/NNN_*.sql" file, or 0 for others. */
static int schema_number(const char *name)
{
    const char *p = name;
    if (strncmp(p, "schema/", 7) != 0)
        return 0;
    p += 7;
    int n = 0, digits = 0;
    while (*p >= '0' && *p <= '9' && digits < 3) {
        n = n * 10 + (*p++ - '0');
        digits++;
    }
    if (digits != 3 || *p != '_' || !strstr(p, ".sql"))
        return 0;
    return n;
}

static const struct embedded_file *schema_file(int number)
{
    for (const struct embedded_file *f = embedded_files; f->name; f++)
        if (schema_number(f->name) == number)
            return f;
    return NULL;
}

int migrate_latest(void)
{
    int max = 0;
    for (const struct embedded_file *f = embedded_files; f->name; f++) {
        int n = schema_number(f->name);
        if (n > max)
            max = n;
    }
    return max;
}

enum status migrate_version(struct db *db, int *out)
{
    long long v;
    enum status st = db_query_int(db, "PRAGMA user_version", NULL, &v);
    if (st == ST_OK)
        *out = (int)v;
    return st;
}

/* Foreign keys are off while a file runs, as SQLite's procedure for
 * rebuilding a table asks (dropping the old table must not cascade), and
 * checked before it commits: a dangling reference the step made (more than
 * there were before it) undoes the step. */
static enum status apply_one(struct db *db, int number, const struct embedded_file *f)
{
    if (sqlite3_exec(db->sql, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(db, f->name);
    enum status st = db_begin(db);
    if (st != ST_OK) {
        sqlite3_exec(db->sql, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
        return st;
    }
    char bump[64];
    snprintf(bump, sizeof bump, "PRAGMA user_version = %d;", number);
    long long dangling = 0, before = 0;
    if (db_query_int(db, "SELECT count(*) FROM pragma_foreign_key_check", NULL, &before) != ST_OK ||
        sqlite3_exec(db->sql, f->data, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(db->sql, bump, NULL, NULL, NULL) != SQLITE_OK) {
        st = db_fail(db, f->name);
    } else if ((st = db_query_int(db, "SELECT count(*) FROM pragma_foreign_key_check", NULL, &dangling)) ==
                   ST_OK && dangling > before) {
        st = status_set(ST_INVALID, _("%s: %lld references to missing records; nothing was changed"), f->name,
                        dangling - before);
    }
    if (st == ST_OK)
        st = db_commit(db);
    else
        db_rollback(db);
    if (sqlite3_exec(db->sql, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK && st == ST_OK)
        st = db_fail(db, f->name);
    return st;
}

enum status migrate_apply_to(struct db *db, int target, bool backup, int *from, int *to)
{
    int version;
    enum status st = migrate_version(db, &version);
    if (st != ST_OK)
        return st;
    if (from)
        *from = version;
    if (to)
        *to = version;
    if (version > migrate_latest())
        return status_set(ST_TOO_NEW,
            _("%s has schema version %d but this treem knows only up to %d: "
              "install a newer treem; the file was not changed"),
            db->path, version, migrate_latest());
    if (version >= target)
        return ST_OK;
    /* A version-0 file that already holds tables was not made by treem:
     * refuse it rather than mix our schema into someone else's data. */
    long long objects = 0;
    if (version == 0 &&
        (st = db_query_int(db, "SELECT count(*) FROM sqlite_schema", NULL, &objects)) != ST_OK)
        return st;
    if (objects > 0)
        return status_set(ST_INVALID,
            _("%s is an SQLite file but not a treem database; its tables were not touched"),
            db->path);
    if (backup && version > 0) {
        char reason[32];
        snprintf(reason, sizeof reason, "before-v%d", target);
        st = db_backup_rotate(db, reason, 10, NULL);
        if (st != ST_OK)
            return st;
    }
    for (int n = version + 1; n <= target; n++) {
        const struct embedded_file *f = schema_file(n);
        if (!f && n < migrate_latest())
            continue; /* a number reserved by work not in this build (parallel branches) */
        if (!f)
            return status_set(ST_DB, _("schema file %03d is missing from this build"), n);
        st = apply_one(db, n, f);
        if (st != ST_OK)
            return st;
        if (to)
            *to = n;
    }
    return ST_OK;
}

enum status migrate_apply(struct db *db, bool backup, int *from, int *to)
{
    return migrate_apply_to(db, migrate_latest(), backup, from, to);
}
