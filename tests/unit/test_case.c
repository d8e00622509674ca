/* test_case — model/case and case_rules: deadlines computed from the dates
 * (12 hours across midnight, 5 working days across a weekend and across Tết
 * with the shipped holidays, 2 working days, 15 days), the stage derived
 * from the steps, and the refusals that name their field. */
#include <config.h>
#include "tests.h"
#include "treem/app/catalog.h"
#include "treem/model/case_rules.h"

#include <stdlib.h>
#include <string.h>

static struct date D(int y, int m, int d) { return (struct date){y, m, d}; }
static struct datetime DT(int y, int m, int d, int hh, int mm)
{
    return (struct datetime){{y, m, d}, hh, mm};
}

static const struct { struct datetime in, want; } hours12[] = {
    {{{2026, 3, 15}, 20, 30}, {{2026, 3, 16}, 8, 30}},   /* across midnight */
    {{{2025, 12, 31}, 18, 0}, {{2026, 1, 1}, 6, 0}},     /* across the new year */
    {{{2024, 2, 28}, 23, 59}, {{2024, 2, 29}, 11, 59}},  /* a leap day */
    {{{2026, 3, 16}, 9, 0}, {{2026, 3, 16}, 21, 0}},     /* the same day */
};

START_TEST(case_emergency_12_hours)
{
    struct datetime got = case_emergency_deadline(hours12[_i].in);
    ck_assert_int_eq(date_cmp(got.date, hours12[_i].want.date), 0);
    ck_assert_int_eq(got.hour, hours12[_i].want.hour);
    ck_assert_int_eq(got.min, hours12[_i].want.min);
}
END_TEST

START_TEST(case_working_day_deadlines)
{
    struct db *db = test_db_new(true);
    struct holidays h = {0};
    ck_assert_int_eq(catalog_holidays(db, &h), ST_OK);
    /* Thursday 05/03/2026: the weekend is skipped → Thursday 12/03. */
    ck_assert_int_eq(date_cmp(case_plan_deadline(D(2026, 3, 5), &h), D(2026, 3, 12)), 0);
    /* Friday 13/02/2026, Tết 16–20/02/2026 → Friday 27/02 (20/02 without holidays). */
    ck_assert_int_eq(date_cmp(case_plan_deadline(D(2026, 2, 13), &h), D(2026, 2, 27)), 0);
    ck_assert_int_eq(date_cmp(case_plan_deadline(D(2026, 2, 13), NULL), D(2026, 2, 20)), 0);
    /* Approval: 2 working days after Friday 06/03/2026 → Tuesday 10/03. */
    ck_assert_int_eq(date_cmp(case_approval_deadline(D(2026, 3, 6), &h), D(2026, 3, 10)), 0);
    /* … and after Thursday 12/02/2026, over the weekend and Tết → Monday 23/02. */
    ck_assert_int_eq(date_cmp(case_approval_deadline(D(2026, 2, 12), &h), D(2026, 2, 23)), 0);
    /* Separation: 15 calendar days, holidays or not (February has 28 days). */
    ck_assert_int_eq(date_cmp(case_separation_deadline(D(2026, 2, 20)), D(2026, 3, 7)), 0);
    ck_assert_int_eq(date_cmp(case_separation_deadline(D(2024, 2, 20)), D(2024, 3, 6)), 0);
    holidays_free(&h);
    test_db_free(db);
}
END_TEST

static struct case_step step(int kind, struct datetime at)
{
    struct case_step s;
    case_step_init(&s, kind);
    s.at = at;
    if (kind == CASE_STEP_INITIAL)
        s.emergency = 0;
    return s;
}

