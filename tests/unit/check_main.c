/* check_main — runs every unit-test suite; no terminal, no curses. */
#include <config.h>
#include "tests.h"
#include "dbfiles.h"
#include "faultvfs.h"
#include "treem/app/auth.h"
#include "treem/app/sealed.h"
#include "treem/app/session.h"
#include "treem/app/commune.h"
#include "treem/core/i18n.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TREEM_SUITES(X) \
    X(status) X(utf8) X(date) X(i18n) X(csv_read) X(migrate) X(db) X(commune) \
    X(plan) X(task) X(plan_repo) \
    X(csv_read_file) X(csv_write) X(csv_encoding) X(csv_errors) X(csv_map) X(manifest) X(measures) \
    X(child) X(growth) X(child_repo) X(children) X(child_bulk) \
    X(rubric) X(rubric_score) X(rubric_csv) X(score) X(case) X(cases) X(transfer) X(transfer_kinds) \
    X(report) X(score_cases) X(schema_enums) X(faults) X(safety) X(law) \
    X(case_order) X(case_edit) X(places) X(csv_legacy) \
    X(report_lines) X(province) \
    X(safe_text) X(pseudonym) X(sealed) X(auth) \
    X(number) X(lookups) \
    X(actor) \
    X(app_shared) X(scope) \
    X(mem) X(path) X(row_args)

Suite *suite_scope(void); /* test_scope.c (issues 13 and 14: the gaps) */
Suite *suite_mem(void); /* test_mem.c (issue 18: core/mem.h) */
Suite *suite_path(void); /* test_path.c (issue 18: path_join) */
Suite *suite_app_shared(void); /* test_app_shared.c (issue 18: the shared helpers) */
Suite *suite_row_args(void); /* test_row_args.c (issue 18: the checked arguments of db/row) */

/* A path no earlier run left behind: pids repeat, so a stale file of an old
 * run with the same pid and counter is removed first. */
char *test_tmp_path(const char *suffix)
{
    static unsigned counter;
    const char *dir = getenv("TMPDIR");
    char buf[4096];
    snprintf(buf, sizeof buf, "%s/treem-test-%ld-%u%s", dir && *dir ? dir : "/tmp",
             (long)getpid(), counter++, suffix);
    test_remove_db(buf);
    return strdup(buf);
}

/* Migrating and loading the catalogues takes most of a test's time: two
 * template files (without and with commune 00004) are made once, before
 * the tests fork, and each test opens a copy of one. */
static char *templates[2];

static char *template_make(bool with_commune)
{
    char *path = test_tmp_path(with_commune ? ".template-commune.db" : ".template.db");
    struct db *db = NULL;
    if (session_open(path, true, &db) != ST_OK ||
        (with_commune && commune_setup(db, "00004") != ST_OK)) {
        fprintf(stderr, "check_treem: cannot make the template database: %s\n", status_message());
        exit(EXIT_FAILURE);
    }
    db_close(db); /* the last connection folds the WAL into the file */
    return path;
}

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    ck_assert_msg(in && out, "copying %s to %s", from, to);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        ck_assert_uint_eq(fwrite(buf, 1, n, out), n);
    ck_assert(!ferror(in));
    fclose(in);
    ck_assert_int_eq(fclose(out), 0);
}

struct db *test_db_new(bool with_commune)
{
    char *path = test_tmp_path(".db");
    struct db *db = NULL;
    if (templates[with_commune])
        copy_file(templates[with_commune], path);
    ck_assert_msg(session_open(path, true, &db) == ST_OK, "%s", status_message());
    free(path);
    if (with_commune && !templates[with_commune])
        ck_assert_msg(commune_setup(db, "00004") == ST_OK, "%s", status_message());
    return db;
}

void test_db_free(struct db *db)
{
    if (!db)
        return;
    char *path = strdup(db->path);
    db_close(db);
    test_remove_db(path);
    free(path);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    setenv("TZ", "UTC", 1);
    unsetenv("TREEM_TODAY");
    i18n_set_lang("en"); /* messages in tests are the English msgids */
    /* Argon2id at its minimum limits: the auth and sealed suites each check
     * once that the program itself uses the real ones. */
    auth_test_weak_hashing(true);
    sealed_test_weak_kdf(true);
    /* every database through the shim (unarmed it only counts): no sync
     * waits for the disk, which no test here could tell from a real one */
    faultvfs_install();
    templates[0] = template_make(false);
    templates[1] = template_make(true);
    SRunner *sr = srunner_create(NULL);
#define X(name) srunner_add_suite(sr, suite_##name());
    TREEM_SUITES(X)
#undef X
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    for (int i = 0; i < 2; i++) {
        test_remove_db(templates[i]);
        free(templates[i]);
    }
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
