/* test_plan — model/plan: validation of plans, targets and events, target
 * evaluation, moving dates by a year, labels; criteria lists (model/task). */
#include <config.h>
#include "tests.h"
#include "treem/model/plan.h"
#include "treem/model/task.h"
#include "treem/core/i18n.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static struct date D(int y, int m, int d) { return (struct date){y, m, d}; }

/* A valid plan; cases change one field. */
static struct plan good_plan(void)
{
    return (struct plan){.number = "90/KH-UBND", .issued_on = {2025, 3, 9}, .issuer = "UBND",
                         .year = 2025, .title = "Kế hoạch năm 2025", .upstream = "",
                         .purpose = "", .requirements = "", .budget = "",
                         .report_half = {2025, 5, 15}, .report_year = {2025, 11, 15}};
}

static void plan_case(int i, struct plan *p, const char **field)
{
    switch (i) {
    case 0: p->title = ""; *field = "plan title"; break;
    case 1: p->title = "   \t"; *field = "plan title"; break;
    case 2: p->title = NULL; *field = "plan title"; break;
    case 3: p->year = 1899; *field = "plan year"; break;
    case 4: p->year = 3000; *field = "plan year"; break;
    case 5: p->issued_on = D(2025, 2, 29); *field = "plan date"; break;
    case 6: p->report_half = D(2025, 13, 1); *field = "6-month report deadline"; break;
    case 7: p->report_year = D(2025, 4, 31); *field = "annual report deadline"; break;
    case 8: p->report_half = D(2025, 12, 1); *field = "6-month report deadline"; break;
    case 9: p->title = "\xff\xfe"; *field = "plan title"; break;
    default: p->number = "12345678901234567890123456789012345678901234567890123456789012345";
             *field = "plan number"; break;
    }
}

START_TEST(plan_bad_input)
{
    struct plan p = good_plan();
    const char *field = NULL;
    plan_case(_i, &p, &field);
    ck_assert_int_eq(plan_validate(&p), ST_INVALID);
    /* The message starts with the field's name. */
    test_message_starts(field);
}
END_TEST

START_TEST(plan_good_input)
{
    struct plan p = good_plan();
    ck_assert_int_eq(plan_validate(&p), ST_OK);
    p.issued_on = p.report_half = p.report_year = PLAN_NO_DATE; /* dates are optional */
    p.number = NULL;
    ck_assert_int_eq(plan_validate(&p), ST_OK);
    p.report_half = p.report_year = D(2025, 11, 15); /* equal deadlines are allowed */
    ck_assert_int_eq(plan_validate(&p), ST_OK);
}
END_TEST

static const struct {
    const char *text;
    double value;
    enum plan_unit unit;
    bool typed;
    double typed_value;
    const char *source;
    const char *field;  /* NULL: valid */
} target_cases[] = {
    {"100 % khai sinh", 100, PLAN_UNIT_PERCENT, false, 0, NULL, NULL},
    {"0 %", 0, PLAN_UNIT_PERCENT, false, 0, NULL, NULL},
    {"2 hoạt động", 2, PLAN_UNIT_COUNT, false, 0, NULL, NULL},
    {"", 100, PLAN_UNIT_PERCENT, false, 0, NULL, "target text"},
    {"x", 100.5, PLAN_UNIT_PERCENT, false, 0, NULL, "target value"},
    {"x", -0.1, PLAN_UNIT_PERCENT, false, 0, NULL, "target value"},
    {"x", -1, PLAN_UNIT_COUNT, false, 0, NULL, "target value"},
    {"x", 2.5, PLAN_UNIT_COUNT, false, 0, NULL, "target value"},
    {"x", 9, PLAN_UNIT_PERCENT, true, 8.5, "Báo cáo Trạm Y tế", NULL},
    {"x", 9, PLAN_UNIT_PERCENT, true, 101, "Báo cáo", "measured value"},
    {"x", 9, PLAN_UNIT_PERCENT, true, 8.5, "", "source of the value"},
    {"x", 9, PLAN_UNIT_PERCENT, true, 8.5, NULL, "source of the value"},
    {"x", 2, PLAN_UNIT_COUNT, true, 1.5, "Báo cáo", "measured value"},
};

