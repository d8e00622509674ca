/* test_csv_legacy — legacy fonts (TCVN3, VNI) converted and guessed,
 * UTF-16 and sep= files, workbooks written and read back, the helpers of
 * spreadsheet round trips (leading zeros, the row check code, ~). */
#include <config.h>
#include "tests.h"
#include "treem/app/transfer_kind.h"
#include "treem/core/path.h"
#include "treem/core/strbuf.h"
#include "treem/core/utf8.h"
#include "treem/csv/csv_legacy.h"
#include "treem/csv/csv_map.h"
#include "treem/csv/csv_read.h"
#include "treem/csv/xlsx_read.h"
#include "treem/csv/xlsx_write.h"
#include "treem/model/child.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* "Nguyễn Văn Đức" in TCVN3 (ễ = D4, ă = A8, Đ = A7, ứ = F8) and in VNI
 * (e + E3 circumflex-tilde, a + EA breve, Ñ = Đ, ö = ư, ù = acute). */
#define TCVN3_NAME "Nguy\xD4n V\xA8n \xA7\xF8" "c"
#define VNI_NAME "Nguye\xE3n Va\xEAn \xD1\xF6\xF9" "c"
#define U_NAME "Nguy\xE1\xBB\x85n V\xC4\x83n \xC4\x90\xE1\xBB\xA9" "c"

static char *convert(enum csv_font f, bool bytes, const char *in)
{
    struct strbuf sb = STRBUF_INIT;
    ck_assert(csv_font_to_utf8(f, bytes, in, strlen(in), &sb));
    ck_assert(strbuf_append(&sb, "", 0));
    char *out = strbuf_take(&sb);
    char *nfc = utf8_nfc(out);
    free(out);
    return nfc;
}

START_TEST(test_fonts_convert)
{
    char *t = convert(CSV_FONT_TCVN3, true, TCVN3_NAME);
    ck_assert_str_eq(t, U_NAME);
    free(t);
    char *v = convert(CSV_FONT_VNI, true, VNI_NAME);
    ck_assert_str_eq(v, U_NAME);
    free(v);
    /* wrapped: each byte as the Windows-1252 character a "CSV UTF-8" holds */
    char *w = convert(CSV_FONT_TCVN3, false, "Nguy\xC3\x94n V\xC2\xA8n \xC2\xA7\xC3\xB8" "c");
    ck_assert_str_eq(w, U_NAME);
    free(w);
    /* real Vietnamese letters pass through a wrapped conversion */
    char *u = convert(CSV_FONT_VNI, false, "\xE1\xBB\x85");
    ck_assert_str_eq(u, "\xE1\xBB\x85");
    free(u);
}
END_TEST

START_TEST(test_viet_score)
{
    struct csv_viet_score sc;
    const char *good = U_NAME ", H'M\xC3\xB4ng, Tr\xC6\xB0\xE1\xBB\x9Dng 12";
    csv_viet_score(good, strlen(good), &sc);
    ck_assert_uint_eq(sc.bad, 0);
    ck_assert_uint_ge(sc.good, 4);
    const char *bad = "Nguy\xC3\x94n V\xC2\xA8n"; /* NguyÔn V¨n */
    csv_viet_score(bad, strlen(bad), &sc);
    ck_assert_uint_eq(sc.bad, 2);
}
END_TEST

