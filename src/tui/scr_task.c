/* scr_task — one task: what, who, for which plan and criteria, its dates
 * and status, its evidence, and its progress notes by date. F3 adds a
 * note, F4 edits, F7 marks it done (or opens it again), F8 deletes it,
 * Ctrl-Y shows its history. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/list.h"
#include "treem/db/task_repo.h"
#include "treem/model/plan.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOTES_Y 10

struct task_state {
    long long id;
    bool loaded;
    struct task task;
    struct task_note *notes;
    size_t n;
    struct list_view lv;
    struct history_ref hist;
};

static void load(struct screen *s)
{
    struct task_state *st = s->state;
    task_clear(&st->task);
    task_note_list_free(st->notes, st->n);
    st->notes = NULL;
    st->n = 0;
    enum status rc = task_repo_get(s->ui->db, st->id, &st->task);
    st->loaded = rc == ST_OK;
    if (rc == ST_OK)
        rc = task_repo_notes(s->ui->db, st->id, &st->notes, &st->n);
    if (rc != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
    list_set_count(&st->lv, st->n);
}

static void task_enter(struct screen *s)
{
    struct task_state *st = s->state;
    st->id = *(const long long *)s->arg;
    load(s);
}

static void task_leave(struct screen *s)
{
    struct task_state *st = s->state;
    task_clear(&st->task);
    task_note_list_free(st->notes, st->n);
}

static void task_resume(struct screen *s) { load(s); }

static const char *date_or_dash(struct date d, char buf[DATE_BUF])
{
    if (!plan_date_set(d))
        return "—";
    date_format(d, buf);
    return buf;
}

/* "label value" at row y, the value from column 20. */
static void line(WINDOW *w, int y, int cols, const char *label, const char *value)
{
    ui_print_pad(w, y, 2, 18, label);
    ui_print(w, y, 20, cols - 22, value && *value ? value : "—");
}

static void note_row(void *ctx, size_t i, char *buf, size_t bufsz)
{
    struct task_state *st = ctx;
    const struct task_note *n = &st->notes[i];
    char date[DATE_BUF];
    date_format(n->noted_on, date);
    snprintf(buf, bufsz, "%s  %s  (%s)", date, n->text, n->who);
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
    ui_attr(w, status == TASK_OVERDUE ? UC_WARN : UC_OK, true);
    ui_print(w, 2, 20, 20, task_status_label(status));
    ui_attr(w, status == TASK_OVERDUE ? UC_WARN : UC_OK, false);
    line(w, 3, cols, _("Department:"), t->department_name);
    line(w, 4, cols, _("Plan:"), t->plan_label);
    line(w, 5, cols, _("Criteria:"), t->criteria);
    snprintf(dates, sizeof dates, "%s   %s %s", date_or_dash(t->start_on, a), _("Due:"),
             date_or_dash(t->due_on, b));
    line(w, 6, cols, _("Start:"), dates);
    snprintf(dates, sizeof dates, "%s %s", date_or_dash(t->done_on, c),
             task_done_late(t) ? _("(finished after the due date)") : "");
    line(w, 7, cols, _("Done on:"), dates);
    line(w, 8, cols, _("Evidence:"), t->evidence);
}

static void task_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct task_state *st = s->state;
    if (!st->loaded) {
        ui_print(w, 1, 2, cols - 4, _("This task could not be read (Esc: back)."));
        return;
    }
    draw_fields(st, w, cols);
    ui_attr(w, UC_BAR_KEY, true);
    ui_print_pad(w, NOTES_Y - 1, 1, cols - 2, _("Progress notes (F3 adds one):"));
    ui_attr(w, UC_BAR_KEY, false);
    if (!st->n) {
        ui_attr(w, UC_DIM, true);
        ui_print(w, NOTES_Y, 2, cols - 4, _("none yet"));
        ui_attr(w, UC_DIM, false);
        return;
    }
    list_draw(w, NOTES_Y, 1, rows - NOTES_Y, cols - 2, &st->lv, note_row, st, true);
}

static enum screen_result task_action(struct screen *s, enum action a, int digit)
{
    struct task_state *st = s->state;
    struct ui *ui = s->ui;
    (void)digit;
    if (!st->loaded)
        return SR_UNHANDLED;
    switch (a) {
    case ACT_NEW: scr_task_note_open(ui, st->id); return SR_HANDLED;
    case ACT_EDIT: scr_task_form_open(ui, st->id, 0); return SR_HANDLED;
    case ACT_DONE:
        if (scr_task_toggle_done(ui, st->id))
            load(s);
        return SR_HANDLED;
    case ACT_DELETE: return scr_task_delete(ui, st->id) ? SR_POP : SR_HANDLED;
    case ACT_OPEN: return SR_HANDLED;
    case ACT_HISTORY:
        memset(&st->hist, 0, sizeof st->hist);
        st->hist.entity = "task";
        snprintf(st->hist.id, sizeof st->hist.id, "%lld", st->id);
        snprintf(st->hist.title, sizeof st->hist.title, _("task %lld"), st->id);
        ui_push(ui, &scr_history_ops, &st->hist);
        return SR_HANDLED;
    default: return list_handle(&st->lv, a) ? SR_HANDLED : SR_UNHANDLED;
    }
}

static const enum action task_actions[] = {ACT_NEW, ACT_EDIT, ACT_DONE, ACT_DELETE, ACT_HISTORY,
                                           ACT_BACK};

const struct screen_ops scr_task_ops = {
    .title = N_("Task"),
    SCREEN_ACTIONS(task_actions),
    .state_size = sizeof(struct task_state),
    .enter = task_enter,
    .leave = task_leave,
    .draw = task_draw,
    .on_action = task_action,
    .resume = task_resume,
};
