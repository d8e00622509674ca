/* test_plan_repo — plans, targets, events, tasks and departments in a real
 * database: writes with their audit lines, the lists (overdue, by
 * criterion, by department), the calendar, copying a plan to the next year,
 * and target values through the measure provider over a small register. */
#include <config.h>
#include "tests.h"
#include "treem/app/plan.h"
#include "treem/app/task.h"
#include "treem/db/department_repo.h"
#include "treem/db/event_repo.h"
#include "treem/db/plan_repo.h"
#include "treem/db/target_repo.h"
#include "treem/db/task_repo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct date D(int y, int m, int d) { return (struct date){y, m, d}; }

static struct db *db; /* a fresh database for each test */

static void setup(void) { db = test_db_new(true); }
static void teardown(void) { test_db_free(db); }

static long long count(const char *sql)
{
    long long n = -1;
    ck_assert_msg(db_query_int(db, sql, NULL, &n) == ST_OK, "%s", status_message());
    return n;
}

/* Audit lines for entity/action (field NULL = any). */
static long long audit_lines(const char *entity, const char *action,
                             const char *field)
{
    sqlite3_stmt *st;
    ck_assert(db_prepare(db, "SELECT count(*) FROM audit_log WHERE entity = ?1 AND action = ?2 "
                             "AND (?3 IS NULL OR field = ?3)", &st) == ST_OK);
    db_bind_text(st, 1, entity);
    db_bind_text(st, 2, action);
    db_bind_text(st, 3, field);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    long long n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static long long add_plan(int year, const char *number)
{
    char title[64];
    snprintf(title, sizeof title, "Kế hoạch năm %d", year);
    struct plan p = {.number = (char *)number, .year = year, .title = title, .issuer = "UBND",
                     .report_half = {year, 5, 15}, .report_year = {year, 11, 15}};
    ck_assert_msg(plan_create(db, &p) == ST_OK, "%s", status_message());
    return p.id;
}

static long long add_task(long long plan, const char *dept_code, const char *text,
                          const char *criteria, struct date start, struct date due)
{
    struct task t = {.plan_id = plan, .department_id = test_department_id(db, dept_code), .text = (char *)text,
                     .criteria = (char *)criteria, .start_on = start, .due_on = due};
    ck_assert_msg(task_create(db, &t) == ST_OK, "%s", status_message());
    return t.id;
}

static long long add_target(long long plan, const char *text, double value,
                            enum plan_direction dir, const char *measure)
{
    struct plan_target t = {.plan_id = plan, .text = (char *)text, .value = value,
                            .unit = PLAN_UNIT_PERCENT, .direction = dir, .measure = (char *)measure};
    ck_assert_msg(plan_target_add(db, &t) == ST_OK, "%s", status_message());
    return t.id;
}

START_TEST(plan_write_audit)
{
    long long id = add_plan(2025, "");
    ck_assert_int_gt(id, 0);
    ck_assert_int_eq(audit_lines("plan", "create", NULL), 1);
    struct plan p;
    ck_assert_int_eq(plan_repo_get(db, id, &p), ST_OK);
    ck_assert_str_eq(p.title, "Kế hoạch năm 2025");
    free(p.number);
    p.number = strdup("90/KH-UBND");
    ck_assert_int_eq(plan_save(db, &p), ST_OK);
    ck_assert_int_eq(audit_lines("plan", "change", "number"), 1);
    ck_assert_int_eq(audit_lines("plan", "change", NULL), 1); /* nothing else changed */
    /* The same number in the same year is refused; in another year it is fine. */
    struct plan dup = {.number = "90/KH-UBND", .year = 2025, .title = "Khác"};
    ck_assert_int_eq(plan_create(db, &dup), ST_EXISTS);
    ck_assert_ptr_nonnull(strstr(status_message(), "plan number"));
    dup.year = 2026;
    ck_assert_int_eq(plan_create(db, &dup), ST_OK);
    /* Bad input leaves nothing behind. */
    struct plan bad = {.year = 2025, .title = ""};
    ck_assert_int_eq(plan_create(db, &bad), ST_INVALID);
    ck_assert_int_eq(count("SELECT count(*) FROM plan"), 2);
    plan_clear(&p);
}
END_TEST

START_TEST(plan_delete_cascades)
{
    long long id = add_plan(2025, "1/KH");
    add_target(id, "100 % khai sinh", 100, PLAN_AT_LEAST, NULL);
    long long t = add_task(id, "tuphap", "Khai sinh", "2", D(2025, 1, 1), D(2025, 12, 31));
    ck_assert_int_eq(task_add_note(db, t, D(2025, 3, 1), "Đã rà soát", NULL), ST_OK);
    ck_assert_int_eq(plan_remove(db, id), ST_OK);
    ck_assert_int_eq(count("SELECT count(*) FROM task"), 0);
    ck_assert_int_eq(count("SELECT count(*) FROM plan_target"), 0);
    ck_assert_int_eq(count("SELECT count(*) FROM task_note"), 0);
    ck_assert_int_eq(audit_lines("task", "delete", NULL), 1);
    ck_assert_int_eq(audit_lines("task_note", "delete", NULL), 1);
    ck_assert_int_eq(audit_lines("plan_target", "delete", NULL), 1);
    ck_assert_int_eq(audit_lines("plan", "delete", NULL), 1);
    ck_assert_int_eq(plan_remove(db, id), ST_NOTFOUND);
}
END_TEST

START_TEST(task_refusals)
{
    long long plan = add_plan(2025, "1/KH");
    struct task t = {.plan_id = plan, .text = "Việc", .due_on = {2025, 6, 30}};
    ck_assert_int_eq(task_create(db, &t), ST_INVALID);          /* no department */
    ck_assert_ptr_nonnull(strstr(status_message(), "department"));
    t.department_id = 9999;
    ck_assert_int_eq(task_create(db, &t), ST_NOTFOUND);         /* unknown department */
    ck_assert_ptr_nonnull(strstr(status_message(), "department"));
    t.department_id = test_department_id(db, "congan");
    t.plan_id = 9999;
    ck_assert_int_eq(task_create(db, &t), ST_NOTFOUND);         /* unknown plan */
    ck_assert_ptr_nonnull(strstr(status_message(), "plan"));
    t.plan_id = plan;
    t.start_on = D(2025, 7, 1);
    ck_assert_int_eq(task_create(db, &t), ST_INVALID);          /* due before start */
    ck_assert_ptr_nonnull(strstr(status_message(), "due date"));
    /* An inactive department takes no new task. */
    struct department d;
    ck_assert_int_eq(department_repo_find(db, "congan", &d), ST_OK);
    d.active = false;
    ck_assert_int_eq(task_department_save(db, &d), ST_OK);
    t.start_on = PLAN_NO_DATE;
    ck_assert_int_eq(task_create(db, &t), ST_INVALID);
    department_clear(&d);
    ck_assert_int_eq(count("SELECT count(*) FROM task"), 0);
    ck_assert_int_eq(audit_lines("task", "create", NULL), 0);
}
END_TEST

/* Four tasks: Công an (3,4 and 5.1), Y tế (5.2,7), Tư pháp (2, done). */
static long long setup_tasks(long long ids[4])
{
    long long plan = add_plan(2025, "1/KH");
    ids[0] = add_task(plan, "congan", "Phòng ngừa xâm hại", "3, 4", D(2025, 1, 1),
                      D(2025, 12, 31));
    ids[1] = add_task(plan, "congan", "Thống kê tai nạn", "5.1", D(2025, 1, 1),
                      D(2025, 6, 30));
    ids[2] = add_task(plan, "yte", "Sơ cứu, tiêm chủng", "5.2,7", D(2025, 3, 1),
                      D(2025, 5, 31));
    ids[3] = add_task(plan, "tuphap", "Khai sinh đúng hạn", "2", D(2025, 1, 1),
                      D(2025, 4, 30));
    ck_assert_int_eq(task_mark_done(db, ids[3], D(2025, 4, 20), "Sổ khai sinh"), ST_OK);
    return plan;
}

/* The ids listed for filter f, in order, as "a,b,c". */
static void list_ids(const struct task_filter *f, char *buf, size_t size)
{
    struct task *list;
    size_t n;
    ck_assert_msg(task_repo_list(db, f, &list, &n) == ST_OK, "%s", status_message());
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++)
        snprintf(buf + strlen(buf), size - strlen(buf), "%s%lld", i ? "," : "", list[i].id);
    task_list_free(list, n);
}

