/* test_rubric_score — points, totals, caps, verdicts and their reasons,
 * missing scales, year-on-year comparison (model/rubric_score). The rubric
 * here is made up for the tests: three criteria, four indicators. */
#include <config.h>
#include "tests.h"
#include "treem/model/rubric_score.h"
#include "treem/model/rubric_text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const struct { int number; const char *name; double max; } crits[] = {
    {1, "Nguồn lực", 100}, {2, "Khai sinh", 60}, {3, "Xâm hại", 50},
};

static const struct { const char *code; int crit; enum rubric_kind kind; } inds[] = {
    {"1.1", 1, RUBRIC_YES_NO}, {"1.2", 1, RUBRIC_RATE}, {"2.1", 2, RUBRIC_RATE}, {"3.1", 3, RUBRIC_COUNT},
};

static const struct { const char *code, *from, *to; double points; } bands[] = {
    {"1.1", ">=1", "<=1", 50}, {"1.1", ">=0", "<=0", 0},
    {"1.2", ">=95", "", 50}, {"1.2", ">=80", "<95", 30}, {"1.2", ">=0", "<80", 0},
    {"2.1", ">=98", "", 60}, {"2.1", ">=90", "<98", 40}, {"2.1", ">=0", "<90", 0},
    {"3.1", "", "<=0", 50}, {"3.1", ">=1", "<=2", 25}, {"3.1", ">=3", "", 0},
};

static const struct { const char *code; double min; } classes[] = {
    {"900", 200}, {"850", 180}, {"800", 150},
};

static struct rubric_band make_band(const char *from, const char *to, double points)
{
    struct rubric_band b = {.lo_incl = true, .hi_incl = true, .points = points};
    ck_assert_int_eq(rubric_text_parse_bound(from, false, "from", &b), ST_OK);
    ck_assert_int_eq(rubric_text_parse_bound(to, true, "to", &b), ST_OK);
    return b;
}

/* The test rubric. `partial` (may be NULL): that indicator keeps only its
 * top band and is marked incomplete, as QĐ 06's 6.1 is. */
static void build(struct rubric *r, const char *partial)
{
    *r = (struct rubric)RUBRIC_INIT;
    ck_assert(rubric_str_set(&r->name, "test"));
    for (size_t i = 0; i < sizeof crits / sizeof *crits; i++) {
        struct rubric_criterion *c = rubric_criterion_add(r, crits[i].number, crits[i].name);
        c->max_known = true;
        c->max_points = crits[i].max;
    }
    for (size_t i = 0; i < sizeof inds / sizeof *inds; i++) {
        struct rubric_indicator *ind = rubric_indicator_add(r, inds[i].crit, inds[i].code);
        ind->kind = inds[i].kind;
        ind->bands_known = !partial || strcmp(partial, inds[i].code) != 0;
    }
    for (size_t i = 0; i < sizeof bands / sizeof *bands; i++) {
        struct rubric_indicator *ind = rubric_find_indicator(r, bands[i].code);
        if (!ind->bands_known && ind->nbands > 0)
            continue;
        struct rubric_band b = make_band(bands[i].from, bands[i].to, bands[i].points);
        ck_assert_int_eq(rubric_band_put(ind, &b), ST_OK);
    }
    for (size_t i = 0; i < sizeof classes / sizeof *classes; i++)
        rubric_threshold_add(r, classes[i].code)->min_total = classes[i].min;
    ck_assert_int_eq(rubric_validate(r), ST_OK);
}

static void inputs(const double v[4], struct rubric_input in[4])
{
    for (int i = 0; i < 4; i++) {
        in[i].has_value = !isnan(v[i]);
        in[i].value = in[i].has_value ? v[i] : 0;
    }
}

#define NONE (-1)

