/* csv_collect — test helper: keeps every record a csv_read call hands over,
 * so that tests can compare cells and lines after the read. */
#ifndef TREEM_TESTS_CSV_COLLECT_H
#define TREEM_TESTS_CSV_COLLECT_H
#include <stddef.h>
#include "treem/csv/csv_read.h"

struct collected {
    size_t n, cap;
    size_t *line;      /* line of record i */
    size_t *nfields;   /* cells of record i */
    char ***fields;    /* copies of the cells */
    size_t stop_after; /* when > 0: return ST_CANCELLED after that many */
};

/* A csv_row_fn: ctx is a zero-initialised struct collected. */
enum status collect_row(const struct csv_row *row, void *ctx);
void collected_free(struct collected *c);

/* Reads len bytes of data with csv_read_buffer (the separator detected)
 * into *c, a zero-initialised struct collected: the read must succeed and
 * give `records` records (the test fails otherwise). */
void collect_buffer(struct collected *c, const char *data, size_t len, size_t records);
/* Record r of c has the n cells given, in order (a NULL cell: any text). */
void collect_expect(const struct collected *c, size_t r, size_t n, const char *const cells[]);

#endif
