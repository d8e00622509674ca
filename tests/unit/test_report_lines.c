/* test_report_lines — every line of the periodic report on a hand-made
 * register: each number is recomputed here from the test's own tables
 * (children, special-circumstance periods, cases), not copied from a run.
 * Then the CSV: a header code,label,value,… and every cell after the label
 * an integer or empty. Period: the annual report 2025 with the default
 * cut-off days, 15/12/2024 – 14/12/2025. */
#include <config.h>
#include "tests.h"
#include "csv_collect.h"
#include "treem/app/report.h"
#include "treem/app/cases.h"
#include "treem/app/children.h"
#include "treem/app/commune.h"
#include "treem/app/plan.h"
#include "treem/app/task.h"
#include "treem/db/department_repo.h"
#include "treem/model/case_place.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ON ((struct date){2025, 12, 14})

static const struct kid {
    const char *name;
    struct date birth;      /* y 0: only an estimated age */
    int est_age;
    int sex;
    int village;            /* 0 none, 1 Thôn 1, 2 Thôn 2 */
    int bhyt;
    const char *group;      /* sub-group code or NULL */
    struct date group_to;   /* y 0: still running */
    int reg;                /* birth registered: 0 not recorded, 1 on time, 2 late */
} kids[] = {
    {"Lê Thị An", {2024, 5, 1}, -1, CHILD_SEX_FEMALE, 1, 1, NULL, {0}, 0},
    {"Phạm Văn Bình", {2021, 1, 10}, -1, CHILD_SEX_MALE, 1, 0, "a.1", {0}, 0},
    {"Đinh Văn Cường", {2015, 6, 1}, -1, CHILD_SEX_MALE, 2, 1, "a.1", {0}, 0},
    {"Hồ Thị Dung", {2009, 12, 10}, -1, CHILD_SEX_FEMALE, 2, 0, NULL, {0}, 0},   /* 16 on 10/12 */
    {"Võ Thị Em", {2010, 12, 20}, -1, CHILD_SEX_FEMALE, 0, 0, "d.1", {0}, 0},   /* 14 */
    {"Trần Giang", {2020, 3, 3}, -1, CHILD_SEX_UNKNOWN, 2, 1, "d.1", {2025, 6, 30}, 0},
    {"Ngô Văn Hải", {0}, 8, CHILD_SEX_MALE, 1, 0, "d.1", {0}, 0},
    {"Lý Thị Kim", {2023, 2, 2}, -1, CHILD_SEX_FEMALE, 1, 1, NULL, {0}, 0},
    {"Mai Văn Xuân", {2025, 3, 1}, -1, CHILD_SEX_MALE, 2, 1, NULL, {0}, 1},
    {"Đỗ Thị Thu", {2025, 2, 1}, -1, CHILD_SEX_FEMALE, 2, 0, NULL, {0}, 2},
};
#define NKIDS (sizeof kids / sizeof kids[0])
static long long ids[NKIDS];

static const struct kase {
    int kid;                /* index in kids, -1 unidentified */
    int est_age, sex;       /* unidentified child */
    int kind, injury;
    bool died;
    const char *place;
    struct date day;
    bool helped;            /* a service step in the period */
} cases_[] = {
    {2, -1, 0, CASE_KIND_VIOLENCE, CASE_INJ_NONE, false, "tại nhà riêng", {2025, 3, 1}, true},
    {-1, 12, CHILD_SEX_FEMALE, CASE_KIND_SEXUAL, CASE_INJ_NONE, false, "qua mạng Facebook",
     {2025, 5, 20}, false},
    {4, -1, 0, CASE_KIND_SEXUAL, CASE_INJ_NONE, false, "trường THCS", {2025, 7, 1}, false},
    {1, -1, 0, CASE_KIND_NEGLECT, CASE_INJ_NONE, false, "", {2024, 12, 20}, false},
    {-1, 9, CHILD_SEX_MALE, CASE_KIND_INJURY, CASE_INJ_DROWNING, true, "ao nhà văn hóa thôn",
     {2025, 8, 2}, false},
    {-1, 15, CHILD_SEX_UNKNOWN, CASE_KIND_INJURY, CASE_INJ_TRAFFIC, false, "đường liên xã",
     {2025, 9, 9}, false},
    {0, -1, 0, CASE_KIND_RISK, CASE_INJ_NONE, false, "", {2025, 10, 10}, false},
    {6, -1, 0, CASE_KIND_LAW, CASE_INJ_NONE, false, "chợ", {2025, 11, 11}, false},
    {5, -1, 0, CASE_KIND_TRAFFICK, CASE_INJ_NONE, false, "bến xe", {2024, 12, 1}, false},  /* before */
    {5, -1, 0, CASE_KIND_EXPLOIT, CASE_INJ_NONE, true, "lò gạch", {2025, 12, 15}, false},  /* after */
};
#define NCASES (sizeof cases_ / sizeof cases_[0])

