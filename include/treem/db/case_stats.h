/* case_stats — yearly counts of the case records that the criteria need
 * (QĐ 06 criteria 3, 5 and 6.2): cases received in a year by kind, and the
 * share of the gravest ones (sexual abuse, abandonment, trafficking) whose
 * plan the chairman approved. Counts only: no names leave this module. */
#ifndef TREEM_DB_CASE_STATS_H
#define TREEM_DB_CASE_STATS_H
#include "treem/db/db.h"

/* Cases received in `year` whose kind is one of the NULL-terminated codes
 * (case_file.kind, e.g. "violence"). */
enum status case_stats_count(struct db *db, int year, const char *const *kinds, long long *n);

/* Of the cases of those kinds received in `year` (*den), how many have an
 * approval step (*num). */
enum status case_stats_approved(struct db *db, int year, const char *const *kinds,
                                long long *num, long long *den);

#endif
