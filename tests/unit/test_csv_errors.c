/* test_csv_errors — the problem list, its summary and the error CSV. */
#include <config.h>
#include "tests.h"
#include "csv_collect.h"
#include "treem/core/i18n.h"
#include "treem/csv/csv_errors.h"
#include "treem/csv/csv_map.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

START_TEST(test_counts_and_status)
{
    struct csv_errors e = {0};
    ck_assert_int_eq(csv_errors_status(&e), ST_OK);
    csv_errors_warn(&e, 1, "x", "", "unknown_column", "column %s is ignored", "x");
    ck_assert_int_eq(csv_errors_status(&e), ST_OK); /* warnings alone do not fail */
    csv_errors_add(&e, 5000, "date_of_birth", "31/02/2020", "date", "%s: bad date", "31/02/2020");
    csv_errors_add(&e, 5001, "sex", "X", "enum", "bad sex");
    csv_errors_add(&e, 0, NULL, NULL, "damaged_file", "whole file");
    ck_assert_uint_eq(e.errors, 3);
    ck_assert_uint_eq(e.warnings, 1);
    ck_assert_uint_eq(e.n, 4);
    ck_assert_int_eq(csv_errors_status(&e), ST_INVALID);
    ck_assert_str_eq(status_message(), "line 5000: 31/02/2020: bad date (and 2 more problems)");
    ck_assert_str_eq(e.items[3].column, "");
    ck_assert_str_eq(e.items[3].value, "");
    csv_errors_free(&e);
    ck_assert_uint_eq(e.n + e.errors + e.warnings, 0);
}
END_TEST

START_TEST(test_max_kept)
{
    struct csv_errors e = {0};
    e.max = 3;
    for (int i = 1; i <= 10; i++)
        ck_assert_int_eq(csv_errors_add(&e, (size_t)i, "c", "v", "r", "m%d", i), ST_OK);
    ck_assert_uint_eq(e.n, 3);
    ck_assert_uint_eq(e.errors, 10);
    ck_assert_str_eq(e.items[2].message, "m3");
    csv_errors_free(&e);
    ck_assert_uint_eq(e.max, 3);
}
END_TEST

START_TEST(test_error_csv)
{
    struct csv_errors e = {0};
    csv_errors_add(&e, 12, "full_name", "=HYPERLINK(\"x\")", "formula", "name, \"quoted\"");
    csv_errors_add(&e, 0, "children.csv", "", "missing_file", "gone");
    struct strbuf sb = STRBUF_INIT;
    struct csv_writer w;
    csv_writer_init_buf(&w, &sb, ',', CSV_WRITE_PLAIN);
    ck_assert_int_eq(csv_errors_write(&e, &w), ST_OK);
    ck_assert_int_eq(csv_writer_flush(&w), ST_OK);
    ck_assert_str_eq(strbuf_str(&sb), "line,column,value,rule,message\n"
                                      "12,full_name,\"'=HYPERLINK(\"\"x\"\")\",formula,"
                                      "\"name, \"\"quoted\"\"\"\n"
                                      ",children.csv,,missing_file,gone\n");
    strbuf_free(&sb);
    csv_errors_free(&e);
}
END_TEST

/* The messages are Vietnamese when the interface is, and the saved file
 * (BOM, CRLF) reads back cell for cell. */
START_TEST(test_save_vietnamese)
{
    static const struct csv_column cols[] = {{"full_name", "Họ và tên", NULL, true, NULL}};
    static const struct csv_kind kind = {"k", "children", cols, 1};
    static const char *const h[] = {"x"};
    struct csv_row header = {1, 1, (char **)h};
    struct csv_errors e = {0};
    struct csv_map map;
    ck_assert(i18n_set_lang("vi"));
    enum status st = csv_map_build(&map, &kind, &header, 0, &e);
    ck_assert(i18n_set_lang("en"));
    csv_map_free(&map);
    ck_assert_int_eq(st, ST_INVALID);
    ck_assert_uint_eq(e.n, 2);
    const char *want = "thiếu cột bắt buộc full_name (Họ và tên)";
    ck_assert_str_eq(e.items[1].message, want);
    char *path = test_tmp_path(".csv");
    ck_assert_int_eq(csv_errors_save(&e, path, CSV_WRITE_DEFAULT), ST_OK);
    char *data;
    size_t len;
    ck_assert_int_eq(csv_slurp(path, &data, &len), ST_OK);
    ck_assert(len > 3 && memcmp(data, "\xEF\xBB\xBF" "line,column,value,rule,message\r\n", 35) == 0);
    struct collected c = {0};
    collect_buffer(&c, data, len, 3);
    collect_expect(&c, 2, 5, (const char *const[]){"1", "full_name", NULL, "missing_column", want});
    collected_free(&c);
    free(data);
    unlink(path);
    ck_assert_int_eq(csv_errors_save(&e, "/nonexistent/dir/e.csv", CSV_WRITE_DEFAULT), ST_IO);
    free(path);
    csv_errors_free(&e);
}
END_TEST

Suite *suite_csv_errors(void)
{
    return test_suite((struct test_spec){"csv_errors", "core",
                       .tests = TEST_LIST(test_counts_and_status, test_max_kept, test_error_csv,
                                          test_save_vietnamese)}, NULL);
}
