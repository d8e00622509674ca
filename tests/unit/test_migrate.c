/* test_migrate — the schema files, migrations (fresh, re-run, from an older
 * file, a too-new file refused untouched), the connection's pragmas, the
 * append-only audit log and the rotation of backups. */
#include <config.h>
#include "tests.h"
#include "treem/app/commune.h"
#include "treem/app/session.h"
#include "treem/core/embed.h"
#include "treem/db/audit_repo.h"
#include "treem/db/migrate.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------- helpers --- */

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    ck_assert_ptr_nonnull(p);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

static char *make_dir(void)
{
    char *dir = test_tmp_path(".d");
    ck_assert_int_eq(mkdir(dir, 0700), 0);
    return dir;
}

/* Removes dir, its files and its backups/ folder. */
static void remove_dir(char *dir)
{
    static const char *const sub[] = {"backups", ""};
    for (int i = 0; i < 2; i++) {
        char *d = join(dir, sub[i]);
        DIR *dp = opendir(d);
        struct dirent *e;
        while (dp && (e = readdir(dp))) {
            char *f = join(d, e->d_name);
            if (e->d_name[0] != '.')
                unlink(f);
            free(f);
        }
        if (dp)
            closedir(dp);
        rmdir(d);
        free(d);
    }
    free(dir);
}

/* Names in dir/backups (sorted into out, at most max), or 0 without it. */
static size_t list_backups(const char *dir, char out[][256], size_t max)
{
    char *d = join(dir, "backups");
    DIR *dp = opendir(d);
    free(d);
    size_t n = 0;
    struct dirent *e;
    while (dp && (e = readdir(dp)))
        if (e->d_name[0] != '.' && n < max)
            snprintf(out[n++], 256, "%s", e->d_name);
    if (dp)
        closedir(dp);
    qsort(out, n, sizeof *out, (int (*)(const void *, const void *))strcmp);
    return n;
}

