/* case_step_repo — the steps of a case (case_step) with the risk ratings of
 * detailed assessments (case_risk) and the services of plans
 * (case_service): insert, end a separation, read in time order. Every write
 * appends an audit line (entities "case_step", "case_risk", "case_service");
 * callers validate (model/case_rules.h) and hold the transaction. */
#ifndef TREEM_DB_CASE_STEP_REPO_H
#define TREEM_DB_CASE_STEP_REPO_H
#include "treem/db/db.h"
#include "treem/model/case.h"

/* Inserts s (s->case_id set), recorded by db_actor(db); sets s->id. */
enum status case_step_repo_insert(struct db *db, struct case_step *s);
/* Rewrites the fields of step s->id of case s->case_id (kind, times,
 * emergency, who, notes), with no audit line (case_step_edit_update writes
 * them). ST_NOTFOUND when the case has no such step. */
enum status case_step_repo_rewrite(struct db *db, const struct case_step *s);
/* Sets the end of separation step_id of case case_id. ST_NOTFOUND when there
 * is no such separation. */
enum status case_step_repo_set_end(struct db *db, long long case_id,
                                   long long step_id, struct datetime end);
/* The steps of a case in time order (then by id); case_steps_free. */
enum status case_step_repo_list(struct db *db, long long case_id, struct case_step **out,
                                size_t *n);
/* Inserts a rating of detailed-assessment step r->step_id; sets r->id. */
enum status case_step_repo_add_risk(struct db *db, struct case_risk *r);
/* Inserts a plan item of plan step v->step_id; sets v->id. ST_NOTFOUND
 * naming the field when the department does not exist. */
enum status case_step_repo_add_service(struct db *db, struct case_service *v);
/* Every rating / plan item of a case, by step then id (free with
 * case_risks_free / case_services_free). */
enum status case_step_repo_risks(struct db *db, long long case_id, struct case_risk **out,
                                 size_t *n);
enum status case_step_repo_services(struct db *db, long long case_id, struct case_service **out,
                                    size_t *n);

#endif