START_TEST(target_validation)
{
    struct plan_target t = {.text = (char *)target_cases[_i].text,
                            .value = target_cases[_i].value, .unit = target_cases[_i].unit,
                            .direction = PLAN_AT_LEAST, .has_typed = target_cases[_i].typed,
                            .typed_value = target_cases[_i].typed_value,
                            .typed_source = (char *)target_cases[_i].source};
    const char *field = target_cases[_i].field;
    enum status st = plan_target_validate(&t);
    if (!field) {
        ck_assert_msg(st == ST_OK, "case %d: %s", _i, status_message());
    } else {
        ck_assert_int_eq(st, ST_INVALID);
        test_message_starts(field);
    }
}
END_TEST

START_TEST(target_nan_refused)
{
    struct plan_target t = {.text = "x", .value = NAN, .unit = PLAN_UNIT_PERCENT};
    ck_assert_int_eq(plan_target_validate(&t), ST_INVALID);
}
END_TEST

static const struct {
    enum plan_direction dir;
    double target, measured;
    bool have;
    enum target_result want;
} eval_cases[] = {
    {PLAN_AT_LEAST, 100, 100, true, TARGET_MET},       /* edge: equal meets */
    {PLAN_AT_LEAST, 100, 99.9, true, TARGET_NOT_MET},
    {PLAN_AT_LEAST, 98, 98.5, true, TARGET_MET},
    {PLAN_AT_LEAST, 98, 97.99999999999, true, TARGET_MET}, /* rounding noise */
    {PLAN_AT_MOST, 9, 9, true, TARGET_MET},            /* edge: equal meets */
    {PLAN_AT_MOST, 9, 8.6, true, TARGET_MET},
    {PLAN_AT_MOST, 9, 9.1, true, TARGET_NOT_MET},
    {PLAN_AT_MOST, 0, 0, true, TARGET_MET},
    {PLAN_AT_MOST, 0, 1, true, TARGET_NOT_MET},
    {PLAN_AT_LEAST, 2, 1, true, TARGET_NOT_MET},
    {PLAN_AT_LEAST, 100, 100, false, TARGET_UNKNOWN},  /* no measured value */
    {PLAN_AT_MOST, 9, 0, false, TARGET_UNKNOWN},
};

START_TEST(target_evaluation)
{
    struct plan_target t = {.text = "x", .value = eval_cases[_i].target, .unit = PLAN_UNIT_PERCENT,
                            .direction = eval_cases[_i].dir};
    ck_assert_int_eq(plan_target_evaluate(&t, eval_cases[_i].have, eval_cases[_i].measured),
                     eval_cases[_i].want);
}
END_TEST

static const struct { struct date in; int years; struct date want; } shift_cases[] = {
    {{2025, 6, 1}, 1, {2026, 6, 1}},
    {{2024, 2, 29}, 1, {2025, 2, 28}},   /* leap day into a common year */
    {{2023, 2, 28}, 1, {2024, 2, 28}},   /* stays 28, not 29 */
    {{2025, 12, 31}, 1, {2026, 12, 31}},
    {{2024, 2, 29}, 4, {2028, 2, 29}},   /* leap to leap keeps the 29th */
    {{0, 0, 0}, 1, {0, 0, 0}},           /* unset stays unset */
};

START_TEST(shift_year)
{
    struct date got = plan_shift_year(shift_cases[_i].in, shift_cases[_i].years);
    ck_assert_int_eq(date_cmp(got, shift_cases[_i].want), 0);
    ck_assert_int_eq(got.y, shift_cases[_i].want.y);
}
END_TEST

START_TEST(event_validation)
{
    struct plan_event e = {.name = "Tháng hành động vì trẻ em", .start_on = D(2025, 6, 1),
                           .end_on = D(2025, 6, 30), .kind = PLAN_EVENT_CAMPAIGN};
    ck_assert_int_eq(plan_event_validate(&e), ST_OK);
    e.end_on = D(2025, 5, 31);
    ck_assert_int_eq(plan_event_validate(&e), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "event end date"));
    e.end_on = PLAN_NO_DATE;
    e.start_on = PLAN_NO_DATE;
    ck_assert_int_eq(plan_event_validate(&e), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "event date"));
    e.start_on = D(2025, 6, 1);
    e.name = " ";
    ck_assert_int_eq(plan_event_validate(&e), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "event name"));
}
END_TEST

