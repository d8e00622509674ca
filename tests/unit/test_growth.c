/* test_growth — WHO 2006 malnutrition classification against the shipped
 * reference values. */
#include <config.h>
#include "tests.h"
#include "treem/app/who_tables.h"
#include "treem/model/enums.h"

#include <math.h>

static struct growth_ref ref;

static void setup(void)
{
    ck_assert_msg(who_tables_load(&ref) == ST_OK, "%s", status_message());
}

static void teardown(void)
{
    growth_ref_free(&ref);
}

START_TEST(tables_load_whole)
{
    ck_assert_uint_eq(ref.t[GROWTH_WFA_BOYS].n, 61);
    ck_assert_uint_eq(ref.t[GROWTH_WFA_GIRLS].n, 61);
    ck_assert_uint_eq(ref.t[GROWTH_LHFA_BOYS_0_2].n, 25);
    ck_assert_uint_eq(ref.t[GROWTH_LHFA_GIRLS_2_5].n, 37);
    const struct growth_point *p = growth_point_at(&ref.t[GROWTH_WFA_BOYS], 12);
    ck_assert_ptr_nonnull(p);
    ck_assert_double_eq_tol(p->sd2neg, 7.7, 1e-9);
    ck_assert_ptr_null(growth_point_at(&ref.t[GROWTH_LHFA_BOYS_2_5], 12));
}
END_TEST

/* sex, months, weight, height → expected weight-for-age and height-for-age status. */
static const struct {
    int sex, months;
    double kg, cm;
    enum growth_status under, stunt;
} cases[] = {
    {CHILD_SEX_MALE, 12, 7.6, 0, GROWTH_MODERATE, GROWTH_NOT_ASSESSED},   /* SD2neg 7.7 */
    {CHILD_SEX_MALE, 12, 7.8, 0, GROWTH_NORMAL, GROWTH_NOT_ASSESSED},
    {CHILD_SEX_MALE, 12, 7.7, 0, GROWTH_NORMAL, GROWTH_NOT_ASSESSED},     /* at −2 SD is not below */
    {CHILD_SEX_MALE, 12, 6.8, 0, GROWTH_SEVERE, GROWTH_NOT_ASSESSED},     /* SD3neg 6.9 */
    {CHILD_SEX_FEMALE, 12, 6.9, 0, GROWTH_MODERATE, GROWTH_NOT_ASSESSED}, /* girls' SD2neg 7.0 */
    {CHILD_SEX_FEMALE, 12, 7.0, 68.8, GROWTH_NORMAL, GROWTH_MODERATE},    /* length SD2neg 68.9 */
    {CHILD_SEX_FEMALE, 60, 13.6, 0, GROWTH_MODERATE, GROWTH_NOT_ASSESSED},
    {CHILD_SEX_MALE, 23, 0, 80.9, GROWTH_NOT_ASSESSED, GROWTH_MODERATE},  /* 0–2 table: SD2neg 81.0 */
    {CHILD_SEX_MALE, 24, 0, 81.3, GROWTH_NOT_ASSESSED, GROWTH_NORMAL},    /* 2–5 table: 81.0 (0–2 says 81.7) */
    {CHILD_SEX_MALE, 24, 0, 80.9, GROWTH_NOT_ASSESSED, GROWTH_MODERATE},
    {CHILD_SEX_UNKNOWN, 12, 5.0, 60, GROWTH_NOT_ASSESSED, GROWTH_NOT_ASSESSED},
    {CHILD_SEX_MALE, 61, 5.0, 60, GROWTH_NOT_ASSESSED, GROWTH_NOT_ASSESSED},
    {CHILD_SEX_MALE, -1, 5.0, 60, GROWTH_NOT_ASSESSED, GROWTH_NOT_ASSESSED},
};

START_TEST(classification)
{
    struct growth_result r = growth_assess(&ref, cases[_i].sex, cases[_i].months, cases[_i].kg, cases[_i].cm);
    ck_assert_msg(r.underweight == cases[_i].under, "case %d: underweight %d", _i, r.underweight);
    ck_assert_msg(r.stunting == cases[_i].stunt, "case %d: stunting %d", _i, r.stunting);
}
END_TEST

START_TEST(z_scores_from_lms)
{
    struct growth_result r = growth_assess(&ref, CHILD_SEX_MALE, 12, 9.6479, 0);
    ck_assert_double_eq_tol(r.waz, 0.0, 1e-6);          /* the median */
    r = growth_assess(&ref, CHILD_SEX_MALE, 12, 7.7, 0);
    ck_assert_double_eq_tol(r.waz, -2.0, 0.1);          /* the tabulated −2 SD */
    r = growth_assess(&ref, CHILD_SEX_FEMALE, 12, 0, 68.9);
    ck_assert_double_eq_tol(r.haz, (68.9 / 74.015 - 1) / 0.03479, 1e-6);
    r = growth_assess(&ref, CHILD_SEX_FEMALE, 12, 0, 81.7);
    ck_assert_double_eq_tol(r.haz, 3.0, 0.05);
    /* beyond −3 SD weight uses the restricted rule: still monotonic, below −3 */
    struct growth_result a = growth_assess(&ref, CHILD_SEX_MALE, 12, 6.5, 0);
    struct growth_result b = growth_assess(&ref, CHILD_SEX_MALE, 12, 6.0, 0);
    ck_assert(a.waz < -3.0 && b.waz < a.waz);
    ck_assert(isfinite(b.waz));
}
END_TEST

START_TEST(labels)
{
    ck_assert(growth_is_low(GROWTH_MODERATE) && growth_is_low(GROWTH_SEVERE));
    ck_assert(!growth_is_low(GROWTH_NORMAL) && !growth_is_low(GROWTH_NOT_ASSESSED));
    ck_assert_str_eq(growth_status_label(GROWTH_MODERATE), "below -2 SD");
    ck_assert_str_eq(growth_status_label(GROWTH_NOT_ASSESSED), "");
}
END_TEST

Suite *suite_growth(void)
{
    return test_suite((struct test_spec){"growth", "who2006", setup, teardown,
                       .tests = TEST_LIST(tables_load_whole, z_scores_from_lms, labels),
                       .loops = LOOP_LIST(TEST_ROWS(classification, cases))}, NULL);
}
