/* test_score — the yearly sheet on a real database: typed values with
 * evidence and audit, the measure providers (a small hand-made register
 * here, until the register and case modules provide theirs), classes, the
 * verdict appearing once the scales are complete, the comparison with the
 * previous year and the dossier CSV. */
#include <config.h>
#include "tests.h"
#include "treem/app/children.h"
#include "treem/app/rubric_edit.h"
#include "treem/app/score.h"
#include "treem/app/score_csv.h"
#include "treem/app/score_register.h"
#include "treem/csv/csv_read.h"
#include "treem/db/rubric_save.h"
#include "treem/model/rubric_text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long long count(struct db *db, const char *sql, const char *param)
{
    long long n = -1;
    ck_assert_int_eq(db_query_int(db, sql, param, &n), ST_OK);
    return n;
}

static size_t line_of(const struct score_sheet *s, const char *code)
{
    long i = rubric_indicator_index(&s->rubric, code);
    ck_assert_msg(i >= 0, "no indicator %s", code);
    return (size_t)i;
}

static const struct {
    const char *code, *text;
    enum status st;
    double value;
} typed[] = {
    {"6.1", "97", ST_OK, 97},
    {"6.1", "94,9", ST_OK, 94.9},
    {"6.1", "95 %", ST_OK, 95},
    {"6.1", "101", ST_INVALID, 0},
    {"6.1", "-1", ST_INVALID, 0},
    {"6.1", "nhiều", ST_INVALID, 0},
    {"3.1", "2.5", ST_INVALID, 0},     /* a count is whole */
    {"3.1", "2", ST_OK, 2},
    {"3.2", "1,8‰", ST_OK, 1.8},
    {"1.1", "Có", ST_OK, 1},
    {"1.1", "không", ST_OK, 0},
    {"1.1", "KHONG", ST_OK, 0},
    {"1.1", "có lẽ", ST_INVALID, 0},
    {"9.9", "1", ST_NOTFOUND, 0},
};

START_TEST(test_typed_values)
{
    struct db *db = test_db_new(true);
    enum status st = score_set_value(db, 2024, typed[_i].code, typed[_i].text, "minh chứng", NULL);
    ck_assert_msg(st == typed[_i].st, "case %d: %s", _i, status_message());
    if (st != ST_OK)
        ck_assert_ptr_nonnull(strstr(status_message(), typed[_i].code));
    struct score_sheet s;
    ck_assert_int_eq(score_sheet_build(db, 2024, NULL, &s), ST_OK);
    if (st == ST_OK) {
        const struct score_line *l = &s.line[line_of(&s, typed[_i].code)];
        ck_assert_int_eq(l->origin, SCORE_TYPED);
        ck_assert_double_eq_tol(l->value, typed[_i].value, 1e-12);
        ck_assert_str_eq(l->evidence, "minh chứng");
    } else {
        ck_assert_uint_eq(s.nvalues, 0);      /* nothing half-saved */
    }
    score_sheet_free(&s);
    test_db_free(db);
}
END_TEST

START_TEST(test_points_and_audit)
{
    struct db *db = test_db_new(true);
    struct score_sheet s;
    ck_assert_int_eq(score_set_value(db, 2024, "6.1", "95", "Báo cáo 12/BC-UBND", NULL), ST_OK);
    ck_assert_int_eq(score_sheet_build(db, 2024, NULL, &s), ST_OK);
    size_t i = line_of(&s, "6.1");
    ck_assert_int_eq(s.score.ind[i].state, RUBRIC_IND_SCORED);
    ck_assert_double_eq(s.score.ind[i].points, 50);       /* exactly 95 % */
    ck_assert_str_eq(s.line[i].department, "bvte");
    double before = s.score.total;
    score_sheet_free(&s);
    ck_assert_int_eq(score_set_value(db, 2024, "6.1", "94.9", NULL, "khongco"), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "khongco"));
    ck_assert_int_eq(score_set_value(db, 2024, "6.1", "94.9", NULL, "congan"), ST_OK);
    ck_assert_int_eq(score_sheet_build(db, 2024, NULL, &s), ST_OK);
    ck_assert_int_eq(s.score.ind[i].state, RUBRIC_IND_NO_SCALE);  /* 94.9 %: band unknown */
    ck_assert_double_eq_tol(s.score.total, before - 50, 1e-9);
    ck_assert_str_eq(s.line[i].evidence, "Báo cáo 12/BC-UBND"); /* evidence kept */
    ck_assert_str_eq(s.line[i].department, "congan");
    score_sheet_free(&s);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM audit_log WHERE entity = 'assessment_value' "
                               "AND field = 'value' AND old_value = '95' AND new_value = ?1", "94.9"), 1);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM audit_log WHERE entity = 'assessment' "
                               "AND action = ?1", "create"), 1);
    ck_assert_int_eq(score_clear_value(db, 2024, "6.1"), ST_OK);
    ck_assert_int_eq(score_clear_value(db, 2024, "6.1"), ST_NOTFOUND);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM audit_log WHERE action = 'delete' "
                               "AND entity = 'assessment_value' AND old_value = ?1", "94.9"), 1);
    test_db_free(db);
}
END_TEST

