/* test_rubric_csv — the rubric CSV (parse errors, round trip), the shipped
 * QĐ 06 rubric as seeded, seeding once, import with pruning and audit, and
 * formula-like cells surviving the export (neutralised) and the import. */
#include <config.h>
#include "tests.h"
#include "treem/app/rubric_edit.h"
#include "treem/app/rubric_load.h"
#include "treem/app/score.h"
#include "treem/app/session.h"
#include "treem/core/embed.h"
#include "treem/csv/csv_read.h"
#include "treem/csv/csv_write.h"
#include "treem/db/rubric_repo.h"
#include "treem/model/rubric_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
}

/* r as rubric CSV text (LF, no BOM); caller frees. */
static char *rubric_csv(const struct rubric *r)
{
    struct strbuf sb = STRBUF_INIT;
    struct csv_writer *w = malloc(sizeof *w);
    ck_assert_ptr_nonnull(w);
    csv_writer_init_buf(w, &sb, ',', CSV_WRITE_PLAIN);
    ck_assert_int_eq(rubric_load_format(r, w), ST_OK);
    ck_assert_int_eq(csv_writer_flush(w), ST_OK);
    free(w);
    return strbuf_take(&sb);
}

/* The active rule set as rubric CSV text; caller frees. */
static char *active_csv(struct db *db)
{
    struct rubric r;
    ck_assert_int_eq(rubric_edit_load_active(db, &r), ST_OK);
    char *text = rubric_csv(&r);
    rubric_free(&r);
    return text;
}

static long long count(struct db *db, const char *sql, const char *param)
{
    long long n = -1;
    ck_assert_int_eq(db_query_int(db, sql, param, &n), ST_OK);
    return n;
}

static const struct {
    const char *code;
    size_t nbands;
    bool complete;
    const char *measure;
    const char *department;
} shipped[] = {
    {"1.1", 2, true, NULL, "bvte"},
    {"1.2", 1, false, NULL, "bvte"},
    {"1.4", 0, false, NULL, "bvte"},
    {"2.1", 0, false, "birth_reg_on_time_rate", "tuphap"},
    {"3.2", 0, false, "abuse_rate", "congan"},
    {"5.2", 0, false, "injury_rate", "yte"},
    {"6.1", 1, false, "sc_children_helped_rate", "bvte"},
    {"6.2", 1, false, "severe_cases_planned", "bvte"},
    {"7.1", 1, false, "vaccinated_u1_rate", "yte"},
    {"8.2", 0, false, "stunting_u5_rate", "yte"},
    {"10.1", 0, false, "preschool_rate", "truonghoc"},
};

START_TEST(test_shipped_rubric)
{
    struct db *db = test_db_new(true);
    struct rubric r;
    ck_assert_int_eq(rubric_edit_load_active(db, &r), ST_OK);
    ck_assert_str_eq(r.name, "QĐ 06/QĐ-TTg (2019)");
    ck_assert_uint_eq(r.ncrit, 13);
    ck_assert(r.no_zero_rule);
    const struct rubric_indicator *ind = rubric_find_indicator(&r, shipped[_i].code);
    ck_assert_ptr_nonnull(ind);
    ck_assert_uint_eq(ind->nbands, shipped[_i].nbands);
    ck_assert_int_eq(ind->bands_known, shipped[_i].complete);
    if (shipped[_i].measure)
        ck_assert_str_eq(ind->measure, shipped[_i].measure);
    else
        ck_assert_ptr_null(ind->measure);
    ck_assert_str_eq(ind->department, shipped[_i].department);
    ck_assert_ptr_nonnull(ind->source);
    rubric_free(&r);
    test_db_free(db);
}
END_TEST

