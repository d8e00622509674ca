/* demo_support — the demo register's help records and children at risk:
 * most children in special circumstances helped this year (home visits,
 * money or goods, health care, schooling …, by the departments and mass
 * organisations of seed 000), a tenth not yet, some helped last year too;
 * a few children at risk of falling into special circumstances. Dates are
 * relative to today; deterministic. */
#ifndef TREEM_APP_DEMO_SUPPORT_H
#define TREEM_APP_DEMO_SUPPORT_H
#include "treem/db/db.h"

/* Adds them inside the caller's transaction (demo_build), after the
 * children. */
enum status demo_support_fill(struct db *db);

#endif
