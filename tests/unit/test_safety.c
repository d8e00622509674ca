/* safety — outputs never touch the database, backups that can be counted
 * on, packages read as data, read-only databases, CSV limits (issue 20). */
#include <config.h>
#include "tests.h"
#include "faultvfs.h"
#include "treem/app/children.h"
#include "treem/app/commune.h"
#include "treem/app/handoff.h"
#include "treem/app/session.h"
#include "treem/app/transfer.h"
#include "treem/core/outfile.h"
#include "treem/csv/csv_errors.h"
#include "treem/csv/csv_read.h"
#include "treem/core/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A database "r.db" with commune 00004, a village and 3 children in a new
 * folder; *dir receives the folder (test_dir_free). */
static struct db *db_in_dir(char **dir)
{
    *dir = test_dir_new();
    char *path = test_join(*dir, "r.db");
    struct db *db = NULL;
    ck_assert_msg(session_open(path, true, &db) == ST_OK, "%s", status_message());
    free(path);
    ck_assert_int_eq(commune_setup(db, "00004"), ST_OK);
    ck_assert_int_eq(village_add(db, "Thôn Đông"), ST_OK);
    char *csv = test_join(*dir, "in.csv");
    FILE *f = fopen(csv, "w");
    fputs("full_name,birth_date,village\nA Một,01/01/2015,Thôn Đông\nB Hai,02/02/2016,Thôn Đông\n"
          "C Ba,03/03/2017,Thôn Đông\n", f);
    fclose(f);
    struct transfer_result r = {0};
    struct transfer_import_opts o = {.no_backup = true};
    ck_assert_msg(transfer_import(db, transfer_kind_find("children"), csv, &o, &r) == ST_OK, "%s",
                  status_message());
    transfer_result_free(&r);
    unlink(csv);
    free(csv);
    return db;
}

static void drop(struct db *db, char *dir)
{
    db_close(db);
    char *sub = test_join(dir, "pkg");
    test_dir_free(sub);
    test_dir_free(dir);
}

static enum status export_to(struct db *db, const char *path)
{
    return transfer_export(db, transfer_kind_find("children"), path, NULL, NULL);
}

START_TEST(outputs_aliasing_the_database_are_refused)
{
    char *dir;
    struct db *db = db_in_dir(&dir);
    ck_assert_int_eq(db_backup_rotate(db, "test", 10, NULL), ST_OK);
    char names[4][256];
    ck_assert_uint_eq(test_list_backups(dir, names, 4), 1);
    char *backups = test_join(dir, "backups");
    char *backup = test_join(backups, names[0]);
    char *hard = test_join(dir, "hard.db"), *soft = test_join(dir, "soft.csv");
    ck_assert_int_eq(link(db->path, hard), 0);
    ck_assert_int_eq(symlink(db->path, soft), 0);
    struct strbuf p = STRBUF_INIT;
    const char *const aliases[] = {"r.db", "r.db-wal", "r.db-shm", "r.db-journal", "./r.db", "hard.db",
                                   "soft.csv", "backups/new.csv"};
    for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++) {
        strbuf_reset(&p);
        strbuf_printf(&p, "%s/%s", dir, aliases[i]);
        ck_assert_msg(export_to(db, strbuf_str(&p)) == ST_INVALID, "%s was written", aliases[i]);
        ck_assert_ptr_nonnull(strstr(status_message(), "this is the database or one of its backups"));
        struct csv_errors e = {0};
        csv_errors_add(&e, 1, "x", "", "format", "%s", "bad");
        ck_assert_int_eq(csv_errors_save(&e, strbuf_str(&p), 0), ST_INVALID);
        csv_errors_free(&e);
    }
    ck_assert_int_eq(export_to(db, backup), ST_INVALID);
    ck_assert_int_eq(db_backup_to(db, db->path), ST_INVALID);
    /* the database is whole */
    ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM child"), 3);
    ck_assert_str_eq(test_raw_text(db->path, "PRAGMA quick_check"), "ok");
    ck_assert_str_eq(test_raw_text(backup, "PRAGMA quick_check"), "ok");
    strbuf_free(&p);
    unlink(hard);
    unlink(soft);
    free(hard);
    free(soft);
    free(backup);
    free(backups);
    drop(db, dir);
}
END_TEST