static const struct {
    double v[4];             /* 1.1 1.2 2.1 3.1 (NAN = no value) */
    const char *class_code;
    enum rubric_verdict verdict;
    double total;
    int why[2];              /* reason kinds in order, NONE for fewer */
    int zero_crit;           /* the criterion named by a ZERO reason */
} cases[] = {
    {{1, 97, 99, 0}, "900", RUBRIC_PASS, 210, {RUBRIC_WHY_TOTAL_OK, NONE}, 0},
    {{1, 94.9, 99, 0}, "900", RUBRIC_FAIL, 190, {RUBRIC_WHY_TOTAL_LOW, NONE}, 0},
    {{1, 94.9, 99, 0}, "850", RUBRIC_PASS, 190, {RUBRIC_WHY_TOTAL_OK, NONE}, 0},
    {{1, 95, 99, 0}, "900", RUBRIC_PASS, 210, {RUBRIC_WHY_TOTAL_OK, NONE}, 0},
    {{1, 94.9, 95, 1}, "800", RUBRIC_FAIL, 145, {RUBRIC_WHY_TOTAL_LOW, NONE}, 0},
    {{1, 94.9, 95, 0}, "800", RUBRIC_PASS, 170, {RUBRIC_WHY_TOTAL_OK, NONE}, 0},
    {{1, 94.9, 95, 0}, "850", RUBRIC_FAIL, 170, {RUBRIC_WHY_TOTAL_LOW, NONE}, 0},
    {{1, 97, 99, 3}, "800", RUBRIC_FAIL, 160, {RUBRIC_WHY_ZERO, NONE}, 3},
    {{0, 70, 99, 0}, "800", RUBRIC_FAIL, 110, {RUBRIC_WHY_ZERO, RUBRIC_WHY_TOTAL_LOW}, 1},
    {{1, NAN, 99, 0}, "850", RUBRIC_INCOMPLETE, 160, {RUBRIC_WHY_NO_VALUE, NONE}, 0},
    {{1, 97, 99, 0}, NULL, RUBRIC_NO_CLASS, 210, {RUBRIC_WHY_NO_CLASS, NONE}, 0},
    {{1, 97, 99, 0}, "123", RUBRIC_NO_CLASS, 210, {RUBRIC_WHY_NO_CLASS, NONE}, 0},
    {{1, 97, 99, 3}, NULL, RUBRIC_FAIL, 160, {RUBRIC_WHY_ZERO, NONE}, 3},
};

START_TEST(test_verdicts)
{
    struct rubric r;
    struct rubric_input in[4];
    struct rubric_score s;
    build(&r, NULL);
    inputs(cases[_i].v, in);
    ck_assert_int_eq(rubric_score(&r, in, cases[_i].class_code, &s), ST_OK);
    ck_assert_msg(s.verdict == cases[_i].verdict, "case %d: verdict %d", _i, s.verdict);
    ck_assert_double_eq_tol(s.total, cases[_i].total, 1e-9);
    size_t want = cases[_i].why[1] == NONE ? 1 : 2;
    ck_assert_uint_eq(s.nwhy, want);
    for (size_t k = 0; k < want; k++)
        ck_assert_int_eq(s.why[k].kind, cases[_i].why[k]);
    if (cases[_i].zero_crit)
        ck_assert_int_eq(s.why[0].criterion, cases[_i].zero_crit);
    if (s.why[0].kind == RUBRIC_WHY_NO_VALUE)
        ck_assert_str_eq(s.why[0].code, "1.2");
    if (s.why[0].kind == RUBRIC_WHY_NO_CLASS)
        ck_assert_str_eq(s.why[0].code, cases[_i].class_code ? cases[_i].class_code : "");
    rubric_score_free(&s);
    rubric_free(&r);
}
END_TEST

START_TEST(test_reason_texts)
{
    struct rubric r;
    struct rubric_input in[4];
    struct rubric_score s;
    struct strbuf sb = STRBUF_INIT;
    build(&r, NULL);
    inputs((double[4]){0, 70, 99, 0}, in);   /* criterion 1 at 0, total 110 */
    ck_assert_int_eq(rubric_score(&r, in, "850", &s), ST_OK);
    ck_assert(rubric_verdict_text(&s, &sb));
    ck_assert_str_eq(strbuf_str(&sb), "not passed: criterion 1 scored 0; total 110 < 180");
    rubric_score_free(&s);
    strbuf_reset(&sb);
    inputs((double[4]){1, 97, 99, 0}, in);
    ck_assert_int_eq(rubric_score(&r, in, "900", &s), ST_OK);
    ck_assert(rubric_verdict_text(&s, &sb));
    ck_assert_str_eq(strbuf_str(&sb), "passed: total 210 ≥ 200");
    rubric_score_free(&s);
    strbuf_free(&sb);
    rubric_free(&r);
}
END_TEST

