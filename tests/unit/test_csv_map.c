/* test_csv_map — header keys, mapping in any order by name, label or alias,
 * unknown / missing / duplicate columns, row checks. The kind here is a
 * made-up one: real kinds are declared with their records. */
#include <config.h>
#include "tests.h"
#include "treem/csv/csv_map.h"

#include <stdlib.h>
#include <string.h>

enum { C_ID, C_NAME, C_SEX, C_DOB, C_NOTES, C_COUNT };

static const struct csv_column people_cols[C_COUNT] = {
    [C_ID] = {"child_id", "Mã trẻ", "ma tre|id", true, NULL},
    [C_NAME] = {"full_name", "Họ và tên", "ho ten|full name|name", true, NULL},
    [C_SEX] = {"sex", "Giới tính", "gender", false, NULL},
    [C_DOB] = {"date_of_birth", "Ngày sinh", "dob|birth date", true, NULL},
    [C_NOTES] = {"notes", "Ghi chú", "remarks", false, NULL},
};
static const struct csv_kind people = {"people", "people", people_cols, C_COUNT};

static const struct {
    const char *in, *key;
} key_cases[] = {
    {"Họ và tên", "hovaten"},
    {"HO_VA_TEN", "hovaten"},
    {"  ho  va-ten ", "hovaten"},
    {"Ho\xCC\xA3 va\xCC\x80 te\xCC\x82n", "hovaten"}, /* NFD */
    {"Đ\xC2\xA0Đ", "dd"},                             /* no-break space */
    {"date_of_birth", "dateofbirth"},
    {"", ""},
};

START_TEST(test_key)
{
    char *k = csv_map_key(key_cases[_i].in);
    ck_assert_ptr_nonnull(k);
    ck_assert_str_eq(k, key_cases[_i].key);
    free(k);
}
END_TEST

START_TEST(test_kind_check)
{
    ck_assert_int_eq(csv_kind_check(&people), ST_OK);
    ck_assert_int_eq(csv_kind_find(&people, "date_of_birth"), C_DOB);
    ck_assert_int_eq(csv_kind_find(&people, "Ngày sinh"), -1);
    static const struct csv_column clash[] = {
        {"full_name", "Họ và tên", NULL, true, NULL},
        {"guardian_name", "Người giám hộ", "ho va ten", false, NULL},
    };
    struct csv_kind k = {"clash", "clash", clash, 2};
    ck_assert_int_eq(csv_kind_check(&k), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "full_name"));
    ck_assert_ptr_nonnull(strstr(status_message(), "guardian_name"));
    static const struct csv_column badname[] = {{"Full Name", "Họ tên", NULL, true, NULL}};
    k.columns = badname;
    k.ncolumns = 1;
    ck_assert_int_eq(csv_kind_check(&k), ST_INVALID);
}
END_TEST

/* Each header row names the same four columns in another order/spelling;
 * cells hold the column name so that the mapping can be checked. */
static const char *const headers[][4] = {
    {"child_id", "full_name", "date_of_birth", "notes"},
    {"notes", "date_of_birth", "full_name", "child_id"},
    {"Ghi chú", "Ngày sinh", "Họ và tên", "Mã trẻ"},
    {"ghi chu", "NGAY SINH", "ho va ten", "ma tre"},
    {"Remarks", "DOB", "Full Name", "ID"},
    {"ghi_chu", "ngay_sinh", "ho_ten", "ma_tre"},
    {"Ghi chu\xCC\x81", "Nga\xCC\x80y sinh", "Ho\xCC\xA3 va\xCC\x80 te\xCC\x82n", "Ma\xCC\x83 tre\xCC\x89"},
};

static int column_for_header(size_t variant, size_t cell)
{
    /* variant 0 is in id,name,dob,notes order; all others reversed */
    static const int fwd[4] = {C_ID, C_NAME, C_DOB, C_NOTES};
    return variant == 0 ? fwd[cell] : fwd[3 - cell];
}

START_TEST(test_any_order)
{
    char *hdr[4], *cells[4];
    char vals[4][32];
    for (int i = 0; i < 4; i++) {
        hdr[i] = (char *)headers[_i][i];
        snprintf(vals[i], sizeof vals[i], "v-%s", people_cols[column_for_header(_i, (size_t)i)].name);
        cells[i] = vals[i];
    }
    struct csv_row header = {1, 4, hdr}, row = {2, 4, cells};
    struct csv_errors errs = {0};
    struct csv_map map;
    ck_assert_msg(csv_map_build(&map, &people, &header, 0, &errs) == ST_OK, "%s",
                  status_message());
    ck_assert_uint_eq(errs.errors + errs.warnings, 0);
    ck_assert_str_eq(csv_map_get(&map, &row, C_ID), "v-child_id");
    ck_assert_str_eq(csv_map_get(&map, &row, C_NAME), "v-full_name");
    ck_assert_str_eq(csv_map_get(&map, &row, C_DOB), "v-date_of_birth");
    ck_assert_str_eq(csv_map_get(&map, &row, C_NOTES), "v-notes");
    ck_assert(!csv_map_has(&map, C_SEX));
    ck_assert_str_eq(csv_map_get(&map, &row, C_SEX), "");
    ck_assert_int_eq(csv_map_check_row(&map, &row, &errs), ST_OK);
    csv_map_free(&map);
    csv_errors_free(&errs);
}
END_TEST

static enum status build(const char *const *h, size_t n, unsigned flags, struct csv_errors *errs)
{
    struct csv_row header = {1, n, (char **)h};
    struct csv_map map;
    enum status st = csv_map_build(&map, &people, &header, flags, errs);
    csv_map_free(&map);
    return st;
}

