/* test_transfer — the CSV kinds: each column table is well formed and maps
 * the headers people write; each kind's import validates with the forms'
 * rules (errors typed, nothing written) and round-trips its export. */
#include <config.h>
#include "tests.h"
#include "treem/app/children.h"
#include "treem/app/handoff.h"
#include "treem/app/transfer.h"
#include "treem/app/transfer_kind.h"
#include "treem/csv/csv_map.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const kind_names[] = {"children", "periods", "plans", "targets", "tasks"};

START_TEST(test_kind_tables)
{
    const struct transfer_kind *k = transfer_kind_find(kind_names[_i]);
    ck_assert_ptr_nonnull(k);
    const struct csv_kind *c = transfer_kind_columns(k);
    ck_assert_int_eq(csv_kind_check(c), ST_OK);
    for (size_t i = 0; i < c->ncolumns; i++) {
        ck_assert_ptr_null(strstr(c->columns[i].name, "reporter"));
        ck_assert_ptr_nonnull(c->columns[i].doc);
        ck_assert(c->columns[i].label && c->columns[i].label[0]);
    }
}
END_TEST

/* Header text → the column it must map to. */
static const struct { const char *kind, *header, *column; } headers[] = {
    {"children", "Họ và tên", "full_name"}, {"children", "ho ten", "full_name"},
    {"children", "HO_VA_TEN", "full_name"}, {"children", "date_of_birth", "birth_date"},
    {"children", "Ngày sinh", "birth_date"}, {"children", "guardian_name", "carer_name"},
    {"children", "phone", "carer_phone"}, {"children", "health_insurance", "bhyt"},
    {"children", "special_circumstance_group", "sc_group"}, {"children", "child_id", "source_id"},
    {"children", "Thôn/Tổ dân phố", "village"}, {"children", "sex", "sex"},
    {"periods", "Từ ngày", "from_date"}, {"plans", "Tên kế hoạch", "title"},
    {"targets", "Chỉ tiêu", "text"}, {"tasks", "Ban ngành", "department"}, {"tasks", "han", "due_on"},
};

START_TEST(test_header_aliases)
{
    const struct transfer_kind *k = transfer_kind_find(headers[_i].kind);
    const struct csv_kind *c = transfer_kind_columns(k);
    char *cells[] = {(char *)headers[_i].header};
    struct csv_row row = {1, 1, cells};
    struct csv_map map;
    struct csv_errors errs = {0};
    csv_map_build(&map, c, &row, 0, &errs);
    int col = csv_kind_find(c, headers[_i].column);
    ck_assert_int_ge(col, 0);
    ck_assert_msg(map.cell[col] == 0, "%s should map to %s", headers[_i].header, headers[_i].column);
    csv_map_free(&map);
    csv_errors_free(&errs);
}
END_TEST

/* kind, file, the rule of the first error (NULL: imports), the column. */
static const struct { const char *kind, *text, *rule, *column; } rows[] = {
    {"children", "full_name,birth_date\nAn,31/02/2015\n", "format", "birth_date"},
    {"children", "full_name,birth_date\nAn,01/01/2030\n", "validation", "birth_date"},
    {"children", "full_name,birth_date\nAn,01/01/2005\n", NULL, NULL}, /* 16+: kept apart, a note */
    {"children", "full_name,sex\nAn,robot\n", "format", "sex"},
    {"children", "full_name,birth_date,personal_id\nAn,01/01/2015,123\n", "validation", "personal_id"},
    {"children", "full_name,birth_date,uid\nAn,01/01/2015,nope\n", "format", "uid"},
    {"children", "birth_date\n01/01/2015\n", "missing_column", NULL},
    {"children", "full_name,birth_date\nAn,01/01/2015\n", NULL, NULL},
    {"children", "Họ và tên;Ngày sinh;Có thẻ BHYT\nBình;02/02/2016;có\n", NULL, NULL},
    {"periods", "child_uid,subgroup_code,from_date\n00004-0000000000,a.1,01/01/2024\n", "not_found", "child_uid"},
    {"plans", "year,title\nabc,Kế hoạch\n", "format", "year"},
    {"plans", "year,title\n2025,\n", "validation", NULL},
    {"plans", "year,title\n2025,Kế hoạch năm 2025\n", NULL, NULL},
    {"targets", "plan_year,plan_title,text,value,unit,direction\n2025,Không có,x,1,percent,at_least\n",
     "not_found", "plan_title"},
    {"tasks", "plan_year,plan_title,department,text,due_on\n2025,Không có,Công an,x,01/01/2025\n",
     "not_found", "plan_title"},
};

