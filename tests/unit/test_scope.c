/* test_scope — the gaps closed after issues 13 and 14: a village
 * collaborator's home figures count only their villages and the cases they
 * recorded, and the commune-wide score sheet and report are refused to them
 * naming the role (not to a viewer); a department nothing uses can be
 * deleted (in the audit log with its name), one a task uses is refused
 * saying what uses it. */
#include <config.h>
#include "tests.h"
#include "treem/app/auth.h"
#include "treem/app/children.h"
#include "treem/app/commune.h"
#include "treem/app/history.h"
#include "treem/app/home.h"
#include "treem/app/plan.h"
#include "treem/app/report.h"
#include "treem/app/score.h"
#include "treem/app/task.h"
#include "treem/app/villages.h"
#include "treem/db/department_repo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

Suite *suite_scope(void); /* called by check_main.c */

static void add_child(struct db *db, const char *name, const char *village)
{
    struct child c;
    child_init(&c);
    c.full_name = strdup(name);
    c.village = strdup(village);
    c.birth_date = (struct date){2016, 3, 15};
    ck_assert_msg(children_save(db, &c, NULL, NULL, NULL) == ST_OK, "%s", status_message());
    child_free(&c);
}

/* Villages "Thôn Một" (one child), "Thôn Hai" (two); lan (officer), ctv
 * (collaborator of Thôn Một), xem (viewer). */
static struct db *scope_db(void)
{
    struct db *db = test_db_new(true);
    ck_assert_int_eq(village_add(db, "Thôn Một"), ST_OK);
    ck_assert_int_eq(village_add(db, "Thôn Hai"), ST_OK);
    add_child(db, "Lò Thị Một", "Thôn Một");
    add_child(db, "Hà Văn Hai", "Thôn Hai");
    add_child(db, "Hà Thị Ba", "Thôn Hai");
    char code[AUTH_RECOVERY_BUF];
    ck_assert_int_eq(auth_user_add(db, "lan", "officer", NULL, "mật khẩu lan", code), ST_OK);
    ck_assert_int_eq(auth_sign_in(db, "lan", "mật khẩu lan"), ST_OK);
    ck_assert_int_eq(auth_user_add(db, "ctv", "collaborator", "Thôn Một", "mật khẩu ctv", code), ST_OK);
    ck_assert_int_eq(auth_user_add(db, "xem", "viewer", NULL, "mật khẩu xem", code), ST_OK);
    auth_sign_out(db);
    return db;
}

START_TEST(test_collaborator_home)
{
    struct db *db = scope_db();
    struct home_stats st;
    ck_assert_int_eq(auth_sign_in(db, "lan", "mật khẩu lan"), ST_OK);
    ck_assert_int_eq(home_stats_get(db, (struct date){2025, 6, 30}, &st), ST_OK);
    ck_assert(!st.scoped);
    ck_assert_int_eq(st.children, 3);
    ck_assert_int_eq(st.villages, 2);
    auth_sign_out(db);
    ck_assert_int_eq(auth_sign_in(db, "ctv", "mật khẩu ctv"), ST_OK);
    ck_assert_int_eq(home_stats_get(db, (struct date){2025, 6, 30}, &st), ST_OK);
    ck_assert(st.scoped);
    ck_assert_int_eq(st.children, 1);
    ck_assert_int_eq(st.children_special, 0);
    ck_assert_int_eq(st.villages, 1);
    ck_assert_int_eq(st.open_cases, 0);
    ck_assert_int_eq(st.criteria_points, -1); /* the commune's score is not theirs */
    test_db_free(db);
}
END_TEST

