/* test_province — the level above: two communes of one province, each with
 * its own "Thôn 1" and "Thôn 2", hand packages up; every record stays with
 * its commune and the villages stay apart; a package from another province
 * is refused; a commune database refuses another commune's package; a newer
 * package of the same commune updates its records, an older one is refused. */
#include <config.h>
#include "tests.h"
#include "treem/app/children.h"
#include "treem/app/commune.h"
#include "treem/app/handoff.h"
#include "treem/app/province.h"
#include "treem/app/report_sum.h"
#include "treem/db/child_search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const village_names[] = {"Thôn 1", "Thôn 2"};

/* A commune database with n children per village of the two. */
static struct db *commune_db(const char *code, int per_village)
{
    struct db *db = test_db_new(false);
    ck_assert_msg(commune_setup(db, code) == ST_OK, "%s", status_message());
    for (int v = 0; v < 2; v++) {
        ck_assert_int_eq(village_add(db, village_names[v]), ST_OK);
        for (int i = 0; i < per_village; i++) {
            struct child c;
            child_init(&c);
            char name[64];
            snprintf(name, sizeof name, "Trẻ %s %d %d", code, v, i);
            c.full_name = strdup(name);
            c.birth_date = (struct date){2018, 1 + i % 12, 1 + v};
            c.sex = CHILD_SEX_MALE + i % 2;
            free(c.village);
            c.village = strdup(village_names[v]);
            ck_assert_msg(children_save(db, &c, NULL, NULL, NULL) == ST_OK, "%s", status_message());
            child_free(&c);
        }
    }
    return db;
}

static char *package(struct db *db, const char *dir, const char *name)
{
    char *path = test_join(dir, name);
    ck_assert_msg(handoff_write(db, path, NULL, NULL) == ST_OK, "%s", status_message());
    return path;
}

static long long in_village(struct db *db, const char *village)
{
    long long id = 0, n = -1;
    ck_assert_int_eq(children_find_village(db, village, &id), ST_OK);
    struct child_query q;
    child_query_init(&q);
    q.scope = CHILD_SCOPE_ALL;
    q.village_id = id;
    ck_assert_int_eq(child_search_count(db, &q, &n), ST_OK);
    return n;
}

static void remove_communes(struct db *p, const char *const *codes, size_t n)
{
    static const char *const sfx[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < n; i++) {
        char *path = province_commune_path(p, codes[i]);
        for (int k = 0; k < 3; k++) {
            char buf[4200];
            snprintf(buf, sizeof buf, "%s%s", path, sfx[k]);
            remove(buf);
        }
        free(path);
    }
    char *dir = province_commune_path(p, "");
    dir[strlen(dir) - strlen("/.db")] = '\0';
    rmdir(dir);
    free(dir);
}

static const struct transfer_import_opts quiet = {.no_backup = true};

