/* test_commune — the shipped unit list, setting up a database's commune,
 * search, villages and the catalogues loaded at set-up. */
#include <config.h>
#include "tests.h"
#include "treem/app/catalog.h"
#include "treem/app/commune.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct db *db;

static void setup(void) { db = test_db_new(true); }
static void teardown(void) { test_db_free(db); db = NULL; }

static long long count(const char *sql)
{
    long long v = -1;
    ck_assert_msg(db_query_int(db, sql, NULL, &v) == ST_OK, "%s: %s", sql, status_message());
    return v;
}

static char *setting(const char *key)
{
    char *v = NULL;
    return db_setting_get(db, key, &v) == ST_OK ? v : NULL;
}

/* ------------------------------------------------------------ find --- */

static const struct { const char *code, *full_name, *province_code, *province; } known[] = {
    {"00004", "Phường Ba Đình", "01", "Thành phố Hà Nội"},
    {"21934", "Phường An Nhơn Đông", "52", "Tỉnh Gia Lai"},
};

START_TEST(test_find_known)
{
    struct commune c;
    ck_assert_int_eq(commune_find(db, known[_i].code, &c), ST_OK);
    ck_assert_str_eq(c.code, known[_i].code);
    ck_assert_str_eq(c.full_name, known[_i].full_name);
    ck_assert_str_eq(c.province_code, known[_i].province_code);
    ck_assert_str_eq(c.province_name, known[_i].province);
    commune_free(&c);
}
END_TEST

static const char *const unknown_codes[] = {"99999", "0004", "", "00004 ", "abcde"};

START_TEST(test_find_unknown)
{
    struct commune c;
    status_clear();
    ck_assert_int_eq(commune_find(db, unknown_codes[_i], &c), ST_NOTFOUND);
    char want[16];
    snprintf(want, sizeof want, "'%s'", unknown_codes[_i]);
    ck_assert_msg(strstr(status_message(), want), "'%s' not named in: %s", unknown_codes[_i],
                  status_message());
}
END_TEST

/* ----------------------------------------------------------- setup --- */

START_TEST(test_setup_idempotent)
{
    ck_assert_int_eq(commune_setup(db, "00004"), ST_OK);
    ck_assert_int_eq(commune_setup(db, "00004"), ST_OK);
    char *code = setting("commune_code");
    ck_assert_str_eq(code, "00004");
    free(code);
    struct commune c;
    ck_assert_int_eq(commune_current(db, &c), ST_OK);
    ck_assert_str_eq(c.code, "00004");
    commune_free(&c);
}
END_TEST

START_TEST(test_setup_refuses_other_commune)
{
    status_clear();
    ck_assert_int_eq(commune_setup(db, "21934"), ST_CONFLICT);
    ck_assert_ptr_nonnull(strstr(status_message(), "21934"));
    ck_assert_ptr_nonnull(strstr(status_message(), "00004"));
    ck_assert_int_eq(commune_setup(db, "99999"), ST_NOTFOUND);
    char *code = setting("commune_code");
    ck_assert_str_eq(code, "00004");
    free(code);
}
END_TEST

START_TEST(test_setup_fresh_database)
{
    struct db *fresh = test_db_new(false);
    struct commune c;
    ck_assert_int_eq(commune_current(fresh, &c), ST_NOTFOUND);
    ck_assert_int_eq(commune_setup(fresh, "99999"), ST_NOTFOUND);
    ck_assert_int_eq(commune_current(fresh, &c), ST_NOTFOUND);
    ck_assert_int_eq(commune_setup(fresh, "21934"), ST_OK);
    ck_assert_int_eq(commune_current(fresh, &c), ST_OK);
    ck_assert_str_eq(c.full_name, "Phường An Nhơn Đông");
    commune_free(&c);
    test_db_free(fresh);
}
END_TEST

/* ---------------------------------------------------------- search --- */

