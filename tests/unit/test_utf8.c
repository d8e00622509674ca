/* test_utf8 — validation, NFC, the search fold over every Vietnamese letter,
 * display widths, truncation by columns and movement by character. */
#include <config.h>
#include "tests.h"
#include "treem/core/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ------------------------------------------------- the 134 letters --- */

/* The twelve vowels as an ASCII base plus an optional modifier mark
 * (breve U+0306, circumflex U+0302, horn U+031B). */
static const struct { char base; const char *mark; } vowels[] = {
    {'a', ""}, {'a', "\xcc\x86"}, {'a', "\xcc\x82"},
    {'e', ""}, {'e', "\xcc\x82"},
    {'i', ""},
    {'o', ""}, {'o', "\xcc\x82"}, {'o', "\xcc\x9b"},
    {'u', ""}, {'u', "\xcc\x9b"},
    {'y', ""},
};
#define NVOWELS (sizeof vowels / sizeof *vowels)

/* No tone, then huyền, sắc, hỏi, ngã, nặng as combining marks. */
static const char *const tones[] = {
    "", "\xcc\x80", "\xcc\x81", "\xcc\x89", "\xcc\x83", "\xcc\xa3",
};
#define NTONES (sizeof tones / sizeof *tones)

/* Index i < NVOWELS*NTONES*2 → the NFD spelling of one letter; the last two
 * indices are đ and Đ. *plain receives the ASCII letter the fold must give. */
#define NLETTERS (NVOWELS * NTONES * 2 + 2)
static void letter_nfd(size_t i, char out[16], char *plain)
{
    if (i >= NVOWELS * NTONES * 2) {
        strcpy(out, i % 2 ? "\xc4\x90" : "\xc4\x91"); /* Đ, đ */
        *plain = 'd';
        return;
    }
    bool upper = i >= NVOWELS * NTONES;
    size_t k = i % (NVOWELS * NTONES);
    char base = vowels[k / NTONES].base;
    out[0] = upper ? (char)(base - 'a' + 'A') : base;
    out[1] = '\0';
    strcat(out, vowels[k / NTONES].mark);
    strcat(out, tones[k % NTONES]);
    *plain = base;
}

/* One code point, not ASCII: a precomposed Vietnamese letter. */
static bool is_single_non_ascii(const char *s)
{
    return (unsigned char)s[0] >= 0x80 && utf8_char_count(s) == 1 &&
           strlen(s) <= 3;
}

START_TEST(test_fold_every_letter)
{
    char nfd[16], plain;
    letter_nfd((size_t)_i, nfd, &plain);
    char *nfc = utf8_nfc(nfd);
    ck_assert_ptr_nonnull(nfc);
    ck_assert_uint_eq(utf8_char_count(nfc), 1);
    ck_assert_int_eq(utf8_width(nfc), 1);
    char want[2] = {plain, '\0'};
    char *f1 = utf8_fold(nfc), *f2 = utf8_fold(nfd);
    ck_assert_ptr_nonnull(f1);
    ck_assert_ptr_nonnull(f2);
    ck_assert_msg(strcmp(f1, want) == 0, "fold(%s) = '%s', want '%s'", nfc, f1, want);
    ck_assert_msg(strcmp(f2, want) == 0, "fold(NFD %s) = '%s', want '%s'", nfc, f2, want);
    free(f1);
    free(f2);
    free(nfc);
}
END_TEST

/* The table really holds 67 + 67 distinct precomposed letters. */
START_TEST(test_letter_table_has_134)
{
    char *seen[NLETTERS];
    size_t n = 0;
    for (size_t i = 0; i < NLETTERS; i++) {
        char nfd[16], plain;
        letter_nfd(i, nfd, &plain);
        char *nfc = utf8_nfc(nfd);
        ck_assert_ptr_nonnull(nfc);
        if (!is_single_non_ascii(nfc)) {
            ck_assert_msg(strlen(nfc) == 1, "'%s' did not compose", nfc);
            free(nfc);
            continue;
        }
        for (size_t j = 0; j < n; j++)
            ck_assert_str_ne(seen[j], nfc);
        seen[n++] = nfc;
    }
    ck_assert_uint_eq(n, 134);
    for (size_t j = 0; j < n; j++)
        free(seen[j]);
}
END_TEST

/* ------------------------------------------------ names and spaces --- */

