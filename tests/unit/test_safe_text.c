/* test_safe_text — control characters never reach the terminal: C0, DEL,
 * C1 (as UTF-8), bidirectional overrides and overlong forms are stripped,
 * Vietnamese text passes unchanged, a stream cut inside a character is the
 * same as one piece, bytes that are not UTF-8 become '?'. */
#include <config.h>
#include "tests.h"
#include "treem/core/safe_text.h"

#include <stdlib.h>
#include <string.h>

static char *dup0(const char *s, unsigned flags) { return safe_text_dup(s, strlen(s), flags); }

static const struct { const char *in, *out; unsigned flags; } cases[] = {
    {"Nguyễn Thị Đào", "Nguyễn Thị Đào", 0},
    {"Lò\x1b[2J\x1b]0;title\x07 Văn", "Lò[2J]0;title Văn", 0},   /* ESC and BEL gone */
    {"A\x1b]52;c;ZWNobw==\x1b\\B", "A]52;c;ZWNobw==\\B", 0},         /* OSC 52 clipboard */
    {"x\xc2\x9b" "31my", "x31my", 0},                                 /* C1 CSI */
    {"a\xe2\x80\xae" "b\xe2\x81\xa6" "c", "abc", 0},                     /* bidi override, isolate */
    {"l1\nl2\tx\r", "l1 l2 x", 0},
    {"l1\nl2\tx\r", "l1\nl2\tx", SAFE_TEXT_LINES},
    {"p\r", "p\r", SAFE_TEXT_CR},
    {"del\x7f!", "del!", 0},
    {"bad\xff\xc3", "bad??", 0},
    {"\xe0\x80\x9b" "z", "z", 0},                                     /* overlong ESC */
    {"\xe2\xe2\x80\xae" "z", "?z", 0},                               /* a broken lead, then a bidi mark */
};

START_TEST(test_table)
{
    char *got = dup0(cases[_i].in, cases[_i].flags);
    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, cases[_i].out);
    free(got);
}
END_TEST

/* Cut at every place, the stream gives what one piece gives. */
START_TEST(test_stream_cuts)
{
    const char *in = "Đào\x1b[1m\xc2\x9b\xe2\x80\xae" " tên \xe1\xbb\x87\xff!";
    char *whole = dup0(in, 0);
    size_t n = strlen(in);
    for (size_t cut = 0; cut <= n; cut++) {
        struct safe_text_stream st = {{0}, 0};
        char out[128];
        size_t k = safe_text_chunk(&st, in, cut, out, 0);
        k += safe_text_chunk(&st, in + cut, n - cut, out + k, 0);
        k += safe_text_flush(&st, out + k);
        out[k] = '\0';
        ck_assert_msg(strcmp(out, whole) == 0, "cut %zu: '%s' vs '%s'", cut, out, whole);
    }
    free(whole);
}
END_TEST

Suite *suite_safe_text(void)
{
    return test_suite((struct test_spec){"safe_text", "core",
                       .tests = TEST_LIST(test_stream_cuts),
                       .loops = LOOP_LIST(TEST_ROWS(test_table, cases))}, NULL);
}