START_TEST(test_shipped_known_points)
{
    struct db *db = test_db_new(true);
    struct rubric r;
    ck_assert_int_eq(rubric_edit_load_active(db, &r), ST_OK);
    static const struct { int number; bool known; double max; } maxima[] = {
        {1, true, 100}, {2, false, 0}, {6, true, 125}, {7, true, 50}, {13, false, 0},
    };
    for (size_t i = 0; i < sizeof maxima / sizeof *maxima; i++) {
        const struct rubric_criterion *c = rubric_find_criterion(&r, maxima[i].number);
        ck_assert_int_eq(c->max_known, maxima[i].known);
        if (maxima[i].known)
            ck_assert_double_eq(c->max_points, maxima[i].max);
    }
    const struct rubric_indicator *i61 = rubric_find_indicator(&r, "6.1");
    ck_assert_double_eq(rubric_band_find(i61, 95)->points, 50);
    ck_assert_ptr_null(rubric_band_find(i61, 94.9));
    ck_assert_double_eq(rubric_band_find(rubric_find_indicator(&r, "7.1"), 98)->points, 50);
    ck_assert_double_eq(rubric_band_find(rubric_find_indicator(&r, "6.2"), 100)->points, 75);
    ck_assert_double_eq(rubric_band_find(rubric_find_indicator(&r, "1.2"), 1)->points, 15);
    static const struct { const char *code; double min; } thr[] = {{"900", 900}, {"850", 850}, {"800", 800}};
    ck_assert_uint_eq(r.nthr, 3);
    for (size_t i = 0; i < 3; i++)
        ck_assert_double_eq(rubric_find_threshold(&r, thr[i].code)->min_total, thr[i].min);
    rubric_free(&r);
    test_db_free(db);
}
END_TEST

START_TEST(test_seed_once_keeps_corrections)
{
    struct db *db = test_db_new(true);
    /* the shipped rule set is seeded and made active with no audit line */
    ck_assert_int_eq(count(db, "SELECT count(*) FROM rule_set WHERE active = 1", NULL), 1);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM audit_log", NULL), 0);
    struct rubric_band b = {.has_lo = true, .lo = 90, .lo_incl = true, .has_hi = true, .hi = 95,
                            .hi_incl = false, .points = 40, .source = "Công văn hướng dẫn (thử)"};
    ck_assert_int_eq(rubric_edit_band_put(db, "6.1", &b, 1), ST_OK);
    bool seeded = true;
    ck_assert_int_eq(rubric_load_seed(db, &seeded), ST_OK);
    ck_assert(!seeded);
    ck_assert_int_eq(session_prepare(db), ST_OK);
    struct rubric r;
    ck_assert_int_eq(rubric_edit_load_active(db, &r), ST_OK);
    const struct rubric_indicator *ind = rubric_find_indicator(&r, "6.1");
    ck_assert_uint_eq(ind->nbands, 2);
    ck_assert(ind->bands_known);
    ck_assert_double_eq(rubric_band_find(ind, 94.9)->points, 40);
    ck_assert_str_eq(rubric_band_find(ind, 94.9)->source, "Công văn hướng dẫn (thử)");
    rubric_free(&r);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM audit_log WHERE entity = 'indicator' "
                               "AND field = 'bands' AND entity_id LIKE ?1", "%/ 6.1"), 1);
    /* a band without a source is refused */
    b.source = NULL;
    ck_assert_int_eq(rubric_edit_band_put(db, "6.1", &b, -1), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "source"));
    test_db_free(db);
}
END_TEST

