/* holiday_repo — the holiday table, audited. */
#include <config.h>
#include "treem/db/holiday_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/db/row.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ENTITY "holiday"

void holiday_rows_free(struct holiday_row *rows, size_t n)
{
    for (size_t i = 0; rows && i < n; i++) {
        free(rows[i].name);
        free(rows[i].note);
    }
    free(rows);
}

enum status holiday_repo_load(struct db *db, struct holidays *h)
{
    sqlite3_stmt *st = NULL;
    enum status rc = db_prepare(db, "SELECT date, workday FROM holiday ORDER BY date", &st);
    int step = SQLITE_DONE;
    while (rc == ST_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        struct date d;
        if (date_parse((const char *)sqlite3_column_text(st, 0), &d) == ST_OK)
            rc = sqlite3_column_int(st, 1) ? holidays_add_workday(h, d) : holidays_add(h, d);
        else
            status_clear();
    }
    if (rc == ST_OK && step != SQLITE_DONE)
        rc = db_fail(db, _("cannot read the holidays"));
    sqlite3_finalize(st);
    return rc;
}

static bool read_row(sqlite3_stmt *st, void *elem)
{
    struct holiday_row *r = elem;
    bool ok = true;
    r->date = row_date(st, 0);
    r->name = row_text(st, 1, true, &ok);
    r->note = row_text(st, 2, true, &ok);
    r->workday = sqlite3_column_int(st, 3);
    return ok;
}

static void clear_row(void *elem)
{
    struct holiday_row *r = elem;
    free(r->name);
    free(r->note);
}

#define SELECT_ROW "SELECT date, name, note, workday FROM holiday "

enum status holiday_repo_list(struct db *db, int y, struct holiday_row **out, size_t *n)
{
    return row_list_id(db, SELECT_ROW "WHERE ?1 = 0 OR CAST(substr(date, 1, 4) AS INTEGER) = ?1 "
                       "ORDER BY date", y, sizeof **out, read_row, clear_row, (void **)out, n);
}

static const char *shown(struct date d, char buf[DATE_BUF])
{
    date_format(d, buf);
    return buf;
}

enum status holiday_repo_get(struct db *db, struct date d, struct holiday_row *out)
{
    sqlite3_stmt *st = NULL;
    char iso[DATE_BUF], buf[DATE_BUF];
    memset(out, 0, sizeof *out);
    enum status rc = row_prepare(db, SELECT_ROW "WHERE date = ?1", &st, ROW_TEXT(row_iso(d, iso)));
    if (rc != ST_OK)
        return rc;
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW && !read_row(st, out))
        rc = status_set(ST_NOMEM, "%s", _("out of memory"));
    else if (step == SQLITE_DONE)
        rc = status_set(ST_NOTFOUND, _("%s: %s is not in the holiday table"), _("date"),
                        shown(d, buf));
    else if (step != SQLITE_ROW)
        rc = db_fail(db, _("cannot read the holidays"));
    sqlite3_finalize(st);
    if (rc != ST_OK)
        clear_row(out);
    return rc;
}

/* "Tết Nguyên đán" / "Làm bù: …" and the note: what an audit line holds. */
static void describe(const struct holiday_row *r, char *buf, size_t n)
{
    snprintf(buf, n, "%s%s%s%s", r->workday ? "workday: " : "", r->name ? r->name : "",
             r->note && *r->note ? "; " : "", r->note ? r->note : "");
}

enum status holiday_repo_add(struct db *db, const struct holiday_row *r)
{
    char iso[DATE_BUF], buf[DATE_BUF], what[600];
    long long have = 0;
    row_iso(r->date, iso);
    enum status rc = db_query_int(db, "SELECT count(*) FROM holiday WHERE date = ?1", iso, &have);
    if (rc == ST_OK && have)
        return status_set(ST_EXISTS, _("%s: %s is already in the holiday table"), _("date"),
                          shown(r->date, buf));
    if (rc == ST_OK)
        rc = row_exec(db, "INSERT INTO holiday(date, name, note, workday) VALUES (?1, ?2, ?3, ?4)",
                      _("cannot save the holiday"), ROW_TEXT(iso), ROW_NFC(_("name"), r->name),
                      ROW_NFC(_("note"), r->note ? r->note : ""), ROW_INT(r->workday));
    if (rc != ST_OK)
        return rc;
    describe(r, what, sizeof what);
    if (rc == ST_OK)
        rc = audit_record(db, AUDIT_CREATE, ENTITY, iso, NULL, NULL, what);
    return rc;
}

enum status holiday_repo_delete(struct db *db, struct date d)
{
    struct holiday_row old;
    enum status rc = holiday_repo_get(db, d, &old);
    if (rc != ST_OK)
        return rc;
    char iso[DATE_BUF], what[600];
    describe(&old, what, sizeof what);
    clear_row(&old);
    rc = row_exec(db, "DELETE FROM holiday WHERE date = ?1", _("cannot delete the holiday"),
                  ROW_TEXT(row_iso(d, iso)));
    return rc == ST_OK ? audit_record(db, AUDIT_DELETE, ENTITY, iso, NULL, what, NULL) : rc;
}

enum status holiday_repo_count(struct db *db, long long *n)
{
    return db_query_int(db, "SELECT count(*) FROM holiday", NULL, n);
}