START_TEST(test_no_zero_rule_off)
{
    struct rubric r;
    struct rubric_input in[4];
    struct rubric_score s;
    build(&r, NULL);
    r.no_zero_rule = false;
    inputs((double[4]){1, 97, 99, 3}, in);   /* criterion 3 at 0, total 160 */
    ck_assert_int_eq(rubric_score(&r, in, "800", &s), ST_OK);
    ck_assert_int_eq(s.verdict, RUBRIC_PASS);
    rubric_score_free(&s);
    rubric_free(&r);
}
END_TEST

START_TEST(test_missing_band_blocks_then_edit_gives_verdict)
{
    struct rubric r;
    struct rubric_input in[4];
    struct rubric_score s;
    struct strbuf sb = STRBUF_INIT;
    build(&r, "2.1");                         /* 2.1 knows only ≥ 98 → 60 */
    inputs((double[4]){1, 97, 99, 0}, in);
    ck_assert_int_eq(rubric_score(&r, in, "900", &s), ST_OK);
    ck_assert_int_eq(s.verdict, RUBRIC_PASS);  /* 99 falls in the known band */
    rubric_score_free(&s);
    inputs((double[4]){1, 97, 95, 0}, in);    /* 95: its band is unknown */
    ck_assert_int_eq(rubric_score(&r, in, "850", &s), ST_OK);
    ck_assert_int_eq(s.verdict, RUBRIC_NO_SCALE);
    ck_assert(s.partial);
    ck_assert_double_eq_tol(s.total, 150, 1e-9);  /* 100 + ? + 50 */
    ck_assert_uint_eq(s.nwhy, 1);
    ck_assert_int_eq(s.why[0].criterion, 2);
    ck_assert_int_eq(s.ind[2].state, RUBRIC_IND_NO_SCALE);
    ck_assert(s.crit[1].scale_missing && !s.crit[0].scale_missing);
    ck_assert(rubric_verdict_text(&s, &sb));
    ck_assert_str_eq(strbuf_str(&sb), "no verdict yet: no scale yet for criterion 2; "
                                      "partial total 150");
    rubric_score_free(&s);
    /* the officer completes the scale: the verdict appears */
    struct rubric_indicator *ind = rubric_find_indicator(&r, "2.1");
    struct rubric_band b = make_band(">=90", "<98", 40);
    ck_assert_int_eq(rubric_band_put(ind, &b), ST_OK);
    ind->bands_known = true;
    ck_assert_int_eq(rubric_score(&r, in, "850", &s), ST_OK);
    ck_assert_int_eq(s.verdict, RUBRIC_PASS);
    ck_assert_double_eq_tol(s.total, 190, 1e-9);
    ck_assert(!s.partial);
    rubric_score_free(&s);
    strbuf_free(&sb);
    rubric_free(&r);
}
END_TEST

START_TEST(test_criterion_without_indicators_and_grouping)
{
    struct rubric r;
    struct rubric_input in[4];
    struct rubric_score s;
    struct strbuf sb = STRBUF_INIT;
    build(&r, "2.1");
    ck_assert_ptr_nonnull(rubric_criterion_add(&r, 4, "Vi phạm pháp luật"));
    inputs((double[4]){1, 97, 95, 0}, in);
    ck_assert_int_eq(rubric_score(&r, in, "850", &s), ST_OK);
    ck_assert_int_eq(s.verdict, RUBRIC_NO_SCALE);
    ck_assert_uint_eq(s.nwhy, 2);
    ck_assert(rubric_verdict_text(&s, &sb));
    ck_assert_ptr_nonnull(strstr(strbuf_str(&sb), "no scale yet for criteria 2, 4"));
    rubric_score_free(&s);
    strbuf_free(&sb);
    rubric_free(&r);
}
END_TEST

