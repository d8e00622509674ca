/* test_task — model/task: validation (each bad input names its field) and
 * the status derived from the dates. */
#include <config.h>
#include "tests.h"
#include "treem/model/plan.h"
#include "treem/model/task.h"

#include <string.h>

static struct date D(int y, int m, int d) { return (struct date){y, m, d}; }

static struct task good_task(void)
{
    return (struct task){.plan_id = 1, .department_id = 3, .text = "Tổ chức Diễn đàn trẻ em",
                         .criteria = "11", .start_on = {2025, 5, 15}, .due_on = {2025, 6, 30},
                         .evidence = ""};
}

static void task_case(int i, struct task *t, const char **field)
{
    switch (i) {
    case 0: t->text = ""; *field = "task text"; break;
    case 1: t->text = NULL; *field = "task text"; break;
    case 2: t->department_id = 0; *field = "department"; break;
    case 3: t->plan_id = 0; *field = "plan"; break;
    case 4: t->due_on = PLAN_NO_DATE; *field = "due date"; break;
    case 5: t->due_on = D(2025, 5, 1); *field = "due date"; break;  /* before the start */
    case 6: t->due_on = D(2025, 2, 30); *field = "due date"; break;
    case 7: t->start_on = D(2025, 0, 10); *field = "start date"; break;
    case 8: t->done = true; *field = "done date"; break;               /* done without date */
    case 9: t->done_on = D(2025, 6, 1); *field = "done date"; break;   /* date but not done */
    case 10: t->done = true; t->done_on = D(2025, 6, 31); *field = "done date"; break;
    case 11: t->criteria = "3,15"; *field = "criteria"; break;
    default: t->text = "\xc3\x28"; *field = "task text"; break;
    }
}

START_TEST(task_bad_input)
{
    struct task t = good_task();
    const char *field = NULL;
    task_case(_i, &t, &field);
    ck_assert_int_eq(task_validate(&t), ST_INVALID);
    test_message_starts(field);
}
END_TEST

START_TEST(task_good_input)
{
    struct task t = good_task();
    ck_assert_int_eq(task_validate(&t), ST_OK);
    t.start_on = PLAN_NO_DATE;           /* no start: fine */
    ck_assert_int_eq(task_validate(&t), ST_OK);
    t.start_on = t.due_on;               /* a one-day task */
    ck_assert_int_eq(task_validate(&t), ST_OK);
    t.done = true;
    t.done_on = D(2025, 7, 3);           /* finished late is still valid */
    ck_assert_int_eq(task_validate(&t), ST_OK);
}
END_TEST

/* start 15/05/2025, due 30/06/2025 */
static const struct {
    struct date today;
    bool done;
    struct date done_on;
    enum task_status want;
} status_cases[] = {
    {{2025, 5, 14}, false, {0, 0, 0}, TASK_NOT_STARTED},  /* day before the start */
    {{2025, 5, 15}, false, {0, 0, 0}, TASK_IN_PROGRESS},  /* the start day */
    {{2025, 6, 10}, false, {0, 0, 0}, TASK_IN_PROGRESS},
    {{2025, 6, 30}, false, {0, 0, 0}, TASK_IN_PROGRESS},  /* due today: not yet overdue */
    {{2025, 7, 1}, false, {0, 0, 0}, TASK_OVERDUE},       /* the day after the due date */
    {{2026, 1, 1}, false, {0, 0, 0}, TASK_OVERDUE},
    {{2025, 6, 10}, true, {2025, 6, 9}, TASK_DONE},
    {{2025, 7, 20}, true, {2025, 7, 15}, TASK_DONE},      /* done late stays done */
    {{2025, 5, 1}, true, {2025, 5, 1}, TASK_DONE},        /* done before the start */
};

START_TEST(task_status)
{
    struct task t = good_task();
    t.done = status_cases[_i].done;
    t.done_on = status_cases[_i].done_on;
    ck_assert_int_eq(task_status_on(&t, status_cases[_i].today), status_cases[_i].want);
}
END_TEST

START_TEST(task_status_without_start)
{
    struct task t = good_task();
    t.start_on = PLAN_NO_DATE;
    ck_assert_int_eq(task_status_on(&t, D(2024, 1, 1)), TASK_IN_PROGRESS);
    ck_assert_int_eq(task_status_on(&t, D(2025, 7, 1)), TASK_OVERDUE);
}
END_TEST

START_TEST(task_late_and_codes)
{
    struct task t = good_task();
    ck_assert(!task_done_late(&t));
    t.done = true;
    t.done_on = D(2025, 6, 30);
    ck_assert(!task_done_late(&t));
    t.done_on = D(2025, 7, 1);
    ck_assert(task_done_late(&t));
    ck_assert_str_eq(task_status_code(TASK_OVERDUE), "overdue");
    ck_assert_str_eq(task_status_code(TASK_NOT_STARTED), "not_started");
    ck_assert_str_eq(task_status_label(TASK_IN_PROGRESS), "in progress");
}
END_TEST

START_TEST(note_validation)
{
    struct task_note n = {.task_id = 1, .noted_on = {2025, 6, 1}, .text = "Đã họp"};
    ck_assert_int_eq(task_note_validate(&n), ST_OK);
    n.text = "  ";
    ck_assert_int_eq(task_note_validate(&n), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "note"));
    n.text = "x";
    n.noted_on = PLAN_NO_DATE;
    ck_assert_int_eq(task_note_validate(&n), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "note date"));
}
END_TEST

Suite *suite_task(void)
{
    return test_suite((struct test_spec){"task", "model",
                       .tests = TEST_LIST(task_good_input, task_status_without_start, task_late_and_codes,
                                          note_validation),
                       .loops = LOOP_LIST({task_bad_input, 0, 13}, TEST_ROWS(task_status, status_cases))}, NULL);
}
