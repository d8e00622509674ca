/* holiday_table — the officer's holiday table (`treem holiday list|add|
 * delete` and the Ngày lễ screen of Cài đặt): public holidays (days off)
 * and make-up working days ("làm bù", a Saturday or Sunday worked). The
 * working-day deadlines of the case process are computed from it each time
 * they are shown, so a change moves every deadline it touches. Each change
 * is one transaction with an audit line holding the old value. */
#ifndef TREEM_APP_HOLIDAY_TABLE_H
#define TREEM_APP_HOLIDAY_TABLE_H
#include "treem/db/holiday_repo.h"

/* The rows of year y (0 = every year), by date. */
enum status holiday_table_list(struct db *db, int y, struct holiday_row **out, size_t *n);

/* Adds a day: date_text dd/mm/yyyy (ST_INVALID naming "date"), name not
 * empty ("name"); a make-up working day must be a Saturday or Sunday. */
enum status holiday_table_add(struct db *db, const char *date_text, const char *name,
                              bool workday);

/* Deletes the day date_text (ST_NOTFOUND naming it). */
enum status holiday_table_delete(struct db *db, const char *date_text);

/* Years from `from` to `to` that the table holds no holiday for, as
 * "2028, 2029" into out ("" when all are covered): deadlines in those
 * years skip only weekends. */
enum status holiday_table_missing_years(struct db *db, int from, int to, char *out, size_t n);

/* The warning for deadlines: when a day-counted deadline of items falls in
 * a year the table holds no holiday for, "deadlines in 2031 skip only
 * weekends: the holiday table has no holiday that year" into out (n
 * bytes), else "". */
struct case_open_item;
enum status holiday_table_warning(struct db *db, const struct case_open_item *items, size_t nitems,
                                  char *out, size_t n);

#endif
