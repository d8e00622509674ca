/* test_csv_read_file — the streaming file reader: encodings, NFC, line
 * numbers across chunks, progress and cancelling, malformed files. */
#include <config.h>
#include "tests.h"
#include "csv_collect.h"
#include "treem/core/strbuf.h"
#include "treem/csv/csv_read.h"
#include "treem/csv/csv_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define U_NGUYEN "Nguy\xE1\xBB\x85n Th\xE1\xBB\x8B \xC4\x90\xC3\xA0o"
#define D_NGUYEN "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 \xC4\x90" "a\xCC\x80o"
/* Windows-1258 for U_NGUYEN (iconv -f UTF-8 -t CP1258; see test_csv_encoding). */
#define CP_NGUYEN "Nguy\xEA\xDEn Th\x69\xF2 \xD0\xE0o"

static char *write_file(const char *data, size_t len)
{
    char *path = test_tmp_path(".csv");
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, len, f), len);
    fclose(f);
    return path;
}

static void drop_file(char *path)
{
    unlink(path);
    free(path);
}

START_TEST(test_dirty_small)
{
    const char *data = "\xEF\xBB\xBF" "id;full_name;notes\r\n"
                       "1;" D_NGUYEN ";\"a; \"\"quoted\"\"\r\nnote\"\r\n"
                       "\r\n"
                       "2;Hồ Văn Bắc;\r\n";
    char *path = write_file(data, strlen(data));
    struct collected c = {0};
    struct csv_read_info info;
    ck_assert_msg(csv_read_file(path, NULL, collect_row, &c, &info) == ST_OK, "%s",
                  status_message());
    ck_assert(info.bom);
    ck_assert_int_eq(info.sep, ';');
    ck_assert_int_eq(info.encoding, CSV_ENC_UTF8);
    ck_assert_uint_eq(info.bytes, strlen(data));
    ck_assert_uint_eq(info.records, 3);
    ck_assert_uint_eq(c.n, 3);
    ck_assert_str_eq(c.fields[0][0], "id");
    ck_assert_str_eq(c.fields[1][1], U_NGUYEN);
    ck_assert_str_eq(c.fields[1][2], "a; \"quoted\"\r\nnote");
    ck_assert_uint_eq(c.line[1], 2);
    ck_assert_uint_eq(c.line[2], 5); /* after a two-line record and a blank line */
    ck_assert_str_eq(c.fields[2][1], "Hồ Văn Bắc");
    collected_free(&c);
    /* NFC off: the NFD spelling is kept */
    struct csv_read_opts opts = {.nfc = false};
    ck_assert_int_eq(csv_read_file(path, &opts, collect_row, &c, NULL), ST_OK);
    ck_assert_str_eq(c.fields[1][1], D_NGUYEN);
    collected_free(&c);
    drop_file(path);
}
END_TEST

/* rows lines of "i,<name>,<note>" — the note spans two lines on every
 * seventh row — in the given name spelling; big enough for many chunks. */
static void make_rows(struct strbuf *sb, const char *name, size_t rows, const char *eol)
{
    strbuf_printf(sb, "n,full_name,notes%s", eol);
    for (size_t i = 1; i <= rows; i++) {
        if (i % 7 == 0)
            strbuf_printf(sb, "%zu,%s,\"two%slines\"%s", i, name, eol, eol);
        else
            strbuf_printf(sb, "%zu,%s,%s", i, name, eol);
    }
}

/* A generated register (make_rows) in a temporary file, and what a test
 * read from it. */
struct rows_file {
    struct strbuf sb; /* its bytes */
    char *path;
    struct collected read;
};

static struct rows_file rows_file(const char *name, size_t rows, const char *eol)
{
    struct rows_file f = {STRBUF_INIT, NULL, {0}};
    make_rows(&f.sb, name, rows, eol);
    f.path = write_file(f.sb.buf, f.sb.len);
    return f;
}

static void rows_file_drop(struct rows_file *f)
{
    collected_free(&f->read);
    drop_file(f->path);
    strbuf_free(&f->sb);
}

static void check_rows(const struct collected *c, size_t rows, const char *want_name)
{
    ck_assert_uint_eq(c->n, rows + 1);
    size_t line = 2;
    for (size_t i = 1; i <= rows; i++) {
        ck_assert_uint_eq(c->nfields[i], 3);
        ck_assert_uint_eq(strtoul(c->fields[i][0], NULL, 10), i);
        ck_assert_msg(strcmp(c->fields[i][1], want_name) == 0, "row %zu: [%s]", i,
                      c->fields[i][1]);
        ck_assert_uint_eq(c->line[i], line);
        line += i % 7 == 0 ? 2 : 1;
    }
}

