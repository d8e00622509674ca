/* fuzz_import — an AFL++ harness for the CSV and hand-off package
 * importers (not part of `make check`; see tests/fuzz/run.sh).
 *   fuzz_import csv FILE       FILE as a CSV file of every record kind
 *   fuzz_import package FILE   FILE as the manifest.txt of a package whose
 *                              CSV files are a small valid export
 * Each input is imported as a dry run into one migrated database that is
 * opened once (AFL's persistent mode when built with afl-cc), so nothing is
 * ever written to it. Without afl-cc it runs each FILE once (replays). */
#include <config.h>
#include "treem/app/handoff.h"
#include "treem/app/commune.h"
#include "treem/app/session.h"
#include "treem/app/transfer.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef __AFL_LOOP
#define __AFL_LOOP(n) (first_time ? (first_time = 0, 1) : 0)
static int first_time = 1;
#endif

static void import_csv(struct db *db, const char *path)
{
    size_t n;
    const struct transfer_kind *const *kinds = transfer_kinds(&n);
    struct transfer_import_opts o = {.dry_run = true, .no_backup = true, .max_errors = 50};
    for (size_t i = 0; i < n; i++) {
        struct transfer_result r = {0};
        transfer_import(db, kinds[i], path, &o, &r);
        transfer_result_free(&r);
    }
}

static void import_package(struct db *db, const char *dir, const char *input)
{
    size_t len = 0;
    char buf[70000];
    FILE *in = fopen(input, "rb");
    if (in) {
        len = fread(buf, 1, sizeof buf, in);
        fclose(in);
    }
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", dir, MANIFEST_FILE_NAME);
    FILE *out = fopen(path, "wb");
    if (!out)
        abort();
    fwrite(buf, 1, len, out);
    fclose(out);
    struct transfer_import_opts o = {.dry_run = true, .no_backup = true, .max_errors = 50};
    struct transfer_result r = {0};
    handoff_import(db, dir, &o, &r, NULL);
    transfer_result_free(&r);
}

/* A database of commune 00004 with a few children, and its package in dir. */
static struct db *prepare(const char *work, char *dir, size_t dirsz)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/f.db", work);
    struct db *db = NULL;
    if (session_open(path, true, &db) != ST_OK || commune_setup(db, "00004") != ST_OK ||
        village_add(db, "Thôn Đông") != ST_OK) {
        fprintf(stderr, "fuzz_import: %s\n", status_message());
        exit(2);
    }
    snprintf(path, sizeof path, "%s/seed.csv", work);
    FILE *f = fopen(path, "w");
    fputs("full_name,birth_date,sex,village\nA Một,01/01/2015,nam,Thôn Đông\nB Hai,02/02/2016,nữ,Thôn Đông\n", f);
    fclose(f);
    struct transfer_result r = {0};
    struct transfer_import_opts o = {.no_backup = true};
    transfer_import(db, transfer_kind_find("children"), path, &o, &r);
    transfer_result_free(&r);
    snprintf(dir, dirsz, "%s/pkg", work);
    if (handoff_write(db, dir, NULL, NULL) != ST_OK) {
        fprintf(stderr, "fuzz_import: %s\n", status_message());
        exit(2);
    }
    return db;
}

int main(int argc, char **argv)
{
    if (argc != 3 || (strcmp(argv[1], "csv") != 0 && strcmp(argv[1], "package") != 0)) {
        fprintf(stderr, "usage: fuzz_import csv|package FILE\n");
        return 2;
    }
    setenv("TREEM_TODAY", "2025-01-01", 1);
    i18n_set_lang("en");
    char work[] = "/tmp/treem-fuzz-XXXXXX";
    if (!mkdtemp(work))
        return 2;
    char dir[4200];
    struct db *db = prepare(work, dir, sizeof dir);
    bool package = strcmp(argv[1], "package") == 0;
    while (__AFL_LOOP(10000)) {
        if (package)
            import_package(db, dir, argv[2]);
        else
            import_csv(db, argv[2]);
    }
    db_close(db);
    char cmd[4300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", work);
    return system(cmd) == 0 ? 0 : 1;
}
