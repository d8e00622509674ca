/* test_sealed — a folder sealed with a passphrase opens into a private
 * folder with the same bytes; a wrong passphrase and every flipped byte are
 * refused with nothing left behind; a short passphrase is refused. */
#include <config.h>
#include "tests.h"
#include "treem/app/sealed.h"

#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

START_TEST(test_round_trip_and_refusals)
{
    char *src = sealed_temp_dir();
    ck_assert_ptr_nonnull(src);
    write_file(src, "manifest.txt", "commune_code=00004\n");
    write_file(src, "children.csv", "full_name\nNguyễn Thị Kín\n");
    const char *names[] = {"manifest.txt", "children.csv"};
    char *file = test_tmp_path(".treem");
    ck_assert_int_eq(sealed_passphrase_check("ngắn"), ST_INVALID);
    ck_assert_msg(sealed_write(src, names, 2, file, "đúng mật khẩu") == ST_OK, "%s", status_message());
    struct stat st;
    ck_assert_int_eq(stat(file, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    ck_assert(sealed_is_sealed(file));
    char *dir = NULL;
    ck_assert_msg(sealed_open(file, "đúng mật khẩu", &dir) == ST_OK, "%s", status_message());
    char path[4096];
    snprintf(path, sizeof path, "%s/children.csv", dir);
    size_t n;
    char *got = test_slurp(path, &n);
    ck_assert_uint_eq(n, strlen("full_name\nNguyễn Thị Kín\n"));
    ck_assert(memcmp(got, "full_name\nNguyễn Thị Kín\n", n) == 0);
    free(got);
    ck_assert_int_eq(stat(dir, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0700);
    sealed_remove_dir(dir);
    ck_assert_int_eq(sealed_open(file, "sai mật khẩu", &dir), ST_INVALID);
    ck_assert_ptr_null(dir);
    ck_assert_ptr_nonnull(strstr(status_message(), "wrong passphrase"));
    /* every byte flipped in turn is refused */
    unsigned char *raw = (unsigned char *)test_slurp(file, &n);
    for (size_t i = 0; i < n; i += 7) {
        raw[i] ^= 0x01;
        FILE *f = fopen(file, "wb");
        fwrite(raw, 1, n, f);
        fclose(f);
        ck_assert_msg(sealed_open(file, "đúng mật khẩu", &dir) != ST_OK, "byte %zu", i);
        ck_assert_ptr_null(dir);
        raw[i] ^= 0x01;
    }
    free(raw);
    unlink(file);
    free(file);
    sealed_remove_dir(src);
}
END_TEST

/* Without the unit tests' switch the header asks libsodium's INTERACTIVE
 * limits, and a file sealed so opens. */
START_TEST(test_real_limits)
{
    char *src = sealed_temp_dir();
    ck_assert_ptr_nonnull(src);
    write_file(src, "manifest.txt", "commune_code=00004\n");
    const char *names[] = {"manifest.txt"};
    char *file = test_tmp_path(".treem");
    sealed_test_weak_kdf(false);
    enum status rc = sealed_write(src, names, 1, file, "đúng mật khẩu");
    sealed_test_weak_kdf(true);
    ck_assert_msg(rc == ST_OK, "%s", status_message());
    size_t n;
    unsigned char *raw = (unsigned char *)test_slurp(file, &n);
    ck_assert_uint_gt(n, 8 + crypto_pwhash_SALTBYTES + 16);
    uint64_t ops = 0, mem = 0;
    for (int i = 7; i >= 0; i--) {
        ops = ops << 8 | raw[8 + crypto_pwhash_SALTBYTES + i];
        mem = mem << 8 | raw[8 + crypto_pwhash_SALTBYTES + 8 + i];
    }
    free(raw);
    ck_assert_uint_eq(ops, crypto_pwhash_OPSLIMIT_INTERACTIVE);
    ck_assert_uint_eq(mem, crypto_pwhash_MEMLIMIT_INTERACTIVE);
    char *dir = NULL;
    ck_assert_msg(sealed_open(file, "đúng mật khẩu", &dir) == ST_OK, "%s", status_message());
    sealed_remove_dir(dir);
    unlink(file);
    free(file);
    sealed_remove_dir(src);
}
END_TEST

/* The file browser asks of every entry whether it is a sealed package: a
 * FIFO (nobody writing) must get "no" at once, not an open that waits for
 * ever; a directory is no package either. */
START_TEST(test_fifo_is_not_sealed)
{
    char *dir = sealed_temp_dir();
    ck_assert_ptr_nonnull(dir);
    char path[4096];
    snprintf(path, sizeof path, "%s/pipe", dir);
    ck_assert_int_eq(mkfifo(path, 0600), 0);
    ck_assert(!sealed_is_sealed(path));
    unlink(path);
    ck_assert(!sealed_is_sealed(dir));
    sealed_remove_dir(dir);
}
END_TEST

Suite *suite_sealed(void)
{
    return test_suite((struct test_spec){"sealed", "app", .timeout = 120,
                       .tests = TEST_LIST(test_round_trip_and_refusals, test_real_limits,
                                          test_fifo_is_not_sealed)}, NULL);
}
