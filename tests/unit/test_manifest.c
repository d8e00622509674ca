/* test_manifest — write, read back, verify; a one-byte change and a missing
 * file are caught and named; bad manifests are refused naming the line. */
#include <config.h>
#include "tests.h"
#include "treem/csv/manifest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct pkg {
    char dir[4096];
};

static void put_file(const struct pkg *p, const char *name, const char *text)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", p->dir, name);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

static void pkg_new(struct pkg *p)
{
    char *base = test_tmp_path("-pkg-XXXXXX");
    snprintf(p->dir, sizeof p->dir, "%s", base);
    free(base);
    ck_assert_ptr_nonnull(mkdtemp(p->dir));
}

static void pkg_free(const struct pkg *p)
{
    static const char *const names[] = {"children.csv", "cases.csv", MANIFEST_FILE_NAME};
    char path[4200];
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", p->dir, names[i]);
        unlink(path);
    }
    rmdir(p->dir);
}

static void fill(struct manifest *m)
{
    m->format_version = MANIFEST_FORMAT_VERSION;
    ck_assert_int_eq(manifest_set(m, "commune_code", "00004"), ST_OK);
    ck_assert_int_eq(manifest_set(m, "period_from", "01/01/2025"), ST_OK);
    ck_assert_int_eq(manifest_set(m, "period_to", "2025-06-30"), ST_OK);
    ck_assert_int_eq(manifest_set(m, "created_by", "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 Lan"), ST_OK);
    ck_assert_int_eq(manifest_set(m, "created_at", "2025-06-30 14:05"), ST_OK);
}

static void make_package(struct pkg *p, struct manifest *m)
{
    pkg_new(p);
    put_file(p, "children.csv", "\xEF\xBB\xBF" "child_id,full_name\r\nTE1,Nguyễn An\r\n");
    put_file(p, "cases.csv", "case_id\r\n");
    fill(m);
    ck_assert_int_eq(manifest_add_file(m, p->dir, "children.csv", "children", 1), ST_OK);
    ck_assert_int_eq(manifest_add_file(m, p->dir, "cases.csv", "cases", 0), ST_OK);
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", p->dir, MANIFEST_FILE_NAME);
    ck_assert_msg(manifest_write(m, path) == ST_OK, "%s", status_message());
}

START_TEST(test_sha256_known)
{
    struct pkg p;
    pkg_new(&p);
    put_file(&p, "children.csv", "abc");
    char path[4200], hex[MANIFEST_SHA256_HEX];
    snprintf(path, sizeof path, "%s/children.csv", p.dir);
    ck_assert_int_eq(manifest_sha256_file(path, hex), ST_OK);
    /* FIPS 180-2 test vector */
    ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    pkg_free(&p);
}
END_TEST

START_TEST(test_write_read_verify)
{
    struct pkg p;
    struct manifest m = {0}, r = {0};
    make_package(&p, &m);
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", p.dir, MANIFEST_FILE_NAME);
    ck_assert_msg(manifest_read(path, &r) == ST_OK, "%s", status_message());
    ck_assert_int_eq(r.format_version, 1);
    ck_assert_str_eq(r.commune_code, "00004");
    ck_assert_str_eq(r.period_from, "2025-01-01"); /* stored ISO */
    ck_assert_str_eq(r.period_to, "2025-06-30");
    ck_assert_str_eq(r.created_by, "Nguyễn Thị Lan"); /* stored NFC */
    ck_assert_str_eq(r.created_at, "2025-06-30 14:05");
    ck_assert(!r.anonymised);
    ck_assert_uint_eq(r.nfiles, 2);
    const struct manifest_file *f = manifest_find(&r, "children.csv");
    ck_assert_ptr_nonnull(f);
    ck_assert_str_eq(f->kind, "children");
    ck_assert_uint_eq(f->rows, 1);
    ck_assert_str_eq(f->sha256, m.files[0].sha256);
    ck_assert_uint_eq(strlen(f->sha256), 64);
    ck_assert_ptr_null(manifest_find(&r, "plans.csv"));
    struct csv_errors e = {0};
    ck_assert_int_eq(manifest_verify(&r, p.dir, &e), ST_OK);
    ck_assert_uint_eq(e.n, 0);
    manifest_free(&m);
    manifest_free(&r);
    pkg_free(&p);
}
END_TEST

START_TEST(test_damaged_and_missing)
{
    struct pkg p;
    struct manifest m = {0};
    make_package(&p, &m);
    /* one byte changed: "TE1" → "TE2" */
    put_file(&p, "children.csv", "\xEF\xBB\xBF" "child_id,full_name\r\nTE2,Nguyễn An\r\n");
    struct csv_errors e = {0};
    ck_assert_int_eq(manifest_verify(&m, p.dir, &e), ST_INVALID);
    ck_assert_uint_eq(e.errors, 1);
    ck_assert_str_eq(e.items[0].rule, CSV_RULE_DAMAGED_FILE);
    ck_assert_str_eq(e.items[0].column, "children.csv");
    ck_assert_ptr_nonnull(strstr(status_message(), "children.csv"));
    csv_errors_free(&e);
    char path[4200];
    snprintf(path, sizeof path, "%s/cases.csv", p.dir);
    unlink(path);
    ck_assert_int_eq(manifest_verify(&m, p.dir, &e), ST_INVALID);
    ck_assert_uint_eq(e.errors, 2);
    ck_assert_str_eq(e.items[1].rule, CSV_RULE_MISSING_FILE);
    ck_assert_str_eq(e.items[1].column, "cases.csv");
    ck_assert_str_eq(e.items[1].message, "file cases.csv is missing or cannot be read");
    csv_errors_free(&e);
    manifest_free(&m);
    pkg_free(&p);
}
END_TEST