static void add_kids(struct db *db)
{
    ck_assert_int_eq(village_add(db, "Thôn 1"), ST_OK);
    ck_assert_int_eq(village_add(db, "Thôn 2"), ST_OK);
    for (size_t i = 0; i < NKIDS; i++) {
        struct child c;
        child_init(&c);
        c.full_name = strdup(kids[i].name);
        c.birth_date = kids[i].birth;
        if (kids[i].est_age >= 0) {
            c.est_age = kids[i].est_age;
            c.est_age_on = (struct date){2025, 1, 1};
        }
        c.sex = kids[i].sex;
        c.bhyt = kids[i].bhyt;
        if (kids[i].reg) {
            c.birth_registered = 1;
            c.birth_reg_timing = kids[i].reg == 1 ? BIRTH_REG_ON_TIME : BIRTH_REG_LATE;
        }
        if (kids[i].village) {
            free(c.village);
            c.village = strdup(kids[i].village == 1 ? "Thôn 1" : "Thôn 2");
        }
        ck_assert_msg(children_save(db, &c, NULL, NULL, NULL) == ST_OK, "%s", status_message());
        ids[i] = c.id;
        child_free(&c);
        if (kids[i].group) {
            struct child_period p = {.child_id = ids[i], .from = {2024, 1, 1},
                                     .to = kids[i].group_to};
            snprintf(p.code, sizeof p.code, "%s", kids[i].group);
            ck_assert_int_eq(children_add_period(db, &p), ST_OK);
        }
    }
}

static void add_step(struct db *db, long long id, int kind, struct date day)
{
    struct case_step s;
    case_step_init(&s, kind);
    s.case_id = id;
    s.at = (struct datetime){day, 11, 0};
    if (kind == CASE_STEP_INITIAL)
        s.emergency = 0;
    ck_assert_msg(cases_add_step(db, &s, NULL, 0, NULL, 0) == ST_OK, "%s", status_message());
    case_step_free(&s);
}

static void add_cases(struct db *db)
{
    for (size_t i = 0; i < NCASES; i++) {
        const struct kase *k = &cases_[i];
        struct case_file c;
        case_file_init(&c);
        c.source = CASE_SRC_111;
        c.kind = k->kind;
        c.injury = k->injury;
        c.died = k->died;
        c.level = i % 3;
        if (c.level < (int)case_default_level(c.kind)) /* Luật Trẻ em Điều 50: say why */
            c.level_reason = strdup("gia đình đã tự bảo vệ được trẻ");
        c.received = (struct datetime){k->day, 9, 0};
        if (k->kid >= 0) {
            c.child_id = ids[k->kid];
        } else {
            c.est_age = k->est_age;
            c.sex = k->sex;
            c.child_note = strdup("không rõ tên");
        }
        free(c.place);
        c.place = strdup(k->place);
        ck_assert_msg(cases_add(db, &c) == ST_OK, "case %zu: %s", i, status_message());
        if (k->helped) {
            add_step(db, c.id, CASE_STEP_INITIAL, k->day);
            add_step(db, c.id, CASE_STEP_DETAILED, k->day);
            add_step(db, c.id, CASE_STEP_PLAN, k->day);
        }
        case_file_free(&c);
    }
}

static struct db *db;
static struct report rep;

