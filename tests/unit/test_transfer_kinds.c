/* test_transfer_kinds — the CSV kinds of cases, case steps and assessments:
 * column tables without any reporter column, round trips of each kind into
 * an empty database (byte-identical, re-import adds nothing), typed errors,
 * the reporter's identity absent from every export (anonymised or not), and
 * anonymised exports hiding only the children of sensitive cases. */
#include <config.h>
#include "tests.h"
#include "treem/app/cases.h"
#include "treem/app/children.h"
#include "treem/app/score.h"
#include "treem/app/transfer.h"
#include "treem/app/transfer_kind.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const kind_names[] = {"cases", "case_steps", "assessments"};

START_TEST(test_kind_tables)
{
    const struct transfer_kind *k = transfer_kind_find(kind_names[_i]);
    ck_assert_ptr_nonnull(k);
    ck_assert_str_eq(transfer_kind_name(k), kind_names[_i]);
    const struct csv_kind *c = transfer_kind_columns(k);
    ck_assert_int_eq(csv_kind_check(c), ST_OK);
    for (size_t i = 0; i < c->ncolumns; i++) {
        ck_assert_ptr_null(strstr(c->columns[i].name, "reporter"));
        ck_assert_ptr_null(strstr(c->columns[i].name, "consent"));
        ck_assert_ptr_null(strstr(c->columns[i].name, "phone"));
        ck_assert_ptr_nonnull(c->columns[i].doc);
    }
}
END_TEST

static long long add_child(struct db *db, const char *name)
{
    return test_add_child(db, name, (struct date){2016, 3, 15});
}

static long long add_case(struct db *db, long long child_id, int kind, bool consent)
{
    struct case_file c = test_intake(CASE_SRC_PHONE, kind, (struct datetime){{2025, 6, 2}, 8, 30});
    c.injury = kind == CASE_KIND_INJURY ? CASE_INJ_DROWNING : CASE_INJ_NONE;
    c.child_id = child_id;
    c.place = strdup("Bến sông, \"thôn Một\"");
    c.parents = strdup("Lê Văn Cha");
    c.consent = consent;
    if (consent) {
        c.reporter_name = strdup("Phạm Báo Tin");
        c.reporter_phone = strdup("0912345678");
        c.reporter_address = strdup("Số 9 ngõ Bí Mật");
    }
    return test_save_case(db, &c);
}

static void add_step(struct db *db, long long id, int kind, struct datetime at)
{
    test_add_step(db, id, kind, at, "Cán bộ xã", "ghi chú, có dấu phẩy");
}

/* A database with two children, a consenting reporter's violence case
 * with two steps, an injury case, and two assessment values. */
static struct db *sample_db(void)
{
    struct db *db = test_db_new(true);
    long long a = add_child(db, "Trần Thị Kín"), b = add_child(db, "Đỗ Văn Mở");
    long long v = add_case(db, a, CASE_KIND_VIOLENCE, true);
    add_step(db, v, CASE_STEP_INITIAL, (struct datetime){{2025, 6, 2}, 10, 0});
    add_step(db, v, CASE_STEP_DETAILED, (struct datetime){{2025, 6, 3}, 9, 15});
    add_case(db, b, CASE_KIND_INJURY, false);
    ck_assert_msg(score_set_value(db, 2025, "1.1", "1", "QĐ 12, \"phân công\"", NULL) == ST_OK, "%s",
                  status_message());
    ck_assert_int_eq(score_set_value(db, 2025, "1.2", "0", NULL, NULL), ST_OK);
    return db;
}

static char *export_text(struct db *db, const char *kind, bool anonymise, size_t *rows)
{
    char *path = test_tmp_path(".csv");
    struct transfer_export_opts o = {.anonymise = anonymise};
    ck_assert_msg(transfer_export(db, transfer_kind_find(kind), path, &o, rows) == ST_OK, "%s", status_message());
    size_t n;
    char *raw = test_slurp(path, &n), *text = malloc(n + 1); /* test_slurp does not end with NUL */
    ck_assert_ptr_nonnull(text);
    memcpy(text, raw, n);
    text[n] = '\0';
    free(raw);
    unlink(path);
    free(path);
    return text;
}

