/* scr_plans — Kế hoạch: the commune's plans, newest year first, with their
 * targets and tasks counted; typing searches the titles and numbers. Enter
 * opens a plan (scr_plan.c), F3 writes a new one, F6 copies one to the next
 * year, F8 deletes one. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/listscreen.h"
#include "treem/app/plan.h"
#include "treem/db/plan_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct plans_state {
    struct listscreen ls;
    struct plan *plans;
    struct plan_counts *counts;
    size_t n;
    size_t *shown;       /* indices into plans matching the search */
    long long open_id;   /* the plan scr_plan_ops was opened on */
};

static void unload(struct plans_state *st)
{
    plan_list_free(st->plans, st->n);
    free(st->counts);
    free(st->shown);
    st->plans = NULL;
    st->counts = NULL;
    st->shown = NULL;
    st->n = 0;
}

/* True when the folded title or number contains the folded search. */
static bool matches(const struct plan *p, const char *want)
{
    if (!*want)
        return true;
    char *title = utf8_fold(p->title), *number = utf8_fold(p->number);
    bool hit = (title && strstr(title, want)) || (number && strstr(number, want));
    free(title);
    free(number);
    return hit;
}

static void filter_plans(struct plans_state *st)
{
    char *want = utf8_fold(field_text(&st->ls.search));
    size_t k = 0;
    for (size_t i = 0; st->shown && i < st->n; i++)
        if (matches(&st->plans[i], want ? want : ""))
            st->shown[k++] = i;
    free(want);
    list_set_count(&st->ls.lv, k);
}

/* Reloads the plans; the selection follows the plan `keep` when listed. */
static void load(struct screen *s, long long keep)
{
    struct plans_state *st = s->state;
    struct db *db = s->ui->db;
    unload(st);
    enum status rc = plan_repo_list(db, 0, &st->plans, &st->n);
    if (rc == ST_OK && st->n) {
        st->counts = calloc(st->n, sizeof *st->counts);
        st->shown = calloc(st->n, sizeof *st->shown);
        if (!st->counts || !st->shown)
            rc = status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    for (size_t i = 0; rc == ST_OK && i < st->n; i++)
        rc = plan_repo_counts(db, st->plans[i].id, date_today(), &st->counts[i]);
    if (rc != ST_OK) {
        ui_status(s->ui, true, "%s", status_message());
        unload(st);
    }
    filter_plans(st);
    for (size_t k = 0; keep && k < st->ls.lv.count; k++)
        if (st->plans[st->shown[k]].id == keep)
            st->ls.lv.selected = k;
}

static const struct plan *selected(struct plans_state *st)
{
    return st->ls.lv.count ? &st->plans[st->shown[st->ls.lv.selected]] : NULL;
}

static const int plan_widths[] = {14, 4, 32, 8, 8, 7};

static void plans_enter(struct screen *s)
{
    struct plans_state *st = s->state;
    listscreen_init(&st->ls);
    const char *titles[] = {_("Number"), _("Year"), _("Title"), _("Targets"), _("Tasks"),
                            _("Overdue")};
    listscreen_set_header(&st->ls, plan_widths, titles, 6);
    listscreen_set_filter(&st->ls, _("Every year, newest first. Type to search titles and numbers."));
    load(s, 0);
}

static void plans_leave(struct screen *s)
{
    struct plans_state *st = s->state;
    unload(st);
    listscreen_free(&st->ls);
}

static void plans_resume(struct screen *s)
{
    struct plans_state *st = s->state;
    const struct plan *p = selected(st);
    load(s, p ? p->id : 0);
}

static void plan_row(void *ctx, size_t k, char *buf, size_t bufsz)
{
    struct plans_state *st = ctx;
    size_t i = st->shown[k];
    const struct plan *p = &st->plans[i];
    const struct plan_counts *c = &st->counts[i];
    char year[16], targets[16], tasks[32], overdue[16];
    snprintf(year, sizeof year, "%d", p->year);
    snprintf(targets, sizeof targets, "%ld", c->targets);
    snprintf(tasks, sizeof tasks, "%ld/%ld", c->tasks_done, c->tasks);
    snprintf(overdue, sizeof overdue, "%ld", c->tasks_overdue);
    const char *cells[] = {*p->number ? p->number : "—", year, p->title, targets, tasks, overdue};
    ui_columns(buf, bufsz, plan_widths, cells, 6);
}

static void plans_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct plans_state *st = s->state;
    listscreen_draw(w, rows, cols, &st->ls, plan_row, st);
    if (!st->n) {
        ui_attr(w, UC_DIM, true);
        ui_print(w, 4, 2, cols - 4, _("No plans yet: F3 writes the first one."));
        ui_attr(w, UC_DIM, false);
    }
}

static void delete_plan(struct screen *s, const struct plan *p, const struct plan_counts *c)
{
    char label[128], q[400];
    plan_label(p->number, p->year, label, sizeof label);
    snprintf(q, sizeof q, _("Delete the plan %s with its %ld targets, %ld tasks and %ld events?"),
             label, c->targets, c->tasks, c->events);
    if (!ui_confirm(s->ui, q))
        return;
    if (plan_remove(s->ui->db, p->id) != ST_OK) {
        ui_status(s->ui, true, "%s", status_message());
        return;
    }
    ui_status(s->ui, false, _("Deleted the plan %s."), label);
    load(s, 0);
}

static enum screen_result plans_action(struct screen *s, enum action a, int digit)
{
    struct plans_state *st = s->state;
    const struct plan *p = selected(st);
    (void)digit;
    switch (a) {
    case ACT_NEW:
        scr_plan_form_open(s->ui, 0);
        return SR_HANDLED;
    case ACT_OPEN:
        if (p) {
            st->open_id = p->id;
            ui_push(s->ui, &scr_plan_ops, &st->open_id);
        }
        return SR_HANDLED;
    case ACT_DELETE:
        if (p)
            delete_plan(s, p, &st->counts[st->shown[st->ls.lv.selected]]);
        return SR_HANDLED;
    case ACT_COPY: {
        long long copy;
        if (p && scr_plan_copy(s->ui, p->id, &copy))
            load(s, copy);
        return SR_HANDLED;
    }
    default:
        break;
    }
    enum ls_result r = listscreen_action(&st->ls, a);
    if (r == LS_SEARCH_CHANGED)
        filter_plans(st);
    return r == LS_UNHANDLED ? SR_UNHANDLED : SR_HANDLED;
}

static enum screen_result plans_text(struct screen *s, const char *utf8)
{
    struct plans_state *st = s->state;
    switch (listscreen_text(&st->ls, utf8)) {
    case LS_SEARCH_CHANGED: filter_plans(st); return SR_HANDLED;
    case LS_UNHANDLED: return SR_UNHANDLED; /* a digit on an empty search line: jump */
    default: return SR_HANDLED;
    }
}

static bool plans_text_mode(struct screen *s)
{
    (void)s;
    return true;
}

static const enum action plans_actions[] = {ACT_OPEN, ACT_NEW, ACT_DELETE, ACT_COPY};

const struct screen_ops scr_plans_ops = {
    .title = N_("Plans"),
    .actions = plans_actions,
    .nactions = sizeof plans_actions / sizeof *plans_actions,
    .state_size = sizeof(struct plans_state),
    .enter = plans_enter,
    .leave = plans_leave,
    .draw = plans_draw,
    .on_action = plans_action,
    .on_text = plans_text,
    .text_mode = plans_text_mode,
    .resume = plans_resume,
};