struct progress {
    size_t calls, last_done, total;
    size_t stop_at; /* 0: never */
    bool monotonic;
};

static bool on_progress(size_t done, size_t total, void *ctx)
{
    struct progress *p = ctx;
    if (done < p->last_done)
        p->monotonic = false;
    p->calls++;
    p->last_done = done;
    p->total = total;
    return !(p->stop_at && p->calls >= p->stop_at);
}

START_TEST(test_cp1258_many_chunks)
{
    struct rows_file f = rows_file(CP_NGUYEN, 12000, "\r\n");
    ck_assert_uint_gt(f.sb.len, 4 * 65536);
    struct csv_read_info info;
    struct progress pr = {0, 0, 0, 0, true};
    struct csv_read_opts opts = {.nfc = false, .progress = on_progress, .progress_ctx = &pr};
    ck_assert_msg(csv_read_file(f.path, &opts, collect_row, &f.read, &info) == ST_OK, "%s",
                  status_message());
    ck_assert_int_eq(info.encoding, CSV_ENC_CP1258);
    ck_assert(!info.bom);
    check_rows(&f.read, 12000, U_NGUYEN);
    ck_assert(pr.monotonic);
    ck_assert_uint_ge(pr.calls, 4);
    ck_assert_uint_eq(pr.last_done, f.sb.len);
    ck_assert_uint_eq(pr.total, f.sb.len);
    rows_file_drop(&f);
}
END_TEST

START_TEST(test_nfd_many_chunks)
{
    struct rows_file f = rows_file(D_NGUYEN, 15000, "\n");
    struct csv_read_opts opts = {.nfc = true};
    ck_assert_int_eq(csv_read_file(f.path, &opts, collect_row, &f.read, NULL), ST_OK);
    check_rows(&f.read, 15000, U_NGUYEN);
    collected_free(&f.read);
    opts.nfc = false;
    ck_assert_int_eq(csv_read_file(f.path, &opts, collect_row, &f.read, NULL), ST_OK);
    check_rows(&f.read, 15000, D_NGUYEN);
    rows_file_drop(&f);
}
END_TEST

START_TEST(test_cancel_and_stop)
{
    struct rows_file f = rows_file(U_NGUYEN, 20000, "\r\n");
    struct progress pr = {0, 0, 0, 2, true};
    struct csv_read_opts opts = {.nfc = true, .progress = on_progress, .progress_ctx = &pr};
    ck_assert_int_eq(csv_read_file(f.path, &opts, collect_row, &f.read, NULL), ST_CANCELLED);
    ck_assert_uint_eq(pr.calls, 2);
    ck_assert_uint_lt(f.read.n, 20001);
    collected_free(&f.read);
    /* the row callback's own status stops the read too */
    f.read.stop_after = 10;
    struct csv_read_info info;
    ck_assert_int_eq(csv_read_file(f.path, NULL, collect_row, &f.read, &info), ST_CANCELLED);
    ck_assert_uint_eq(f.read.n, 10);
    ck_assert_uint_eq(info.records, 10);
    rows_file_drop(&f);
}
END_TEST

static const struct {
    const char *data;
    size_t len;
    enum status st;
    const char *msg_start;
} bad_files[] = {
    {"a,b\n1,2\n3,\"unbalanced\n4,5\n", 0, ST_INVALID, "line 3: malformed CSV"},
    {"a,b\n1,\"x\"y\n", 0, ST_INVALID, "line 2: malformed CSV"},
    {"a\0,\0b\0\n\0", 8, ST_INVALID, "line 1: the file contains NUL bytes"},
    {"name\n" U_NGUYEN "\n" U_NGUYEN "\nTr\xE2n\n", 0, ST_INVALID,
     "line 4: the file is UTF-8 but"},
    {"name\n" CP_NGUYEN "\n\x81\n", 0, ST_INVALID,
     "line 3: the file is neither UTF-8 nor Windows-1258"},
};

START_TEST(test_bad_files)
{
    const char *d = bad_files[_i].data;
    char *path = write_file(d, bad_files[_i].len ? bad_files[_i].len : strlen(d));
    struct collected c = {0};
    ck_assert_int_eq(csv_read_file(path, NULL, collect_row, &c, NULL), bad_files[_i].st);
    test_message_starts(bad_files[_i].msg_start);
    collected_free(&c);
    drop_file(path);
}
END_TEST

