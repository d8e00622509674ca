/* test_mem — core/mem.h: arrays grow by doubling (never past SIZE_MAX) and keep their elements;
 * a struct's strings are freed from its list of offsets and the struct is
 * zeroed (run under ASan, a missed or double free fails). */
#include <config.h>
#include "tests.h"
#include "treem/core/mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

Suite *suite_mem(void); /* called by check_main.c */

START_TEST(grow_doubles_and_keeps)
{
    int *a = NULL;
    size_t n = 0, cap = 0;
    for (int i = 0; i < 100; i++) {
        ck_assert(mem_reserve(&a, &cap, n + 1, sizeof *a, 4));
        ck_assert_uint_gt(cap, n);
        a[n++] = i;
    }
    ck_assert_uint_eq(cap, 128);
    for (int i = 0; i < 100; i++)
        ck_assert_int_eq(a[i], i);
    free(a);
}
END_TEST

START_TEST(resize_refuses_overflow)
{
    char *p = malloc(4);
    ck_assert_ptr_nonnull(p);
    char *was = p;
    ck_assert(!mem_resize(&p, SIZE_MAX / 2, 4));
    ck_assert_ptr_eq(p, was);
    ck_assert_uint_eq(mem_next_cap(0, 5, 4), 8);
    ck_assert_uint_eq(mem_next_cap(8, 8, 4), 8);
    ck_assert_uint_eq(mem_next_cap(SIZE_MAX / 2 + 1, SIZE_MAX, 1), 0);
    size_t cap = SIZE_MAX / 2 + 1;
    ck_assert(!mem_reserve(&p, &cap, cap + 1, 1, 1));
    ck_assert_uint_eq(cap, SIZE_MAX / 2 + 1);
    ck_assert(mem_resize(&p, 64, 1));
    free(p);
}
END_TEST

struct pair { char *a; int k; char *b; };
static const size_t pair_off[] = {offsetof(struct pair, a), offsetof(struct pair, b)};
static const struct mem_strings pair_strings = MEM_STRINGS(struct pair, pair_off);

START_TEST(strings_clear_and_list_free)
{
    ck_assert_uint_eq(pair_strings.n, 2);
    struct pair one = {strdup("x"), 7, NULL};
    mem_strings_clear(&pair_strings, &one);
    ck_assert_ptr_null(one.a);
    ck_assert_ptr_null(one.b);
    ck_assert_int_eq(one.k, 0);
    struct pair *list = calloc(3, sizeof *list);
    ck_assert_ptr_nonnull(list);
    for (int i = 0; i < 3; i++)
        list[i] = (struct pair){strdup("a"), i, strdup("b")};
    mem_strings_list_free(&pair_strings, list, 3);
    mem_strings_list_free(&pair_strings, NULL, 5);
}
END_TEST

Suite *suite_mem(void)
{
    return test_suite((struct test_spec){"mem", "core",
                       .tests = TEST_LIST(grow_doubles_and_keeps, resize_refuses_overflow,
                                          strings_clear_and_list_free)}, NULL);
}
