/* csv_read — reading CSV text with libcsv in strict mode: a UTF-8 BOM is
 * skipped, CRLF or LF ends a record, ',' or ';' separates fields (detected
 * from the header line when not given), and every record is handed to a
 * callback with the file line it starts on. csv_read_buffer takes UTF-8 text
 * in memory; csv_read_file streams a file of any size in fixed memory,
 * detecting and converting its encoding (csv_encoding) and reporting
 * progress. Header mapping is csv_map's. */
#ifndef TREEM_CSV_CSV_READ_H
#define TREEM_CSV_CSV_READ_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "treem/core/status.h"
#include "treem/csv/csv_encoding.h"

/* Limits on a record, refused at once with ST_INVALID naming the limit and
 * the line: no file treem reads has more columns, and a spreadsheet cell
 * holds at most 32,767 characters (up to 3 bytes each in UTF-8). */
#define CSV_MAX_COLUMNS 1000
#define CSV_MAX_CELL_BYTES 131072

struct csv_row {
    size_t line;      /* 1-based line of the file where the record starts */
    size_t nfields;
    char **fields;    /* NUL-terminated; owned by the reader, valid in the callback */
};

/* Called once per non-empty record, header included (a record whose cells
 * are all empty, e.g. ",,,", is skipped). Returning anything
 * but ST_OK stops the reading and becomes its result. */
typedef enum status (*csv_row_fn)(const struct csv_row *row, void *ctx);

/* ',', ';' or tab — whichever appears most often outside quotes in the
 * first lines (up to 20: title lines above the header do not decide). */
char csv_detect_sep(const char *data, size_t len);

/* Reads len bytes of CSV. sep 0 means detect. ST_INVALID with a message
 * naming the line for malformed CSV (an unterminated quote, text after a
 * closing quote). */
enum status csv_read_buffer(const char *data, size_t len, char sep,
                            csv_row_fn fn, void *ctx);

/* Opens path for reading only when it is a regular file (never waiting on a
 * FIFO, never reading a device); with no_links a symbolic link is refused
 * too. ST_INVALID naming the file, ST_IO when it cannot be opened. */
enum status csv_open_regular(const char *path, bool no_links, FILE **out);

/* Reads a whole file into memory (caller frees *data). */
enum status csv_slurp(const char *path, char **data, size_t *len);

/* Progress of a long read: done of total bytes of the file (total is 0 when
 * the size is unknown). Return false to stop the read (ST_CANCELLED). */
typedef bool (*csv_progress_fn)(size_t done, size_t total, void *ctx);

/* The encoding a reader is told to take (`--encoding`), or AUTO. */
enum csv_force {
    CSV_FORCE_AUTO,            /* detect (csv_read_file) */
    CSV_FORCE_UTF8,
    CSV_FORCE_CP1258,
    CSV_FORCE_TCVN3,
    CSV_FORCE_VNI,
};

/* The force named by text ("utf-8", "utf8", "cp1258", "windows-1258",
 * "tcvn3", "abc", "vni", "auto"; any case); false for other text. */
bool csv_force_parse(const char *text, enum csv_force *out);

struct csv_read_opts {
    char sep;                  /* ',', ';' or '\t'; 0 means detect (an Excel
                                * "sep=X" first line, else the first lines) */
    bool nfc;                  /* normalise UTF-8 text to NFC (Windows-1258
                                * text is always normalised) */
    csv_progress_fn progress;  /* may be NULL; called after each chunk */
    void *progress_ctx;
    bool unneutralise;         /* undo csv_write's formula apostrophe in
                                * every cell (csv_unneutralise) */
    enum csv_force force;      /* the encoding to take; AUTO detects */
};

/* What csv_read_file found. */
struct csv_read_info {
    enum csv_encoding encoding;
    char sep;                  /* the separator used */
    bool bom;                  /* the text began with a UTF-8 BOM */
    int font;                  /* enum csv_font (csv_legacy.h) the text was in */
    bool sep_line;             /* an Excel "sep=X" line gave the separator */
    bool xlsx;                 /* the file was a workbook (xlsx_read.h) */
    char sheet[128];           /* the sheet read, for a workbook */
    size_t bytes;              /* size of the file */
    size_t records;            /* records handed to fn, header included */
};

/* Streams the file at path to fn record by record, in memory that does not
 * grow with the file: a first pass checks whether it is UTF-8 (else it is
 * converted from Windows-1258; a UTF-16 byte-order mark means "Unicode
 * Text"), a sample of its first megabyte tells whether its names are in a
 * legacy font (csv_legacy.h: converted too, or refused when undecidable),
 * the second pass parses it. opts NULL means
 * {detect the separator, NFC on, no progress, no unneutralising}. info (may be NULL) is filled
 * in as far as the read got. ST_IO naming the file; ST_INVALID for
 * malformed CSV or text (message names the line), ST_CANCELLED when
 * progress said stop, or whatever fn returned. */
enum status csv_read_file(const char *path, const struct csv_read_opts *opts,
                          csv_row_fn fn, void *ctx, struct csv_read_info *info);

#endif
