/* transfer — CSV import and export of the register and the plans, for
 * `treem export/import` and the Nhập/Xuất screen. Export writes what Excel
 * on Vietnamese Windows opens (UTF-8 with BOM, CRLF, dd/mm/yyyy, formula-like
 * cells neutralised). Import reads any encoding/separator the csv layer
 * reads, maps headers by name, validates every cell with the forms' rules,
 * matches records (uid, else the duplicate rules), reports conflicts, and is
 * all-or-nothing unless told to skip bad rows. Who reported a case is never
 * a column of any kind (Nghị định 56/2017 Điều 24). */
#ifndef TREEM_APP_TRANSFER_H
#define TREEM_APP_TRANSFER_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "treem/core/date.h"
#include "treem/csv/csv_errors.h"
#include "treem/csv/csv_read.h"
#include "treem/db/db.h"

struct transfer_kind;

/* The kinds in the order a package is imported (children before periods,
 * plans before targets and tasks, cases before their steps). */
const struct transfer_kind *const *transfer_kinds(size_t *n);
/* The kind called name ("children", "periods", "plans", "targets",
 * "tasks", "cases", "case_steps", "assessments"; Vietnamese words and
 * singulars also: "tre-em", "child", "vu-viec"), or NULL. */
const struct transfer_kind *transfer_kind_find(const char *name);
/* Stable name and translated title of a kind. */
const char *transfer_kind_name(const struct transfer_kind *k);
const char *transfer_kind_title(const struct transfer_kind *k);
/* The column table (for templates, documentation, tests). */
const struct csv_kind *transfer_kind_columns(const struct transfer_kind *k);

/* A sensitive child's identity is replaced by a keyed pseudonym
 * (app/pseudonym.h) in anonymised exports. The hook says which children are
 * sensitive: session_prepare installs cases_child_sensitive (a protected case
 * kind or special-circumstance group, app/cases.h).
 * With no hook every child counts as sensitive (fail closed). */
typedef bool (*transfer_sensitive_fn)(struct db *db, long long child_id, void *ctx);
void transfer_set_sensitive_hook(transfer_sensitive_fn fn, void *ctx);
/* True when child_id is to be anonymised (see above). */
bool transfer_child_sensitive(struct db *db, long long child_id);

/* Who a file is for: people read Vietnamese headers ("Họ và tên") and
 * labels ("Nữ", "Tiểu học"); machines (the level above, another treem)
 * read the stable codes. Both import. */
enum transfer_form {
    TRANSFER_FORM_DEFAULT,  /* .xlsx: people; CSV: machines */
    TRANSFER_FORM_PEOPLE,
    TRANSFER_FORM_MACHINE,
};

struct transfer_export_opts {
    unsigned flags;        /* csv_write_flag bits; 0 means CSV_WRITE_DEFAULT */
    bool anonymise;        /* sensitive children: uid, code and name → keyed
                            * pseudonyms, parents, carer, phones, ID, address,
                            * notes blanked (periods too); every case: uid and
                            * code → pseudonyms, free text of cases and steps
                            * blanked */
    struct date from, to;  /* only records changed / due in this period (y 0: open) */
    enum transfer_form form;
};

/* Writes every record of kind k to path (a new file; rows = data rows
 * written, optional): a workbook when path ends in .xlsx (one sheet,
 * dates as dates, numbers as numbers, phones and ID numbers as text),
 * else CSV. ST_IO naming the file. */
enum status transfer_export(struct db *db, const struct transfer_kind *k, const char *path,
                            const struct transfer_export_opts *opts, size_t *rows);
/* The same to an open stream. */
enum status transfer_export_stream(struct db *db, const struct transfer_kind *k, FILE *f,
                                   const struct transfer_export_opts *opts, size_t *rows);
/* A header-only file (the template) of kind k. */
enum status transfer_write_template(const struct transfer_kind *k, const char *path,
                                    unsigned flags);

struct transfer_import_opts {
    bool dry_run;          /* everything is checked and counted, nothing kept */
    bool skip_bad_rows;    /* keep the good rows of a file with bad ones */
    bool prefer_newer;     /* a conflict goes to the newer side (updated_at) */
    bool no_backup;        /* tests only: skip the backup before writing */
    bool from_owner;       /* the file comes from the records' owner (a commune's package
                            * received at the level above): a row that differs is taken */
    size_t max_errors;     /* problems kept for the error file; 0: 10000 */
    csv_progress_fn progress; /* may be NULL */
    void *progress_ctx;
    bool preview;          /* list in res->preview what each row adds or
                            * changes (old → new); children only */
    enum csv_force force;  /* the file's encoding when told (--encoding) */
    const char *sheet;     /* .xlsx: the sheet to read (NULL: the first) */
};

struct transfer_counts {
    size_t rows;           /* data rows read */
    size_t added, changed, unchanged;
    size_t kept_local;     /* the file is older than this database: kept ours */
    size_t conflicts;      /* changed on both sides (errors unless prefer_newer) */
    size_t bad_rows;       /* rows with errors (skipped with skip_bad_rows) */
    size_t villages_added; /* villages created for rows naming a new one */
};

struct transfer_result {
    struct transfer_counts counts;
    struct csv_errors errs;     /* every problem (line, column, value, rule, message) */
    struct csv_read_info info;  /* encoding, separator, BOM of the last file */
    struct csv_errors preview;  /* with opts->preview: per row, what is added or
                                 * changed ("'old' → 'new'"), as notes */
    bool written;               /* the database was changed */
    char *backup;               /* the backup taken, or NULL */
};

/* Imports the file at path as kind k in one transaction, after a backup
 * (db_backup_rotate "import") unless dry_run. res must be zeroed ({0}) and
 * is filled even on failure (free with transfer_result_free). Returns ST_OK
 * when the rows were kept (or would be, in a dry run); ST_INVALID when a row
 * is bad or in conflict and nothing was written (message: first bad line
 * and how many more problems; all in res->errs); other codes for a file
 * that cannot be read or a database failure (nothing written). */
enum status transfer_import(struct db *db, const struct transfer_kind *k, const char *path,
                            const struct transfer_import_opts *opts, struct transfer_result *res);
/* The transaction of an import: the write lock, then (unless dry_run or
 * no_backup) a backup in res->backup. */
enum status transfer_begin(struct db *db, const struct transfer_import_opts *opts, struct transfer_result *res);
/* Commits when rc is ST_OK (and not a dry run), else rolls back; a backup
 * taken for an import that saved nothing is removed, and the older ones
 * beyond the kept number only after a commit. Returns the final status with
 * its message (transfer_nothing_imported). */
enum status transfer_end(struct db *db, enum status rc, const struct transfer_import_opts *opts,
                         struct transfer_result *res);
/* Sets the message of a failed import: msg, then (unless rc is ST_INVALID,
 * whose rows are listed apart, or a dry run) "nothing was imported". */
void transfer_nothing_imported(enum status rc, const char *msg, bool dry_run);
/* The same inside the caller's transaction (no backup, no commit): used by
 * hand-off packages to import several files at once. */
enum status transfer_import_in(struct db *db, const struct transfer_kind *k, const char *path,
                               const struct transfer_import_opts *opts, struct transfer_result *res);
void transfer_result_free(struct transfer_result *r);

/* The kind of a file from its name: "children.csv", "tre_em_2025.csv" … the
 * first kind whose name or title starts the folded file name; NULL if none. */
const struct transfer_kind *transfer_kind_for_file(const char *path);

#endif
