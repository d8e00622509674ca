/* scr_plan — one plan: its fields at the top, then its targets with the
 * value measured (from the register or typed with its source) and whether
 * each is met. Adds and deletes targets, takes typed values, edits the
 * plan, copies it to the next year and opens its calendar. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/listbase.h"
#include "treem/app/plan.h"
#include "treem/db/plan_repo.h"
#include "treem/db/target_repo.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rows of the body above the list of targets. */
#define HEAD_ROWS 11

struct plan_state {
    struct listbase lb;      /* the base: the plan's targets */
    int target_w;            /* the target's text column at the last draw's width */
    long long id;
    bool loaded;
    struct plan plan;
    struct plan_counts counts;
    struct plan_target *targets;
    struct plan_target_view *views;
    size_t n;                /* targets read (lb.n: those shown, 0 when a view failed) */
    struct scr_calendar_arg cal;
    struct history_ref hist;
};

static void p_unload(struct screen *s)
{
    struct plan_state *st = s->state;
    plan_target_list_free(st->targets, st->n);
    free(st->views);
    st->targets = NULL;
    st->views = NULL;
    st->n = 0;
}

static void p_leave(struct screen *s) { plan_clear(&((struct plan_state *)s->state)->plan); }

static enum status load_targets(struct db *db, struct plan_state *st)
{
    enum status rc = target_repo_list(db, st->id, &st->targets, &st->n);
    if (rc == ST_OK && st->n && !(st->views = calloc(st->n, sizeof *st->views)))
        rc = status_set(ST_NOMEM, "%s", _("out of memory"));
    for (size_t i = 0; rc == ST_OK && i < st->n; i++)
        rc = plan_target_view(db, &st->targets[i], st->plan.year, date_today(), &st->views[i]);
    return rc;
}

/* The plan and its targets; the plan's fields stay when only its targets
 * cannot be read. */
