/* test_csv_encoding — UTF-8 detection, Windows-1258 conversion, NFC. */
#include <config.h>
#include "tests.h"
#include "csv_collect.h"
#include "treem/core/utf8.h"
#include "treem/csv/csv_encoding.h"
#include "treem/csv/csv_read.h"

#include <stdlib.h>
#include <string.h>

/* Windows-1258 bytes, checked while writing the test with
 *   printf '%s' 'Nguyễn Thị Đào' | iconv -f UTF-8 -t CP1258 | xxd -p
 * → 4e677579eade6e20546869f220d0e06f: ê = EA, combining tilde = DE,
 * combining dot below = F2, Đ = D0, à = E0 (precomposed in CP1258). */
#define CP_NGUYEN "Nguy\xEA\xDEn Th\x69\xF2 \xD0\xE0o"
/* 'Hồ Văn Bắc' → 48f4cc2056e36e2042e3ec63 (ô = F4, grave = CC, ă = E3,
 * acute = EC). */
#define CP_HO "H\xF4\xCC V\xE3n B\xE3\xEC" "c"
/* 'Phường Nhơn Hưng' → 5068fdf5cc6e67204e68f56e2048fd6e67 */
#define CP_PHUONG "Ph\xFD\xF5\xCCng Nh\xF5n H\xFDng"

#define U_NGUYEN "Nguy\xE1\xBB\x85n Th\xE1\xBB\x8B \xC4\x90\xC3\xA0o" /* NFC */
/* The same name in NFD (python: unicodedata.normalize('NFD', …)). */
#define D_NGUYEN "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 \xC4\x90" "a\xCC\x80o"

static const struct {
    const char *bytes;
    size_t len; /* 0: strlen */
    enum csv_encoding enc;
} detect_cases[] = {
    {"child_id,full_name\r\nTE1,An\r\n", 0, CSV_ENC_UTF8},
    {"", 0, CSV_ENC_UTF8},
    {"\xEF\xBB\xBF" "a,b\n", 0, CSV_ENC_UTF8},
    {U_NGUYEN, 0, CSV_ENC_UTF8},
    {D_NGUYEN, 0, CSV_ENC_UTF8},
    {"\xF0\x9F\x98\x80 emoji", 0, CSV_ENC_UTF8},
    {CP_NGUYEN, 0, CSV_ENC_CP1258},
    {CP_HO "," CP_PHUONG "\n", 0, CSV_ENC_CP1258},
    {"Nguy\xE1\xBB", 0, CSV_ENC_CP1258},     /* truncated sequence */
    {"\xC0\xAF", 0, CSV_ENC_CP1258},         /* overlong '/' */
    {"\xED\xA0\x80", 0, CSV_ENC_CP1258},     /* a surrogate */
    {"\xF4\x90\x80\x80", 0, CSV_ENC_CP1258}, /* above U+10FFFF */
    {U_NGUYEN "," U_NGUYEN "\n" CP_NGUYEN "\n", 0, CSV_ENC_MIXED},
};

START_TEST(test_detect)
{
    const char *b = detect_cases[_i].bytes;
    size_t len = detect_cases[_i].len ? detect_cases[_i].len : strlen(b);
    ck_assert_int_eq(csv_detect_encoding(b, len), detect_cases[_i].enc);
}
END_TEST

/* The scan gives the same answer however the bytes are split. */
START_TEST(test_scan_split)
{
    const char *text = "a\n" U_NGUYEN "\n\xF0\x9F\x98\x80 x\nmore text here\n";
    size_t len = strlen(text);
    for (size_t cut = 0; cut <= len; cut++) {
        struct csv_utf8_scan sc;
        csv_utf8_scan_init(&sc);
        csv_utf8_scan_feed(&sc, text, cut);
        csv_utf8_scan_feed(&sc, text + cut, len - cut);
        ck_assert_int_eq(csv_utf8_scan_result(&sc), CSV_ENC_UTF8);
        ck_assert_uint_eq(sc.lines, 4);
        ck_assert_uint_eq(sc.good, 5);
    }
}
END_TEST

START_TEST(test_decode_cp1258)
{
    const char *in = "full_name;village\r\n" CP_NGUYEN ";" CP_PHUONG "\r\n" CP_HO ";x\r\n";
    char *out;
    size_t outlen;
    enum csv_encoding found = CSV_ENC_UTF8;
    ck_assert_int_eq(csv_decode(in, strlen(in), false, &out, &outlen, &found), ST_OK);
    ck_assert_int_eq(found, CSV_ENC_CP1258);
    ck_assert_str_eq(csv_encoding_name(found), "Windows-1258");
    ck_assert_uint_eq(outlen, strlen(out));
    struct collected c = {0};
    collect_buffer(&c, out, outlen, 3);
    collect_expect(&c, 1, 2, (const char *const[]){"Nguyễn Thị Đào", "Phường Nhơn Hưng"});
    collect_expect(&c, 2, 2, (const char *const[]){"Hồ Văn Bắc", "x"});
    /* the literal above is NFC; check it independently of the source file */
    ck_assert_str_eq(c.fields[1][0], U_NGUYEN);
    collected_free(&c);
    free(out);
}
END_TEST

