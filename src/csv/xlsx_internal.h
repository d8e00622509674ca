/* xlsx_internal — shared by xlsx_read.c (the workbook's parts) and
 * xlsx_sheet.c (the sheet, streamed). Not a public header. */
#ifndef TREEM_CSV_XLSX_INTERNAL_H
#define TREEM_CSV_XLSX_INTERNAL_H
#include <expat.h>
#include <stdbool.h>
#include <stddef.h>
#include <zip.h>
#include "treem/core/status.h"
#include "treem/core/strbuf.h"
#include "treem/csv/csv_read.h"

#define XLSX_CHUNK 65536
#define XLSX_SAMPLE (1024 * 1024)  /* text looked at for a legacy font */
#define XLSX_MAX_COLS 16384        /* Excel's last column, XFD */

struct xlsx {
    const char *path;
    zip_t *zip;
    char sheet[128];             /* the chosen sheet's name */
    bool date1904;               /* the workbook counts days from 1904 */
    char **sst;                  /* shared strings (font converted, NFC) */
    size_t nsst, capsst;
    bool *date_xf;               /* cell style index → shows a date */
    size_t nxf;
    int font;                    /* enum csv_font of the strings */
    size_t records;              /* rows handed on */
    csv_progress_fn progress;
    void *progress_ctx;
    enum status st;              /* set by a handler that stopped the parse */
    XML_Parser parser;           /* the parse under way */
};

/* The name without its namespace prefix ("x:row" → "row"). */
const char *xlsx_local(const char *name);
/* The value of the attribute called name (any prefix), or NULL. */
const char *xlsx_attr(const char **atts, const char *name);
/* Streams the zip entry name through expat with the handlers (ud is their
 * user data); an absent entry is an error when needed, else ST_OK.
 * progress: report the entry's bytes through x->progress. */
enum status xlsx_parse_entry(struct xlsx *x, const char *name, bool needed, XML_StartElementHandler start,
                             XML_EndElementHandler end, XML_CharacterDataHandler text, void *ud,
                             bool progress);
/* Stops the parse under way from a handler; st becomes its result. */
void xlsx_stop(struct xlsx *x, enum status st);
/* The part of the sheet called want (NULL: the first); caller frees. */
enum status xlsx_find_sheet(struct xlsx *x, const char *want, char **part);
enum status xlsx_load_styles(struct xlsx *x);
enum status xlsx_load_strings(struct xlsx *x);
enum status xlsx_choose_font(struct xlsx *x, enum csv_force force);
/* n bytes of cell text in the workbook's font, as NFC UTF-8 (NULL: no
 * memory). */
char *xlsx_text(const struct xlsx *x, const char *s, size_t n);
/* Streams the sheet part into fn. */
enum status xlsx_read_sheet(struct xlsx *x, const char *part, csv_row_fn fn, void *ctx);

#endif
