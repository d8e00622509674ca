/* test_app_shared — the helpers the app modules share since issue 18:
 * tx_end (an action's transaction ends in a commit or a rollback),
 * csv_write_file (csv layer: a CSV file whole, 0600, or nothing at its path), and the
 * transfer kinds' transfer_date_iso, transfer_judge and officer_only (a
 * collaborator's rows of cases are refused naming what). */
#include <config.h>
#include "tests.h"
#include "treem/app/auth.h"
#include "treem/app/cases.h"
#include "treem/csv/csv_write.h"
#include "treem/app/transfer.h"
#include "treem/app/transfer_kind.h"
#include "treem/app/tx.h"
#include "treem/app/villages.h"
#include "treem/app/commune.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

Suite *suite_app_shared(void); /* called by check_main.c */

static void fixture_start(void) { setenv("TREEM_TODAY", "2025-06-30 10:00", 1); }
static void fixture_end(void) { unsetenv("TREEM_TODAY"); auth_sign_out(NULL); }

static bool has_setting(struct db *db, const char *key)
{
    char *v = NULL;
    bool yes = db_setting_get(db, key, &v) == ST_OK;
    free(v);
    status_clear();
    return yes;
}

START_TEST(test_tx_end)
{
    struct db *db = test_db_new(false);
    ck_assert_int_eq(db_begin(db), ST_OK);
    ck_assert_int_eq(tx_end(db, db_setting_set(db, "test_kept", "1")), ST_OK);
    ck_assert(has_setting(db, "test_kept"));
    ck_assert(!db->in_txn);
    /* a failed action: rolled back, its status and message come back */
    ck_assert_int_eq(db_begin(db), ST_OK);
    ck_assert_int_eq(db_setting_set(db, "test_lost", "1"), ST_OK);
    ck_assert_int_eq(tx_end(db, status_set(ST_INVALID, "%s", "the action failed")), ST_INVALID);
    ck_assert_str_eq(status_message(), "the action failed");
    ck_assert(!db->in_txn);
    ck_assert(!has_setting(db, "test_lost"));
    test_db_free(db);
}
END_TEST

static enum status fill_two_rows(struct csv_writer *w, const void *arg)
{
    static const char *const head[] = {"a", "b"};
    csv_write_row(w, head, 2);
    csv_write_row(w, (const char *const *)arg, 2);
    return w->st;
}

static enum status fill_fails(struct csv_writer *w, const void *arg)
{
    (void)arg;
    csv_write_cell(w, "half a row");
    return status_set(ST_INVALID, "%s", "no rows for you");
}

START_TEST(test_csv_write_file)
{
    char *path = test_tmp_path(".csv");
    const char *row[] = {"1", "x, y"};
    ck_assert_msg(csv_write_file(path, CSV_WRITE_DEFAULT, fill_two_rows, row) == ST_OK, "%s", status_message());
    size_t n;
    char *text = test_slurp(path, &n);
    ck_assert_str_eq(text, "\xEF\xBB\xBF" "a,b\r\n1,\"x, y\"\r\n"); /* 0: CSV_WRITE_DEFAULT */
    free(text);
#ifndef _WIN32
    struct stat sb;
    ck_assert_int_eq(stat(path, &sb), 0);
    ck_assert_int_eq(sb.st_mode & 0777, 0600);
#endif
    unlink(path);
    /* flags as given: no BOM, LF */
    ck_assert_int_eq(csv_write_file(path, CSV_WRITE_NEUTRALISE, fill_two_rows, row), ST_OK);
    text = test_slurp(path, &n);
    ck_assert_str_eq(text, "a,b\n1,\"x, y\"\n");
    free(text);
    unlink(path);
    /* a failed fill: its status and message, and no file */
    ck_assert_int_eq(csv_write_file(path, CSV_WRITE_DEFAULT, fill_fails, NULL), ST_INVALID);
    ck_assert_str_eq(status_message(), "no rows for you");
    ck_assert_int_ne(access(path, F_OK), 0);
    free(path);
}
END_TEST

START_TEST(test_transfer_date_iso)
{
    char buf[DATE_BUF];
    ck_assert_ptr_null(transfer_date_iso((struct date){0, 0, 0}, buf));
    const char *iso = transfer_date_iso((struct date){2025, 6, 3}, buf);
    ck_assert_ptr_eq(iso, buf);
    ck_assert_str_eq(iso, "2025-06-03");
}
END_TEST