START_TEST(test_guess)
{
    enum csv_font f = CSV_FONT_VNI;
    ck_assert_int_eq(csv_legacy_guess(U_NAME "\n", strlen(U_NAME) + 1, NULL, 0, CSV_ENC_UTF8, &f), ST_OK);
    ck_assert_int_eq(f, CSV_FONT_UNICODE);
    /* raw bytes: the text is what Windows-1258 makes of them */
    const char *raw[2] = {TCVN3_NAME "\n" TCVN3_NAME "\n", VNI_NAME "\n" VNI_NAME "\n"};
    for (int i = 0; i < 2; i++) {
        char *text;
        size_t n;
        enum csv_encoding enc;
        ck_assert_int_eq(csv_decode(raw[i], strlen(raw[i]), true, &text, &n, &enc), ST_OK);
        ck_assert_int_eq(enc, CSV_ENC_CP1258);
        ck_assert_int_eq(csv_legacy_guess(text, n, raw[i], strlen(raw[i]), CSV_ENC_CP1258, &f), ST_OK);
        ck_assert_int_eq(f, i ? CSV_FONT_VNI : CSV_FONT_TCVN3);
        free(text);
    }
    const char *junk = "Ng\xC3\xBF\xC3\xBE\xC3\xBDn L\xC3\xBF\xC3\xBE\n"; /* Ngÿþýn Lÿþ */
    ck_assert_int_eq(csv_legacy_guess(junk, strlen(junk), NULL, 0, CSV_ENC_UTF8, &f), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "TCVN3"));
    /* a C1 control pasted into a Unicode name (U+009B, the CSI of an escape
     * sequence) is no letter of a legacy font: the text stays Unicode */
    const char *c1 = "full_name,birth_date,sex,village,notes\n"
                     "\"L\xC3\xB2\033]0;HACKED\007 V\xC4\x83n\033[2J\xC2\x9BH P\xC3\xA1o\xE2\x80\xAE\","
                     "01/02/2015,nam,Th\xC3\xB4n 1,\"ghi\033]52;c;ZXZpbA==\007 ch\xC3\xBA\"\n";
    ck_assert_int_eq(csv_legacy_guess(c1, strlen(c1), NULL, 0, CSV_ENC_UTF8, &f), ST_OK);
    ck_assert_int_eq(f, CSV_FONT_UNICODE);
    /* a stray foreign name in Unicode text is taken as it is */
    const char *jose = "Jos\xC3\xA9,An\n";
    ck_assert_int_eq(csv_legacy_guess(jose, strlen(jose), NULL, 0, CSV_ENC_UTF8, &f), ST_OK);
    ck_assert_int_eq(f, CSV_FONT_UNICODE);
    /* precomposed Vietnamese letters: typed in Unicode, never reinterpreted */
    const char *mixed = U_NAME " \xC3\xB8\xC2\xA8\n";
    ck_assert_int_eq(csv_legacy_guess(mixed, strlen(mixed), NULL, 0, CSV_ENC_UTF8, &f), ST_OK);
    ck_assert_int_eq(f, CSV_FONT_UNICODE);
}
END_TEST

static enum status count_rows(const struct csv_row *row, void *ctx)
{
    struct strbuf *sb = ctx;
    strbuf_printf(sb, "%zu:", row->line);
    for (size_t i = 0; i < row->nfields; i++)
        strbuf_printf(sb, "%s%s", i ? "|" : "", row->fields[i]);
    strbuf_puts(sb, "\n");
    return ST_OK;
}

static void write_bytes(const char *path, const char *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, n, f), n);
    fclose(f);
}

START_TEST(test_utf16_files)
{
    /* "a\tĐ\r\n1\t2\r\n" in UTF-16LE and BE with a BOM */
    static const char le[] = "\xFF\xFE" "a\0\t\0\x10\x01\r\0\n\0" "1\0\t\0" "2\0\r\0\n\0";
    static const char be[] = "\xFE\xFF" "\0a\0\t\x01\x10\0\r\0\n" "\0" "1\0\t\0" "2\0\r\0\n";
    const char *data[2] = {le, be};
    for (int i = 0; i < 2; i++) {
        char *path = test_tmp_path(".txt");
        write_bytes(path, data[i], sizeof le - 1);
        struct strbuf sb = STRBUF_INIT;
        struct csv_read_info info;
        ck_assert_int_eq(csv_read_file(path, NULL, count_rows, &sb, &info), ST_OK);
        ck_assert_str_eq(strbuf_str(&sb), "1:a|\xC4\x90\n2:1|2\n");
        ck_assert_int_eq(info.encoding, i ? CSV_ENC_UTF16BE : CSV_ENC_UTF16LE);
        ck_assert_int_eq(info.sep, '\t');
        strbuf_free(&sb);
        unlink(path);
        free(path);
    }
}
END_TEST

START_TEST(test_legacy_file_forced)
{
    char *path = test_tmp_path(".csv");
    const char text[] = "ten,x\n" TCVN3_NAME ",1\n";
    write_bytes(path, text, sizeof text - 1);
    struct strbuf sb = STRBUF_INIT;
    struct csv_read_info info;
    struct csv_read_opts o = {.nfc = true, .force = CSV_FORCE_TCVN3};
    ck_assert_int_eq(csv_read_file(path, &o, count_rows, &sb, &info), ST_OK);
    ck_assert_str_eq(strbuf_str(&sb), "1:ten|x\n2:" U_NAME "|1\n");
    ck_assert_int_eq(info.font, CSV_FONT_TCVN3);
    ck_assert_int_eq(info.encoding, CSV_ENC_BYTES);
    strbuf_free(&sb);
    enum csv_force force;
    ck_assert(csv_force_parse("VNI", &force) && force == CSV_FORCE_VNI);
    ck_assert(csv_force_parse("windows-1258", &force) && force == CSV_FORCE_CP1258);
    ck_assert(!csv_force_parse("latin1", &force));
    unlink(path);
    free(path);
}
END_TEST

