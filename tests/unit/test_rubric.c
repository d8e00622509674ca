/* test_rubric — bands (edges, overlaps), bound and number parsing,
 * validation and band editing of model/rubric and model/rubric_text. */
#include <config.h>
#include "tests.h"
#include "treem/model/rubric.h"
#include "treem/model/rubric_text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A band written the way the rubric CSV writes it. */
static struct rubric_band band(const char *from, const char *to, double points)
{
    struct rubric_band b = {.lo_incl = true, .hi_incl = true, .points = points};
    ck_assert_int_eq(rubric_text_parse_bound(from, false, "from", &b), ST_OK);
    ck_assert_int_eq(rubric_text_parse_bound(to, true, "to", &b), ST_OK);
    return b;
}

static const struct {
    const char *from, *to;
    double value;
    bool inside;
} edge_cases[] = {
    {">=95", "", 95.0, true},          /* exactly 95 % reaches the band */
    {">=95", "", 94.9, false},         /* 94.9 % does not */
    {">=95", "", 94.99999999999, true},/* a computed 95 with rounding noise */
    {">=95", "", 94.999, false},
    {">95", "", 95.0, false},          /* exclusive lower bound */
    {">95", "", 95.01, true},
    {">=90", "<95", 95.0, false},      /* exclusive upper bound */
    {">=90", "<95", 94.9, true},
    {">=90", "<95", 90.0, true},
    {">=90", "<=95", 95.0, true},
    {"", "<=2", 0.0, true},            /* open below */
    {"", "<=2", 2.5, false},
    {">=1", "<=1", 1.0, true},         /* yes */
    {">=1", "<=1", 0.0, false},
    {"100", "", 100.0, true},          /* a bare number is inclusive */
};

START_TEST(test_band_edges)
{
    struct rubric_band b = band(edge_cases[_i].from, edge_cases[_i].to, 10);
    ck_assert_msg(rubric_band_contains(&b, edge_cases[_i].value) == edge_cases[_i].inside,
                  "case %d: %s %s with %.12g", _i, edge_cases[_i].from, edge_cases[_i].to,
                  edge_cases[_i].value);
}
END_TEST

static const struct {
    const char *a_from, *a_to, *b_from, *b_to;
    bool overlap;
} overlap_cases[] = {
    {">=90", "<95", ">=95", "", false},
    {">=90", "<=95", ">=95", "", true},
    {">=90", "<95", ">95", "", false},
    {"", "<90", ">=80", "<=85", true},
    {">=0", "<=0", ">=1", "<=1", false},
    {">=0", "<=1", ">=1", "<=1", true},
    {"", "", ">=5", "<=6", true},
};

START_TEST(test_band_overlap)
{
    struct rubric_band a = band(overlap_cases[_i].a_from, overlap_cases[_i].a_to, 1);
    struct rubric_band b = band(overlap_cases[_i].b_from, overlap_cases[_i].b_to, 1);
    ck_assert_int_eq(rubric_bands_overlap(&a, &b), overlap_cases[_i].overlap);
    ck_assert_int_eq(rubric_bands_overlap(&b, &a), overlap_cases[_i].overlap);
}
END_TEST

static const struct {
    const char *text;
    bool upper;
    enum status st;
    bool has, incl;
    double v;
} bound_cases[] = {
    {">=95", false, ST_OK, true, true, 95},
    {"> 95", false, ST_OK, true, false, 95},
    {"≥94,5", false, ST_OK, true, true, 94.5},
    {"95", false, ST_OK, true, true, 95},
    {"", false, ST_OK, false, true, 0},
    {"<100", true, ST_OK, true, false, 100},
    {"≤ 100", true, ST_OK, true, true, 100},
    {"<95", false, ST_INVALID, false, false, 0},   /* an upper bound given as lower */
    {">=5", true, ST_INVALID, false, false, 0},
    {">=abc", false, ST_INVALID, false, false, 0},
    {">=1e3", false, ST_INVALID, false, false, 0},
};

