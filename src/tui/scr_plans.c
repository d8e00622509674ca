/* scr_plans — Kế hoạch: the commune's plans, newest year first, with their
 * targets and tasks counted; typing searches the titles and numbers. Enter
 * opens a plan (scr_plan.c), F3 writes a new one, F6 copies one to the next
 * year, F8 deletes one. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/listbase.h"
#include "treem/app/plan.h"
#include "treem/db/plan_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct plans_state {
    struct listbase lb;
    struct plan *plans;
    struct plan_counts *counts;  /* lb.n of each */
    long long open_id;   /* the plan scr_plan_ops was opened on */
};

static void p_unload(struct screen *s)
{
    struct plans_state *st = s->state;
    plan_list_free(st->plans, st->lb.n);
    free(st->counts);
    st->plans = NULL;
    st->counts = NULL;
}

static bool p_load(struct screen *s, size_t *count)
{
    struct plans_state *st = s->state;
    struct db *db = s->ui->db;
    enum status rc = plan_repo_list(db, 0, &st->plans, count); /* the base unloads on an error */
    if (rc == ST_OK && *count && !(st->counts = calloc(*count, sizeof *st->counts)))
        rc = status_set(ST_NOMEM, "%s", _("out of memory"));
    for (size_t i = 0; rc == ST_OK && i < *count; i++)
        rc = plan_repo_counts(db, st->plans[i].id, date_today(), &st->counts[i]);
    return rc == ST_OK;
}

/* True when the folded title or number contains the folded search. */
static bool p_match(struct screen *s, size_t i, const char *want)
{
    const struct plan *p = &((struct plans_state *)s->state)->plans[i];
    char *title = utf8_fold(p->title), *number = utf8_fold(p->number);
    bool hit = (title && strstr(title, want)) || (number && strstr(number, want));
    free(title);
    free(number);
    return hit;
}

static void p_row(struct screen *s, size_t i, struct lb_row *r)
{
    struct plans_state *st = s->state;
    const struct plan *p = &st->plans[i];
    const struct plan_counts *c = &st->counts[i];
    lb_cell(r, 0, *p->number ? p->number : "—");
    lb_cellf(r, 1, "%d", p->year);
    lb_cell(r, 2, p->title);
    lb_cellf(r, 3, "%ld", c->targets);
    lb_cellf(r, 4, "%ld/%ld", c->tasks_done, c->tasks);
    lb_cellf(r, 5, "%ld", c->tasks_overdue);
}

static long long p_id(struct screen *s, size_t i)
{
    return ((struct plans_state *)s->state)->plans[i].id;
}

static enum lb_after new_plan(struct screen *s, size_t sel, int digit)
{
    (void)sel, (void)digit;
    scr_plan_form_open(s->ui, 0);
    return LB_STAY;
}

static enum lb_after open_plan(struct screen *s, size_t sel, int digit)
{
    struct plans_state *st = s->state;
    (void)digit;
    st->open_id = st->plans[sel].id;
    ui_push(s->ui, &scr_plan_ops, &st->open_id);
    return LB_STAY;
}

static enum lb_after delete_plan(struct screen *s, size_t sel, int digit)
{
    struct plans_state *st = s->state;
    const struct plan *p = &st->plans[sel];
    const struct plan_counts *c = &st->counts[sel];
    char label[128], q[400];
    (void)digit;
    plan_label(p->number, p->year, label, sizeof label);
    snprintf(q, sizeof q, _("Delete the plan %s with its %ld targets, %ld tasks and %ld events?"),
             label, c->targets, c->tasks, c->events);
    if (!ui_confirm(s->ui, q))
        return LB_STAY;
    if (plan_remove(s->ui->db, p->id) != ST_OK) {
        ui_status(s->ui, true, "%s", status_message());
        return LB_STAY;
    }
    ui_status(s->ui, false, _("Deleted the plan %s."), label);
    return LB_RELOAD;
}

static enum lb_after copy_plan(struct screen *s, size_t sel, int digit)
{
    long long copy;
    (void)digit;
    if (scr_plan_copy(s->ui, p_id(s, sel), &copy)) {
        listbase_reload(s);
        listbase_select_id(s, copy);
    }
    return LB_STAY;
}

static const struct lb_key p_keys[] = {
    {ACT_NEW, new_plan, true},
    {ACT_OPEN, open_plan, false},
    {ACT_DELETE, delete_plan, false},
    {ACT_COPY, copy_plan, false},
};
static const struct lb_col p_cols[] = {
    {N_("Number"), 14}, {N_("Year"), 4}, {N_("Title"), LB_FLEX},
    {N_("Targets"), 8}, {N_("Tasks"), 8}, {N_("Overdue"), 7},
};
static const struct listbase_def p_def = {
    .search = true,
    .hint = N_("Every year, newest first. Type to search titles and numbers."),
    .empty = N_("No plans yet: F3 writes the first one."),
    .cols = p_cols, .ncols = sizeof p_cols / sizeof *p_cols,
    .load = p_load, .unload = p_unload, .row = p_row, .match = p_match, .id = p_id,
    .keys = p_keys, .nkeys = sizeof p_keys / sizeof *p_keys,
};


static const enum action plans_actions[] = {ACT_OPEN, ACT_NEW, ACT_DELETE, ACT_COPY};

const struct screen_ops scr_plans_ops = {
    .title = N_("Plans"),
    LISTBASE_SCREEN(struct plans_state, p_def, plans_actions),
};
