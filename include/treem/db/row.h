/* row — the one way the repositories move values between C and SQLite:
 * statement arguments declared (ROW_INT, ROW_NFC, ROW_DATE …) and bound
 * with their SQLite codes checked (text in NFC, its search fold, dates as
 * ISO text or NULL), columns read back into malloc'd strings and struct
 * dates, rows walked and collected without losing an error. */
#ifndef TREEM_DB_ROW_H
#define TREEM_DB_ROW_H
#include <sqlite3.h>
#include <stddef.h>
#include "treem/core/date.h"
#include "treem/core/status.h"
#include "treem/db/db.h"

/* A malloc'd copy of a text column ("" for NULL when null_empty, else NULL
 * for NULL). *ok is set false when memory runs out. */
char *row_text(sqlite3_stmt *st, int col, bool null_empty, bool *ok);

/* The text of a column, "" for NULL: valid until the next step of st. */
const char *row_str(sqlite3_stmt *st, int col);

/* Copies a text column into buf (n bytes; "" for NULL), cut short when it
 * is longer. */
void row_copy_text(sqlite3_stmt *st, int col, char *buf, size_t n);

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
 * array freed (clear may be NULL for elements that hold nothing), *out
 * NULL and *n 0. The list queries of the repositories. */
enum status row_collect(struct db *db, sqlite3_stmt *st, size_t elem, row_read_fn read,
                        row_clear_fn clear, void **out, size_t *n);

/* Steps the bound statement st to its end, calling each(st, ctx) for every
 * row until one fails (its status is returned) or the database does; then
 * finalizes st. The walks of the exports and reports. */
typedef enum status (*row_each_fn)(sqlite3_stmt *st, void *ctx);
enum status row_each(struct db *db, sqlite3_stmt *st, row_each_fn each, void *ctx);

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

/* Steps st (a statement that returns no row) with db_step_done(db, st,
 * what), then finalizes it. */
enum status row_write(struct db *db, sqlite3_stmt *st, const char *what);

/* db_step_done() for a statement of db_prepare_cached(), then resets it. */
enum status row_write_cached(struct db *db, sqlite3_stmt *st, const char *what);

/* The number of a code "PREFIX-0042" (the two-letter prefix in any case),
 * or 0 when code is not such a code. */
long long row_code_number(const char *code, const char *prefix);

/* One parameter of a statement, declared: the n-th of a list binds ?n.
 * Written with ROW_INT, ROW_REAL, ROW_TEXT (NULL binds NULL), ROW_DATE
 * (unset binds NULL, else ISO text), ROW_ID (0 binds NULL), ROW_NULL, and
 * ROW_NFC (text stored in NFC; NULL binds NULL) and ROW_FOLD (its search
 * fold, "" for NULL): text that is not valid UTF-8 is ST_INVALID naming the
 * field. */
struct row_arg {
    enum { ROW_ARG_INT, ROW_ARG_REAL, ROW_ARG_TEXT, ROW_ARG_DATE, ROW_ARG_ID, ROW_ARG_NULL,
           ROW_ARG_NFC, ROW_ARG_FOLD } kind;
    long long i;
    double r;
    const char *t;
    struct date d;
    const char *field; /* ROW_NFC, ROW_FOLD: the field a bad text is reported under */
};
#define ROW_REAL(...) ((struct row_arg){.kind = ROW_ARG_REAL, .r = (__VA_ARGS__)})
#define ROW_NULL ((struct row_arg){.kind = ROW_ARG_NULL})
#define ROW_INT(...) ((struct row_arg){.kind = ROW_ARG_INT, .i = (__VA_ARGS__)})
#define ROW_TEXT(...) ((struct row_arg){.kind = ROW_ARG_TEXT, .t = (__VA_ARGS__)})
#define ROW_DATE(...) ((struct row_arg){.kind = ROW_ARG_DATE, .d = (__VA_ARGS__)})
#define ROW_ID(...) ((struct row_arg){.kind = ROW_ARG_ID, .i = (__VA_ARGS__)})
#define ROW_NFC(f, s) ((struct row_arg){.kind = ROW_ARG_NFC, .field = (f), .t = (s)})
#define ROW_FOLD(f, s) ((struct row_arg){.kind = ROW_ARG_FOLD, .field = (f), .t = (s)})

/* Binds the n args to ?first, ?first+1, … of st. A value that cannot be
 * bound (no memory, a parameter the statement does not have) is an error
 * naming its field (or "database"), never a NULL saved in its place; the
 * one way the repositories bind. */
enum status row_bind_args(sqlite3_stmt *st, int first, const struct row_arg *args, size_t n);

/* Prepares sql into *st and binds the n args to ?1..?n; with cached, a
 * statement of db_prepare_cached() (run once per row of an import, or per
 * audit line), then reset, never finalized, on failure. */
enum status row_prepare_args(struct db *db, const char *sql, bool cached, sqlite3_stmt **st,
                             const struct row_arg *args, size_t n);
/* Prepares sql, binds the args and runs it with row_write (row_write_cached
 * with cached). */
enum status row_exec_args(struct db *db, const char *sql, bool cached, const char *what,
                          const struct row_arg *args, size_t n);

/* row_bind_args for a statement built from parts (the filters of a search
 * each add their condition): an arg whose parameter the statement does not
 * hold is passed over. */
enum status row_bind_used(sqlite3_stmt *st, int first, const struct row_arg *args, size_t n);

