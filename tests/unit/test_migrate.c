/* test_migrate — the schema files and migrations: fresh, re-run, from an
 * older file (with a backup), a too-new file refused untouched. */
#include <config.h>
#include "tests.h"
#include "treem/app/session.h"
#include "treem/core/embed.h"
#include "treem/db/migrate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------- migrations --- */

START_TEST(test_fresh_database)
{
    char *dir = test_dir_new(), *path = test_join(dir, "t.db");
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
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log'"), 1);
    ck_assert_uint_eq(test_count_backups(dir), 0); /* nothing to back up */
    db_close(db);
    free(path);
    test_dir_free(dir);
}
END_TEST

START_TEST(test_rerun_is_noop)
{
    char *dir = test_dir_new(), *path = test_join(dir, "t.db");
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
    ck_assert_uint_eq(test_count_backups(dir), 0);
    free(path);
    test_dir_free(dir);
}
END_TEST

START_TEST(test_apply_to_stops)
{
    char *dir = test_dir_new(), *path = test_join(dir, "t.db");
    struct db *db;
    int v = -1, from = -1, to = -1;
    ck_assert_int_eq(db_open(path, &db), ST_OK);
    ck_assert_int_eq(migrate_apply_to(db, 0, true, &from, &to), ST_OK);
    ck_assert_int_eq(to, 0);
    ck_assert_int_eq(migrate_version(db, &v), ST_OK);
    ck_assert_int_eq(v, 0);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM sqlite_schema"), 0);
    db_close(db);
    free(path);
    test_dir_free(dir);
}
END_TEST

/* An existing file of version 0 that already holds tables is not ours:
 * it is refused, its data stays, and no treem table is added. */
START_TEST(test_from_version_zero_with_table)
{
    char *dir = test_dir_new(), *path = test_join(dir, "old.db");
    test_raw_exec(path, "CREATE TABLE legacy(x INTEGER); INSERT INTO legacy VALUES (42);");
    struct db *db;
    int from = -1, to = -1;
    ck_assert_int_eq(db_open(path, &db), ST_OK);
    ck_assert_int_eq(migrate_apply(db, true, &from, &to), ST_INVALID);
    ck_assert_msg(strstr(status_message(), "not a treem database"), "%s", status_message());
    ck_assert_int_eq(to, 0);
    db_close(db);
    ck_assert_int_eq(test_raw_int(path, "SELECT x FROM legacy"), 42);
    ck_assert_int_eq(test_raw_int(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'setting'"), 0);
    ck_assert_uint_eq(test_count_backups(dir), 0);
    free(path);
    test_dir_free(dir);
}
END_TEST

/* Every older released version upgrades, with a backup of that version. */
START_TEST(test_from_older_version)
{
    const int older = _i;
    char *dir = test_dir_new(), *path = test_join(dir, "t.db");
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
    ck_assert_uint_eq(test_list_backups(dir, names, 4), 1);
    char *b = test_join(dir, "backups"), *bp = test_join(b, names[0]);
    ck_assert_int_eq(test_raw_int(bp, "PRAGMA user_version"), older);
    free(bp);
    free(b);
    free(path);
    test_dir_free(dir);
}
END_TEST

/* journal mode the too-new file was left in by the newer program */
static const char *const too_new_modes[] = {"wal", "delete"};

START_TEST(test_too_new_refused_untouched)
{
    char *dir = test_dir_new(), *path = test_join(dir, "new.db");
    struct db *db;
    ck_assert_int_eq(session_open(path, true, &db), ST_OK);
    db_close(db);
    char sql[128];
    snprintf(sql, sizeof sql, "PRAGMA journal_mode = %s; PRAGMA user_version = %d;",
             too_new_modes[_i], migrate_latest() + 1);
    test_raw_exec(path, sql);
    size_t len0, len1;
    char *before = test_slurp(path, &len0);

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

    char *after = test_slurp(path, &len1);
    ck_assert_uint_eq(len0, len1);
    ck_assert_msg(memcmp(before, after, len0) == 0, "the too-new file was changed");
    ck_assert_uint_eq(test_count_backups(dir), 0);
    ck_assert_int_eq(test_raw_int(path, "PRAGMA user_version"), migrate_latest() + 1);
    free(before);
    free(after);
    free(path);
    test_dir_free(dir);
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

Suite *suite_migrate(void)
{
    return test_suite((struct test_spec){"migrate", "migrate", .timeout = 30,
                       .tests = TEST_LIST(test_fresh_database, test_rerun_is_noop, test_apply_to_stops,
                                          test_from_version_zero_with_table, test_schema_files_numbered),
                       .loops = LOOP_LIST({test_from_older_version, 1, migrate_latest()},
                                          TEST_ROWS(test_too_new_refused_untouched, too_new_modes))}, NULL);
}