START_TEST(test_round_trip)
{
    struct db *db = test_db_new(true);
    char *first = active_csv(db);
    struct rubric r;
    ck_assert_int_eq(rubric_load_parse(first, strlen(first), "first.csv", &r), ST_OK);
    char *second = rubric_csv(&r);
    ck_assert_str_eq(second, first);
    free(second);
    /* a cell a spreadsheet would run goes out neutralised and comes back */
    ck_assert(rubric_str_set(&r.source, "=HYPERLINK(\"x\")"));
    second = rubric_csv(&r);
    ck_assert_ptr_nonnull(strstr(second, "\"'=HYPERLINK(\"\"x\"\")\""));
    struct rubric again;
    ck_assert_int_eq(rubric_load_parse(second, strlen(second), "again.csv", &again), ST_OK);
    ck_assert_str_eq(again.source, "=HYPERLINK(\"x\")");
    rubric_free(&again);
    free(second);
    /* and the shipped file itself parses to the same rule set */
    struct rubric from_asset;
    const struct embedded_file *f = embed_find(RUBRIC_LOAD_SHIPPED);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(rubric_load_parse(f->data, f->len, "shipped", &from_asset), ST_OK);
    ck_assert_uint_eq(from_asset.nind, r.nind);
    ck_assert_uint_eq(from_asset.nind, 20);
    rubric_free(&from_asset);
    rubric_free(&r);
    free(first);
    test_db_free(db);
}
END_TEST

#define HEAD "loai,ma,noi_dung,cach_do,don_vi,so_do,ban_nganh,tu,den,diem,du_khung,diem_liet,nguon\n"
#define SET "bo_tieu_chi,,Thử,,,,,,,,,1,\n"
#define CRIT "tieu_chi,6,HCĐB,,,,,,,125,,,\n"
#define IND "chi_tieu,6.1,Tỷ lệ,ty_le,%,,,,,,0,,\n"

static const struct {
    const char *csv, *message;
} parse_errors[] = {
    {"ma,noi_dung\n", "the column 'loai' is missing"},
    {HEAD "", "no bo_tieu_chi row"},
    {"loai,ma,noi_dung,xyz\n", "unknown column 'xyz'"},
    {HEAD SET CRIT "khung,6.1,,,,,,>=95,,50,,,\n", "line 4, column ma"},
    {HEAD SET CRIT IND "khung,6.1,,,,,,>=95,,abc,,,\n", "line 5, column diem"},
    {HEAD SET CRIT IND "khung,6.1,,,,,,<95,,50,,,\n", "line 5: '<95' is not a lower bound"},
    {HEAD SET CRIT IND "khung,6.1,,,,,,>=95,,50,,,\nkhung,6.1,,,,,,>=90,<=95,40,,,\n",
     "line 6, column tu"},
    {HEAD SET CRIT "chi_tieu,6.1,Tỷ lệ,phan_tram,,,,,,,0,,\n", "line 4, column cach_do"},
    {HEAD SET CRIT "chi_tieu,6.1,Tỷ lệ,ty_le,,tre_em_vui,,,,,0,,\n", "line 4, column so_do"},
    {HEAD SET CRIT "chi_tieu,6.1,Tỷ lệ,ty_le,,,,,,,2,,\n", "line 4, column du_khung"},
    {HEAD SET CRIT "chi_tieu,61,Tỷ lệ,ty_le,,,,,,,0,,\n", "line 4, column ma"},
    {HEAD SET CRIT "chi_tieu,9.1,Tỷ lệ,ty_le,,,,,,,0,,\n", "criterion 9 is not listed"},
    {HEAD SET "tieu_chi,0,Sai,,,,,,,,,,\n", "line 3, column ma"},
    {HEAD SET SET, "line 3, column loai"},
    {HEAD SET "tieuchi,1,Sai,,,,,,,,,,\n", "line 3, column loai"},
    {HEAD SET "muc_cong_nhan,850,Xã,,,,,,,,,,\n", "line 3, column diem"},
    {HEAD SET CRIT CRIT, "criterion 6 is listed twice"},
};

START_TEST(test_parse_errors)
{
    struct rubric r;
    const char *csv = parse_errors[_i].csv;
    ck_assert_int_eq(rubric_load_parse(csv, strlen(csv), "r.csv", &r), ST_INVALID);
    ck_assert_msg(strstr(status_message(), parse_errors[_i].message) != NULL,
                  "case %d: %s", _i, status_message());
    ck_assert_ptr_nonnull(strstr(status_message(), "r.csv"));
    ck_assert_ptr_null(r.name);
}
END_TEST