START_TEST(test_import_rules)
{
    struct db *db = test_db_new(true);
    size_t added = test_import_rule(db, rows[_i].kind, rows[_i].text, rows[_i].rule, rows[_i].column,
                                    "SELECT (SELECT count(*) FROM child) + (SELECT count(*) FROM plan)");
    if (!rows[_i].rule)
        ck_assert_uint_eq(added, 1);
    test_db_free(db);
}
END_TEST

START_TEST(test_round_trip_and_conflict)
{
    struct db *db = test_db_new(true);
    char *in = test_write_text(".csv", "full_name,birth_date,notes\n\"=SUM(A1)\",01/01/2015,\"a, \"\"b\"\"\nc\"\n"
                                       "Đào,02/02/2016,\n");
    char *out1 = test_tmp_path(".csv"), *out2 = test_tmp_path(".csv");
    struct transfer_import_opts o = {.no_backup = true};
    struct transfer_result r = {0};
    const struct transfer_kind *k = transfer_kind_find("children");
    ck_assert_int_eq(transfer_import(db, k, in, &o, &r), ST_OK);
    ck_assert_int_eq(r.counts.added, 2);
    transfer_result_free(&r);
    ck_assert_int_eq(transfer_export(db, k, out1, NULL, NULL), ST_OK);
    /* re-import: nothing new */
    ck_assert_int_eq(transfer_import(db, k, out1, &o, &r), ST_OK);
    ck_assert_int_eq(r.counts.added, 0);
    ck_assert_int_eq(r.counts.unchanged, 2);
    transfer_result_free(&r);
    /* into an empty database: byte-identical export */
    struct db *db2 = test_db_new(true);
    ck_assert_int_eq(transfer_import(db2, k, out1, &o, &r), ST_OK);
    transfer_result_free(&r);
    ck_assert_int_eq(transfer_export(db2, k, out2, NULL, NULL), ST_OK);
    size_t n1, n2;
    char *a = test_slurp(out1, &n1), *b = test_slurp(out2, &n2);
    ck_assert_uint_eq(n1, n2);
    ck_assert_int_eq(memcmp(a, b, n1), 0);
    ck_assert_ptr_nonnull(strstr(a, "'=SUM(A1)"));
    free(a);
    free(b);
    test_db_free(db2);
    unlink(in);
    unlink(out1);
    unlink(out2);
    free(in);
    free(out1);
    free(out2);
    test_db_free(db);
}
END_TEST

START_TEST(test_kind_for_file)
{
    ck_assert_ptr_eq(transfer_kind_for_file("/x/children.csv"), transfer_kind_find("children"));
    ck_assert_ptr_eq(transfer_kind_for_file("tre-em-2025.csv"), transfer_kind_find("children"));
    ck_assert_ptr_eq(transfer_kind_for_file("nhiem_vu.csv"), transfer_kind_find("tasks"));
    ck_assert_ptr_null(transfer_kind_for_file("other.csv"));
    ck_assert(transfer_uid_valid("21934-MF8WY5RYQ2"));
    ck_assert(!transfer_uid_valid("21934-MF8WY5RYQI"));
    ck_assert(!transfer_uid_valid("2193-MF8WY5RYQ22"));
}
END_TEST

