/* faults — every write of a small import, edit and hand-off fails in turn
 * (faultvfs: the Nth write and all after it, like a disk that fills up):
 * nothing partial is ever committed, the file stays sound, and the message
 * says what happened and that nothing was imported. Also a second program
 * holding the write lock: an error, never a short list or half an edit. */
#include <config.h>
#include "tests.h"
#include "faultvfs.h"
#include "treem/app/children.h"
#include "treem/app/handoff.h"
#include "treem/app/session.h"
#include "treem/app/transfer.h"
#include "treem/app/commune.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ROWS 12

static char *template_path;

static void copy_file(const char *from, const char *to)
{
    size_t n;
    char *data = test_slurp(from, &n);
    FILE *f = fopen(to, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, n, f), n);
    ck_assert_int_eq(fclose(f), 0);
    free(data);
}

/* A migrated database of commune 00004, closed (no -wal left). The other
 * 3,320 units of the national catalogue, which none of these actions reads,
 * are left out: the file is a quarter of the size, so the backup an import
 * makes first, and with it the writes that fail in turn, are fewer. */
static void setup(void)
{
    faultvfs_install();
    struct db *db = test_db_new(true);
    ck_assert_int_eq(village_add(db, "Thôn Đông"), ST_OK);
    template_path = strdup(db->path);
    db_close(db);
    test_raw_exec(template_path, "DELETE FROM unit WHERE code <> '00004'; VACUUM");
}

static void teardown(void)
{
    unlink(template_path);
    free(template_path);
}

static char *children_csv(void)
{
    char *path = test_tmp_path(".csv");
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("full_name,birth_date,sex,village\n", f);
    for (int i = 0; i < ROWS; i++)
        fprintf(f, "Nguyễn Văn Số %d,%02d/03/2015,nam,Thôn Đông\n", i, i + 1);
    ck_assert_int_eq(fclose(f), 0);
    return path;
}

/* Removes the backups beside work (dir/backups/ *). */
static void clear_backups(const char *dir)
{
    char names[32][256];
    size_t n = test_list_backups(dir, names, 32);
    char *b = test_join(dir, "backups");
    for (size_t i = 0; i < n; i++) {
        char *f = test_join(b, names[i]);
        unlink(f);
        free(f);
    }
    free(b);
}

/* Every file in dir/backups is a sound database named *.db. */
static void check_backups(const char *dir, long long n)
{
    char names[32][256];
    size_t k = test_list_backups(dir, names, 32);
    ck_assert_msg(k <= 1, "write %lld: %zu backups", n, k);
    char *b = test_join(dir, "backups");
    for (size_t i = 0; i < k; i++) {
        char *f = test_join(b, names[i]);
        ck_assert_msg(strlen(names[i]) > 3 && strcmp(names[i] + strlen(names[i]) - 3, ".db") == 0,
                      "write %lld: %s left in backups", n, names[i]);
        ck_assert_str_eq(test_raw_text(f, "PRAGMA quick_check"), "ok");
        free(f);
    }
    free(b);
}

static struct db *fresh_keep(const char *work)
{
    struct db *db = NULL;
    ck_assert_msg(session_open(work, false, &db) == ST_OK, "%s", status_message());
    return db;
}

/* A fresh copy of the template, opened. */
static struct db *fresh(const char *work)
{
    static const char *const sfx[] = {"-wal", "-shm"};
    char buf[4200];
    for (int i = 0; i < 2; i++) {
        snprintf(buf, sizeof buf, "%s%s", work, sfx[i]);
        unlink(buf);
    }
    snprintf(buf, sizeof buf, "%s", work);
    *strrchr(buf, '/') = '\0';
    clear_backups(buf);
    copy_file(template_path, work);
    struct db *db = NULL;
    ck_assert_msg(session_open(work, false, &db) == ST_OK, "%s", status_message());
    return db;
}

typedef enum status (*action_fn)(struct db *db, const void *arg);

/* The sound-file and all-or-nothing checks after one run. */
static void check_after(const char *work, enum status rc, const char *msg, long long n, long long want)
{
    /* one connection for the three checks (each open reads the schema) */
    const char *got = test_raw_text(work, "SELECT (SELECT group_concat(integrity_check, ' ') FROM pragma_integrity_check)"
                                          " || '|' || (SELECT count(*) FROM child)"
                                          " || '|' || (SELECT count(*) FROM audit_log WHERE entity = 'child')");
    long long children = -1, audit = -1;
    ck_assert_msg(sscanf(got, "ok|%lld|%lld", &children, &audit) == 2, "write %lld: %s", n, got);
    if (rc == ST_OK) {
        ck_assert_int_eq(children, want);
        ck_assert_int_eq(audit, want);
        return;
    }
    ck_assert_msg(children == 0 && audit == 0, "write %lld failed, yet %lld children and %lld audit lines "
                  "were kept (%s)", n, children, audit, msg);
    ck_assert_msg(strstr(msg, n > 0 ? "the disk is full" : "cannot write to the disk"), "write %lld: %s", n, msg);
}