START_TEST(test_unknown_column)
{
    static const char *const h[] = {"child_id", "full_name", "dob", "Tên mẹ", "", ""};
    struct csv_errors errs = {0};
    ck_assert_int_eq(build(h, 6, 0, &errs), ST_OK);
    ck_assert_uint_eq(errs.errors, 0);
    ck_assert_uint_eq(errs.warnings, 1); /* the empty headers are not reported */
    ck_assert_str_eq(errs.items[0].rule, CSV_RULE_UNKNOWN_COLUMN);
    ck_assert_str_eq(errs.items[0].column, "Tên mẹ");
    ck_assert_ptr_nonnull(strstr(errs.items[0].message, "\"Tên mẹ\""));
    ck_assert_ptr_nonnull(strstr(errs.items[0].message, "ignored"));
    csv_errors_free(&errs);
    ck_assert_int_eq(build(h, 6, CSV_MAP_STRICT, &errs), ST_INVALID);
    ck_assert_uint_eq(errs.errors, 1);
    ck_assert_str_eq(status_message(), "line 1: column \"Tên mẹ\" is not a column of people");
    csv_errors_free(&errs);
}
END_TEST

START_TEST(test_missing_columns)
{
    static const char *const h[] = {"Họ và tên", "notes"};
    struct csv_errors errs = {0};
    ck_assert_int_eq(build(h, 2, 0, &errs), ST_INVALID);
    ck_assert_uint_eq(errs.errors, 2);
    ck_assert_str_eq(errs.items[0].rule, CSV_RULE_MISSING_COLUMN);
    ck_assert_str_eq(errs.items[0].column, "child_id");
    ck_assert_str_eq(errs.items[1].column, "date_of_birth");
    ck_assert_str_eq(errs.items[1].message,
                     "the required column date_of_birth (Ngày sinh) is missing");
    ck_assert_str_eq(status_message(),
                     "line 1: the required column child_id (Mã trẻ) is missing (and 1 more problems)");
    csv_errors_free(&errs);
}
END_TEST

START_TEST(test_duplicate_column)
{
    static const char *const h[] = {"child_id", "full_name", "dob", "Họ và tên"};
    struct csv_errors errs = {0};
    ck_assert_int_eq(build(h, 4, 0, &errs), ST_INVALID);
    ck_assert_uint_eq(errs.errors, 1);
    ck_assert_str_eq(errs.items[0].rule, CSV_RULE_DUPLICATE_COLUMN);
    ck_assert_str_eq(errs.items[0].column, "full_name");
    ck_assert_str_eq(errs.items[0].message,
                     "columns \"full_name\" and \"Họ và tên\" both give full_name (Họ và tên)");
    csv_errors_free(&errs);
}
END_TEST

START_TEST(test_check_row)
{
    static const char *const h[] = {"child_id", "full_name", "dob"};
    struct csv_row header = {1, 3, (char **)h};
    struct csv_errors errs = {0};
    struct csv_map map;
    ck_assert_int_eq(csv_map_build(&map, &people, &header, 0, &errs), ST_OK);
    static const char *const shortr[] = {"1", "An"};
    static const char *const extra_empty[] = {"1", "An", "01/02/2020", "", ""};
    static const char *const extra_full[] = {"1", "An", "01/02/2020", "", "x"};
    struct csv_row r1 = {7, 2, (char **)shortr}, r2 = {8, 5, (char **)extra_empty},
                   r3 = {9, 5, (char **)extra_full};
    ck_assert_int_eq(csv_map_check_row(&map, &r1, &errs), ST_INVALID);
    ck_assert_int_eq(csv_map_check_row(&map, &r2, &errs), ST_OK);
    ck_assert_int_eq(csv_map_check_row(&map, &r3, &errs), ST_INVALID);
    ck_assert_uint_eq(errs.errors, 2);
    ck_assert_uint_eq(errs.items[0].line, 7);
    ck_assert_str_eq(errs.items[0].rule, CSV_RULE_COLUMN_COUNT);
    ck_assert_str_eq(errs.items[0].message, "the row has 2 cells but the header has 3");
    ck_assert_uint_eq(errs.items[1].line, 9);
    ck_assert_str_eq(errs.items[1].value, "x");
    /* a short row reads as empty cells, never past its end */
    ck_assert_str_eq(csv_map_get(&map, &r1, C_DOB), "");
    csv_map_free(&map);
    csv_errors_free(&errs);
}
END_TEST

START_TEST(test_write_header)
{
    struct strbuf sb = STRBUF_INIT;
    struct csv_writer w;
    csv_writer_init_buf(&w, &sb, ';', CSV_WRITE_PLAIN);
    ck_assert_int_eq(csv_map_write_header(&people, &w), ST_OK);
    ck_assert_int_eq(csv_writer_flush(&w), ST_OK);
    ck_assert_str_eq(strbuf_str(&sb), "child_id;full_name;sex;date_of_birth;notes\n");
    strbuf_free(&sb);
}
END_TEST

Suite *suite_csv_map(void)
{
    return test_suite((struct test_spec){"csv_map", "core",
                       .tests = TEST_LIST(test_kind_check, test_unknown_column, test_missing_columns,
                                          test_duplicate_column, test_check_row, test_write_header),
                       .loops = LOOP_LIST(TEST_ROWS(test_key, key_cases), TEST_ROWS(test_any_order, headers))}, NULL);
}
