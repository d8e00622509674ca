/* scr_calendar — the calendar of a year: events and campaigns (Tháng hành
 * động vì trẻ em, 01/6, Trung thu …), the plans' report deadlines and the
 * tasks' due dates, by date; of one plan or of every plan. Left/Right show
 * the year before or after. Opens on the first day from today. F3 adds an
 * event to the plan (one plan's calendar), F4 or Enter corrects the event
 * selected, F8 deletes it (asking). */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/listbase.h"
#include "treem/app/plan.h"
#include "treem/db/plan_repo.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct calendar_state {
    struct listbase lb;
    struct scr_calendar_arg arg;
    char plan_label[128];     /* "" for every plan */
    struct plan_cal_item *items;
};

static bool load(struct screen *s, size_t *count)
{
    struct calendar_state *st = s->state;
    return plan_repo_calendar(s->ui->db, st->arg.year, st->arg.plan_id, &st->items, count) == ST_OK;
}

static void unload(struct screen *s)
{
    struct calendar_state *st = s->state;
    plan_cal_list_free(st->items, st->lb.n);
    st->items = NULL;
}

/* The selection on the first day from today (else the first line). */
static void select_today(struct screen *s)
{
    struct calendar_state *st = s->state;
    struct date today = date_today();
    st->lb.ls.lv.selected = st->lb.ls.lv.top = 0;
    for (size_t i = 0; i < st->lb.n; i++)
        if (date_cmp(st->items[i].date, today) >= 0) {
            st->lb.ls.lv.selected = i;
            break;
        }
}

static void cal_row(struct screen *s, size_t i, struct lb_row *r)
{
    struct calendar_state *st = s->state;
    const struct plan_cal_item *it = &st->items[i];
    char date[DATE_BUF], end[DATE_BUF], what[700];
    date_format(it->date, date);
    const char *mark = "";
    if (it->kind == PLAN_CAL_TASK)
        mark = it->done ? _(" [done]") : date_cmp(it->date, date_today()) < 0 ? _(" [overdue]") : "";
    else if (it->to_check)
        mark = _(" [date to check]");
    /* the mark first: a long name must not hide it */
    size_t len = (size_t)snprintf(what, sizeof what, "%s%s%s", *mark ? mark + 1 : "",
                                  *mark ? " " : "", it->name);
    if (plan_date_set(it->end) && len < sizeof what) {
        date_format(it->end, end);
        len += (size_t)snprintf(what + len, sizeof what - len, _(" (until %s)"), end);
    }
    /* the plan's label says nothing new in one plan's calendar */
    bool detail = it->kind == PLAN_CAL_TASK || !st->arg.plan_id;
    if (detail && it->detail && *it->detail && len < sizeof what)
        len += (size_t)snprintf(what + len, sizeof what - len, " — %s", it->detail);
    lb_cell(r, 0, date);
    lb_cell(r, 1, plan_cal_kind_label(it->kind));
    lb_cell(r, 2, what);
}

static void texts(struct screen *s, enum lb_text which, struct strbuf *out)
{
    struct calendar_state *st = s->state;
    if (which != LB_HEADING)
        return;
    if (st->plan_label[0])
        strbuf_printf(out, _("Calendar of %d: plan %s"), st->arg.year, st->plan_label);
    else
        strbuf_printf(out, _("Calendar of %d: every plan"), st->arg.year);
}

/* The event on line sel, 0 for a deadline or a task. */
static long long event_at(const struct calendar_state *st, size_t sel)
{
    if (sel == LB_NONE)
        return 0;
    const struct plan_cal_item *it = &st->items[sel];
    bool event = it->kind == PLAN_CAL_EVENT || it->kind == PLAN_CAL_CAMPAIGN ||
                 it->kind == PLAN_CAL_DEADLINE;
    return event ? it->ref_id : 0;
}

