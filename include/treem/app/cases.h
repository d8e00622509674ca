/* cases — the use cases of case records (Nghị định 56/2017) for the cases
 * screens and `treem case`: record an intake, record the steps (with risk
 * ratings and plan items), link an unidentified child to the register, end a
 * separation, delete; the cases list and the due list with deadlines
 * computed from the dates and the holiday table; the counts for the home
 * screen; and who may see what (the "role" setting). Every change is one
 * transaction with its audit lines by db_actor(db).
 *
 * Confidentiality (Nghị định 56/2017 Điều 24; for the security work to extend):
 * the reporter's identity is stored only with consent, is never part of a
 * list row (struct case_row has no reporter), and is shown by the case file
 * only when case_may_see_reporter(role). Lists show a child's name only when
 * case_may_see_child_name(role), else the child's code. The role comes from
 * the setting "role" (officer | collaborator | viewer): unset means officer
 * (the single-user program of today), an unknown value means viewer (fail
 * closed). Log-in and per-user roles will replace the setting. */
#ifndef TREEM_APP_CASES_H
#define TREEM_APP_CASES_H
#include "treem/db/db.h"
#include "treem/db/case_repo.h"
#include "treem/model/case_rules.h"

/* The role of the person using the program (see above). */
enum user_role cases_role(struct db *db);

/* Records an intake: texts NFC and trimmed, case_validate() as of
 * date_now(), the child (c->child_id, if set) must exist; a new uid
 * "<commune>-<10 base32>" and code VV-nnnn. ST_INVALID naming the field. */
enum status cases_add(struct db *db, struct case_file *c);

/* Links case case_id to child child_id of the register (0 unlinks). */
enum status cases_link_child(struct db *db, long long case_id, long long child_id);

/* Records a step s (s->case_id set) with its risk ratings (detailed
 * assessments) and plan items (plans); other kinds take none. Validates with
 * case_step_validate() against the saved steps as of date_now(), stores it,
 * and stores the stage derived from all the steps. */
enum status cases_add_step(struct db *db, struct case_step *s, struct case_risk *risks,
                           size_t nrisks, struct case_service *items, size_t nitems);

/* Records when separation step_id of the case ended (not before it began,
 * not in the future). */
enum status cases_end_separation(struct db *db, long long case_id, long long step_id,
                                 struct datetime end);

/* Deletes a case with its steps (an audit line keeps its code). The front
 * ends ask twice before calling this. */
enum status cases_delete(struct db *db, long long id);

/* A case by code ("VV-0007", "vv-7", "7"). */
enum status cases_find(struct db *db, const char *code, struct case_file *out);

/* A case's steps, ratings and plan items (see case_step_repo.h). */
enum status cases_steps(struct db *db, long long case_id, struct case_step **out, size_t *n);

/* One line of the cases list: the row, the child as this role may see it,
 * and the most urgent open deadline (has_next false when none). */
struct case_line {
    struct case_row row;
    char child_shown[CHILD_NAME_BUF];
    bool has_next;
    struct case_open_item next;
};

/* Cases matching f; overdue_only keeps those with an overdue step on `now`.
 * Newest first. *out malloc'd (caller frees). */
enum status cases_list(struct db *db, const struct case_filter *f, bool overdue_only,
                       struct datetime now, struct case_line **out, size_t *n);

/* One line of the due list: every open step of every open case. */
struct case_due {
    long long case_id;
    char code[CASE_CODE_BUF];
    char child_shown[CHILD_NAME_BUF];
    int kind;                       /* enum case_kind */
    struct case_open_item item;
};

/* The due list on `now`: overdue first, then almost due, then the rest;
 * each group by deadline. *out malloc'd (caller frees). */
enum status cases_due(struct db *db, struct datetime now, struct case_due **out, size_t *n);

/* For the home screen: open (not closed) cases and overdue steps on `now`. */
enum status cases_counts(struct db *db, struct datetime now, long *open_cases, long *overdue);

/* The open items of one case on `now` (loads its steps and the holidays). */
enum status cases_open_items(struct db *db, const struct case_file *c, struct datetime now,
                             struct case_open_item out[CASE_OPEN_MAX], size_t *n);

/* What a list shows for the child of row r to this role: the name (or the
 * unidentified child's note) when allowed, else the child's code, or
 * "unidentified child". */
void cases_child_shown(const struct case_row *r, enum user_role role, char *out, size_t n);

/* The hook of anonymised exports (transfer_set_sensitive_hook, installed by
 * session_prepare): true when the law protects child_id's identity — a case
 * of a protected kind or a period in a protected group of Điều 10
 * (transfer_case_repo_child_sensitive) — and also when that cannot be read
 * (fail closed). */
bool cases_child_sensitive(struct db *db, long long child_id, void *ctx);

#endif
