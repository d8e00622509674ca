/* row — small helpers the repositories share to move values between C and
 * SQLite: text bound in NFC (with its search fold), dates bound as ISO text
 * or NULL, columns read back into malloc'd strings and struct dates. */
#ifndef TREEM_DB_ROW_H
#define TREEM_DB_ROW_H
#include <sqlite3.h>
#include <stddef.h>
#include "treem/core/date.h"
#include "treem/core/status.h"
#include "treem/db/db.h"

/* Binds the NFC form of s (NULL binds NULL). ST_INVALID naming `field` when
 * s is not valid UTF-8, ST_NOMEM when out of memory. */
enum status row_bind_nfc(sqlite3_stmt *st, int idx, const char *field, const char *s);

/* Binds utf8_fold(s) ("" for NULL). */
enum status row_bind_fold(sqlite3_stmt *st, int idx, const char *field, const char *s);

/* Binds a date as ISO text, or NULL when it is unset (y == 0). */
void row_bind_date(sqlite3_stmt *st, int idx, struct date d);

/* Binds id, or NULL when id is 0. */
void row_bind_id(sqlite3_stmt *st, int idx, long long id);

/* A malloc'd copy of a text column ("" for NULL when null_empty, else NULL
 * for NULL). *ok is set false when memory runs out. */
char *row_text(sqlite3_stmt *st, int col, bool null_empty, bool *ok);

/* A date column (ISO text) or an unset date for NULL or bad text. */
struct date row_date(sqlite3_stmt *st, int col);

/* Makes room for element n of a growing array (*arr with *cap elements of
 * size elem, zero-filled when grown). False when memory runs out; the array
 * is left as it was. */
bool row_grow(void *arr, size_t *cap, size_t n, size_t elem);

/* Reads one row into a zero-filled element; false when memory runs out. */
typedef bool (*row_read_fn)(sqlite3_stmt *st, void *elem);
/* Frees what an element holds (not the element itself). */
typedef void (*row_clear_fn)(void *elem);

/* Steps the bound statement st to its end, reading every row with read into
 * a growing array of elements of elem bytes in *out (*n of them; caller
 * frees), then finalizes st. On failure every element read is cleared, the
 * array freed, *out NULL and *n 0. The list queries of the repositories. */
enum status row_collect(struct db *db, sqlite3_stmt *st, size_t elem, row_read_fn read,
                        row_clear_fn clear, void **out, size_t *n);

/* Steps st once: true when it gives a row. False at the end, or on an error,
 * which is then recorded in *rc through db_fail() (when *rc is still ST_OK),
 * so a busy or failing database is never read as a short list. The one way
 * the repositories walk rows: `while (rc == ST_OK && row_next(db, st, &rc))`. */
bool row_next(struct db *db, sqlite3_stmt *st, enum status *rc);

/* ISO text of d into buf, "" when unset (for audit lines). */
const char *row_iso(struct date d, char buf[DATE_BUF]);

/* row_collect for one-column rows: the texts of the query sql (no
 * parameter; "" for NULL) into *out, a malloc'd array of malloc'd strings
 * (the caller frees each and the array); or the integers of the bound
 * statement st (finalized) into *out (malloc'd). On failure *out is NULL
 * and *n 0. */
enum status row_query_texts(struct db *db, const char *sql, char ***out, size_t *n);
enum status row_collect_ids(struct db *db, sqlite3_stmt *st, long long **out, size_t *n);

#endif
