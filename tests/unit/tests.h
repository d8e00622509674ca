/* tests — one Check binary, one suite per module. Each suite_*() is listed
 * in TREEM_SUITES in check_main.c; fixtures give each test a fresh,
 * migrated in-memory database (test_db_new). */
#ifndef TREEM_TESTS_H
#define TREEM_TESTS_H
#include <check.h>
#include <stddef.h>
#include <string.h>
#include "treem/core/date.h"
#include "treem/db/db.h"
#include "treem/model/case.h"
#include "treem/csv/csv_errors.h"

Suite *suite_status(void);
Suite *suite_utf8(void);
Suite *suite_date(void);
Suite *suite_i18n(void);
Suite *suite_csv_read(void);
Suite *suite_csv_read_file(void);
Suite *suite_csv_write(void);
Suite *suite_csv_encoding(void);
Suite *suite_csv_errors(void);
Suite *suite_csv_map(void);
Suite *suite_csv_legacy(void);
Suite *suite_manifest(void);
Suite *suite_migrate(void);
Suite *suite_db(void);
Suite *suite_commune(void);
Suite *suite_measures(void);
Suite *suite_plan(void);
Suite *suite_task(void);
Suite *suite_plan_repo(void);
Suite *suite_child(void);
Suite *suite_growth(void);
Suite *suite_child_repo(void);
Suite *suite_children(void);
Suite *suite_child_bulk(void);
Suite *suite_rubric(void);
Suite *suite_rubric_score(void);
Suite *suite_rubric_csv(void);
Suite *suite_score(void);
Suite *suite_case(void);
Suite *suite_cases(void);
Suite *suite_case_order(void);
Suite *suite_case_edit(void);
Suite *suite_places(void);
Suite *suite_transfer(void);
Suite *suite_transfer_kinds(void);
Suite *suite_report(void);
Suite *suite_report_lines(void);
Suite *suite_province(void);
Suite *suite_score_cases(void);
Suite *suite_schema_enums(void);
Suite *suite_faults(void);
Suite *suite_safety(void);
Suite *suite_law(void);
Suite *suite_safe_text(void);
Suite *suite_pseudonym(void);
Suite *suite_sealed(void);
Suite *suite_auth(void);
Suite *suite_number(void);
Suite *suite_lookups(void);
Suite *suite_actor(void);

/* ck_assert_msg for loops over many values: Check records every passing
 * ck_assert (a write to its pipe each, a system call), this only a failure,
 * with the same message, file and line. */
#define test_check(expr, ...) do { if (!(expr)) ck_abort_msg(__VA_ARGS__); } while (0)

/* The status message starts with prefix (the name of the field or thing
 * refused); a failure shows both. */
#define test_message_starts(prefix)                                           \
    ck_assert_msg(strncmp(status_message(), (prefix), strlen(prefix)) == 0, \
                  "'%s' does not start with '%s'", status_message(), (prefix))

/* A loop test: test run with _i from start to end - 1. */
struct test_loop {
    const TTest *test;
    int start, end;
};
/* The rows of a static table, and a loop test over them (_i the row). */
#define TEST_N(table) ((int)(sizeof table / sizeof *table))
#define TEST_ROWS(test, table) {test, 0, TEST_N(table)}

/* One suite of one test case (helpers.c): the tests (a NULL-ended list)
 * and the loop tests (a list ended by a NULL test) run between setup and
 * teardown (a checked fixture when either is set), each within timeout
 * seconds (0: Check's default); tags as tcase_set_tags. */
struct test_spec {
    const char *suite, *tcase;
    void (*setup)(void), (*teardown)(void);
    int timeout;
    const char *tags;
    const TTest *const *tests;
    const struct test_loop *loops;
};
/* *tc (when tc is not NULL) receives the test case. */
Suite *test_suite(struct test_spec spec, TCase **tc);
/* One more test case in s, as spec says (spec.suite is not used). */
TCase *test_tcase(Suite *s, struct test_spec spec);
#define TEST_LIST(...) ((const TTest *const[]){__VA_ARGS__, NULL})
#define LOOP_LIST(...) ((const struct test_loop[]){__VA_ARGS__, {NULL, 0, 0}})

/* The first problem in errs that is not a warning breaks rule, in column
 * when column is not NULL (helpers.c). */
void test_first_error(const struct csv_errors *errs, const char *rule, const char *column);

/* score_cases_measure of m for 2026 returns want; its value (helpers.c). */
double test_measure_2026(struct db *db, int m, enum status want);

/* A fresh database at a temporary path, migrated and with the catalogues
 * loaded; commune 00004 when with_commune. Free with test_db_free(). */
struct db *test_db_new(bool with_commune);
void test_db_free(struct db *db);

/* A unique temporary file path (not created); caller frees. */
char *test_tmp_path(const char *suffix);

/* helpers.c — files for the tests. Failures end the test (ck_assert). */
char *test_join(const char *dir, const char *name);          /* "dir/name", caller frees */
char *test_dir_new(void);                                    /* a new 0700 folder (mkdtemp) */
void test_dir_free(char *dir);        /* removes it with everything in it, frees dir */
/* Names in dir/backups, sorted, at most max; 0 when there is no such folder. */
size_t test_list_backups(const char *dir, char out[][256], size_t max);
size_t test_count_backups(const char *dir);
char *test_slurp(const char *path, size_t *len);             /* whole file, caller frees */
long long test_query_int(struct db *db, const char *sql);    /* through db_query_int */
/* On a file opened with SQLite directly, not through db_open. */
long long test_raw_int(const char *path, const char *sql);
void test_raw_exec(const char *path, const char *sql);
/* The first column of the first row as text (static buffer, "" for none). */
const char *test_raw_text(const char *path, const char *sql);

/* fixtures.c — records and steps the tests share. */
/* Fixtures: TREEM_TODAY 30/06/2025 10:00 or 16/03/2026 09:00; the end
 * unsets it and signs out. */
void test_today_2025(void);
void test_today_2026(void);
void test_today_end(void);
/* The id of the department text finds (its code or name, as typed). */
long long test_department_id(struct db *db, const char *text);
/* A girl born on birth saved in db (no duplicate allowed); her id. */
long long test_add_child(struct db *db, const char *name, struct date birth);
/* A case of kind from source received then, at its default level: the
 * caller fills in more, then saves it with test_save_case (which frees it
 * and returns its id) or frees it. */
struct case_file test_intake(int source, int kind, struct datetime received);
long long test_save_case(struct db *db, struct case_file *c);
/* A step of kind on the case at `at` (an initial assessment finds danger
 * when emergency), with who and notes when not NULL: cases_add_step's
 * status, the step's id in *id when id is not NULL. */
enum status test_try_step(struct db *db, long long case_id, int kind, struct datetime at, bool emergency,
                          const char *who, const char *notes, long long *id);
/* The same without danger, which must be saved; the step's id. */
long long test_add_step(struct db *db, long long case_id, int kind, struct datetime at, const char *who,
                        const char *notes);
/* A new temporary file holding text; caller unlinks and frees the path. */
char *test_write_text(const char *suffix, const char *text);
/* Imports text as a file of kind (no backup). With rule NULL it must be
 * imported and add one to what count_sql counts; otherwise it must be
 * refused (ST_INVALID), its first error breaking rule in column, and add
 * nothing. Returns the rows the import counted as added. */
size_t test_import_rule(struct db *db, const char *kind, const char *text, const char *rule, const char *column,
                        const char *count_sql);

#endif