static bool p_load(struct screen *s, size_t *count)
{
    struct plan_state *st = s->state;
    struct db *db = s->ui->db;
    plan_clear(&st->plan);
    enum status rc = plan_repo_get(db, st->id, &st->plan);
    st->loaded = rc == ST_OK;
    if (rc == ST_OK)
        rc = plan_repo_counts(db, st->id, date_today(), &st->counts);
    if (rc == ST_OK)
        rc = load_targets(db, st);
    if (rc != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
    *count = st->views ? st->n : 0;
    return true;
}

/* "label value" pairs joined with spaces, clipped to the width. */
static void pairs(WINDOW *w, int y, int cols, const char *const *kv, int n)
{
    char line[1024];
    size_t len = 0;
    line[0] = '\0';
    for (int i = 0; i + 1 < n && len < sizeof line; i += 2)
        len += (size_t)snprintf(line + len, sizeof line - len, "%s%s %s", i ? "   " : "", kv[i],
                                kv[i + 1] && *kv[i + 1] ? kv[i + 1] : "—");
    ui_print(w, y, 2, cols - 4, line);
}

const char *plan_date_or_dash(struct date d, char buf[DATE_BUF])
{
    if (!plan_date_set(d))
        return "—";
    date_format(d, buf);
    return buf;
}

static void draw_head(struct plan_state *st, WINDOW *w, int cols)
{
    const struct plan *p = &st->plan;
    ui_attr(w, UC_OK, true);
    ui_print_wrapped(w, 0, 2, cols - 4, p->title, 2);
    ui_attr(w, UC_OK, false);
    char d1[DATE_BUF], d2[DATE_BUF], d3[DATE_BUF], year[16], tasks[160];
    snprintf(year, sizeof year, "%d", p->year);
    const char *r2[] = {_("Number:"), p->number, _("Date:"), plan_date_or_dash(p->issued_on, d1),
                        _("Year:"), year};
    pairs(w, 2, cols, r2, 6);
    const char *r3[] = {_("Issuing body:"), p->issuer};
    pairs(w, 3, cols, r3, 2);
    const char *r4[] = {_("6-month report by:"), plan_date_or_dash(p->report_half, d2),
                        _("Annual report by:"), plan_date_or_dash(p->report_year, d3)};
    pairs(w, 4, cols, r4, 4);
    const char *r5[] = {_("Upstream plans:"), p->upstream};
    pairs(w, 5, cols, r5, 2);
    const char *r6[] = {_("Purpose:"), p->purpose};
    pairs(w, 6, cols, r6, 2);
    const char *r7[] = {_("Requirements:"), p->requirements};
    pairs(w, 7, cols, r7, 2);
    const char *r8[] = {_("Budget sources:"), p->budget};
    pairs(w, 8, cols, r8, 2);
    snprintf(tasks, sizeof tasks, _("Tasks: %ld, %ld done, %ld overdue · events: %ld"),
             st->counts.tasks, st->counts.tasks_done, st->counts.tasks_overdue,
             st->counts.events);
    ui_print_in(w, UC_DIM, 9, 2, cols - 4, tasks);
}

/* The target table's columns: the text takes what a terminal wider than
 * 80 columns adds; the figures keep their widths. */
static const int target_widths[] = {33, 11, 9, 11, 10};

static void target_columns(const struct plan_state *st, int *w)
{
    memcpy(w, target_widths, sizeof target_widths);
    if (st->target_w > w[0])
        w[0] = st->target_w;
}

static void target_row(struct screen *s, size_t i, struct lb_row *r)
{
    struct plan_state *st = s->state;
    const struct plan_target *t = &st->targets[i];
    const struct plan_target_view *v = &st->views[i];
    char aim[48], value[32], got[32] = "—";
    plan_format_value(t->value, t->unit, value, sizeof value);
    const char *sign = t->direction == PLAN_AT_MOST ? (draw_ascii() ? "<=" : "≤")
                                                    : (draw_ascii() ? ">=" : "≥");
    snprintf(aim, sizeof aim, "%s %s", sign, value);
    if (v->source != PLAN_VALUE_NONE)
        plan_format_value(v->value, t->unit, got, sizeof got);
    const char *source = v->source == PLAN_VALUE_COMPUTED ? _("register")
                         : v->source == PLAN_VALUE_TYPED  ? _("typed")
                                                          : "—";
    const char *cells[] = {t->text, aim, got, source, plan_target_result_label(v->result)};
    int w[5];
    target_columns(st, w);
    ui_columns_sb(&r->cell[0], w, cells, 5); /* under the head's titles */
}

static void p_layout(struct screen *s, int rows, int cols)
{
    (void)rows;
    ((struct plan_state *)s->state)->target_w = target_widths[0] + (cols > 80 ? cols - 80 : 0);
}

/* The plan's fields and the targets' column titles. */
static int p_head(struct screen *s, WINDOW *w, int cols)
{
    struct plan_state *st = s->state;
    if (!st->loaded) {
        ui_print(w, 1, 2, cols - 4, _("This plan could not be read (Esc: back)."));
        return HEAD_ROWS;
    }
    draw_head(st, w, cols);
    char header[256];
    const char *titles[] = {_("Target"), _("Aim"), _("Measured"), _("Source"), _("Result")};
    int tw[5];
    target_columns(st, tw);
    ui_columns(header, sizeof header, tw, titles, 5);
    ui_print_pad_in(w, UC_BAR_KEY, HEAD_ROWS - 1, 1, cols - 2, header);
    return HEAD_ROWS;
}

static void p_text(struct screen *s, enum lb_text which, struct strbuf *out)
{
    if (which == LB_EMPTY && ((struct plan_state *)s->state)->loaded)
        strbuf_puts(out, _("No targets yet: F3 adds one."));
}

/* Where the selected target's value comes from, in full. */
static void p_foot(struct screen *s, WINDOW *w, int y, int cols)
{
    struct plan_state *st = s->state;
    size_t sel = listbase_selected(s);
    if (sel == LB_NONE)
        return;
    char note[400];
    snprintf(note, sizeof note, "%s %s", _("Value:"), st->views[sel].note);
    ui_print_in(w, UC_DIM, y, 2, cols - 4, note);
}

static enum lb_after delete_target(struct screen *s, const struct plan_target *t)
{
    char q[700];
    snprintf(q, sizeof q, _("Delete the target \"%s\"?"), t->text);
    if (!ui_confirm(s->ui, q))
        return LB_STAY;
    return listbase_changed(s, plan_target_remove(s->ui->db, t->id), "%s", _("Target deleted."));
}

bool scr_plan_copy(struct ui *ui, long long plan_id, long long *new_id)
{
    struct plan p = {0};
    if (plan_repo_get(ui->db, plan_id, &p) != ST_OK) {
        ui_status(ui, true, "%s", status_message());
        return false;
    }
    char label[128], q[400];
    plan_label(p.number, p.year, label, sizeof label);
    snprintf(q, sizeof q, _("Copy the plan %s to %d with its targets, tasks and events? Dates "
                            "move by a year; tasks start again as not done."),
             label, p.year + 1);
    plan_clear(&p);
    if (!ui_confirm(ui, q))
        return false;
    struct plan_copy_result r;
    if (plan_copy_next_year(ui->db, plan_id, &r) != ST_OK) {
        ui_status(ui, true, "%s", status_message());
        return false;
    }
    if (r.tasks_skipped || r.events_to_check)
        ui_status(ui, false, _("Copied to %d: %zu targets, %zu tasks, %zu events; %zu tasks of "
                               "inactive departments left out, %zu lunar dates to check."),
                  r.year, r.targets, r.tasks, r.events, r.tasks_skipped, r.events_to_check);
    else
        ui_status(ui, false, _("Copied to %d: %zu targets, %zu tasks, %zu events."), r.year,
                  r.targets, r.tasks, r.events);
    if (new_id)
        *new_id = r.new_id;
    return true;
}

/* The keys on the plan and the selected target (sel; none when the plan
 * could not be read). */
static enum lb_after on_plan(struct screen *s, enum action a, size_t sel)
{
    struct plan_state *st = s->state;
    struct ui *ui = s->ui;
    if (!st->loaded)
        return LB_PASS;
    bool have = sel != LB_NONE;
    switch (a) {
    case ACT_NEW: scr_target_form_open(ui, st->id); return LB_STAY;
    case ACT_EDIT: scr_plan_form_open(ui, st->id); return LB_STAY;
    case ACT_COPY: return scr_plan_copy(ui, st->id, NULL) ? LB_RELOAD : LB_STAY;
    case ACT_CALENDAR:
        st->cal = (struct scr_calendar_arg){st->plan.year, st->id};
        ui_push(ui, &scr_calendar_ops, &st->cal);
        return LB_STAY;
    case ACT_OPEN:
        if (have)
            scr_target_value_open(ui, st->targets[sel].id);
        return LB_STAY;
    case ACT_DELETE: return have ? delete_target(s, &st->targets[sel]) : LB_STAY;
    case ACT_HISTORY: /* the selected target's, else the plan's */
        memset(&st->hist, 0, sizeof st->hist);
        st->hist.entity = have ? "plan_target" : "plan";
        snprintf(st->hist.id, sizeof st->hist.id, "%lld", have ? st->targets[sel].id : st->id);
        snprintf(st->hist.title, sizeof st->hist.title, "%s",
                 have ? st->targets[sel].text : st->plan.title);
        ui_push(ui, &scr_history_ops, &st->hist);
        return LB_STAY;
    default: return LB_PASS;
    }
}

static const struct listbase_def p_def = {
    .head = p_head, .text = p_text, .layout = p_layout,
    .load = p_load, .unload = p_unload, .leave = p_leave, .row = target_row,
    .foot_rows = 1, .foot = p_foot,
    .act = on_plan,
};

static void plan_enter(struct screen *s)
{
    ((struct plan_state *)s->state)->id = *(const long long *)s->arg;
    listbase_enter(s, &p_def);
}

/* Esc (back) is in the help but not the bar, which is full. */
static const enum action plan_actions[] = {ACT_NEW, ACT_OPEN, ACT_DELETE, ACT_EDIT,
                                           ACT_COPY, ACT_CALENDAR, ACT_HISTORY};

const struct screen_ops scr_plan_ops = {
    .title = N_("Plan"),
    LISTBASE_OPS(struct plan_state, plan_enter, plan_actions),
};
