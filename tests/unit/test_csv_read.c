/* test_csv_read — BOM, line ends, separators, quoting, line numbers,
 * malformed input and stopping early. */
#include <config.h>
#include "tests.h"
#include "treem/core/strbuf.h"
#include "treem/csv/csv_read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rows seen, one per line of `out`: "LINE:field|field|…". */
struct seen {
    struct strbuf out;
    size_t rows;
    size_t stop_at; /* return ST_INVALID on this row (1-based), 0 = never */
};

static enum status collect(const struct csv_row *row, void *ctx)
{
    struct seen *s = ctx;
    s->rows++;
    strbuf_printf(&s->out, "%zu:", row->line);
    for (size_t i = 0; i < row->nfields; i++)
        strbuf_printf(&s->out, "%s%s", i ? "|" : "", row->fields[i]);
    strbuf_puts(&s->out, "\n");
    if (s->stop_at && s->rows == s->stop_at)
        return status_set(ST_INVALID, "row on line %zu refused", row->line);
    return ST_OK;
}

static const struct {
    const char *name;
    const char *data;
    char sep;
    const char *want;
} good[] = {
    {"LF", "a,b\n1,2\n", 0, "1:a|b\n2:1|2\n"},
    {"no final newline", "a,b\n1,2", 0, "1:a|b\n2:1|2\n"},
    {"CRLF", "a,b\r\n1,2\r\n3,4\r\n", 0, "1:a|b\n2:1|2\n3:3|4\n"},
    {"BOM", "\xEF\xBB\xBFma,ten\n1,An\n", 0, "1:ma|ten\n2:1|An\n"},
    {"BOM CRLF ;", "\xEF\xBB\xBFma;ten\r\n1;Nguyễn, An\r\n", 0, "1:ma|ten\n2:1|Nguyễn, An\n"},
    {"semicolon detected", "a;b;c\n1;2;3\n", 0, "1:a|b|c\n2:1|2|3\n"},
    {"semicolon given", "a;b,c\n1;2,3\n", ';', "1:a|b,c\n2:1|2,3\n"},
    {"comma given", "a;b,c\n1;2,3\n", ',', "1:a;b|c\n2:1;2|3\n"},
    {"quoted comma and quotes", "n,t\n\"Nguyễn, Văn A\",\"he said \"\"hi\"\"\"\nx,y\n", 0,
     "1:n|t\n2:Nguyễn, Văn A|he said \"hi\"\n3:x|y\n"},
    {"embedded LF", "n,t\n\"line1\nline2\",x\nlast,y\n", 0,
     "1:n|t\n2:line1\nline2|x\n4:last|y\n"},
    {"embedded CRLF", "n,t\r\n\"a\r\nb\r\nc\",x\r\nlast,y\r\n", 0,
     "1:n|t\n2:a\r\nb\r\nc|x\n5:last|y\n"},
    {"two multi-line fields", "\"a\nb\",\"c\nd\"\ne,f\n", 0, "1:a\nb|c\nd\n4:e|f\n"},
    {"blank lines LF", "a,b\n\n1,2\n\n\n3,4\n", 0, "1:a|b\n3:1|2\n6:3|4\n"},
    {"blank lines CRLF", "a,b\r\n\r\n1,2\r\n\r\n\r\n3,4\r\n", 0, "1:a|b\n3:1|2\n6:3|4\n"},
    {"blank lines first", "\n\na,b\n", 0, "3:a|b\n"},
    {"blank after multi-line", "\"x\ny\",z\n\nq,w\n", 0, "1:x\ny|z\n4:q|w\n"},
    {"empty fields", "a,,c\n,x,\n", 0, "1:a||c\n2:|x|\n"},
    {"wholly empty rows skipped", "a,b\n,\n1,2\n,,,\n3,4\n", 0, "1:a|b\n3:1|2\n5:3|4\n"},
    {"tab detected", "a\tb\n1\t2,5\n", 0, "1:a|b\n2:1|2,5\n"},
    {"Excel sep= line", "sep=;\r\na;b\r\n1;2,5\r\n", 0, "2:a|b\n3:1|2,5\n"},
    {"BOM and sep= line", "\xEF\xBB\xBFsep=,\na,b\n", 0, "2:a|b\n"},
    {"mixed line ends", "a,b\r\n1,2\n3,4\r5,6\r\n", 0, "1:a|b\n2:1|2\n3:3|4\n4:5|6\n"},
    {"title line above", "DANH SÁCH TRẺ EM\n;;\nho ten;ngay sinh;x\n", 0,
     "1:DANH SÁCH TRẺ EM\n3:ho ten|ngay sinh|x\n"},
    {"empty input", "", 0, ""},
    {"only a BOM", "\xEF\xBB\xBF", 0, ""},
};
#define NGOOD (sizeof good / sizeof *good)

START_TEST(test_read_good)
{
    struct seen s = {STRBUF_INIT, 0, 0};
    enum status st = csv_read_buffer(good[_i].data, strlen(good[_i].data), good[_i].sep,
                                     collect, &s);
    ck_assert_msg(st == ST_OK, "%s: %s", good[_i].name, status_message());
    ck_assert_msg(strcmp(strbuf_str(&s.out), good[_i].want) == 0, "%s:\ngot:\n%s\nwant:\n%s",
                  good[_i].name, strbuf_str(&s.out), good[_i].want);
    strbuf_free(&s.out);
}
END_TEST

