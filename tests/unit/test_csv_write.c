/* test_csv_write — quoting, formula neutralising, BOM/CRLF, round trips. */
#include <config.h>
#include "tests.h"
#include "csv_collect.h"
#include "treem/csv/csv_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The bytes one cell becomes, as a record of its own in plain mode (the LF
 * is cut off). Caller frees. */
static char *one_cell(const char *cell, char sep, unsigned flags)
{
    struct strbuf sb = STRBUF_INIT;
    struct csv_writer w;
    csv_writer_init_buf(&w, &sb, sep, flags);
    ck_assert_int_eq(csv_write_cell(&w, cell), ST_OK);
    ck_assert_int_eq(csv_write_cell(&w, "z"), ST_OK); /* so "" stays "" */
    ck_assert_int_eq(csv_write_end_row(&w), ST_OK);
    ck_assert_int_eq(csv_writer_flush(&w), ST_OK);
    char *s = strbuf_take(&sb);
    size_t n = strlen(s);
    ck_assert_msg(n >= 3 && (strcmp(s + n - 3, ",z\n") == 0 || strcmp(s + n - 3, ";z\n") == 0),
                  "unexpected tail in [%s]", s);
    s[n - 3] = '\0';
    return s;
}

static const struct {
    const char *in, *out;
} neutral_cases[] = {
    {"=1+1", "'=1+1"},
    {"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
    {"+84912345678", "'+84912345678"},
    {"-1+2", "'-1+2"},
    {"@SUM(A1:A9)", "'@SUM(A1:A9)"},
    {"\tcmd", "\"'\tcmd\""},       /* leading tab: quoted too */
    {"\rcmd", "\"'\rcmd\""},       /* CR: quoted too */
    {"-", "'-"},                    /* a lone dash is not a number */
    {"-5-", "'-5-"},
    {"-.5", "'-.5"},
    {"-5.", "'-5."},
    {"-5e3", "'-5e3"},
    {"'=x", "''=x"},                /* keeps the mapping invertible */
    {"''+x", "'''+x"},
    /* data left alone */
    {"-5", "-5"},
    {"-123456", "-123456"},
    {"-5.25", "-5.25"},
    {"-12,5", "\"-12,5\""},         /* quoted for the comma, not neutralised */
    {"'x", "'x"},
    {"x=1", "x=1"},
    {"12/03/2019", "12/03/2019"},
    {"Nguyễn Thị Đào", "Nguyễn Thị Đào"},
    {"", ""},
};

START_TEST(test_neutralise)
{
    char *got = one_cell(neutral_cases[_i].in, ',', CSV_WRITE_PLAIN);
    ck_assert_msg(strcmp(got, neutral_cases[_i].out) == 0, "cell [%s]: got [%s], want [%s]",
                  neutral_cases[_i].in, got, neutral_cases[_i].out);
    free(got);
}
END_TEST

START_TEST(test_neutralise_off)
{
    static const char *const cells[] = {"=1+1", "+1", "-1+2", "@x", "'=x"};
    for (size_t i = 0; i < sizeof cells / sizeof *cells; i++) {
        char *got = one_cell(cells[i], ',', 0);
        ck_assert_str_eq(got, cells[i]);
        free(got);
    }
}
END_TEST

START_TEST(test_unneutralise_inverse)
{
    for (size_t i = 0; i < sizeof neutral_cases / sizeof *neutral_cases; i++) {
        const char *in = neutral_cases[i].in;
        char buf[128];
        bool needs = csv_needs_neutralise(in, strlen(in));
        snprintf(buf, sizeof buf, "%s%s", needs ? "'" : "", in);
        ck_assert_int_eq(csv_unneutralise(buf), needs);
        ck_assert_msg(strcmp(buf, in) == 0, "[%s] came back as [%s]", in, buf);
    }
}
END_TEST

static const struct {
    const char *in;
    char sep;
    const char *out;
} quote_cases[] = {
    {"a,b", ',', "\"a,b\""},
    {"a;b", ',', "a;b"},
    {"a;b", ';', "\"a;b\""},
    {"a,b", ';', "a,b"},
    {"say \"hi\"", ',', "\"say \"\"hi\"\"\""},
    {"\"", ',', "\"\"\"\""},
    {"line1\nline2", ',', "\"line1\nline2\""},
    {"line1\r\nline2", ',', "\"line1\r\nline2\""},
    {" lead", ',', "\" lead\""},
    {"trail ", ',', "\"trail \""},
    {"in side", ',', "in side"},
    {"plain", ',', "plain"},
};

START_TEST(test_quoting)
{
    char *got = one_cell(quote_cases[_i].in, quote_cases[_i].sep, CSV_WRITE_PLAIN);
    ck_assert_msg(strcmp(got, quote_cases[_i].out) == 0, "cell [%s]: got [%s], want [%s]",
                  quote_cases[_i].in, got, quote_cases[_i].out);
    free(got);
}
END_TEST

static char *two_rows(unsigned flags)
{
    struct strbuf sb = STRBUF_INIT;
    struct csv_writer w;
    csv_writer_init_buf(&w, &sb, ',', flags);
    static const char *const r1[] = {"a", "b"};
    static const char *const r2[] = {"c", "d"};
    ck_assert_int_eq(csv_write_row(&w, r1, 2), ST_OK);
    ck_assert_int_eq(csv_write_row(&w, r2, 2), ST_OK);
    ck_assert_int_eq(csv_writer_flush(&w), ST_OK);
    ck_assert_uint_eq(w.rows, 2);
    return strbuf_take(&sb);
}

START_TEST(test_bom_crlf_default)
{
    char *s = two_rows(CSV_WRITE_DEFAULT);
    ck_assert_str_eq(s, "\xEF\xBB\xBF" "a,b\r\nc,d\r\n");
    free(s);
    s = two_rows(CSV_WRITE_PLAIN);
    ck_assert_str_eq(s, "a,b\nc,d\n");
    free(s);
    s = two_rows(CSV_WRITE_CRLF);
    ck_assert_str_eq(s, "a,b\r\nc,d\r\n");
    free(s);
}
END_TEST

START_TEST(test_empty_record_and_int)
{
    struct strbuf sb = STRBUF_INIT;
    struct csv_writer w;
    csv_writer_init_buf(&w, &sb, ';', CSV_WRITE_PLAIN);
    csv_write_cell(&w, NULL);
    csv_write_end_row(&w);
    csv_write_int(&w, -5);
    csv_write_int(&w, 1234567890123LL);
    csv_write_cell(&w, "");
    csv_write_end_row(&w);
    ck_assert_int_eq(csv_writer_flush(&w), ST_OK);
    ck_assert_str_eq(strbuf_str(&sb), "\"\"\n-5;1234567890123;\n");
    strbuf_free(&sb);
}
END_TEST

/* A cell far larger than the staging buffer, to a FILE, read back. */
START_TEST(test_file_large_cell)
{
    size_t big = CSV_WRITE_BUFSZ * 3 + 17;
    char *cell = malloc(big + 1);
    for (size_t i = 0; i < big; i++)
        cell[i] = i % 97 == 0 ? '"' : (char)('a' + i % 26);
    cell[big] = '\0';
    char *path = test_tmp_path(".csv");
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    struct csv_writer w;
    csv_writer_init_file(&w, f, ',', CSV_WRITE_DEFAULT);
    for (int r = 0; r < 3; r++) {
        csv_write_cell(&w, "x");
        csv_write_cell(&w, cell);
        ck_assert_int_eq(csv_write_end_row(&w), ST_OK);
    }
    ck_assert_int_eq(csv_writer_flush(&w), ST_OK);
    fclose(f);
    char *data;
    size_t len;
    ck_assert_int_eq(csv_slurp(path, &data, &len), ST_OK);
    struct collected c = {0};
    collect_buffer(&c, data, len, 3);
    for (size_t r = 0; r < 3; r++)
        collect_expect(&c, r, 2, (const char *const[]){NULL, cell});
    collected_free(&c);
    free(data);
    unlink(path);
    free(path);
    free(cell);
}
END_TEST

START_TEST(test_write_error_sticky)
{
    char *path = test_tmp_path(".csv");
    FILE *f = fopen(path, "w");
    fclose(f);
    f = fopen(path, "r"); /* writing to it fails */
    ck_assert_ptr_nonnull(f);
    struct csv_writer w;
    csv_writer_init_file(&w, f, ',', CSV_WRITE_PLAIN);
    csv_write_cell(&w, "a");
    csv_write_end_row(&w);
    ck_assert_int_eq(csv_writer_flush(&w), ST_IO);
    ck_assert_int_eq(csv_write_cell(&w, "b"), ST_IO);
    ck_assert_int_eq(csv_writer_flush(&w), ST_IO);
    fclose(f);
    unlink(path);
    free(path);
}
END_TEST

/* Cells that need every kind of care come back from csv_read unchanged. */
static const char *const tricky[] = {
    "Nguyễn Thị Đào", "a,b", "a;b", "say \"hi\"", "\"", "two\nlines", "crlf\r\ninside",
    " lead", "trail ", "\ttab", "=1+1", "+84", "-5", "-1+2", "@x", "'=x", "''-y", "",
    "Hồ Văn Bắc, \"Bờm\"\n; xong",
};
#define NTRICKY (sizeof tricky / sizeof *tricky)

static void round_trip(char sep, unsigned flags)
{
    struct strbuf sb = STRBUF_INIT;
    struct csv_writer w;
    csv_writer_init_buf(&w, &sb, sep, flags);
    for (size_t r = 0; r < NTRICKY; r++) {
        csv_write_cell(&w, "id");
        csv_write_cell(&w, tricky[r]);
        csv_write_cell(&w, tricky[NTRICKY - 1 - r]);
        ck_assert_int_eq(csv_write_end_row(&w), ST_OK);
    }
    ck_assert_int_eq(csv_writer_flush(&w), ST_OK);
    struct collected c = {0};
    collect_buffer(&c, sb.buf, sb.len, NTRICKY);
    for (size_t r = 0; r < NTRICKY; r++) {
        ck_assert_uint_eq(c.nfields[r], 3);
        for (size_t i = 1; i < 3; i++) {
            if (flags & CSV_WRITE_NEUTRALISE)
                csv_unneutralise(c.fields[r][i]);
        }
        ck_assert_str_eq(c.fields[r][1], tricky[r]);
        ck_assert_str_eq(c.fields[r][2], tricky[NTRICKY - 1 - r]);
    }
    collected_free(&c);
    strbuf_free(&sb);
}

START_TEST(test_round_trip)
{
    round_trip(',', CSV_WRITE_DEFAULT);
    round_trip(';', CSV_WRITE_DEFAULT);
    round_trip(',', CSV_WRITE_PLAIN);
    round_trip(';', 0);
}
END_TEST

Suite *suite_csv_write(void)
{
    return test_suite((struct test_spec){"csv_write", "core",
                       .tests = TEST_LIST(test_neutralise_off, test_unneutralise_inverse, test_bom_crlf_default,
                                          test_empty_record_and_int, test_file_large_cell,
                                          test_write_error_sticky, test_round_trip),
                       .loops = LOOP_LIST(TEST_ROWS(test_neutralise, neutral_cases),
                                          TEST_ROWS(test_quoting, quote_cases))}, NULL);
}
