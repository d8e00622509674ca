/* cases_internal — what the app's case modules (cases.c, case_edit.c,
 * score_cases.c) share (not public). */
#ifndef TREEM_APP_CASES_INTERNAL_H
#define TREEM_APP_CASES_INTERNAL_H
#include "treem/app/cases.h"

/* *s made NFC and trimmed (NULL stays NULL); false for bad UTF-8. */
bool cases_tidy(char **s);
/* The intake c made ready to store: every text tidied (the reporter's
 * empty texts dropped without consent), then validated (model/case.h).
 * ST_INVALID naming the field. */
enum status cases_check_intake(struct case_file *c);
/* A case with its saved steps (time order), as the actions on steps read it. */
struct case_with_steps {
    struct case_file c;
    struct case_step *steps;
    size_t n;
};
/* Reads case case_id and its steps into *out (cases_unload). On failure
 * *out is left empty. No visibility check: the caller's. */
enum status cases_load(struct db *db, long long case_id, struct case_with_steps *out);
void cases_unload(struct case_with_steps *w);
/* ST_NOTFOUND naming the child when child_id (non-zero) is not in the register. */
enum status cases_check_child(struct db *db, long long child_id, struct date received);
/* Stores the ratings / plan items of step s (validated first). */
enum status cases_add_details(struct db *db, const struct case_step *s,
                              struct case_risk *risks, size_t nrisks,
                              struct case_service *items, size_t nitems);
/* Re-derives the stage of the case from its saved steps and stores it. */
enum status cases_refresh_stage(struct db *db, long long case_id);

/* Checks the order of a candidate sequence of steps (any order: sorted
 * here in place) of case c. When the first wrong step is not the one whose
 * id is changed_id (0 = the new step, -1 = none, after a deletion), the
 * message says the change would leave that step out of order. ST_INVALID
 * naming the field ("step", or `field` when given). */
enum status cases_check_order(const struct case_file *c, struct case_step *steps, size_t n,
                              long long changed_id, const char *field);

#endif
