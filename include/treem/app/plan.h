/* plan — the use cases of plans for the screens and commands: each action
 * below is one transaction with its audit lines (by db_actor(db)).
 * Also the hook through which the register's code supplies the values of
 * the measures (model/measure.h) a target is linked to,
 * the target's measured value and verdict, and copying a plan to the next
 * year ("duy trì và nâng chất": the same plan rewritten every year). */
#ifndef TREEM_APP_PLAN_H
#define TREEM_APP_PLAN_H
#include "treem/db/db.h"
#include "treem/model/plan.h"
#include "treem/model/measure.h"
#include "treem/core/i18n.h"

/* A target links to a measure of the one vocabulary (model/measure.h) by
 * its code, stored in plan_target.measure: `treem plan measures` lists them.
 * Only measures in percent or count suit a target (its unit). */

/* A value computed from the register. For a rate, numerator/denominator
 * are the counts behind it (45 of 46 children); both 0 otherwise. */
struct plan_measured { double value; long numerator, denominator; };

/* Computes measure m for `year` as it stands on `on` (the plan year's last
 * day, or today while the year runs). Returns ST_OK with *out filled, or
 * ST_NOTFOUND when it cannot compute m (then the target says "not
 * computable yet" and uses a typed value). Other codes are real errors. */
typedef enum status (*plan_measure_fn)(struct db *db, enum measure m, int year,
                                       struct date on, struct plan_measured *out);

/* Installs the register's provider (NULL removes it). Until one is set no
 * measure is computable. Not thread-safe: call at start-up. */
void plan_set_measure_provider(plan_measure_fn fn);

/* Where a target's shown value comes from. */
enum plan_value_source { PLAN_VALUE_NONE, PLAN_VALUE_COMPUTED, PLAN_VALUE_TYPED };

/* What a screen shows for one target. */
struct plan_target_view {
    enum plan_value_source source;
    double value;                  /* the value shown (when source ≠ NONE) */
    struct plan_measured measured; /* the computation (source COMPUTED) */
    bool computable;               /* linked to a measure the provider computes */
    enum target_result result;     /* met / not met / unknown */
    char note[256];                /* "from the register: 45 of 46", "typed: <source>,
                                      dd/mm/yyyy", "not computable yet — type a value with
                                      its source", "no value yet" (translated) */
};

/* The measured value of t and its verdict for plan year `year` on `today`:
 * the register's value when its measure is computable, else the typed
 * value, else none (TARGET_UNKNOWN). ST_OK unless the provider fails. */
enum status plan_target_view(struct db *db, const struct plan_target *t, int year,
                             struct date today, struct plan_target_view *out);

/* Plans. plan_create sets p->id. */
enum status plan_create(struct db *db, struct plan *p);
enum status plan_save(struct db *db, const struct plan *p);
enum status plan_remove(struct db *db, long long id);

/* Targets. A measure code must be a measure's code or alias (ST_INVALID
 * naming the field otherwise) with the target's unit; the measure's own
 * code is stored. plan_target_add sets t->id. */
enum status plan_target_add(struct db *db, struct plan_target *t);
enum status plan_target_save(struct db *db, const struct plan_target *t);
enum status plan_target_remove(struct db *db, long long id);
/* Records the value the officer typed for target id, with its source
 * (required) and the date it refers to (may be unset). */
enum status plan_target_set_value(struct db *db, long long id, double value,
                                  const char *source, struct date on);
/* Removes a typed value. */
enum status plan_target_unset_value(struct db *db, long long id);

/* Calendar events. plan_event_add sets e->id. */
enum status plan_event_add(struct db *db, struct plan_event *e);
enum status plan_event_save(struct db *db, const struct plan_event *e);
enum status plan_event_remove(struct db *db, long long id);

/* What plan_copy_next_year made. */
struct plan_copy_result {
    long long new_id;
    int year;                 /* the new plan's year */
    size_t targets, tasks, events;
    size_t tasks_skipped;     /* tasks of departments no longer active, not copied */
    size_t events_to_check;   /* lunar events whose moved date must be confirmed */
};

/* Copies plan `id` to the next year in one transaction: the plan (year + 1,
 * the year in its title too, report deadlines + 1 year, number and date left
 * blank for the officer), its targets (typed values cleared), its tasks
 * (start and due + 1 year, 29/02 → 28/02, not done, evidence cleared, notes
 * not copied) and its events (+ 1 year; lunar ones marked to check).
 * ST_EXISTS when the plan was already copied to that year. */
enum status plan_copy_next_year(struct db *db, long long id, struct plan_copy_result *out);
/* The same inside the caller's transaction (the demo, imports). */
enum status plan_copy_next_year_in(struct db *db, long long id,
                                   struct plan_copy_result *out);

#endif
