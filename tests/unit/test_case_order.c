/* test_case_order — the order of case steps (Nghị định 56/2017 Điều 25–32,
 * model/case_rules): what may come next at each stage, the reason of a
 * refusal, a reopened case starting a new cycle, and the check of a whole
 * sequence naming the first step out of order. */
#include <config.h>
#include "tests.h"
#include "treem/model/case_rules.h"

#include <string.h>

static struct datetime DT(int y, int m, int d, int hh, int mm)
{
    return (struct datetime){{y, m, d}, hh, mm};
}

static struct case_step step(int kind, int day)
{
    struct case_step s;
    case_step_init(&s, kind);
    s.at = DT(2026, 3, day, 10, 0);
    s.id = day;
    if (kind == CASE_STEP_INITIAL)
        s.emergency = 0;
    return s;
}

static bool allowed(const struct case_step *steps, size_t n, int kind)
{
    return case_step_order_reason(steps, n, kind) == NULL;
}

START_TEST(order_first_the_initial_assessment)
{
    /* Nothing done: the initial assessment only (Đánh giá cụ thể before any
     * Đánh giá ban đầu is the mistake of the issue). */
    int next[CASE_STEP__COUNT];
    ck_assert_uint_eq(case_next_kinds(NULL, 0, next), 1);
    ck_assert_int_eq(next[0], CASE_STEP_INITIAL);
    const char *why = case_step_order_reason(NULL, 0, CASE_STEP_DETAILED);
    ck_assert_ptr_nonnull(why);
    ck_assert_msg(strstr(why, "initial assessment"), "%s", why);
    ck_assert(!allowed(NULL, 0, CASE_STEP_PLAN));
    ck_assert(!allowed(NULL, 0, CASE_STEP_MEETING));
    ck_assert(!allowed(NULL, 0, CASE_STEP_SEPARATION));
}
END_TEST

START_TEST(order_through_a_cycle)
{
    struct case_step s[] = {step(CASE_STEP_INITIAL, 1), step(CASE_STEP_DETAILED, 2),
                            step(CASE_STEP_PLAN, 3), step(CASE_STEP_APPROVAL, 4),
                            step(CASE_STEP_SERVICE, 5), step(CASE_STEP_CLOSURE, 6)};
    /* After the initial assessment: detailed, separation or closure; never a
     * second initial assessment, a meeting, a plan or a service. */
    ck_assert(allowed(s, 1, CASE_STEP_DETAILED));
    ck_assert(allowed(s, 1, CASE_STEP_SEPARATION));
    ck_assert(allowed(s, 1, CASE_STEP_CLOSURE));
    ck_assert(!allowed(s, 1, CASE_STEP_INITIAL));
    ck_assert(!allowed(s, 1, CASE_STEP_MEETING));
    ck_assert(!allowed(s, 1, CASE_STEP_PLAN));
    ck_assert(!allowed(s, 1, CASE_STEP_SERVICE));
    /* After the detailed assessment: the meeting and the plan. */
    ck_assert(allowed(s, 2, CASE_STEP_MEETING));
    ck_assert(allowed(s, 2, CASE_STEP_PLAN));
    ck_assert(!allowed(s, 2, CASE_STEP_APPROVAL));
    /* A plan waits: its approval, not a second plan, not a service. */
    ck_assert(allowed(s, 3, CASE_STEP_APPROVAL));
    ck_assert(!allowed(s, 3, CASE_STEP_PLAN));
    ck_assert(!allowed(s, 3, CASE_STEP_MEETING));
    ck_assert(!allowed(s, 3, CASE_STEP_DETAILED));
    ck_assert(!allowed(s, 3, CASE_STEP_SERVICE));
    /* Approved: services, follow-ups, reviews, a new plan, closure. */
    ck_assert(allowed(s, 4, CASE_STEP_SERVICE));
    ck_assert(allowed(s, 4, CASE_STEP_FOLLOW_UP));
    ck_assert(allowed(s, 4, CASE_STEP_REVIEW));
    ck_assert(allowed(s, 4, CASE_STEP_PLAN));
    ck_assert(!allowed(s, 4, CASE_STEP_APPROVAL));
    ck_assert(!allowed(s, 4, CASE_STEP_REOPEN));
    /* Closed: only a reopen. */
    int next[CASE_STEP__COUNT];
    ck_assert_uint_eq(case_next_kinds(s, 6, next), 1);
    ck_assert_int_eq(next[0], CASE_STEP_REOPEN);
}
END_TEST

