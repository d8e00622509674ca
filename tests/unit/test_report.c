/* test_report — app/report on a small hand-made register and three cases:
 * children by sex and age group on the period's last day (the 16th birthday
 * moves a child apart), by ethnicity, by group letter (an ended period does
 * not count), cases by kind inside and outside the period, and no name of a
 * child or of a reporter anywhere in the report or its CSV. */
#include <config.h>
#include "tests.h"
#include "treem/app/report.h"
#include "treem/app/cases.h"
#include "treem/app/children.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define REPORTER "Trần Văn Báo Tin"

static const char *const names[] = {"Lê Thị An", "Phạm Văn Bình", "Đinh Văn Cường",
                                    "Hồ Thị Dung", "Võ Thị Em"};

/* name, birth, sex, ethnicity */
static const struct kid {
    int name;
    struct date birth;
    int sex;
    const char *ethnicity;
} kids[] = {
    {0, {2024, 5, 1}, CHILD_SEX_FEMALE, "Kinh"},    /* 1 on 31/12/2025: 0–2 */
    {1, {2021, 1, 10}, CHILD_SEX_MALE, "Kinh"},     /* 4: 3–5 */
    {2, {2015, 6, 1}, CHILD_SEX_MALE, "Ba Na"},     /* 10: 6–10, group a */
    {3, {2009, 12, 31}, CHILD_SEX_FEMALE, "Kinh"},  /* 16 on 31/12/2025: apart */
    {4, {2010, 1, 1}, CHILD_SEX_FEMALE, ""},        /* 15: 11–15, group d ended */
};
#define NKIDS (sizeof kids / sizeof kids[0])

static long long ids[NKIDS];

static void add_kids(struct db *db)
{
    for (size_t i = 0; i < NKIDS; i++) {
        struct child c;
        child_init(&c);
        c.full_name = strdup(names[kids[i].name]);
        c.birth_date = kids[i].birth;
        c.sex = kids[i].sex;
        c.ethnicity = strdup(kids[i].ethnicity);
        ck_assert_int_eq(children_save(db, &c, NULL, NULL, NULL), ST_OK);
        ids[i] = c.id;
        child_free(&c);
    }
    struct child_period p = {.child_id = ids[2], .code = "a.1", .from = {2024, 1, 1}};
    ck_assert_int_eq(children_add_period(db, &p), ST_OK);
    struct child_period q = {.child_id = ids[4], .code = "d.1", .from = {2024, 1, 1},
                             .to = {2025, 6, 30}};
    ck_assert_int_eq(children_add_period(db, &q), ST_OK);
}

static void add_case(struct db *db, long long child_id, int kind, struct date day)
{
    struct case_file c;
    case_file_init(&c);
    c.source = CASE_SRC_111;
    c.kind = kind;
    c.level = case_default_level(c.kind);
    c.received = (struct datetime){day, 10, 0};
    c.child_id = child_id;
    c.consent = true;
    c.reporter_name = strdup(REPORTER);
    c.reporter_phone = strdup("0905123456");
    ck_assert_int_eq(cases_add(db, &c), ST_OK);
    case_file_free(&c);
}

static struct db *setup(void)
{
    /* Kids entered in mid-2025, while the eldest was still 15. */
    setenv("TREEM_TODAY", "2025-06-30 09:00", 1);
    struct db *db = test_db_new(true);
    add_kids(db);
    setenv("TREEM_TODAY", "2026-03-16 09:00", 1);
    add_case(db, ids[2], CASE_KIND_VIOLENCE, (struct date){2025, 3, 1});
    add_case(db, 0, CASE_KIND_SEXUAL, (struct date){2025, 11, 20});
    add_case(db, ids[1], CASE_KIND_NEGLECT, (struct date){2026, 2, 1});
    return db;
}

static long long count(const struct report *r, enum report_section s, const char *label)
{
    const struct report_line *l = report_find(r, s, label);
    ck_assert_msg(l != NULL, "no line '%s'", label);
    return l->count;
}