static const struct {
    const char *province, *query;
    const char *code; /* must be among the results, or NULL: no result */
} searches[] = {
    {NULL, "nhon dong", "21934"},
    {NULL, "dong nhon an", "21934"},
    {NULL, "An Nhơn Đông", "21934"},
    {NULL, "AN NHƠN ĐÔNG", "21934"},
    {NULL, "  an   nhon\tdong ", "21934"},
    {NULL, "An Nho\xcc\x9bn \xc4\x90o\xcc\x82ng", "21934"},  /* NFD */
    {NULL, "an nhon dong gia lai", "21934"},  /* a word of the province */
    {"52", "an nhon dong", "21934"},
    {"01", "an nhon dong", NULL},
    {NULL, "ba dinh", "00004"},
    {"01", "ba dinh", "00004"},
    {NULL, "nhon dong zzz", NULL},
};
#define NSEARCH (sizeof searches / sizeof *searches)

START_TEST(test_search)
{
    struct commune *list = NULL;
    size_t n = 0;
    ck_assert_msg(commune_search(db, searches[_i].province, searches[_i].query, 50, &list, &n) ==
                  ST_OK, "%s", status_message());
    bool found = false;
    for (size_t i = 0; i < n; i++) {
        if (searches[_i].province)
            ck_assert_str_eq(list[i].province_code, searches[_i].province);
        found |= strcmp(list[i].code, searches[_i].code ? searches[_i].code : "") == 0;
        /* every word of the query is in the name or the province */
        char *q = utf8_fold(searches[_i].query), *name = utf8_fold(list[i].full_name),
             *prov = utf8_fold(list[i].province_name);
        for (char *w = strtok(q, " "); w; w = strtok(NULL, " "))
            ck_assert_msg(strstr(name, w) || strstr(prov, w), "'%s' matched %s", w, name);
        free(q);
        free(name);
        free(prov);
    }
    if (searches[_i].code)
        ck_assert_msg(found, "'%s' did not find %s", searches[_i].query, searches[_i].code);
    else
        ck_assert_uint_eq(n, 0);
    commune_list_free(list, n);
}
END_TEST

START_TEST(test_search_limits)
{
    struct commune *list = NULL;
    size_t n = 0;
    ck_assert_int_eq(commune_search(db, NULL, "phuong", 7, &list, &n), ST_OK);
    ck_assert_uint_eq(n, 7);
    commune_list_free(list, n);
    ck_assert_int_eq(commune_search(db, "52", "", 5000, &list, &n), ST_OK);
    ck_assert_uint_eq(n, (size_t)count("SELECT count(*) FROM unit WHERE province_code = '52'"));
    commune_list_free(list, n);
    ck_assert_int_eq(commune_search(db, NULL, "\xff", 10, &list, &n), ST_INVALID);
    ck_assert_uint_eq(n, 0);
}
END_TEST

/* -------------------------------------------------------- villages --- */

START_TEST(test_villages)
{
    ck_assert_int_eq(village_add(db, "Tho\xcc\x82n 1"), ST_OK);  /* NFD */
    ck_assert_int_eq(village_add(db, "Thôn 1"), ST_OK);          /* the same, NFC */
    ck_assert_int_eq(village_add(db, "Tổ dân phố Lý Tây"), ST_OK);
    status_clear();
    ck_assert_int_eq(village_add(db, ""), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "village"));
    ck_assert_int_eq(village_add(db, "  \t "), ST_INVALID);
    ck_assert_int_eq(village_add(db, "Th\xff"), ST_INVALID);
    char **names;
    size_t n;
    ck_assert_int_eq(village_list(db, &names, &n), ST_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(names[0], "Thôn 1");  /* stored NFC, in the order added */
    ck_assert_str_eq(names[1], "Tổ dân phố Lý Tây");
    string_list_free(names, n);
    ck_assert_int_eq(count("SELECT count(*) FROM village WHERE name_fold = 'thon 1'"), 1);
}
END_TEST

