/* holiday_table — add, delete and list the holiday table. */
#include <config.h>
#include "treem/app/holiday_table.h"
#include "treem/app/tx.h"
#include "treem/app/catalog.h"
#include "treem/model/case_rules.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum status holiday_table_list(struct db *db, int y, struct holiday_row **out, size_t *n)
{
    return holiday_repo_list(db, y, out, n);
}

static enum status parse_date(const char *text, struct date *d)
{
    if (date_parse(text ? text : "", d) == ST_OK)
        return ST_OK;
    char *why = strdup(status_message());
    enum status rc = status_set(ST_INVALID, _("%s: %s (write dd/mm/yyyy)"), _("date"),
                                why ? why : "");
    free(why);
    return rc;
}

enum status holiday_table_add(struct db *db, const char *date_text, const char *name,
                              bool workday)
{
    struct holiday_row r = {{0, 0, 0}, NULL, (char *)"", workday};
    enum status rc = parse_date(date_text, &r.date);
    if (rc != ST_OK)
        return rc;
    if (workday && date_weekday(r.date) < 5)
        return status_set(ST_INVALID, _("%s: %s is not a Saturday or Sunday: a make-up working "
                                        "day (làm bù) is a weekend day worked"), _("date"),
                          date_text);
    r.name = utf8_nfc(name ? name : "");
    if (!r.name)
        return status_set(ST_INVALID, _("%s: the text is not valid UTF-8"), _("name"));
    char *fold = utf8_fold(r.name);
    bool empty = !fold || !*fold;
    free(fold);
    if (empty) {
        free(r.name);
        return status_set(ST_INVALID, _("%s: please fill in"), _("name"));
    }
    rc = db_begin(db);
    if (rc == ST_OK)
        rc = tx_end(db, holiday_repo_add(db, &r));
    free(r.name);
    return rc;
}

enum status holiday_table_delete(struct db *db, const char *date_text)
{
    struct date d;
    enum status rc = parse_date(date_text, &d);
    if (rc == ST_OK)
        rc = db_begin(db);
    if (rc == ST_OK)
        rc = tx_end(db, holiday_repo_delete(db, d));
    return rc;
}

enum status holiday_table_missing_years(struct db *db, int from, int to, char *out, size_t n)
{
    struct holidays h = {0};
    enum status rc = catalog_holidays(db, &h);
    size_t len = 0;
    out[0] = '\0';
    for (int y = from; rc == ST_OK && y <= to; y++)
        if (!holidays_cover_year(&h, y) && len + 8 < n)
            len += (size_t)snprintf(out + len, n - len, "%s%d", len ? ", " : "", y);
    holidays_free(&h);
    return rc;
}

enum status holiday_table_warning(struct db *db, const struct case_open_item *items, size_t nitems,
                                  char *out, size_t n)
{
    out[0] = '\0';
    if (!nitems)
        return ST_OK;
    struct holidays h = {0};
    enum status rc = catalog_holidays(db, &h);
    for (size_t i = 0; rc == ST_OK && i < nitems && !out[0]; i++) {
        int y = items[i].due.date.y;
        if (!items[i].hourly && !holidays_cover_year(&h, y))
            snprintf(out, n, _("deadlines in %d skip only weekends: the holiday table has no "
                               "holiday that year (treem holiday add)"), y);
    }
    holidays_free(&h);
    return rc;
}