static void setup(void)
{
    setenv("TREEM_TODAY", "2025-06-30 09:00", 1);
    db = test_db_new(true);
    add_kids(db);
    setenv("TREEM_TODAY", "2026-01-10 09:00", 1);
    add_cases(db);
    struct date from, to;
    report_full_year(2025, &from, &to);
    ck_assert_int_eq(from.y * 10000 + from.m * 100 + from.d, 20241215);
    ck_assert_int_eq(to.y * 10000 + to.m * 100 + to.d, 20251214);
    ck_assert_msg(report_build(db, from, to, &rep) == ST_OK, "%s", status_message());
}

static void teardown(void)
{
    report_free(&rep);
    test_db_free(db);
    unsetenv("TREEM_TODAY");
}

static const struct report_line *line(const char *code)
{
    const struct report_line *l = report_find_code(&rep, code);
    ck_assert_msg(l != NULL, "no line %s", code);
    return l;
}

/* value and the three sex columns of code */
static void expect_sexed(const char *code, const long long by_sex[3])
{
    const struct report_line *l = line(code);
    ck_assert_msg(l->count == by_sex[0] + by_sex[1] + by_sex[2], "%s: %lld", code, l->count);
    ck_assert_msg(l->part[REPORT_PART_MALE] == by_sex[CHILD_SEX_MALE], "%s male", code);
    ck_assert_msg(l->part[REPORT_PART_FEMALE] == by_sex[CHILD_SEX_FEMALE], "%s female", code);
    ck_assert_msg(l->part[REPORT_PART_SEX_NA] == by_sex[CHILD_SEX_UNKNOWN], "%s unknown", code);
}

static int kid_age(size_t i)
{
    if (kids[i].birth.y)
        return date_age_years(kids[i].birth, ON);
    return kids[i].est_age + date_age_years((struct date){2025, 1, 1}, ON);
}

static bool in_group_on(size_t i)
{
    return kids[i].group && (!kids[i].group_to.y || date_cmp(kids[i].group_to, ON) >= 0)
        && kid_age(i) < 16;
}

START_TEST(test_report_children_lines)
{
    static const int bands[][2] = {{0, 2}, {3, 5}, {6, 10}, {11, 15}};
    long long all[3] = {0}, band[4][3] = {{0}}, village[3] = {0}, over16 = 0;
    for (size_t i = 0; i < NKIDS; i++) {
        int a = kid_age(i);
        if (a >= 16) {
            over16++;
            continue;
        }
        all[kids[i].sex]++;
        village[kids[i].village]++;
        for (int b = 0; b < 4; b++)
            band[b][kids[i].sex] += a >= bands[b][0] && a <= bands[b][1];
    }
    expect_sexed("TE01", all);
    char code[16];
    for (int b = 0; b < 4; b++) {
        snprintf(code, sizeof code, "TE01.%d", b + 1);
        expect_sexed(code, band[b]);
    }
    static const long long none[3] = {0};
    expect_sexed("TE01.9", none);
    ck_assert_int_eq(line("TE02.0")->count, village[0]);
    ck_assert_int_eq(report_find(&rep, REPORT_SEC_CHILDREN, "Thôn 1")->count, village[1]);
    ck_assert_int_eq(report_find(&rep, REPORT_SEC_CHILDREN, "Thôn 2")->count, village[2]);
    ck_assert(report_find(&rep, REPORT_SEC_CHILDREN, "Thôn 1")->local);
    ck_assert_int_eq(line("TE04")->count, over16);
    ck_assert_int_eq(over16, 1);
}
END_TEST

