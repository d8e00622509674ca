/* demo_cases — the cases of the demonstration ward: six made-up but
 * realistic cases at different stages of the Nghị định 56/2017 process
 * (just received, being assessed, a plan overdue, awaiting approval,
 * carrying out with a separation that ended, closed), dated back from
 * date_now() so that the deadlines mean something on any TREEM_TODAY. */
#ifndef TREEM_APP_DEMO_CASES_H
#define TREEM_APP_DEMO_CASES_H
#include "treem/db/db.h"

/* Adds the demo cases inside the caller's transaction (demo_build), linked
 * to children under 16 of the demo register (which must be filled). */
enum status demo_cases_fill(struct db *db);

#endif
