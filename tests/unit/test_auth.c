/* test_auth — accounts and roles: the first account must be an officer and
 * gets a recovery code; a wrong password counts, five lock the account for
 * 15 minutes (the right password is refused meanwhile, accepted after); the
 * recovery code resets the password once; a viewer changes nothing; a
 * collaborator sees and changes only children of their villages and only
 * their own cases; the audit log names the signed-in login; without
 * accounts everything works as before. */
#include <config.h>
#include "tests.h"
#include "treem/app/auth.h"
#include "treem/app/cases.h"
#include "treem/app/children.h"
#include "treem/app/commune.h"
#include "treem/app/session.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A database with villages "Thôn Một", "Thôn Hai", a child in each, and
 * accounts: lan (officer), ctv (collaborator of Thôn Một), xem (viewer). */
static struct db *accounts_db(void)
{
    struct db *db = test_db_new(true);
    ck_assert_int_eq(village_add(db, "Thôn Một"), ST_OK);
    ck_assert_int_eq(village_add(db, "Thôn Hai"), ST_OK);
    const char *names[] = {"Lò Thị Một", "Hà Văn Hai"}, *villages[] = {"Thôn Một", "Thôn Hai"};
    for (int i = 0; i < 2; i++) {
        struct child c;
        child_init(&c);
        c.full_name = strdup(names[i]);
        c.village = strdup(villages[i]);
        c.birth_date = (struct date){2016, 3, 15};
        ck_assert_msg(children_save(db, &c, NULL, NULL, NULL) == ST_OK, "%s", status_message());
        child_free(&c);
    }
    char code[AUTH_RECOVERY_BUF];
    ck_assert_int_eq(auth_user_add(db, "ctv", "collaborator", "Thôn Một", "mật khẩu ctv", code), ST_INVALID);
    ck_assert_msg(auth_user_add(db, "lan", "officer", NULL, "mật khẩu lan", code) == ST_OK, "%s", status_message());
    ck_assert_uint_eq(strlen(code), 19);
    ck_assert_int_eq(auth_sign_in(db, "lan", "mật khẩu lan"), ST_OK);
    ck_assert_msg(auth_user_add(db, "ctv", "collaborator", "Thôn Một", "mật khẩu ctv", code) == ST_OK, "%s",
                  status_message());
    ck_assert_str_eq(code, "");
    ck_assert_int_eq(auth_user_add(db, "xem", "viewer", NULL, "mật khẩu xem", code), ST_OK);
    auth_sign_out(db);
    return db;
}

/* accounts_db() with user signed in. */
static struct db *signed_in(const char *user, const char *password)
{
    struct db *db = accounts_db();
    ck_assert_int_eq(auth_sign_in(db, user, password), ST_OK);
    return db;
}

START_TEST(test_wrong_password_and_lock)
{
    struct db *db = accounts_db();
    ck_assert(auth_has_accounts(db));
    ck_assert_int_eq(auth_sign_in(db, "nobody", "x"), ST_DENIED);
    for (int i = 1; i < AUTH_MAX_FAILURES; i++) {
        ck_assert_int_eq(auth_sign_in(db, "xem", "sai rồi"), ST_DENIED);
        ck_assert_ptr_nonnull(strstr(status_message(), "tries left"));
    }
    ck_assert_int_eq(auth_sign_in(db, "xem", "sai rồi"), ST_DENIED);
    ck_assert_ptr_nonnull(strstr(status_message(), "locked for 15 minutes"));
    ck_assert_int_eq(auth_sign_in(db, "xem", "mật khẩu xem"), ST_DENIED);
    ck_assert_ptr_nonnull(strstr(status_message(), "locked until 10:15"));
    ck_assert_ptr_null(auth_current());
    setenv("TREEM_TODAY", "2025-06-30 10:16", 1);
    ck_assert_msg(auth_sign_in(db, "xem", "mật khẩu xem") == ST_OK, "%s", status_message());
    ck_assert_str_eq(auth_current()->login, "xem");
    ck_assert_int_eq(auth_current()->role, ROLE_VIEWER);
    test_db_free(db);
}
END_TEST

START_TEST(test_recovery_code_once)
{
    struct db *db = test_db_new(true);
    char code[AUTH_RECOVERY_BUF], next[AUTH_RECOVERY_BUF];
    ck_assert_int_eq(auth_user_add(db, "lan", "officer", NULL, "mật khẩu cũ", code), ST_OK);
    for (int i = 0; i < AUTH_MAX_FAILURES; i++)
        auth_sign_in(db, "lan", "quên rồi");
    ck_assert_int_eq(auth_sign_in(db, "lan", "mật khẩu cũ"), ST_DENIED); /* locked */
    ck_assert_int_eq(auth_recover(db, "lan", "AAAA-BBBB-CCCC-DDDD", "mật khẩu mới", next), ST_DENIED);
    char typed[AUTH_RECOVERY_BUF];
    snprintf(typed, sizeof typed, "%s", code);
    for (char *p = typed; *p; p++) /* typed in lower case works */
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p + 32);
    ck_assert_msg(auth_recover(db, "lan", typed, "mật khẩu mới", next) == ST_OK, "%s", status_message());
    ck_assert_uint_eq(strlen(next), 19);
    ck_assert_str_ne(next, code);
    ck_assert_int_eq(auth_recover(db, "lan", code, "mật khẩu khác", next), ST_DENIED); /* used up */
    ck_assert_int_eq(auth_sign_in(db, "lan", "mật khẩu cũ"), ST_DENIED);
    ck_assert_int_eq(auth_sign_in(db, "lan", "mật khẩu mới"), ST_OK);
    test_db_free(db);
}
END_TEST