START_TEST(parse_date_names_field)
{
    struct date d = D(1, 1, 1);
    ck_assert_int_eq(plan_parse_date("due date", "", &d), ST_OK);
    ck_assert(!plan_date_set(d));
    ck_assert_int_eq(plan_parse_date("due date", "15/11/2025", &d), ST_OK);
    ck_assert_int_eq(date_cmp(d, D(2025, 11, 15)), 0);
    ck_assert_int_eq(plan_parse_date("due date", "31/02/2025", &d), ST_INVALID);
    test_message_starts("due date: ");
}
END_TEST

START_TEST(codes_round_trip)
{
    enum plan_unit u;
    enum plan_direction dir;
    enum plan_event_kind k;
    ck_assert(plan_unit_parse("count", &u) && u == PLAN_UNIT_COUNT);
    ck_assert(plan_unit_parse("%", &u) && u == PLAN_UNIT_PERCENT);
    ck_assert(!plan_unit_parse("percentage", &u));
    ck_assert(plan_direction_parse("at-most", &dir) && dir == PLAN_AT_MOST);
    ck_assert(plan_direction_parse("at_least", &dir) && dir == PLAN_AT_LEAST);
    ck_assert(!plan_direction_parse("at", &dir));
    ck_assert(plan_event_kind_parse(plan_event_kind_code(PLAN_EVENT_DEADLINE), &k) &&
              k == PLAN_EVENT_DEADLINE);
    char buf[64];
    plan_label("90/KH-UBND", 2025, buf, sizeof buf);
    ck_assert_str_eq(buf, "90/KH-UBND (2025)");
    plan_label("", 2026, buf, sizeof buf);
    ck_assert_str_eq(buf, "Plan of 2026");
    plan_format_value(8.5, PLAN_UNIT_PERCENT, buf, sizeof buf);
    ck_assert_str_eq(buf, "8.5 %");
    plan_format_value(2, PLAN_UNIT_COUNT, buf, sizeof buf);
    ck_assert_str_eq(buf, "2");
}
END_TEST

static const struct { const char *in, *want; } crit_cases[] = {
    {"3,4,5.1", "3,4,5.1"},
    {" 3 ; 4  5.1 ", "3,4,5.1"},
    {"1,6,13", "1,6,13"},
    {"5.2,7,7,8", "5.2,7,8"},
    {"", ""},
    {"14", NULL},
    {"0", NULL},
    {"5.", NULL},
    {"5.0", NULL},
    {"a", NULL},
    {"3,x", NULL},
};

START_TEST(criteria_normalize)
{
    char *out = NULL;
    enum status st = task_criteria_normalize(crit_cases[_i].in, &out);
    if (crit_cases[_i].want) {
        ck_assert_msg(st == ST_OK, "%s: %s", crit_cases[_i].in, status_message());
        ck_assert_str_eq(out, crit_cases[_i].want);
    } else {
        ck_assert_int_eq(st, ST_INVALID);
        test_message_starts("criteria:");
    }
    free(out);
}
END_TEST

static const struct { const char *list, *want; bool match; } match_cases[] = {
    {"3,4,5.1", "5.1", true},
    {"3,4,5.1", "5", true},     /* a part serves the whole criterion */
    {"3,4,5.1", "5.2", false},
    {"5", "5.2", true},         /* the whole criterion serves each part */
    {"1,13", "1", true},
    {"13", "1", false},         /* 13 is not 1 */
    {"1", "13", false},
    {"", "1", false},
    {"5.12", "5.1", false},
};

START_TEST(criteria_match)
{
    ck_assert_msg(task_criteria_match(match_cases[_i].list, match_cases[_i].want) ==
                  match_cases[_i].match, "%s ∋ %s", match_cases[_i].list, match_cases[_i].want);
}
END_TEST

Suite *suite_plan(void)
{
    return test_suite((struct test_spec){"plan", "model",
                       .tests = TEST_LIST(plan_good_input, target_nan_refused, event_validation,
                                          parse_date_names_field, codes_round_trip),
                       .loops = LOOP_LIST({plan_bad_input, 0, 11}, TEST_ROWS(target_validation, target_cases),
                                          TEST_ROWS(target_evaluation, eval_cases), TEST_ROWS(shift_year, shift_cases),
                                          TEST_ROWS(criteria_normalize, crit_cases),
                                          TEST_ROWS(criteria_match, match_cases))}, NULL);
}
