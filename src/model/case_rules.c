/* case_rules — stage, deadlines, urgency, step checks and who sees names. */
#include <config.h>
#include "treem/model/case_rules.h"
#include "treem/core/i18n.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum case_stage case_stage(const struct case_step *steps, size_t n)
{
    enum case_stage stage = CASE_STAGE_INTAKE;
    for (size_t i = 0; i < n; i++) {
        switch (steps[i].kind) {
        case CASE_STEP_INITIAL:
            if (stage == CASE_STAGE_INTAKE)
                stage = CASE_STAGE_ASSESSMENT;
            break;
        case CASE_STEP_DETAILED:
            if (stage == CASE_STAGE_INTAKE || stage == CASE_STAGE_ASSESSMENT)
                stage = CASE_STAGE_PLANNING;
            break;
        case CASE_STEP_PLAN:
            if (stage != CASE_STAGE_CLOSED)
                stage = CASE_STAGE_APPROVAL;
            break;
        case CASE_STEP_APPROVAL:
            if (stage == CASE_STAGE_APPROVAL)
                stage = CASE_STAGE_CARRYING;
            break;
        case CASE_STEP_CLOSURE:
            stage = CASE_STAGE_CLOSED;
            break;
        case CASE_STEP_REOPEN:
            if (stage == CASE_STAGE_CLOSED)
                stage = CASE_STAGE_ASSESSMENT;
            break;
        default:
            break;
        }
    }
    return stage;
}

struct datetime case_emergency_deadline(struct datetime received)
{
    return datetime_from_minutes(datetime_to_minutes(received) + CASE_EMERGENCY_HOURS * 60LL);
}

struct date case_plan_deadline(struct date cycle_start, const struct holidays *h)
{
    return date_add_working_days(cycle_start, CASE_PLAN_WORKING_DAYS, h);
}

struct date case_approval_deadline(struct date plan_day, const struct holidays *h)
{
    return date_add_working_days(plan_day, CASE_APPROVAL_WORKING_DAYS, h);
}

struct date case_separation_deadline(struct date start)
{
    return date_add_days(start, CASE_SEPARATION_DAYS);
}

enum case_urgency case_urgency_of(struct datetime due, bool hourly, struct datetime now,
                                  const struct holidays *h)
{
    long long left = datetime_to_minutes(due) - datetime_to_minutes(now);
    if (left < 0)
        return CASE_OVERDUE;
    if (hourly)
        return left <= CASE_EMERGENCY_HOURS * 60LL ? CASE_SOON : CASE_LATER;
    struct date next = date_add_working_days(now.date, 1, h);
    return date_cmp(due.date, next) <= 0 ? CASE_SOON : CASE_LATER;
}

static struct datetime end_of_day(struct date d)
{
    return (struct datetime){d, 23, 59};
}

/* The day the current cycle began (the intake or the last reopen) and the
 * last plan's moment (date.y == 0 when none). */
static void cycle_marks(const struct case_file *c, const struct case_step *steps, size_t n,
                        struct datetime *start, struct datetime *plan)
{
    *start = c->received;
    memset(plan, 0, sizeof *plan);
    for (size_t i = 0; i < n; i++) {
        if (steps[i].kind == CASE_STEP_REOPEN)
            *start = steps[i].at;
        else if (steps[i].kind == CASE_STEP_PLAN)
            *plan = steps[i].at;
    }
}

static void add_item(struct case_open_item out[CASE_OPEN_MAX], size_t *n, int step,
                     struct datetime due, bool hourly, struct datetime now,
                     const struct holidays *h)
{
    if (*n >= CASE_OPEN_MAX)
        return;
    out[*n] = (struct case_open_item){step, due, hourly, case_urgency_of(due, hourly, now, h),
                                      false, false};
    (*n)++;
}

/* A working-day item counted from `from`: flagged when the holiday table
 * does not cover a year it spans. */