/* A small hand-made register: children in special circumstances and
 * whether each was helped in 2024; 2023 has no data. */
static const struct { int year; bool helped; } sc_children[] = {
    {2024, true}, {2024, true}, {2024, true}, {2024, true}, {2024, true},
    {2024, true}, {2024, true}, {2024, true}, {2024, true}, {2024, true},
    {2024, true}, {2024, true}, {2024, true}, {2024, true}, {2024, true},
    {2024, true}, {2024, true}, {2024, true}, {2024, true}, {2024, false},
};

static enum status fake_register(struct db *db, enum measure m, int year,
                                 struct score_measured *out)
{
    (void)db;
    if (m != MEASURE_SC_HELPED)
        return ST_NOTFOUND;
    int n = 0, helped = 0;
    for (size_t i = 0; i < sizeof sc_children / sizeof *sc_children; i++) {
        if (sc_children[i].year != year)
            continue;
        n++;
        helped += sc_children[i].helped;
    }
    if (n == 0)
        return ST_NOTFOUND;
    out->value = helped * 100.0 / n;
    snprintf(out->basis, sizeof out->basis, "%d / %d", helped, n);
    return ST_OK;
}

static enum status broken_provider(struct db *db, enum measure m, int year,
                                   struct score_measured *out)
{
    (void)db, (void)year, (void)out;
    return m == MEASURE_VACCINATED_U1 ? status_set(ST_DB, "broken") : ST_NOTFOUND;
}

START_TEST(test_providers)
{
    struct db *db = test_db_new(true);
    struct score_sheet s;
    score_set_measure_provider(broken_provider);
    ck_assert(score_add_measure_provider(fake_register));
    ck_assert_int_eq(score_sheet_build(db, 2024, NULL, &s), ST_OK);
    size_t i = line_of(&s, "6.1"), v = line_of(&s, "7.1");
    ck_assert_int_eq(s.line[i].origin, SCORE_COMPUTED);
    ck_assert_double_eq(s.line[i].value, 95);             /* 19 of 20 */
    ck_assert_str_eq(s.line[i].basis, "19 / 20");
    ck_assert_double_eq(s.score.ind[i].points, 50);
    ck_assert(s.line[v].measurable && !s.line[v].computed_ok && !s.line[v].has_value);
    score_sheet_free(&s);
    /* the officer's typed value wins; the computed one is still shown */
    ck_assert_int_eq(score_set_value(db, 2024, "6.1", "80", NULL, NULL), ST_OK);
    ck_assert_int_eq(score_sheet_build(db, 2024, NULL, &s), ST_OK);
    ck_assert_int_eq(s.line[i].origin, SCORE_TYPED);
    ck_assert_double_eq(s.line[i].value, 80);
    ck_assert(s.line[i].computed_ok);
    ck_assert_double_eq(s.line[i].computed, 95);
    score_sheet_free(&s);
    ck_assert_int_eq(score_clear_value(db, 2024, "6.1"), ST_OK);
    size_t stored = 0;
    ck_assert_int_eq(score_store_computed(db, 2024, &stored), ST_OK);
    ck_assert_uint_eq(stored, 1);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM assessment_value WHERE origin = ?1", "computed"), 1);
    /* without providers the stored figure remains */
    score_set_measure_provider(NULL);
    ck_assert_int_eq(score_sheet_build(db, 2024, NULL, &s), ST_OK);
    ck_assert_int_eq(s.line[i].origin, SCORE_STORED);
    ck_assert_double_eq(s.line[i].value, 95);
    ck_assert_str_eq(s.line[i].evidence, "19 / 20");
    score_sheet_free(&s);
    /* 2023: nothing in the register, nothing typed */
    ck_assert_int_eq(score_sheet_build(db, 2023, NULL, &s), ST_OK);
    ck_assert(!s.stored && !s.line[i].has_value);
    score_sheet_free(&s);
    test_db_free(db);
}
END_TEST