START_TEST(test_fold_name_spellings)
{
    static const char *const names[] = {
        "Nguyễn Thị Đào",
        "nguyen thi dao",
        "NGUYỄN THỊ ĐÀO",
        "Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 \xc4\x90" "a\xcc\x80o", /* NFD */
        "  Nguyễn \t Thị\n\r\nĐào  ",
        "Nguyễn\xc2\xa0Thị Đào", /* no-break space pasted from a sheet */
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char *f = utf8_fold(names[i]);
        ck_assert_ptr_nonnull(f);
        ck_assert_msg(strcmp(f, "nguyen thi dao") == 0, "fold(\"%s\") = \"%s\"", names[i], f);
        free(f);
    }
}
END_TEST

START_TEST(test_fold_spaces)
{
    static const struct { const char *in, *want; } cases[] = {
        {"", ""}, {"   ", ""}, {"\t\n", ""}, {"a", "a"},
        {" a  b ", "a b"}, {"a\t\tb\nc", "a b c"}, {"  Ơ  ", "o"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *f = utf8_fold(cases[i].in);
        ck_assert_ptr_nonnull(f);
        ck_assert_msg(strcmp(f, cases[i].want) == 0, "fold(\"%s\") = \"%s\", want \"%s\"",
                      cases[i].in, f, cases[i].want);
        free(f);
    }
}
END_TEST

static const char *const invalid[] = {
    "\xff", "abc\xc3", "\xc0\xaf", "\xed\xa0\x80", "Nguy\xe1\xbb", "\x80x", "\xf5\x80\x80\x80",
};

START_TEST(test_invalid_utf8)
{
    const char *s = invalid[_i];
    ck_assert(!utf8_valid(s, strlen(s)));
    ck_assert_ptr_null(utf8_fold(s));
    ck_assert_ptr_null(utf8_nfc(s));
}
END_TEST

START_TEST(test_valid_utf8)
{
    static const char *const ok[] = {"", "abc", "Nguyễn Thị Đào", "中文", "e\xcc\x82\xcc\x83"};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
        ck_assert_msg(utf8_valid(ok[i], strlen(ok[i])), "%s", ok[i]);
    ck_assert(!utf8_valid("a\0b", 3)); /* NUL inside */
}
END_TEST

/* ------------------------------------------------------------ NFC --- */

START_TEST(test_nfc_of_nfd)
{
    static const struct { const char *nfd, *nfc; } cases[] = {
        {"Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 \xc4\x90" "a\xcc\x80o", "Nguyễn Thị Đào"},
        {"a\xcc\xa3\xcc\x82", "ậ"},  /* marks in canonical order */
        {"a\xcc\x82\xcc\xa3", "ậ"},  /* marks out of order */
        {"u\xcc\x9b\xcc\x81", "ứ"},
        {"Tr\xc6\xb0\xcc\x80ng", "Trừng"},
        {"plain ascii", "plain ascii"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *n = utf8_nfc(cases[i].nfd);
        ck_assert_ptr_nonnull(n);
        ck_assert_str_eq(n, cases[i].nfc);
        char *again = utf8_nfc(n); /* idempotent */
        ck_assert_str_eq(again, n);
        free(again);
        free(n);
    }
}
END_TEST

/* ---------------------------------------------------------- width --- */

START_TEST(test_width)
{
    static const struct { const char *s; int cols; } cases[] = {
        {"", 0},
        {"abc", 3},
        {"Nguyễn Thị Đào", 14},
        {"Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 \xc4\x90" "a\xcc\x80o", 14},
        {"中文", 4},
        {"a中b", 4},
        {"\xcc\x81", 0},           /* a lone combining mark */
        {"e\xcc\x82\xcc\x83", 1},
        {"Trường Tiểu học", 15},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        ck_assert_msg(utf8_width(cases[i].s) == cases[i].cols, "width(%s) = %d, want %d",
                      cases[i].s, utf8_width(cases[i].s), cases[i].cols);
}
END_TEST

/* ----------------------------------------------- fit and truncate --- */

static const char *const texts[] = {
    "Nguyễn Thị Đào",
    "Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 \xc4\x90" "a\xcc\x80o",
    "中文字 và Việt",
    "a\xcc\x81\xcc\xa3" "b\xcc\x81" "c",
};
#define NTEXTS (sizeof texts / sizeof *texts)

/* True when pos is where a user-perceived character starts (or the end). */
static bool at_boundary(const char *s, size_t pos)
{
    size_t len = strlen(s), at = 0;
    while (at < pos)
        at = utf8_next_char(s, len, at);
    return at == pos;
}

static int prefix_width(const char *s, size_t n)
{
    char buf[256];
    memcpy(buf, s, n);
    buf[n] = '\0';
    return utf8_width(buf);
}

START_TEST(test_fit_cols_never_cuts)
{
    const char *s = texts[_i];
    size_t len = strlen(s);
    for (int cols = 0; cols <= utf8_width(s) + 1; cols++) {
        size_t n = utf8_fit_cols(s, cols);
        ck_assert_msg(at_boundary(s, n), "'%s' cut at byte %zu for %d cols", s, n, cols);
        ck_assert_int_le(prefix_width(s, n), cols);
        if (n < len) { /* the longest prefix: one more character overflows */
            size_t next = utf8_next_char(s, len, n);
            ck_assert_int_gt(prefix_width(s, next), cols);
        }
    }
    ck_assert_uint_eq(utf8_fit_cols(s, utf8_width(s)), len);
}
END_TEST

START_TEST(test_truncate_never_cuts)
{
    const char *s = texts[_i];
    int w = utf8_width(s);
    for (int cols = 0; cols <= w + 1; cols++) {
        char out[256];
        utf8_truncate(s, cols, out, sizeof out);
        ck_assert(utf8_valid(out, strlen(out)));
        ck_assert_int_le(utf8_width(out), cols);
        if (cols >= w) {
            ck_assert_str_eq(out, s);
            continue;
        }
        if (cols == 0) {
            ck_assert_str_eq(out, "");
            continue;
        }
        size_t n = strlen(out);
        ck_assert_msg(n >= 3 && strcmp(out + n - 3, "\xe2\x80\xa6") == 0, "no … in '%s'", out);
        ck_assert(strncmp(out, s, n - 3) == 0);
        ck_assert(at_boundary(s, n - 3));
    }
}
END_TEST

START_TEST(test_truncate_examples)
{
    static const struct { const char *s; int cols; const char *want; } cases[] = {
        {"Nguyễn Thị Đào", 14, "Nguyễn Thị Đào"},
        {"Nguyễn Thị Đào", 8, "Nguyễn …"},
        {"Nguyễn Thị Đào", 6, "Nguyễ…"},
        {"Nguyễn Thị Đào", 1, "…"},
        {"Nguye\xcc\x82\xcc\x83n", 5, "Nguy…"},
        {"Nguye\xcc\x82\xcc\x83n", 6, "Nguye\xcc\x82\xcc\x83n"},
        {"中文字", 4, "中…"},
        {"中文字", 3, "中…"},
        {"中文字", 2, "…"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[64];
        utf8_truncate(cases[i].s, cases[i].cols, out, sizeof out);
        ck_assert_msg(strcmp(out, cases[i].want) == 0, "truncate(%s, %d) = '%s', want '%s'",
                      cases[i].s, cases[i].cols, out, cases[i].want);
    }
}
END_TEST

/* A buffer too small for the text never gets half a character. */
START_TEST(test_truncate_small_buffer)
{
    const char *s = "Nguye\xcc\x82\xcc\x83n";
    for (size_t outsz = 1; outsz < 12; outsz++) {
        char out[16];
        memset(out, 'Z', sizeof out);
        utf8_truncate(s, 40, out, outsz);
        size_t n = strlen(out);
        ck_assert_uint_lt(n, outsz);
        ck_assert_msg(at_boundary(s, n), "outsz %zu: '%s'", outsz, out);
        ck_assert(strncmp(out, s, n) == 0);
        ck_assert_int_eq(out[outsz], 'Z'); /* nothing written past outsz */
    }
}
END_TEST

/* ----------------------------------------------- cursor movement --- */

START_TEST(test_next_prev_char_nfd)
{
    /* N g u y e+ˆ+˜ n: the 'e' with its two marks is one character */
    const char *s = "Nguye\xcc\x82\xcc\x83n";
    size_t len = strlen(s);
    static const size_t stops[] = {0, 1, 2, 3, 4, 9, 10};
    size_t nstops = sizeof stops / sizeof *stops;
    for (size_t i = 0; i + 1 < nstops; i++) {
        ck_assert_uint_eq(utf8_next_char(s, len, stops[i]), stops[i + 1]);
        ck_assert_uint_eq(utf8_prev_char(s, len, stops[i + 1]), stops[i]);
    }
    ck_assert_uint_eq(utf8_next_char(s, len, len), len);
    ck_assert_uint_eq(utf8_prev_char(s, len, 0), 0);
}
END_TEST

START_TEST(test_next_prev_round_trip)
{
    const char *s = texts[_i];
    size_t len = strlen(s), pos = 0, steps = 0;
    while (pos < len) {
        size_t next = utf8_next_char(s, len, pos);
        ck_assert_uint_gt(next, pos);
        ck_assert_uint_eq(utf8_prev_char(s, len, next), pos);
        pos = next;
        steps++;
    }
    ck_assert_uint_eq(steps, utf8_char_count(s));
}
END_TEST

START_TEST(test_char_count)
{
    static const struct { const char *s; size_t n; } cases[] = {
        {"", 0},
        {"abc", 3},
        {"Nguyễn Thị Đào", 14},
        {"Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 \xc4\x90" "a\xcc\x80o", 14},
        {"中文", 2},
        {"a\xcc\x81\xcc\xa3" "b", 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        ck_assert_msg(utf8_char_count(cases[i].s) == cases[i].n, "count(%s) = %zu",
                      cases[i].s, utf8_char_count(cases[i].s));
}
END_TEST

START_TEST(test_encode)
{
    static const struct { long cp; const char *utf8; } cases[] = {
        {'A', "A"}, {0x0111, "đ"}, {0x1EC5, "ễ"}, {0x4E2D, "中"}, {0x1F600, "\xf0\x9f\x98\x80"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[8];
        int n = utf8_encode(cases[i].cp, out);
        ck_assert_int_eq(n, (int)strlen(cases[i].utf8));
        ck_assert_str_eq(out, cases[i].utf8);
    }
}
END_TEST

/* ------------------------------------------------ the fast path --- */

/* utf8.c skips utf8proc for text made only of the letters below U+0250 and
 * in U+1E00–U+1EFF: it claims such text is already NFC and folds letter by
 * letter. Held here against utf8proc for every letter followed by every
 * third letter (and by a space, and a combining mark, which must leave the
 * fast path). */
#define NFAST (0x24F + 0x100)
#define FAST_CHUNKS 8

static long fast_letter(int i)
{
    return i < 0x24F ? i + 1 : 0x1E00 + (i - 0x24F);
}

static void check_same(const char *text)
{
    char *nfc = utf8_nfc(text);
    char *ref = (char *)utf8proc_NFC((const utf8proc_uint8_t *)text);
    char *fast = utf8_fold(text), *full = utf8_fold_full(text);
    test_check(nfc != NULL, "NFC of '%s'", text);
    test_check(fast != NULL, "fold of '%s'", text);
    test_check(strcmp(nfc, ref) == 0, "NFC of '%s'", text);
    test_check(strcmp(fast, full) == 0, "fold of '%s': '%s', utf8proc '%s'", text, fast, full);
    free(nfc);
    free(ref);
    free(fast);
    free(full);
}

START_TEST(test_fast_path_pairs)
{
    int from = _i * NFAST / FAST_CHUNKS, to = (_i + 1) * NFAST / FAST_CHUNKS;
    for (int a = from; a < to; a++) {
        char text[16];
        int n = utf8_encode(fast_letter(a), text);
        for (int b = 0; b < NFAST; b += 3) {
            int m = utf8_encode(fast_letter(b), text + n);
            text[n + m] = '\0';
            check_same(text);
        }
        strcpy(text + n, " x\xcc\x81"); /* a space, then x + combining acute */
        check_same(text);
    }
}
END_TEST

START_TEST(test_fast_path_examples)
{
    static const char *cases[][2] = {
        {"Nguyễn Thị Đào", "nguyen thi dao"}, {"  ĐẶNG  văn\tƯớc ", "dang van uoc"},
        {"Straße", "strasse"}, {"N\xc2\xa0" "B", "n b"}, {"", ""}, {"TE-0042", "te-0042"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *f = utf8_fold(cases[i][0]);
        ck_assert_str_eq(f, cases[i][1]);
        free(f);
    }
    ck_assert_ptr_null(utf8_fold("a\xe1\xba"));      /* cut inside a letter */
    ck_assert_ptr_null(utf8_nfc("\xc3\x28"));
    ck_assert_ptr_null(utf8_nfc("\xe1\x80\xaf\xed\xa0\x80")); /* a surrogate */
}
END_TEST

Suite *suite_utf8(void)
{
    Suite *s = test_suite((struct test_spec){"utf8", "fold",
                           .tests = TEST_LIST(test_letter_table_has_134, test_fold_name_spellings, test_fold_spaces,
                                              test_valid_utf8, test_nfc_of_nfd, test_fast_path_examples),
                           .loops = LOOP_LIST({test_fold_every_letter, 0, (int)NLETTERS},
                                              TEST_ROWS(test_invalid_utf8, invalid),
                                              {test_fast_path_pairs, 0, FAST_CHUNKS})}, NULL);
    test_tcase(s, (struct test_spec){.tcase = "display",
                   .tests = TEST_LIST(test_width, test_truncate_examples, test_truncate_small_buffer,
                                      test_next_prev_char_nfd, test_char_count, test_encode),
                   .loops = LOOP_LIST({test_fit_cols_never_cuts, 0, (int)NTEXTS},
                                      {test_truncate_never_cuts, 0, (int)NTEXTS},
                                      {test_next_prev_round_trip, 0, (int)NTEXTS})});
    return s;
}