static void add_working(struct case_open_item out[CASE_OPEN_MAX], size_t *n, int step,
                        struct date from, struct date due, struct datetime now,
                        const struct holidays *h)
{
    size_t at = *n;
    add_item(out, n, step, end_of_day(due), false, now, h);
    if (*n > at)
        out[at].no_holidays = !holidays_cover_year(h, from.y) || !holidays_cover_year(h, due.y);
}

/* The emergency action awaited: an initial assessment found serious danger
 * and no service or separation is dated after it. */
static bool emergency_awaited(const struct case_step *steps, size_t n)
{
    bool awaited = false;
    for (size_t i = 0; i < n; i++) {
        if (steps[i].kind == CASE_STEP_INITIAL && steps[i].emergency == 1)
            awaited = true;
        else if (steps[i].kind == CASE_STEP_SERVICE || steps[i].kind == CASE_STEP_SEPARATION ||
                 steps[i].kind == CASE_STEP_CLOSURE)
            awaited = false;
    }
    return awaited;
}

void case_open_items(const struct case_file *c, const struct case_step *steps, size_t n,
                     const struct holidays *h, struct datetime now,
                     struct case_open_item out[CASE_OPEN_MAX], size_t *nout)
{
    *nout = 0;
    enum case_stage stage = case_stage(steps, n);
    if (stage == CASE_STAGE_CLOSED)
        return;
    struct datetime start, plan;
    cycle_marks(c, steps, n, &start, &plan);
    if (emergency_awaited(steps, n)) {
        add_item(out, nout, CASE_STEP_SERVICE, case_emergency_deadline(c->received), true, now, h);
        out[*nout - 1].emergency = true;
    }
    if (stage == CASE_STAGE_INTAKE || stage == CASE_STAGE_ASSESSMENT || stage == CASE_STAGE_PLANNING)
        add_working(out, nout, CASE_STEP_PLAN, start.date, case_plan_deadline(start.date, h), now, h);
    if (stage == CASE_STAGE_APPROVAL)
        add_working(out, nout, CASE_STEP_APPROVAL, plan.date,
                    case_approval_deadline(plan.date, h), now, h);
    for (size_t i = 0; i < n; i++)
        if (steps[i].kind == CASE_STEP_SEPARATION && steps[i].end.date.y == 0) {
            struct datetime due = steps[i].at;
            due.date = case_separation_deadline(due.date);
            add_item(out, nout, CASE_STEP_SEPARATION, due, false, now, h);
        }
}

const char *case_open_item_label(const struct case_open_item *it)
{
    if (it->emergency)
        return _("Emergency action or temporary separation");
    return enum_label(&enum_case_step, it->step);
}

enum case_timeliness case_plan_timeliness(const struct case_file *c, const struct case_step *steps,
                                          size_t n, const struct holidays *h, struct datetime now)
{
    const struct case_step *plan = NULL, *approval = NULL;
    for (size_t i = 0; i < n && !approval; i++) {
        if (steps[i].kind == CASE_STEP_PLAN && !plan)
            plan = &steps[i];
        else if (steps[i].kind == CASE_STEP_APPROVAL && plan)
            approval = &steps[i];
    }
    struct date plan_due = case_plan_deadline(c->received.date, h);
    if (!plan)
        return date_cmp(now.date, plan_due) <= 0 ? CASE_PENDING : CASE_LATE;
    if (date_cmp(plan->at.date, plan_due) > 0)
        return CASE_LATE;
    struct date approval_due = case_approval_deadline(plan->at.date, h);
    if (!approval)
        return date_cmp(now.date, approval_due) <= 0 ? CASE_PENDING : CASE_LATE;
    return date_cmp(approval->at.date, approval_due) <= 0 ? CASE_TIMELY : CASE_LATE;
}

bool case_may_see_child_name(enum user_role role)
{
    return role == ROLE_OFFICER;
}

bool case_may_see_reporter(enum user_role role)
{
    return role == ROLE_OFFICER;
}

static const char *when_text(struct datetime t, char buf[DATETIME_BUF])
{
    datetime_format(t, buf);
    return buf;
}