/* A child of the hand-made register from "key=value" pairs; returns its id. */
static long long add_child(struct db *db, const char *const kv[])
{
    struct child c;
    child_init(&c);
    for (int i = 0; kv[i]; i++) {
        char key[40];
        const char *eq = strchr(kv[i], '=');
        snprintf(key, sizeof key, "%.*s", (int)(eq - kv[i]), kv[i]);
        ck_assert_msg(child_field_parse(&c, child_field_find(key), eq + 1) == ST_OK, "%s", status_message());
    }
    struct children_save_opts force = {true, NULL, 0};
    ck_assert_msg(children_save(db, &c, &force, NULL, NULL) == ST_OK, "%s", status_message());
    long long id = c.id;
    child_free(&c);
    return id;
}

/* The register provider on seven hand-made children; the right answers are
 * worked out next to each figure. Today is 30/06/2025. */
START_TEST(test_register_provider)
{
    setenv("TREEM_TODAY", "2025-06-30", 1);
    struct db *db = test_db_new(true);
    static const char *const kids[][7] = {
        /* born 2024, registered 20 days after birth (on time), vaccinated before 1 */
        {"full_name=Một", "birth_date=10/02/2024", "sex=nữ", "birth_reg_date=01/03/2024",
         "vaccinated_on=01/12/2024", NULL},
        /* born 2024, registered late, vaccinated after the first birthday */
        {"full_name=Hai", "birth_date=05/05/2024", "sex=nam", "birth_reg_date=01/10/2024",
         "vaccinated_on=10/05/2025", NULL},
        {"full_name=Ba", "birth_date=20/12/2024", NULL},
        {"full_name=Bốn", "birth_date=30/06/2024", "sex=nam", NULL},
        {"full_name=Năm", "birth_date=01/01/2015", "sex=nam", NULL},
        {"full_name=Sáu", "birth_date=01/01/2020", "school=mầm non", NULL},   /* 5 in 2025 */
        {"full_name=Bảy", "birth_date=01/06/2020", "school=not_yet", NULL},   /* 5 in 2025 */
    };
    long long ids[7];
    for (int i = 0; i < 7; i++)
        ids[i] = add_child(db, kids[i]);
    ck_assert_int_eq(children_add_check(db, ids[0], (struct date){2024, 12, 1}), ST_OK);
    ck_assert_int_eq(children_add_check(db, ids[4], (struct date){2025, 3, 1}), ST_OK);
    static const struct {
        int year;
        const char *code;
        bool computed;
        double value;
        const char *basis;
    } want[] = {
        {2024, "2.1", true, 100.0 / 3, "1 / 3"},  /* born 2024: Một on time of 4, less Ba
                                                     (20/12, still inside her 60 days) */
        {2024, "9.1", true, 100.0 / 7, "1 / 7"},  /* under 16 at 31/12/2024: 7; checked in 2024: Một */
        {2024, "10.1", true, 50, "1 / 2"},        /* 3–5 on 31/12/2024: Sáu and Bảy (4) */
        {2024, "6.1", false, 0, ""},              /* nobody in special circumstances */
        {2025, "7.1", true, 25, "1 / 4"},         /* first birthday in 2025: 4; Một vaccinated in time */
        {2025, "10.1", true, 50, "1 / 2"},        /* 5 on 30/06/2025: Sáu and Bảy; Sáu at pre-school */
        {2025, "9.1", true, 100.0 / 7, "1 / 7"},  /* checked in 2025: Năm */
    };
    for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
        struct score_sheet s;
        ck_assert_int_eq(score_sheet_build(db, want[k].year, NULL, &s), ST_OK);
        const struct score_line *l = &s.line[line_of(&s, want[k].code)];
        ck_assert_msg(l->computed_ok == want[k].computed, "%d %s", want[k].year, want[k].code);
        if (want[k].computed) {
            ck_assert_int_eq(l->origin, SCORE_COMPUTED);
            ck_assert_double_eq_tol(l->value, want[k].value, 1e-9);
            ck_assert_str_eq(l->basis, want[k].basis);
        }
        score_sheet_free(&s);
    }
    struct score_measured m;
    ck_assert_int_eq(score_register_measure(db, MEASURE_ABUSE_CASES, 2024, &m), ST_NOTFOUND);
    test_db_free(db);
    unsetenv("TREEM_TODAY");
}
END_TEST