START_TEST(test_detect_sep)
{
    static const struct { const char *data; char sep; } cases[] = {
        {"a,b,c\n", ','}, {"a;b;c\n", ';'}, {"a;b,c\n", ','}, {"a;b;c,d\n", ';'},
        {"\"x;y;z\",b\n", ','}, {"a,b\nc;d;e;f\n", ';'}, {"TITLE\na\tb\tc\n", '\t'}, {"", ','}, {"abc", ','},
        {"ma;\"Nguyễn, Văn\";ngay\r\n", ';'},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        ck_assert_msg(csv_detect_sep(cases[i].data, strlen(cases[i].data)) == cases[i].sep,
                      "'%s'", cases[i].data);
}
END_TEST

static const struct { const char *data; const char *line; } bad[] = {
    {"a,b\n1,\"unterminated\n2,3\n", "line 2"},
    {"a,b\n\"x\"y,2\n", "line 2"},
    {"a,b\n1,2\n\"p\nq\",r\n3,\"x\"y\n", "line 5"},
    {"a,b\r\n\r\n\"oops,1\r\n", "line 3"},
};
#define NBAD (sizeof bad / sizeof *bad)

START_TEST(test_read_malformed)
{
    struct seen s = {STRBUF_INIT, 0, 0};
    status_clear();
    enum status st = csv_read_buffer(bad[_i].data, strlen(bad[_i].data), 0, collect, &s);
    ck_assert_int_eq(st, ST_INVALID);
    ck_assert_msg(strstr(status_message(), bad[_i].line) != NULL, "'%s' does not name %s",
                  status_message(), bad[_i].line);
    strbuf_free(&s.out);
}
END_TEST

START_TEST(test_callback_stops_reading)
{
    struct strbuf data = STRBUF_INIT;
    for (int i = 0; i < 20000; i++) /* several 64 KiB slices */
        strbuf_printf(&data, "%d,Nguyễn Văn %d,01/01/2015\n", i, i);
    struct seen s = {STRBUF_INIT, 0, 3};
    enum status st = csv_read_buffer(strbuf_str(&data), data.len, 0, collect, &s);
    ck_assert_int_eq(st, ST_INVALID);
    ck_assert_uint_eq(s.rows, 3);
    ck_assert_str_eq(status_message(), "row on line 3 refused");
    strbuf_free(&s.out);
    strbuf_free(&data);
}
END_TEST

/* Line numbers stay right when a CR LF pair or a quoted field straddles
 * the reader's 64 KiB slices. */
START_TEST(test_line_numbers_across_slices)
{
    struct strbuf data = STRBUF_INIT;
    size_t rows = 0;
    while (data.len < 3 * 65536) {
        if (rows % 97 == 5)
            strbuf_printf(&data, "\"multi\r\nline %zu\",x\r\n\r\n", rows);
        else
            strbuf_printf(&data, "%zu,abcdefghij\r\n", rows);
        rows++;
    }
    struct seen s = {STRBUF_INIT, 0, 0};
    ck_assert_int_eq(csv_read_buffer(strbuf_str(&data), data.len, 0, collect, &s), ST_OK);
    ck_assert_uint_eq(s.rows, rows);
    /* each record's line = 1 + line breaks before it in the data */
    const char *out = strbuf_str(&s.out);
    size_t want_line = 1;
    for (size_t r = 0; r < rows; r++) {
        size_t got = strtoul(out, NULL, 10);
        ck_assert_msg(got == want_line, "row %zu: line %zu, want %zu", r, got, want_line);
        want_line += r % 97 == 5 ? 3 : 1;
        for (int nl = r % 97 == 5 ? 2 : 1; nl > 0; nl--)
            out = strchr(out, '\n') + 1;
    }
    strbuf_free(&s.out);
    strbuf_free(&data);
}
END_TEST

START_TEST(test_csv_slurp)
{
    char *path = test_tmp_path(".csv");
    char *data = NULL;
    size_t len = 0;
    status_clear();
    ck_assert_int_eq(csv_slurp(path, &data, &len), ST_IO);
    ck_assert_ptr_nonnull(strstr(status_message(), path));
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    struct strbuf want = STRBUF_INIT;
    for (int i = 0; i < 30000; i++)
        strbuf_printf(&want, "%d;x\n", i);
    fwrite(want.buf, 1, want.len, f);
    fclose(f);
    ck_assert_int_eq(csv_slurp(path, &data, &len), ST_OK);
    ck_assert_uint_eq(len, want.len);
    ck_assert(memcmp(data, want.buf, len) == 0);
    ck_assert_int_eq(data[len], '\0');
    free(data);
    strbuf_free(&want);
    remove(path);
    free(path);
}
END_TEST

Suite *suite_csv_read(void)
{
    return test_suite((struct test_spec){"csv_read", "read",
                       .tests = TEST_LIST(test_detect_sep, test_callback_stops_reading,
                                          test_line_numbers_across_slices, test_csv_slurp),
                       .loops = LOOP_LIST({test_read_good, 0, (int)NGOOD}, {test_read_malformed, 0, (int)NBAD})}, NULL);
}