/* Order rules: after the intake, not in the future, approvals after plans. */
static enum status check_when(const struct case_file *c, const struct case_step *steps, size_t n,
                              const struct case_step *s, struct datetime now)
{
    char buf[DATETIME_BUF];
    if (!case_datetime_valid(s->at))
        return status_set(ST_INVALID, _("%s: not a valid date and hour"), _("step date"));
    if (datetime_to_minutes(s->at) < datetime_to_minutes(c->received))
        return status_set(ST_INVALID, _("%s: before the intake (%s)"), _("step date"),
                          when_text(c->received, buf));
    if (datetime_to_minutes(s->at) > datetime_to_minutes(now))
        return status_set(ST_INVALID, _("%s: a step cannot be dated in the future"),
                          _("step date"));
    if (s->kind != CASE_STEP_APPROVAL)
        return ST_OK;
    struct datetime start, plan;
    cycle_marks(c, steps, n, &start, &plan);
    if (plan.date.y == 0)
        return status_set(ST_INVALID, _("%s: there is no plan to approve yet"), _("approval"));
    if (datetime_to_minutes(s->at) < datetime_to_minutes(plan))
        return status_set(ST_INVALID, _("%s: dated before the plan (%s)"), _("approval"),
                          when_text(plan, buf));
    return ST_OK;
}

/* What the stage allows, emergency and separation end. */
static enum status check_kind(const struct case_step *steps, size_t n, const struct case_step *s)
{
    enum case_stage stage = case_stage(steps, n);
    if (s->kind < 0 || s->kind >= CASE_STEP__COUNT)
        return status_set(ST_INVALID, _("%s: unknown step"), _("step"));
    if (stage == CASE_STAGE_CLOSED && s->kind != CASE_STEP_REOPEN)
        return status_set(ST_INVALID, _("%s: the case is closed; reopen it first"), _("step"));
    if (s->kind == CASE_STEP_REOPEN && stage != CASE_STAGE_CLOSED)
        return status_set(ST_INVALID, _("%s: only a closed case can be reopened"), _("step"));
    if (s->kind == CASE_STEP_APPROVAL && stage != CASE_STAGE_APPROVAL)
        return status_set(ST_INVALID, _("%s: no plan is waiting for approval"), _("approval"));
    if ((s->kind == CASE_STEP_INITIAL) != (s->emergency == 0 || s->emergency == 1))
        return status_set(ST_INVALID, s->kind == CASE_STEP_INITIAL
                          ? _("%s: say whether emergency measures apply (yes or no)")
                          : _("%s: only an initial assessment decides on emergency measures"),
                          _("emergency"));
    if (s->end.date.y && s->kind != CASE_STEP_SEPARATION)
        return status_set(ST_INVALID, _("%s: only a temporary separation has an end"), _("end"));
    if (s->end.date.y && !case_datetime_valid(s->end))
        return status_set(ST_INVALID, _("%s: not a valid date and hour"), _("end"));
    if (s->end.date.y && datetime_to_minutes(s->end) < datetime_to_minutes(s->at))
        return status_set(ST_INVALID, _("%s: the end is before the start"), _("end"));
    return ST_OK;
}

enum status case_step_validate(const struct case_file *c, const struct case_step *steps, size_t n,
                               const struct case_step *s, struct datetime now)
{
    enum status st = check_kind(steps, n, s);
    if (st == ST_OK)
        st = check_when(c, steps, n, s, now);
    const char *why = st == ST_OK ? case_step_order_reason(steps, n, s->kind) : NULL;
    if (why) {
        int next[CASE_STEP__COUNT];
        size_t m = case_next_kinds(steps, n, next), len = 0;
        char list[512] = "";
        for (size_t i = 0; i < m && len + 2 < sizeof list; i++)
            len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", i ? ", " : "",
                                    enum_label(&enum_case_step, next[i]));
        st = status_set(ST_INVALID, _("%s: %s cannot come here: %s (what may come next: %s)"),
                        _("step"), enum_label(&enum_case_step, s->kind), why, list);
    }
    return st;
}

/* ---- the order of the steps (NĐ 56/2017 Điều 25–32) ----------------------- */