/* ------------------------------------------------------ catalogues --- */

static const struct { const char *sql; long long want; } catalogue_counts[] = {
    {"SELECT count(*) FROM province", 34},
    {"SELECT count(*) FROM unit", 3321},
    {"SELECT count(*) FROM sc_group", 14},
    {"SELECT count(*) FROM sc_subgroup", 48},
    {"SELECT count(*) FROM sc_group WHERE sort = 99", 0},
    {"SELECT count(*) FROM sc_subgroup s LEFT JOIN sc_group g USING (letter) "
     "WHERE g.letter IS NULL", 0},
    {"SELECT count(*) FROM unit u LEFT JOIN province p ON p.code = u.province_code "
     "WHERE p.code IS NULL", 0},
    {"SELECT count(*) FROM unit WHERE length(code) <> 5", 0},
    {"SELECT count(*) FROM ethnic_group", 55},
    {"SELECT count(*) > 0 FROM department", 1},
    {"SELECT count(*) > 20 FROM holiday", 1},
    {"SELECT count(*) FROM holiday WHERE date NOT GLOB "
     "'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'", 0},
    {"SELECT sort FROM sc_group WHERE letter = 'đ'", 5},
};
#define NCOUNTS (sizeof catalogue_counts / sizeof *catalogue_counts)

START_TEST(test_catalogue_counts)
{
    ck_assert_int_eq(count(catalogue_counts[_i].sql), catalogue_counts[_i].want);
}
END_TEST

START_TEST(test_catalog_sync_twice)
{
    bool changed = true;
    int before = sqlite3_total_changes(db->sql);
    ck_assert_int_eq(catalog_sync(db, &changed), ST_OK);
    ck_assert(!changed);
    ck_assert_int_eq(sqlite3_total_changes(db->sql), before);
}
END_TEST

/* A changed asset is loaded again without duplicates, and the officer's
 * edits to the editable lists are kept. */
START_TEST(test_catalog_resync_keeps_edits)
{
    ck_assert_int_eq(db_exec(db, "UPDATE department SET name = 'Edited' WHERE id = "
                                 "(SELECT min(id) FROM department);"
                                 "DELETE FROM holiday WHERE date = '2025-01-01';"
                                 "UPDATE setting SET value = 'old' WHERE key = 'catalog_fingerprint'"),
                     ST_OK);
    long long departments = count("SELECT count(*) FROM department");
    bool changed = false;
    ck_assert_int_eq(catalog_sync(db, &changed), ST_OK);
    ck_assert(changed);
    ck_assert_int_eq(count("SELECT count(*) FROM unit"), 3321);
    ck_assert_int_eq(count("SELECT count(*) FROM sc_subgroup"), 48);
    ck_assert_int_eq(count("SELECT count(*) FROM department"), departments);
    ck_assert_int_eq(count("SELECT count(*) FROM department WHERE name = 'Edited'"), 1);
    ck_assert_int_eq(count("SELECT count(*) FROM holiday WHERE date = '2025-01-01'"), 0);
    ck_assert_int_eq(catalog_sync(db, &changed), ST_OK);
    ck_assert(!changed);
}
END_TEST

Suite *suite_commune(void)
{
    return test_suite((struct test_spec){"commune", "commune", setup, teardown, .timeout = 30,
                       .tests = TEST_LIST(test_setup_idempotent, test_setup_refuses_other_commune,
                                          test_setup_fresh_database, test_search_limits, test_villages,
                                          test_catalog_sync_twice, test_catalog_resync_keeps_edits),
                       .loops = LOOP_LIST(TEST_ROWS(test_find_known, known),
                                          TEST_ROWS(test_find_unknown, unknown_codes), {test_search, 0, (int)NSEARCH},
                                          {test_catalogue_counts, 0, (int)NCOUNTS})}, NULL);
}
