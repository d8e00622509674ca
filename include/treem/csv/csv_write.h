/* csv_write — a streaming CSV writer for exports, templates, error lists and
 * hand-off packages. Output goes to a FILE* or to a growing strbuf through one
 * fixed staging buffer inside the writer (no allocation per cell). By default
 * it writes what Excel on Vietnamese Windows opens correctly: UTF-8 with a
 * BOM, CRLF record ends, RFC 4180 quoting, and formula-like cells neutralised.
 *
 * Quoting: a cell is quoted when it contains the separator, '"', CR or LF, or
 * begins or ends with a space or tab (libcsv trims those from unquoted cells);
 * a '"' inside is doubled.
 *
 * Formula neutralising (CSV_WRITE_NEUTRALISE, on by default): a cell whose
 * first character is = + - @ TAB or CR gets a leading apostrophe, so that a
 * spreadsheet shows it as text instead of running it as a formula. Plain
 * negative numbers are data, not formulas, and are left alone: "-" followed
 * by digits with at most one '.' or ',' and digits after it ("-5", "-12,5").
 * So that the import can undo the apostrophe exactly, a cell made of one or
 * more apostrophes followed by one of those characters ("'=x") gets one more
 * apostrophe too; csv_unneutralise() is the exact inverse. */
#ifndef TREEM_CSV_CSV_WRITE_H
#define TREEM_CSV_CSV_WRITE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "treem/core/status.h"
#include "treem/core/strbuf.h"

enum csv_write_flag {
    CSV_WRITE_BOM = 1 << 0,        /* begin with the UTF-8 byte order mark */
    CSV_WRITE_CRLF = 1 << 1,       /* end records with CRLF (else LF) */
    CSV_WRITE_NEUTRALISE = 1 << 2, /* apostrophe before formula-like cells */
};

/* What Excel expects: BOM, CRLF, neutralised. */
#define CSV_WRITE_DEFAULT (CSV_WRITE_BOM | CSV_WRITE_CRLF | CSV_WRITE_NEUTRALISE)
/* Plain UTF-8 with LF (for diff-friendly files and other programs). */
#define CSV_WRITE_PLAIN CSV_WRITE_NEUTRALISE

#define CSV_WRITE_BUFSZ 32768

/* Treat as opaque: fields are public only so that a writer can live on the
 * stack. One writer per output; not thread-safe. */
struct csv_writer {
    FILE *file;            /* destination, or NULL when sb is */
    struct strbuf *sb;     /* destination, or NULL when file is */
    unsigned flags;
    char sep;
    bool row_started;      /* a cell was written in the current record */
    bool only_empty;       /* the record so far is one empty cell */
    size_t rows;           /* records ended so far (header included) */
    enum status st;        /* first failure; sticky */
    size_t len;            /* bytes staged in buf */
    char buf[CSV_WRITE_BUFSZ];
};

/* Sets w up to write to the open stream f (not closed by the writer) or to
 * append to sb. sep is ',' or ';' (0 means ','); flags are csv_write_flag
 * bits. The BOM, when asked for, is staged at once. Never fails. */
void csv_writer_init_file(struct csv_writer *w, FILE *f, char sep, unsigned flags);
void csv_writer_init_buf(struct csv_writer *w, struct strbuf *sb, char sep, unsigned flags);

/* Appends one cell to the current record: quoted and neutralised as the
 * module comment says. s may be NULL (an empty cell). _n takes a length and
 * may contain no NUL. Return ST_OK, or the writer's first failure (ST_IO
 * with the system's message, ST_NOMEM); after a failure every call returns
 * it again and writes nothing. */
enum status csv_write_cell(struct csv_writer *w, const char *s);
enum status csv_write_cell_n(struct csv_writer *w, const char *s, size_t n);

/* Appends a cell that is an integer: never quoted nor neutralised. */
enum status csv_write_int(struct csv_writer *w, long long v);

/* Ends the current record (CRLF or LF). A record of one empty cell is
 * written as "" so that it does not read back as a blank line. */
enum status csv_write_end_row(struct csv_writer *w);

/* Writes n cells and ends the record. */
enum status csv_write_row(struct csv_writer *w, const char *const *cells, size_t n);

/* Hands every staged byte to the file (and fflush()es it) or the strbuf.
 * Call before closing the file or reading the strbuf. */
enum status csv_writer_flush(struct csv_writer *w);

/* Writes a whole CSV file at path through core/outfile.h (0600, in place
 * only when complete): a writer on it (sep ',', flags), fill(w, ctx), then
 * the flush. ST_OK, or the first failure (nothing replaced then). */
enum status csv_write_file(const char *path, unsigned flags,
                           enum status (*fill)(struct csv_writer *w, const void *ctx),
                           const void *ctx);

/* True when the cell would get an apostrophe under CSV_WRITE_NEUTRALISE. */
bool csv_needs_neutralise(const char *s, size_t n);

/* The inverse for the import: when s is one or more apostrophes followed by
 * = + - @ TAB or CR, removes the first apostrophe in place and returns true;
 * otherwise leaves s alone and returns false. */
bool csv_unneutralise(char *s);

#endif