START_TEST(order_emergency_action_before_the_plan)
{
    /* An initial assessment that found serious danger calls for the
     * emergency action within 12 hours (NĐ 56 Điều 26, 31): a service may
     * follow it at once; once done, services wait for the approved plan. */
    struct case_step s[] = {step(CASE_STEP_INITIAL, 1), step(CASE_STEP_SERVICE, 2)};
    s[0].emergency = 1;
    ck_assert(allowed(s, 1, CASE_STEP_SERVICE));
    ck_assert(!allowed(s, 2, CASE_STEP_SERVICE));
    ck_assert(allowed(s, 2, CASE_STEP_DETAILED));
    s[0].emergency = 0;
    ck_assert(!allowed(s, 1, CASE_STEP_SERVICE));
}
END_TEST

START_TEST(order_reopen_starts_a_new_cycle)
{
    struct case_step s[] = {step(CASE_STEP_INITIAL, 1), step(CASE_STEP_DETAILED, 2),
                            step(CASE_STEP_CLOSURE, 3), step(CASE_STEP_REOPEN, 4),
                            step(CASE_STEP_DETAILED, 5)};
    /* Reopened: a new detailed assessment first — no plan, no meeting (the
     * detailed assessment of the old cycle does not count), no new initial
     * assessment. */
    ck_assert(!allowed(s, 4, CASE_STEP_PLAN));
    ck_assert(!allowed(s, 4, CASE_STEP_MEETING));
    ck_assert(!allowed(s, 4, CASE_STEP_INITIAL));
    ck_assert(allowed(s, 4, CASE_STEP_DETAILED));
    ck_assert_int_eq(case_stage(s, 4), CASE_STAGE_ASSESSMENT);
    ck_assert(allowed(s, 5, CASE_STEP_PLAN));
    ck_assert(allowed(s, 5, CASE_STEP_MEETING));
}
END_TEST

START_TEST(order_validate_names_the_reason)
{
    struct case_file c;
    case_file_init(&c);
    c.received = DT(2026, 3, 1, 8, 0);
    struct case_step d = step(CASE_STEP_DETAILED, 2);
    ck_assert_int_eq(case_step_validate(&c, NULL, 0, &d, DT(2026, 3, 16, 9, 0)), ST_INVALID);
    test_message_starts("step: Detailed assessment cannot come here");
}
END_TEST

START_TEST(order_whole_sequence)
{
    struct case_file c;
    case_file_init(&c);
    c.received = DT(2026, 3, 1, 8, 0);
    struct case_step s[] = {step(CASE_STEP_PLAN, 3), step(CASE_STEP_INITIAL, 1),
                            step(CASE_STEP_DETAILED, 2)};
    case_steps_sort(s, 3);
    ck_assert_int_eq(s[0].kind, CASE_STEP_INITIAL);
    ck_assert_int_eq(s[2].kind, CASE_STEP_PLAN);
    size_t bad = 99;
    ck_assert_int_eq(case_steps_check(&c, s, 3, DT(2026, 3, 16, 9, 0), &bad), ST_OK);
    ck_assert_uint_eq(bad, 3);
    /* Without the detailed assessment the plan is out of order. */
    ck_assert_int_eq(case_steps_check(&c, s, 1, DT(2026, 3, 16, 9, 0), &bad), ST_OK);
    s[1] = s[2];
    ck_assert_int_eq(case_steps_check(&c, s, 2, DT(2026, 3, 16, 9, 0), &bad), ST_INVALID);
    ck_assert_uint_eq(bad, 1);
    /* A new step (id 0) comes after the saved ones of the same minute. */
    struct case_step t[] = {step(CASE_STEP_DETAILED, 2), step(CASE_STEP_MEETING, 2)};
    t[0].id = 0;
    case_steps_sort(t, 2);
    ck_assert_int_eq(t[0].kind, CASE_STEP_MEETING);
}
END_TEST

Suite *suite_case_order(void)
{
    return test_suite((struct test_spec){"case_order", "order",
                       .tests = TEST_LIST(order_first_the_initial_assessment, order_through_a_cycle,
                                          order_emergency_action_before_the_plan,
                                          order_reopen_starts_a_new_cycle, order_validate_names_the_reason,
                                          order_whole_sequence)}, NULL);
}