START_TEST(test_report_special_lines)
{
    long long any[3] = {0}, a[3] = {0}, d[3] = {0}, helped = 0, helped_a = 0, all = 0;
    for (size_t i = 0; i < NKIDS; i++) {
        all += kid_age(i) < 16;
        if (!in_group_on(i))
            continue;
        bool h = false;
        for (size_t k = 0; k < NCASES; k++)
            h |= cases_[k].kid == (int)i && cases_[k].helped;
        any[kids[i].sex]++;
        helped += h;
        if (kids[i].group[0] == 'a')
            a[kids[i].sex]++, helped_a += h;
        else
            d[kids[i].sex]++;
    }
    expect_sexed("DB01", any);
    expect_sexed("DB01.a", a);
    expect_sexed("DB01.d", d);
    static const long long none[3] = {0};
    expect_sexed("DB01.dd", none);
    ck_assert_int_eq(line("DB01")->part[REPORT_PART_BASE], all);
    ck_assert_int_eq(line("DB01")->part[REPORT_PART_HELPED], helped);
    ck_assert_int_eq(line("DB01.a")->part[REPORT_PART_HELPED], helped_a);
    ck_assert_int_eq(line("DB02")->count, helped);
    ck_assert_int_eq(line("DB02")->part[REPORT_PART_BASE], any[0] + any[1] + any[2]);
    ck_assert_int_eq(helped, 1);
    /* sub-groups: a.1 holds the group a children, d.1 those of d */
    expect_sexed("DB03.a.1", a);
    expect_sexed("DB03.d.1", d);
    expect_sexed("DB03.dd.0", none);   /* đ has no clauses: "đ.0" */
    ck_assert_int_eq(line("DB03.a.1")->part[REPORT_PART_HELPED], helped_a);
    size_t subs = 0;
    for (size_t i = 0; i < rep.n; i++)
        subs += strncmp(rep.lines[i].code, "DB03.", 5) == 0;
    ck_assert_uint_eq(subs, 48);   /* every sub-group, so the level above can sum them */
}
END_TEST

START_TEST(test_report_health_lines)
{
    long long u6 = 0, card = 0;
    for (size_t i = 0; i < NKIDS; i++)
        if (kid_age(i) < 6)
            u6++, card += kids[i].bhyt == 1;
    ck_assert_int_eq(line("YT08")->count, card);
    ck_assert_int_eq(line("YT08")->part[REPORT_PART_BASE], u6);
    long long u5 = 0;
    for (size_t i = 0; i < NKIDS; i++)
        u5 += kid_age(i) < 5;
    ck_assert_int_eq(line("YT03")->count, u5);
    long long born = 0, on_time = 0;
    for (size_t i = 0; i < NKIDS; i++)
        if (kids[i].birth.y == 2025)
            born++, on_time += kids[i].reg == 1;
    ck_assert_int_eq(line("YT01")->count, on_time);
    ck_assert_int_eq(line("YT01")->part[REPORT_PART_BASE], born);
    ck_assert_int_eq(born, 2);
    /* nobody born in 2024 was vaccinated: 0 of those turning 1 */
    long long turning1 = 0;
    for (size_t i = 0; i < NKIDS; i++)
        turning1 += kids[i].birth.y == 2024;
    ck_assert_int_eq(line("YT02")->count, 0);
    ck_assert_int_eq(line("YT02")->part[REPORT_PART_BASE], turning1);
}
END_TEST

static bool in_period(const struct kase *k)
{
    return date_cmp(k->day, (struct date){2024, 12, 15}) >= 0 && date_cmp(k->day, ON) <= 0;
}

static int case_sex(const struct kase *k)
{
    return k->kid >= 0 ? kids[k->kid].sex : k->sex;
}

static int case_age(const struct kase *k)
{
    if (k->kid < 0)
        return k->est_age;
    if (kids[k->kid].birth.y)
        return date_age_years(kids[k->kid].birth, k->day);
    return kids[k->kid].est_age + date_age_years((struct date){2025, 1, 1}, k->day);
}

static bool abuse(int kind)
{
    return kind == CASE_KIND_SEXUAL || kind == CASE_KIND_VIOLENCE || kind == CASE_KIND_EXPLOIT
        || kind == CASE_KIND_NEGLECT || kind == CASE_KIND_TRAFFICK;
}

/* The tally by sex of the cases in the period that pass keep(k, arg). */
static void tally(bool (*keep)(const struct kase *, int), int arg, long long out[3])
{
    out[0] = out[1] = out[2] = 0;
    for (size_t i = 0; i < NCASES; i++)
        if (in_period(&cases_[i]) && keep(&cases_[i], arg))
            out[case_sex(&cases_[i])]++;
}

