/* xlsx_read — the first sheet (or a named one) of an Excel workbook
 * (.xlsx, as Excel, LibreOffice and WPS save it) read row by row into the
 * same callback as csv_read: each row of the sheet is a csv_row whose line
 * is the sheet's row number and whose cells are text — shared and inline
 * strings as written (NFC), numbers as plain digits ("52313769592", never
 * 5.23E+10), cells formatted as dates as dd/mm/yyyy (with hh:mm when the
 * serial has a time), booleans 1/0. Wholly empty rows are skipped. Names
 * typed in a legacy font (csv_legacy.h) are detected from the shared
 * strings and converted, or refused. A row shorter than the widest so far
 * (a sheet leaves out empty cells at the end) is padded with empty cells.
 * The zip is read with libzip and the
 * XML with expat, streaming the sheet (the shared strings are held in
 * memory). */
#ifndef TREEM_CSV_XLSX_READ_H
#define TREEM_CSV_XLSX_READ_H
#include <stdbool.h>
#include "treem/core/status.h"
#include "treem/csv/csv_read.h"

/* True when path names a workbook by its extension (".xlsx", any case). */
bool xlsx_is_path(const char *path);

struct xlsx_read_opts {
    const char *sheet;         /* the sheet to read (its name, any case and
                                * diacritics); NULL: the first sheet */
    enum csv_force force;      /* TCVN3 or VNI to force a font; else detect */
    csv_progress_fn progress;  /* may be NULL */
    void *progress_ctx;
};

/* Reads the sheet of the workbook at path into fn, as csv_read_file does
 * (info, may be NULL, gets encoding UTF-8, sep 0, the font, the size and
 * the records). ST_IO for a file that cannot be opened or is no workbook,
 * ST_NOTFOUND for a sheet that is not there (the message lists the
 * sheets), ST_INVALID for a damaged workbook or undecidable text, or
 * whatever fn returned. */
enum status xlsx_read_file(const char *path, const struct xlsx_read_opts *opts, csv_row_fn fn, void *ctx,
                           struct csv_read_info *info);

#endif