START_TEST(test_province_keeps_communes_apart)
{
    setenv("TREEM_TODAY", "2026-06-20 09:00", 1);
    char *dir = test_dir_new();
    struct db *a = commune_db("00004", 3), *b = commune_db("00008", 5);
    char *pa = package(a, dir, "a"), *pb = package(b, dir, "b");
    struct db *p = test_db_new(false);
    ck_assert_int_eq(province_setup(p, "01"), ST_OK);
    ck_assert(province_is(p));
    struct province_receipt r = {0};
    ck_assert_msg(province_receive(p, pa, &quiet, &r) == ST_OK, "%s", status_message());
    ck_assert(r.first);
    ck_assert_str_eq(r.commune.code, "00004");
    province_receipt_free(&r);
    memset(&r, 0, sizeof r);
    ck_assert_msg(province_receive(p, pb, &quiet, &r) == ST_OK, "%s", status_message());
    province_receipt_free(&r);
    /* each commune's "Thôn 1" holds its own children only */
    struct db *ca, *cb;
    ck_assert_int_eq(province_open_commune(p, "00004", false, &ca), ST_OK);
    ck_assert_int_eq(province_open_commune(p, "00008", false, &cb), ST_OK);
    ck_assert_int_eq(in_village(ca, "Thôn 1"), 3);
    ck_assert_int_eq(in_village(cb, "Thôn 1"), 5);
    ck_assert_int_eq(in_village(ca, "Thôn 2"), 3);
    ck_assert_int_eq(test_query_int(ca, "SELECT count(*) FROM village"), 2);
    ck_assert_int_eq(test_query_int(ca, "SELECT count(*) FROM child WHERE uid NOT LIKE '00004-%'"), 0);
    ck_assert_int_eq(test_query_int(cb, "SELECT count(*) FROM child WHERE uid NOT LIKE '00008-%'"), 0);
    db_close(ca);
    db_close(cb);
    /* the consolidated report: each summed line is the sum of the communes' */
    struct report_request q = {.kind = REPORT_YEAR, .year = 2026};
    report_period(NULL, REPORT_YEAR, 2026, &q.from, &q.to);
    struct report_sum sum;
    ck_assert_msg(report_sum_build(p, &q, &sum) == ST_OK, "%s", status_message());
    ck_assert_uint_eq(sum.ncommunes, 2);
    const struct report_line *te = report_find_code(&sum.total, "TE01");
    ck_assert_int_eq(te->count, 16);
    ck_assert_int_eq(te->part[REPORT_PART_MALE] + te->part[REPORT_PART_FEMALE], 16);
    size_t at = (size_t)(te - sum.total.lines);
    ck_assert_int_eq(sum.values[at * 2 + 0], 6);     /* 00004 */
    ck_assert_int_eq(sum.values[at * 2 + 1], 10);    /* 00008 */
    ck_assert_ptr_null(report_find_code(&sum.total, "TE02.1"));   /* villages: per commune */
    char *csv = test_tmp_path(".csv");
    ck_assert_int_eq(report_sum_write_csv(&sum, csv), ST_OK);
    size_t len;
    char *text = test_slurp(csv, &len);
    text[len] = '\0';
    ck_assert_ptr_nonnull(strstr(text, "code,label,value,male,female,sex_unknown,of_total,helped,00004,00008"));
    ck_assert_ptr_nonnull(strstr(text, ",16,"));
    ck_assert_ptr_nonnull(strstr(text, ",6,10\r\n"));
    free(text);
    remove(csv);
    free(csv);
    report_sum_free(&sum);
    /* the Tổng hợp: both communes received, with their counts */
    struct commune_summary *s;
    size_t n;
    ck_assert_int_eq(province_summary(p, date_today(), &s, &n), ST_OK);
    ck_assert_uint_gt(n, 2);
    ck_assert(s[0].received && s[1].received && !s[2].received && s[2].late);
    long long total = s[0].children + s[1].children;
    ck_assert_int_eq(total, 16);
    commune_summary_free(s, n);
    static const char *const codes[] = {"00004", "00008"};
    remove_communes(p, codes, 2);
    test_db_free(p);
    test_db_free(a);
    test_db_free(b);
    free(pa);
    free(pb);
    test_dir_free(dir);
    unsetenv("TREEM_TODAY");
}
END_TEST

START_TEST(test_province_refuses_other_province)
{
    char *dir = test_dir_new();
    struct db *a = commune_db("30502", 1);   /* Tỉnh An Giang */
    char *pa = package(a, dir, "a");
    struct db *p = test_db_new(false);
    ck_assert_int_eq(province_setup(p, "01"), ST_OK);
    struct province_receipt r = {0};
    ck_assert_int_eq(province_receive(p, pa, &quiet, &r), ST_CONFLICT);
    ck_assert_ptr_nonnull(strstr(status_message(), "outside"));
    province_receipt_free(&r);
    char *path = province_commune_path(p, "30502");
    ck_assert_int_ne(access(path, F_OK), 0);   /* nothing was made for it */
    free(path);
    /* a commune database is not the level above, nor the other way round */
    ck_assert_int_eq(province_setup(a, "91"), ST_CONFLICT);
    ck_assert_int_eq(commune_setup(p, "00004"), ST_CONFLICT);
    ck_assert_int_eq(province_setup(p, "91"), ST_CONFLICT);
    ck_assert_int_eq(province_setup(p, "01"), ST_OK);
    ck_assert_int_eq(province_setup(p, "99"), ST_NOTFOUND);
    test_db_free(p);
    test_db_free(a);
    free(pa);
    test_dir_free(dir);
}
END_TEST