START_TEST(test_xlsx_round_trip)
{
    char *path = test_tmp_path(".xlsx");
    struct xlsx_out *o;
    ck_assert_int_eq(xlsx_out_open(path, &o), ST_OK);
    ck_assert_int_eq(xlsx_out_sheet(o, "Tr\xE1\xBA\xBB em: 1/2"), ST_OK);
    const char *head[] = {"H\xE1\xBB\x8D v\xC3\xA0 t\xC3\xAAn", "Ng\xC3\xA0y sinh", "SDT", "Tu\xE1\xBB\x95i", "Ghi"};
    ck_assert_int_eq(xlsx_out_header(o, head, 5), ST_OK);
    const char *row1[] = {U_NAME, "05/03/2015", "0912345678", "9", ""};
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(xlsx_out_cell(o, row1[i]), ST_OK);
    ck_assert_int_eq(xlsx_out_end_row(o), ST_OK);
    ck_assert_int_eq(xlsx_out_end_row(o), ST_OK); /* an empty row: skipped on reading */
    ck_assert_int_eq(xlsx_out_cell(o, "An"), ST_OK);
    ck_assert_int_eq(xlsx_out_cell(o, "30/06/2025 12:05"), ST_OK);
    ck_assert_int_eq(xlsx_out_number(o, 52313769592.0), ST_OK);
    ck_assert_int_eq(xlsx_out_end_row(o), ST_OK);
    ck_assert_int_eq(xlsx_out_close(o), ST_OK);
    ck_assert(xlsx_is_path(path));
    struct strbuf sb = STRBUF_INIT;
    struct csv_read_info info;
    ck_assert_int_eq(xlsx_read_file(path, NULL, count_rows, &sb, &info), ST_OK);
    ck_assert_str_eq(strbuf_str(&sb), "1:H\xE1\xBB\x8D v\xC3\xA0 t\xC3\xAAn|Ng\xC3\xA0y sinh|SDT|Tu\xE1\xBB\x95i|Ghi\n"
                                      "2:" U_NAME "|05/03/2015|0912345678|9|\n"
                                      "4:An|30/06/2025 12:05|52313769592||\n");
    ck_assert_str_eq(info.sheet, "Tr\xE1\xBA\xBB em- 1-2");
    strbuf_reset(&sb);
    struct xlsx_read_opts ro = {.sheet = "tre em- 1-2"};
    ck_assert_int_eq(xlsx_read_file(path, &ro, count_rows, &sb, NULL), ST_OK);
    ro.sheet = "other";
    ck_assert_int_eq(xlsx_read_file(path, &ro, count_rows, &sb, NULL), ST_NOTFOUND);
    strbuf_free(&sb);
    unlink(path);
    free(path);
}
END_TEST

START_TEST(test_round_trip_helpers)
{
    ck_assert(child_field_lost_zero(CF_PERSONAL_ID, "52313769592"));
    ck_assert(!child_field_lost_zero(CF_PERSONAL_ID, "052313769592"));
    ck_assert(child_field_lost_zero(CF_CARER_PHONE, "912345678"));
    ck_assert(!child_field_lost_zero(CF_CARER_PHONE, "+84912345678"));
    ck_assert(!child_field_lost_zero(CF_FULL_NAME, "912345678"));
    char h[TRANSFER_HASH_BUF];
    const char *cells[] = {"a"};
    static const struct csv_column col[] = {{"x", "X", NULL, false, NULL}};
    static const struct csv_kind kind = {"k", "k", col, 1};
    transfer_hash(&kind, 1, cells, h);
    ck_assert_int_eq(h[0], 'h');
    ck_assert_uint_eq(strlen(h), 17);
    ck_assert(transfer_hash_equal(h, h));
    ck_assert(transfer_hash_equal(h, h + 1)); /* files of older exports */
    ck_assert(!transfer_hash_equal(h, "3.572095355317E+016"));
    char *k = csv_map_key("H\xE1\xBB\x8C V\xC3\x80 T\xC3\x8AN (*):");
    ck_assert_str_eq(k, "hovaten");
    free(k);
    setenv("HOME", "/home/canbo", 1);
    char *p = path_expand("~/tre-em.xlsx");
    ck_assert_str_eq(p, "/home/canbo/tre-em.xlsx");
    free(p);
    p = path_expand("~x/a");
    ck_assert_str_eq(p, "~x/a");
    free(p);
    p = path_absolute("/tmp/../tmp/x.csv");
    ck_assert_str_eq(p, "/tmp/x.csv");
    free(p);
}
END_TEST

Suite *suite_csv_legacy(void)
{
    return test_suite((struct test_spec){"csv_legacy", "core",
                       .tests = TEST_LIST(test_fonts_convert, test_viet_score, test_guess, test_utf16_files,
                                          test_legacy_file_forced, test_xlsx_round_trip,
                                          test_round_trip_helpers)}, NULL);
}
