/* test_db — the connection (pragmas, modes, a second writer, a file that is
 * not a database), the append-only audit log, and backups: rotation, and
 * copies that are single self-contained files. */
#include <config.h>
#include "tests.h"
#include "treem/app/commune.h"
#include "treem/app/session.h"
#include "treem/db/audit_repo.h"
#include "treem/db/migrate.h"
#include "treem/db/row.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

START_TEST(test_pragmas_and_modes)
{
    char *dir = test_dir_new(), *sub = test_join(dir, "a"), *path = test_join(dir, "a/b/t.db");
    struct db *db;
    for (int round = 0; round < 2; round++) { /* created, then reopened */
        ck_assert_int_eq(round ? db_open_existing(path, &db) : db_open(path, &db), ST_OK);
        sqlite3_stmt *st;
        ck_assert_int_eq(sqlite3_prepare_v2(db->sql, "PRAGMA journal_mode", -1, &st, NULL),
                         SQLITE_OK);
        ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
        ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "wal");
        sqlite3_finalize(st);
        ck_assert_int_eq(test_query_int(db, "PRAGMA foreign_keys"), 1);
        ck_assert_int_eq(test_query_int(db, "PRAGMA synchronous"), 2); /* FULL */
        ck_assert_int_gt(test_query_int(db, "PRAGMA busy_timeout"), 0);
        db_close(db);
    }
    struct stat sb;
    ck_assert_int_eq(stat(path, &sb), 0);
    ck_assert_int_eq(sb.st_mode & 0777, 0600);
    ck_assert_int_eq(stat(sub, &sb), 0);
    ck_assert_int_eq(sb.st_mode & 0777, 0700);
    unlink(path);
    char *b = test_join(dir, "a/b");
    rmdir(b);
    rmdir(sub);
    free(b);
    free(sub);
    free(path);
    test_dir_free(dir);
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
    char *after = test_slurp(path, &len);
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
    ck_assert_int_eq(db_set_actor(db, "tester"), ST_OK); /* the audit lines' actor */
    ck_assert_int_eq(audit_record(db, AUDIT_CREATE, "village", "1", NULL, NULL, NULL),
                     ST_OK);
    ck_assert_int_eq(audit_field(db, "village", "1", "name", "A", "A"), ST_OK);
    ck_assert_int_eq(audit_field(db, "village", "1", "name", NULL, ""), ST_OK);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit_log"), 1);
    ck_assert_int_eq(audit_field(db, "village", "1", "name", "A", "B"), ST_OK);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit_log"), 2);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit_log WHERE at = "
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
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit_log WHERE who = 'tester'"), 2);
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
    char *dir = test_dir_new(), *path = test_join(dir, "t.db"), *bdir = test_join(dir, "backups");
    struct db *db;
    ck_assert_int_eq(session_open(path, true, &db), ST_OK);
    ck_assert_int_eq(mkdir(bdir, 0700), 0);
    for (size_t i = 0; i < NFOREIGN; i++) {
        char *f = test_join(bdir, foreign_names[i]);
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
        ck_assert_int_eq(test_raw_int(made, "PRAGMA user_version"), migrate_latest());
        free(made);
    }
    db_close(db);
    char names[16][256];
    size_t n = test_list_backups(dir, names, 16), mine = 0;
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
    test_dir_free(dir);
    unsetenv("TREEM_TODAY");
}
END_TEST

/* The copy is one self-contained file (not in WAL mode) in a 0700 folder. */
START_TEST(test_backup_file_self_contained)
{
    char *dir = test_dir_new(), *path = test_join(dir, "t.db"), *made = NULL;
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
    ck_assert_int_eq(test_raw_int(made, "SELECT count(*) FROM village WHERE name = 'Thôn 1'"), 1);
    char *bdir = test_join(dir, "backups");
    struct stat sb;
    ck_assert_int_eq(stat(bdir, &sb), 0);
    ck_assert_int_eq(sb.st_mode & 0777, 0700);
    free(bdir);
    free(made);
    free(path);
    test_dir_free(dir);
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

/* A value that cannot be bound is an error, never a NULL saved in its
 * place (here: an argument the statement has no parameter for). */
START_TEST(test_bind_failure_is_an_error)
{
    struct db *db;
    ck_assert_int_eq(db_open(":memory:", &db), ST_OK);
    ck_assert_int_eq(db_exec(db, "CREATE TABLE t(a TEXT)"), ST_OK);
    ck_assert_int_eq(row_exec(db, "INSERT INTO t(a) VALUES (?1)", "t", ROW_TEXT("x")), ST_OK);
    ck_assert_int_ne(row_exec(db, "INSERT INTO t(a) VALUES (?1)", "t", ROW_TEXT("y"), ROW_TEXT("z")),
                     ST_OK);
    ck_assert_msg(strstr(status_message(), "range"), "%s", status_message());
    long long n = -1;
    ck_assert_int_eq(db_query_int(db, "SELECT count(*) FROM t WHERE ?1 IS NOT NULL", "", &n), ST_OK);
    ck_assert_int_eq(n, 1);
    db_close(db);
}
END_TEST

Suite *suite_db(void)
{
    Suite *s = test_suite((struct test_spec){"db", "connection", .timeout = 30,
                           .tests = TEST_LIST(test_pragmas_and_modes, test_open_existing_missing, test_not_a_database,
                                              test_second_writer_busy, test_audit_log_append_only,
                                              test_bind_failure_is_an_error)}, NULL);
    test_tcase(s, (struct test_spec){.tcase = "backup", .timeout = 30,
                   .tests = TEST_LIST(test_backup_rotate_keeps_newest, test_backup_file_self_contained,
                                      test_backup_in_memory)});
    return s;
}
