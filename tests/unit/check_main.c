/* check_main — runs every unit-test suite; no terminal, no curses. */
#include <config.h>
#include "tests.h"
#include "treem/app/session.h"
#include "treem/app/commune.h"
#include "treem/core/i18n.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TREEM_SUITES(X) \
    X(status) X(utf8) X(date) X(i18n) X(csv_read) X(migrate) X(db) X(commune) \
    X(plan) X(task) X(plan_repo) \
    X(csv_read_file) X(csv_write) X(csv_encoding) X(csv_errors) X(csv_map) X(manifest) X(measures) \
    X(child) X(growth) X(child_repo) X(children) X(child_bulk) \
    X(rubric) X(rubric_score) X(rubric_csv) X(score) X(case) X(cases) X(transfer) X(transfer_kinds) \
    X(report) X(score_cases) \
    X(number)

static void remove_db(const char *path);

/* A path no earlier run left behind: pids repeat, so a stale file of an old
 * run with the same pid and counter is removed first. */
char *test_tmp_path(const char *suffix)
{
    static unsigned counter;
    const char *dir = getenv("TMPDIR");
    char buf[4096];
    snprintf(buf, sizeof buf, "%s/treem-test-%ld-%u%s", dir && *dir ? dir : "/tmp",
             (long)getpid(), counter++, suffix);
    remove_db(buf);
    return strdup(buf);
}

static void remove_db(const char *path)
{
    static const char *const sfx[] = {"", "-wal", "-shm"};
    char buf[4200];
    for (int i = 0; i < 3; i++) {
        snprintf(buf, sizeof buf, "%s%s", path, sfx[i]);
        unlink(buf);
    }
}

struct db *test_db_new(bool with_commune)
{
    char *path = test_tmp_path(".db");
    struct db *db = NULL;
    ck_assert_msg(session_open(path, true, &db) == ST_OK, "%s", status_message());
    free(path);
    if (with_commune)
        ck_assert_msg(commune_setup(db, "00004") == ST_OK, "%s", status_message());
    return db;
}

void test_db_free(struct db *db)
{
    if (!db)
        return;
    char *path = strdup(db->path);
    db_close(db);
    remove_db(path);
    free(path);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    setenv("TZ", "UTC", 1);
    unsetenv("TREEM_TODAY");
    i18n_set_lang("en"); /* messages in tests are the English msgids */
    SRunner *sr = srunner_create(NULL);
#define X(name) srunner_add_suite(sr, suite_##name());
    TREEM_SUITES(X)
#undef X
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