START_TEST(task_lists)
{
    long long id[4];
    char want[64], got[64];
    long long plan = setup_tasks(id);
    struct task_filter f = {.overdue_only = true, .on = D(2025, 6, 1)};
    list_ids(&f, got, sizeof got);          /* Y tế due 31/05 is overdue on 01/06 */
    snprintf(want, sizeof want, "%lld", id[2]);
    ck_assert_str_eq(got, want);
    f.on = D(2025, 7, 1);                       /* then also Công an due 30/06 */
    list_ids(&f, got, sizeof got);
    snprintf(want, sizeof want, "%lld,%lld", id[2], id[1]);
    ck_assert_str_eq(got, want);
    f.on = D(2025, 5, 31);                      /* the due day itself: not overdue */
    list_ids(&f, got, sizeof got);
    ck_assert_str_eq(got, "");
    struct task_filter c = {.criterion = "5.1"};
    list_ids(&c, got, sizeof got);
    snprintf(want, sizeof want, "%lld", id[1]);
    ck_assert_str_eq(got, want);
    c.criterion = "5";                          /* 5.1 and 5.2 both serve criterion 5 */
    list_ids(&c, got, sizeof got);
    snprintf(want, sizeof want, "%lld,%lld", id[2], id[1]);
    ck_assert_str_eq(got, want);
    struct task_filter byd = {.department_id = test_department_id(db, "congan"), .open_only = true};
    list_ids(&byd, got, sizeof got);
    snprintf(want, sizeof want, "%lld,%lld", id[1], id[0]);
    ck_assert_str_eq(got, want);
    struct task_filter s = {.search = "khai sinh", .plan_id = plan};
    list_ids(&s, got, sizeof got);
    snprintf(want, sizeof want, "%lld", id[3]);
    ck_assert_str_eq(got, want);
    struct task_filter other = {.plan_id = plan + 1};
    list_ids(&other, got, sizeof got);
    ck_assert_str_eq(got, "");
    long n;
    ck_assert_int_eq(task_repo_count_due(db, D(2025, 5, 25), 7, &n), ST_OK);
    ck_assert_int_eq(n, 1);
}
END_TEST

