/* score_register — the measure provider that reads the register of children
 * through app/measures (the computation the plan targets use, so a plan's
 * target and the criterion it serves show the same figure): births
 * registered on time, under-1 vaccination, under-5 underweight and stunting,
 * yearly health checks, pre-school attendance, children in special
 * circumstances helped, health insurance. Measures of the case files
 * (abuse, injuries, approved plans) answer ST_NOTFOUND, as does
 * a measure whose denominator is 0 (no such children in the register). */
#ifndef TREEM_APP_SCORE_REGISTER_H
#define TREEM_APP_SCORE_REGISTER_H
#include "treem/app/score.h"

/* A score_measure_fn. Rates are num × 100 / den; `basis` says "num / den".
 * Measures taken on a day (malnutrition, pre-school) use 31/12 of year, or
 * today when that is earlier. */
enum status score_register_measure(struct db *db, enum measure m, int year,
                                   struct score_measured *out);

#endif
