/* csv_map — which cell of a CSV row holds which field. A record kind
 * (children, cases, …) declares its columns once: a stable ASCII name (the
 * export header), a Vietnamese label and other accepted headers (aliases).
 * A file's header row is mapped by name in any order; headers match when
 * their keys are equal, the key being the utf8_fold of the text (lower case,
 * no diacritics, đ → d) without spaces, punctuation and no-break spaces,
 * and without a "(…)" remark — so "Họ và tên", "ho va ten", "HO_VA_TEN",
 * "Họ và tên (*):" and "hovaten" are one.
 * Unknown, missing and duplicate columns are reported in a csv_errors list. */
#ifndef TREEM_CSV_CSV_MAP_H
#define TREEM_CSV_CSV_MAP_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/status.h"
#include "treem/csv/csv_errors.h"
#include "treem/csv/csv_read.h"
#include "treem/csv/csv_write.h"

struct csv_column {
    const char *name;    /* stable ASCII name [a-z0-9_], the export header */
    const char *label;   /* Vietnamese label, also accepted ("Họ và tên") */
    const char *aliases; /* other accepted headers, '|'-separated, or NULL */
    bool required;       /* the header must be in the file */
    const char *doc;     /* English msgid (N_()) for the column reference:
                          * meaning, format, allowed values; may be NULL */
};

struct csv_kind {
    const char *name;                  /* stable ASCII name, "children" */
    const char *title;                 /* English msgid (N_()), "children" */
    const struct csv_column *columns;  /* column ids are indexes in this */
    size_t ncolumns;
};

enum csv_map_flag {
    CSV_MAP_STRICT = 1 << 0,  /* an unknown column is an error, not a warning */
};

/* The header of one file mapped onto a kind. */
struct csv_map {
    const struct csv_kind *kind;
    size_t line;        /* file line of the header */
    size_t nheader;     /* cells in the header row */
    int *cell;          /* column id → cell index in a row, or -1 */
    size_t nunknown;    /* header cells that matched no column */
    char **texts;       /* the header's cells as written (nheader; may be NULL) */
};

/* The matching key of a header text (see the module comment); caller
 * frees; NULL when s is not valid UTF-8 or memory runs out. */
char *csv_map_key(const char *s);

/* Checks a kind's declaration: names are [a-z0-9_]+ and no two columns share
 * a key (through name, label or alias). ST_INVALID naming both columns;
 * meant for unit tests of each kind. */
enum status csv_kind_check(const struct csv_kind *kind);

/* Index of the column called name (its stable name), or -1. */
int csv_kind_find(const struct csv_kind *kind, const char *name);

/* Maps header onto kind. Adds to errs: a missing required column, two
 * headers for one column (errors), an unknown header (a warning, an error
 * with CSV_MAP_STRICT; empty headers are ignored silently). Returns
 * ST_INVALID (message from csv_errors_status) when it added an error, else
 * ST_OK; ST_NOMEM. Free the map with csv_map_free in every case. */
enum status csv_map_build(struct csv_map *map, const struct csv_kind *kind,
                          const struct csv_row *header, unsigned flags,
                          struct csv_errors *errs);
void csv_map_free(struct csv_map *map);

/* How many distinct columns of kind the cells of row name (0 when memory
 * runs out); *required tells whether every required column is among
 * them. Used to find the header below title lines. */
size_t csv_map_known(const struct csv_kind *kind, const struct csv_row *row, bool *required);

/* The header of column col as the file wrote it ("Ngày sinh"), or NULL
 * when the file lacks the column. */
const char *csv_map_header(const struct csv_map *map, size_t col);

/* True when the file has the column. */
bool csv_map_has(const struct csv_map *map, size_t col);

/* The cell of column col in row: "" when the file lacks the column or the
 * row is short. Valid as long as the row. */
const char *csv_map_get(const struct csv_map *map, const struct csv_row *row, size_t col);

/* Checks the number of cells of a data row against the header: a short
 * row, or a non-empty cell past the last header, is an error (rule
 * column_count) added to errs; empty extra cells (trailing separators) are
 * fine. ST_OK when none was added, ST_INVALID otherwise; ST_NOMEM. */
enum status csv_map_check_row(const struct csv_map *map, const struct csv_row *row,
                              struct csv_errors *errs);

/* Writes the kind's stable names as a header record. */
enum status csv_map_write_header(const struct csv_kind *kind, struct csv_writer *w);

#endif