static size_t count_backups(const char *dir)
{
    char names[32][256];
    return list_backups(dir, names, 32);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static long long query_int(struct db *db, const char *sql)
{
    long long v = -1;
    ck_assert_msg(db_query_int(db, sql, NULL, &v) == ST_OK, "%s: %s", sql, status_message());
    return v;
}

/* An integer from a file opened directly with SQLite (not through db_open). */
static long long raw_int(const char *path, const char *sql)
{
    sqlite3 *s;
    sqlite3_stmt *st;
    long long v = -1;
    ck_assert_int_eq(sqlite3_open_v2(path, &s, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(s, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(s);
    return v;
}

static void raw_exec(const char *path, const char *sql)
{
    sqlite3 *s;
    ck_assert_int_eq(sqlite3_open(path, &s), SQLITE_OK);
    ck_assert_msg(sqlite3_exec(s, sql, NULL, NULL, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(s));
    sqlite3_close(s);
}

/* ---------------------------------------------------- migrations --- */

START_TEST(test_fresh_database)
{
    char *dir = make_dir(), *path = join(dir, "t.db");
    struct db *db;
    int v = -1, from = -1, to = -1;
    ck_assert_int_eq(db_open(path, &db), ST_OK);
    ck_assert_int_eq(migrate_version(db, &v), ST_OK);
    ck_assert_int_eq(v, 0);
    ck_assert_int_ge(migrate_latest(), 1);
    ck_assert_msg(migrate_apply(db, true, &from, &to) == ST_OK, "%s", status_message());
    ck_assert_int_eq(from, 0);
    ck_assert_int_eq(to, migrate_latest());
    ck_assert_int_eq(migrate_version(db, &v), ST_OK);
    ck_assert_int_eq(v, migrate_latest());
    ck_assert_int_eq(query_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log'"), 1);
    ck_assert_uint_eq(count_backups(dir), 0); /* nothing to back up */
    db_close(db);
    free(path);
    remove_dir(dir);
}
END_TEST

START_TEST(test_rerun_is_noop)
{
    char *dir = make_dir(), *path = join(dir, "t.db");
    struct db *db;
    int from = -1, to = -1;
    ck_assert_int_eq(session_open(path, true, &db), ST_OK);
    long long changes = sqlite3_total_changes(db->sql);
    ck_assert_int_eq(migrate_apply(db, true, &from, &to), ST_OK);
    ck_assert_int_eq(from, migrate_latest());
    ck_assert_int_eq(to, migrate_latest());
    ck_assert_int_eq(sqlite3_total_changes(db->sql), changes);
    db_close(db);
    ck_assert_int_eq(session_open(path, false, &db), ST_OK); /* and after reopening */
    ck_assert_int_eq(migrate_apply(db, true, &from, &to), ST_OK);
    ck_assert_int_eq(from, to);
    db_close(db);
    ck_assert_uint_eq(count_backups(dir), 0);
    free(path);
    remove_dir(dir);
}
END_TEST

START_TEST(test_apply_to_stops)
{
    char *dir = make_dir(), *path = join(dir, "t.db");
    struct db *db;
    int v = -1, from = -1, to = -1;
    ck_assert_int_eq(db_open(path, &db), ST_OK);
    ck_assert_int_eq(migrate_apply_to(db, 0, true, &from, &to), ST_OK);
    ck_assert_int_eq(to, 0);
    ck_assert_int_eq(migrate_version(db, &v), ST_OK);
    ck_assert_int_eq(v, 0);
    ck_assert_int_eq(query_int(db, "SELECT count(*) FROM sqlite_schema"), 0);
    db_close(db);
    free(path);
    remove_dir(dir);
}
END_TEST

/* An existing file of version 0 that already holds data: the migration
 * keeps the data and takes a backup first. */
START_TEST(test_from_version_zero_with_table)
{
    char *dir = make_dir(), *path = join(dir, "old.db");
    raw_exec(path, "CREATE TABLE legacy(x INTEGER); INSERT INTO legacy VALUES (42);");
    struct db *db;
    int from = -1, to = -1;
    ck_assert_int_eq(db_open(path, &db), ST_OK);
    ck_assert_msg(migrate_apply(db, true, &from, &to) == ST_OK, "%s", status_message());
    ck_assert_int_eq(from, 0);
    ck_assert_int_eq(to, migrate_latest());
    ck_assert_int_eq(query_int(db, "SELECT x FROM legacy"), 42);
    db_close(db);
    char names[4][256];
    ck_assert_uint_eq(list_backups(dir, names, 4), 1);
    ck_assert_msg(strncmp(names[0], "old.db-", 7) == 0, "%s", names[0]);
    char *b = join(dir, "backups"), *bp = join(b, names[0]);
    ck_assert_int_eq(raw_int(bp, "PRAGMA user_version"), 0);
    ck_assert_int_eq(raw_int(bp, "SELECT x FROM legacy"), 42);
    ck_assert_int_eq(raw_int(bp, "SELECT count(*) FROM sqlite_schema WHERE name = 'setting'"), 0);
    free(bp);
    free(b);
    free(path);
    remove_dir(dir);
}
END_TEST

/* Every older released version upgrades, with a backup of that version. */
START_TEST(test_from_older_version)
{
    const int older = _i;
    char *dir = make_dir(), *path = join(dir, "t.db");
    struct db *db;
    int from = -1, to = -1;
    ck_assert_int_eq(db_open(path, &db), ST_OK);
    ck_assert_int_eq(migrate_apply_to(db, older, false, &from, &to), ST_OK);
    ck_assert_int_eq(to, older);
    db_close(db);
    ck_assert_int_eq(db_open(path, &db), ST_OK);
    ck_assert_msg(migrate_apply(db, true, &from, &to) == ST_OK, "%s", status_message());
    ck_assert_int_eq(from, older);
    ck_assert_int_eq(to, migrate_latest());
    db_close(db);
    char names[4][256];
    ck_assert_uint_eq(list_backups(dir, names, 4), 1);
    char *b = join(dir, "backups"), *bp = join(b, names[0]);
    ck_assert_int_eq(raw_int(bp, "PRAGMA user_version"), older);
    free(bp);
    free(b);
    free(path);
    remove_dir(dir);
}
END_TEST

/* journal mode the too-new file was left in by the newer program */
static const char *const too_new_modes[] = {"wal", "delete"};

START_TEST(test_too_new_refused_untouched)
{
    char *dir = make_dir(), *path = join(dir, "new.db");
    struct db *db;
    ck_assert_int_eq(session_open(path, true, &db), ST_OK);
    db_close(db);
    char sql[128];
    snprintf(sql, sizeof sql, "PRAGMA journal_mode = %s; PRAGMA user_version = %d;",
             too_new_modes[_i], migrate_latest() + 1);
    raw_exec(path, sql);
    size_t len0, len1;
    char *before = slurp(path, &len0);

    status_clear();
    ck_assert_int_eq(db_open(path, &db), ST_OK);
    ck_assert_int_eq(migrate_apply(db, true, NULL, NULL), ST_TOO_NEW);
    db_close(db);
    char want[32];
    snprintf(want, sizeof want, "%d", migrate_latest() + 1);
    ck_assert_msg(strstr(status_message(), path) && strstr(status_message(), want),
                  "message: %s", status_message());
    ck_assert_int_eq(session_open(path, false, &db), ST_TOO_NEW);
    ck_assert_int_eq(session_open(path, true, &db), ST_TOO_NEW);

    char *after = slurp(path, &len1);
    ck_assert_uint_eq(len0, len1);
    ck_assert_msg(memcmp(before, after, len0) == 0, "the too-new file was changed");
    ck_assert_uint_eq(count_backups(dir), 0);
    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), migrate_latest() + 1);
    free(before);
    free(after);
    free(path);
    remove_dir(dir);
}
END_TEST

/* schema/NNN_name.sql, numbered 1..N once each, N = migrate_latest(). */
START_TEST(test_schema_files_numbered)
{
    int count[1000] = {0}, max = 0;
    for (const struct embedded_file *f = embedded_files; f->name; f++) {
        if (strncmp(f->name, "schema/", 7) != 0)
            continue;
        const char *p = f->name + 7;
        size_t len = strlen(p);
        ck_assert_msg(len > 8 && p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9' &&
                      p[2] >= '0' && p[2] <= '9' && p[3] == '_' &&
                      strcmp(p + len - 4, ".sql") == 0,
                      "%s is not named schema/NNN_name.sql", f->name);
        int n = (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
        ck_assert_msg(n >= 1, "%s: numbers start at 001", f->name);
        count[n]++;
        if (n > max)
            max = n;
        ck_assert_msg(f->len > 0 && strlen(f->data) == f->len, "%s is empty or has a NUL", f->name);
    }
    ck_assert_int_eq(max, migrate_latest());
    for (int n = 1; n <= max; n++)
        ck_assert_msg(count[n] == 1, "schema number %03d appears %d times", n, count[n]);
}
END_TEST

/* ----------------------------------------------------- connection --- */

START_TEST(test_pragmas_and_modes)
{
    char *dir = make_dir(), *sub = join(dir, "a"), *path = join(dir, "a/b/t.db");
    struct db *db;
    for (int round = 0; round < 2; round++) { /* created, then reopened */
        ck_assert_int_eq(round ? db_open_existing(path, &db) : db_open(path, &db), ST_OK);
        sqlite3_stmt *st;
        ck_assert_int_eq(sqlite3_prepare_v2(db->sql, "PRAGMA journal_mode", -1, &st, NULL),
                         SQLITE_OK);
        ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
        ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "wal");
        sqlite3_finalize(st);
        ck_assert_int_eq(query_int(db, "PRAGMA foreign_keys"), 1);
        ck_assert_int_eq(query_int(db, "PRAGMA synchronous"), 2); /* FULL */
        ck_assert_int_gt(query_int(db, "PRAGMA busy_timeout"), 0);
        db_close(db);
    }
    struct stat sb;
    ck_assert_int_eq(stat(path, &sb), 0);
    ck_assert_int_eq(sb.st_mode & 0777, 0600);
    ck_assert_int_eq(stat(sub, &sb), 0);
    ck_assert_int_eq(sb.st_mode & 0777, 0700);
    unlink(path);
    char *b = join(dir, "a/b");
    rmdir(b);
    rmdir(sub);
    free(b);
    free(sub);
    free(path);
    remove_dir(dir);
}
END_TEST

START_TEST(test_not_a_database)
{
    char *path = test_tmp_path(".db");
    static const char text[] = "province_code,province_name\n01,Ha Noi\n";
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    struct db *db = NULL;
    ck_assert_int_ne(db_open(path, &db), ST_OK);
    ck_assert_ptr_nonnull(strstr(status_message(), path));
    size_t len;
    char *after = slurp(path, &len);
    ck_assert_uint_eq(len, strlen(text));
    ck_assert(memcmp(after, text, len) == 0);
    free(after);
    unlink(path);
    free(path);
}
END_TEST

START_TEST(test_open_existing_missing)
{
    char *path = test_tmp_path(".db");
    struct db *db = NULL;
    ck_assert_int_eq(db_open_existing(path, &db), ST_NOTFOUND);
    ck_assert_ptr_nonnull(strstr(status_message(), path));
    ck_assert_int_ne(access(path, F_OK), 0);
    free(path);
}
END_TEST

/* A second program writing the same file gets ST_BUSY and a message. */
START_TEST(test_second_writer_busy)
{
    struct db *a = test_db_new(false), *b;
    ck_assert_int_eq(db_open_existing(a->path, &b), ST_OK);
    ck_assert_int_eq(db_exec(b, "PRAGMA busy_timeout = 50"), ST_OK);
    ck_assert_int_eq(db_begin(a), ST_OK);
    ck_assert_int_eq(db_begin(b), ST_BUSY);
    ck_assert_ptr_nonnull(strstr(status_message(), "another treem"));
    db_rollback(b);
    ck_assert_int_eq(db_commit(a), ST_OK);
    ck_assert_int_eq(db_begin(b), ST_OK);
    db_rollback(b);
    db_close(b);
    test_db_free(a);
}
END_TEST

START_TEST(test_audit_log_append_only)
{
    setenv("TREEM_TODAY", "2025-06-30 14:05", 1);
    struct db *db = test_db_new(false);
    ck_assert_int_eq(audit_record(db, "tester", AUDIT_CREATE, "village", "1", NULL, NULL, NULL),
                     ST_OK);
    ck_assert_int_eq(audit_field(db, "tester", "village", "1", "name", "A", "A"), ST_OK);
    ck_assert_int_eq(audit_field(db, "tester", "village", "1", "name", NULL, ""), ST_OK);
    ck_assert_int_eq(query_int(db, "SELECT count(*) FROM audit_log"), 1);
    ck_assert_int_eq(audit_field(db, "tester", "village", "1", "name", "A", "B"), ST_OK);
    ck_assert_int_eq(query_int(db, "SELECT count(*) FROM audit_log"), 2);
    ck_assert_int_eq(query_int(db, "SELECT count(*) FROM audit_log WHERE at = "
                                   "'2025-06-30 14:05' AND who = 'tester'"), 2);
    static const char *const refused[] = {
        "UPDATE audit_log SET who = 'someone else'",
        "DELETE FROM audit_log",
        "DELETE FROM audit_log WHERE id = 1",
    };
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        ck_assert_int_eq(db_exec(db, refused[i]), ST_DB);
        ck_assert_msg(strstr(status_message(), "append-only"), "%s", status_message());
    }
    ck_assert_int_eq(query_int(db, "SELECT count(*) FROM audit_log WHERE who = 'tester'"), 2);
    test_db_free(db);
    unsetenv("TREEM_TODAY");
}
END_TEST

/* ------------------------------------------------------- backups --- */

/* Names in backups/ that are not this database's copies: left alone and
 * not counted (another file "t.db-old.db", and a stray -wal file). */
static const char *const foreign_names[] = {
    "u.db-2000-01-01-000000-x.db",
    "t.db-old.db-2000-01-01-000000-x.db",
    "t.db-2000-01-01-000000-r0.db-wal",
};
#define NFOREIGN (sizeof foreign_names / sizeof *foreign_names)

static bool is_foreign(const char *name)
{
    for (size_t i = 0; i < NFOREIGN; i++)
        if (strcmp(name, foreign_names[i]) == 0)
            return true;
    return false;
}

START_TEST(test_backup_rotate_keeps_newest)
{
    /* the stamp in the names orders the copies: the real clock, even when
     * TREEM_TODAY fixes the program's date */
    setenv("TREEM_TODAY", "2001-01-01 00:00", 1);
    char *dir = make_dir(), *path = join(dir, "t.db"), *bdir = join(dir, "backups");
    struct db *db;
    ck_assert_int_eq(session_open(path, true, &db), ST_OK);
    ck_assert_int_eq(mkdir(bdir, 0700), 0);
    for (size_t i = 0; i < NFOREIGN; i++) {
        char *f = join(bdir, foreign_names[i]);
        fclose(fopen(f, "w"));
        free(f);
    }
    static const char *const reasons[] = {"r1", "r2", "r3", "r4", "r5"};
    for (size_t i = 0; i < 5; i++) {
        char *made = NULL;
        ck_assert_int_eq(db_backup_rotate(db, reasons[i], 3, &made), ST_OK);
        ck_assert_ptr_nonnull(made);
        ck_assert_ptr_null(strstr(made, "2001-01-01"));
        struct stat sb;
        ck_assert_int_eq(stat(made, &sb), 0);
        ck_assert_int_eq(sb.st_mode & 0777, 0600);
        /* reading a copy leaves no -wal/-shm beside it */
        ck_assert_int_eq(raw_int(made, "PRAGMA user_version"), migrate_latest());
        free(made);
    }
    db_close(db);
    char names[16][256];
    size_t n = list_backups(dir, names, 16), mine = 0;
    ck_assert_uint_eq(n, 3 + NFOREIGN);
    for (size_t i = 0; i < n; i++) {
        if (is_foreign(names[i]))
            continue;
        const char *want = mine == 0 ? "-r3.db" : mine == 1 ? "-r4.db" : "-r5.db";
        size_t len = strlen(names[i]);
        ck_assert_msg(strncmp(names[i], "t.db-", 5) == 0 && strcmp(names[i] + len - 6, want) == 0,
                      "%s kept, want t.db-*%s", names[i], want);
        mine++;
    }
    ck_assert_uint_eq(mine, 3);
    free(bdir);
    free(path);
    remove_dir(dir);
    unsetenv("TREEM_TODAY");
}
END_TEST

/* The copy is one self-contained file (not in WAL mode) in a 0700 folder. */
START_TEST(test_backup_file_self_contained)
{
    char *dir = make_dir(), *path = join(dir, "t.db"), *made = NULL;
    struct db *db;
    ck_assert_int_eq(session_open(path, true, &db), ST_OK);
    ck_assert_int_eq(village_add(db, "Thôn 1"), ST_OK);
    ck_assert_int_eq(db_backup_rotate(db, "test", 10, &made), ST_OK);
    db_close(db);
    sqlite3 *s;
    sqlite3_stmt *st;
    ck_assert_int_eq(sqlite3_open_v2(made, &s, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(s, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "delete");
    sqlite3_finalize(st);
    sqlite3_close(s);
    ck_assert_int_eq(raw_int(made, "SELECT count(*) FROM village WHERE name = 'Thôn 1'"), 1);
    char *bdir = join(dir, "backups");
    struct stat sb;
    ck_assert_int_eq(stat(bdir, &sb), 0);
    ck_assert_int_eq(sb.st_mode & 0777, 0700);
    free(bdir);
    free(made);
    free(path);
    remove_dir(dir);
}
END_TEST

START_TEST(test_backup_in_memory)
{
    struct db *db;
    char *made = (char *)"x";
    ck_assert_int_eq(db_open(":memory:", &db), ST_OK);
    ck_assert_int_eq(db_backup_rotate(db, "r", 3, &made), ST_OK);
    ck_assert_ptr_null(made);
    db_close(db);
}
END_TEST

Suite *suite_migrate(void)
{
    Suite *s = suite_create("migrate");
    TCase *tc = tcase_create("migrate");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_fresh_database);
    tcase_add_test(tc, test_rerun_is_noop);
    tcase_add_test(tc, test_apply_to_stops);
    tcase_add_test(tc, test_from_version_zero_with_table);
    tcase_add_loop_test(tc, test_from_older_version, 1, migrate_latest());
    tcase_add_loop_test(tc, test_too_new_refused_untouched, 0,
                        (int)(sizeof too_new_modes / sizeof *too_new_modes));
    tcase_add_test(tc, test_schema_files_numbered);
    suite_add_tcase(s, tc);
    tc = tcase_create("db");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_pragmas_and_modes);
    tcase_add_test(tc, test_open_existing_missing);
    tcase_add_test(tc, test_not_a_database);
    tcase_add_test(tc, test_second_writer_busy);
    tcase_add_test(tc, test_audit_log_append_only);
    tcase_add_test(tc, test_backup_rotate_keeps_newest);
    tcase_add_test(tc, test_backup_file_self_contained);
    tcase_add_test(tc, test_backup_in_memory);
    suite_add_tcase(s, tc);
    return s;
}