#define ROW_ARGS(...) (const struct row_arg[]){__VA_ARGS__}, \
    sizeof((const struct row_arg[]){__VA_ARGS__}) / sizeof(struct row_arg)
/* row_bind(st, 3, ROW_INT(id), ROW_TEXT(name)) binds ?3 and ?4 */
#define row_bind(st, first, ...) row_bind_args(st, first, ROW_ARGS(__VA_ARGS__))
/* row_prepare(db, sql, &st, ROW_INT(id), ROW_TEXT(name)) */
#define row_prepare(db, sql, st, ...) row_prepare_args(db, sql, false, st, ROW_ARGS(__VA_ARGS__))
/* row_exec(db, sql, what, ROW_INT(id), ROW_TEXT(name)) */
#define row_exec(db, sql, what, ...) row_exec_args(db, sql, false, what, ROW_ARGS(__VA_ARGS__))
/* The same for a statement of db_prepare_cached(). */
#define row_prepare_cached(db, sql, st, ...) \
    row_prepare_args(db, sql, true, st, ROW_ARGS(__VA_ARGS__))
#define row_exec_cached(db, sql, what, ...) row_exec_args(db, sql, true, what, ROW_ARGS(__VA_ARGS__))

/* The integer of the first column of the first row of sql with the args
 * bound (row_int: ST_NOTFOUND, no message, when there is no row); with
 * cached, through db_prepare_cached(). A count, an id, a flag. */
enum status row_int_args(struct db *db, const char *sql, bool cached, long long *out,
                         const struct row_arg *args, size_t n);
#define row_query_int(db, sql, out, ...) row_int_args(db, sql, false, out, ROW_ARGS(__VA_ARGS__))
#define row_query_int_cached(db, sql, out, ...) \
    row_int_args(db, sql, true, out, ROW_ARGS(__VA_ARGS__))

/* Prepares sql, binds id to ?1 and runs it with row_write (a DELETE or an
 * UPDATE of one row by its id). */
enum status row_exec_id(struct db *db, const char *sql, long long id, const char *what);

/* Binds the fields of one record (a struct the caller knows) to st. */
typedef enum status (*row_bind_fn)(sqlite3_stmt *st, const void *rec);

/* Prepares sql, binds rec with bind and, when key_idx > 0, key to
 * ?key_idx (ROW_ID: 0 binds NULL), then runs it with row_write: the INSERT and UPDATE of a record
 * (sqlite3_last_insert_rowid() gives the new id of an INSERT). */
enum status row_write_rec(struct db *db, const char *sql, row_bind_fn bind, const void *rec,
                          int key_idx, long long key, const char *what);

/* Steps the bound statement st once and reads its row into out with read;
 * then finalizes st. ST_NOTFOUND when there is no row (the message is the
 * caller's to set), ST_NOMEM when read runs out of memory (out is then
 * cleared with clear), or the error through db_fail(db, what). */
enum status row_one(struct db *db, sqlite3_stmt *st, void *out, row_read_fn read,
                    row_clear_fn clear, const char *what);

/* Prepares sql, binds the args and reads its one row with row_one. */
enum status row_one_args(struct db *db, const char *sql, void *out, row_read_fn read,
                         row_clear_fn clear, const char *what, const struct row_arg *args,
                         size_t nargs);
/* row_query_one(db, sql, &rec, read, clear, what, ROW_INT(a), …) */
#define row_query_one(db, sql, out, read, clear, what, ...) \
    row_one_args(db, sql, out, read, clear, what, ROW_ARGS(__VA_ARGS__))

/* Zero-fills the elem bytes of out, prepares sql, binds id to ?1 and reads
 * the one row with row_one: the "get one record by id" of the repositories. */
enum status row_get_id(struct db *db, const char *sql, long long id, void *out, size_t elem,
                       row_read_fn read, row_clear_fn clear, const char *what);

/* Steps the bound statement st once for the integer of its first column
 * into *out, then finalizes st: ST_NOTFOUND (no message) when there is no
 * row, the error through db_fail(db, what). A count or a single id. */
enum status row_int(struct db *db, sqlite3_stmt *st, long long *out, const char *what);

/* The text (a malloc'd copy, "" for NULL) of the one-column query sql with
 * ?1 = id into *out, through row_get_id (ST_NOTFOUND, message left to the
 * caller, when there is no row; *out is then NULL). */
enum status row_text_id(struct db *db, const char *sql, long long id, char **out,
                        const char *what);

/* Prepares sql, binds the args and collects its rows with row_collect
 * (*out NULL and *n 0 on failure): the list queries of the repositories;
 * row_list for a query with no parameter (a whole table). */
enum status row_list_args(struct db *db, const char *sql, size_t elem, row_read_fn read,
                          row_clear_fn clear, void **out, size_t *n, const struct row_arg *args,
                          size_t nargs);
enum status row_list(struct db *db, const char *sql, size_t elem, row_read_fn read,
                     row_clear_fn clear, void **out, size_t *n);
/* row_query_list(db, sql, sizeof **out, read, clear, (void **)out, n, ROW_INT(a), …) */
#define row_query_list(db, sql, elem, read, clear, out, n, ...) \
    row_list_args(db, sql, elem, read, clear, out, n, ROW_ARGS(__VA_ARGS__))

/* Prepares sql, binds id to ?1 and collects its rows with row_collect: the
 * "list the records of a parent" of the repositories. */
enum status row_list_id(struct db *db, const char *sql, long long id, size_t elem,
                        row_read_fn read, row_clear_fn clear, void **out, size_t *n);


#endif