START_TEST(test_commune_refuses_other_commune)
{
    char *dir = test_dir_new();
    struct db *a = commune_db("00004", 2), *b = commune_db("00008", 1);
    char *pa = package(a, dir, "a");
    struct transfer_result res = {0};
    ck_assert_int_eq(handoff_import(b, pa, &quiet, &res, NULL), ST_CONFLICT);
    ck_assert_ptr_nonnull(strstr(status_message(), "00004"));
    ck_assert_ptr_nonnull(strstr(status_message(), "00008"));
    transfer_result_free(&res);
    ck_assert_int_eq(test_query_int(b, "SELECT count(*) FROM child"), 2);
    /* its own package is fine */
    memset(&res, 0, sizeof res);
    ck_assert_msg(handoff_import(a, pa, &quiet, &res, NULL) == ST_OK, "%s", status_message());
    transfer_result_free(&res);
    test_db_free(a);
    test_db_free(b);
    free(pa);
    test_dir_free(dir);
}
END_TEST

START_TEST(test_province_newer_package_updates)
{
    char *dir = test_dir_new();
    setenv("TREEM_TODAY", "2026-06-10 09:00", 1);
    struct db *a = commune_db("00004", 2);
    char *old = package(a, dir, "old");
    setenv("TREEM_TODAY", "2026-06-12 09:00", 1);
    struct child c;
    ck_assert_int_eq(children_find(a, "TE-0001", &c), ST_OK);
    free(c.full_name);
    c.full_name = strdup("Tên Đã Sửa");
    ck_assert_msg(children_save(a, &c, NULL, NULL, NULL) == ST_OK, "%s", status_message());
    child_free(&c);
    char *newer = package(a, dir, "new");
    struct db *p = test_db_new(false);
    ck_assert_int_eq(province_setup(p, "01"), ST_OK);
    struct province_receipt r = {0};
    ck_assert_int_eq(province_receive(p, old, &quiet, &r), ST_OK);
    province_receipt_free(&r);
    memset(&r, 0, sizeof r);
    ck_assert_msg(province_receive(p, newer, &quiet, &r) == ST_OK, "%s", status_message());
    ck_assert_msg(r.res.counts.changed == 1, "rows %zu added %zu changed %zu unchanged %zu kept %zu conflicts %zu", r.res.counts.rows, r.res.counts.added, r.res.counts.changed, r.res.counts.unchanged, r.res.counts.kept_local, r.res.counts.conflicts);
    province_receipt_free(&r);
    memset(&r, 0, sizeof r);
    ck_assert_int_eq(province_receive(p, old, &quiet, &r), ST_CONFLICT);   /* older */
    province_receipt_free(&r);
    struct db *ca;
    ck_assert_int_eq(province_open_commune(p, "00004", false, &ca), ST_OK);
    ck_assert_int_eq(test_query_int(ca, "SELECT count(*) FROM child WHERE full_name = 'Tên Đã Sửa'"), 1);
    ck_assert_int_eq(test_query_int(ca, "SELECT count(*) FROM child"), 4);
    db_close(ca);
    static const char *const codes[] = {"00004"};
    remove_communes(p, codes, 1);
    test_db_free(p);
    test_db_free(a);
    free(old);
    free(newer);
    test_dir_free(dir);
    unsetenv("TREEM_TODAY");
}
END_TEST

Suite *suite_province(void)
{
    return test_suite((struct test_spec){"province", "core", .timeout = 60,
                       .tests = TEST_LIST(test_province_keeps_communes_apart,
                                          test_province_refuses_other_province,
                                          test_commune_refuses_other_commune,
                                          test_province_newer_package_updates)}, NULL);
}