START_TEST(task_done_reopen_notes)
{
    long long id[4];
    setup_tasks(id);
    struct task t;
    ck_assert_int_eq(task_repo_get(db, id[3], &t), ST_OK);
    ck_assert(t.done);
    ck_assert_int_eq(date_cmp(t.done_on, D(2025, 4, 20)), 0);
    ck_assert_str_eq(t.evidence, "Sổ khai sinh");
    ck_assert_str_eq(t.department_name, "Tư pháp – Hộ tịch");
    ck_assert_str_eq(t.criteria, "2");
    task_clear(&t);
    ck_assert_int_eq(audit_lines("task", "change", "done"), 1);
    ck_assert_int_eq(audit_lines("task", "change", "evidence"), 1);
    ck_assert_int_eq(task_reopen(db, id[3]), ST_OK);
    ck_assert_int_eq(task_repo_get(db, id[3], &t), ST_OK);
    ck_assert(!t.done && !plan_date_set(t.done_on));
    task_clear(&t);
    ck_assert_int_eq(task_add_note(db, id[0], D(2025, 9, 1), "Họp lần 2", NULL), ST_OK);
    ck_assert_int_eq(task_add_note(db, id[0], D(2025, 3, 1), "Họp lần 1", NULL), ST_OK);
    ck_assert_int_eq(task_add_note(db, id[0], D(2025, 3, 1), " ", NULL), ST_INVALID);
    ck_assert_int_eq(task_add_note(db, 9999, D(2025, 3, 1), "x", NULL), ST_NOTFOUND);
    struct task_note *notes;
    size_t n;
    ck_assert_int_eq(task_repo_notes(db, id[0], &notes, &n), ST_OK);
    ck_assert_int_eq(n, 2);
    ck_assert_str_eq(notes[0].text, "Họp lần 1");
    ck_assert_str_eq(notes[1].text, "Họp lần 2");
    task_note_list_free(notes, n);
}
END_TEST