static const struct {
    const char *key, *value;
    enum status st;
} set_cases[] = {
    {"commune_code", "0004", ST_INVALID},
    {"commune_code", "0000a", ST_INVALID},
    {"period_from", "31/02/2025", ST_INVALID},
    {"created_by", "", ST_INVALID},
    {"created_by", "two\nlines", ST_INVALID},
    {"created_at", "2025-06-30", ST_INVALID},
    {"created_at", "2025-06-30 25:00", ST_INVALID},
    {"anonymised", "yes", ST_INVALID},
    {"format_version", "2", ST_INVALID},
    {"format_version", "x", ST_INVALID},
    {"colour", "blue", ST_NOTFOUND},
    {"anonymised", "1", ST_OK},
    {"period_to", "30/6/2025", ST_OK},
};

START_TEST(test_set_checks)
{
    struct manifest m = {0};
    ck_assert_int_eq(manifest_set(&m, set_cases[_i].key, set_cases[_i].value), set_cases[_i].st);
    if (set_cases[_i].st == ST_INVALID)
        ck_assert_ptr_nonnull(strstr(status_message(), set_cases[_i].key));
    manifest_free(&m);
}
END_TEST

START_TEST(test_add_file_checks)
{
    struct pkg p;
    struct manifest m = {0};
    pkg_new(&p);
    put_file(&p, "children.csv", "x\n");
    ck_assert_int_eq(manifest_add_file(&m, p.dir, "../children.csv", "children", 1), ST_INVALID);
    ck_assert_int_eq(manifest_add_file(&m, p.dir, "a,b.csv", "children", 1), ST_INVALID);
    ck_assert_int_eq(manifest_add_file(&m, p.dir, "children.csv", "Children", 1), ST_INVALID);
    ck_assert_int_eq(manifest_add_file(&m, p.dir, "cases.csv", "cases", 1), ST_IO);
    ck_assert_int_eq(manifest_add_file(&m, p.dir, "children.csv", "children", 1), ST_OK);
    ck_assert_int_eq(manifest_add_file(&m, p.dir, "children.csv", "children", 1), ST_EXISTS);
    /* incomplete: refused naming the key */
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", p.dir, MANIFEST_FILE_NAME);
    ck_assert_int_eq(manifest_write(&m, path), ST_INVALID);
    ck_assert_str_eq(status_message(), "the manifest lacks format_version");
    fill(&m);
    ck_assert_int_eq(manifest_set(&m, "period_to", "2024-12-31"), ST_OK);
    ck_assert_int_eq(manifest_write(&m, path), ST_INVALID);
    ck_assert_str_eq(status_message(), "period_from 2025-01-01 is after period_to 2024-12-31");
    manifest_free(&m);
    pkg_free(&p);
}
END_TEST

#define GOOD_HEAD "format_version=1\ncommune_code=00004\nperiod_from=2025-01-01\n" \
                  "period_to=2025-06-30\ncreated_by=Lan\n"
#define SHA "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

static const struct {
    const char *text;
    enum status st;
    const char *msg; /* exact, or NULL for ST_OK */
} read_cases[] = {
    {"\xEF\xBB\xBF# made by hand\r\n" GOOD_HEAD "created_at=2025-06-30 14:05\r\nfuture_key=1\n"
     "file=children.csv,children,12," SHA "\n",
     ST_OK, NULL},
    {GOOD_HEAD "created_at=2025-06-30 14:05\ncommune_code=12\n", ST_INVALID,
     "manifest.txt line 7: commune_code: \"12\" is not a 5-digit commune code"},
    {GOOD_HEAD, ST_INVALID, "the manifest lacks created_at"},
    {"format_version=3\n", ST_INVALID,
     "manifest.txt line 1: format_version: the package was made by a newer treem (format 3, this treem reads up to 1)"},
    {GOOD_HEAD "created_at=2025-06-30 14:05\nfile=children.csv,children,12\n", ST_INVALID,
     "manifest.txt line 7: file: expected name,kind,rows,sha256"},
    {GOOD_HEAD "created_at=2025-06-30 14:05\nfile=children.csv,children,12,abc\n", ST_INVALID,
     "manifest.txt line 7: file children.csv: \"abc\" is not a SHA-256"},
    {GOOD_HEAD "created_at=2025-06-30 14:05\nfile=c.csv,children,1," SHA "\nfile=c.csv,cases,1," SHA "\n",
     ST_EXISTS, "manifest.txt line 8: file c.csv is listed twice"},
    {"just words\n", ST_INVALID, "manifest.txt line 1: \"just words\" is not key=value"},
};

START_TEST(test_read_checks)
{
    struct pkg p;
    pkg_new(&p);
    put_file(&p, MANIFEST_FILE_NAME, read_cases[_i].text);
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", p.dir, MANIFEST_FILE_NAME);
    struct manifest m = {0};
    enum status st = manifest_read(path, &m);
    ck_assert_msg(st == read_cases[_i].st, "status %d: %s", st, status_message());
    if (read_cases[_i].msg)
        ck_assert_str_eq(status_message(), read_cases[_i].msg);
    else
        ck_assert_uint_eq(m.nfiles, 1);
    manifest_free(&m);
    pkg_free(&p);
}
END_TEST

Suite *suite_manifest(void)
{
    return test_suite((struct test_spec){"manifest", "core",
                       .tests = TEST_LIST(test_sha256_known, test_write_read_verify, test_damaged_and_missing,
                                          test_add_file_checks),
                       .loops = LOOP_LIST(TEST_ROWS(test_set_checks, set_cases),
                                          TEST_ROWS(test_read_checks, read_cases))}, NULL);
}
