/* row — binding and reading helpers for the repositories. */
#include <config.h>
#include "treem/db/row.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A bind's result: a value that could not be bound is an error naming the
 * field (NULL: "database"), never a NULL saved in its place. */
static enum status bound(int rc, const char *field)
{
    if (rc == SQLITE_OK)
        return ST_OK;
    return status_set(rc == SQLITE_NOMEM ? ST_NOMEM : ST_DB, "%s: %s", field ? field : _("database"),
                      sqlite3_errstr(rc));
}

/* Binds the NFC form of s (NULL binds NULL). ST_INVALID naming `field` when
 * s is not valid UTF-8, ST_NOMEM when out of memory. */
static enum status row_bind_nfc(sqlite3_stmt *st, int idx, const char *field, const char *s)
{
    if (!s)
        return bound(sqlite3_bind_null(st, idx), field);
    char *nfc = utf8_nfc(s);
    if (!nfc) {
        if (!utf8_valid(s, strlen(s)))
            return status_set(ST_INVALID, _("%s: the text is not valid UTF-8"), field);
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    return bound(sqlite3_bind_text(st, idx, nfc, -1, free), field); /* frees nfc on failure too */
}

/* Binds utf8_fold(s) ("" for NULL). */
static enum status row_bind_fold(sqlite3_stmt *st, int idx, const char *field, const char *s)
{
    char *fold = utf8_fold(s ? s : "");
    if (!fold) {
        if (s && !utf8_valid(s, strlen(s)))
            return status_set(ST_INVALID, _("%s: the text is not valid UTF-8"), field);
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    return bound(sqlite3_bind_text(st, idx, fold, -1, free), field);
}

/* Binds a date as ISO text, or NULL when it is unset (y == 0). */
static int row_bind_date(sqlite3_stmt *st, int idx, struct date d)
{
    if (d.y == 0)
        return sqlite3_bind_null(st, idx);
    char buf[DATE_BUF];
    date_iso(d, buf);
    return sqlite3_bind_text(st, idx, buf, -1, SQLITE_TRANSIENT);
}

/* Binds id, or NULL when id is 0. */
static int row_bind_id(sqlite3_stmt *st, int idx, long long id)
{
    return id ? sqlite3_bind_int64(st, idx, id) : sqlite3_bind_null(st, idx);
}

char *row_text(sqlite3_stmt *st, int col, bool null_empty, bool *ok)
{
    const unsigned char *s = sqlite3_column_text(st, col);
    if (!s && !null_empty)
        return NULL;
    char *copy = strdup(s ? (const char *)s : "");
    if (!copy)
        *ok = false;
    return copy;
}

const char *row_str(sqlite3_stmt *st, int col)
{
    const unsigned char *s = sqlite3_column_text(st, col);
    return s ? (const char *)s : "";
}

void row_copy_text(sqlite3_stmt *st, int col, char *buf, size_t n)
{
    snprintf(buf, n, "%s", row_str(st, col));
}

struct date row_date(sqlite3_stmt *st, int col)
{
    const unsigned char *s = sqlite3_column_text(st, col);
    struct date d = {0, 0, 0};
    if (!s)
        return d;
    /* Stored dates are ISO: parse them without touching the status message. */
    int y, m, dd;
    char extra;
    if (sscanf((const char *)s, "%4d-%2d-%2d%c", &y, &m, &dd, &extra) == 3) {
        struct date r = {y, m, dd};
        if (date_valid(r))
            return r;
    }
    return d;
}

const char *row_iso(struct date d, char buf[DATE_BUF])
{
    if (d.y == 0)
        buf[0] = '\0';
    else
        date_iso(d, buf);
    return buf;
}

bool row_grow(void *arr, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return true;
    /* arr points at the caller's `struct x *`: copied through memcpy so
     * that no pointer is read or written through a mismatched type. */
    void *cur;
    memcpy(&cur, arr, sizeof cur);
    size_t ncap = *cap ? *cap * 2 : 8;
    char *grown = realloc(cur, ncap * elem);
    if (!grown)
        return false;
    memset(grown + *cap * elem, 0, (ncap - *cap) * elem);
    memcpy(arr, &grown, sizeof grown);
    *cap = ncap;
    return true;
}

bool row_next(struct db *db, sqlite3_stmt *st, enum status *rc)
{
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW)
        return true;
    if (step != SQLITE_DONE && *rc == ST_OK)
        *rc = db_fail(db, _("cannot read the database"));
    return false;
}

enum status row_each(struct db *db, sqlite3_stmt *st, row_each_fn each, void *ctx)
{
    enum status rc = ST_OK;
    while (rc == ST_OK && row_next(db, st, &rc))
        rc = each(st, ctx);
    sqlite3_finalize(st);
    return rc;
}

enum status row_collect(struct db *db, sqlite3_stmt *st, size_t elem, row_read_fn read,
                        row_clear_fn clear, void **out, size_t *n)
{
    char *arr = NULL;
    size_t cap = 0, count = 0;
    enum status rc = ST_OK;
    while (rc == ST_OK && row_next(db, st, &rc)) {
        if (!row_grow(&arr, &cap, count, elem) || !read(st, arr + count++ * elem))
            rc = status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    sqlite3_finalize(st);
    if (rc != ST_OK) {
        for (size_t i = 0; clear && i < count; i++)
            clear(arr + i * elem);
        free(arr);
        arr = NULL;
        count = 0;
    }
    *out = arr;
    *n = count;
    return rc;
}

static bool read_text(sqlite3_stmt *st, void *elem)
{
    bool ok = true;
    *(char **)elem = row_text(st, 0, true, &ok);
    return ok;
}

static void clear_text(void *elem)
{
    free(*(char **)elem);
}

enum status row_list_args(struct db *db, const char *sql, size_t elem, row_read_fn read,
                          row_clear_fn clear, void **out, size_t *n, const struct row_arg *args,
                          size_t nargs)
{
    sqlite3_stmt *st = NULL;
    *out = NULL;
    *n = 0;
    enum status rc = row_prepare_args(db, sql, false, &st, args, nargs);
    return rc == ST_OK ? row_collect(db, st, elem, read, clear, out, n) : rc;
}

enum status row_list(struct db *db, const char *sql, size_t elem, row_read_fn read,
                     row_clear_fn clear, void **out, size_t *n)
{
    return row_list_args(db, sql, elem, read, clear, out, n, NULL, 0);
}

enum status row_query_texts(struct db *db, const char *sql, char ***out, size_t *n)
{
    return row_list(db, sql, sizeof **out, read_text, clear_text, (void **)out, n);
}

static bool read_id(sqlite3_stmt *st, void *elem)
{
    *(long long *)elem = sqlite3_column_int64(st, 0);
    return true;
}

static void clear_id(void *elem)
{
    (void)elem;
}

enum status row_collect_ids(struct db *db, sqlite3_stmt *st, long long **out, size_t *n)
{
    return row_collect(db, st, sizeof **out, read_id, clear_id, (void **)out, n);
}

enum status row_write(struct db *db, sqlite3_stmt *st, const char *what)
{
    enum status rc = db_step_done(db, st, what);
    sqlite3_finalize(st);
    return rc;
}

static enum status bind_one(sqlite3_stmt *st, int idx, const struct row_arg *a)
{
    switch (a->kind) {
    case ROW_ARG_NFC: return row_bind_nfc(st, idx, a->field, a->t);
    case ROW_ARG_FOLD: return row_bind_fold(st, idx, a->field, a->t);
    case ROW_ARG_INT: return bound(sqlite3_bind_int64(st, idx, a->i), NULL);
    case ROW_ARG_TEXT: return bound(db_bind_text(st, idx, a->t), NULL);
    case ROW_ARG_DATE: return bound(row_bind_date(st, idx, a->d), NULL);
    case ROW_ARG_ID: return bound(row_bind_id(st, idx, a->i), NULL);
    case ROW_ARG_REAL: return bound(sqlite3_bind_double(st, idx, a->r), NULL);
    case ROW_ARG_NULL: break;
    }
    return bound(sqlite3_bind_null(st, idx), NULL);
}

/* Binds the args; with used_only, only those of parameters st holds. */
static enum status bind_list(sqlite3_stmt *st, int first, const struct row_arg *args, size_t n,
                             bool used_only)
{
    enum status rc = ST_OK;
    for (size_t i = 0; rc == ST_OK && i < n; i++) {
        int idx = first + (int)i;
        if (!used_only || sqlite3_bind_parameter_name(st, idx))
            rc = bind_one(st, idx, &args[i]);
    }
    return rc;
}

enum status row_bind_args(sqlite3_stmt *st, int first, const struct row_arg *args, size_t n)
{
    return bind_list(st, first, args, n, false);
}

enum status row_bind_used(sqlite3_stmt *st, int first, const struct row_arg *args, size_t n)
{
    return bind_list(st, first, args, n, true);
}

/* Done with st: a statement of db_prepare_cached() is reset for its next
 * use, another one finalized. */
static void release(sqlite3_stmt *st, bool cached)
{
    if (cached)
        sqlite3_reset(st);
    else
        sqlite3_finalize(st);
}

enum status row_prepare_args(struct db *db, const char *sql, bool cached, sqlite3_stmt **st,
                             const struct row_arg *args, size_t n)
{
    enum status rc = cached ? db_prepare_cached(db, sql, st) : db_prepare(db, sql, st);
    if (rc != ST_OK || (rc = row_bind_args(*st, 1, args, n)) == ST_OK)
        return rc;
    release(*st, cached);
    if (!cached)
        *st = NULL;
    return rc;
}

/* Steps st once for the integer of its first column into *out (row_int),
 * or, out NULL, to its end (db_step_done); does not release it. */
static enum status step_once(struct db *db, sqlite3_stmt *st, long long *out, const char *what)
{
    if (!out)
        return db_step_done(db, st, what);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW)
        *out = sqlite3_column_int64(st, 0);
    else
        return step == SQLITE_DONE ? ST_NOTFOUND : db_fail(db, what);
    return ST_OK;
}

/* Prepares sql, binds the args and runs it once with step_once. */
static enum status run_args(struct db *db, const char *sql, bool cached, long long *out,
                            const char *what, const struct row_arg *args, size_t n)
{
    sqlite3_stmt *st;
    enum status rc = row_prepare_args(db, sql, cached, &st, args, n);
    if (rc != ST_OK)
        return rc;
    rc = step_once(db, st, out, what);
    release(st, cached);
    return rc;
}

enum status row_exec_args(struct db *db, const char *sql, bool cached, const char *what,
                          const struct row_arg *args, size_t n)
{
    return run_args(db, sql, cached, NULL, what, args, n);
}

enum status row_int_args(struct db *db, const char *sql, bool cached, long long *out,
                         const struct row_arg *args, size_t n)
{
    return run_args(db, sql, cached, out, _("database"), args, n);
}

enum status row_exec_id(struct db *db, const char *sql, long long id, const char *what)
{
    return row_exec(db, sql, what, ROW_INT(id));
}

enum status row_write_rec(struct db *db, const char *sql, row_bind_fn bind, const void *rec,
                          int key_idx, long long key, const char *what)
{
    sqlite3_stmt *st;
    enum status rc = db_prepare(db, sql, &st);
    if (rc != ST_OK)
        return rc;
    rc = bind(st, rec);
    if (rc == ST_OK && key_idx > 0)
        rc = row_bind(st, key_idx, ROW_ID(key));
    if (rc != ST_OK) {
        sqlite3_finalize(st);
        return rc;
    }
    return row_write(db, st, what);
}

enum status row_one(struct db *db, sqlite3_stmt *st, void *out, row_read_fn read,
                    row_clear_fn clear, const char *what)
{
    enum status rc = ST_OK;
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW && !read(st, out)) {
        if (clear)
            clear(out);
        rc = status_set(ST_NOMEM, "%s", _("out of memory"));
    } else if (step == SQLITE_DONE) {
        rc = ST_NOTFOUND;
    } else if (step != SQLITE_ROW) {
        rc = db_fail(db, what);
    }
    sqlite3_finalize(st);
    return rc;
}