START_TEST(test_parse_accepts_variants)
{
    /* columns in another order, ';' separator, decimal comma, a BOM, an
     * apostrophe-neutralised cell, a blank row, a scale completed on a band row */
    const char *csv = "\xEF\xBB\xBF" "ma;loai;noi_dung;cach_do;tu;den;diem;du_khung;nguon\r\n"
                      ";bo_tieu_chi;Thử;;;;;;'=nguồn\r\n"
                      "6;tieu_chi;HCĐB;;;;125;;\r\n"
                      "6.1;chi_tieu;Tỷ lệ;ty_le;;;;0;\r\n"
                      ";;;;;;;;\r\n"
                      "6.1;khung;;;>=94,5;;50;;\r\n"
                      "6.1;khung;;;;<94,5;0;1;\r\n";   /* du_khung on a band row completes */
    struct rubric r;
    ck_assert_msg(rubric_load_parse(csv, strlen(csv), "v.csv", &r) == ST_OK, "%s", status_message());
    ck_assert_str_eq(r.source, "=nguồn");
    ck_assert(r.no_zero_rule);
    const struct rubric_indicator *ind = rubric_find_indicator(&r, "6.1");
    ck_assert(ind->bands_known);
    ck_assert_double_eq(rubric_band_find(ind, 94.5)->points, 50);
    ck_assert_double_eq(rubric_band_find(ind, 94.4)->points, 0);
    rubric_free(&r);
}
END_TEST

/* A file written before the one vocabulary of measures names them by the
 * score sheet's older codes: read as the current code. */
START_TEST(test_parse_old_measure_code)
{
    const char *csv = HEAD SET CRIT "chi_tieu,6.1,Tỷ lệ,ty_le,%,special_circumstances_helped,,,,,0,,\n";
    struct rubric r;
    ck_assert_msg(rubric_load_parse(csv, strlen(csv), "o.csv", &r) == ST_OK, "%s", status_message());
    ck_assert_str_eq(rubric_find_indicator(&r, "6.1")->measure, "sc_children_helped_rate");
    rubric_free(&r);
}
END_TEST

START_TEST(test_import_prunes_and_audits)
{
    struct db *db = test_db_new(true);
    ck_assert_int_eq(score_set_value(db, 2024, "2.1", "99", "Sổ hộ tịch 2024", NULL), ST_OK);
    ck_assert_int_eq(score_set_value(db, 2024, "6.1", "97", NULL, NULL), ST_OK);
    char *text = active_csv(db);
    char *line = strstr(text, "chi_tieu,2.1,");
    ck_assert_ptr_nonnull(line);
    memmove(line, strchr(line, '\n') + 1, strlen(strchr(line, '\n') + 1) + 1);
    /* and criterion 7 gets a lower band, complete */
    char *edited = malloc(strlen(text) + 200);
    snprintf(edited, strlen(text) + 200, "%skhung,7.1,,,,,,>=0,<98,10,,,thử\n", text);
    char *path = test_tmp_path(".csv");
    write_file(path, edited);
    struct rubric_import res;
    ck_assert_msg(rubric_load_import(db, path, false, &res) == ST_OK, "%s", status_message());
    ck_assert(!res.created);
    ck_assert_uint_eq(res.stats.removed, 1);
    ck_assert_uint_eq(res.stats.values_removed, 1);
    ck_assert_uint_ge(res.stats.changed, 1);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM indicator WHERE code = ?1", "2.1"), 0);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM assessment_value", NULL), 1);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM audit_log WHERE action = 'delete' AND "
                               "entity = 'assessment_value' AND old_value = ?1", "99"), 1);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM audit_log WHERE action = 'delete' AND "
                               "entity = 'assessment_value' AND old_value = ?1", "Sổ hộ tịch 2024"), 1);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM band b JOIN indicator i ON i.id = b.indicator_id "
                               "WHERE i.code = ?1", "7.1"), 2);
    /* importing the same file again changes nothing */
    free(res.name);
    ck_assert_int_eq(rubric_load_import(db, path, false, &res), ST_OK);
    ck_assert_uint_eq(res.stats.changed + res.stats.created + res.stats.removed, 0);
    free(res.name);
    unlink(path);
    free(path);
    free(edited);
    free(text);
    test_db_free(db);
}
END_TEST