START_TEST(calendar_year)
{
    long long id[4];
    long long plan = setup_tasks(id);
    struct plan_event e = {.plan_id = plan, .name = "Tháng hành động vì trẻ em",
                           .start_on = {2025, 6, 1}, .end_on = {2025, 6, 30},
                           .kind = PLAN_EVENT_CAMPAIGN};
    ck_assert_int_eq(plan_event_add(db, &e), ST_OK);
    struct plan_event old = {.plan_id = plan, .name = "Năm trước", .start_on = {2024, 6, 1},
                             .kind = PLAN_EVENT_EVENT};
    ck_assert_int_eq(plan_event_add(db, &old), ST_OK);
    struct plan_cal_item *items;
    size_t n;
    ck_assert_int_eq(plan_repo_calendar(db, 2025, 0, &items, &n), ST_OK);
    /* 4 task due dates + 2 report deadlines + 1 event (not last year's). */
    ck_assert_int_eq(n, 7);
    for (size_t i = 1; i < n; i++)
        ck_assert_int_le(date_cmp(items[i - 1].date, items[i].date), 0);
    ck_assert_int_eq(items[0].kind, PLAN_CAL_TASK);            /* 30/04 Tư pháp */
    ck_assert(items[0].done);
    ck_assert_int_eq(items[1].kind, PLAN_CAL_REPORT_HALF);     /* 15/05 */
    ck_assert_int_eq(items[3].kind, PLAN_CAL_CAMPAIGN);        /* 01/06 – 30/06 */
    ck_assert_int_eq(date_cmp(items[3].end, D(2025, 6, 30)), 0);
    ck_assert_int_eq(items[n - 1].kind, PLAN_CAL_TASK);        /* 31/12 */
    plan_cal_list_free(items, n);
    ck_assert_int_eq(plan_repo_calendar(db, 2025, plan + 1, &items, &n), ST_OK);
    ck_assert_int_eq(n, 0);
    plan_cal_list_free(items, n);
    struct date when;
    long long pid;
    enum plan_cal_kind kind;
    ck_assert_int_eq(plan_repo_next_report(db, D(2025, 5, 16), &when, &pid, &kind), ST_OK);
    ck_assert_int_eq(date_cmp(when, D(2025, 11, 15)), 0);
    ck_assert_int_eq(kind, PLAN_CAL_REPORT_YEAR);
    ck_assert_int_eq(plan_repo_next_report(db, D(2025, 11, 16), &when, &pid, &kind), ST_NOTFOUND);
}
END_TEST

/* A 2024 plan with a target (typed value), a leap-day task, a lunar event
 * and a task of a department deactivated since. */
