/* case_stats — yearly counts of the case records that the criteria need
 * (QĐ 06 criteria 3, 5 and 6.2): cases received in a year by kind, the
 * distinct children behind them, and the ids of the cases whose plan's
 * timeliness criterion 6.2 judges. Counts only: no names leave this module. */
#ifndef TREEM_DB_CASE_STATS_H
#define TREEM_DB_CASE_STATS_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/db/db.h"

/* Cases received in `year` whose kind is one of the NULL-terminated codes
 * (case_file.kind, e.g. "violence"). */
enum status case_stats_count(struct db *db, int year, const char *const *kinds, long long *n);

/* The distinct children of the cases received in `year` whose kind is one
 * of kinds (died_only: only the cases where the child died). A case of an
 * unidentified child counts as one child. */
enum status case_stats_children(struct db *db, int year, const char *const *kinds, bool died_only,
                                long long *n);

/* The ids of the cases received in `year` whose kind is one of kinds, in
 * id order; *ids malloc'd (caller frees). */
enum status case_stats_ids(struct db *db, int year, const char *const *kinds, long long **ids,
                           size_t *n);

#endif
