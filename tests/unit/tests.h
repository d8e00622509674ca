/* tests — one Check binary, one suite per module. Each suite_*() is listed
 * in TREEM_SUITES in check_main.c; fixtures give each test a fresh,
 * migrated in-memory database (test_db_new). */
#ifndef TREEM_TESTS_H
#define TREEM_TESTS_H
#include <check.h>
#include "treem/db/db.h"

Suite *suite_status(void);
Suite *suite_utf8(void);
Suite *suite_date(void);
Suite *suite_i18n(void);
Suite *suite_csv_read(void);
Suite *suite_migrate(void);
Suite *suite_commune(void);
Suite *suite_child(void);
Suite *suite_growth(void);
Suite *suite_child_repo(void);
Suite *suite_children(void);

/* A fresh database at a temporary path, migrated and with the catalogues
 * loaded; commune 00004 when with_commune. Free with test_db_free(). */
struct db *test_db_new(bool with_commune);
void test_db_free(struct db *db);

/* A unique temporary file path (not created); caller frees. */
char *test_tmp_path(const char *suffix);

#endif