static long long setup_copy(void)
{
    struct plan p = {.number = "90/KH-UBND", .issued_on = {2024, 3, 9}, .year = 2024,
                     .title = "Kế hoạch năm 2024 (20245 không đổi)", .issuer = "UBND",
                     .report_half = {2024, 5, 15}, .report_year = {2024, 11, 15}};
    ck_assert_int_eq(plan_create(db, &p), ST_OK);
    long long t = add_target(p.id, "Nhẹ cân dưới 9 %", 9, PLAN_AT_MOST, "underweight_u5_rate");
    ck_assert_int_eq(plan_target_set_value(db, t, 8.5, "Báo cáo Trạm Y tế", D(2024, 6, 30)),
                     ST_OK);
    long long leap = add_task(p.id, "yte", "Cân trẻ", "8", D(2024, 2, 1), D(2024, 2, 29));
    ck_assert_int_eq(task_mark_done(db, leap, D(2024, 2, 28), "Sổ cân"), ST_OK);
    add_task(p.id, "mttq", "Vận động", "", PLAN_NO_DATE, D(2024, 12, 31));
    struct plan_event e = {.plan_id = p.id, .name = "Tết Trung thu", .start_on = {2024, 9, 17},
                           .kind = PLAN_EVENT_EVENT, .lunar = true};
    ck_assert_int_eq(plan_event_add(db, &e), ST_OK);
    struct department d;
    ck_assert_int_eq(department_repo_find(db, "mttq", &d), ST_OK);
    d.active = false;
    ck_assert_int_eq(task_department_save(db, &d), ST_OK);
    department_clear(&d);
    return p.id;
}

START_TEST(copy_next_year)
{
    long long old = setup_copy();
    long long before = count("SELECT count(*) FROM audit_log WHERE action = 'create'");
    struct plan_copy_result r;
    ck_assert_msg(plan_copy_next_year(db, old, &r) == ST_OK, "%s", status_message());
    ck_assert_int_eq(r.year, 2025);
    ck_assert_int_eq(r.targets, 1);
    ck_assert_int_eq(r.tasks, 1);
    ck_assert_int_eq(r.tasks_skipped, 1);
    ck_assert_int_eq(r.events, 1);
    ck_assert_int_eq(r.events_to_check, 1);
    struct plan p;
    ck_assert_int_eq(plan_repo_get(db, r.new_id, &p), ST_OK);
    ck_assert_int_eq(p.year, 2025);
    ck_assert_str_eq(p.number, "");
    ck_assert(!plan_date_set(p.issued_on));
    ck_assert_str_eq(p.title, "Kế hoạch năm 2025 (20245 không đổi)");
    ck_assert_int_eq(date_cmp(p.report_half, D(2025, 5, 15)), 0);
    ck_assert_int_eq(date_cmp(p.report_year, D(2025, 11, 15)), 0);
    ck_assert_int_eq(p.copied_from, old);
    plan_clear(&p);
    struct plan_target *tg;
    size_t n;
    ck_assert_int_eq(target_repo_list(db, r.new_id, &tg, &n), ST_OK);
    ck_assert_int_eq(n, 1);
    ck_assert(!tg[0].has_typed && !tg[0].typed_source);
    ck_assert_str_eq(tg[0].measure, "underweight_u5_rate");
    ck_assert_int_eq(tg[0].direction, PLAN_AT_MOST);
    plan_target_list_free(tg, n);
    struct task_filter f = {.plan_id = r.new_id};
    struct task *tasks;
    ck_assert_int_eq(task_repo_list(db, &f, &tasks, &n), ST_OK);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(date_cmp(tasks[0].due_on, D(2025, 2, 28)), 0);   /* 29/02 → 28/02 */
    ck_assert_int_eq(date_cmp(tasks[0].start_on, D(2025, 2, 1)), 0);
    ck_assert(!tasks[0].done && !plan_date_set(tasks[0].done_on));
    ck_assert_str_eq(tasks[0].evidence, "");
    ck_assert_str_eq(tasks[0].criteria, "8");
    task_list_free(tasks, n);
    struct plan_event *ev;
    ck_assert_int_eq(event_repo_list(db, r.new_id, &ev, &n), ST_OK);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(date_cmp(ev[0].start_on, D(2025, 9, 17)), 0);
    ck_assert(ev[0].lunar && ev[0].to_check);
    plan_event_list_free(ev, n);
    /* One create line per copied record (plan + its copied_from line). */
    long long after = count("SELECT count(*) FROM audit_log WHERE action = 'create'");
    ck_assert_int_eq(after - before, 2 + 1 + 1 + 1);
    /* The old plan is untouched. */
    ck_assert_int_eq(count("SELECT count(*) FROM task WHERE done = 1"), 1);
}
END_TEST