enum status row_one_args(struct db *db, const char *sql, void *out, row_read_fn read,
                         row_clear_fn clear, const char *what, const struct row_arg *args,
                         size_t nargs)
{
    sqlite3_stmt *st;
    enum status rc = row_prepare_args(db, sql, false, &st, args, nargs);
    return rc == ST_OK ? row_one(db, st, out, read, clear, what) : rc;
}

enum status row_get_id(struct db *db, const char *sql, long long id, void *out, size_t elem,
                       row_read_fn read, row_clear_fn clear, const char *what)
{
    memset(out, 0, elem);
    return row_query_one(db, sql, out, read, clear, what, ROW_INT(id));
}

enum status row_list_id(struct db *db, const char *sql, long long id, size_t elem,
                        row_read_fn read, row_clear_fn clear, void **out, size_t *n)
{
    return row_query_list(db, sql, elem, read, clear, out, n, ROW_INT(id));
}


enum status row_text_id(struct db *db, const char *sql, long long id, char **out,
                        const char *what)
{
    return row_get_id(db, sql, id, out, sizeof *out, read_text, clear_text, what);
}

enum status row_int(struct db *db, sqlite3_stmt *st, long long *out, const char *what)
{
    enum status rc = step_once(db, st, out, what);
    release(st, false);
    return rc;
}

enum status row_write_cached(struct db *db, sqlite3_stmt *st, const char *what)
{
    enum status rc = db_step_done(db, st, what);
    sqlite3_reset(st);
    return rc;
}

long long row_code_number(const char *code, const char *prefix)
{
    if (!code || toupper((unsigned char)code[0]) != prefix[0] ||
        toupper((unsigned char)code[1]) != prefix[1] || code[2] != '-')
        return 0;
    long long n = 0;
    for (const char *p = code + 3; *p; p++) {
        if (!isdigit((unsigned char)*p) || n > 100000000)
            return 0;
        n = n * 10 + (*p - '0');
    }
    return n;
}
