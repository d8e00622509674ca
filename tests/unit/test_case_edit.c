/* test_case_edit — app/case_edit on a fresh database: the intake edited
 * with one audit line per field holding the old value, a step edited and
 * deleted (the audit log keeps it whole), a change that would leave a later
 * step out of order refused with the reason, a deleted step bringing its
 * deadline back, and the kinds offered at a place of the timeline. */
#include <config.h>
#include "tests.h"
#include "treem/app/case_edit.h"

#include <stdlib.h>
#include <string.h>

static const struct datetime NOW = {{2026, 3, 16}, 9, 0};

static struct db *db;
static long long id; /* a case received on 10/03/2026 at Thôn Một */

static void setup(void)
{
    test_today_2026();
    db = test_db_new(true);
    struct case_file c = test_intake(CASE_SRC_111, CASE_KIND_VIOLENCE, (struct datetime){{2026, 3, 10}, 8, 0});
    c.level = CASE_LEVEL_INTERVENTION; /* Luật Trẻ em Điều 50 */
    c.place = strdup("Thôn Một");
    id = test_save_case(db, &c);
}

static void teardown(void)
{
    test_db_free(db);
    test_today_end();
}

/* A step of kind on the case at hour on day/03/2026; its id. */
static long long add(int kind, int day, int hour)
{
    return test_add_step(db, id, kind, (struct datetime){{2026, 3, day}, hour, 0}, NULL, "ghi chú cũ");
}

START_TEST(edit_the_intake_keeps_the_old_values)
{
    struct case_file c;
    ck_assert_int_eq(case_repo_get(db, id, &c), ST_OK);
    free(c.place);
    c.place = strdup("  Thôn Hai ");
    c.level = CASE_LEVEL_SUPPORT; /* lower than the kind's: with its reason */
    free(c.level_reason);
    c.level_reason = strdup("gia đình đã tự bảo vệ được trẻ");
    ck_assert_msg(case_edit_intake(db, &c) == ST_OK, "%s", status_message());
    case_file_free(&c);
    ck_assert_int_eq(case_repo_get(db, id, &c), ST_OK);
    ck_assert_str_eq(c.place, "Thôn Hai");
    ck_assert_int_eq(c.level, CASE_LEVEL_SUPPORT);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit_log WHERE entity = 'case' AND "
                                        "action = 'change' AND old_value = 'Thôn Một' AND "
                                        "new_value = 'Thôn Hai'"), 1);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit_log WHERE entity = 'case' AND "
                                        "old_value = 'intervention' AND new_value = 'support'"), 1);
    /* A step dated 11/03: the intake cannot move after it. */
    add(CASE_STEP_INITIAL, 11, 8);
    c.received = (struct datetime){{2026, 3, 12}, 8, 0};
    ck_assert_int_eq(case_edit_intake(db, &c), ST_INVALID);
    test_message_starts("received: step #");
    /* A stale copy is refused. */
    c.received = (struct datetime){{2026, 3, 9}, 8, 0};
    c.rev--;
    ck_assert_int_eq(case_edit_intake(db, &c), ST_CONFLICT);
    case_file_free(&c);
}
END_TEST

START_TEST(edit_a_step)
{
    long long ini = add(CASE_STEP_INITIAL, 10, 18);
    long long det = add(CASE_STEP_DETAILED, 11, 8);
    struct case_step s;
    ck_assert_int_eq(case_edit_get_step(db, id, det, &s), ST_OK);
    free(s.notes);
    s.notes = strdup("ghi chú mới");
    s.at = (struct datetime){{2026, 3, 12}, 9, 30};
    ck_assert_msg(case_edit_step(db, &s, false, NULL, 0, NULL, 0) == ST_OK, "%s", status_message());
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit_log WHERE entity = 'case_step' "
                                        "AND field = 'notes' AND old_value = 'ghi chú cũ' AND "
                                        "new_value = 'ghi chú mới'"), 1);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit_log WHERE entity = 'case_step' "
                                        "AND field = 'at' AND old_value = '2026-03-11 08:00'"), 1);
    /* The detailed assessment cannot move before the initial assessment. */
    s.at = (struct datetime){{2026, 3, 10}, 9, 0};
    ck_assert_int_eq(case_edit_step(db, &s, false, NULL, 0, NULL, 0), ST_INVALID);
    ck_assert_msg(strstr(status_message(), "initial assessment"), "%s", status_message());
    case_step_free(&s);
    /* Nor can the initial assessment become a plan. */
    ck_assert_int_eq(case_edit_get_step(db, id, ini, &s), ST_OK);
    s.kind = CASE_STEP_PLAN;
    ck_assert_int_eq(case_edit_step(db, &s, false, NULL, 0, NULL, 0), ST_INVALID);
    case_step_free(&s);
    ck_assert_int_eq(case_edit_get_step(db, id, 9999, &s), ST_NOTFOUND);
    ck_assert_msg(strstr(status_message(), "#9999"), "%s", status_message());
    case_step_free(&s);
}
END_TEST

