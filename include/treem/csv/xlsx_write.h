/* xlsx_write — writing Excel workbooks (.xlsx) with libxlsxwriter, for
 * exports and reports: sheets of rows, a bold frozen header row, cells as
 * text, numbers or dates (shown dd/mm/yyyy, a date to the spreadsheet).
 * Rows are streamed (libxlsxwriter's constant-memory mode: inline
 * strings), so the memory does not grow with the rows. The file is made
 * 0600 before anything is written, and removed when the writing fails. */
#ifndef TREEM_CSV_XLSX_WRITE_H
#define TREEM_CSV_XLSX_WRITE_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/date.h"
#include "treem/core/status.h"

struct xlsx_out;

/* A new workbook to be written to path (ST_IO naming the file). */
enum status xlsx_out_open(const char *path, struct xlsx_out **out);
/* Adds a sheet (name: at most 31 characters, no []:*?/\ — others are
 * replaced) and makes it the current one, at its first row. */
enum status xlsx_out_sheet(struct xlsx_out *o, const char *name);
/* Writes a header row: bold, frozen above the rows, columns as wide as
 * the headers (at least 10). */
enum status xlsx_out_header(struct xlsx_out *o, const char *const *texts, size_t n);
/* The next cell of the current row: */
enum status xlsx_out_text(struct xlsx_out *o, const char *text);   /* always text ("" = empty) */
enum status xlsx_out_number(struct xlsx_out *o, double v);
enum status xlsx_out_date(struct xlsx_out *o, struct date d, int hour, int min); /* hour < 0: a day */
/* Text as a person would want it in a sheet: "dd/mm/yyyy" → a date,
 * "dd/mm/yyyy hh:mm" → a date and time, a plain number (no leading 0,
 * at most 9 digits before an optional decimal part) → a number; anything
 * else (phones, ID numbers, codes) stays text. */
enum status xlsx_out_cell(struct xlsx_out *o, const char *text);
/* Ends the current row. */
enum status xlsx_out_end_row(struct xlsx_out *o);
/* Writes the workbook and frees o (also on failure: then the file is
 * removed). */
enum status xlsx_out_close(struct xlsx_out *o);
/* Frees o without writing; removes the file. NULL is fine. */
void xlsx_out_discard(struct xlsx_out *o);

#endif