START_TEST(test_bound_parse)
{
    struct rubric_band b = {0};
    enum status st = rubric_text_parse_bound(bound_cases[_i].text, bound_cases[_i].upper, "tu", &b);
    ck_assert_int_eq(st, bound_cases[_i].st);
    if (st != ST_OK) {
        ck_assert_ptr_nonnull(strstr(status_message(), "tu"));
        return;
    }
    bool has = bound_cases[_i].upper ? b.has_hi : b.has_lo;
    ck_assert_int_eq(has, bound_cases[_i].has);
    if (!has)
        return;
    ck_assert_int_eq(bound_cases[_i].upper ? b.hi_incl : b.lo_incl, bound_cases[_i].incl);
    ck_assert_double_eq_tol(bound_cases[_i].upper ? b.hi : b.lo, bound_cases[_i].v, 1e-12);
    /* and back: formatting then parsing gives the same bound */
    char buf[48];
    struct rubric_band again = {0};
    rubric_text_bound(&b, bound_cases[_i].upper, buf, sizeof buf);
    ck_assert_int_eq(rubric_text_parse_bound(buf, bound_cases[_i].upper, "x", &again), ST_OK);
    ck_assert_int_eq(bound_cases[_i].upper ? again.hi_incl : again.lo_incl, bound_cases[_i].incl);
    ck_assert_double_eq_tol(bound_cases[_i].upper ? again.hi : again.lo, bound_cases[_i].v, 1e-12);
}
END_TEST

static const struct {
    const char *text;
    bool ok;
    double v;
} number_cases[] = {
    {"97", true, 97}, {"94,9", true, 94.9}, {" 97.5 % ", true, 97.5}, {"1,5‰", true, 1.5},
    {"", false, 0}, {"abc", false, 0}, {"1e3", false, 0}, {"0x10", false, 0}, {"nan", false, 0},
    {"9 7", false, 0},
};

START_TEST(test_number_parse)
{
    double v = -1;
    ck_assert_int_eq(rubric_text_parse_number(number_cases[_i].text, &v), number_cases[_i].ok);
    if (number_cases[_i].ok)
        ck_assert_double_eq_tol(v, number_cases[_i].v, 1e-12);
}
END_TEST

static const struct {
    double v;
    const char *text;
} num_cases[] = {{812, "812"}, {97.5, "97.5"}, {95.238095, "95.24"}, {0, "0"}, {-0.001, "0"}};

START_TEST(test_num_text)
{
    char buf[RUBRIC_TEXT_NUM_BUF];
    rubric_text_num(num_cases[_i].v, buf);
    ck_assert_str_eq(buf, num_cases[_i].text);
}
END_TEST

/* One criterion, one rate indicator 6.1 with the given bands. */
static void small_rubric(struct rubric *r)
{
    *r = (struct rubric)RUBRIC_INIT;
    ck_assert(rubric_str_set(&r->name, "test"));
    ck_assert_ptr_nonnull(rubric_criterion_add(r, 6, "HCĐB"));
    struct rubric_indicator *ind = rubric_indicator_add(r, 6, "6.1");
    ck_assert_ptr_nonnull(ind);
    ind->kind = RUBRIC_RATE;
}

START_TEST(test_band_put_replace_and_refuse)
{
    struct rubric r;
    small_rubric(&r);
    struct rubric_indicator *ind = &r.ind[0];
    struct rubric_band b = band(">=95", "", 50);
    b.source = "QĐ 06";
    ck_assert_int_eq(rubric_band_put(ind, &b), ST_OK);
    b.points = 45;
    ck_assert_int_eq(rubric_band_put(ind, &b), ST_OK);      /* same interval: replaced */
    ck_assert_uint_eq(ind->nbands, 1);
    ck_assert_double_eq(ind->bands[0].points, 45);
    ck_assert_str_eq(ind->bands[0].source, "QĐ 06");
    struct rubric_band over = band(">=90", "<=95", 40);
    ck_assert_int_eq(rubric_band_put(ind, &over), ST_INVALID);  /* 95 is in both */
    ck_assert_ptr_nonnull(strstr(status_message(), "6.1"));
    struct rubric_band below = band(">=90", "<95", 40);
    ck_assert_int_eq(rubric_band_put(ind, &below), ST_OK);
    ck_assert_uint_eq(ind->nbands, 2);
    ck_assert_int_eq(rubric_band_remove(ind, &b), ST_OK);
    ck_assert_int_eq(rubric_band_remove(ind, &b), ST_NOTFOUND);
    ck_assert_uint_eq(ind->nbands, 1);
    rubric_free(&r);
}
END_TEST

