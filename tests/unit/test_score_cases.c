/* test_score_cases — the case measures of the score sheet on a hand-made
 * register: 4 children, cases of several kinds in and out of the year. The
 * expected figures are worked out here. */
#include <config.h>
#include "tests.h"
#include "treem/app/cases.h"
#include "treem/app/children.h"
#include "treem/app/score_cases.h"

#include <stdlib.h>
#include <string.h>

static struct db *db;

static void setup(void)
{
    setenv("TREEM_TODAY", "2026-03-16 09:00", 1);
    db = test_db_new(true);
    static const char *const names[] = {"Lê Văn An", "Lê Thị Bình", "Trần Văn Cường", "Trần Thị Dung"};
    for (int i = 0; i < 4; i++) {
        struct child c;
        child_init(&c);
        c.full_name = strdup(names[i]);
        c.birth_date = (struct date){2015 + i, 1 + i, 10};
        c.sex = i % 2 ? CHILD_SEX_FEMALE : CHILD_SEX_MALE;
        struct children_save_opts force = {true, NULL, 0};
        ck_assert_msg(children_save(db, &c, &force, NULL, NULL) == ST_OK, "%s", status_message());
        child_free(&c);
    }
}

static void teardown(void)
{
    test_db_free(db);
    unsetenv("TREEM_TODAY");
}

static long long add_case(int kind, int injury, struct datetime received)
{
    struct case_file c = test_intake(CASE_SRC_PHONE, kind, received);
    c.injury = injury;
    c.reporter_phone = strdup("");
    return test_save_case(db, &c);
}

static void step(long long id, int kind, struct datetime at)
{
    test_add_step(db, id, kind, at, NULL, NULL);
}

static double measure(enum measure m, enum status want) { return test_measure_2026(db, m, want); }

START_TEST(counts_and_rates)
{
    /* no case kept at all: no false zero */
    measure(MEASURE_ABUSE_CASES, ST_NOTFOUND);
    add_case(CASE_KIND_VIOLENCE, CASE_INJ_NONE, (struct datetime){{2026, 1, 5}, 8, 0});
    add_case(CASE_KIND_SEXUAL, CASE_INJ_NONE, (struct datetime){{2026, 2, 5}, 8, 0});
    add_case(CASE_KIND_VIOLENCE, CASE_INJ_NONE, (struct datetime){{2025, 12, 30}, 8, 0}); /* last year */
    add_case(CASE_KIND_INJURY, CASE_INJ_DROWNING, (struct datetime){{2026, 3, 1}, 8, 0});
    /* unlawful child labour is exploitation, which is abuse (Luật Trẻ em Điều 4) */
    add_case(CASE_KIND_LABOUR, CASE_INJ_NONE, (struct datetime){{2026, 3, 2}, 8, 0});
    ck_assert_double_eq(measure(MEASURE_ABUSE_CASES, ST_OK), 3.0);
    ck_assert_double_eq(measure(MEASURE_INJURY_CASES, ST_OK), 1.0);
    /* 4 children under 16 on 16/03/2026; 3 unidentified children (one a
     * case) → 750 per 1,000, 1 → 250 */
    ck_assert_double_eq_tol(measure(MEASURE_ABUSE_RATE, ST_OK), 750.0, 1e-9);
    ck_assert_double_eq_tol(measure(MEASURE_INJURY_RATE, ST_OK), 250.0, 1e-9);
    measure(MEASURE_BIRTH_REG_ON_TIME, ST_NOTFOUND); /* not a case measure */
}
END_TEST

START_TEST(grave_cases_with_an_approved_plan)
{
    measure(MEASURE_SEVERE_PLANNED, ST_NOTFOUND); /* none: nothing to share */
    long long a = add_case(CASE_KIND_SEXUAL, CASE_INJ_NONE, (struct datetime){{2026, 3, 1}, 8, 0});
    add_case(CASE_KIND_TRAFFICK, CASE_INJ_NONE, (struct datetime){{2026, 3, 2}, 8, 0});
    add_case(CASE_KIND_VIOLENCE, CASE_INJ_NONE, (struct datetime){{2026, 3, 3}, 8, 0}); /* not grave */
    ck_assert_double_eq(measure(MEASURE_SEVERE_PLANNED, ST_OK), 0.0);
    step(a, CASE_STEP_INITIAL, (struct datetime){{2026, 3, 1}, 10, 0});
    step(a, CASE_STEP_DETAILED, (struct datetime){{2026, 3, 2}, 10, 0});
    step(a, CASE_STEP_PLAN, (struct datetime){{2026, 3, 3}, 10, 0});
    step(a, CASE_STEP_APPROVAL, (struct datetime){{2026, 3, 4}, 10, 0});
    ck_assert_double_eq_tol(measure(MEASURE_SEVERE_PLANNED, ST_OK), 50.0, 1e-9);
}
END_TEST

Suite *suite_score_cases(void)
{
    return test_suite((struct test_spec){"score_cases", "measures", setup, teardown,
                       .tests = TEST_LIST(counts_and_rates, grave_cases_with_an_approved_plan)}, NULL);
}