static const struct {
    const char *chosen, *setting, *override;
    const char *used;
    double min;
} class_cases[] = {
    {"850", NULL, NULL, "850", 850},
    {NULL, "800", NULL, "800", 800},
    {"900", "800", NULL, "900", 900},
    {"900", NULL, "800", "800", 800},
    {NULL, NULL, NULL, NULL, -1},
};

START_TEST(test_classes)
{
    struct db *db = test_db_new(true);
    struct score_sheet s;
    if (class_cases[_i].chosen)
        ck_assert_int_eq(score_set_class(db, 2024, class_cases[_i].chosen), ST_OK);
    if (class_cases[_i].setting)
        ck_assert_int_eq(db_setting_set(db, "unit_class", class_cases[_i].setting), ST_OK);
    ck_assert_int_eq(score_sheet_build(db, 2024, class_cases[_i].override, &s), ST_OK);
    if (class_cases[_i].used) {
        ck_assert_str_eq(s.class_code, class_cases[_i].used);
        ck_assert_double_eq(s.score.threshold->min_total, class_cases[_i].min);
    } else {
        ck_assert_ptr_null(s.class_code);
        ck_assert_ptr_null(s.score.threshold);
    }
    score_sheet_free(&s);
    ck_assert_int_eq(score_set_class(db, 2024, "123"), ST_INVALID);
    test_db_free(db);
}
END_TEST

/* Values for every shipped indicator: yes for yes/no, 1 for counts, 99 for
 * rates (so that 6.1, 6.2 and 7.1 reach their known top bands). */
static void type_everything(struct db *db, int year)
{
    struct score_sheet s;
    ck_assert_int_eq(score_sheet_build(db, year, NULL, &s), ST_OK);
    for (size_t i = 0; i < s.rubric.nind; i++) {
        const struct rubric_indicator *ind = &s.rubric.ind[i];
        const char *v = ind->kind == RUBRIC_YES_NO ? "có" : ind->kind == RUBRIC_COUNT ? "1" : "99";
        if (strcmp(ind->code, "6.2") == 0)
            v = "100";
        ck_assert_msg(score_set_value(db, year, ind->code, v, "thử", NULL) == ST_OK, "%s", status_message());
    }
    score_sheet_free(&s);
}

/* Completes every scale but 2.1's: any value → 10 points (kept: the known
 * top bands; 1.1 and 1.3 already complete). */
static void complete_all_but_2_1(struct db *db)
{
    struct rubric r;
    ck_assert_int_eq(db_begin(db), ST_OK);
    ck_assert_int_eq(rubric_edit_load_active(db, &r), ST_OK);
    for (size_t i = 0; i < r.nind; i++) {
        struct rubric_indicator *ind = &r.ind[i];
        if (ind->bands_known || strcmp(ind->code, "2.1") == 0)
            continue;
        double top = ind->nbands ? ind->bands[0].lo : -1;
        struct rubric_band b = {.has_hi = top >= 0, .hi = top, .hi_incl = false, .lo_incl = true,
                                .has_lo = true, .lo = 0, .points = 10, .source = "thử"};
        if (ind->kind == RUBRIC_YES_NO && top < 0)
            b.has_hi = true, b.hi = 1, b.hi_incl = true;
        ck_assert_msg(rubric_band_put(ind, &b) == ST_OK, "%s", status_message());
        ind->bands_known = true;
    }
    ck_assert_int_eq(rubric_save(db, &r, NULL, NULL), ST_OK);
    ck_assert_int_eq(db_commit(db), ST_OK);
    rubric_free(&r);
}