static const struct {
    const char *from, *to;
    double points;
    enum rubric_kind kind;
    bool ok;
} check_cases[] = {
    {">=95", "<=90", 10, RUBRIC_RATE, false},   /* lower above upper */
    {">95", "<=95", 10, RUBRIC_RATE, false},    /* empty interval */
    {">=95", "", -1, RUBRIC_RATE, false},       /* negative points */
    {">=2", "<=2", 10, RUBRIC_YES_NO, false},   /* yes/no is 0 or 1 */
    {">=1", "<=1", 10, RUBRIC_YES_NO, true},
    {">=95", "<=95", 10, RUBRIC_RATE, true},
};

START_TEST(test_band_check)
{
    struct rubric r;
    small_rubric(&r);
    r.ind[0].kind = check_cases[_i].kind;
    struct rubric_band b = band(check_cases[_i].from, check_cases[_i].to, check_cases[_i].points);
    ck_assert_int_eq(rubric_band_check(&r.ind[0], &b) == ST_OK, check_cases[_i].ok);
    rubric_free(&r);
}
END_TEST

START_TEST(test_validate)
{
    struct rubric r;
    small_rubric(&r);
    ck_assert_int_eq(rubric_validate(&r), ST_OK);
    ck_assert_ptr_null(rubric_criterion_add(&r, 6, "again"));
    ck_assert_int_eq(status_last(), ST_EXISTS);
    ck_assert_ptr_null(rubric_indicator_add(&r, 6, "6.1"));
    struct rubric_indicator *orphan = rubric_indicator_add(&r, 7, "7.1");
    ck_assert_ptr_nonnull(orphan);
    ck_assert_int_eq(rubric_validate(&r), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "7.1"));
    ck_assert_ptr_nonnull(rubric_criterion_add(&r, 7, "Tiêm chủng"));
    ck_assert_int_eq(rubric_validate(&r), ST_OK);
    /* overlapping bands added behind the editor's back are caught */
    *rubric_band_add(&r.ind[0]) = band(">=90", "", 10);  /* each add may move the array */
    *rubric_band_add(&r.ind[0]) = band(">=95", "", 20);
    ck_assert_int_eq(rubric_validate(&r), ST_INVALID);
    struct rubric copy;
    ck_assert_int_eq(rubric_copy(&copy, &r), ST_OK);
    ck_assert_uint_eq(copy.nind, r.nind);
    ck_assert_uint_eq(copy.ind[0].nbands, 2);
    ck_assert_ptr_ne(copy.ind[0].code, r.ind[0].code);
    rubric_free(&copy);
    rubric_free(&r);
    ck_assert_ptr_null(r.name);
}
END_TEST

START_TEST(test_kinds_and_summary)
{
    enum rubric_kind k;
    ck_assert(rubric_kind_parse("ty_le", &k) && k == RUBRIC_RATE);
    ck_assert(rubric_kind_parse("yes_no", &k) && k == RUBRIC_YES_NO);
    ck_assert(!rubric_kind_parse("percent", &k));
    struct rubric r;
    small_rubric(&r);
    struct rubric_band b = band(">=95", "", 50);
    ck_assert_int_eq(rubric_band_put(&r.ind[0], &b), ST_OK);
    char *s = rubric_text_bands(&r.ind[0]);
    ck_assert_str_eq(s, "[95; ∞) → 50; …");
    free(s);
    r.ind[0].bands_known = true;
    s = rubric_text_bands(&r.ind[0]);
    ck_assert_str_eq(s, "[95; ∞) → 50");
    free(s);
    rubric_free(&r);
}
END_TEST

Suite *suite_rubric(void)
{
    return test_suite((struct test_spec){"rubric", "bands",
                       .tests = TEST_LIST(test_band_put_replace_and_refuse, test_validate,
                                          test_kinds_and_summary),
                       .loops = LOOP_LIST(TEST_ROWS(test_band_edges, edge_cases),
                                          TEST_ROWS(test_band_overlap, overlap_cases),
                                          TEST_ROWS(test_bound_parse, bound_cases),
                                          TEST_ROWS(test_number_parse, number_cases),
                                          TEST_ROWS(test_num_text, num_cases),
                                          TEST_ROWS(test_band_check, check_cases))}, NULL);
}