/* The number of kids under 16 on `on` matching sex (-1 any), ages [lo, hi]. */
static long long expect_kids(struct date on, int sex, int lo, int hi)
{
    long long n = 0;
    for (size_t i = 0; i < NKIDS; i++) {
        int age = date_age_years(kids[i].birth, on);
        n += age < 16 && age >= lo && age <= hi && (sex < 0 || kids[i].sex == sex);
    }
    return n;
}

START_TEST(test_report_children_by_sex_and_age)
{
    struct db *db = setup();
    struct report r;
    struct date from = {2025, 1, 1}, to = {2025, 12, 31};
    ck_assert_int_eq(report_build(db, from, to, &r), ST_OK);
    ck_assert_int_eq(count(&r, REPORT_SEC_CHILDREN, "Children under 16 on 31/12/2025"),
                     expect_kids(to, -1, 0, 15));
    ck_assert_int_eq(expect_kids(to, -1, 0, 15), 4);   /* the 16th birthday on 31/12 */
    static const int groups[][2] = {{0, 2}, {3, 5}, {6, 10}, {11, 15}};
    for (size_t g = 0; g < 4; g++) {
        char label[32];
        snprintf(label, sizeof label, "Aged %d–%d", groups[g][0], groups[g][1]);
        ck_assert_int_eq(count(&r, REPORT_SEC_CHILDREN, label),
                         expect_kids(to, -1, groups[g][0], groups[g][1]));
    }
    const struct report_line *all = report_find_code(&r, "TE01");
    ck_assert_int_eq(all->part[REPORT_PART_MALE], expect_kids(to, CHILD_SEX_MALE, 0, 15));
    ck_assert_int_eq(all->part[REPORT_PART_FEMALE], expect_kids(to, CHILD_SEX_FEMALE, 0, 15));
    ck_assert_int_eq(count(&r, REPORT_SEC_CHILDREN, "Aged 16 or over (kept apart, not counted above)"), 1);
    ck_assert_int_eq(count(&r, REPORT_SEC_CHILDREN, "Kinh"), 2);
    ck_assert_int_eq(count(&r, REPORT_SEC_CHILDREN, "Ba-na"), 1);  /* typed "Ba Na": the catalogue's name */
    ck_assert_int_eq(count(&r, REPORT_SEC_CHILDREN, "Ethnicity not recorded"), 1);
    ck_assert_str_eq(report_find(&r, REPORT_SEC_CHILDREN, "Aged 11–15")->value,
                     "1 (boys 0, girls 1, not known 0)");
    report_free(&r);
    test_db_free(db);
}
END_TEST

START_TEST(test_report_groups_on_the_last_day)
{
    struct db *db = setup();
    struct report r;
    struct date from, to;
    report_half_year(2025, &from, &to);   /* 30/06/2025: the d period still runs */
    ck_assert_int_eq(report_build(db, from, to, &r), ST_OK);
    ck_assert_int_eq(count(&r, REPORT_SEC_SPECIAL, "a) Trẻ em mồ côi cả cha và mẹ"), 1);
    ck_assert_int_eq(count(&r, REPORT_SEC_SPECIAL, "d) Trẻ em khuyết tật"), 1);
    ck_assert_int_eq(count(&r, REPORT_SEC_SPECIAL, "b) Trẻ em bị bỏ rơi"), 0);
    report_free(&r);
    report_full_year(2025, &from, &to);   /* 31/12/2025: it has ended */
    ck_assert_int_eq(report_build(db, from, to, &r), ST_OK);
    ck_assert_int_eq(count(&r, REPORT_SEC_SPECIAL, "a) Trẻ em mồ côi cả cha và mẹ"), 1);
    ck_assert_int_eq(count(&r, REPORT_SEC_SPECIAL, "d) Trẻ em khuyết tật"), 0);
    report_free(&r);
    test_db_free(db);
}
END_TEST