START_TEST(copy_twice_and_rollback)
{
    long long old = setup_copy();
    struct plan_copy_result r;
    ck_assert_int_eq(plan_copy_next_year(db, old, &r), ST_OK);
    long long plans = count("SELECT count(*) FROM plan");
    long long audit = count("SELECT count(*) FROM audit_log");
    ck_assert_int_eq(plan_copy_next_year(db, old, &r), ST_EXISTS);
    ck_assert_int_eq(r.new_id, 0);
    ck_assert_int_eq(count("SELECT count(*) FROM plan"), plans);
    /* A failure half-way (a task refused) leaves nothing of the copy. */
    ck_assert_int_eq(db_exec(db, "CREATE TEMP TRIGGER boom BEFORE INSERT ON task "
                                 "WHEN NEW.plan_id <> 1 BEGIN SELECT RAISE(ABORT, 'boom'); END;"),
                     ST_OK);
    long long newest = count("SELECT max(id) FROM plan");
    ck_assert_int_ne(plan_copy_next_year(db, newest, &r), ST_OK);
    ck_assert_int_eq(count("SELECT count(*) FROM plan"), plans);
    ck_assert_int_eq(count("SELECT count(*) FROM plan_target"), 2);
    ck_assert_int_eq(count("SELECT count(*) FROM audit_log"), audit);
    ck_assert_int_eq(plan_copy_next_year(db, 9999, &r), ST_NOTFOUND);
}
END_TEST

/* A tiny register for the provider: births of the year, on time or not. */
static enum status test_provider(struct db *at, enum measure m, int year, struct date on,
                                 struct plan_measured *out)
{
    if (m != MEASURE_BIRTH_REG_ON_TIME)
        return ST_NOTFOUND;
    char y[8];
    snprintf(y, sizeof y, "%d", year);
    long long all = 0, ok = 0;
    (void)on;
    db_query_int(at, "SELECT count(*) FROM temp.births WHERE substr(born, 1, 4) = ?1", y, &all);
    db_query_int(at, "SELECT count(*) FROM temp.births WHERE substr(born, 1, 4) = ?1 "
                     "AND on_time", y, &ok);
    if (all == 0)
        return ST_NOTFOUND;
    out->numerator = (long)ok;
    out->denominator = (long)all;
    out->value = 100.0 * (double)ok / (double)all;
    return ST_OK;
}

