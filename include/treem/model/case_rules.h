/* case_rules — the rules of the case process that follow from the dates:
 * the stage derived from the steps done, the deadlines of Nghị định 56/2017
 * (12 hours, 5 and 2 working days, 15 days) computed from the dates and the
 * holiday table, how close each is, and who may see names. Pure: "now" and
 * the holidays are passed in. */
#ifndef TREEM_MODEL_CASE_RULES_H
#define TREEM_MODEL_CASE_RULES_H
#include "treem/model/case.h"

/* How close a deadline is. */
enum case_urgency { CASE_OVERDUE, CASE_SOON, CASE_LATER };

/* A step the case is waiting for, with its deadline. */
struct case_open_item {
    int step;                     /* enum case_step_kind awaited (separation: its end) */
    struct datetime due;          /* day deadlines end at 23:59 of the day */
    bool hourly;                  /* the deadline is counted in hours (12-hour rule) */
    int urgency;                  /* enum case_urgency on the `now` given */
    bool emergency;               /* the emergency action or separation (step: service) */
    bool no_holidays;             /* counted in working days over a year the holiday
                                     table does not cover: check the date by hand */
};
#define CASE_OPEN_MAX 4

/* The stage reached by the steps (in time order): intake → initial
 * assessment → detailed assessment → plan → approval → carrying out →
 * closure; a reopen goes back to assessment, a new plan after an approval
 * waits for approval again. Meetings, services, follow-ups, reviews and
 * separations do not move the stage. */
enum case_stage case_stage(const struct case_step *steps, size_t n);

/* The deadlines, from the dates (never typed):
 *  - emergency: CASE_EMERGENCY_HOURS after the report's date and hour;
 *  - plan: the CASE_PLAN_WORKING_DAYS-th working day after the day the
 *    cycle began (the intake, or the last reopen). Counted from the intake,
 *    not from the detailed assessment: the law gives the assessment no limit
 *    of its own, so counting from it could leave a case with no deadline;
 *  - approval: the CASE_APPROVAL_WORKING_DAYS-th working day after the plan;
 *  - separation: CASE_SEPARATION_DAYS calendar days after it started.
 * Day deadlines end at 23:59 of their day. h may be NULL (weekends only). */
struct datetime case_emergency_deadline(struct datetime received);
struct date case_plan_deadline(struct date cycle_start, const struct holidays *h);
struct date case_approval_deadline(struct date plan_day, const struct holidays *h);
struct date case_separation_deadline(struct date start);

/* Overdue after due; soon when within CASE_EMERGENCY_HOURS (hourly) or due
 * by the next working day (day deadlines); else later. */
enum case_urgency case_urgency_of(struct datetime due, bool hourly, struct datetime now,
                                  const struct holidays *h);

/* The steps case c (steps in time order) waits for that have a deadline:
 *  - after an initial assessment that found serious danger (emergency yes),
 *    the emergency action or the temporary separation (a service or
 *    separation step dated after it), due CASE_EMERGENCY_HOURS after the
 *    intake (Nghị định 56/2017 Điều 26, 31, 32: counted from the report, not
 *    from the assessment). The initial assessment itself is due at once
 *    and has no deadline of its own;
 *  - the plan in stages intake, assessment and planning (5 working days
 *    from the intake or the last reopen);
 *  - the approval in stage approval (2 working days from the plan);
 *  - the end of any separation still lasting (15 days from its start).
 * Working-day items are marked no_holidays when a year they span has no
 * holiday in h. Up to CASE_OPEN_MAX items into out, *nout set. A closed
 * case waits for nothing. */
void case_open_items(const struct case_file *c, const struct case_step *steps, size_t n,
                     const struct holidays *h, struct datetime now,
                     struct case_open_item out[CASE_OPEN_MAX], size_t *nout);

/* The translated name of what an open item waits for. */
const char *case_open_item_label(const struct case_open_item *it);

/* Criterion 6.2 "kịp thời": was the support plan approved on time? The
 * first plan by the CASE_PLAN_WORKING_DAYS-th working day after the intake
 * and its approval by the CASE_APPROVAL_WORKING_DAYS-th working day after
 * the plan: timely. A case whose deadline has not passed on `now` without an
 * approval is pending (neither a success nor a failure); otherwise late. */
enum case_timeliness { CASE_TIMELY, CASE_LATE, CASE_PENDING };
enum case_timeliness case_plan_timeliness(const struct case_file *c, const struct case_step *steps,
                                          size_t n, const struct holidays *h, struct datetime now);

/* True when a user of this role may see children's names in case lists and
 * files; otherwise only the child's code (TE-0042) is shown. Officers may;
 * collaborators and viewers may not. The reporter's identity is shown to
 * officers only, in the case file, never in lists, exports or reports. */
bool case_may_see_child_name(enum user_role role);
bool case_may_see_reporter(enum user_role role);


/* Checks step s against the case and its steps (in time order, s not among
 * them): dated at or after the intake and not after `now`; an approval
 * after a plan that is not yet approved (not before it); the end of a
 * separation not before its start; emergency given exactly for an initial
 * assessment; a closure only for an open case, a reopen only for a closed
 * one; the order of case_step_order_reason. ST_INVALID naming the field. */
enum status case_step_validate(const struct case_file *c, const struct case_step *steps, size_t n,
                               const struct case_step *s, struct datetime now);

/* The order of the steps (Nghị định 56/2017 Điều 25–32), from the steps
 * done (time order): the initial assessment first (once); then a detailed
 * assessment (not while a plan waits for approval), a temporary separation
 * or a closure; a case meeting between the detailed assessment of the
 * cycle and its plan; a plan after a detailed assessment (or
 * while carrying out an approved plan: a new plan cycle), never while
 * another plan waits for approval; the approval of the plan waiting;
 * services, follow-ups and reviews while carrying out an approved plan; on
 * a closed case only a reopen, which starts a new cycle (a detailed
 * assessment, then a plan). NULL when `kind` may come next, else the
 * reason (translated, static). */
const char *case_step_order_reason(const struct case_step *steps, size_t n, int kind);

/* The kinds that may come next (in CASE_STEP_LIST order) into out; returns
 * how many. */
size_t case_next_kinds(const struct case_step *steps, size_t n, int out[CASE_STEP__COUNT]);

/* Sorts steps into time order: by date and hour, then id, a new step (id 0)
 * after the saved ones of the same minute. */
void case_steps_sort(struct case_step *steps, size_t n);

/* Checks a whole sequence (time order): each step with case_step_validate()
 * against the steps before it. *bad = index of the first wrong step (n when
 * all are right); its message as case_step_validate gives it. */
enum status case_steps_check(const struct case_file *c, const struct case_step *steps, size_t n,
                             struct datetime now, size_t *bad);

#endif