START_TEST(test_forced_sep)
{
    const char *data = "a;b;c,d\n1;2;3,4\n";
    char *path = write_file(data, strlen(data));
    struct collected c = {0};
    struct csv_read_info info;
    ck_assert_int_eq(csv_read_file(path, NULL, collect_row, &c, &info), ST_OK);
    ck_assert_int_eq(info.sep, ';');
    ck_assert_uint_eq(c.nfields[1], 3);
    ck_assert_str_eq(c.fields[1][2], "3,4");
    collected_free(&c);
    struct csv_read_opts opts = {.sep = ',', .nfc = true};
    ck_assert_int_eq(csv_read_file(path, &opts, collect_row, &c, &info), ST_OK);
    ck_assert_int_eq(info.sep, ',');
    ck_assert_uint_eq(c.nfields[1], 2);
    ck_assert_str_eq(c.fields[1][0], "1;2;3");
    collected_free(&c);
    drop_file(path);
}
END_TEST

/* Exported cells (quoted, neutralised, BOM, CRLF) come back exactly when
 * the reader undoes the apostrophes; without that they keep them. */
START_TEST(test_export_round_trip)
{
    static const char *const cells[] = {"=1+1", "-5", "-1+2", "'=x", "@home", "+84 912",
                                        "a,\"b\"\r\nc", U_NGUYEN, "'plain", ""};
    enum { N = sizeof cells / sizeof *cells };
    char *path = test_tmp_path(".csv");
    FILE *f = fopen(path, "wb");
    struct csv_writer w;
    csv_writer_init_file(&w, f, ';', CSV_WRITE_DEFAULT);
    csv_write_row(&w, cells, N);
    csv_write_row(&w, cells, N);
    ck_assert_int_eq(csv_writer_flush(&w), ST_OK);
    fclose(f);
    struct csv_read_opts opts = {.nfc = true, .unneutralise = true};
    struct collected c = {0};
    ck_assert_int_eq(csv_read_file(path, &opts, collect_row, &c, NULL), ST_OK);
    ck_assert_uint_eq(c.n, 2);
    for (size_t i = 0; i < N; i++)
        ck_assert_str_eq(c.fields[1][i], cells[i]);
    collected_free(&c);
    ck_assert_int_eq(csv_read_file(path, NULL, collect_row, &c, NULL), ST_OK);
    ck_assert_str_eq(c.fields[1][0], "'=1+1");
    ck_assert_str_eq(c.fields[1][1], "-5");
    ck_assert_str_eq(c.fields[1][3], "''=x");
    collected_free(&c);
    drop_file(path);
}
END_TEST

START_TEST(test_empty_file)
{
    char *path = write_file("", 0);
    struct collected c = {0};
    struct csv_read_info info;
    ck_assert_int_eq(csv_read_file(path, NULL, collect_row, &c, &info), ST_OK);
    ck_assert_uint_eq(c.n, 0);
    ck_assert_uint_eq(info.records, 0);
    ck_assert_int_eq(info.sep, ',');
    drop_file(path);
}
END_TEST

START_TEST(test_missing_file)
{
    struct collected c = {0};
    ck_assert_int_eq(csv_read_file("/nonexistent/x.csv", NULL, collect_row, &c, NULL), ST_IO);
    ck_assert_ptr_nonnull(strstr(status_message(), "/nonexistent/x.csv"));
}
END_TEST

/* The file reader and the buffer reader agree on the same bytes. */
START_TEST(test_same_as_buffer)
{
    struct rows_file f = rows_file(U_NGUYEN, 9000, "\r\n");
    struct collected a = {0}, b = {0};
    ck_assert_int_eq(csv_read_file(f.path, NULL, collect_row, &a, NULL), ST_OK);
    ck_assert_int_eq(csv_read_buffer(f.sb.buf, f.sb.len, 0, collect_row, &b), ST_OK);
    ck_assert_uint_eq(a.n, b.n);
    for (size_t r = 0; r < a.n; r++) {
        ck_assert_uint_eq(a.line[r], b.line[r]);
        ck_assert_uint_eq(a.nfields[r], b.nfields[r]);
        for (size_t i = 0; i < a.nfields[r]; i++)
            ck_assert_str_eq(a.fields[r][i], b.fields[r][i]);
    }
    collected_free(&a);
    collected_free(&b);
    rows_file_drop(&f);
}
END_TEST

Suite *suite_csv_read_file(void)
{
    return test_suite((struct test_spec){"csv_read_file", "core", .timeout = 30,
                       .tests = TEST_LIST(test_dirty_small, test_cp1258_many_chunks, test_nfd_many_chunks,
                                          test_cancel_and_stop, test_forced_sep, test_export_round_trip,
                                          test_empty_file, test_missing_file, test_same_as_buffer),
                       .loops = LOOP_LIST(TEST_ROWS(test_bad_files, bad_files))}, NULL);
}
