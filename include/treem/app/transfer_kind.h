/* transfer_kind — what a record kind (children, periods, plans, …) gives the
 * CSV import and export: ONE table of columns (csv_kind: stable ASCII names,
 * Vietnamese labels, aliases, documentation) and TWO callbacks, one writing
 * every record of the kind through transfer_emit(), one importing a data row
 * (parse every cell with the forms' rules, match, add or change) through the
 * helpers below. Adding a kind = a transfer_<kind>.c with those three things
 * and a line in transfer.c's kinds[]. Implemented in transfer_kind.c (the
 * helpers) and one transfer_<kind>.c per kind. */
#ifndef TREEM_APP_TRANSFER_KIND_H
#define TREEM_APP_TRANSFER_KIND_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "treem/app/transfer.h"
#include "treem/app/pseudonym.h"
#include "treem/csv/csv_errors.h"
#include "treem/csv/csv_map.h"
#include "treem/csv/csv_read.h"
#include "treem/csv/csv_write.h"
#include "treem/csv/xlsx_write.h"
#include "treem/core/strbuf.h"
#include "treem/db/db.h"

/* Rule ids of the import (beside the csv layer's CSV_RULE_*). */
#define TRANSFER_RULE_REQUIRED "required"
#define TRANSFER_RULE_FORMAT "format"       /* a cell the field's parser refused */
#define TRANSFER_RULE_VALIDATION "validation" /* the form's rules over the record */
#define TRANSFER_RULE_DUPLICATE "duplicate_id"
#define TRANSFER_RULE_CONFLICT "conflict"
#define TRANSFER_RULE_NOT_FOUND "not_found"
#define TRANSFER_RULE_NOTE "note"           /* a warning */

/* Columns named so are bookkeeping, not content: the row hash (see
 * transfer_emit) leaves them out. */
#define TRANSFER_COL_CODE "code"
#define TRANSFER_COL_UPDATED "updated_at"
#define TRANSFER_COL_HASH "row_hash"

/* State of one export, handed to the kind's export callback. */
struct transfer_export {
    struct db *db;
    const struct transfer_kind *kind;
    const struct transfer_export_opts *opts;
    struct csv_writer *w;
    size_t rows;                 /* data rows written so far */
    void *kind_data;             /* free for the kind */
    struct xlsx_out *xo;         /* a workbook instead of w, or NULL */
    bool people;                 /* the file is for people: labels, not codes
                                  * (the kind writes what it can as labels) */
    const struct pseudonym *pseudo; /* this database's key when opts->anonymise */
};

/* State of one import, handed to the kind's row callback. */
struct transfer_import {
    struct db *db;
    const struct transfer_kind *kind;
    const struct transfer_import_opts *opts;
    const struct csv_map *map;
    struct csv_errors *errs;
    struct transfer_counts *counts;
    struct date today;
    char commune[8];             /* this database's commune code */
    struct transfer_seen *seen;  /* identifiers met in this file */
    void *kind_data;             /* free for the kind (freed by kind->done) */
    /* Set by the kind when it defers writes: called after the last row
     * (before kind->done) whenever the file was read, bad rows or not. */
    enum status (*finish)(struct transfer_import *im);
    struct csv_errors *preview;  /* where transfer_preview writes, or NULL */
};

struct transfer_kind {
    const struct csv_kind *csv;  /* columns; ids are indexes */
    size_t nexport;              /* the first nexport columns are exported;
                                  * the rest are accepted on import only
                                  * (e.g. the register generator's letter) */
    /* Writes every record (of opts->from..to when set) with transfer_emit.
     * ST_OK or a failure with its message. */
    enum status (*export_all)(struct transfer_export *x);
    /* Imports one data row: on a bad cell/record adds errors (transfer_bad)
     * and returns ST_OK without writing; else adds or changes the record and
     * bumps counts. A returned failure (NOMEM, database) stops the import. */
    enum status (*import_row)(struct transfer_import *im, const struct csv_row *row);
    /* Frees im->kind_data at the end (may be NULL). */
    void (*done)(struct transfer_import *im);
    /* Non-NULL for the records that travel from the officer, not from a
     * collaborator (cases): what importing them is called (N_()), in the
     * error each row of a collaborator gets instead of import_row. */
    const char *officer_only;
};

/* The kinds (defined in their transfer_<kind>.c). */
extern const struct transfer_kind transfer_kind_children;
extern const struct transfer_kind transfer_kind_periods;
extern const struct transfer_kind transfer_kind_plans;
extern const struct transfer_kind transfer_kind_targets;
extern const struct transfer_kind transfer_kind_tasks;
extern const struct transfer_kind transfer_kind_cases;
extern const struct transfer_kind transfer_kind_case_steps;
extern const struct transfer_kind transfer_kind_assessments;

