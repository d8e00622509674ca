/* holiday_repo — the holiday table: public holidays (days off) and
 * make-up working days ("làm bù"), which the deadlines of the case process
 * count with. Read into a struct holidays, list a year, add, delete; every
 * change appends an audit line (entity "holiday", the ISO date) holding the
 * old value. Callers validate and hold the transaction. */
#ifndef TREEM_DB_HOLIDAY_REPO_H
#define TREEM_DB_HOLIDAY_REPO_H
#include <stddef.h>
#include "treem/db/db.h"
#include "treem/core/date.h"

struct holiday_row {
    struct date date;
    char *name, *note;
    bool workday;         /* a make-up working day, not a day off */
};
void holiday_rows_free(struct holiday_row *rows, size_t n);

/* Every row into h (days off and make-up working days). */
enum status holiday_repo_load(struct db *db, struct holidays *h);

/* The rows of year y (0 = all), by date (holiday_rows_free). */
enum status holiday_repo_list(struct db *db, int y, struct holiday_row **out, size_t *n);

/* The row of date d: ST_NOTFOUND naming the date. */
enum status holiday_repo_get(struct db *db, struct date d, struct holiday_row *out);

/* Adds r; ST_EXISTS naming the date when it is in the table already. */
enum status holiday_repo_add(struct db *db, const struct holiday_row *r);

/* Deletes the row of date d (its old value in the audit line);
 * ST_NOTFOUND naming the date. */
enum status holiday_repo_delete(struct db *db, struct date d);

/* How many holidays the table holds in *n; the database error otherwise. */
enum status holiday_repo_count(struct db *db, long long *n);

#endif