/* Runs act on a fresh copy failing from every write N = 1 … all of them. */
static void every_write(action_fn act, const void *arg, long long want, bool says_nothing_imported)
{
    char *dir = test_dir_new();
    char *work = test_join(dir, "w.db");
    struct db *db = fresh(work);
    faultvfs_arm(0, 0);
    ck_assert_msg(act(db, arg) == ST_OK, "%s", status_message());
    long long total = faultvfs_writes();
    db_close(db);
    ck_assert_int_eq(test_raw_int(work, "SELECT count(*) FROM child"), want);
    ck_assert_int_gt(total, 3);
    for (long long k = 1; k <= 2 * total; k++) {
        /* first every write from the nth on fails, then only the nth */
        long long n = k <= total ? k : -(k - total);
        db = fresh(work);
        faultvfs_arm(n, n > 0 ? SQLITE_FULL : SQLITE_IOERR_WRITE);
        enum status rc = act(db, arg);
        char *msg = strdup(status_message());
        faultvfs_arm(0, 0);
        db_close(db);
        check_after(work, rc, msg, n, want);
        check_backups(dir, n);
        if (rc != ST_OK && says_nothing_imported)
            ck_assert_msg(strstr(msg, "nothing was imported"), "write %lld: %s", n, msg);
        free(msg);
    }
    free(work);
    test_dir_free(dir);
}

static enum status do_import(struct db *db, const void *arg)
{
    struct transfer_result r = {0};
    struct transfer_import_opts o = {0};
    enum status rc = transfer_import(db, transfer_kind_find("children"), arg, &o, &r);
    transfer_result_free(&r);
    return rc;
}

START_TEST(import_every_write_fails)
{
    char *csv = children_csv();
    every_write(do_import, csv, ROWS, true);
    unlink(csv);
    free(csv);
}
END_TEST

static enum status do_edit(struct db *db, const void *arg)
{
    (void)arg;
    struct child c;
    child_init(&c);
    ck_assert_int_eq(child_field_parse(&c, child_field_find("full_name"), "Trần Thị Mai"), ST_OK);
    ck_assert_int_eq(child_field_parse(&c, child_field_find("birth_date"), "02/02/2016"), ST_OK);
    ck_assert_int_eq(child_field_parse(&c, child_field_find("village"), "Thôn Đông"), ST_OK);
    struct child_period p = {0};
    snprintf(p.code, sizeof p.code, "%s", "a.1");
    p.from = (struct date){2020, 1, 1};
    struct children_save_opts o = {.force = true, .periods = &p, .nperiods = 1};
    enum status rc = children_save(db, &c, &o, NULL, NULL);
    child_free(&c);
    return rc;
}

START_TEST(edit_every_write_fails)
{
    every_write(do_edit, NULL, 1, false);
}
END_TEST

static enum status do_handoff(struct db *db, const void *arg)
{
    struct transfer_result r = {0};
    struct transfer_import_opts o = {0};
    enum status rc = handoff_import(db, arg, &o, &r, NULL);
    transfer_result_free(&r);
    return rc;
}

START_TEST(handoff_every_write_fails)
{
    char *csv = children_csv();
    char *src = test_tmp_path(".db");
    struct db *db = fresh(src);
    struct transfer_result r = {0};
    ck_assert_int_eq(transfer_import(db, transfer_kind_find("children"), csv, NULL, &r), ST_OK);
    transfer_result_free(&r);
    char *dir = test_tmp_path(".pkg");
    ck_assert_msg(handoff_write(db, dir, NULL, NULL) == ST_OK, "%s", status_message());
    db_close(db);
    every_write(do_handoff, dir, ROWS, true);
    test_dir_free(dir);
    unlink(src);
    free(src);
    unlink(csv);
    free(csv);
}
END_TEST

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* A list whose reading fails at any read of the file is an error, never a
 * shorter list; a second program holding the write lock makes an edit fail
 * as busy, with nothing half saved. */
START_TEST(failed_reads_and_busy_are_errors)
{
    char *dir = test_dir_new();
    char *work = test_join(dir, "w.db");
    copy_file(template_path, work);
    test_raw_exec(work, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                        "INSERT INTO village(name, name_fold, sort) SELECT 'Thôn số ' || i, 'thon so ' || i, i FROM n");
    struct db *db = fresh_keep(work);
    char **names = NULL;
    size_t n = 0;
    faultvfs_arm_reads(0);
    ck_assert_int_eq(village_list(db, &names, &n), ST_OK);
    free_names(names, n);
    size_t all = n;
    long long reads = faultvfs_reads();
    db_close(db);
    ck_assert_uint_eq(all, 3001);
    ck_assert_int_gt(reads, 3);
    for (long long k = 1; k <= reads; k++) {
        db = fresh_keep(work);
        faultvfs_arm_reads(k);
        enum status rc = village_list(db, &names, &n);
        faultvfs_arm_reads(0);
        ck_assert_msg(rc == ST_OK ? n == all : n == 0, "read %lld: %zu of %zu villages", k, n, all);
        if (rc != ST_OK)
            ck_assert_msg(strstr(status_message(), "cannot read from the disk"), "read %lld: %s", k,
                          status_message());
        if (rc == ST_OK)
            free_names(names, n);
        db_close(db);
    }
    db = fresh_keep(work);
    sqlite3 *other;
    ck_assert_int_eq(sqlite3_open(work, &other), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(other, "BEGIN IMMEDIATE; INSERT INTO setting(key, value) VALUES ('x', 'y')",
                                  NULL, NULL, NULL), SQLITE_OK);
    sqlite3_busy_timeout(db->sql, 10);
    ck_assert_int_eq(do_edit(db, NULL), ST_BUSY);
    sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(other);
    db_close(db);
    ck_assert_int_eq(test_raw_int(work, "SELECT count(*) FROM child"), 0);
    free(work);
    test_dir_free(dir);
}
END_TEST

/* Tagged "slow": make check runs this suite beside the rest (check_slow.sh). */
Suite *suite_faults(void)
{
    return test_suite((struct test_spec){"faults", "faults", setup, teardown, .timeout = 300, .tags = "slow",
                       .tests = TEST_LIST(import_every_write_fails, edit_every_write_fails,
                                          handoff_every_write_fails, failed_reads_and_busy_are_errors)}, NULL);
}
