/* tests — one Check binary, one suite per module. Each suite_*() is listed
 * in TREEM_SUITES in check_main.c; fixtures give each test a fresh,
 * migrated in-memory database (test_db_new). */
#ifndef TREEM_TESTS_H
#define TREEM_TESTS_H
#include <check.h>
#include <stddef.h>
#include "treem/db/db.h"

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

#endif