START_TEST(case_stage_derived)
{
    struct datetime t = DT(2026, 3, 2, 8, 0);
    struct case_step s[] = {
        step(CASE_STEP_INITIAL, t), step(CASE_STEP_MEETING, t), step(CASE_STEP_DETAILED, t),
        step(CASE_STEP_PLAN, t), step(CASE_STEP_APPROVAL, t), step(CASE_STEP_SERVICE, t),
        step(CASE_STEP_PLAN, t), step(CASE_STEP_APPROVAL, t), step(CASE_STEP_CLOSURE, t),
        step(CASE_STEP_REOPEN, t),
    };
    const int want[] = {CASE_STAGE_INTAKE, CASE_STAGE_ASSESSMENT, CASE_STAGE_ASSESSMENT,
                        CASE_STAGE_PLANNING, CASE_STAGE_APPROVAL, CASE_STAGE_CARRYING,
                        CASE_STAGE_CARRYING, CASE_STAGE_APPROVAL, CASE_STAGE_CARRYING,
                        CASE_STAGE_CLOSED, CASE_STAGE_ASSESSMENT};
    for (size_t n = 0; n <= sizeof s / sizeof *s; n++)
        ck_assert_msg((int)case_stage(s, n) == want[n], "after %zu steps: %d", n, case_stage(s, n));
    /* An approval with no plan waiting does not move the stage. */
    struct case_step odd[] = {step(CASE_STEP_INITIAL, t), step(CASE_STEP_APPROVAL, t)};
    ck_assert_int_eq(case_stage(odd, 2), CASE_STAGE_ASSESSMENT);
}
END_TEST

static struct case_file intake(void)
{
    struct case_file c;
    case_file_init(&c);
    c.source = CASE_SRC_PHONE;
    c.kind = CASE_KIND_VIOLENCE;
    c.level = CASE_LEVEL_SUPPORT;
    c.received = DT(2026, 3, 13, 22, 0);   /* Friday night */
    return c;
}

START_TEST(case_open_items_and_urgency)
{
    struct case_file c = intake();
    struct case_open_item it[CASE_OPEN_MAX];
    size_t n;
    /* the initial assessment has no 12-hour deadline of its own (the 12
     * hours follow an assessment that found danger: test_law.c) */
    case_open_items(&c, NULL, 0, NULL, DT(2026, 3, 14, 5, 0), it, &n);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(it[0].step, CASE_STEP_PLAN);
    ck_assert_int_eq(date_cmp(it[0].due.date, D(2026, 3, 20)), 0);
    ck_assert_int_eq(it[0].urgency, CASE_LATER);
    struct case_step s[] = {step(CASE_STEP_INITIAL, DT(2026, 3, 14, 8, 0)),
                            step(CASE_STEP_PLAN, DT(2026, 3, 16, 9, 0)),
                            step(CASE_STEP_SEPARATION, DT(2026, 3, 14, 9, 0))};
    case_open_items(&c, s, 3, NULL, DT(2026, 3, 17, 9, 0), it, &n);
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(it[0].step, CASE_STEP_APPROVAL);
    ck_assert_int_eq(date_cmp(it[0].due.date, D(2026, 3, 18)), 0);
    ck_assert_int_eq(it[0].urgency, CASE_SOON);
    ck_assert_int_eq(it[1].step, CASE_STEP_SEPARATION);
    ck_assert_int_eq(date_cmp(it[1].due.date, D(2026, 3, 29)), 0);
    s[2].end = DT(2026, 3, 20, 9, 0);
    case_open_items(&c, s, 3, NULL, DT(2026, 3, 19, 9, 0), it, &n);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(it[0].urgency, CASE_OVERDUE);
}
END_TEST