START_TEST(target_values_from_register)
{
    long long plan = add_plan(2025, "1/KH");
    long long t1 = add_target(plan, "100 % khai sinh đúng hạn", 100, PLAN_AT_LEAST,
                              "birth_reg_on_time_rate");
    long long t2 = add_target(plan, "Nhẹ cân dưới 9 %", 9, PLAN_AT_MOST, "underweight_u5_rate");
    ck_assert_int_eq(db_exec(db, "CREATE TEMP TABLE births(born TEXT, on_time INTEGER);"
                                 "INSERT INTO births VALUES ('2025-01-10', 1), ('2025-03-02', 1),"
                                 "('2025-07-19', 0), ('2025-09-30', 1), ('2024-12-30', 0);"),
                     ST_OK);
    struct plan_target a, b;
    ck_assert_int_eq(target_repo_get(db, t1, &a), ST_OK);
    ck_assert_int_eq(target_repo_get(db, t2, &b), ST_OK);
    struct plan_target_view v;
    /* No provider yet: not computable, unknown. */
    plan_set_measure_provider(NULL);
    ck_assert_int_eq(plan_target_view(db, &a, 2025, D(2025, 12, 1), &v), ST_OK);
    ck_assert_int_eq(v.source, PLAN_VALUE_NONE);
    ck_assert(!v.computable);
    ck_assert_int_eq(v.result, TARGET_UNKNOWN);
    ck_assert_ptr_nonnull(strstr(v.note, "not computable yet"));
    /* With the register: 3 of 4 births of 2025 on time = 75 % < 100 %. */
    plan_set_measure_provider(test_provider);
    ck_assert_int_eq(plan_target_view(db, &a, 2025, D(2025, 12, 1), &v), ST_OK);
    ck_assert_int_eq(v.source, PLAN_VALUE_COMPUTED);
    ck_assert_int_eq(v.measured.numerator, 3);
    ck_assert_int_eq(v.measured.denominator, 4);
    ck_assert_double_eq_tol(v.value, 75.0, 1e-9);
    ck_assert_int_eq(v.result, TARGET_NOT_MET);
    ck_assert_int_eq(db_exec(db, "UPDATE births SET on_time = 1"), ST_OK);
    ck_assert_int_eq(plan_target_view(db, &a, 2025, D(2025, 12, 1), &v), ST_OK);
    ck_assert_int_eq(v.result, TARGET_MET);                    /* 100 % = 100 %: met */
    /* A measure the provider cannot compute: the typed value counts. */
    ck_assert_int_eq(plan_target_view(db, &b, 2025, D(2025, 12, 1), &v), ST_OK);
    ck_assert_int_eq(v.result, TARGET_UNKNOWN);
    ck_assert_int_eq(plan_target_set_value(db, t2, 9.4, "Báo cáo Trạm Y tế", D(2025, 6, 30)), ST_OK);
    plan_target_clear(&b);
    ck_assert_int_eq(target_repo_get(db, t2, &b), ST_OK);
    ck_assert_int_eq(plan_target_view(db, &b, 2025, D(2025, 12, 1), &v), ST_OK);
    ck_assert_int_eq(v.source, PLAN_VALUE_TYPED);
    ck_assert_int_eq(v.result, TARGET_NOT_MET);
    ck_assert_ptr_nonnull(strstr(v.note, "Báo cáo Trạm Y tế"));
    ck_assert_int_eq(audit_lines("plan_target", "change", "typed_value"), 1);
    ck_assert_int_eq(plan_target_unset_value(db, t2), ST_OK);
    ck_assert_int_eq(audit_lines("plan_target", "change", "typed_value"), 2);
    plan_set_measure_provider(NULL);
    plan_target_clear(&a);
    plan_target_clear(&b);
}
END_TEST

START_TEST(target_refusals)
{
    long long plan = add_plan(2025, "1/KH");
    struct plan_target t = {.plan_id = plan, .text = "x", .value = 101, .unit = PLAN_UNIT_PERCENT};
    ck_assert_int_eq(plan_target_add(db, &t), ST_INVALID);          /* above 100 % */
    ck_assert_ptr_nonnull(strstr(status_message(), "target value"));
    t.value = 90;
    t.measure = "no_such_measure";
    ck_assert_int_eq(plan_target_add(db, &t), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "measure"));
    t.measure = "preschool_rate";
    t.unit = PLAN_UNIT_COUNT;
    ck_assert_int_eq(plan_target_add(db, &t), ST_INVALID);          /* a rate is not a count */
    t.unit = PLAN_UNIT_PERCENT;
    t.plan_id = 9999;
    ck_assert_int_eq(plan_target_add(db, &t), ST_NOTFOUND);
    long long id = add_target(plan, "x", 90, PLAN_AT_LEAST, NULL);
    ck_assert_int_eq(plan_target_set_value(db, id, 95, "", D(2025, 6, 1)), ST_INVALID);
    ck_assert_int_eq(plan_target_set_value(db, id, -5, "Báo cáo", D(2025, 6, 1)), ST_INVALID);
    ck_assert_int_eq(count("SELECT count(*) FROM plan_target WHERE typed_value IS NOT NULL"), 0);
    /* the score sheet's older code is read and stored as the current one */
    t.plan_id = plan;
    t.measure = "health_checked";
    ck_assert_int_eq(plan_target_add(db, &t), ST_OK);
    ck_assert_int_eq(count("SELECT count(*) FROM plan_target WHERE measure = 'health_check_rate'"), 1);
    t.measure = "abuse_rate"; /* per 1,000: neither a percent nor a count */
    ck_assert_int_eq(plan_target_add(db, &t), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "per_thousand"));
    t.measure = "abuse_cases"; /* the case files' measures suit a target too */
    t.unit = PLAN_UNIT_COUNT;
    t.value = 0;
    t.direction = PLAN_AT_MOST;
    ck_assert_int_eq(plan_target_add(db, &t), ST_OK);
    ck_assert_int_eq(measure_from_code("stunting_u5_rate"), MEASURE_STUNTED_U5);
    ck_assert_ptr_null(measure_info(MEASURE_NONE));
    ck_assert_str_eq(measure_info(MEASURE_REGISTER_UPDATED)->code, "register_updated_rate");
}
END_TEST

