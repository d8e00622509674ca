/* test_number — the one number parser and printer (core/number.h):
 * Vietnamese grouping and decimals, the unambiguous rest, refusals with a
 * message that quotes the text, and writing in either language. */
#include <config.h>
#include "tests.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"

#include <math.h>
#include <string.h>

static const struct { const char *text; unsigned flags; double want; } good[] = {
    {"1500000", NUM_INT, 1500000},
    {"1.500.000", NUM_INT, 1500000},
    {"1 500 000", NUM_INT, 1500000},
    {"1\xc2\xa0" "500\xc2\xa0" "000", NUM_INT, 1500000},
    {"1.500.000 đ", NUM_MONEY, 1500000},
    {"1.500.000đ", NUM_MONEY, 1500000},
    {"500.000 đồng", NUM_MONEY, 500000},
    {"500.000 VND", NUM_MONEY, 500000},
    {"500.000", NUM_INT, 500000},
    {"  42 ", NUM_INT, 42},
    {"0", NUM_INT, 0},
    {"20,5", NUM_DECIMAL, 20.5},
    {"20.5", NUM_DECIMAL, 20.5},
    {"20", NUM_DECIMAL, 20},
    {"1.500,25", NUM_DECIMAL, 1500.25},
    {"1500.25", NUM_DECIMAL, 1500.25},
    {"1.500.000", NUM_DECIMAL, 1500000},
    {"0,75", NUM_DECIMAL, 0.75},
    {"97,5 %", NUM_DECIMAL | NUM_PERCENT, 97.5},
    {"97,5%", NUM_DECIMAL | NUM_PERCENT, 97.5},
    {"100 %", NUM_DECIMAL | NUM_PERCENT, 100},
    {"83.33", NUM_DECIMAL | NUM_PERCENT, 83.33},
    {"-3", NUM_INT | NUM_SIGNED, -3},
    {"-2,5", NUM_DECIMAL | NUM_SIGNED, -2.5},
    {"999.999.999.999.999", NUM_INT, 999999999999999.0},
};

START_TEST(test_parse_good)
{
    double v = -1;
    ck_assert_msg(number_parse(good[_i].text, good[_i].flags, &v) == ST_OK, "'%s': %s",
                  good[_i].text, status_message());
    ck_assert_msg(fabs(v - good[_i].want) < 1e-9, "'%s': got %f want %f", good[_i].text, v,
                  good[_i].want);
}
END_TEST

static const struct { const char *text; unsigned flags; const char *says; } bad[] = {
    {"", NUM_INT, "is not a number"},
    {"   ", NUM_DECIMAL, "is not a number"},
    {"abc", NUM_INT, "is not a number"},
    {"1 triệu", NUM_MONEY, "is not a number"},
    {"500,000", NUM_INT, "comma marks decimals"},
    {"500,000", NUM_MONEY, "comma marks decimals"},
    {"1,500,000", NUM_DECIMAL, "is not a number"},
    {"20.5", NUM_INT, "is not a whole number"},
    {"20,5", NUM_INT, "comma marks decimals"},
    {"1.500", NUM_DECIMAL, "write 1500 or 1,500"},
    {"1.50.000", NUM_INT, "is not a number"},
    {"15.00.000", NUM_INT, "is not a number"},
    {"1.500 000", NUM_INT, "is not a number"},
    {"1e5", NUM_DECIMAL, "is not a number"},
    {"0x10", NUM_INT, "is not a number"},
    {"nan", NUM_DECIMAL, "is not a number"},
    {"inf", NUM_DECIMAL, "is not a number"},
    {"-3", NUM_INT, "must not be negative"},
    {"97,5 %", NUM_DECIMAL, "is not a number"},
    {"500 đ", NUM_INT, "is not a number"},
    {"1..5", NUM_DECIMAL, "is not a number"},
    {",5", NUM_DECIMAL, "is not a number"},
    {"5,", NUM_DECIMAL, "is not a number"},
    {"+5", NUM_INT, "is not a number"},
    {"1234567890123456", NUM_INT, "is not a number"},
    {"1,1234567891", NUM_DECIMAL, "is not a number"},
};

