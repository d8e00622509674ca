/* case_edit — corrections of case records (`treem case edit|step-edit|
 * step-delete` and the Vụ việc screens): change the intake, change or
 * delete a step, and the kinds of step that may come at a place of the
 * timeline (Nghị định 56/2017 order, model/case_rules.h). Each change is
 * one transaction; the audit log keeps every old value. The order rule:
 * a change that would leave a step out of order is refused with the
 * reason, unless the saved steps were already out of order (records made
 * before the rule), so such a case can be put right step by step. The
 * deadlines follow from the steps, so a deleted step brings back the
 * deadlines it had met. */
#ifndef TREEM_APP_CASE_EDIT_H
#define TREEM_APP_CASE_EDIT_H
#include "treem/app/cases.h"

/* Saves the changed intake c (read with cases_find or case_repo_get, then
 * changed; c->rev as read): texts tidied, case_validate() as of
 * date_now(), the child (if set) in the register, every step still after
 * the date received. ST_INVALID naming the field, ST_CONFLICT when the
 * case changed meanwhile. One audit line per changed field. */
enum status case_edit_intake(struct db *db, struct case_file *c);

/* Saves step s over the saved step s->id of case s->case_id. Only an
 * initial assessment keeps `emergency` and only a separation its end (they
 * are dropped for other kinds). With replace true the step's ratings and
 * plan items become risks/items (validated as for a new step); otherwise
 * they stay, unless the kind changed (then those that no longer fit go,
 * audited). ST_NOTFOUND naming the step, ST_INVALID naming the field. */
enum status case_edit_step(struct db *db, struct case_step *s, bool replace,
                           struct case_risk *risks, size_t nrisks,
                           struct case_service *items, size_t nitems);

/* Deletes step step_id of case case_id with its ratings and plan items (the
 * audit line holds them). Refused when a later step would then be out of
 * order (the reason names it). The stage and deadlines follow. */
enum status case_edit_delete_step(struct db *db, long long case_id, long long step_id);

/* One step of a case (case_step_free it); ST_NOTFOUND naming it. */
enum status case_edit_get_step(struct db *db, long long case_id, long long step_id,
                               struct case_step *out);

/* The kinds of step that may be recorded now (step_id 0: a new step after
 * the others) or in place of step step_id (its own kind always included),
 * in CASE_STEP_LIST order, into out; *n how many. */
enum status case_edit_next_kinds(struct db *db, long long case_id, long long step_id,
                                 int out[CASE_STEP__COUNT], size_t *n);

#endif