START_TEST(case_refusals_name_the_field)
{
    struct case_file c = intake();
    struct datetime now = DT(2026, 3, 16, 9, 0);
    struct case_step done[] = {step(CASE_STEP_INITIAL, DT(2026, 3, 14, 8, 0)),
                               step(CASE_STEP_DETAILED, DT(2026, 3, 14, 9, 0)),
                               step(CASE_STEP_PLAN, DT(2026, 3, 15, 10, 0))};
    struct case_step s;
    const char *want;
    switch (_i) {
    case 0: s = step(CASE_STEP_INITIAL, DT(2026, 3, 13, 21, 59)); want = "step date: before the intake"; break;
    case 1: s = step(CASE_STEP_APPROVAL, DT(2026, 3, 15, 9, 0)); want = "approval: dated before the plan"; break;
    case 2: s = step(CASE_STEP_SEPARATION, DT(2026, 3, 15, 12, 0));
            s.end = DT(2026, 3, 15, 11, 0); want = "end: the end is before the start"; break;
    case 3: s = step(CASE_STEP_INITIAL, DT(2026, 3, 14, 25, 0)); want = "step date: not a valid"; break;
    case 4: s = step(CASE_STEP_INITIAL, DT(2026, 3, 17, 9, 0)); want = "step date: a step cannot"; break;
    case 5: s = step(CASE_STEP_DETAILED, DT(2026, 3, 14, 9, 0)); s.emergency = 1; want = "emergency:"; break;
    default: s = step(CASE_STEP_REOPEN, DT(2026, 3, 15, 9, 0)); want = "step: only a closed"; break;
    }
    ck_assert_int_eq(case_step_validate(&c, done, 3, &s, now), ST_INVALID);
    test_message_starts(want);
    /* The same step dated correctly passes. */
    struct case_step ok = step(CASE_STEP_APPROVAL, DT(2026, 3, 15, 10, 0));
    ck_assert_int_eq(case_step_validate(&c, done, 3, &ok, now), ST_OK);
}
END_TEST

START_TEST(case_intake_refusals)
{
    struct datetime now = DT(2026, 3, 16, 9, 0), t;
    ck_assert_int_eq(case_parse_datetime("received", "16/03/2026", "25:00", false, &t), ST_INVALID);
    test_message_starts("received: ");
    ck_assert_int_eq(case_parse_datetime("received", "16/03/2026", "", false, &t), ST_INVALID);
    ck_assert_int_eq(case_parse_datetime("received", "16/03/2026", "7:05", false, &t), ST_OK);
    ck_assert_int_eq(t.hour * 100 + t.min, 705);
    struct case_file c = intake();
    ck_assert_int_eq(case_validate(&c, now), ST_OK);
    c.reporter_name = "Lê Văn A";
    ck_assert_int_eq(case_validate(&c, now), ST_INVALID);
    test_message_starts("reporter:");
    c.consent = true;
    ck_assert_int_eq(case_validate(&c, now), ST_OK);
    c.kind = CASE_KIND_INJURY;
    ck_assert_int_eq(case_validate(&c, now), ST_INVALID);
    test_message_starts("injury cause:");
    c.injury = CASE_INJ_DROWNING;
    ck_assert_int_eq(case_validate(&c, now), ST_OK);
    c.received = DT(2026, 3, 16, 9, 1);
    ck_assert_int_eq(case_validate(&c, now), ST_INVALID);
    test_message_starts("received:");
    struct case_service v = {0, 0, "Tư vấn", 0, {2026, 3, 10}, {2026, 3, 9}, -1, NULL};
    ck_assert_int_eq(case_service_validate(&v), ST_INVALID);
    test_message_starts("end:");
    ck_assert(case_may_see_child_name(ROLE_OFFICER));
    ck_assert(!case_may_see_child_name(ROLE_COLLABORATOR));
    ck_assert(!case_may_see_child_name(ROLE_VIEWER));
}
END_TEST

Suite *suite_case(void)
{
    return test_suite((struct test_spec){"case", "rules",
                       .tests = TEST_LIST(case_working_day_deadlines, case_stage_derived,
                                          case_open_items_and_urgency, case_intake_refusals),
                       .loops = LOOP_LIST(TEST_ROWS(case_emergency_12_hours, hours12),
                                          {case_refusals_name_the_field, 0, 7})}, NULL);
}