START_TEST(test_transfer_judge)
{
    struct transfer_import_opts o = {0};
    struct transfer_import im = {.opts = &o};
    const char *local = "h00000000000000aa", *file = "h00000000000000bb", *other = "h00000000000000cc";
    const char *early = "2025-06-01 08:00", *late = "2025-06-20 08:00";
    ck_assert_int_eq(transfer_judge(&im, local, local, other, early, late), TRANSFER_UNCHANGED);
    /* by row_hash: who moved away from the exported row ('h' optional, any case) */
    ck_assert_int_eq(transfer_judge(&im, local, file, file, early, late), TRANSFER_KEEP_LOCAL);
    ck_assert_int_eq(transfer_judge(&im, local, file, "00000000000000AA", late, early), TRANSFER_TAKE_FILE);
    ck_assert_int_eq(transfer_judge(&im, local, file, other, early, late), TRANSFER_CONFLICT);
    /* without row_hash: the local record changed after the file's stamp */
    ck_assert_int_eq(transfer_judge(&im, local, file, "", early, late), TRANSFER_TAKE_FILE);
    ck_assert_int_eq(transfer_judge(&im, local, file, "", late, early), TRANSFER_CONFLICT);
    ck_assert_int_eq(transfer_judge(&im, local, file, "", early, ""), TRANSFER_CONFLICT);
    /* --prefer-newer: the newer stamp wins a conflict; a row without one is taken */
    o.prefer_newer = true;
    ck_assert_int_eq(transfer_judge(&im, local, file, other, early, late), TRANSFER_TAKE_FILE);
    ck_assert_int_eq(transfer_judge(&im, local, file, other, late, early), TRANSFER_KEEP_LOCAL);
    ck_assert_int_eq(transfer_judge(&im, local, file, other, late, ""), TRANSFER_TAKE_FILE);
    /* the records' owner's package at the level above: a differing row is taken */
    o.prefer_newer = false;
    o.from_owner = true;
    ck_assert_int_eq(transfer_judge(&im, local, file, file, late, early), TRANSFER_TAKE_FILE);
    ck_assert_int_eq(transfer_judge(&im, local, local, file, late, early), TRANSFER_UNCHANGED);
}
END_TEST

START_TEST(test_officer_only_kinds)
{
    static const char *const officer_only[] = {"cases", "case_steps"};
    static const char *const open[] = {"children", "periods", "plans", "targets", "tasks", "assessments"};
    for (size_t i = 0; i < sizeof officer_only / sizeof *officer_only; i++)
        ck_assert_str_eq(transfer_kind_find(officer_only[i])->officer_only, "importing cases");
    for (size_t i = 0; i < sizeof open / sizeof *open; i++)
        ck_assert_ptr_null(transfer_kind_find(open[i])->officer_only);
}
END_TEST

/* The officer's file of one case, imported by a collaborator: every row
 * refused naming what, nothing written; by the officer: unchanged. */
START_TEST(test_collaborator_imports_no_case)
{
    struct db *db = test_db_new(true);
    ck_assert_int_eq(village_add(db, "Thôn Một"), ST_OK);
    struct case_file c; /* recorded before the accounts: a violence reported on 111 */
    case_file_init(&c);
    c.kind = CASE_KIND_VIOLENCE;
    c.source = CASE_SRC_111;
    c.level = case_default_level(c.kind);
    c.received.date = (struct date){2025, 6, 1};
    c.received.hour = 9;
    ck_assert_msg(cases_add(db, &c) == ST_OK, "%s", status_message());
    case_file_free(&c);
    char code[AUTH_RECOVERY_BUF];
    ck_assert_int_eq(auth_user_add(db, "lan", "officer", NULL, "mật khẩu lan", code), ST_OK);
    ck_assert_int_eq(auth_sign_in(db, "lan", "mật khẩu lan"), ST_OK);
    ck_assert_int_eq(auth_user_add(db, "ctv", "collaborator", "Thôn Một", "mật khẩu ctv", code), ST_OK);
    char *path = test_tmp_path(".csv");
    const struct transfer_kind *k = transfer_kind_find("cases");
    ck_assert_msg(transfer_export(db, k, path, NULL, NULL) == ST_OK, "%s", status_message());
    auth_sign_out(db);
    ck_assert_int_eq(auth_sign_in(db, "ctv", "mật khẩu ctv"), ST_OK);
    struct transfer_import_opts o = {.no_backup = true};
    struct transfer_result r = {0};
    ck_assert_int_eq(transfer_import(db, k, path, &o, &r), ST_INVALID);
    test_first_error(&r.errs, "validation", NULL);
    ck_assert_ptr_nonnull(strstr(r.errs.items[0].message, "importing cases"));
    ck_assert_int_eq(r.counts.bad_rows, 1);
    ck_assert(!r.written);
    transfer_result_free(&r);
    auth_sign_out(db);
    ck_assert_int_eq(auth_sign_in(db, "lan", "mật khẩu lan"), ST_OK);
    struct transfer_result r2 = {0};
    ck_assert_msg(transfer_import(db, k, path, &o, &r2) == ST_OK, "%s", status_message());
    ck_assert_int_eq(r2.counts.unchanged, 1);
    transfer_result_free(&r2);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM case_file"), 1);
    unlink(path);
    free(path);
    test_db_free(db);
}
END_TEST

Suite *suite_app_shared(void)
{
    return test_suite((struct test_spec){"app_shared", "app", fixture_start, fixture_end, 60, NULL,
                                         .tests = TEST_LIST(test_tx_end, test_csv_write_file, test_transfer_date_iso,
                                                   test_transfer_judge, test_officer_only_kinds,
                                                   test_collaborator_imports_no_case)},
                      NULL);
}
