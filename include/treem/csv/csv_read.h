/* csv_read — reading CSV text with libcsv in strict mode: a UTF-8 BOM is
 * skipped, CRLF or LF ends a record, ',' or ';' separates fields (detected
 * from the header line when not given), and every record is handed to a
 * callback with the file line it starts on. Encoding and header mapping are
 * the caller's (see csv_map when it exists). */
#ifndef TREEM_CSV_CSV_READ_H
#define TREEM_CSV_CSV_READ_H
#include <stddef.h>
#include "treem/core/status.h"

struct csv_row {
    size_t line;      /* 1-based line of the file where the record starts */
    size_t nfields;
    char **fields;    /* NUL-terminated; owned by the reader, valid in the callback */
};

/* Called once per non-empty record, header included. Returning anything
 * but ST_OK stops the reading and becomes its result. */
typedef enum status (*csv_row_fn)(const struct csv_row *row, void *ctx);

/* ',' or ';' — whichever appears more often outside quotes in the first line. */
char csv_detect_sep(const char *data, size_t len);

/* Reads len bytes of CSV. sep 0 means detect. ST_INVALID with a message
 * naming the line for malformed CSV (an unterminated quote, text after a
 * closing quote). */
enum status csv_read_buffer(const char *data, size_t len, char sep,
                            csv_row_fn fn, void *ctx);

/* Reads a whole file into memory (caller frees *data). */
enum status csv_slurp(const char *path, char **data, size_t *len);

#endif