START_TEST(test_parse_bad)
{
    double v = 7;
    ck_assert_msg(number_parse(bad[_i].text, bad[_i].flags, &v) == ST_INVALID, "'%s' was taken",
                  bad[_i].text);
    ck_assert_msg(strstr(status_message(), bad[_i].says), "'%s': message '%s' lacks '%s'",
                  bad[_i].text, status_message(), bad[_i].says);
    ck_assert_msg(v == 7, "'%s' changed the output", bad[_i].text);
}
END_TEST

START_TEST(test_parse_int)
{
    long long v = 0;
    ck_assert_int_eq(number_parse_int("1.500.000 đ", NUM_MONEY, &v), ST_OK);
    ck_assert_int_eq(v, 1500000);
    ck_assert_int_eq(number_parse_int("20,5", NUM_DECIMAL, &v), ST_INVALID);
}
END_TEST

static const struct { const char *lang; double v; int dec; const char *dec_s, *fixed_s, *pct_s; } fmt[] = {
    {"vi", 20.5, 2, "20,5", "20,50", "20,50 %"},
    {"en", 20.5, 2, "20.5", "20.50", "20.50 %"},
    {"vi", 1500000, 0, "1.500.000", "1.500.000", "1.500.000 %"},
    {"en", 1500000, 0, "1,500,000", "1,500,000", "1,500,000 %"},
    {"vi", 83.3333, 2, "83,33", "83,33", "83,33 %"},
    {"en", 83.3333, 2, "83.33", "83.33", "83.33 %"},
    {"vi", 0, 1, "0", "0,0", "0,0 %"},
    {"vi", -2.25, 1, "-2,3", "-2,3", "-2,3 %"},
    {"en", 999.999, 2, "1,000", "1,000.00", "1,000.00 %"},
};

START_TEST(test_format)
{
    char a[NUMBER_BUF], b[NUMBER_BUF], c[NUMBER_BUF];
    i18n_set_lang(fmt[_i].lang);
    number_format_decimal(fmt[_i].v, fmt[_i].dec, a);
    number_format_fixed(fmt[_i].v, fmt[_i].dec, b);
    number_format_percent(fmt[_i].v, fmt[_i].dec, c);
    i18n_set_lang("en");
    ck_assert_str_eq(a, fmt[_i].dec_s);
    ck_assert_str_eq(b, fmt[_i].fixed_s);
    ck_assert_str_eq(c, fmt[_i].pct_s);
}
END_TEST

START_TEST(test_format_int_round_trip)
{
    static const long long vs[] = {0, 7, 999, 1000, 1500000, 123456789012345LL};
    char buf[NUMBER_BUF];
    i18n_set_lang("vi");
    for (size_t i = 0; i < sizeof vs / sizeof *vs; i++) {
        long long back = -1;
        number_format_int(vs[i], buf);
        ck_assert_msg(number_parse_int(buf, NUM_INT, &back) == ST_OK && back == vs[i], "%s", buf);
    }
    number_format_plain(1500.25, 2, buf);
    ck_assert_str_eq(buf, "1500,25");
    double back = 0;
    ck_assert(number_parse(buf, NUM_DECIMAL, &back) == ST_OK && back == 1500.25);
    number_format_int(-1234, buf);
    ck_assert_str_eq(buf, "-1.234");
    i18n_set_lang("en");
}
END_TEST

Suite *suite_number(void)
{
    Suite *s = test_suite((struct test_spec){"number", "parse",
                           .tests = TEST_LIST(test_parse_int),
                           .loops = LOOP_LIST(TEST_ROWS(test_parse_good, good), TEST_ROWS(test_parse_bad, bad))}, NULL);
    test_tcase(s, (struct test_spec){.tcase = "format",
                   .tests = TEST_LIST(test_format_int_round_trip),
                   .loops = LOOP_LIST(TEST_ROWS(test_format, fmt))});
    return s;
}