START_TEST(test_decode_nfd)
{
    char *out;
    size_t outlen;
    enum csv_encoding found;
    ck_assert_int_eq(csv_decode(D_NGUYEN, strlen(D_NGUYEN), true, &out, &outlen, &found), ST_OK);
    ck_assert_int_eq(found, CSV_ENC_UTF8);
    ck_assert_str_eq(out, U_NGUYEN);
    free(out);
    /* not asked: left as it was */
    ck_assert_int_eq(csv_decode(D_NGUYEN, strlen(D_NGUYEN), false, &out, &outlen, NULL), ST_OK);
    ck_assert_str_eq(out, D_NGUYEN);
    free(out);
}
END_TEST

static const struct {
    const char *bytes;
    size_t len;
    const char *msg_start;
} bad_cases[] = {
    {"a\0b\0,\0c\0\n\0", 11, "line 1: the file contains NUL bytes"},
    {"x\ny\n" "a\0b", 7, "line 3: the file contains NUL bytes"},
    {"ok\n" CP_NGUYEN "\nbad \x81 byte\n", 0, "line 3: the file is neither UTF-8 nor Windows-1258"},
    {U_NGUYEN "\n" U_NGUYEN "\n" U_NGUYEN "\nTr\xE2n\n", 0, "line 4: the file is UTF-8 but"},
};

START_TEST(test_decode_bad)
{
    const char *b = bad_cases[_i].bytes;
    size_t len = bad_cases[_i].len ? bad_cases[_i].len : strlen(b);
    char *out = NULL;
    size_t outlen;
    ck_assert_int_eq(csv_decode(b, len, true, &out, &outlen, NULL), ST_INVALID);
    ck_assert_ptr_null(out);
    test_message_starts(bad_cases[_i].msg_start);
}
END_TEST

/* Feeding in two pieces, cut anywhere — even between a letter and its
 * combining mark — gives the same text as feeding it whole. */
static void split_feed(enum csv_encoding enc, bool nfc, const char *in, const char *want)
{
    size_t len = strlen(in);
    for (size_t cut = 0; cut <= len; cut++) {
        struct csv_decoder *d;
        ck_assert_int_eq(csv_decoder_new(enc, nfc, &d), ST_OK);
        struct strbuf out = STRBUF_INIT;
        ck_assert_int_eq(csv_decoder_feed(d, in, cut, false, &out), ST_OK);
        ck_assert_int_eq(csv_decoder_feed(d, in + cut, len - cut, false, &out), ST_OK);
        ck_assert_int_eq(csv_decoder_feed(d, "", 0, true, &out), ST_OK);
        ck_assert_msg(strcmp(strbuf_str(&out), want) == 0, "cut %zu: [%s]", cut,
                      strbuf_str(&out));
        strbuf_free(&out);
        csv_decoder_free(d);
    }
}

START_TEST(test_decoder_split)
{
    split_feed(CSV_ENC_CP1258, false, "a;" CP_NGUYEN "\r\n" CP_HO ";" CP_PHUONG,
               "a;" U_NGUYEN "\r\nHồ Văn Bắc;Phường Nhơn Hưng");
    split_feed(CSV_ENC_UTF8, true, "x\n" D_NGUYEN "\n" D_NGUYEN, "x\n" U_NGUYEN "\n" U_NGUYEN);
    split_feed(CSV_ENC_UTF8, false, "x\n" D_NGUYEN, "x\n" D_NGUYEN);
}
END_TEST

/* Everything csv_nfc_quick vouches for really is NFC, also after a letter. */
START_TEST(test_nfc_quick_ranges)
{
    static const long ranges[][2] = {{0x20, 0x7E}, {0xA0, 0x2FF}, {0x1E00, 0x1EFF},
                                     {0x2010, 0x2027}};
    for (size_t r = 0; r < sizeof ranges / sizeof *ranges; r++) {
        for (long cp = ranges[r][0]; cp <= ranges[r][1]; cp++) {
            char s[16] = "a";
            int n = utf8_encode(cp, s + 1);
            ck_assert(csv_nfc_quick(s, (size_t)n + 1));
            char *nfc = utf8_nfc(s);
            ck_assert_msg(strcmp(nfc, s) == 0, "U+%04lX is not NFC after 'a'", cp);
            free(nfc);
            nfc = utf8_nfc(s + 1);
            ck_assert_msg(strcmp(nfc, s + 1) == 0, "U+%04lX is not NFC", cp);
            free(nfc);
        }
    }
    ck_assert(!csv_nfc_quick("e\xCC\x81", 3));     /* combining acute */
    ck_assert(!csv_nfc_quick("\xE2\x80\x80", 3));  /* U+2000, a singleton */
    ck_assert(!csv_nfc_quick("\xE1\xBB", 2));      /* cut short */
}
END_TEST

Suite *suite_csv_encoding(void)
{
    return test_suite((struct test_spec){"csv_encoding", "core",
                       .tests = TEST_LIST(test_scan_split, test_decode_cp1258, test_decode_nfd,
                                          test_decoder_split, test_nfc_quick_ranges),
                       .loops = LOOP_LIST(TEST_ROWS(test_detect, detect_cases),
                                          TEST_ROWS(test_decode_bad, bad_cases))}, NULL);
}