static bool detailed_in_cycle(const struct case_step *steps, size_t n)
{
    bool seen = false;
    for (size_t i = 0; i < n; i++)
        if (steps[i].kind == CASE_STEP_REOPEN)
            seen = false;
        else if (steps[i].kind == CASE_STEP_DETAILED)
            seen = true;
    return seen;
}

const char *case_step_order_reason(const struct case_step *steps, size_t n, int kind)
{
    enum case_stage stage = case_stage(steps, n);
    if (kind == CASE_STEP_REOPEN)
        return stage == CASE_STAGE_CLOSED ? NULL : _("only a closed case can be reopened");
    if (stage == CASE_STAGE_CLOSED)
        return _("the case is closed; reopen it first");
    switch (kind) {
    case CASE_STEP_INITIAL:
        return stage == CASE_STAGE_INTAKE ? NULL
             : _("the initial assessment is already recorded (a reopened case starts with a "
                 "detailed assessment)");
    case CASE_STEP_DETAILED:
        if (stage == CASE_STAGE_APPROVAL)
            return _("a plan is already waiting for approval");
        /* fall through */
    case CASE_STEP_SEPARATION:
    case CASE_STEP_CLOSURE:
        return stage != CASE_STAGE_INTAKE ? NULL
             : _("the initial assessment (Đánh giá ban đầu) comes first");
    case CASE_STEP_MEETING:
        if (stage == CASE_STAGE_APPROVAL || stage == CASE_STAGE_CARRYING)
            return _("the case meeting comes before the plan");
        return stage == CASE_STAGE_PLANNING && detailed_in_cycle(steps, n) ? NULL
             : _("the case meeting follows the detailed assessment (Đánh giá cụ thể)");
    case CASE_STEP_PLAN:
        if (stage == CASE_STAGE_APPROVAL)
            return _("a plan is already waiting for approval");
        return stage == CASE_STAGE_PLANNING || stage == CASE_STAGE_CARRYING ? NULL
             : _("the plan follows the detailed assessment (Đánh giá cụ thể)");
    case CASE_STEP_APPROVAL:
        return stage == CASE_STAGE_APPROVAL ? NULL : _("no plan is waiting for approval");
    case CASE_STEP_SERVICE:
        /* the emergency action an initial assessment called for (NĐ 56
         * Điều 26, 31: within 12 hours) comes before any plan */
        if (emergency_awaited(steps, n))
            return NULL;
        /* fall through */
    case CASE_STEP_FOLLOW_UP:
    case CASE_STEP_REVIEW:
        return stage == CASE_STAGE_CARRYING ? NULL
             : _("services, follow-ups and reviews come after the plan is approved");
    default:
        return _("unknown step");
    }
}

size_t case_next_kinds(const struct case_step *steps, size_t n, int out[CASE_STEP__COUNT])
{
    size_t k = 0;
    for (int kind = 0; kind < CASE_STEP__COUNT; kind++)
        if (!case_step_order_reason(steps, n, kind))
            out[k++] = kind;
    return k;
}

static int step_cmp(const void *a, const void *b)
{
    const struct case_step *x = a, *y = b;
    long long p = datetime_to_minutes(x->at), q = datetime_to_minutes(y->at);
    if (p != q)
        return (p > q) - (p < q);
    /* a new step (id 0) comes after the saved ones of the same minute */
    long long i = x->id ? x->id : LLONG_MAX, j = y->id ? y->id : LLONG_MAX;
    return (i > j) - (i < j);
}

void case_steps_sort(struct case_step *steps, size_t n)
{
    if (n > 1)
        qsort(steps, n, sizeof *steps, step_cmp);
}

enum status case_steps_check(const struct case_file *c, const struct case_step *steps, size_t n,
                             struct datetime now, size_t *bad)
{
    for (size_t i = 0; i < n; i++) {
        enum status st = case_step_validate(c, steps, i, &steps[i], now);
        if (st != ST_OK) {
            *bad = i;
            return st;
        }
    }
    *bad = n;
    return ST_OK;
}
