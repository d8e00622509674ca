/* score_cases — the case records' measures for the score sheet (abuse and
 * accident counts and rates per 1,000 children, the gravest cases with a
 * chairman-approved plan), installed by session_prepare next to the
 * register's provider. */
#ifndef TREEM_APP_SCORE_CASES_H
#define TREEM_APP_SCORE_CASES_H
#include "treem/app/score.h"

/* A score_measure_fn: ST_NOTFOUND for measures it does not know, and for a
 * share with nothing to count. */
enum status score_cases_measure(struct db *db, enum measure m, int year,
                                struct score_measured *out);

#endif
