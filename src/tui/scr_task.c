/* scr_task — one task: what, who, for which plan and criteria, its dates
 * and status, its evidence, and its progress notes by date. F3 adds a
 * note, F4 edits, F7 marks it done (or opens it again), F8 deletes it,
 * Ctrl-Y shows its history. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/listbase.h"
#include "treem/db/task_repo.h"
#include "treem/model/plan.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOTES_Y 10

struct task_state {
    struct listbase lb;        /* the base: its notes */
    long long id;
    bool loaded;
    struct task task;
    struct task_note *notes;   /* lb.n of them */
    struct history_ref hist;
};

/* The task, and its notes for the list (a task that cannot be read: none). */
static bool t_load(struct screen *s, size_t *count)
{
    struct task_state *st = s->state;
    task_clear(&st->task);
    enum status rc = task_repo_get(s->ui->db, st->id, &st->task);
    st->loaded = rc == ST_OK;
    if (rc == ST_OK)
        rc = task_repo_notes(s->ui->db, st->id, &st->notes, count);
    return rc == ST_OK;
}

static void t_unload(struct screen *s)
{
    struct task_state *st = s->state;
    task_note_list_free(st->notes, st->lb.n);
    st->notes = NULL;
}

static void t_leave(struct screen *s) { task_clear(&((struct task_state *)s->state)->task); }

/* "label value" at row y, the value from column 20. */
static void line(WINDOW *w, int y, int cols, const char *label, const char *value)
{
    ui_print_pad(w, y, 2, 18, label);
    ui_print(w, y, 20, cols - 22, value && *value ? value : "—");
}

static void note_row(struct screen *s, size_t i, struct lb_row *r)
{
    const struct task_note *n = &((struct task_state *)s->state)->notes[i];
    char date[DATE_BUF];
    date_format(n->noted_on, date);
    lb_cellf(r, 0, "%s  %s  (%s)", date, n->text, n->who);
}

static void draw_fields(struct task_state *st, WINDOW *w, int cols)
{
    const struct task *t = &st->task;
    ui_attr(w, UC_OK, true);
    ui_print_wrapped(w, 0, 2, cols - 4, t->text, 2);
    ui_attr(w, UC_OK, false);
    char a[DATE_BUF], b[DATE_BUF], c[DATE_BUF], dates[160];
    enum task_status status = task_status_on(t, date_today());
    ui_print_pad(w, 2, 2, 18, _("Status:"));
    ui_print_in(w, status == TASK_OVERDUE ? UC_WARN : UC_OK, 2, 20, 20, task_status_label(status));
    line(w, 3, cols, _("Department:"), t->department_name);
    line(w, 4, cols, _("Plan:"), t->plan_label);
    line(w, 5, cols, _("Criteria:"), t->criteria);
    snprintf(dates, sizeof dates, "%s   %s %s", plan_date_or_dash(t->start_on, a), _("Due:"),
             plan_date_or_dash(t->due_on, b));
    line(w, 6, cols, _("Start:"), dates);
    snprintf(dates, sizeof dates, "%s %s", plan_date_or_dash(t->done_on, c),
             task_done_late(t) ? _("(finished after the due date)") : "");
    line(w, 7, cols, _("Done on:"), dates);
    line(w, 8, cols, _("Evidence:"), t->evidence);
}

/* The task above its notes. */
static int t_head(struct screen *s, WINDOW *w, int cols)
{
    struct task_state *st = s->state;
    if (!st->loaded) {
        ui_print(w, 1, 2, cols - 4, _("This task could not be read (Esc: back)."));
        return NOTES_Y;
    }
    draw_fields(st, w, cols);
    ui_print_pad_in(w, UC_BAR_KEY, NOTES_Y - 1, 1, cols - 2, _("Progress notes (F3 adds one):"));
    return NOTES_Y;
}

static void t_text(struct screen *s, enum lb_text which, struct strbuf *out)
{
    if (which == LB_EMPTY && ((struct task_state *)s->state)->loaded)
        strbuf_puts(out, _("none yet"));
}

/* The keys on the task (none when it could not be read). */
static enum lb_after on_task(struct screen *s, enum action a, size_t sel)
{
    struct task_state *st = s->state;
    struct ui *ui = s->ui;
    (void)sel;
    if (!st->loaded)
        return LB_PASS;
    switch (a) {
    case ACT_NEW: scr_task_note_open(ui, st->id); return LB_STAY;
    case ACT_EDIT: scr_task_form_open(ui, st->id, 0); return LB_STAY;
    case ACT_DONE: return scr_task_toggle_done(ui, st->id) ? LB_RELOAD : LB_STAY;
    case ACT_DELETE: return scr_task_delete(ui, st->id) ? LB_POP : LB_STAY;
    case ACT_HISTORY:
        memset(&st->hist, 0, sizeof st->hist);
        st->hist.entity = "task";
        snprintf(st->hist.id, sizeof st->hist.id, "%lld", st->id);
        snprintf(st->hist.title, sizeof st->hist.title, _("task %lld"), st->id);
        ui_push(ui, &scr_history_ops, &st->hist);
        return LB_STAY;
    default: return LB_PASS;
    }
}

static const struct listbase_def t_def = {
    .head = t_head, .text = t_text,
    .load = t_load, .unload = t_unload, .leave = t_leave, .row = note_row,
    .act = on_task,
};

static void task_enter(struct screen *s)
{
    ((struct task_state *)s->state)->id = *(const long long *)s->arg;
    listbase_enter(s, &t_def);
}

static const enum action task_actions[] = {ACT_NEW, ACT_EDIT, ACT_DONE, ACT_DELETE, ACT_HISTORY,
                                           ACT_BACK};

const struct screen_ops scr_task_ops = {
    .title = N_("Task"),
    LISTBASE_OPS(struct task_state, task_enter, task_actions),
};
