/* manifest — the list that travels with a hand-off package (one CSV file per
 * record kind) from a commune to the level above: who made it, when, for
 * which commune and period, and for each file its kind, row count and
 * SHA-256, so that the receiver can tell a damaged or missing file. Stored
 * as UTF-8 "key=value" lines (LF), one "file=" line per file:
 *
 *   format_version=1
 *   commune_code=00004
 *   period_from=2025-01-01
 *   period_to=2025-06-30
 *   created_by=Nguyễn Thị Lan
 *   created_at=2025-06-30 14:05
 *   anonymised=0
 *   file=children.csv,children,1234,<64 hex digits>
 *
 * Lines starting with '#' and unknown keys are ignored (room for later
 * additions); a larger format_version is refused. */
#ifndef TREEM_CSV_MANIFEST_H
#define TREEM_CSV_MANIFEST_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/status.h"
#include "treem/csv/csv_errors.h"

#define MANIFEST_FORMAT_VERSION 1
#define MANIFEST_FILE_NAME "manifest.txt"
#define MANIFEST_SHA256_HEX 65  /* 64 hex digits and a NUL */
/* A package is read as data: a manifest larger than this, or listing more
 * files, is refused before it is parsed further. */
#define MANIFEST_MAX_BYTES 65536
#define MANIFEST_MAX_FILES 64

struct manifest_file {
    char *name;                          /* plain file name, no directory */
    char *kind;                          /* record kind, "children" */
    size_t rows;                         /* data rows (header not counted) */
    char sha256[MANIFEST_SHA256_HEX];    /* lower-case hex */
};

/* Strings are owned by the manifest; zero-initialise ({0}) before use. */
struct manifest {
    int format_version;   /* MANIFEST_FORMAT_VERSION when making one */
    char *commune_code;   /* 5-digit commune code */
    char *period_from;    /* yyyy-mm-dd */
    char *period_to;      /* yyyy-mm-dd */
    char *created_by;     /* the user's name */
    char *created_at;     /* yyyy-mm-dd hh:mm */
    bool anonymised;      /* names in sensitive cases replaced by codes */
    struct manifest_file *files;
    size_t nfiles, cap;
};

/* Sets one of the header keys (format_version, commune_code, period_from,
 * period_to, created_by, created_at, anonymised) from its text, checking
 * it: commune code of digits, ISO dates, no line ends, 0/1. ST_INVALID
 * naming the key; ST_NOTFOUND for a key that is not one of these. */
enum status manifest_set(struct manifest *m, const char *key, const char *value);

/* Lower-case hex SHA-256 of the file at path (libsodium), streamed.
 * ST_IO naming the file. */
enum status manifest_sha256_file(const char *path, char hex[MANIFEST_SHA256_HEX]);

/* Adds the file dir/name (already written) with its kind and data row
 * count, computing its SHA-256. name must be a plain file name (no '/',
 * ',', line ends, not "." or ".."): ST_INVALID; ST_EXISTS when the manifest
 * already lists name; ST_IO. */
enum status manifest_add_file(struct manifest *m, const char *dir, const char *name,
                              const char *kind, size_t rows);

/* Writes m to path (normally DIR/manifest.txt). ST_INVALID when a header key
 * is not set (naming it); ST_IO naming the file. */
enum status manifest_write(const struct manifest *m, const char *path);

/* Reads a manifest written by manifest_write into m (zero-initialised, or
 * freed). ST_IO; ST_INVALID naming the line and key for bad content, a
 * missing key, or a format_version newer than MANIFEST_FORMAT_VERSION. */
enum status manifest_read(const char *path, struct manifest *m);

/* Recomputes the SHA-256 of every listed file in dir. Each missing file
 * (rule missing_file) or file whose hash differs (damaged_file) is added to
 * problems with the file name as column. ST_OK when all are intact,
 * ST_INVALID (message naming the first bad file) otherwise; ST_NOMEM. */
enum status manifest_verify(const struct manifest *m, const char *dir,
                            struct csv_errors *problems);

/* The entry for name, or NULL. */
const struct manifest_file *manifest_find(const struct manifest *m, const char *name);

void manifest_free(struct manifest *m);

#endif
