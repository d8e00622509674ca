/* test_path — core/path.h: path_join puts one '/' between a folder and a
 * name (path_expand and path_absolute are checked in test_csv_legacy.c). */
#include <config.h>
#include "tests.h"
#include "treem/core/path.h"

#include <stdlib.h>
#include <string.h>

Suite *suite_path(void); /* called by check_main.c */

static const struct { const char *dir, *name, *want; } joins[] = {
    {"/home/an", "treem.db", "/home/an/treem.db"},
    {"/", "tmp", "/tmp"},
    {"/home/an/", ".local/share/treem", "/home/an/.local/share/treem"},
    {"", "x", "/x"},
};

START_TEST(join_puts_one_slash)
{
    for (size_t i = 0; i < sizeof joins / sizeof *joins; i++) {
        char *got = path_join(joins[i].dir, joins[i].name);
        test_check(got && strcmp(got, joins[i].want) == 0, "path_join(\"%s\", \"%s\") gave %s, not %s",
                   joins[i].dir, joins[i].name, got ? got : "NULL", joins[i].want);
        free(got);
    }
}
END_TEST

Suite *suite_path(void)
{
    return test_suite((struct test_spec){"path", "core", .tests = TEST_LIST(join_puts_one_slash)},
                      NULL);
}