/* The open items of the case now, in *it (CASE_OPEN_MAX), their count returned. */
static size_t open_items(struct case_open_item *it)
{
    struct case_file c;
    size_t n = 0;
    ck_assert_int_eq(case_repo_get(db, id, &c), ST_OK);
    ck_assert_int_eq(cases_open_items(db, &c, NOW, it, &n), ST_OK);
    case_file_free(&c);
    return n;
}

static void same_items(const struct case_open_item *a, size_t na, const struct case_open_item *b,
                       size_t nb)
{
    ck_assert_uint_eq(na, nb);
    for (size_t i = 0; i < na; i++) {
        ck_assert_int_eq(a[i].step, b[i].step);
        ck_assert_int_eq(date_to_days(a[i].due.date), date_to_days(b[i].due.date));
        ck_assert_int_eq(a[i].urgency, b[i].urgency);
    }
}

START_TEST(delete_a_step_brings_its_deadline_back)
{
    struct case_open_item fresh[CASE_OPEN_MAX], after_ini[CASE_OPEN_MAX], now[CASE_OPEN_MAX];
    size_t nfresh = open_items(fresh);
    long long ini = add(CASE_STEP_INITIAL, 10, 18);
    size_t nini = open_items(after_ini);
    long long det = add(CASE_STEP_DETAILED, 11, 8);
    /* The initial assessment cannot go while the detailed one needs it. */
    ck_assert_int_eq(case_edit_delete_step(db, id, ini), ST_INVALID);
    ck_assert_msg(strstr(status_message(), "would then be out of order"), "%s", status_message());
    ck_assert_int_eq(case_edit_delete_step(db, id, det), ST_OK);
    size_t n = open_items(now);
    same_items(now, n, after_ini, nini);
    ck_assert_int_eq(case_edit_delete_step(db, id, ini), ST_OK);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM case_step"), 0);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit_log WHERE entity = 'case_step' "
                                        "AND action = 'delete' AND old_value LIKE '%initial "
                                        "2026-03-10 18:00%ghi chú cũ'"), 1);
    /* Back to intake: the deadlines of a case just received are open again. */
    n = open_items(now);
    same_items(now, n, fresh, nfresh);
    struct case_file c;
    ck_assert_int_eq(case_repo_get(db, id, &c), ST_OK);
    ck_assert_int_eq(c.stage, CASE_STAGE_INTAKE);
    case_file_free(&c);
}
END_TEST

START_TEST(kinds_offered)
{
    int k[CASE_STEP__COUNT];
    size_t n = 0;
    ck_assert_int_eq(case_edit_next_kinds(db, id, 0, k, &n), ST_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(k[0], CASE_STEP_INITIAL);
    long long ini = add(CASE_STEP_INITIAL, 10, 18);
    ck_assert_int_eq(case_edit_next_kinds(db, id, 0, k, &n), ST_OK);
    ck_assert_uint_eq(n, 3); /* detailed, closure, separation */
    ck_assert_int_eq(case_edit_next_kinds(db, id, ini, k, &n), ST_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(k[0], CASE_STEP_INITIAL);
    /* A new step out of order is refused with the reason. */
    struct case_step s;
    case_step_init(&s, CASE_STEP_PLAN);
    s.case_id = id;
    s.at = (struct datetime){{2026, 3, 12}, 8, 0};
    ck_assert_int_eq(cases_add_step(db, &s, NULL, 0, NULL, 0), ST_INVALID);
    ck_assert_msg(strstr(status_message(), "detailed assessment"), "%s", status_message());
    case_step_free(&s);
}
END_TEST

Suite *suite_case_edit(void)
{
    return test_suite((struct test_spec){"case_edit", "app", setup, teardown,
                       .tests = TEST_LIST(edit_the_intake_keeps_the_old_values, edit_a_step,
                                          delete_a_step_brings_its_deadline_back, kinds_offered)}, NULL);
}
