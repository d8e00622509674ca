/* test_status — result codes and the last failure's message. */
#include <config.h>
#include "tests.h"
#include "treem/core/status.h"

#include <string.h>

/* Every code with the English text the header promises. */
static const struct {
    enum status st;
    const char *text;
} codes[] = {
    {ST_OK, "success"},
    {ST_NOMEM, "out of memory"},
    {ST_INVALID, "invalid input"},
    {ST_NOTFOUND, "not found"},
    {ST_EXISTS, "already exists"},
    {ST_IO, "input/output error"},
    {ST_DB, "database error"},
    {ST_BUSY, "the database is in use by another program"},
    {ST_TOO_NEW, "the database was made by a newer version of treem"},
    {ST_CONFLICT, "conflicting changes"},
    {ST_CANCELLED, "cancelled"},
    {ST_DENIED, "not allowed for your role"},
};
#define NCODES (sizeof codes / sizeof *codes)

START_TEST(test_status_str_every_code)
{
    ck_assert_int_eq(NCODES, ST__COUNT); /* a new code needs a row here */
    const enum status st = codes[_i].st;
    ck_assert_str_eq(status_str(st), codes[_i].text);
    for (size_t j = 0; j < NCODES; j++)
        if (j != (size_t)_i)
            ck_assert_str_ne(status_str(st), status_str(codes[j].st));
}
END_TEST

START_TEST(test_status_str_out_of_range)
{
    ck_assert_ptr_nonnull(status_str(ST__COUNT));
    ck_assert_ptr_nonnull(status_str((enum status)-1));
    ck_assert_ptr_nonnull(status_str((enum status)1000));
    ck_assert_str_eq(status_str((enum status)1000), "unknown status");
}
END_TEST

START_TEST(test_status_set_returns_code_and_formats)
{
    status_clear();
    enum status st = status_set(ST_INVALID, "%s: line %d", "birth_date", 7);
    ck_assert_int_eq(st, ST_INVALID);
    ck_assert_int_eq(status_last(), ST_INVALID);
    ck_assert_str_eq(status_message(), "birth_date: line 7");
    st = status_set(ST_NOTFOUND, "code '%s'", "99999");
    ck_assert_int_eq(st, ST_NOTFOUND);
    ck_assert_int_eq(status_last(), ST_NOTFOUND);
    ck_assert_str_eq(status_message(), "code '99999'");
}
END_TEST

START_TEST(test_status_clear)
{
    status_set(ST_DB, "%s", "boom");
    status_clear();
    ck_assert_int_eq(status_last(), ST_OK);
    ck_assert_str_eq(status_message(), "success");
}
END_TEST

/* An empty message falls back to the code's own text, for every code. */
START_TEST(test_status_empty_message_gives_code_text)
{
    status_clear();
    status_set(codes[_i].st, "%s", "");
    ck_assert_int_eq(status_last(), codes[_i].st);
    ck_assert_str_eq(status_message(), codes[_i].text);
}
END_TEST

/* Re-wrapping the last message ("field: " + message) is common; the
 * message must come out whole, not garbled by reading what is written. */
START_TEST(test_status_set_with_own_message)
{
    status_set(ST_INVALID, "%s", "31/02/2024: month 2 of 2024 has 29 days");
    status_set(ST_INVALID, "date of birth: %s", status_message());
    ck_assert_str_eq(status_message(), "date of birth: 31/02/2024: month 2 of 2024 has 29 days");
    status_set(ST_IO, "%s", status_message());
    ck_assert_str_eq(status_message(), "date of birth: 31/02/2024: month 2 of 2024 has 29 days");
    ck_assert_int_eq(status_last(), ST_IO);
}
END_TEST

START_TEST(test_status_long_message_truncated_safely)
{
    char big[4000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    status_set(ST_INVALID, "%s", big);
    size_t n = strlen(status_message());
    ck_assert_uint_gt(n, 100);
    ck_assert_uint_lt(n, sizeof big - 1);
    ck_assert_int_eq(status_last(), ST_INVALID);
}
END_TEST

Suite *suite_status(void)
{
    return test_suite((struct test_spec){"status", "core",
                       .tests = TEST_LIST(test_status_str_out_of_range,
                                          test_status_set_returns_code_and_formats, test_status_clear,
                                          test_status_long_message_truncated_safely,
                                          test_status_set_with_own_message),
                       .loops = LOOP_LIST({test_status_str_every_code, 0, (int)NCODES},
                                          {test_status_empty_message_gives_code_text, 0, (int)NCODES})}, NULL);
}