START_TEST(test_viewer_changes_nothing)
{
    struct db *db = signed_in("xem", "mật khẩu xem");
    struct child c;
    child_init(&c);
    c.full_name = strdup("Vũ Thị Mới");
    c.birth_date = (struct date){2017, 1, 1};
    ck_assert_int_eq(children_save(db, &c, NULL, NULL, NULL), ST_DENIED);
    ck_assert_ptr_nonnull(strstr(status_message(), "Viewer"));
    child_free(&c);
    ck_assert_int_eq(village_add(db, "Thôn Ba"), ST_DENIED); /* the guard, below the app */
    ck_assert_ptr_nonnull(strstr(status_message(), "Viewer"));
    char code[AUTH_RECOVERY_BUF];
    ck_assert_int_eq(auth_user_add(db, "moi", "viewer", NULL, "mật khẩu mới", code), ST_DENIED);
    ck_assert_int_eq(auth_user_passwd(db, "xem", "mật khẩu xem 2"), ST_OK); /* but their own password */
    struct child_query q;
    child_query_init(&q);
    long long n = 0;
    ck_assert_int_eq(children_count(db, &q, &n), ST_OK);
    ck_assert_int_eq(n, 2); /* sees every village */
    test_db_free(db);
}
END_TEST

START_TEST(test_collaborator_villages_and_cases)
{
    struct db *db = signed_in("lan", "mật khẩu lan");
    struct case_file k;
    case_file_init(&k);
    k.source = CASE_SRC_PHONE;
    k.kind = CASE_KIND_NEGLECT;
    k.level = case_default_level(k.kind);
    k.received = (struct datetime){{2025, 6, 2}, 8, 30};
    ck_assert_msg(cases_add(db, &k) == ST_OK, "%s", status_message()); /* the officer's case */
    case_file_free(&k);
    auth_sign_out(db);
    ck_assert_int_eq(auth_sign_in(db, "ctv", "mật khẩu ctv"), ST_OK);
    struct child_query q;
    child_query_init(&q);
    struct child_row rows[4];
    size_t n = 0;
    ck_assert_int_eq(children_page(db, &q, 0, 4, rows, &n), ST_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(rows[0].full_name, "Lò Thị Một");
    struct child c;
    ck_assert_int_eq(children_find(db, "TE-0002", &c), ST_DENIED); /* Thôn Hai */
    ck_assert_ptr_nonnull(strstr(status_message(), "Village collaborator"));
    ck_assert_int_eq(children_find(db, "TE-0001", &c), ST_OK);
    free(c.village);
    c.village = strdup("Thôn Hai"); /* moving a child out of their villages */
    c.village_id = 0;
    ck_assert_int_eq(children_save(db, &c, NULL, NULL, NULL), ST_DENIED);
    child_free(&c);
    ck_assert_int_eq(village_add(db, "Thôn Ba"), ST_DENIED);
    /* cases: their own only */
    case_file_init(&k);
    k.source = CASE_SRC_PHONE;
    k.kind = CASE_KIND_VIOLENCE;
    k.level = case_default_level(k.kind);
    k.received = (struct datetime){{2025, 6, 3}, 9, 0};
    k.child_id = rows[0].id;
    ck_assert_msg(cases_add(db, &k) == ST_OK, "%s", status_message());
    case_file_free(&k);
    struct case_filter f;
    case_filter_init(&f);
    struct case_line *lines = NULL;
    size_t nl = 0;
    ck_assert_int_eq(cases_list(db, &f, false, date_now(), &lines, &nl), ST_OK);
    ck_assert_uint_eq(nl, 1);
    ck_assert_str_eq(lines[0].row.code, "VV-0002");
    free(lines);
    ck_assert_int_eq(cases_find(db, "VV-0001", &k), ST_DENIED);
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit_log WHERE who = 'ctv' AND entity = 'case'"), 1);
    test_db_free(db);
}
END_TEST

START_TEST(test_without_accounts_as_before)
{
    struct db *db = test_db_new(true);
    ck_assert(!auth_has_accounts(db));
    ck_assert_ptr_null(auth_current());
    ck_assert_int_eq(auth_require_officer(db, "x"), ST_OK);
    ck_assert_int_eq(village_add(db, "Thôn Một"), ST_OK);
    ck_assert_str_ne(db_actor(db), "");
    test_db_free(db);
}
END_TEST

/* Without the unit tests' switch, passwords and recovery codes are hashed
 * at libsodium's INTERACTIVE limits (the hash string carries them). */
START_TEST(test_real_limits)
{
    struct db *db = test_db_new(true);
    char code[AUTH_RECOVERY_BUF];
    auth_test_weak_hashing(false);
    enum status rc = auth_user_add(db, "lan", "officer", NULL, "mật khẩu lan", code);
    auth_test_weak_hashing(true);
    ck_assert_msg(rc == ST_OK, "%s", status_message());
    const char *cols[] = {"pass_hash", "recovery_hash"};
    for (int i = 0; i < 2; i++) {
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT %s FROM app_user WHERE login = 'lan'", cols[i]);
        const char *h = test_raw_text(db->path, sql);
        ck_assert_msg(crypto_pwhash_str_needs_rehash(h, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                                     crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0, "%s: %s", cols[i], h);
    }
    ck_assert_int_eq(auth_sign_in(db, "lan", "mật khẩu lan"), ST_OK);
    test_db_free(db);
}
END_TEST

Suite *suite_auth(void)
{
    return test_suite((struct test_spec){"auth", "app", test_today_2025, test_today_end, .timeout = 60,
                       .tests = TEST_LIST(test_wrong_password_and_lock, test_recovery_code_once,
                                          test_viewer_changes_nothing, test_collaborator_villages_and_cases,
                                          test_without_accounts_as_before, test_real_limits)}, NULL);
}
