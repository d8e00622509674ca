/* unit_repo — look-ups in the shipped unit list. */
#include <config.h>
#include "treem/db/unit_repo.h"
#include "treem/db/row.h"
#include "treem/core/i18n.h"
#include "treem/core/strbuf.h"

#include <stdlib.h>
#include <string.h>

#define UNIT_SELECT \
    "SELECT u.code, u.province_code, u.full_name, p.name FROM unit u " \
    "JOIN province p ON p.code = u.province_code "

void unit_row_clear(struct unit_row *r)
{
    free(r->code);
    free(r->province_code);
    free(r->full_name);
    free(r->province_name);
    memset(r, 0, sizeof *r);
}

static void clear_row(void *elem)
{
    unit_row_clear(elem);
}

void unit_rows_free(struct unit_row *rows, size_t n)
{
    for (size_t i = 0; rows && i < n; i++)
        unit_row_clear(&rows[i]);
    free(rows);
}

static bool read_row(sqlite3_stmt *st, void *elem)
{
    struct unit_row *r = elem;
    bool ok = true;
    r->code = row_text(st, 0, true, &ok);
    r->province_code = row_text(st, 1, true, &ok);
    r->full_name = row_text(st, 2, true, &ok);
    r->province_name = row_text(st, 3, true, &ok);
    return ok;
}

enum status unit_repo_get(struct db *db, const char *code, struct unit_row *out)
{
    sqlite3_stmt *st;
    memset(out, 0, sizeof *out);
    enum status rc = row_prepare(db, UNIT_SELECT "WHERE u.code = ?1", &st, ROW_TEXT(code));
    if (rc != ST_OK)
        return rc;
    if (row_next(db, st, &rc) && !read_row(st, out)) {
        unit_row_clear(out);
        rc = status_set(ST_NOMEM, "%s", _("out of memory"));
    } else if (rc == ST_OK && !out->code) {
        rc = ST_NOTFOUND;
    }
    sqlite3_finalize(st);
    return rc;
}

enum status unit_repo_search(struct db *db, const char *province_code, const char *const *words,
                             size_t nwords, size_t max, struct unit_row **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct strbuf sql = STRBUF_INIT;
    strbuf_puts(&sql, UNIT_SELECT "WHERE (?1 IS NULL OR u.province_code = ?1)");
    for (size_t i = 0; i < nwords; i++)
        strbuf_printf(&sql, " AND instr(' ' || u.name_fold || ' ' || p.name_fold, ' ' || ?%zu) > 0",
                      i + 2);
    strbuf_printf(&sql, " ORDER BY u.province_code, u.full_name LIMIT %zu", max);
    sqlite3_stmt *st;
    enum status rc = db_prepare(db, strbuf_str(&sql), &st);
    strbuf_free(&sql);
    if (rc != ST_OK)
        return rc;
    rc = row_bind(st, 1, ROW_TEXT(province_code));
    for (size_t i = 0; rc == ST_OK && i < nwords; i++)
        rc = row_bind(st, (int)i + 2, ROW_TEXT(words[i]));
    if (rc == ST_OK)
        return row_collect(db, st, sizeof **out, read_row, clear_row, (void **)out, n);
    sqlite3_finalize(st);
    return rc;
}
