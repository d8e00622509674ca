/* test_path — core/path.h: path_join puts one '/' between a folder and a
 * name, and path_expand builds "~/x" with it. */
#include <config.h>
#include "tests.h"
#include "treem/core/path.h"

#include <stdlib.h>

Suite *suite_path(void); /* called by check_main.c */

static void check_join(const char *dir, const char *name, const char *want)
{
    char *got = path_join(dir, name);
    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, want);
    free(got);
}

START_TEST(join_puts_one_slash)
{
    check_join("/home/an", "treem.db", "/home/an/treem.db");
    check_join("/", "tmp", "/tmp");
    check_join("/home/an/", ".local/share/treem", "/home/an/.local/share/treem");
    check_join("", "x", "/x");
}
END_TEST

START_TEST(expand_home)
{
    setenv("HOME", "/home/an", 1);
    char *p = path_expand("~/tre-em.xlsx");
    ck_assert_str_eq(p, "/home/an/tre-em.xlsx");
    free(p);
    p = path_expand("~");
    ck_assert_str_eq(p, "/home/an");
    free(p);
    p = path_expand("~an/x");
    ck_assert_str_eq(p, "~an/x");
    free(p);
}
END_TEST

Suite *suite_path(void)
{
    return test_suite((struct test_spec){"path", "core",
                       .tests = TEST_LIST(join_puts_one_slash, expand_home)}, NULL);
}
