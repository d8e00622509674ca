/* measures — the computation of the measures of model/measure.h for plan
 * targets and the score sheet alike: the register's rates from
 * app/child_stats (measures_register, also the score sheet's register
 * provider through app/score_register), and the case files' counts through
 * app/score_cases. Installed once by session_open() as the plans' measure
 * provider, so a target and the indicator it serves show the same figure. */
#ifndef TREEM_APP_MEASURES_H
#define TREEM_APP_MEASURES_H
#include "treem/app/plan.h"

/* The register's value of m on `on` (its year `year`): ST_OK with the rate
 * (in %) and the counts behind it; ST_NOTFOUND when the register cannot give
 * it (no children counted, a measure of the case files, or one that needs
 * data the register does not keep, such as record updates). */
enum status measures_register(struct db *db, enum measure m, int year, struct date on,
                              struct plan_measured *out);

/* The plan_measure_fn: measures_register, else the case files' value
 * (score_cases_measure: counts, rates per 1,000, the gravest cases' plans),
 * with numerator and denominator 0. */
enum status measures_plan(struct db *db, enum measure m, int year, struct date on,
                          struct plan_measured *out);

#endif