START_TEST(test_cap_at_maximum)
{
    struct rubric r;
    struct rubric_input in[4];
    struct rubric_score s;
    build(&r, NULL);
    rubric_find_criterion(&r, 1)->max_points = 60;  /* 50 + 50 would be 100 */
    inputs((double[4]){1, 97, 99, 0}, in);
    ck_assert_int_eq(rubric_score(&r, in, "800", &s), ST_OK);
    ck_assert_double_eq(s.crit[0].raw, 100);
    ck_assert_double_eq(s.crit[0].points, 60);
    ck_assert(s.crit[0].capped && !s.crit[1].capped);
    ck_assert_double_eq_tol(s.total, 170, 1e-9);
    rubric_score_free(&s);
    rubric_free(&r);
}
END_TEST

static const struct {
    double prev[4], cur[4];
    bool have_prev;
    enum rubric_trend trend[3];
} compare_cases[] = {
    {{1, 94.9, 99, 0}, {1, 97, 95, 0}, true, {RUBRIC_ROSE, RUBRIC_FELL, RUBRIC_SAME}},
    {{1, 94.9, NAN, 0}, {1, 97, 95, 2}, true, {RUBRIC_ROSE, RUBRIC_UNKNOWN, RUBRIC_FELL}},
    {{0}, {1, 97, 95, 0}, false, {RUBRIC_UNKNOWN, RUBRIC_UNKNOWN, RUBRIC_UNKNOWN}},
};

START_TEST(test_compare)
{
    struct rubric r;
    struct rubric_input a[4], b[4];
    struct rubric_score prev, cur;
    struct rubric_change *ch;
    size_t n;
    build(&r, NULL);
    inputs(compare_cases[_i].prev, a);
    inputs(compare_cases[_i].cur, b);
    ck_assert_int_eq(rubric_score(&r, a, "850", &prev), ST_OK);
    ck_assert_int_eq(rubric_score(&r, b, "850", &cur), ST_OK);
    ck_assert_int_eq(rubric_compare(compare_cases[_i].have_prev ? &prev : NULL, &cur, &ch, &n), ST_OK);
    ck_assert_uint_eq(n, 3);
    for (int k = 0; k < 3; k++) {
        ck_assert_int_eq(ch[k].number, k + 1);
        ck_assert_msg(ch[k].trend == compare_cases[_i].trend[k], "case %d criterion %d", _i, k + 1);
    }
    if (compare_cases[_i].have_prev) {
        ck_assert_double_eq(ch[0].prev, 80);
        ck_assert_double_eq(ch[0].cur, 100);
    }
    free(ch);
    rubric_score_free(&prev);
    rubric_score_free(&cur);
    rubric_free(&r);
}
END_TEST

START_TEST(test_indicator_points_states)
{
    struct rubric r;
    build(&r, "1.2");
    struct rubric_input none = {false, 0}, low = {true, 50}, high = {true, 96};
    struct rubric_ind_score s = rubric_indicator_points(&r.ind[1], &none);
    ck_assert(s.state == RUBRIC_IND_NO_SCALE && s.value_missing);
    s = rubric_indicator_points(&r.ind[1], &low);
    ck_assert(s.state == RUBRIC_IND_NO_SCALE && !s.value_missing);
    s = rubric_indicator_points(&r.ind[1], &high);
    ck_assert(s.state == RUBRIC_IND_SCORED && s.points == 50 && s.band);
    s = rubric_indicator_points(&r.ind[2], &none);     /* complete scale, no value */
    ck_assert(s.state == RUBRIC_IND_NO_VALUE);
    struct rubric_input neg = {true, -5};              /* outside a full scale: 0 */
    s = rubric_indicator_points(&r.ind[2], &neg);
    ck_assert(s.state == RUBRIC_IND_SCORED && s.points == 0 && !s.band);
    rubric_free(&r);
}
END_TEST

Suite *suite_rubric_score(void)
{
    return test_suite((struct test_spec){"rubric_score", "score",
                       .tests = TEST_LIST(test_reason_texts, test_no_zero_rule_off,
                                          test_missing_band_blocks_then_edit_gives_verdict,
                                          test_criterion_without_indicators_and_grouping, test_cap_at_maximum,
                                          test_indicator_points_states),
                       .loops = LOOP_LIST(TEST_ROWS(test_verdicts, cases),
                                          TEST_ROWS(test_compare, compare_cases))}, NULL);
}