START_TEST(test_reporter_never_exported)
{
    struct db *db = sample_db();
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM case_file WHERE reporter_name IS NOT NULL"), 1);
    for (int anon = 0; anon <= 1; anon++) {
        for (size_t k = 0; k < sizeof kind_names / sizeof *kind_names; k++) {
            size_t rows = 0;
            char *text = export_text(db, kind_names[k], anon, &rows);
            ck_assert_ptr_null(strstr(text, "Phạm Báo Tin"));
            ck_assert_ptr_null(strstr(text, "0912345678"));
            ck_assert_ptr_null(strstr(text, "Bí Mật"));
            ck_assert_ptr_null(strstr(text, "reporter"));
            ck_assert_uint_eq(rows, k == 1 ? 2 : 2); /* 2 cases, 2 steps, 2 values */
            free(text);
        }
    }
    test_db_free(db);
}
END_TEST

/* kinds to export / import in order, with the data rows expected */
static const struct { const char *kind; size_t rows; } trip[] = {
    {"children", 2}, {"cases", 2}, {"case_steps", 2}, {"assessments", 2},
};

START_TEST(test_round_trip)
{
    struct db *db = sample_db(), *db2 = test_db_new(true);
    struct transfer_import_opts o = {.no_backup = true};
    for (size_t i = 0; i < sizeof trip / sizeof *trip; i++) {
        const struct transfer_kind *k = transfer_kind_find(trip[i].kind);
        char *p1 = test_tmp_path(".csv"), *p2 = test_tmp_path(".csv");
        size_t rows = 0;
        ck_assert_int_eq(transfer_export(db, k, p1, NULL, &rows), ST_OK);
        ck_assert_uint_eq(rows, trip[i].rows);
        struct transfer_result r = {0};
        ck_assert_msg(transfer_import(db2, k, p1, &o, &r) == ST_OK, "%s: %s", trip[i].kind, status_message());
        ck_assert_uint_eq(r.counts.added, trip[i].rows);
        transfer_result_free(&r);
        ck_assert_int_eq(transfer_export(db2, k, p2, NULL, NULL), ST_OK);
        size_t n1, n2;
        char *a = test_slurp(p1, &n1), *b = test_slurp(p2, &n2);
        ck_assert_msg(n1 == n2 && memcmp(a, b, n1) == 0, "%s differs:\n%s\n---\n%s", trip[i].kind, a, b);
        /* re-import into both: nothing added, nothing changed */
        struct db *both[] = {db, db2};
        for (size_t d = 0; d < 2; d++) {
            ck_assert_msg(transfer_import(both[d], k, p1, &o, &r) == ST_OK, "%s", status_message());
            ck_assert_uint_eq(r.counts.added, 0);
            ck_assert_uint_eq(r.counts.changed, 0);
            ck_assert_uint_eq(r.counts.unchanged, trip[i].rows);
            transfer_result_free(&r);
        }
        free(a);
        free(b);
        unlink(p1);
        unlink(p2);
        free(p1);
        free(p2);
    }
    /* the steps moved the imported case to the same stage */
    const char *q = "SELECT count(*) FROM case_file WHERE stage = 'planning'";
    ck_assert_int_eq(test_query_int(db, q), 1);
    ck_assert_int_eq(test_query_int(db2, q), 1);
    ck_assert_int_eq(test_query_int(db2, "SELECT count(*) FROM case_file WHERE reporter_name IS NOT NULL"), 0);
    test_db_free(db2);
    test_db_free(db);
}
END_TEST

