/* csv_errors — the typed problems found in an imported file, one per cell
 * (or per row, column or file): the file line, the column, the value as
 * read, a stable rule id and a translated message naming the field. The
 * list can be written as an error CSV (line,column,value,rule,message) for
 * the user to open next to the file. Warnings (e.g. an ignored column) are
 * kept in the same list but counted apart: they do not stop an import. */
#ifndef TREEM_CSV_CSV_ERRORS_H
#define TREEM_CSV_CSV_ERRORS_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/status.h"
#include "treem/csv/csv_write.h"

/* Rule ids used by the csv layer; other layers add their own ("required",
 * "date", "enum", …). Stable ASCII: scripts may match on them. */
#define CSV_RULE_MALFORMED "malformed_csv"
#define CSV_RULE_UNKNOWN_COLUMN "unknown_column"
#define CSV_RULE_MISSING_COLUMN "missing_column"
#define CSV_RULE_DUPLICATE_COLUMN "duplicate_column"
#define CSV_RULE_COLUMN_COUNT "column_count"
#define CSV_RULE_MISSING_FILE "missing_file"
#define CSV_RULE_DAMAGED_FILE "damaged_file"

struct csv_error {
    size_t line;        /* 1-based file line; 0 for the whole file */
    const char *column; /* column name (or header text, or file name); "" for a row */
    const char *value;  /* the cell as read; "" when none */
    const char *rule;   /* a rule id; a static string, not owned */
    const char *message;/* translated; names the field, without the line */
    bool warning;       /* true: a note that does not stop an import */
};

/* Zero-initialise ({0}) for an unbounded list; set max to keep only the
 * first max problems (the totals still count them all). */
struct csv_errors {
    struct csv_error *items;
    size_t n, cap;
    size_t max;         /* 0: keep all */
    size_t errors;      /* problems that stop an import, kept or not */
    size_t warnings;    /* warnings, kept or not */
};

/* Adds an error (warning false) or a warning; the message is printf-style.
 * column and value may be NULL (""). Copies everything (rule is kept as a
 * pointer: pass a string literal or CSV_RULE_*). ST_OK, or ST_NOMEM. */
enum status csv_errors_note(struct csv_errors *e, bool warning, size_t line, const char *column,
                            const char *value, const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
/* csv_errors_add(e, line, column, value, rule, fmt, ...): an error;
 * csv_errors_warn(…): a warning. */
#define csv_errors_add(e, ...) csv_errors_note((e), false, __VA_ARGS__)
#define csv_errors_warn(e, ...) csv_errors_note((e), true, __VA_ARGS__)

/* Frees the items; e is empty (max is kept) and may be reused. */
void csv_errors_free(struct csv_errors *e);

/* Sets the status message from the first kept error (warnings when there is
 * no error): "line N: message" plus how many more problems there are, and
 * returns ST_INVALID; ST_OK when the list holds no error. */
enum status csv_errors_status(const struct csv_errors *e);

/* Writes the header line,column,value,rule,message and one record per kept
 * problem (line empty when 0) with w; the caller flushes. */
enum status csv_errors_write(const struct csv_errors *e, struct csv_writer *w);

/* Writes the list to a new file at path (flags: csv_write_flag bits,
 * normally CSV_WRITE_DEFAULT). ST_IO naming the file. */
enum status csv_errors_save(const struct csv_errors *e, const char *path, unsigned flags);

#endif