START_TEST(test_verdict_appears)
{
    struct db *db = test_db_new(true);
    struct score_sheet s;
    struct strbuf sb = STRBUF_INIT;
    type_everything(db, 2024);
    ck_assert_int_eq(score_set_class(db, 2024, "850"), ST_OK);
    ck_assert_int_eq(score_sheet_build(db, 2024, NULL, &s), ST_OK);
    ck_assert_int_eq(s.score.verdict, RUBRIC_NO_SCALE);
    ck_assert(s.score.partial);
    /* known: 1.1 50 + 1.3 15 + 6.1 50 + 6.2 75 + 7.1 50, and 1.2 "có" 15 */
    ck_assert_double_eq_tol(s.score.total, 255, 1e-9);
    score_sheet_free(&s);
    complete_all_but_2_1(db);
    ck_assert_int_eq(score_sheet_build(db, 2024, NULL, &s), ST_OK);
    ck_assert_int_eq(s.score.verdict, RUBRIC_NO_SCALE);
    ck_assert_uint_eq(s.score.nwhy, 1);
    ck_assert_int_eq(s.score.why[0].criterion, 2);
    score_sheet_free(&s);
    /* the last band, through the editor: the verdict appears */
    struct rubric_band b = {.has_lo = true, .lo = 0, .lo_incl = true, .points = 10, .source = "thử"};
    ck_assert_int_eq(rubric_edit_band_put(db, "2.1", &b, 1), ST_OK);
    ck_assert_int_eq(score_sheet_build(db, 2024, NULL, &s), ST_OK);
    ck_assert_int_eq(s.score.verdict, RUBRIC_FAIL);
    /* 255 + 1.4 10 + 2.1 10 + 3.x 20 + 4.1 10 + 5.x 20 + 8.x 20 + 9..13 50 = 395 */
    ck_assert_double_eq_tol(s.score.total, 395, 1e-9);
    ck_assert(rubric_verdict_text(&s.score, &sb));
    ck_assert_str_eq(strbuf_str(&sb), "not passed: total 395 < 850");
    score_sheet_free(&s);
    strbuf_free(&sb);
    test_db_free(db);
}
END_TEST

START_TEST(test_compare_previous_year)
{
    struct db *db = test_db_new(true);
    struct score_sheet s;
    struct rubric_change *ch;
    size_t n;
    bool have;
    ck_assert_int_eq(score_set_value(db, 2023, "6.1", "97", NULL, NULL), ST_OK);
    ck_assert_int_eq(score_set_value(db, 2023, "6.2", "100", NULL, NULL), ST_OK);
    struct rubric_band b = {.has_lo = true, .lo = 0, .lo_incl = true, .has_hi = true, .hi = 100,
                            .hi_incl = false, .points = 0, .source = "thử"};
    ck_assert_int_eq(rubric_edit_band_put(db, "6.2", &b, 1), ST_OK);
    b.hi = 95;
    ck_assert_int_eq(rubric_edit_band_put(db, "6.1", &b, 1), ST_OK);
    ck_assert_int_eq(score_set_value(db, 2024, "6.1", "97", NULL, NULL), ST_OK);
    ck_assert_int_eq(score_set_value(db, 2024, "6.2", "50", NULL, NULL), ST_OK);
    ck_assert_int_eq(score_sheet_build(db, 2024, NULL, &s), ST_OK);
    ck_assert_int_eq(score_compare_previous(db, &s, &ch, &n, &have), ST_OK);
    ck_assert(have);
    ck_assert_uint_eq(n, 13);
    ck_assert_int_eq(ch[5].number, 6);
    ck_assert_int_eq(ch[5].trend, RUBRIC_FELL);
    ck_assert_double_eq(ch[5].prev, 125);
    ck_assert_double_eq(ch[5].cur, 50);
    ck_assert_int_eq(ch[0].trend, RUBRIC_UNKNOWN);         /* criterion 1 has no values */
    free(ch);
    score_sheet_free(&s);
    ck_assert_int_eq(score_sheet_build(db, 2023, NULL, &s), ST_OK);
    ck_assert_int_eq(score_compare_previous(db, &s, &ch, &n, &have), ST_OK);
    ck_assert(!have);                                      /* no 2022 */
    ck_assert_int_eq(ch[5].trend, RUBRIC_UNKNOWN);
    free(ch);
    score_sheet_free(&s);
    test_db_free(db);
}
END_TEST

