/* test_lookups — the repository look-ups that replaced the SQL of src/app
 * and src/cli (issue 18): villages counted, named, found and added; a unit
 * by code and by words; departments counted, known by code, active or not;
 * cases counted and found by uid; the ethnic names of the catalogue; the
 * register's ratios on an empty register; owners of missing facts. */
#include <config.h>
#include "tests.h"
#include "treem/db/case_repo.h"
#include "treem/db/catalog_repo.h"
#include "treem/db/child_counts.h"
#include "treem/db/child_facts.h"
#include "treem/db/child_search.h"
#include "treem/db/department_repo.h"
#include "treem/db/holiday_repo.h"
#include "treem/db/unit_repo.h"
#include "treem/db/village_repo.h"

#include <stdlib.h>
#include <string.h>

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

START_TEST(villages)
{
    struct db *db = test_db_new(true);
    long long n = -1, id = 0;
    ck_assert_int_eq(village_repo_count(db, &n), ST_OK);
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(village_repo_add(db, "Thôn Đông", "thon dong"), ST_OK);
    ck_assert_int_eq(village_repo_add(db, "Thôn Tây", "thon tay"), ST_OK);
    ck_assert_int_eq(village_repo_add(db, "Thôn Đông", "thon dong"), ST_OK); /* kept once */
    ck_assert_int_eq(village_repo_count(db, &n), ST_OK);
    ck_assert_int_eq(n, 2);
    char **names;
    size_t nn;
    ck_assert_int_eq(village_repo_names(db, &names, &nn), ST_OK);
    ck_assert_uint_eq(nn, 2);
    ck_assert_str_eq(names[0], "Thôn Đông");
    ck_assert_str_eq(names[1], "Thôn Tây");
    free_names(names, nn);
    long long *ids;
    ck_assert_int_eq(village_repo_ids(db, &ids, &nn), ST_OK);
    ck_assert_uint_eq(nn, 2);
    long long first = ids[0];
    free(ids);
    int found;
    bool exact;
    ck_assert_int_eq(village_repo_match(db, "dong", &id, &found, &exact), ST_OK);
    ck_assert(found == 1 && !exact && id == first);
    ck_assert_int_eq(village_repo_match(db, "thon", &id, &found, &exact), ST_OK);
    ck_assert(found == 2 && !exact);
    ck_assert_int_eq(village_repo_match(db, "thon dong", &id, &found, &exact), ST_OK);
    ck_assert(found == 1 && exact && id == first);
    ck_assert_int_eq(village_repo_match(db, "bac", &id, &found, &exact), ST_OK);
    ck_assert_int_eq(found, 0);
    test_db_free(db);
}
END_TEST

START_TEST(units)
{
    struct db *db = test_db_new(false);
    struct unit_row u;
    ck_assert_int_eq(unit_repo_get(db, "00004", &u), ST_OK);
    ck_assert_str_eq(u.code, "00004");
    ck_assert(u.full_name[0] && u.province_name[0] && u.province_code[0]);
    char province[8];
    strcpy(province, u.province_code);
    unit_row_clear(&u);
    ck_assert_int_eq(unit_repo_get(db, "99999", &u), ST_NOTFOUND);
    ck_assert_ptr_null(u.code);
    struct unit_row *rows;
    size_t n;
    ck_assert_int_eq(unit_repo_search(db, province, NULL, 0, 3, &rows, &n), ST_OK);
    ck_assert_uint_eq(n, 3);
    for (size_t i = 0; i < n; i++)
        ck_assert_str_eq(rows[i].province_code, province);
    unit_rows_free(rows, n);
    const char *const nowhere[] = {"zzzq"};
    ck_assert_int_eq(unit_repo_search(db, NULL, nowhere, 1, 3, &rows, &n), ST_OK);
    ck_assert_uint_eq(n, 0);
    unit_rows_free(rows, n);
    test_db_free(db);
}
END_TEST

START_TEST(departments)
{
    struct db *db = test_db_new(true);
    struct department *list;
    size_t n;
    ck_assert_int_eq(department_repo_list(db, true, &list, &n), ST_OK);
    ck_assert_uint_gt(n, 0);
    long long all = 0, active = 0, first = 0;
    ck_assert_int_eq(department_repo_count(db, false, &all), ST_OK);
    ck_assert_int_eq(department_repo_count(db, true, &active), ST_OK);
    ck_assert_int_eq(all, (long long)n);
    ck_assert_int_le(active, all);
    bool known = false, on = false;
    ck_assert_int_eq(department_repo_code_known(db, list[0].code, &known), ST_OK);
    ck_assert(known);
    ck_assert_int_eq(department_repo_code_known(db, "no-such-code", &known), ST_OK);
    ck_assert(!known);
    ck_assert_int_eq(department_repo_is_active(db, list[0].id, &on), ST_OK);
    ck_assert(on == list[0].active);
    ck_assert_int_eq(department_repo_is_active(db, 987654, &on), ST_NOTFOUND);
    ck_assert(!on);
    ck_assert_int_eq(department_repo_first_active(db, &first), ST_OK);
    for (size_t i = 0; i < n; i++)
        if (list[i].active) {
            ck_assert_int_eq(first, list[i].id);
            break;
        }
    department_list_free(list, n);
    test_db_free(db);
}
END_TEST

START_TEST(cases_and_counts)
{
    struct db *db = test_db_new(true);
    long long n = -1, id = 0, owner = 0;
    ck_assert_int_eq(case_repo_count(db, false, &n), ST_OK);
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(case_repo_count(db, true, &n), ST_OK);
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(case_repo_id_by_uid(db, "00004-NONE", &id), ST_NOTFOUND);
    ck_assert_int_eq(holiday_repo_count(db, &n), ST_OK);
    ck_assert_int_gt(n, 0);
    ck_assert_int_eq(child_facts_period_owner(db, 42, &owner), ST_NOTFOUND);
    ck_assert_int_eq(child_facts_measure_owner(db, 42, &owner), ST_NOTFOUND);
    long long *ids;
    size_t nids;
    ck_assert_int_eq(child_search_ids_born_after(db, (struct date){2000, 1, 1}, &ids, &nids), ST_OK);
    ck_assert_uint_eq(nids, 0);
    free(ids);
    for (int k = CHILD_COUNT_BIRTH_REG; k <= CHILD_COUNT_SPECIAL; k++) {
        long long num = -1, den = -1;
        ck_assert_int_eq(child_counts_ratio(db, k, (struct date){2010, 1, 1},
                                            (struct date){2026, 6, 30}, &num, &den), ST_OK);
        ck_assert(num == 0 && den == 0);
    }
    char **names;
    size_t nn;
    ck_assert_int_eq(catalog_repo_ethnic_names(db, &names, &nn), ST_OK);
    ck_assert_uint_gt(nn, 50);
    free_names(names, nn);
    test_db_free(db);
}
END_TEST

Suite *suite_lookups(void)
{
    return test_suite((struct test_spec){"lookups", "lookups",
                       .tests = TEST_LIST(villages, units, departments, cases_and_counts)}, NULL);
}