START_TEST(department_find_edit)
{
    struct department d;
    ck_assert_int_eq(department_repo_find(db, "cong an", &d), ST_OK);   /* words, no marks */
    long long id = d.id;
    ck_assert_str_eq(d.criteria, "3,4,5.1");
    department_clear(&d);
    ck_assert_int_eq(test_department_id(db, "congan"), id);                          /* code */
    char key[24];
    snprintf(key, sizeof key, "%lld", id);
    ck_assert_int_eq(test_department_id(db, key), id);                               /* number */
    ck_assert_int_eq(department_repo_find(db, "truong", &d), ST_INVALID); /* several */
    ck_assert_int_eq(department_repo_find(db, "khong co", &d), ST_NOTFOUND);
    ck_assert_int_eq(test_department_id(db, "an"), id);               /* a word "an", not the end of "đoàn" */
    ck_assert_int_eq(test_department_id(db, "mam non"), test_department_id(db, "truonghoc"));      /* word after "(" */
    ck_assert_int_eq(department_repo_find(db, "congan", &d), ST_OK);
    free(d.contact);
    free(d.phone);
    free(d.criteria);
    d.contact = strdup("Đỗ Quang Huy");
    d.phone = strdup("0900 000 001");
    d.criteria = strdup(" 3; 4 ,5.1, 3");
    ck_assert_msg(task_department_save(db, &d) == ST_OK, "%s", status_message());
    department_clear(&d);
    ck_assert_int_eq(department_repo_get(db, id, &d), ST_OK);
    ck_assert_str_eq(d.criteria, "3,4,5.1");
    ck_assert_str_eq(d.contact, "Đỗ Quang Huy");
    ck_assert_int_eq(audit_lines("department", "change", NULL), 2);  /* contact, phone */
    free(d.phone);
    d.phone = strdup("gọi sau");
    ck_assert_int_eq(task_department_save(db, &d), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "phone"));
    free(d.phone);
    d.phone = strdup("");
    free(d.criteria);
    d.criteria = strdup("3,20");
    ck_assert_int_eq(task_department_save(db, &d), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "criteria"));
    department_clear(&d);
    struct department n = {.name = "Hội Người cao tuổi", .criteria = "12", .active = true};
    ck_assert_int_eq(task_department_add(db, &n), ST_OK);
    ck_assert_int_eq(test_department_id(db, "nguoi cao tuoi"), n.id);
}
END_TEST

Suite *suite_plan_repo(void)
{
    return test_suite((struct test_spec){"plan_repo", "db", setup, teardown, .timeout = 30,
                       .tests = TEST_LIST(plan_write_audit, plan_delete_cascades, task_refusals, task_lists,
                                          task_done_reopen_notes, calendar_year, copy_next_year,
                                          copy_twice_and_rollback, target_values_from_register, target_refusals,
                                          department_find_edit)}, NULL);
}
