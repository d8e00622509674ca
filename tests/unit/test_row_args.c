/* test_row_args — the declared, checked arguments of src/db/row.c (issue
 * 18): every kind binds what it says, a value that cannot be bound is an
 * error that saves nothing, row_bind_used passes over the parameters a
 * built statement lacks, cached statements stay usable after a failed
 * bind, and the shared update and delete of row_kind keep their audit
 * lines. */
#include <config.h>
#include "tests.h"
#include "treem/db/audit_repo.h"
#include "treem/db/event_repo.h"
#include "treem/db/plan_repo.h"
#include "treem/db/row_kind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

Suite *suite_row_args(void); /* called by check_main.c */

static struct db *mem_db(void)
{
    struct db *db;
    ck_assert_int_eq(db_open(":memory:", &db), ST_OK);
    ck_assert_int_eq(db_exec(db, "CREATE TABLE t(i INTEGER, r REAL, x TEXT, d TEXT, n TEXT, "
                                 "f TEXT)"), ST_OK);
    return db;
}

/* Checks that want rows of t meet the condition where. */
static void rows_where(struct db *db, const char *where, long long want)
{
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM t WHERE %s", where);
    long long n = -1;
    ck_assert_int_eq(db_query_int(db, sql, NULL, &n), ST_OK);
    ck_assert_msg(n == want, "%lld rows where %s, not %lld", n, where, want);
}

/* Each kind of argument stores its value; ROW_NFC composes, ROW_FOLD folds,
 * an unset date and id 0 store NULL. */
START_TEST(test_kinds_bind_their_values)
{
    struct db *db = mem_db();
    ck_assert_int_eq(row_exec(db, "INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5, ?6)", "t", ROW_INT(7),
                              ROW_REAL(2.5), ROW_NFC("x", "Nguye\xcc\x82\xcc\x83n"),
                              ROW_DATE(((struct date){2025, 6, 30})), ROW_ID(0),
                              ROW_FOLD("f", "Đặng Thị")),
                     ST_OK);
    rows_where(db, "i = 7 AND r = 2.5 AND x = 'Nguy\xe1\xbb\x85n' AND d = '2025-06-30' AND "
                   "n IS NULL AND f = 'dang thi'", 1);
    struct date unset = {0, 0, 0};
    ck_assert_int_eq(row_exec(db, "INSERT INTO t(d, i) VALUES (?1, ?2)", "t", ROW_DATE(unset), ROW_ID(5)),
                     ST_OK);
    rows_where(db, "d IS NULL AND i = 5", 1);
    db_close(db);
}
END_TEST

/* Text that is not UTF-8 is refused naming the field; nothing is saved. */
START_TEST(test_bad_text_names_the_field)
{
    struct db *db = mem_db();
    ck_assert_int_eq(row_exec(db, "INSERT INTO t(i, x) VALUES (?1, ?2)", "t", ROW_INT(1),
                              ROW_NFC("the field", "a\xff")),
                     ST_INVALID);
    ck_assert_msg(strstr(status_message(), "the field"), "%s", status_message());
    ck_assert_int_eq(row_exec(db, "INSERT INTO t(f) VALUES (?1)", "t", ROW_FOLD("folded", "\xc3")),
                     ST_INVALID);
    ck_assert_msg(strstr(status_message(), "folded"), "%s", status_message());
    rows_where(db, "1", 0);
    db_close(db);
}
END_TEST

/* row_bind refuses a parameter the statement lacks; row_bind_used passes it
 * over and binds the others. */
START_TEST(test_bind_used_passes_over_missing)
{
    struct db *db = mem_db();
    sqlite3_stmt *st;
    ck_assert_int_eq(db_prepare(db, "INSERT INTO t(i, x) VALUES (?1, ?3)", &st), ST_OK);
    const struct row_arg args[] = {ROW_INT(4), ROW_TEXT("not used"), ROW_TEXT("used"),
                                   ROW_TEXT("no ?4")};
    ck_assert_int_ne(row_bind_args(st, 1, args, 4), ST_OK);
    ck_assert_msg(strstr(status_message(), "range"), "%s", status_message());
    ck_assert_int_eq(row_bind_used(st, 1, args, 4), ST_OK);
    ck_assert_int_eq(row_write(db, st, "t"), ST_OK);
    rows_where(db, "i = 4 AND x = 'used'", 1);
    db_close(db);
}
END_TEST