struct csv_find {
    const char *code;
    char points[32], first[64], value[64];
    size_t rows;
    bool verdict_row;
};

static enum status find_row(const struct csv_row *row, void *ctx)
{
    struct csv_find *f = ctx;
    f->rows++;
    if (row->line == 1)
        snprintf(f->first, sizeof f->first, "%s", row->fields[0]);
    if (row->nfields >= 11 && strcmp(row->fields[1], f->code) == 0) {
        snprintf(f->points, sizeof f->points, "%s", row->fields[6]);
        /* value and unit in separate cells */
        snprintf(f->value, sizeof f->value, "%s|%s", row->fields[3], row->fields[4]);
    }
    if (row->nfields >= 11 && strcmp(row->fields[2], "Verdict") == 0)
        f->verdict_row = strstr(row->fields[10], "no verdict") != NULL;
    return ST_OK;
}

START_TEST(test_sheet_csv)
{
    struct db *db = test_db_new(true);
    struct score_sheet s;
    ck_assert_int_eq(score_set_value(db, 2024, "6.1", "96", "=HYPERLINK(\"http://x\")", NULL), ST_OK);
    ck_assert_int_eq(score_sheet_build(db, 2024, NULL, &s), ST_OK);
    char *path = test_tmp_path(".csv");
    ck_assert_int_eq(score_csv_write(&s, path), ST_OK);
    char *data;
    size_t len;
    ck_assert_int_eq(csv_slurp(path, &data, &len), ST_OK);
    ck_assert_ptr_nonnull(strstr(data, "\"'=HYPERLINK(\"\"http://x\"\")\""));  /* neutralised */
    struct csv_find f = {.code = "6.1"};
    ck_assert_int_eq(csv_read_buffer(data, len, ',', find_row, &f), ST_OK);
    ck_assert_str_eq(f.first, "Criterion");
    ck_assert_str_eq(f.points, "50");
    ck_assert_str_eq(f.value, "96|%");
    ck_assert_uint_eq(f.rows, 1 + 13 + 20 + 2);            /* header, criteria, indicators, total, verdict */
    ck_assert(f.verdict_row);
    free(data);
    unlink(path);
    free(path);
    score_sheet_free(&s);
    test_db_free(db);
}
END_TEST

START_TEST(test_no_commune_no_rubric)
{
    struct db *db = test_db_new(false);
    struct score_sheet s;
    ck_assert_int_eq(score_sheet_build(db, 2024, NULL, &s), ST_NOTFOUND);
    ck_assert_ptr_nonnull(strstr(status_message(), "treem init"));
    test_db_free(db);
    db = test_db_new(true);
    ck_assert_int_eq(db_exec(db, "UPDATE rule_set SET active = 0"), ST_OK);
    ck_assert_int_eq(score_sheet_build(db, 2024, NULL, &s), ST_NOTFOUND);
    ck_assert_int_eq(score_set_value(db, 2024, "6.1", "97", NULL, NULL), ST_NOTFOUND);
    ck_assert_int_eq(score_sheet_build(db, 1999, NULL, &s), ST_INVALID);
    test_db_free(db);
}
END_TEST

Suite *suite_score(void)
{
    return test_suite((struct test_spec){"score", "score", .timeout = 30,
                       .tests = TEST_LIST(test_points_and_audit, test_providers, test_register_provider,
                                          test_verdict_appears, test_compare_previous_year, test_sheet_csv,
                                          test_no_commune_no_rubric),
                       .loops = LOOP_LIST(TEST_ROWS(test_typed_values, typed),
                                          TEST_ROWS(test_classes, class_cases))}, NULL);
}