/* Writes one record: cells[i] is column i's text (NULL = ""), for the first
 * kind->nexport columns. When the kind has a row_hash column its cell is
 * computed here (transfer_hash of the content cells). ST_OK or the
 * writer's failure. */
enum status transfer_emit(struct transfer_export *x, const char *const *cells);
/* The same with the row_hash taken over other cells (the codes of a row
 * written for people with labels: the hash is always the codes'). */
enum status transfer_emit_hashed(struct transfer_export *x, const char *const *cells,
                                 const char *const *hash_cells);

/* 'h' and 16 lower-case hex digits (+NUL) of a 64-bit FNV-1a hash over the
 * content cells (all but code, updated_at, row_hash), each followed by a
 * 0x1F. The letter keeps a spreadsheet from taking the code for a number
 * (3.572095355317E+016). */
#define TRANSFER_HASH_BUF 18
void transfer_hash(const struct csv_kind *kind, size_t ncols, const char *const *cells,
                   char out[TRANSFER_HASH_BUF]);

/* True when cell (a row_hash from a file: with or without the 'h' of
 * older exports, any case) is the computed hash. */
bool transfer_hash_equal(const char *computed, const char *cell);

/* The cell of column col (a column id of the kind), "" when absent. */
const char *transfer_cell(const struct transfer_import *im, const struct csv_row *row, size_t col);
/* True when the file has column col. */
bool transfer_has(const struct transfer_import *im, size_t col);

/* Records a problem of the row at `line` in column col (SIZE_MAX: the row):
 * an error (stops an all-or-nothing import) or, with warn, a note. Returns
 * ST_OK or ST_NOMEM. */
enum status transfer_bad(struct transfer_import *im, size_t line, size_t col, const char *value,
                         const char *rule, const char *message);
enum status transfer_note(struct transfer_import *im, size_t line, size_t col, const char *value,
                          const char *message);
/* In a kind's row code, with `im` and `row` in scope: records the problem
 * of the row (transfer_bad) and returns from the function only when that
 * fails (ST_NOMEM); the caller goes on, or returns ST_OK itself. */
#define TRANSFER_BAD(col, val, rule, msg) \
    do { enum status bad_rc = transfer_bad(im, row->line, (col), (val), (rule), (msg)); \
         if (bad_rc != ST_OK) return bad_rc; } while (0)

/* With a preview asked for, records what the row at line does to column
 * col (SIZE_MAX: the row): message says it ("new child", "'a' → 'b'").
 * ST_OK or ST_NOMEM. */
enum status transfer_preview(struct transfer_import *im, size_t line, size_t col, const char *value,
                             const char *message);

/* Remembers key (an identifier of the row) for this file: false when it
 * was already met (the caller reports a duplicate). Keys are kept as
 * 64-bit hashes, so memory stays small at a million rows. */
bool transfer_seen_add(struct transfer_import *im, const char *key);
/* True when key was added by transfer_seen_add (adds nothing). */
bool transfer_seen_has(const struct transfer_import *im, const char *key);
/* Frees the set (NULL is fine). */
void transfer_seen_free(struct transfer_seen *s);

/* d as ISO text in buf for a repository's range, or NULL when d is not set
 * (an open end of the export's from..to). */
const char *transfer_date_iso(struct date d, char buf[DATE_BUF]);

/* Calls fn(x, id) for each case received in the export's from..to that
 * the signed-in person may see (a collaborator: the cases they recorded),
 * stopping at the first failure. */
enum status transfer_each_case(struct transfer_export *x,
                               enum status (*fn)(struct transfer_export *x, long long id));

/* What an import does with a record both sides hold. */
enum transfer_verdict { TRANSFER_UNCHANGED, TRANSFER_KEEP_LOCAL, TRANSFER_TAKE_FILE, TRANSFER_CONFLICT };
/* Judges who changed what since the export that wrote the row (see
 * doc/csv-columns.md): lh and fh are the hashes of the local record and of
 * the file's; base is the row's row_hash ("" when it cannot be trusted),
 * else the updated_at stamps (file_updated "" when not given) decide. */
enum transfer_verdict transfer_judge(const struct transfer_import *im, const char *lh, const char *fh,
                                     const char *base, const char *local_updated,
                                     const char *file_updated);

/* Uses of a child-style uid "<5 digits>-<10 base32>". */
bool transfer_uid_valid(const char *uid);

/* "yyyy-mm-dd hh:mm" from "dd/mm/yyyy hh:mm" or ISO (into out, 20
 * bytes); "" gives "". False for other text. */
bool transfer_parse_stamp(const char *text, char out[20]);
/* "dd/mm/yyyy hh:mm" from the stored "yyyy-mm-dd hh:mm" (out 20 bytes). */
void transfer_show_stamp(const char *stored, char out[20]);

#endif
