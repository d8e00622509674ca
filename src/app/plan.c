/* plan — plan, target and event actions; target views and their measures; the
 * copy of a plan to the next year. */
#include <config.h>
#include "treem/app/plan.h"
#include "treem/app/tx.h"
#include "treem/db/event_repo.h"
#include "treem/db/plan_repo.h"
#include "treem/db/target_repo.h"
#include "treem/db/task_repo.h"
#include "treem/db/department_repo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static plan_measure_fn provider;

void plan_set_measure_provider(plan_measure_fn fn)
{
    provider = fn;
}

/* Asks the provider; *got tells whether it computed the value. */
static enum status compute(struct db *db, const struct plan_target *t, int year,
                           struct date today, struct plan_target_view *out, bool *got)
{
    *got = false;
    enum measure m = measure_from_code(t->measure);
    if (m == MEASURE_NONE || !provider)
        return ST_OK;
    struct plan_measured v = {0, 0, 0};
    enum status st = provider(db, m, year, measure_day(year, today), &v);
    if (st == ST_NOTFOUND)
        return ST_OK;
    if (st != ST_OK)
        return st;
    *got = true;
    out->computable = true;
    out->source = PLAN_VALUE_COMPUTED;
    out->measured = v;
    out->value = v.value;
    if (v.denominator > 0)
        snprintf(out->note, sizeof out->note, _("from the register: %ld of %ld"),
                 v.numerator, v.denominator);
    else
        snprintf(out->note, sizeof out->note, "%s",
                 measure_info(m)->from == MEASURE_FROM_CASES ? _("from the case files")
                                                              : _("from the register"));
    return ST_OK;
}

enum status plan_target_view(struct db *db, const struct plan_target *t, int year,
                             struct date today, struct plan_target_view *out)
{
    memset(out, 0, sizeof *out);
    bool got;
    enum status st = compute(db, t, year, today, out, &got);
    if (st != ST_OK)
        return st;
    if (!got && t->has_typed) {
        out->source = PLAN_VALUE_TYPED;
        out->value = t->typed_value;
        char when[DATE_BUF] = "";
        if (plan_date_set(t->typed_on))
            date_format(t->typed_on, when);
        snprintf(out->note, sizeof out->note, _("typed: %s%s%s"), t->typed_source ? t->typed_source : "",
                 *when ? ", " : "", when);
    } else if (!got && measure_from_code(t->measure) != MEASURE_NONE) {
        snprintf(out->note, sizeof out->note, "%s",
                 _("not computable yet: type a value with its source"));
    } else if (!got) {
        snprintf(out->note, sizeof out->note, "%s", _("no value yet"));
    }
    out->result = plan_target_evaluate(t, out->source != PLAN_VALUE_NONE, out->value);
    return ST_OK;
}

enum status plan_create(struct db *db, struct plan *p)
{
    enum status st = db_begin(db);
    if (st != ST_OK)
        return st;
    return tx_end(db, plan_repo_insert(db, p));
}

enum status plan_save(struct db *db, const struct plan *p)
{
    enum status st = db_begin(db);
    if (st != ST_OK)
        return st;
    return tx_end(db, plan_repo_update(db, p));
}

enum status plan_remove(struct db *db, long long id)
{
    enum status st = db_begin(db);
    if (st != ST_OK)
        return st;
    return tx_end(db, plan_repo_delete(db, id));
}

/* A measure code, when given, must be known and in the target's unit. */
static enum status check_measure(const struct plan_target *t)
{
    if (!t->measure || !*t->measure)
        return ST_OK;
    const struct measure_info *info = measure_info(measure_from_code(t->measure));
    if (!info)
        return status_set(ST_INVALID, _("%s: '%s' is not a value the program computes "
                                        "(see: treem plan measures)"), _("measure"), t->measure);
    enum measure_unit want = t->unit == PLAN_UNIT_PERCENT ? MEASURE_UNIT_PERCENT : MEASURE_UNIT_COUNT;
    if (info->unit != want)
        return status_set(ST_INVALID, _("%s: %s is a %s, not a %s"), _("measure"), info->code,
                          measure_unit_code(info->unit), plan_unit_code(t->unit));
    return ST_OK;
}

/* Begins the transaction of a write of target t, once its measure fits. */
static enum status begin_target_write(struct db *db, const struct plan_target *t)
{
    enum status st = check_measure(t);
    return st == ST_OK ? db_begin(db) : st;
}