static bool k_all(const struct kase *k, int a) { (void)a; (void)k; return true; }
static bool k_abuse(const struct kase *k, int a) { (void)a; return abuse(k->kind); }
static bool k_kind(const struct kase *k, int a) { return k->kind == a; }
static bool k_injury(const struct kase *k, int a) { return k->kind == CASE_KIND_INJURY && k->injury == a; }
static bool k_death(const struct kase *k, int a) { (void)a; return k->died; }
static bool k_place(const struct kase *k, int a)
{
    return abuse(k->kind) && case_place_of(k->place) == (enum case_place)a;
}
static bool k_age(const struct kase *k, int a)
{
    static const int lo[] = {0, 3, 6, 11, 16}, hi[] = {2, 5, 10, 15, 99};
    int age = case_age(k);
    return abuse(k->kind) && age >= lo[a] && age <= hi[a];
}

START_TEST(test_report_case_lines)
{
    long long t[3];
    tally(k_all, 0, t);
    expect_sexed("BV01", t);
    tally(k_abuse, 0, t);
    expect_sexed("BV02", t);
    static const int kinds[] = {CASE_KIND_SEXUAL, CASE_KIND_VIOLENCE, CASE_KIND_EXPLOIT,
                                CASE_KIND_NEGLECT, CASE_KIND_TRAFFICK};
    char code[16];
    for (int i = 0; i < 5; i++) {
        tally(k_kind, kinds[i], t);
        snprintf(code, sizeof code, "BV02.%d", i + 1);
        expect_sexed(code, t);
    }
    for (int a = 0; a < 5; a++) {
        tally(k_age, a, t);
        snprintf(code, sizeof code, "BV03.%d", a + 1);
        expect_sexed(code, t);
    }
    static const int places[] = {CASE_PLACE_FAMILY, CASE_PLACE_SCHOOL, CASE_PLACE_COMMUNITY,
                                 CASE_PLACE_ONLINE, CASE_PLACE_OTHER, CASE_PLACE_UNKNOWN};
    long long placed = 0;
    for (int p = 0; p < 6; p++) {
        tally(k_place, places[p], t);
        snprintf(code, sizeof code, "BV04.%d", p + 1);
        expect_sexed(code, t);
        placed += t[0] + t[1] + t[2];
    }
    ck_assert_int_eq(placed, line("BV02")->count);
    ck_assert_int_eq(line("BV04.1")->count, 1);   /* tại nhà riêng */
    ck_assert_int_eq(line("BV04.2")->count, 1);   /* trường */
    ck_assert_int_eq(line("BV04.4")->count, 1);   /* mạng */
    tally(k_kind, CASE_KIND_RISK, t);
    expect_sexed("BV05", t);
    tally(k_injury, CASE_INJ_DROWNING, t);
    expect_sexed("BV06.1", t);
    tally(k_injury, CASE_INJ_TRAFFIC, t);
    expect_sexed("BV06.2", t);
    tally(k_kind, CASE_KIND_INJURY, t);
    expect_sexed("BV06", t);
    tally(k_death, 0, t);
    expect_sexed("BV07", t);
    expect_sexed("BV07.1", t);           /* the only death in the period drowned */
    tally(k_kind, CASE_KIND_LAW, t);
    expect_sexed("BV08.1", t);
    expect_sexed("BV08", t);
    long long lv = 0;
    for (int i = 1; i <= 3; i++) {
        snprintf(code, sizeof code, "BV09.%d", i);
        lv += line(code)->count;
    }
    ck_assert_int_eq(lv, line("BV01")->count);
}
END_TEST

START_TEST(test_report_plan_and_score_lines)
{
    ck_assert_int_eq(line("KH01")->count, -1);     /* no plans: nothing to count */
    ck_assert_int_eq(line("KH02")->count, 0);
    ck_assert_int_eq(line("TC01")->count, -1);     /* not scored yet */
    ck_assert_ptr_nonnull(report_find_code(&rep, "H07"));
    ck_assert_ptr_nonnull(strstr(line("H07")->value, "Điều 24"));
    ck_assert_ptr_nonnull(strstr(line("H03")->value, "15/12/2024"));
}
END_TEST

