/* test_cases — app/cases on a fresh database: an intake linked to a child,
 * steps moving the stored stage, refusals saving nothing, the due list with
 * the overdue step first, the home counts, names hidden by role, the
 * reporter never in lists nor in the audit log, deletion audited. */
#include <config.h>
#include "tests.h"
#include "treem/app/cases.h"
#include "treem/app/children.h"

#include <stdlib.h>
#include <string.h>

static const struct datetime NOW = {{2026, 3, 16}, 9, 0};

static struct db *db;
static long long child; /* Nguyễn Thị Đào, TE-0001 */

static void setup(void)
{
    test_today_2026();
    db = test_db_new(true);
    child = test_add_child(db, "Nguyễn Thị Đào", (struct date){2018, 3, 15});
}

static void teardown(void)
{
    test_db_free(db);
    test_today_end();
}

static long long add_case(long long child_id, struct datetime received,
                          const char *reporter, bool consent)
{
    struct case_file c = test_intake(CASE_SRC_111, CASE_KIND_VIOLENCE, received);
    c.child_id = child_id;
    c.consent = consent;
    c.reporter_name = reporter ? strdup(reporter) : NULL;
    c.reporter_phone = strdup("");
    enum status st = cases_add(db, &c);
    long long id = st == ST_OK ? c.id : 0;
    case_file_free(&c);
    return id;
}

/* A step; an initial assessment finds serious danger. */
static enum status add_step(long long id, int kind, struct datetime at)
{
    return test_try_step(db, id, kind, at, true, NULL, NULL, NULL);
}

static int stage_of(long long id)
{
    struct case_file c;
    ck_assert_int_eq(case_repo_get(db, id, &c), ST_OK);
    int stage = c.stage;
    case_file_free(&c);
    return stage;
}

START_TEST(cases_steps_move_the_stage)
{
    long long id = add_case(child, (struct datetime){{2026, 3, 13}, 22, 0}, NULL, false);
    ck_assert_int_gt(id, 0);
    ck_assert_int_eq(stage_of(id), CASE_STAGE_INTAKE);
    ck_assert_int_eq(add_step(id, CASE_STEP_INITIAL, (struct datetime){{2026, 3, 14}, 6, 0}), ST_OK);
    ck_assert_int_eq(stage_of(id), CASE_STAGE_ASSESSMENT);
    /* An approval with no plan, a step before the intake: refused, nothing saved. */
    ck_assert_int_eq(add_step(id, CASE_STEP_APPROVAL, (struct datetime){{2026, 3, 14}, 7, 0}), ST_INVALID);
    ck_assert_int_eq(add_step(id, CASE_STEP_DETAILED, (struct datetime){{2026, 3, 13}, 21, 0}), ST_INVALID);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM case_step"), 1);
    ck_assert_int_eq(add_step(id, CASE_STEP_DETAILED, (struct datetime){{2026, 3, 15}, 7, 0}), ST_OK);
    ck_assert_int_eq(add_step(id, CASE_STEP_PLAN, (struct datetime){{2026, 3, 15}, 8, 0}), ST_OK);
    ck_assert_int_eq(stage_of(id), CASE_STAGE_APPROVAL);
    ck_assert_int_eq(add_step(id, CASE_STEP_APPROVAL, (struct datetime){{2026, 3, 16}, 8, 0}), ST_OK);
    ck_assert_int_eq(stage_of(id), CASE_STAGE_CARRYING);
    ck_assert_int_ge(test_query_int(db, "SELECT count(*) FROM audit_log WHERE entity = 'case_step'"), 3);
    ck_assert_int_ge(test_query_int(db, "SELECT count(*) FROM audit_log WHERE entity = 'case' "
                                        "AND field = 'stage'"), 3);
}
END_TEST

START_TEST(cases_due_overdue_first)
{
    long long fresh = add_case(child, (struct datetime){{2026, 3, 16}, 7, 0}, NULL, false);
    long long old = add_case(0, (struct datetime){{2026, 3, 2}, 8, 0}, NULL, false);
    ck_assert_int_eq(add_step(old, CASE_STEP_INITIAL, (struct datetime){{2026, 3, 2}, 10, 0}), ST_OK);
    struct case_due *due = NULL;
    size_t n = 0;
    ck_assert_int_eq(cases_due(db, NOW, &due, &n), ST_OK);
    /* old: the emergency action (danger found, 12 hours from the intake:
     * 02/03 20:00) and the plan (09/03); fresh: the plan (20/03) */
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(due[0].case_id, old);
    ck_assert_int_eq(due[0].item.urgency, CASE_OVERDUE);
    ck_assert(due[0].item.emergency);
    ck_assert_int_eq(due[0].item.due.hour, 20);
    ck_assert_int_eq(due[1].case_id, old);
    ck_assert_int_eq(due[1].item.step, CASE_STEP_PLAN);
    ck_assert_int_eq(due[1].item.urgency, CASE_OVERDUE);
    ck_assert_int_eq(due[2].case_id, fresh);
    ck_assert_int_eq(due[2].item.step, CASE_STEP_PLAN);
    ck_assert_int_eq(due[2].item.urgency, CASE_LATER);
    free(due);
    long open = 0, overdue = 0;
    ck_assert_int_eq(cases_counts(db, NOW, &open, &overdue), ST_OK);
    ck_assert_int_eq(open, 2);
    ck_assert_int_eq(overdue, 2);            /* old's emergency action and plan */
    struct case_filter f;
    case_filter_init(&f);
    struct case_line *lines = NULL;
    ck_assert_int_eq(cases_list(db, &f, true, NOW, &lines, &n), ST_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(lines[0].row.id, old);
    free(lines);
}
END_TEST

START_TEST(cases_confidential)
{
    /* Without consent the reporter's name is refused; with it, kept but never audited. */
    ck_assert_int_eq(add_case(child, NOW, "Lê Văn Tố", false), 0);
    long long id = add_case(child, NOW, "Lê Văn Tố", true);
    ck_assert_int_gt(id, 0);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM case_file WHERE reporter_phone "
                                        "IS NULL OR reporter_phone = ''"), 1);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit_log WHERE "
                                        "coalesce(new_value, '') LIKE '%Tố%'"), 0);
    struct case_filter f;
    case_filter_init(&f);
    struct case_line *lines = NULL;
    size_t n = 0;
    ck_assert_int_eq(cases_list(db, &f, false, NOW, &lines, &n), ST_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(lines[0].child_shown, "Nguyễn Thị Đào");
    free(lines);
    ck_assert_int_eq(db_setting_set(db, "role", "collaborator"), ST_OK);
    ck_assert_int_eq(cases_role(db), ROLE_COLLABORATOR);
    ck_assert_int_eq(cases_list(db, &f, false, NOW, &lines, &n), ST_OK);
    ck_assert_str_eq(lines[0].child_shown, "TE-0001");
    free(lines);
    ck_assert_int_eq(db_setting_set(db, "role", "nonsense"), ST_OK);
    ck_assert_int_eq(cases_role(db), ROLE_VIEWER);
    /* Deleting is audited with the code. */
    ck_assert_int_eq(cases_delete(db, id), ST_OK);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM case_file"), 0);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit_log WHERE entity = 'case' "
                                        "AND action = 'delete' AND old_value LIKE 'VV-0001 %'"), 1);
}
END_TEST

Suite *suite_cases(void)
{
    return test_suite((struct test_spec){"cases", "app", setup, teardown,
                       .tests = TEST_LIST(cases_steps_move_the_stage, cases_due_overdue_first,
                                          cases_confidential)}, NULL);
}