START_TEST(test_import_new_rule_set_and_activate)
{
    struct db *db = test_db_new(true);
    char *text = active_csv(db);
    char *name = strstr(text, "QĐ 06/QĐ-TTg (2019)");
    memcpy(name, "QĐ 99/QĐ-TTg (2030)", strlen("QĐ 99/QĐ-TTg (2030)"));
    char *path = test_tmp_path(".csv");
    write_file(path, text);
    ck_assert_int_eq(score_set_value(db, 2024, "6.1", "97", NULL, NULL), ST_OK);
    struct rubric_import res;
    ck_assert_int_eq(rubric_load_import(db, path, false, &res), ST_OK);
    ck_assert(res.created && !res.activated);
    free(res.name);
    char **names;
    size_t n;
    ck_assert_int_eq(rubric_repo_names(db, &names, &n), ST_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(names[0], "QĐ 06/QĐ-TTg (2019)");   /* the active one first */
    rubric_repo_names_free(names, n);
    ck_assert_int_eq(rubric_load_import(db, path, true, &res), ST_OK);
    ck_assert(!res.created && res.activated);
    free(res.name);
    /* 2024 keeps the rule set it was scored by; a new year takes the active one */
    struct score_sheet s;
    ck_assert_int_eq(score_sheet_build(db, 2024, NULL, &s), ST_OK);
    ck_assert_str_eq(s.rubric.name, "QĐ 06/QĐ-TTg (2019)");
    score_sheet_free(&s);
    ck_assert_int_eq(score_sheet_build(db, 2025, NULL, &s), ST_OK);
    ck_assert_str_eq(s.rubric.name, "QĐ 99/QĐ-TTg (2030)");
    score_sheet_free(&s);
    unlink(path);
    free(path);
    free(text);
    test_db_free(db);
}
END_TEST

START_TEST(test_export_file)
{
    struct db *db = test_db_new(true);
    char *path = test_tmp_path(".csv");
    ck_assert_int_eq(rubric_load_export(db, NULL, path), ST_OK);
    char *data;
    size_t len;
    ck_assert_int_eq(csv_slurp(path, &data, &len), ST_OK);
    ck_assert(len > 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0);   /* BOM for Excel */
    ck_assert_ptr_nonnull(strstr(data, "\r\n"));
    struct rubric r;
    ck_assert_int_eq(rubric_load_parse(data, len, path, &r), ST_OK);
    ck_assert_uint_eq(r.nind, 20);
    rubric_free(&r);
    free(data);
    ck_assert_int_eq(rubric_load_export(db, "không có", path), ST_NOTFOUND);
    ck_assert_int_eq(rubric_load_export(db, NULL, "/nonexistent-dir/x.csv"), ST_IO);
    unlink(path);
    free(path);
    test_db_free(db);
}
END_TEST

Suite *suite_rubric_csv(void)
{
    return test_suite((struct test_spec){"rubric_csv", "rubric_csv", .timeout = 30,
                       .tests = TEST_LIST(test_shipped_known_points, test_seed_once_keeps_corrections,
                                          test_round_trip, test_parse_accepts_variants,
                                          test_parse_old_measure_code, test_import_prunes_and_audits,
                                          test_import_new_rule_set_and_activate, test_export_file),
                       .loops = LOOP_LIST(TEST_ROWS(test_shipped_rubric, shipped),
                                          TEST_ROWS(test_parse_errors, parse_errors))}, NULL);
}
