/* helpers — files and folders for the unit tests: temporary folders,
 * reading files, and SQLite files opened directly (not through db_open). */
#include <config.h>
#include "tests.h"
#include "treem/app/score_cases.h"

#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *test_join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    ck_assert_ptr_nonnull(p);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* A new folder of its own: mkdtemp never takes a name that exists (a
 * folder an earlier run left behind under the same pid cannot collide). */
char *test_dir_new(void)
{
    const char *tmp = getenv("TMPDIR");
    char *dir = test_join(tmp && *tmp ? tmp : "/tmp", "treem-test-XXXXXX");
    ck_assert_msg(mkdtemp(dir) != NULL, "mkdtemp %s", dir);
    return dir;
}

static int remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    return flag == FTW_DP ? rmdir(path) : unlink(path);
}

/* Removes dir with everything in it (backups/ and any other folder). */
void test_dir_free(char *dir)
{
    nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
    free(dir);
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(a, b);
}

size_t test_list_backups(const char *dir, char out[][256], size_t max)
{
    char *d = test_join(dir, "backups");
    DIR *dp = opendir(d);
    free(d);
    size_t n = 0;
    struct dirent *e;
    while (dp && (e = readdir(dp)))
        if (e->d_name[0] != '.' && n < max)
            snprintf(out[n++], 256, "%s", e->d_name);
    if (dp)
        closedir(dp);
    qsort(out, n, sizeof *out, cmp_name);
    return n;
}

size_t test_count_backups(const char *dir)
{
    char names[32][256];
    return test_list_backups(dir, names, 32);
}

char *test_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(buf);
    ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    buf[n] = '\0'; /* text files can be used as strings */
    *len = (size_t)n;
    return buf;
}

long long test_query_int(struct db *db, const char *sql)
{
    long long v = -1;
    ck_assert_msg(db_query_int(db, sql, NULL, &v) == ST_OK, "%s: %s", sql, status_message());
    return v;
}

long long test_raw_int(const char *path, const char *sql)
{
    sqlite3 *s;
    sqlite3_stmt *st;
    long long v = -1;
    ck_assert_int_eq(sqlite3_open_v2(path, &s, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(s, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(s);
    return v;
}

void test_raw_exec(const char *path, const char *sql)
{
    sqlite3 *s;
    ck_assert_int_eq(sqlite3_open(path, &s), SQLITE_OK);
    ck_assert_msg(sqlite3_exec(s, sql, NULL, NULL, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(s));
    sqlite3_close(s);
}

const char *test_raw_text(const char *path, const char *sql)
{
    static char buf[512];
    sqlite3 *s;
    sqlite3_stmt *st;
    buf[0] = '\0';
    ck_assert_int_eq(sqlite3_open_v2(path, &s, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(s, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(s);
    return buf;
}

TCase *test_tcase(Suite *s, struct test_spec spec)
{
    TCase *t = tcase_create(spec.tcase);
    if (spec.setup || spec.teardown)
        tcase_add_checked_fixture(t, spec.setup, spec.teardown);
    if (spec.timeout > 0)
        tcase_set_timeout(t, spec.timeout);
    if (spec.tags)
        tcase_set_tags(t, spec.tags);
    for (size_t i = 0; spec.tests && spec.tests[i]; i++)
        tcase_add_test(t, spec.tests[i]);
    for (size_t i = 0; spec.loops && spec.loops[i].test; i++)
        tcase_add_loop_test(t, spec.loops[i].test, spec.loops[i].start, spec.loops[i].end);
    suite_add_tcase(s, t);
    return t;
}

Suite *test_suite(struct test_spec spec, TCase **tc)
{
    Suite *s = suite_create(spec.suite);
    TCase *t = test_tcase(s, spec);
    if (tc)
        *tc = t;
    return s;
}

void test_first_error(const struct csv_errors *errs, const char *rule, const char *column)
{
    size_t i = 0;
    while (i < errs->n && errs->items[i].warning)
        i++;
    ck_assert_msg(i < errs->n, "no error, %zu warnings (want %s)", i, rule);
    ck_assert_str_eq(errs->items[i].rule, rule);
    if (column)
        ck_assert_str_eq(errs->items[i].column, column);
}

double test_measure_2026(struct db *db, int m, enum status want)
{
    struct score_measured out = {0};
    ck_assert_int_eq(score_cases_measure(db, (enum measure)m, 2026, &out), want);
    return out.value;
}
