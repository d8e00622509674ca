/* test_actor — who the audit log names comes from the connection: the actor
 * set on it (db_set_actor, as a sign-in does) is the name on the audit line
 * of a change made through the app; without one, the officer name of the
 * settings (read at each change, so a new name counts at once), else $USER;
 * signing in sets the actor, signing out forgets it; a commune file opened
 * from a province file names the same person. */
#include <config.h>
#include "tests.h"
#include "treem/app/auth.h"
#include "treem/app/commune.h"
#include "treem/app/province.h"
#include "treem/app/villages.h"
#include "treem/db/audit_repo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Renames village from → to through the app and returns who the audit line
 * of the rename names (malloc'd). */
static char *rename_by(struct db *db, const char *from, const char *to)
{
    long long id = 0;
    ck_assert_int_eq(villages_find(db, from, &id), ST_OK);
    ck_assert_msg(villages_rename(db, from, to) == ST_OK, "%s", status_message());
    char key[24];
    snprintf(key, sizeof key, "%lld", id);
    struct audit_row *rows = NULL;
    size_t n = 0;
    ck_assert_int_eq(audit_repo_history(db, "village", key, &rows, &n), ST_OK);
    ck_assert_uint_ge(n, 1);
    ck_assert_str_eq(rows[n - 1].new_value, to);
    char *who = strdup(rows[n - 1].who);
    audit_rows_free(rows, n);
    return who;
}

static void assert_rename_by(struct db *db, const char *from, const char *to, const char *who)
{
    char *got = rename_by(db, from, to);
    ck_assert_str_eq(got, who);
    free(got);
}

/* A database with the village Thôn Một and, when officer is not NULL, the
 * officer's name in the settings. */
static struct db *village_db(const char *officer)
{
    struct db *db = test_db_new(true);
    ck_assert_int_eq(village_add(db, "Thôn Một"), ST_OK);
    if (officer)
        ck_assert_int_eq(db_setting_set(db, "officer_name", officer), ST_OK);
    return db;
}

START_TEST(test_actor_names_the_audit_line)
{
    struct db *db = village_db(NULL);
    ck_assert_int_eq(db_set_actor(db, "thu.ha"), ST_OK);
    ck_assert_str_eq(db_actor(db), "thu.ha");
    assert_rename_by(db, "Thôn Một", "Thôn Hai", "thu.ha");
    ck_assert_int_eq(db_set_actor(db, "nhap-lieu"), ST_OK);
    assert_rename_by(db, "Thôn Hai", "Thôn Ba", "nhap-lieu");
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit_log WHERE entity = 'village'"), 2);
    test_db_free(db);
}
END_TEST

START_TEST(test_actor_default_officer_then_user)
{
    struct db *db = village_db("Nguyễn Thị Hồng");
    const char *kept = db_actor(db);
    ck_assert_str_eq(kept, "Nguyễn Thị Hồng");
    ck_assert_ptr_eq(db_actor(db), kept); /* the same name stays where it was */
    assert_rename_by(db, "Thôn Một", "Thôn Hai", "Nguyễn Thị Hồng");
    ck_assert_int_eq(db_setting_set(db, "officer_name", "Lò Văn Minh"), ST_OK); /* counts at once */
    assert_rename_by(db, "Thôn Hai", "Thôn Ba", "Lò Văn Minh");
    ck_assert_str_eq(kept, "Nguyễn Thị Hồng"); /* a name taken earlier stays valid (ASan) */
    ck_assert_int_eq(db_setting_set(db, "officer_name", ""), ST_OK);
    setenv("USER", "may-tinh-xa", 1);
    assert_rename_by(db, "Thôn Ba", "Thôn Bốn", "may-tinh-xa");
    ck_assert_int_eq(db_set_actor(db, "thu.ha"), ST_OK);
    assert_rename_by(db, "Thôn Bốn", "Thôn Năm", "thu.ha");
    ck_assert_int_eq(db_set_actor(db, NULL), ST_OK); /* back to the default */
    ck_assert_str_eq(db_actor(db), "may-tinh-xa");
    test_db_free(db);
}
END_TEST

START_TEST(test_sign_in_sets_the_actor)
{
    struct db *db = village_db("Nguyễn Thị Hồng");
    char code[AUTH_RECOVERY_BUF];
    ck_assert_msg(auth_user_add(db, "lan", "officer", NULL, "mật khẩu lan", code) == ST_OK, "%s",
                  status_message());
    ck_assert_int_eq(auth_sign_in(db, "lan", "mật khẩu lan"), ST_OK);
    ck_assert_str_eq(db_actor(db), "lan");
    assert_rename_by(db, "Thôn Một", "Thôn Hai", "lan");
    auth_sign_out(db);
    ck_assert_str_eq(db_actor(db), "Nguyễn Thị Hồng");
    test_db_free(db);
}
END_TEST

START_TEST(test_commune_file_names_the_same_actor)
{
    struct db *db = test_db_new(false);
    ck_assert_int_eq(db_set_actor(db, "tinh.lan"), ST_OK);
    struct db *cdb = NULL;
    ck_assert_msg(province_open_commune(db, "00004", true, &cdb) == ST_OK, "%s", status_message());
    ck_assert_str_eq(db_actor(cdb), "tinh.lan");
    char *path = province_commune_path(db, "00004");
    test_db_free(cdb); /* the file and its -wal, -shm */
    *strrchr(path, '/') = '\0';
    rmdir(path); /* the province's folder of communes */
    free(path);
    test_db_free(db);
}
END_TEST

Suite *suite_actor(void)
{
    return test_suite((struct test_spec){"actor", "app", test_today_2025, test_today_end, .timeout = 60,
                       .tests = TEST_LIST(test_actor_names_the_audit_line, test_actor_default_officer_then_user,
                                          test_sign_in_sets_the_actor, test_commune_file_names_the_same_actor)}, NULL);
}
