/* test_measures — plan measures computed from a small hand-made register:
 * the right answers are worked out here, not read back from the code. */
#include <config.h>
#include "tests.h"
#include "treem/app/children.h"
#include "treem/app/commune.h"
#include "treem/app/measures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct db *db;

static void setup(void)
{
    setenv("TREEM_TODAY", "2026-03-16", 1);
    db = test_db_new(true);
    ck_assert(village_add(db, "Thôn Đông") == ST_OK);
}

static void teardown(void)
{
    test_db_free(db);
    unsetenv("TREEM_TODAY");
}

static void add(const char *name, const char *dob, const char *registered, const char *timing,
                const char *vaccinated_on)
{
    struct child c;
    child_init(&c);
    const struct { const char *key, *value; } kv[] = {
        {"full_name", name}, {"birth_date", dob}, {"sex", "nam"}, {"village", "Thôn Đông"},
        {"birth_registered", registered}, {"birth_reg_timing", timing},
        {"vaccinated_on", vaccinated_on},
    };
    for (size_t i = 0; i < sizeof kv / sizeof *kv; i++)
        ck_assert_msg(child_field_parse(&c, child_field_find(kv[i].key), kv[i].value) == ST_OK,
                      "%s: %s", kv[i].key, status_message());
    struct children_save_opts force = {true, NULL, 0};
    ck_assert_msg(children_save(db, &c, &force, NULL, NULL) == ST_OK, "%s", status_message());
    child_free(&c);
}

START_TEST(empty_register_is_not_zero_percent)
{
    struct plan_measured m;
    ck_assert_int_eq(measures_plan(db, PLAN_MEASURE_BIRTH_REG_ON_TIME_RATE, 2025,
                                   (struct date){2025, 12, 31}, &m), ST_NOTFOUND);
}
END_TEST

START_TEST(birth_registration_rate)
{
    /* born in 2025: three, two registered on time, one late; one born in 2024 */
    add("Lê Văn An", "10/01/2025", "có", "on_time", "");
    add("Lê Văn Bình", "20/05/2025", "có", "on_time", "");
    add("Lê Văn Cường", "02/07/2025", "có", "late", "");
    add("Lê Văn Dũng", "02/07/2024", "có", "on_time", "");
    struct plan_measured m;
    ck_assert_int_eq(measures_plan(db, PLAN_MEASURE_BIRTH_REG_ON_TIME_RATE, 2025,
                                   (struct date){2025, 12, 31}, &m), ST_OK);
    ck_assert_int_eq(m.numerator, 2);
    ck_assert_int_eq(m.denominator, 3);
    ck_assert_double_eq_tol(m.value, 200.0 / 3.0, 1e-9);
}
END_TEST

START_TEST(vaccination_rate)
{
    /* first birthday in 2025 = born in 2024: one vaccinated before it, one not */
    add("Trần Thị Em", "01/02/2024", "có", "on_time", "15/12/2024");
    add("Trần Thị Gấm", "01/03/2024", "có", "on_time", "");
    struct plan_measured m;
    ck_assert_int_eq(measures_plan(db, PLAN_MEASURE_VACCINATED_U1_RATE, 2025,
                                   (struct date){2025, 12, 31}, &m), ST_OK);
    ck_assert_int_eq(m.numerator, 1);
    ck_assert_int_eq(m.denominator, 2);
    ck_assert_double_eq_tol(m.value, 50.0, 1e-9);
}
END_TEST

START_TEST(uncomputable_measures_say_so)
{
    add("Lê Văn An", "10/01/2025", "có", "on_time", "");
    struct plan_measured m;
    ck_assert_int_eq(measures_plan(db, PLAN_MEASURE_SC_CHILDREN_HELPED_RATE, 2025,
                                   (struct date){2025, 12, 31}, &m), ST_NOTFOUND);
    ck_assert_int_eq(measures_plan(db, PLAN_MEASURE_REGISTER_UPDATED_RATE, 2025,
                                   (struct date){2025, 12, 31}, &m), ST_NOTFOUND);
}
END_TEST

Suite *suite_measures(void)
{
    Suite *s = suite_create("measures");
    TCase *tc = tcase_create("plan");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, empty_register_is_not_zero_percent);
    tcase_add_test(tc, birth_registration_rate);
    tcase_add_test(tc, vaccination_rate);
    tcase_add_test(tc, uncomputable_measures_say_so);
    suite_add_tcase(s, tc);
    return s;
}