/* Import uids: valid, distinct, in runs of 1024 sharing a random prefix
 * and sorting in the order made; the next run has another prefix. */
START_TEST(test_uid_runs)
{
    struct children_uids g = {0};
    char first[CHILD_UID_BUF], prev[CHILD_UID_BUF], uid[CHILD_UID_BUF];
    for (int i = 0; i < 1024; i++) {
        children_uid_next(&g, "21934", uid);
        ck_assert_msg(transfer_uid_valid(uid), "%s", uid);
        ck_assert_int_eq(strncmp(uid, "21934-", 6), 0);
        if (i == 0)
            memcpy(first, uid, sizeof uid);
        else
            ck_assert_msg(strcmp(prev, uid) < 0, "%s then %s", prev, uid);
        ck_assert_int_eq(strncmp(uid, first, 14), 0);
        memcpy(prev, uid, sizeof uid);
    }
    children_uid_next(&g, "21934", uid);
    ck_assert(transfer_uid_valid(uid));
    ck_assert_msg(strncmp(uid, first, 14) != 0, "a 1025th uid %s still shares %.14s", uid, first);
    ck_assert_str_eq(uid + 14, "00");
}
END_TEST

/* A dry run with a preview says per row what would be added or changed. */
START_TEST(test_preview)
{
    struct db *db = test_db_new(true);
    char *path = test_write_text(".csv", "Họ và tên,Ngày sinh,Thôn\nAn,01/01/2015,Thôn Một\n");
    struct transfer_import_opts o = {.no_backup = true, .preview = true, .prefer_newer = true};
    struct transfer_result r = {0};
    ck_assert_int_eq(transfer_import(db, transfer_kind_find("children"), path, &o, &r), ST_OK);
    ck_assert_uint_eq(r.preview.n, 1);
    ck_assert_uint_eq(r.preview.items[0].line, 2);
    ck_assert_ptr_nonnull(strstr(r.preview.items[0].message, "An"));
    transfer_result_free(&r);
    unlink(path);
    free(path);
    /* the same child with another date: the field, old → new, as the file names it */
    path = test_write_text(".csv", "Họ và tên,Ngày sinh,Thôn,Dân tộc\nAn,01/01/2015,Thôn Một,Tày\n");
    o.dry_run = true;
    struct transfer_result r2 = {0};
    ck_assert_int_eq(transfer_import(db, transfer_kind_find("children"), path, &o, &r2), ST_OK);
    ck_assert_uint_eq(r2.counts.changed, 1);
    ck_assert_uint_eq(r2.preview.n, 1);
    ck_assert_str_eq(r2.preview.items[0].column, "Dân tộc");
    ck_assert_ptr_nonnull(strstr(r2.preview.items[0].message, "→ 'Tày'"));
    transfer_result_free(&r2);
    unlink(path);
    free(path);
    /* another kind: added, with its first cells */
    path = test_write_text(".csv", "year,title\n2025,Kế hoạch năm 2025\n");
    struct transfer_result r3 = {0};
    ck_assert_int_eq(transfer_import(db, transfer_kind_find("plans"), path, &o, &r3), ST_OK);
    ck_assert_uint_eq(r3.preview.n, 1);
    ck_assert_ptr_nonnull(strstr(r3.preview.items[0].message, "2025 | Kế hoạch năm 2025"));
    transfer_result_free(&r3);
    unlink(path);
    free(path);
    test_db_free(db);
}
END_TEST

Suite *suite_transfer(void)
{
    return test_suite((struct test_spec){"transfer", "core", .timeout = 30,
                       .tests = TEST_LIST(test_round_trip_and_conflict, test_kind_for_file, test_uid_runs,
                                          test_preview),
                       .loops = LOOP_LIST(TEST_ROWS(test_kind_tables, kind_names),
                                          TEST_ROWS(test_header_aliases, headers),
                                          TEST_ROWS(test_import_rules, rows))}, NULL);
}