enum status plan_target_add(struct db *db, struct plan_target *t)
{
    enum status st = begin_target_write(db, t);
    return st == ST_OK ? tx_end(db, target_repo_insert(db, t)) : st;
}

enum status plan_target_save(struct db *db, const struct plan_target *t)
{
    enum status st = begin_target_write(db, t);
    return st == ST_OK ? tx_end(db, target_repo_update(db, t)) : st;
}

enum status plan_target_remove(struct db *db, long long id)
{
    enum status st = db_begin(db);
    if (st != ST_OK)
        return st;
    return tx_end(db, target_repo_delete(db, id));
}

/* Sets (set = true) or removes the typed value of target id: one transaction. */
static enum status target_change(struct db *db, long long id, double value, const char *source,
                                 struct date on, bool set)
{
    enum status st = db_begin(db);
    if (st != ST_OK)
        return st;
    struct plan_target t;
    st = target_repo_get(db, id, &t);
    if (st == ST_OK) {
        free(t.typed_source);
        t.typed_source = set && source ? strdup(source) : NULL;
        t.has_typed = set;
        t.typed_value = set ? value : 0;
        t.typed_on = set ? on : PLAN_NO_DATE;
        if (set && source && !t.typed_source)
            st = status_set(ST_NOMEM, "%s", _("out of memory"));
        if (st == ST_OK)
            st = target_repo_update(db, &t);
        plan_target_clear(&t);
    }
    return tx_end(db, st);
}

enum status plan_target_set_value(struct db *db, long long id, double value,
                                  const char *source, struct date on)
{
    return target_change(db, id, value, source, on, true);
}

enum status plan_target_unset_value(struct db *db, long long id)
{
    return target_change(db, id, 0, NULL, PLAN_NO_DATE, false);
}

enum status plan_event_add(struct db *db, struct plan_event *e)
{
    enum status st = db_begin(db);
    if (st != ST_OK)
        return st;
    return tx_end(db, event_repo_insert(db, e));
}

enum status plan_event_save(struct db *db, const struct plan_event *e)
{
    enum status st = db_begin(db);
    if (st != ST_OK)
        return st;
    return tx_end(db, event_repo_update(db, e));
}

enum status plan_event_remove(struct db *db, long long id)
{
    enum status st = db_begin(db);
    if (st != ST_OK)
        return st;
    return tx_end(db, event_repo_delete(db, id));
}

/* A copy of s with each year `from` standing alone (not inside a longer
 * number) replaced by `to`: "… năm 2025" → "… năm 2026". NULL when out of
 * memory. */
static char *replace_year(const char *s, int from, int to)
{
    char a[16], b[16];
    snprintf(a, sizeof a, "%d", from);
    snprintf(b, sizeof b, "%d", to);
    size_t alen = strlen(a), blen = strlen(b), n = strlen(s);
    char *out = malloc(n / alen * blen + n + 1), *w = out;
    if (!out)
        return NULL;
    for (const char *p = s; *p;) {
        bool digit_before = p > s && p[-1] >= '0' && p[-1] <= '9';
        /* p[alen] is read only after the match shows p has alen bytes. */
        if (!digit_before && strncmp(p, a, alen) == 0 && !(p[alen] >= '0' && p[alen] <= '9')) {
            memcpy(w, b, blen);
            w += blen;
            p += alen;
        } else {
            *w++ = *p++;
        }
    }
    *w = '\0';
    return out;
}

/* The new plan: next year, no number or date yet, deadlines moved. */
static enum status copy_plan(struct db *db, const struct plan *old,
                             struct plan *p)
{
    *p = *old;
    p->id = 0;
    p->year = old->year + 1;
    p->number = p->issuer = p->upstream = p->purpose = p->requirements = p->budget = NULL;
    p->title = replace_year(old->title, old->year, p->year);
    p->number = strdup("");
    p->issuer = strdup(old->issuer);
    p->upstream = strdup(old->upstream);
    p->purpose = strdup(old->purpose);
    p->requirements = strdup(old->requirements);
    p->budget = strdup(old->budget);
    p->issued_on = PLAN_NO_DATE;
    p->report_half = plan_shift_year(old->report_half, 1);
    p->report_year = plan_shift_year(old->report_year, 1);
    p->copied_from = old->id;
    if (!p->title || !p->number || !p->issuer || !p->upstream || !p->purpose ||
        !p->requirements || !p->budget)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    return plan_repo_insert(db, p);
}