/* A protected group (đ: HIV) makes a child sensitive; a disability (d)
 * does not. Pseudonyms are stable, the same in the periods file, and
 * another database (another key) gives other ones. */
START_TEST(test_pseudonyms)
{
    struct db *db = test_db_new(true), *db2 = test_db_new(true);
    long long hiv = add_child(db, "Lò Thị Nhóm"), dis = add_child(db, "Hà Văn Chung");
    struct child_period p = {.child_id = hiv, .code = "đ.0", .from = {2024, 1, 1}};
    snprintf(p.note, sizeof p.note, "ghi chú nhóm");
    ck_assert_msg(children_add_period(db, &p) == ST_OK, "%s", status_message());
    struct child_period q = {.child_id = dis, .code = "d.1", .from = {2024, 1, 1}};
    ck_assert_int_eq(children_add_period(db, &q), ST_OK);
    ck_assert(cases_child_sensitive(db, hiv, NULL));
    ck_assert(!cases_child_sensitive(db, dis, NULL));
    char *a1 = export_text(db, "children", true, NULL), *a2 = export_text(db, "children", true, NULL);
    char *per = export_text(db, "periods", true, NULL);
    ck_assert_str_eq(a1, a2);
    ck_assert_ptr_null(strstr(a1, "Lò Thị Nhóm"));
    ck_assert_ptr_nonnull(strstr(a1, "Hà Văn Chung"));
    const char *anon = strstr(a1, ",Ẩn danh AD-");
    ck_assert_ptr_nonnull(anon);
    const char *line = anon;
    while (line > a1 && line[-1] != '\n')
        line--;
    char uid[17];
    snprintf(uid, sizeof uid, "%s", line);
    ck_assert_ptr_nonnull(strstr(per, uid));        /* the same pseudonym in periods */
    ck_assert_ptr_null(strstr(per, "ghi chú nhóm")); /* notes dropped */
    struct pseudonym k1, k2;
    ck_assert_int_eq(pseudonym_load(db, &k1), ST_OK);
    ck_assert_int_eq(pseudonym_load(db2, &k2), ST_OK);
    char u1[PSEUDONYM_UID_BUF], u2[PSEUDONYM_UID_BUF];
    pseudonym_uid(&k1, "child", "00000-ABCDEFGHJK", u1);
    pseudonym_uid(&k2, "child", "00000-ABCDEFGHJK", u2);
    ck_assert_str_ne(u1, u2);
    ck_assert(transfer_uid_valid(u1));
    free(a1);
    free(a2);
    free(per);
    test_db_free(db2);
    test_db_free(db);
}
END_TEST

START_TEST(test_sensitive_only)
{
    struct db *db = sample_db();
    add_child(db, "Vũ Thị Ngoài");
    char *plain = export_text(db, "children", false, NULL), *anon = export_text(db, "children", true, NULL);
    ck_assert_ptr_nonnull(strstr(plain, "Trần Thị Kín"));
    ck_assert_ptr_null(strstr(anon, "Trần Thị Kín"));   /* violence: sensitive */
    ck_assert_ptr_nonnull(strstr(anon, "Đỗ Văn Mở"));    /* injury: not sensitive */
    ck_assert_ptr_nonnull(strstr(anon, "Vũ Thị Ngoài")); /* no case */
    char *cases = export_text(db, "cases", true, NULL);
    ck_assert_ptr_null(strstr(cases, "Lê Văn Cha"));     /* parents blanked */
    ck_assert_ptr_null(strstr(cases, "thôn Một"));       /* every free text dropped */
    free(plain);
    free(anon);
    free(cases);
    /* without the hook every child counts as sensitive (fail closed) */
    transfer_set_sensitive_hook(NULL, NULL);
    anon = export_text(db, "children", true, NULL);
    ck_assert_ptr_null(strstr(anon, "Đỗ Văn Mở"));
    free(anon);
    transfer_set_sensitive_hook(cases_child_sensitive, NULL);
    test_db_free(db);
}
END_TEST

