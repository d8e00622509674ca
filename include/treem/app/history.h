/* history — what the audit log says about one record ("Lịch sử"): for
 * `treem history KIND KEY` and the history key (Ctrl-Y) of the record
 * screens. Every line: when, who, created / changed / deleted, the field,
 * the old and the new value. A case's history holds its steps' too (also
 * of steps deleted since). */
#ifndef TREEM_APP_HISTORY_H
#define TREEM_APP_HISTORY_H
#include "treem/db/audit_repo.h"

#define HISTORY_KIND_LIST(X) \
    X(HIST_CHILD,   "child",   "child") \
    X(HIST_CASE,    "case",    "case") \
    X(HIST_VILLAGE, "village", "village") \
    X(HIST_HOLIDAY, "holiday", "holiday") \
    X(HIST_PLAN,    "plan",    "plan") \
    X(HIST_TARGET,  "target",  "plan_target") \
    X(HIST_EVENT,   "event",   "plan_event") \
    X(HIST_TASK,    "task",    "task") \
    X(HIST_DEPT,    "dept",    "department")

#define HISTORY_X_ID(id, name, entity) id,
enum history_kind { HISTORY_KIND_LIST(HISTORY_X_ID) HIST__COUNT };
#undef HISTORY_X_ID

/* The kind named text ("case", "child", …): ST_INVALID naming KIND and
 * listing the kinds. */
enum status history_kind_parse(const char *text, enum history_kind *out);

/* The history of the record of kind k named key: a child's code (TE-0042),
 * a case's code (VV-0007), a village's name, a holiday's date
 * (dd/mm/yyyy), the number of a plan, target, event or task, a
 * department's name or code. ST_NOTFOUND naming it. Oldest first
 * (audit_rows_free). */
enum status history_of(struct db *db, enum history_kind k, const char *key,
                       struct audit_row **out, size_t *n);

/* The same from the record's own key: entity as stored ("child" with the
 * uid, "village" with the id, …); a case by its id. */
enum status history_of_entity(struct db *db, const char *entity, const char *entity_id,
                              struct audit_row **out, size_t *n);
enum status history_of_case(struct db *db, long long case_id, struct audit_row **out, size_t *n);

/* One line: "16/03/2026 09:00  treem  changed place: Thôn A → Thôn B"
 * (translated; a step's lines say which step). */
void history_line(const struct audit_row *r, char *buf, size_t n);

#endif
