/* case_step_edit — corrections of the steps of a case: change a saved step,
 * delete one (with its risk ratings and plan items), replace the ratings
 * and plan items of a step. Every change appends audit lines holding the
 * old values (entities "case_step", "case_risk", "case_service"), so
 * nothing is lost; callers validate (model/case_rules.h) and hold the
 * transaction. */
#ifndef TREEM_DB_CASE_STEP_EDIT_H
#define TREEM_DB_CASE_STEP_EDIT_H
#include "treem/db/db.h"
#include "treem/model/case.h"

/* Writes s over the saved step old (same id and case): kind, date and
 * hour, emergency, end, who, notes; one audit line per changed field with
 * the old and the new value. ST_NOTFOUND when the step is not of the case. */
enum status case_step_edit_update(struct db *db, const struct case_step *old,
                                  const struct case_step *s);

/* Deletes the ratings and plan items of step step_id: one "delete" audit
 * line each, holding what was deleted. */
enum status case_step_edit_clear_details(struct db *db, long long step_id);

/* Deletes step s (as saved) with its ratings and plan items; a "delete"
 * audit line holding the whole step ("case 3: detailed 2026-03-16 07:00;
 * who …; notes …"). ST_NOTFOUND when it is gone. */
enum status case_step_edit_delete(struct db *db, const struct case_step *s);

/* The text the audit line of a deleted step holds (malloc'd; NULL when out
 * of memory). */
char *case_step_edit_summary(const struct case_step *s);

#endif