#define CASE_HDR "received_date,received_hour,source,kind,level,injury_cause\n"
static const struct { const char *kind, *text, *rule, *column; } rows[] = {
    {"cases", CASE_HDR "02/06/2025,08:30,phone,robbery,support,\n", "format", "kind"},
    {"cases", CASE_HDR "31/02/2025,08:30,phone,violence,support,\n", "format", "received_date"},
    {"cases", CASE_HDR "02/06/2025,08:30,phone,injury,support,\n", "validation", NULL},
    {"cases", CASE_HDR "02/06/2026,08:30,phone,violence,support,\n", "validation", NULL},
    {"cases", "received_date,source,kind,level\n02/06/2025,phone,violence,support\n", "missing_column", NULL},
    {"cases", CASE_HDR "02/06/2025,08:30,Điện thoại,Bạo lực,hỗ trợ,\n", NULL, NULL},
    {"cases", "uid," CASE_HDR "00004-0000000000,02/06/2025,08:30,phone,violence,support,\n"
              "00004-0000000000,02/06/2025,08:30,phone,violence,support,\n", "duplicate_id", "uid"},
    {"case_steps", "case_uid,step,date,hour\n00004-0000000000,initial,02/06/2025,10:00\n", "not_found", "case_uid"},
    {"assessments", "year,commune_code,indicator_code,value,origin\n2025,00004,1.1,1,guessed\n", "format", "origin"},
    {"assessments", "year,commune_code,indicator_code,value,origin\n2025,00004,99.9,1,typed\n", "not_found",
     "indicator_code"},
    {"assessments", "year,commune_code,indicator_code,value,origin\n2025,00004,1.1,maybe,typed\n", "validation",
     "value"},
    {"assessments", "year,commune_code,indicator_code,value,origin\n2025,00004,1.1,có,typed\n", NULL, NULL},
};

START_TEST(test_import_rules)
{
    struct db *db = test_db_new(true);
    test_import_rule(db, rows[_i].kind, rows[_i].text, rows[_i].rule, rows[_i].column,
                     "SELECT (SELECT count(*) FROM case_file) + (SELECT count(*) FROM case_step) + "
                     "(SELECT count(*) FROM assessment_value)");
    test_db_free(db);
}
END_TEST

START_TEST(test_conflict)
{
    struct db *db = sample_db();
    char *path = test_tmp_path(".csv");
    const struct transfer_kind *k = transfer_kind_find("assessments");
    ck_assert_int_eq(transfer_export(db, k, path, NULL, NULL), ST_OK);
    ck_assert_int_eq(score_set_value(db, 2025, "1.2", "1", NULL, NULL), ST_OK);
    struct transfer_import_opts o = {.no_backup = true};
    struct transfer_result r = {0};
    ck_assert_int_eq(transfer_import(db, k, path, &o, &r), ST_INVALID);
    ck_assert_uint_eq(r.counts.conflicts, 1);
    transfer_result_free(&r);
    o.prefer_newer = true; /* same minute: ours is not older, kept */
    ck_assert_int_eq(transfer_import(db, k, path, &o, &r), ST_OK);
    ck_assert_uint_eq(r.counts.kept_local, 1);
    transfer_result_free(&r);
    unlink(path);
    free(path);
    test_db_free(db);
}
END_TEST

Suite *suite_transfer_kinds(void)
{
    return test_suite((struct test_spec){"transfer_kinds", "core", test_today_2025, test_today_end, .timeout = 60,
                       .tests = TEST_LIST(test_reporter_never_exported, test_round_trip, test_sensitive_only,
                                          test_pseudonyms, test_conflict),
                       .loops = LOOP_LIST(TEST_ROWS(test_kind_tables, kind_names),
                                          TEST_ROWS(test_import_rules, rows))}, NULL);
}