/* Targets typed met, not met and with no value; tasks done, overdue, open. */
static const struct { const char *text; double aim, got; bool typed; } targets[] = {
    {"100 % trẻ em có thẻ BHYT", 100, 100, true},
    {"Trên 90 % trẻ em được cập nhật thông tin", 90, 80, true},
    {"97 % trẻ em đi học mầm non", 97, 0, false},
};
static const struct { const char *dept, *text; struct date due, done; } tasks[] = {
    {"congan", "Tuần tra bến sông", {2025, 6, 1}, {2025, 5, 20}},
    {"congan", "Tuyên truyền phòng chống xâm hại", {2025, 9, 1}, {0}},
    {"tuphap", "Rà soát khai sinh", {2025, 12, 31}, {0}},
};

START_TEST(test_report_plan_lines)
{
    struct plan p = {.number = "05/KH-UBND", .year = 2025, .title = "Kế hoạch năm 2025",
                     .issuer = "UBND"};
    ck_assert_msg(plan_create(db, &p) == ST_OK, "%s", status_message());
    long long met = 0, known = 0;
    for (size_t i = 0; i < sizeof targets / sizeof *targets; i++) {
        struct plan_target t = {.plan_id = p.id, .text = (char *)targets[i].text,
                                .value = targets[i].aim, .unit = PLAN_UNIT_PERCENT,
                                .direction = PLAN_AT_LEAST};
        ck_assert_msg(plan_target_add(db, &t) == ST_OK, "%s", status_message());
        if (targets[i].typed)
            ck_assert_int_eq(plan_target_set_value(db, t.id, targets[i].got, "sổ", ON), ST_OK);
        known += targets[i].typed;
        met += targets[i].typed && targets[i].got >= targets[i].aim;
    }
    long long done = 0, late = 0, n = sizeof tasks / sizeof *tasks;
    for (size_t i = 0; i < sizeof tasks / sizeof *tasks; i++) {
        struct task t = {.plan_id = p.id, .department_id = test_department_id(db, tasks[i].dept),
                         .text = (char *)tasks[i].text, .criteria = "", .start_on = {2025, 1, 1},
                         .due_on = tasks[i].due};
        ck_assert_msg(task_create(db, &t) == ST_OK, "%s", status_message());
        if (tasks[i].done.y)
            ck_assert_int_eq(task_mark_done(db, t.id, tasks[i].done, ""), ST_OK);
        done += tasks[i].done.y != 0;
        late += !tasks[i].done.y && date_cmp(tasks[i].due, ON) < 0;
    }
    report_free(&rep);
    struct date from, to;
    report_full_year(2025, &from, &to);
    ck_assert_int_eq(report_build(db, from, to, &rep), ST_OK);
    ck_assert_int_eq(line("KH01")->count, met);
    ck_assert_int_eq(line("KH01")->part[REPORT_PART_BASE], 3);
    ck_assert_int_eq(line("KH01.0")->count, 3 - known);
    ck_assert_int_eq(line("KH02")->count, n);
    ck_assert_int_eq(line("KH03")->count, done);
    ck_assert_int_eq(line("KH04")->count, late);
    char code[32];
    snprintf(code, sizeof code, "KH05.%lld", test_department_id(db, "congan"));
    ck_assert_int_eq(line(code)->count, 1);                         /* done of 2 */
    ck_assert_int_eq(line(code)->part[REPORT_PART_BASE], 2);
    ck_assert(line(code)->local);
    ck_assert_int_eq(met, 1);
    ck_assert_int_eq(late, 1);
}
END_TEST

/* A whole number: digits only, or nothing. */
static bool integer_or_empty(const char *s)
{
    if (!*s)
        return true;
    for (const char *p = s; *p; p++)
        if (*p < '0' || *p > '9')
            return false;
    return strlen(s) < 19;
}

