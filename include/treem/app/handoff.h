/* handoff — the package a commune hands to the level above: one CSV file per
 * record kind (transfer.h) and manifest.txt (csv/manifest.h: commune,
 * period, who, when, row counts, SHA-256 of each file), and on the other
 * side the import of a whole package in one transaction after checking
 * every file against the manifest. Uids carry the commune code, so packages
 * of many communes merge without collisions. */
#ifndef TREEM_APP_HANDOFF_H
#define TREEM_APP_HANDOFF_H
#include <stdbool.h>
#include "treem/app/transfer.h"
#include "treem/csv/manifest.h"

struct handoff_opts {
    struct date from, to;  /* the period (y 0: from the start / up to today) */
    bool anonymise;        /* see transfer_export_opts */
    unsigned flags;        /* csv_write_flag bits; 0: CSV_WRITE_DEFAULT */
};

/* Writes the package into dir (created when missing; existing package
 * files are overwritten). *out (optional, zeroed; free with manifest_free)
 * receives the manifest written. ST_IO naming the file; ST_NOTFOUND when
 * the database has no commune. */
enum status handoff_write(struct db *db, const char *dir, const struct handoff_opts *opts,
                          struct manifest *out);

/* The same package sealed with a passphrase in ONE file at path
 * (app/sealed.h): written in a private temporary folder, sealed, the folder
 * deleted. ST_INVALID when the passphrase is too short. */
enum status handoff_write_sealed(struct db *db, const char *path, const struct handoff_opts *opts,
                                 const char *pass, struct manifest *out);

/* Imports a sealed package (see handoff_import): ST_INVALID "wrong
 * passphrase or damaged file" and nothing imported when it cannot be
 * opened. */
enum status handoff_import_sealed(struct db *db, const char *path, const char *pass,
                                  const struct transfer_import_opts *opts, struct transfer_result *res,
                                  struct manifest *m);

/* True when dir holds a manifest.txt (a package rather than a CSV file). */
bool handoff_is_package(const char *path);

/* A commune database takes only its own packages: ST_CONFLICT naming both
 * communes when m is from another commune, and in a level-above database
 * (which receives packages with province_receive); ST_OK otherwise
 * (also in a database with no commune yet). */
enum status handoff_check_commune(struct db *db, const struct manifest *m);

/* Imports the package in dir: reads and verifies the manifest first (a
 * missing or damaged file is named, in res->errs too, and nothing is
 * imported: ST_INVALID), then, after a backup unless dry_run, every listed
 * file in kind order in ONE transaction (all-or-nothing as transfer_import;
 * the counts add up in res); a package of another commune is refused
 * first (handoff_check_commune). *m (optional, zeroed) gets the manifest. */
enum status handoff_import(struct db *db, const char *dir, const struct transfer_import_opts *opts,
                           struct transfer_result *res, struct manifest *m);

#endif