/* Cases: [from, to] → received, violence, sexual abuse, neglect. */
static const struct {
    struct date from, to;
    long long received, violence, sexual, neglect;
} case_rows[] = {
    {{2025, 1, 1}, {2025, 6, 30}, 1, 1, 0, 0},
    {{2025, 1, 1}, {2025, 12, 31}, 2, 1, 1, 0},
    {{2025, 3, 2}, {2026, 3, 16}, 2, 0, 1, 1},
    {{2025, 3, 1}, {2025, 3, 1}, 1, 1, 0, 0},
};

START_TEST(test_report_cases_in_the_period)
{
    struct db *db = setup();
    struct report r;
    ck_assert_int_eq(report_build(db, case_rows[_i].from, case_rows[_i].to, &r), ST_OK);
    ck_assert_int_eq(count(&r, REPORT_SEC_PROTECTION, "Cases received in the period"),
                     case_rows[_i].received);
    ck_assert_int_eq(count(&r, REPORT_SEC_PROTECTION, "Violence"), case_rows[_i].violence);
    ck_assert_int_eq(count(&r, REPORT_SEC_PROTECTION, "Sexual abuse"), case_rows[_i].sexual);
    ck_assert_int_eq(count(&r, REPORT_SEC_PROTECTION, "Neglect"),
                     case_rows[_i].neglect);
    /* all abuse: at the intervention level (Luật Trẻ em Điều 50) */
    ck_assert_int_eq(count(&r, REPORT_SEC_PROTECTION, "Intervention"), case_rows[_i].received);
    ck_assert_int_eq(count(&r, REPORT_SEC_PROTECTION, "Support"), 0);
    report_free(&r);
    test_db_free(db);
}
END_TEST

START_TEST(test_report_no_names_anywhere)
{
    struct db *db = setup();
    struct report r;
    struct date from, to;
    report_full_year(2025, &from, &to);
    ck_assert_int_eq(report_build(db, from, to, &r), ST_OK);
    ck_assert_uint_gt(r.n, 40);
    for (size_t i = 0; i < r.n; i++) {
        ck_assert_ptr_null(strstr(r.lines[i].label, REPORTER));
        ck_assert_ptr_null(strstr(r.lines[i].value, REPORTER));
        ck_assert_ptr_null(strstr(r.lines[i].value, "0905123456"));
        for (size_t k = 0; k < NKIDS; k++) {
            ck_assert_ptr_null(strstr(r.lines[i].label, names[k]));
            ck_assert_ptr_null(strstr(r.lines[i].value, names[k]));
        }
    }
    char path[] = "/tmp/treem-report-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd); /* the file is written beside and renamed over: read it anew */
    ck_assert_int_eq(report_write_csv(&r, path), ST_OK);
    FILE *f = fopen(path, "rb");
    char buf[65536];
    size_t len = fread(buf, 1, sizeof buf - 1, f);
    buf[len] = '\0';
    fclose(f);
    remove(path);
    ck_assert_ptr_nonnull(strstr(buf, "Cases received in the period,2"));
    ck_assert_ptr_null(strstr(buf, REPORTER));
    ck_assert_ptr_null(strstr(buf, names[2]));
    report_free(&r);
    test_db_free(db);
}
END_TEST

START_TEST(test_report_refuses_a_reversed_period)
{
    struct db *db = test_db_new(true);
    struct report r;
    ck_assert_int_eq(report_build(db, (struct date){2025, 7, 1}, (struct date){2025, 6, 30}, &r),
                     ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "to:"));
    report_free(&r);
    test_db_free(db);
}
END_TEST

static void unset_today(void) { unsetenv("TREEM_TODAY"); }

Suite *suite_report(void)
{
    return test_suite((struct test_spec){"report", "core", NULL, unset_today,
                       .tests = TEST_LIST(test_report_children_by_sex_and_age,
                                          test_report_groups_on_the_last_day, test_report_no_names_anywhere,
                                          test_report_refuses_a_reversed_period),
                       .loops = LOOP_LIST(TEST_ROWS(test_report_cases_in_the_period, case_rows))}, NULL);
}
