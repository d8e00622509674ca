/* test_pseudonym — the key is made once and kept in the database; the same
 * uid gives the same pseudonyms, other uids or domains other ones; the
 * forms are a valid uid, AD-xxxxxxxx and "Ẩn danh AD-…". */
#include <config.h>
#include "tests.h"
#include "treem/app/pseudonym.h"
#include "treem/app/transfer_kind.h"

#include <string.h>

START_TEST(test_stable_and_keyed)
{
    struct db *db = test_db_new(true);
    struct pseudonym a, b;
    ck_assert_int_eq(pseudonym_load(db, &a), ST_OK);
    ck_assert_int_eq(pseudonym_load(db, &b), ST_OK);
    ck_assert_int_eq(memcmp(a.key, b.key, sizeof a.key), 0);
    ck_assert_str_eq(a.commune, "00004");
    char u1[PSEUDONYM_UID_BUF], u2[PSEUDONYM_UID_BUF], u3[PSEUDONYM_UID_BUF];
    pseudonym_uid(&a, "child", "00004-ABCDEFGHJK", u1);
    pseudonym_uid(&b, "child", "00004-ABCDEFGHJK", u2);
    pseudonym_uid(&a, "case", "00004-ABCDEFGHJK", u3);
    ck_assert_str_eq(u1, u2);
    ck_assert_str_ne(u1, u3);
    ck_assert_str_ne(u1, "00004-ABCDEFGHJK");
    ck_assert(transfer_uid_valid(u1));
    char code[PSEUDONYM_CODE_BUF], name[PSEUDONYM_NAME_BUF];
    pseudonym_code(&a, "child", "00004-ABCDEFGHJK", code);
    pseudonym_name(&a, "00004-ABCDEFGHJK", name);
    ck_assert_uint_eq(strlen(code), 11);
    ck_assert(strncmp(code, "AD-", 3) == 0);
    ck_assert(strncmp(u1 + 6, code + 3, 8) != 0); /* the code is not the uid's characters */
    ck_assert(strncmp(name, "Ẩn danh AD-", strlen("Ẩn danh AD-")) == 0);
    ck_assert_str_eq(name + strlen("Ẩn danh "), code);
    pseudonym_clear(&a);
    pseudonym_clear(&b);
    test_db_free(db);
}
END_TEST

Suite *suite_pseudonym(void)
{
    return test_suite((struct test_spec){"pseudonym", "app",
                       .tests = TEST_LIST(test_stable_and_keyed)}, NULL);
}