START_TEST(test_commune_wide_refused)
{
    struct db *db = scope_db();
    struct score_sheet sheet;
    struct report r;
    ck_assert_int_eq(auth_sign_in(db, "ctv", "mật khẩu ctv"), ST_OK);
    ck_assert_int_eq(score_sheet_build(db, 2025, NULL, &sheet), ST_DENIED);
    ck_assert_ptr_nonnull(strstr(status_message(), "the criteria score sheet: not allowed for the role "
                                                   "Village collaborator"));
    ck_assert_int_eq(report_build(db, (struct date){2025, 1, 1}, (struct date){2025, 6, 30}, &r), ST_DENIED);
    ck_assert_ptr_nonnull(strstr(status_message(), "the commune's report: not allowed for the role"));
    report_free(&r);
    auth_sign_out(db);
    ck_assert_int_eq(auth_sign_in(db, "xem", "mật khẩu xem"), ST_OK); /* a viewer reads them */
    ck_assert_msg(score_sheet_build(db, 2025, NULL, &sheet) == ST_OK, "%s", status_message());
    score_sheet_free(&sheet);
    ck_assert_msg(report_build(db, (struct date){2025, 1, 1}, (struct date){2025, 6, 30}, &r) == ST_OK, "%s",
                  status_message());
    report_free(&r);
    test_db_free(db);
}
END_TEST

static size_t history_has(struct db *db, const char *id, const char *action)
{
    struct audit_row *rows = NULL;
    size_t n = 0, k = 0;
    ck_assert_msg(history_of(db, HIST_DEPT, id, &rows, &n) == ST_OK, "%s", status_message());
    for (size_t i = 0; i < n; i++)
        k += strcmp(rows[i].action, action) == 0;
    audit_rows_free(rows, n);
    return k;
}

START_TEST(test_department_delete)
{
    struct db *db = test_db_new(true);
    struct department d = {.active = true, .name = strdup("Đội tình nguyện"), .contact = strdup(""),
                           .phone = strdup(""), .criteria = strdup("")};
    ck_assert_msg(task_department_add(db, &d) == ST_OK, "%s", status_message());
    char id[24];
    snprintf(id, sizeof id, "%lld", d.id);
    ck_assert_int_eq(task_department_deletable(db, &d), ST_OK);
    ck_assert_msg(task_department_delete(db, d.id) == ST_OK, "%s", status_message());
    ck_assert_int_eq(department_repo_get(db, d.id, &(struct department){0}), ST_NOTFOUND);
    ck_assert_uint_eq(history_has(db, id, "delete"), 1); /* by the number of the deleted one */
    ck_assert_int_eq(task_department_delete(db, d.id), ST_NOTFOUND);
    department_clear(&d);

    /* one a task uses: refused, saying what uses it, and kept */
    struct plan p = {.number = "1/KH", .year = 2025, .title = "Kế hoạch", .issuer = "UBND"};
    ck_assert_msg(plan_create(db, &p) == ST_OK, "%s", status_message());
    struct department used = {.active = true, .name = strdup("Ban dùng"), .contact = strdup(""),
                              .phone = strdup(""), .criteria = strdup("")};
    ck_assert_int_eq(task_department_add(db, &used), ST_OK);
    struct task t = {.plan_id = p.id, .department_id = used.id, .text = "Tuyên truyền", .criteria = "",
                     .due_on = {2025, 6, 30}, .evidence = ""};
    ck_assert_msg(task_create(db, &t) == ST_OK, "%s", status_message());
    ck_assert_int_eq(task_department_delete(db, used.id), ST_CONFLICT);
    ck_assert_ptr_nonnull(strstr(status_message(), "Ban dùng is in use (1 tasks"));
    ck_assert_ptr_nonnull(strstr(status_message(), "no longer active"));
    struct department again = {0};
    ck_assert_int_eq(department_repo_get(db, used.id, &again), ST_OK);
    department_clear(&again);
    department_clear(&used);
    test_db_free(db);
}
END_TEST

Suite *suite_scope(void)
{
    return test_suite((struct test_spec){"scope", "app", test_today_2025, test_today_end, .timeout = 60,
                       .tests = TEST_LIST(test_collaborator_home, test_commune_wide_refused,
                                          test_department_delete)}, NULL);
}