START_TEST(test_report_csv_numbers_only)
{
    char *path = test_tmp_path(".csv");
    ck_assert_int_eq(report_write_csv(&rep, path), ST_OK);
    struct collected c = {0};
    ck_assert_msg(csv_read_file(path, NULL, collect_row, &c, NULL) == ST_OK, "%s", status_message());
    ck_assert_uint_gt(c.n, 60);
    static const char *const head[] = {"code", "label", "value", "male", "female",
                                       "sex_unknown", "of_total", "helped"};
    ck_assert_uint_eq(c.nfields[0], 8);
    for (size_t k = 0; k < 8; k++)
        ck_assert_str_eq(c.fields[0][k], head[k]);
    size_t numbers = 0;
    for (size_t i = 1; i < c.n; i++) {
        ck_assert_uint_eq(c.nfields[i], 8);
        for (size_t k = 2; k < 8; k++) {
            ck_assert_msg(integer_or_empty(c.fields[i][k]), "line %zu column %zu: '%s'", i + 1,
                          k + 1, c.fields[i][k]);
            numbers += c.fields[i][k][0] != '\0';
        }
        for (size_t k = 0; k < NKIDS; k++)
            ck_assert_ptr_null(strstr(c.fields[i][1], kids[k].name));
        const struct report_line *l = c.fields[i][0][0] ? report_find_code(&rep, c.fields[i][0])
                                                        : NULL;
        if (l && l->count >= 0) {
            char v[24];
            snprintf(v, sizeof v, "%lld", l->count);
            ck_assert_str_eq(c.fields[i][2], v);
        }
    }
    ck_assert_uint_gt(numbers, 100);
    collected_free(&c);
    remove(path);
    free(path);
}
END_TEST

START_TEST(test_report_cutoffs_setting)
{
    struct report_cutoffs c;
    ck_assert_int_eq(db_setting_set(db, "report_start", "01/01"), ST_OK);
    ck_assert_int_eq(db_setting_set(db, "report_half_end", "30/06"), ST_OK);
    ck_assert_int_eq(report_cutoffs_load(db, &c), ST_OK);
    struct date f, t;
    report_period(&c, REPORT_HALF, 2026, &f, &t);
    ck_assert_int_eq(f.y * 10000 + f.m * 100 + f.d, 20260101);
    ck_assert_int_eq(t.y * 10000 + t.m * 100 + t.d, 20260630);
    report_period(&c, REPORT_YEAR, 2026, &f, &t);
    ck_assert_int_eq(f.y * 10000 + f.m * 100 + f.d, 20260101);
    ck_assert_int_eq(t.y * 10000 + t.m * 100 + t.d, 20261214);
    ck_assert_int_eq(db_setting_set(db, "report_year_end", "31/02"), ST_OK);
    ck_assert_int_eq(report_cutoffs_load(db, &c), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "report_year_end"));
}
END_TEST

START_TEST(test_case_place_words)
{
    ck_assert_int_eq(case_place_of("Tại nhà"), CASE_PLACE_FAMILY);
    ck_assert_int_eq(case_place_of("gia đình bên ngoại"), CASE_PLACE_FAMILY);
    ck_assert_int_eq(case_place_of("Trường Tiểu học Lý Tây"), CASE_PLACE_SCHOOL);
    ck_assert_int_eq(case_place_of("nhà văn hóa thôn 3"), CASE_PLACE_COMMUNITY);
    ck_assert_int_eq(case_place_of("trên Zalo"), CASE_PLACE_ONLINE);
    ck_assert_int_eq(case_place_of("sông Ba"), CASE_PLACE_COMMUNITY);
    ck_assert_int_eq(case_place_of("lò gạch"), CASE_PLACE_OTHER);
    ck_assert_int_eq(case_place_of("  "), CASE_PLACE_UNKNOWN);
    ck_assert_int_eq(case_place_of(NULL), CASE_PLACE_UNKNOWN);
    ck_assert_int_eq(case_place_of("nhanh"), CASE_PLACE_OTHER);   /* "nha" only as a word */
}
END_TEST

Suite *suite_report_lines(void)
{
    Suite *s = test_suite((struct test_spec){"report_lines", "core", setup, teardown,
                           .tests = TEST_LIST(test_report_children_lines, test_report_special_lines,
                                              test_report_health_lines, test_report_case_lines,
                                              test_report_plan_and_score_lines, test_report_plan_lines,
                                              test_report_csv_numbers_only, test_report_cutoffs_setting)}, NULL);
    test_tcase(s, (struct test_spec){.tcase = "place",
                   .tests = TEST_LIST(test_case_place_words)});
    return s;
}