/* A cached statement whose bind failed is reset and serves the next call. */
START_TEST(test_cached_after_failed_bind)
{
    struct db *db = mem_db();
    const char *sql = "INSERT INTO t(i, x) VALUES (?1, ?2)";
    ck_assert_int_eq(row_exec_cached(db, sql, "t", ROW_INT(1), ROW_NFC("x", "\xff")), ST_INVALID);
    ck_assert_int_eq(row_exec_cached(db, sql, "t", ROW_INT(2), ROW_TEXT("b")), ST_OK);
    ck_assert_int_ne(row_exec_cached(db, sql, "t", ROW_INT(3), ROW_TEXT("c"), ROW_INT(9)), ST_OK);
    ck_assert_int_eq(row_exec_cached(db, sql, "t", ROW_INT(4), ROW_TEXT("d")), ST_OK);
    rows_where(db, "1", 2);
    long long i = 0;
    ck_assert_int_eq(row_query_int_cached(db, "SELECT i FROM t WHERE x = ?1", &i, ROW_TEXT("d")),
                     ST_OK);
    ck_assert_int_eq(i, 4);
    ck_assert_int_eq(row_query_int_cached(db, "SELECT i FROM t WHERE x = ?1", &i, ROW_TEXT("z")),
                     ST_NOTFOUND);
    db_close(db);
}
END_TEST

static enum status stop_at_two(sqlite3_stmt *st, void *ctx)
{
    int *seen = ctx;
    (*seen)++;
    return sqlite3_column_int(st, 0) == 2 ? status_set(ST_INVALID, "stop") : ST_OK;
}

/* row_each walks the rows until the callback fails, and returns its status. */
START_TEST(test_each_stops_at_failure)
{
    struct db *db = mem_db();
    for (int i = 1; i <= 3; i++)
        ck_assert_int_eq(row_exec(db, "INSERT INTO t(i) VALUES (?1)", "t", ROW_INT(i)), ST_OK);
    sqlite3_stmt *st;
    ck_assert_int_eq(row_prepare(db, "SELECT i FROM t WHERE i >= ?1 ORDER BY i", &st, ROW_INT(1)),
                     ST_OK);
    int seen = 0;
    ck_assert_int_eq(row_each(db, st, stop_at_two, &seen), ST_INVALID);
    ck_assert_int_eq(seen, 2);
    db_close(db);
}
END_TEST

/* The update and delete of row_kind (events here): the stored record is
 * read first, one audit line per changed field, one for the deletion with
 * the record's name; an unknown id says so. */
START_TEST(test_kind_update_and_delete)
{
    struct db *db = test_db_new(false);
    struct plan p = {.number = "01/KH-UBND", .year = 2025, .title = "Kế hoạch"};
    ck_assert_int_eq(plan_repo_insert(db, &p), ST_OK);
    struct plan_event e = {.plan_id = p.id, .name = "Tết Trung thu",
                           .start_on = {2025, 10, 6}, .kind = PLAN_EVENT_EVENT};
    ck_assert_int_eq(event_repo_insert(db, &e), ST_OK);
    e.start_on = (struct date){2025, 10, 7};
    ck_assert_int_eq(event_repo_update(db, &e), ST_OK);
    char key[24];
    snprintf(key, sizeof key, "%lld", e.id);
    struct audit_row *rows;
    size_t n;
    ck_assert_int_eq(audit_repo_history(db, "plan_event", key, &rows, &n), ST_OK);
    ck_assert_uint_eq(n, 2); /* created, start_on changed */
    ck_assert_str_eq(rows[1].field, "start_on");
    ck_assert_str_eq(rows[1].old_value, "2025-10-06");
    ck_assert_str_eq(rows[1].new_value, "2025-10-07");
    audit_rows_free(rows, n);
    ck_assert_int_eq(event_repo_delete(db, e.id), ST_OK);
    ck_assert_int_eq(audit_repo_history(db, "plan_event", key, &rows, &n), ST_OK);
    ck_assert_uint_eq(n, 3);
    ck_assert_str_eq(rows[2].action, "delete");
    ck_assert_str_eq(rows[2].old_value, "Tết Trung thu");
    audit_rows_free(rows, n);
    ck_assert_int_eq(event_repo_delete(db, e.id), ST_NOTFOUND);
    ck_assert_msg(strstr(status_message(), key), "%s", status_message());
    ck_assert_int_eq(event_repo_update(db, &e), ST_NOTFOUND);
    test_db_free(db);
}
END_TEST

Suite *suite_row_args(void)
{
    return test_suite((struct test_spec){.suite = "row_args", .tcase = "db",
                       .tests = TEST_LIST(test_kinds_bind_their_values, test_bad_text_names_the_field,
                                          test_bind_used_passes_over_missing,
                                          test_cached_after_failed_bind, test_each_stops_at_failure,
                                          test_kind_update_and_delete)},
                      NULL);
}
