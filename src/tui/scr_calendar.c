/* scr_calendar — the calendar of a year: events and campaigns (Tháng hành
 * động vì trẻ em, 01/6, Trung thu …), the plans' report deadlines and the
 * tasks' due dates, by date; of one plan or of every plan. Left/Right show
 * the year before or after. Opens on the first day from today. F3 adds an
 * event to the plan (one plan's calendar), F4 or Enter corrects the event
 * selected, F8 deletes it (asking). */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/list.h"
#include "treem/app/plan.h"
#include "treem/db/plan_repo.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct calendar_state {
    struct scr_calendar_arg arg;
    char plan_label[128];     /* "" for every plan */
    struct plan_cal_item *items;
    size_t n;
    struct list_view lv;
    struct history_ref hist;
};

static void load(struct screen *s)
{
    struct calendar_state *st = s->state;
    plan_cal_list_free(st->items, st->n);
    st->items = NULL;
    st->n = 0;
    if (plan_repo_calendar(s->ui->db, st->arg.year, st->arg.plan_id, &st->items, &st->n) != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
    st->lv.selected = st->lv.top = 0;
    list_set_count(&st->lv, st->n);
    struct date today = date_today();
    for (size_t i = 0; i < st->n; i++)
        if (date_cmp(st->items[i].date, today) >= 0) {
            st->lv.selected = i;
            break;
        }
}

static void calendar_enter(struct screen *s)
{
    struct calendar_state *st = s->state;
    st->arg = *(const struct scr_calendar_arg *)s->arg;
    struct plan p = {0};
    if (st->arg.plan_id && plan_repo_get(s->ui->db, st->arg.plan_id, &p) == ST_OK)
        plan_label(p.number, p.year, st->plan_label, sizeof st->plan_label);
    plan_clear(&p);
    load(s);
}

static void calendar_leave(struct screen *s)
{
    struct calendar_state *st = s->state;
    plan_cal_list_free(st->items, st->n);
}

static const int cal_widths[] = {10, 14, 160};

static void cal_row(void *ctx, size_t i, char *buf, size_t bufsz)
{
    struct calendar_state *st = ctx;
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
    const char *cells[] = {date, plan_cal_kind_label(it->kind), what};
    ui_columns(buf, bufsz, cal_widths, cells, 3);
}

static void calendar_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct calendar_state *st = s->state;
    char title[256];
    if (st->plan_label[0])
        snprintf(title, sizeof title, _("Calendar of %d: plan %s"), st->arg.year, st->plan_label);
    else
        snprintf(title, sizeof title, _("Calendar of %d: every plan"), st->arg.year);
    ui_attr(w, UC_OK, true);
    ui_print(w, 0, 2, cols - 4, title);
    ui_attr(w, UC_OK, false);
    ui_attr(w, UC_DIM, true);
    ui_print(w, 1, 2, cols - 4, _("Left/Right: the year before or after. Esc: back."));
    ui_attr(w, UC_DIM, false);
    char header[256];
    const char *titles[] = {_("Date"), _("Kind"), _("What")};
    ui_columns(header, sizeof header, cal_widths, titles, 3);
    ui_attr(w, UC_BAR_KEY, true);
    ui_print_pad(w, 2, 1, cols - 2, header);
    ui_attr(w, UC_BAR_KEY, false);
    if (!st->n) {
        ui_print(w, 3, 2, cols - 4, _("Nothing on the calendar of this year."));
        return;
    }
    list_draw(w, 3, 1, rows - 3, cols - 2, &st->lv, cal_row, st, true);
}

/* The event on the selected line, 0 for a deadline or a task. */
static long long selected_event(const struct calendar_state *st)
{
    if (st->lv.selected >= st->n)
        return 0;
    const struct plan_cal_item *it = &st->items[st->lv.selected];
    bool event = it->kind == PLAN_CAL_EVENT || it->kind == PLAN_CAL_CAMPAIGN ||
                 it->kind == PLAN_CAL_DEADLINE;
    return event ? it->ref_id : 0;
}

static void delete_event(struct screen *s, long long id)
{
    struct calendar_state *st = s->state;
    char q[600];
    snprintf(q, sizeof q, _("Delete the event '%s' from the plan's calendar?"),
             st->items[st->lv.selected].name);
    if (!ui_confirm(s->ui, q))
        return;
    if (plan_event_remove(s->ui->db, id) != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
    else
        ui_status(s->ui, false, "%s", _("Deleted."));
    load(s);
}

static void calendar_resume(struct screen *s)
{
    struct calendar_state *st = s->state;
    size_t keep = st->lv.selected;
    load(s);
    if (keep < st->n)
        st->lv.selected = keep;
}

static enum screen_result calendar_action(struct screen *s, enum action a, int digit)
{
    struct calendar_state *st = s->state;
    (void)digit;
    if ((a == ACT_LEFT && st->arg.year > 1900) || (a == ACT_RIGHT && st->arg.year < 2999)) {
        st->arg.year += a == ACT_LEFT ? -1 : 1;
        load(s);
        return SR_HANDLED;
    }
    if (a == ACT_NEW) {
        if (!st->arg.plan_id)
            ui_status(s->ui, true, "%s", _("Open the calendar from a plan (F12 there) to add "
                                            "its events."));
        else
            scr_event_form_open(s->ui, st->arg.plan_id, 0);
        return SR_HANDLED;
    }
    if (a == ACT_HISTORY && selected_event(st)) {
        memset(&st->hist, 0, sizeof st->hist);
        st->hist.entity = "plan_event";
        snprintf(st->hist.id, sizeof st->hist.id, "%lld", selected_event(st));
        snprintf(st->hist.title, sizeof st->hist.title, "%s", st->items[st->lv.selected].name);
        ui_push(s->ui, &scr_history_ops, &st->hist);
        return SR_HANDLED;
    }
    if (a == ACT_OPEN || a == ACT_EDIT || a == ACT_DELETE) {
        long long id = selected_event(st);
        if (!id && a != ACT_OPEN)
            ui_status(s->ui, true, "%s", _("Choose an event (report deadlines and tasks are "
                                            "changed in their plan or task)."));
        else if (id && a == ACT_DELETE)
            delete_event(s, id);
        else if (id)
            scr_event_form_open(s->ui, 0, id);
        return SR_HANDLED;
    }
    return list_handle(&st->lv, a) ? SR_HANDLED : SR_UNHANDLED;
}

static const enum action calendar_actions[] = {ACT_NEW, ACT_EDIT, ACT_DELETE, ACT_HISTORY, ACT_LEFT,
                                               ACT_RIGHT, ACT_BACK};

const struct screen_ops scr_calendar_ops = {
    .title = N_("Calendar"),
    .actions = calendar_actions,
    .nactions = sizeof calendar_actions / sizeof *calendar_actions,
    .state_size = sizeof(struct calendar_state),
    .enter = calendar_enter,
    .leave = calendar_leave,
    .draw = calendar_draw,
    .on_action = calendar_action,
    .resume = calendar_resume,
};
