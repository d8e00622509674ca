/* csv_out — a small CSV writer for the rubric and the scoring sheet: RFC 4180
 * quoting, optional UTF-8 BOM and CRLF (what Excel on Vietnamese Windows
 * opens), and formula-like cells (starting with = + - @ TAB or CR)
 * neutralised with a leading apostrophe — plain negative numbers ("-5",
 * "-1,5") are data and left alone. Files are written whole, through a
 * temporary file renamed into place. Stand-in until csv/csv_write lands;
 * its neutralising rules are the same. */
#ifndef TREEM_APP_CSV_OUT_H
#define TREEM_APP_CSV_OUT_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/status.h"
#include "treem/core/strbuf.h"

struct csv_out {
    struct strbuf sb;
    bool crlf;             /* end records with CRLF (else LF) */
    bool row_started;
};

/* Starts an empty output; bom writes the UTF-8 byte order mark first. */
void csv_out_init(struct csv_out *o, bool bom, bool crlf);
void csv_out_free(struct csv_out *o);

/* Appends one cell (NULL = empty) / ends the record. False on ENOMEM. */
bool csv_out_cell(struct csv_out *o, const char *s);
bool csv_out_end(struct csv_out *o);
/* n cells then the end of the record. */
bool csv_out_row(struct csv_out *o, const char *const *cells, size_t n);

/* True when s would be neutralised. */
bool csv_out_needs_neutralise(const char *s);
/* The inverse for readers: "'=x" → "=x" in place (one apostrophe removed
 * when what follows it would have been neutralised); true if changed. */
bool csv_out_unneutralise(char *s);

/* Writes the text to path (via path + ".tmp", fsync, rename). ST_IO with
 * the system's message naming the file. */
enum status csv_out_save(const struct csv_out *o, const char *path);

#endif
