/* measures — the values of the register that plan targets (and later the
 * criteria) are linked to, computed from app/child_stats. Installed once by
 * session_open() as the plans' measure provider. */
#ifndef TREEM_APP_MEASURES_H
#define TREEM_APP_MEASURES_H
#include "treem/app/plan.h"

/* The plan_measure_fn of the register: ST_OK with the rate (in %) and the
 * counts behind it; ST_NOTFOUND when the register cannot give it (no
 * children counted, or a measure that needs data the register does not
 * keep, such as "helped"). */
enum status measures_plan(struct db *db, enum plan_measure m, int year, struct date on,
                          struct plan_measured *out);

#endif