/* The event on line sel, or 0 with a word on what to choose instead. */
static long long the_event(struct screen *s, size_t sel)
{
    return listbase_chosen(s, event_at(s->state, sel),
                           _("Choose an event (report deadlines and tasks are changed in their "
                             "plan or task)."));
}

/* Left, Right (step -1, +1): the year before or after. */
static enum lb_after year(struct screen *s, int step)
{
    struct calendar_state *st = s->state;
    if ((step < 0 && st->arg.year > 1900) || (step > 0 && st->arg.year < 2999)) {
        st->arg.year += step;
        listbase_reload(s);
        select_today(s);
    }
    return LB_STAY;
}

static enum lb_after new_event(struct screen *s, size_t sel, int digit)
{
    struct calendar_state *st = s->state;
    (void)sel, (void)digit;
    if (!st->arg.plan_id)
        ui_status(s->ui, true, "%s", _("Open the calendar from a plan (F12 there) to add "
                                        "its events."));
    else
        scr_event_form_open(s->ui, st->arg.plan_id, 0);
    return LB_STAY;
}

static enum lb_after open_event(struct screen *s, size_t sel, int digit)
{
    long long id = event_at(s->state, sel);
    (void)digit;
    if (id)
        scr_event_form_open(s->ui, 0, id);
    return LB_STAY;
}

static enum lb_after edit_event(struct screen *s, size_t sel, int digit)
{
    long long id = the_event(s, sel);
    (void)digit;
    if (id)
        scr_event_form_open(s->ui, 0, id);
    return LB_STAY;
}

static enum lb_after delete_event(struct screen *s, size_t sel, int digit)
{
    struct calendar_state *st = s->state;
    long long id = the_event(s, sel);
    char q[600];
    (void)digit;
    if (!id)
        return LB_STAY;
    snprintf(q, sizeof q, _("Delete the event '%s' from the plan's calendar?"), st->items[sel].name);
    if (!ui_confirm(s->ui, q))
        return LB_STAY;
    return listbase_changed(s, plan_event_remove(s->ui->db, id), "%s", _("Deleted."));
}

static bool history(struct screen *s, size_t sel, struct history_ref *ref)
{
    struct calendar_state *st = s->state;
    char id[24];
    if (!event_at(st, sel))
        return false;
    snprintf(id, sizeof id, "%lld", event_at(st, sel));
    return history_ref_set(ref, "plan_event", id, st->items[sel].name);
}

static const struct lb_key keys[] = {
    {ACT_NEW, new_event, true},
    {ACT_OPEN, open_event, false},
    {ACT_EDIT, edit_event, true},
    {ACT_DELETE, delete_event, true},
};
static const struct lb_col cols[] = {{N_("Date"), 10}, {N_("Kind"), 14}, {N_("What"), 160}};
static const struct listbase_def def = {
    .text = texts,
    .hint = N_("Left/Right: the year before or after. Esc: back."),
    .empty = N_("Nothing on the calendar of this year."),
    .cols = cols, .ncols = sizeof cols / sizeof *cols,
    .load = load, .unload = unload, .row = cal_row, .year = year,
    .keys = keys, .nkeys = sizeof keys / sizeof *keys,
    .history = history,
};

static void calendar_enter(struct screen *s)
{
    struct calendar_state *st = s->state;
    st->arg = *(const struct scr_calendar_arg *)s->arg;
    struct plan p = {0};
    if (st->arg.plan_id && plan_repo_get(s->ui->db, st->arg.plan_id, &p) == ST_OK)
        plan_label(p.number, p.year, st->plan_label, sizeof st->plan_label);
    plan_clear(&p);
    listbase_enter(s, &def);
    select_today(s);
}

static const enum action calendar_actions[] = {ACT_NEW, ACT_EDIT, ACT_DELETE, ACT_HISTORY, ACT_LEFT,
                                               ACT_RIGHT, ACT_BACK};

const struct screen_ops scr_calendar_ops = {
    .title = N_("Calendar"),
    LISTBASE_OPS(struct calendar_state, calendar_enter, calendar_actions),
};