static enum status copy_targets(struct db *db, long long from, long long to,
                                struct plan_copy_result *out)
{
    struct plan_target *list;
    size_t n;
    enum status st = target_repo_list(db, from, &list, &n);
    for (size_t i = 0; st == ST_OK && i < n; i++) {
        struct plan_target *t = &list[i];
        t->plan_id = to;
        t->has_typed = false;
        free(t->typed_source);
        t->typed_source = NULL;
        t->typed_value = 0;
        t->typed_on = PLAN_NO_DATE;
        st = target_repo_insert(db, t);
        out->targets += st == ST_OK;
    }
    plan_target_list_free(list, n);
    return st;
}

/* Whether the department of a task still takes new tasks. */
static enum status department_active(struct db *db, long long id, bool *active)
{
    enum status st = department_repo_is_active(db, id, active);
    return st == ST_NOTFOUND ? ST_OK : st;
}

static enum status copy_tasks(struct db *db, long long from, long long to,
                              struct plan_copy_result *out)
{
    struct task_filter f = {.plan_id = from};
    struct task *list;
    size_t n;
    enum status st = task_repo_list(db, &f, &list, &n);
    for (size_t i = 0; st == ST_OK && i < n; i++) {
        struct task *t = &list[i];
        bool active;
        st = department_active(db, t->department_id, &active);
        if (st != ST_OK || !active) {
            out->tasks_skipped += st == ST_OK;
            continue;
        }
        t->plan_id = to;
        t->start_on = plan_shift_year(t->start_on, 1);
        t->due_on = plan_shift_year(t->due_on, 1);
        t->done = false;
        t->done_on = PLAN_NO_DATE;
        free(t->evidence);
        t->evidence = NULL;
        st = task_repo_insert(db, t);
        out->tasks += st == ST_OK;
    }
    task_list_free(list, n);
    return st;
}

static enum status copy_events(struct db *db, long long from, long long to,
                               struct plan_copy_result *out)
{
    struct plan_event *list;
    size_t n;
    enum status st = event_repo_list(db, from, &list, &n);
    for (size_t i = 0; st == ST_OK && i < n; i++) {
        struct plan_event *e = &list[i];
        e->plan_id = to;
        e->start_on = plan_shift_year(e->start_on, 1);
        e->end_on = plan_shift_year(e->end_on, 1);
        /* A lunar date (Trung thu) falls on another solar day next year. */
        e->to_check = e->lunar;
        st = event_repo_insert(db, e);
        out->events += st == ST_OK;
        out->events_to_check += st == ST_OK && e->lunar;
    }
    plan_event_list_free(list, n);
    return st;
}

static enum status copy_all(struct db *db, const struct plan *old,
                            struct plan_copy_result *out)
{
    long long existing;
    enum status st = plan_repo_find_copy(db, old->id, old->year + 1, &existing);
    if (st == ST_OK)
        return status_set(ST_EXISTS, _("plan %lld was already copied to %d as plan %lld"),
                          old->id, old->year + 1, existing);
    if (st != ST_NOTFOUND)
        return st;
    struct plan p;
    st = copy_plan(db, old, &p);
    out->new_id = p.id;
    out->year = p.year;
    plan_clear(&p);
    if (st == ST_OK)
        st = copy_targets(db, old->id, out->new_id, out);
    if (st == ST_OK)
        st = copy_tasks(db, old->id, out->new_id, out);
    if (st == ST_OK)
        st = copy_events(db, old->id, out->new_id, out);
    return st;
}

enum status plan_copy_next_year_in(struct db *db, long long id,
                                   struct plan_copy_result *out)
{
    memset(out, 0, sizeof *out);
    struct plan old;
    enum status st = plan_repo_get(db, id, &old);
    if (st != ST_OK)
        return st;
    if (old.year >= 2999)
        st = status_set(ST_INVALID, _("%s: %d is not a year (1900–2999)"), _("plan year"),
                        old.year + 1);
    else
        st = copy_all(db, &old, out);
    plan_clear(&old);
    if (st != ST_OK)
        memset(out, 0, sizeof *out);
    return st;
}

enum status plan_copy_next_year(struct db *db, long long id, struct plan_copy_result *out)
{
    enum status st = db_begin(db);
    if (st != ST_OK) {
        memset(out, 0, sizeof *out);
        return st;
    }
    st = tx_end(db, plan_copy_next_year_in(db, id, out));
    if (st != ST_OK)
        memset(out, 0, sizeof *out);
    return st;
}