START_TEST(outputs_are_private_and_replace_only_when_allowed)
{
    char *dir;
    struct db *db = db_in_dir(&dir);
    mode_t old = umask(0);
    char *out = test_join(dir, "out.csv"), *sub = test_join(dir, "pkg");
    ck_assert_int_eq(export_to(db, out), ST_OK);
    struct stat st;
    ck_assert_int_eq(stat(out, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    ck_assert_int_eq(handoff_write(db, sub, NULL, NULL), ST_OK);
    ck_assert_int_eq(stat(sub, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0700);
    char *child = test_join(sub, "children.csv"), *man = test_join(sub, "manifest.txt");
    ck_assert_int_eq(stat(child, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    ck_assert_int_eq(stat(man, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    char *made = NULL;
    ck_assert_int_eq(db_backup_rotate(db, "t", 10, &made), ST_OK);
    ck_assert_int_eq(stat(made, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    char *bdir = test_join(dir, "backups");
    ck_assert_int_eq(stat(bdir, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0700);
    umask(old);
    /* an existing file stays unless replacing is allowed */
    FILE *f = fopen(out, "w");
    fputs("old", f);
    fclose(f);
    outfile_set_replace(false);
    ck_assert_int_eq(export_to(db, out), ST_EXISTS);
    size_t n;
    char *text = test_slurp(out, &n);
    ck_assert_str_eq(text, "old");
    free(text);
    outfile_set_replace(true);
    ck_assert_int_eq(export_to(db, out), ST_OK);
    text = test_slurp(out, &n);
    ck_assert_ptr_nonnull(strstr(text, "A Một"));
    free(text);
    free(made);
    free(bdir);
    free(child);
    free(man);
    unlink(out);
    free(out);
    free(sub);
    drop(db, dir);
}
END_TEST

/* A file named as a backup with a stamp later than any real one. */
static void fake_backup(const char *dir, const char *stamp, const char *data)
{
    char name[128];
    snprintf(name, sizeof name, "backups/r.db-%s-import.db", stamp);
    char *p = test_join(dir, name);
    FILE *f = fopen(p, "w");
    fputs(data, f);
    fclose(f);
    free(p);
}

START_TEST(rotation_keeps_the_newest_good_backups)
{
    faultvfs_install();
    char *dir;
    struct db *db = db_in_dir(&dir);
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(db_backup_rotate(db, "good", 10, NULL), ST_OK);
    ck_assert_uint_eq(test_count_backups(dir), 3);
    /* empty and broken leftovers newer than every good one (older treem) */
    for (int i = 0; i < 5; i++) {
        char stamp[32];
        snprintf(stamp, sizeof stamp, "2999-01-0%d-000000", i + 1);
        fake_backup(dir, stamp, i % 2 ? "" : "not a database");
    }
    /* failed backups leave nothing */
    for (long long n = 1; n <= 6; n++) {
        faultvfs_arm(n, SQLITE_FULL);
        ck_assert_int_ne(db_backup_rotate(db, "fails", 2, NULL), ST_OK);
        faultvfs_arm(0, 0);
        ck_assert_uint_eq(test_count_backups(dir), 8);
    }
    ck_assert_int_eq(db_backup_rotate(db, "good", 2, NULL), ST_OK);
    char names[16][256];
    size_t k = test_list_backups(dir, names, 16);
    size_t good = 0;
    for (size_t i = 0; i < k; i++)
        good += strstr(names[i], "-good") != NULL;
    ck_assert_uint_eq(good, 2);   /* the newest two good ones */
    ck_assert_uint_eq(k, 7);      /* and the five broken leftovers, never counted */
    drop(db, dir);
}
END_TEST

START_TEST(a_refused_import_makes_no_backup)
{
    char *dir;
    struct db *db = db_in_dir(&dir);
    char *csv = test_join(dir, "bad.csv");
    FILE *f = fopen(csv, "w");
    fputs("full_name,birth_date\nX,31/02/2015\n", f);
    fclose(f);
    struct transfer_result r = {0};
    ck_assert_int_eq(transfer_import(db, transfer_kind_find("children"), csv, NULL, &r), ST_INVALID);
    ck_assert_ptr_null(r.backup);
    transfer_result_free(&r);
    ck_assert_uint_eq(test_count_backups(dir), 0);
    /* busy: another program holds the write lock */
    sqlite3 *other;
    ck_assert_int_eq(sqlite3_open(db->path, &other), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_busy_timeout(db->sql, 10);
    f = fopen(csv, "w");
    fputs("full_name,birth_date\nX,01/02/2015\n", f);
    fclose(f);
    ck_assert_int_eq(transfer_import(db, transfer_kind_find("children"), csv, NULL, &r), ST_BUSY);
    ck_assert_ptr_nonnull(strstr(status_message(), "nothing was imported"));
    transfer_result_free(&r);
    ck_assert_uint_eq(test_count_backups(dir), 0);
    sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(other);
    unlink(csv);
    free(csv);
    drop(db, dir);
}
END_TEST

/* ---------------------------------------------------------- packages --- */

/* Rewrites the manifest of pkg with the line starting `from` replaced. */
static void edit_manifest(const char *pkg, const char *from, const char *to)
{
    char *path = test_join(pkg, "manifest.txt");
    size_t n;
    char *text = test_slurp(path, &n);
    char *at = strstr(text, from);
    ck_assert_ptr_nonnull(at);
    char *eol = strchr(at, '\n');
    FILE *f = fopen(path, "w");
    fprintf(f, "%.*s%s%s", (int)(at - text), text, to, eol);
    fclose(f);
    free(text);
    free(path);
}

static enum status import_pkg(struct db *db, const char *pkg)
{
    struct transfer_result r = {0};
    time_t t0 = time(NULL);
    enum status rc = handoff_import(db, pkg, NULL, &r, NULL);
    ck_assert_int_le(time(NULL) - t0, 2); /* refused fast */
    char msg[1024];
    snprintf(msg, sizeof msg, "%s", status_message());
    for (size_t i = 0; i < r.errs.n; i++)
        strncat(msg, r.errs.items[i].message, sizeof msg - strlen(msg) - 1);
    transfer_result_free(&r);
    status_set(rc, "%s", msg);
    return rc;
}

static void expect_refused(struct db *db, const char *pkg, const char *why)
{
    ck_assert_int_ne(import_pkg(db, pkg), ST_OK);
    ck_assert_msg(strstr(status_message(), why), "want '%s' in: %s", why, status_message());
}

START_TEST(tampered_packages_are_refused)
{
    char *dir;
    struct db *db = db_in_dir(&dir);
    char *pkg = test_join(dir, "pkg");
    ck_assert_int_eq(handoff_write(db, pkg, NULL, NULL), ST_OK);
    ck_assert_int_eq(import_pkg(db, pkg), ST_OK);
    char *children = test_join(pkg, "children.csv"), *saved = test_join(dir, "children.keep");
    ck_assert_int_eq(rename(children, saved), 0);
    /* a link (to the real file, or to a device) */
    ck_assert_int_eq(symlink(saved, children), 0);
    expect_refused(db, pkg, "is a link");
    unlink(children);
    ck_assert_int_eq(symlink("/dev/zero", children), 0);
    expect_refused(db, pkg, "is a link");
    unlink(children);
    /* a FIFO never blocks the import */
    ck_assert_int_eq(mkfifo(children, 0600), 0);
    expect_refused(db, pkg, "not a regular file");
    unlink(children);
    /* a device, when read without the package's rules */
    FILE *fp = NULL;
    ck_assert_int_eq(csv_open_regular("/dev/zero", false, &fp), ST_INVALID);
    ck_assert_int_eq(rename(saved, children), 0);
    ck_assert_int_eq(import_pkg(db, pkg), ST_OK);
    /* wrong count, unknown kind, newer format */
    char *man = test_join(pkg, "manifest.txt");
    size_t n;
    char *orig = test_slurp(man, &n);
    char line[256], first[256];
    const char *at = strstr(orig, "file=children.csv,children,3,");
    ck_assert_ptr_nonnull(at);
    snprintf(first, sizeof first, "%.*s", (int)(strchr(at, '\n') - at), at);
    snprintf(line, sizeof line, "file=children.csv,children,4,%.64s", at + strlen("file=children.csv,children,3,"));
    edit_manifest(pkg, "file=children.csv", line);
    expect_refused(db, pkg, "has 3 rows, and the manifest says 4");
    snprintf(line, sizeof line, "file=children.csv,ghosts,3,%.64s", at + strlen("file=children.csv,children,3,"));
    edit_manifest(pkg, "file=children.csv", line);
    expect_refused(db, pkg, "is not a kind of record treem knows");
    edit_manifest(pkg, "file=children.csv", first);  /* back */
    edit_manifest(pkg, "format_version=", "format_version=9");
    expect_refused(db, pkg, "newer treem");
    edit_manifest(pkg, "format_version=", "format_version=1");
    ck_assert_int_eq(import_pkg(db, pkg), ST_OK);
    /* a huge manifest, and one listing too many files */
    FILE *f = fopen(man, "a");
    for (int i = 0; i < 200000; i++)
        fprintf(f, "file=x%d.csv,children,0,%064d\n", i, 0);
    fclose(f);
    expect_refused(db, pkg, "the most a manifest may hold");
    f = fopen(man, "w");
    fputs(orig, f);
    for (int i = 0; i < MANIFEST_MAX_FILES; i++)
        fprintf(f, "file=x%d.csv,children,0,%064d\n", i, 0);
    fclose(f);
    expect_refused(db, pkg, "the most a package may hold");
    f = fopen(man, "w");
    fputs(orig, f);
    fclose(f);
    free(orig);
    free(man);
    /* a package of another commune */
    char *odir = test_dir_new();
    char *opath = test_join(odir, "o.db");
    struct db *other = NULL;
    ck_assert_int_eq(session_open(opath, true, &other), ST_OK);
    ck_assert_int_eq(commune_setup(other, "00025"), ST_OK);
    expect_refused(other, pkg, "the package is from Phường Ba Đình (00004), but this database belongs to Phường Giảng Võ (00025)");
    ck_assert_int_eq(test_query_int(other, "SELECT count(*) FROM child"), 0);
    db_close(other);
    test_dir_free(odir);
    free(opath);
    free(children);
    free(saved);
    free(pkg);
    drop(db, dir);
}
END_TEST

/* ---------------------------------------------------------- read-only --- */

static void list_read_only(const char *path)
{
    struct db *db = NULL;
    ck_assert_msg(session_open(path, false, &db) == ST_OK, "%s", status_message());
    ck_assert(db->read_only);
    char **names = NULL;
    size_t n = 0;
    ck_assert_int_eq(village_list(db, &names, &n), ST_OK);
    ck_assert_uint_eq(n, 1);
    string_list_free(names, n);
    long long k = 0;
    struct child_query q;
    child_query_init(&q);
    ck_assert_int_eq(children_count(db, &q, &k), ST_OK);
    ck_assert_int_eq(k, 3);
    ck_assert_int_ne(village_add(db, "Thôn Mới"), ST_OK);
    ck_assert_ptr_nonnull(strstr(status_message(), "read-only"));
    db_close(db);
}

START_TEST(read_only_databases_are_listed)
{
    char *dir;
    struct db *db = db_in_dir(&dir);
    char *path = strdup(db->path);
    db_close(db);
    if (geteuid() != 0) { /* root may write anything: only --read-only then */
        ck_assert_int_eq(chmod(path, 0444), 0);
        list_read_only(path);
        ck_assert_int_eq(chmod(path, 0600), 0);
        ck_assert_int_eq(chmod(dir, 0555), 0);
        list_read_only(path);
        ck_assert_int_eq(chmod(dir, 0700), 0);
    }
    session_set_read_only(true);
    list_read_only(path);
    session_set_read_only(false);
    free(path);
    test_dir_free(dir);
}
END_TEST

/* --------------------------------------------------------------- CSV --- */

static enum status count_rows(const struct csv_row *row, void *ctx)
{
    (void)row;
    (*(size_t *)ctx)++;
    return ST_OK;
}

START_TEST(csv_limits_are_refused_fast)
{
    struct strbuf b = STRBUF_INIT;
    strbuf_puts(&b, "a\n");
    for (int i = 0; i < 1000000; i++)
        strbuf_puts(&b, "x,");
    strbuf_puts(&b, "x\n");
    size_t rows = 0;
    clock_t t0 = clock();
    ck_assert_int_eq(csv_read_buffer(strbuf_str(&b), b.len, ',', count_rows, &rows), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "line 2: more than 1000 columns"));
    strbuf_reset(&b);
    strbuf_puts(&b, "a,b\n\"");
    for (int i = 0; i < 300000; i++)
        strbuf_puts(&b, "y");
    strbuf_puts(&b, "\",z\n");
    ck_assert_int_eq(csv_read_buffer(strbuf_str(&b), b.len, ',', count_rows, &rows), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "line 2: a cell is longer than 131072 bytes"));
    ck_assert_int_lt((clock() - t0) / CLOCKS_PER_SEC, 2);
    strbuf_free(&b);
}
END_TEST

Suite *suite_safety(void)
{
    return test_suite((struct test_spec){"safety", "safety", .timeout = 60,
                       .tests = TEST_LIST(outputs_aliasing_the_database_are_refused,
                                          outputs_are_private_and_replace_only_when_allowed,
                                          rotation_keeps_the_newest_good_backups,
                                          a_refused_import_makes_no_backup, tampered_packages_are_refused,
                                          read_only_databases_are_listed, csv_limits_are_refused_fast)}, NULL);
}
