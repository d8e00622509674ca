/* scr_tasks — Nhiệm vụ: first the departments (ban ngành) with their open
 * and overdue tasks; Enter shows a department's tasks. F5 changes the view:
 * departments, all tasks, overdue, open, by criterion (typed in the search
 * line). Typing searches the tasks' text. A task's status (chưa bắt đầu /
 * đang làm / xong / quá hạn) comes from its dates and today. F4 on a
 * department edits it (name, contact, phone, criteria, active). */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/listscreen.h"
#include "treem/db/department_repo.h"
#include "treem/db/task_repo.h"
#include "treem/model/plan.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum tasks_view { V_DEPTS, V_ALL, V_OVERDUE, V_OPEN, V_CRITERION, V__COUNT };

static const char *const view_names[V__COUNT] = {
    N_("departments"), N_("all tasks"), N_("overdue tasks"), N_("open tasks"),
    N_("tasks by criterion"),
};

/* Column widths of the two kinds of rows (the last takes what is left). */
static const int dept_widths[] = {43, 10, 9, 8};
static const int task_widths[] = {12, 10, 18, 160};

struct tasks_state {
    struct listscreen ls;
    enum tasks_view view;
    long long dept_id;            /* the department opened, 0 for all */
    char dept_name[200];
    struct department *depts;
    size_t ndepts;
    long *open, *overdue;         /* per department */
    size_t *shown;                /* departments matching the search */
    struct task *tasks;
    size_t ntasks;
    char criterion_note[200];     /* why the criterion view shows what it shows */
    long long open_id;            /* the task scr_task_ops was opened on */
    struct scr_calendar_arg cal;
    struct history_ref hist;      /* Ctrl-Y on a department */
};

static void unload(struct tasks_state *st)
{
    department_list_free(st->depts, st->ndepts);
    free(st->open);
    free(st->overdue);
    free(st->shown);
    task_list_free(st->tasks, st->ntasks);
    st->depts = NULL;
    st->open = st->overdue = NULL;
    st->shown = NULL;
    st->tasks = NULL;
    st->ndepts = st->ntasks = 0;
}

/* Counts each department's open and overdue tasks from one list. */
static enum status count_tasks(struct db *db, struct tasks_state *st)
{
    struct task_filter f = {.open_only = true, .on = date_today()};
    struct task *list;
    size_t n;
    enum status rc = task_repo_list(db, &f, &list, &n);
    for (size_t i = 0; rc == ST_OK && i < n; i++)
        for (size_t k = 0; k < st->ndepts; k++)
            if (st->depts[k].id == list[i].department_id) {
                st->open[k]++;
                st->overdue[k] += task_status_on(&list[i], f.on) == TASK_OVERDUE;
            }
    if (rc == ST_OK)
        task_list_free(list, n);
    return rc;
}

static enum status load_depts(struct db *db, struct tasks_state *st)
{
    enum status rc = department_repo_list(db, false, &st->depts, &st->ndepts);
    if (rc == ST_OK && st->ndepts) {
        st->open = calloc(st->ndepts, sizeof *st->open);
        st->overdue = calloc(st->ndepts, sizeof *st->overdue);
        st->shown = calloc(st->ndepts, sizeof *st->shown);
        if (!st->open || !st->overdue || !st->shown)
            return status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    if (rc != ST_OK || !st->ndepts)
        return rc;
    rc = count_tasks(db, st);
    char *want = utf8_fold(field_text(&st->ls.search));
    size_t k = 0;
    for (size_t i = 0; rc == ST_OK && i < st->ndepts; i++) {
        char *name = utf8_fold(st->depts[i].name);
        if (!want || !*want || (name && strstr(name, want)))
            st->shown[k++] = i;
        free(name);
    }
    free(want);
    list_set_count(&st->ls.lv, k);
    return rc;
}

/* The criterion typed in the search line, for the criterion view: true with
 * *out set ("5.1") when it is one; else the note says what to type. */
static bool typed_criterion(struct tasks_state *st, char **out)
{
    const char *text = field_text(&st->ls.search);
    *out = NULL;
    if (!*text) {
        snprintf(st->criterion_note, sizeof st->criterion_note, "%s",
                 _("type a criterion in the search line, e.g. 5 or 5.1"));
        return false;
    }
    if (task_criteria_normalize(text, out) != ST_OK || !**out || strchr(*out, ',')) {
        free(*out);
        *out = NULL;
        snprintf(st->criterion_note, sizeof st->criterion_note,
                 _("'%s' is not one criterion: type e.g. 5 or 5.1"), text);
        return false;
    }
    snprintf(st->criterion_note, sizeof st->criterion_note, _("criterion %s"), *out);
    return true;
}

static enum status load_tasks(struct db *db, struct tasks_state *st)
{
    struct task_filter f = {.on = date_today(), .department_id = st->dept_id};
    f.open_only = st->view == V_OPEN;
    f.overdue_only = st->view == V_OVERDUE;
    char *criterion = NULL;
    if (st->view == V_CRITERION) {
        if (!typed_criterion(st, &criterion) && field_text(&st->ls.search)[0]) {
            list_set_count(&st->ls.lv, 0); /* not a criterion: nothing matches */
            return ST_OK;
        }
        f.criterion = criterion;
    } else {
        f.search = field_text(&st->ls.search);
    }
    enum status rc = task_repo_list(db, &f, &st->tasks, &st->ntasks);
    free(criterion);
    list_set_count(&st->ls.lv, rc == ST_OK ? st->ntasks : 0);
    return rc;
}

static void describe(struct tasks_state *st)
{
    char view[300];
    if (st->view == V_DEPTS) {
        const char *t[] = {_("Department"), _("Criteria"), _("Not done"), _("Overdue")};
        listscreen_set_header(&st->ls, dept_widths, t, 4);
        snprintf(view, sizeof view, "%s", _("Enter shows a department's tasks."));
    } else {
        const char *t[] = {_("Status"), _("Due"), _("Department"), _("Task")};
        listscreen_set_header(&st->ls, task_widths, t, 4);
        if (st->view == V_CRITERION)
            snprintf(view, sizeof view, "%s", st->criterion_note);
        else
            snprintf(view, sizeof view, "%s", st->dept_id ? st->dept_name : _("every department"));
    }
    strbuf_reset(&st->ls.filter);
    strbuf_printf(&st->ls.filter, _("View: %s · %s · F5 changes the view"),
             _(view_names[st->view]), view);
}

static void load(struct screen *s)
{
    struct tasks_state *st = s->state;
    unload(st);
    enum status rc = st->view == V_DEPTS ? load_depts(s->ui->db, st)
                                         : load_tasks(s->ui->db, st);
    if (rc != ST_OK) {
        ui_status(s->ui, true, "%s", status_message());
        unload(st);
        list_set_count(&st->ls.lv, 0);
    }
    describe(st);
}

static void tasks_enter(struct screen *s)
{
    struct tasks_state *st = s->state;
    listscreen_init(&st->ls);
    load(s);
}

static void tasks_leave(struct screen *s)
{
    struct tasks_state *st = s->state;
    unload(st);
    listscreen_free(&st->ls);
}

static void tasks_resume(struct screen *s) { load(s); }

static void dept_row(struct tasks_state *st, size_t k, char *buf, size_t bufsz)
{
    size_t i = st->shown[k];
    char open[16], overdue[16];
    snprintf(open, sizeof open, "%ld", st->open[i]);
    snprintf(overdue, sizeof overdue, "%ld", st->overdue[i]);
    const char *cells[] = {st->depts[i].name, *st->depts[i].criteria ? st->depts[i].criteria : "—",
                           open, overdue};
    ui_columns(buf, bufsz, dept_widths, cells, 4);
}

static void row(void *ctx, size_t k, char *buf, size_t bufsz)
{
    struct tasks_state *st = ctx;
    if (st->view == V_DEPTS) {
        dept_row(st, k, buf, bufsz);
        return;
    }
    const struct task *t = &st->tasks[k];
    char due[DATE_BUF];
    date_format(t->due_on, due);
    const char *cells[] = {task_status_label(task_status_on(t, date_today())), due,
                           t->department_name, t->text};
    ui_columns(buf, bufsz, task_widths, cells, 4);
}

static void tasks_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct tasks_state *st = s->state;
    listscreen_draw(w, rows, cols, &st->ls, row, st);
    if (st->view != V_DEPTS && !st->ls.lv.count) {
        ui_attr(w, UC_DIM, true);
        ui_print(w, 4, 2, cols - 4, _("No tasks in this view: F3 adds one, F5 changes the view."));
        ui_attr(w, UC_DIM, false);
    }
}

/* Changes the view, starting from an empty search. */
static void set_view(struct screen *s, enum tasks_view v)
{
    struct tasks_state *st = s->state;
    st->view = v;
    if (v == V_DEPTS)
        st->dept_id = 0;
    field_set(&st->ls.search, "");
    st->ls.digits = v == V_CRITERION; /* its search line takes a number */
    st->ls.lv.selected = st->ls.lv.top = 0;
    load(s);
}

static void open_dept(struct screen *s)
{
    struct tasks_state *st = s->state;
    const struct department *d = &st->depts[st->shown[st->ls.lv.selected]];
    st->dept_id = d->id;
    snprintf(st->dept_name, sizeof st->dept_name, "%s", d->name);
    set_view(s, V_ALL);
}

static long long selected_task(struct tasks_state *st)
{
    return st->view != V_DEPTS && st->ls.lv.count ? st->tasks[st->ls.lv.selected].id : 0;
}

static enum screen_result on_task(struct screen *s, enum action a)
{
    struct tasks_state *st = s->state;
    long long id = selected_task(st);
    if (!id) {
        ui_status(s->ui, true, "%s", _("Choose a task first (Enter on a department shows its "
                                        "tasks)."));
        return SR_HANDLED;
    }
    if (a == ACT_OPEN) {
        st->open_id = id;
        ui_push(s->ui, &scr_task_ops, &st->open_id);
    } else if (a == ACT_EDIT) {
        scr_task_form_open(s->ui, id, 0);
    } else if ((a == ACT_DONE && scr_task_toggle_done(s->ui, id)) ||
               (a == ACT_DELETE && scr_task_delete(s->ui, id))) {
        load(s);
    }
    return SR_HANDLED;
}

static enum screen_result tasks_action(struct screen *s, enum action a, int digit)
{
    struct tasks_state *st = s->state;
    (void)digit;
    switch (a) {
    case ACT_OPEN:
        if (st->view == V_DEPTS) {
            if (st->ls.lv.count)
                open_dept(s);
            return SR_HANDLED;
        }
        return on_task(s, a);
    case ACT_EDIT:
        if (st->view == V_DEPTS) { /* F4 on a department edits it */
            if (st->ls.lv.count)
                scr_dept_form_open(s->ui, st->depts[st->shown[st->ls.lv.selected]].id);
            return SR_HANDLED;
        }
        return on_task(s, a);
    case ACT_DONE: case ACT_DELETE:
        return on_task(s, a);
    case ACT_HISTORY:
        if (st->view == V_DEPTS && st->ls.lv.count) {
            const struct department *d = &st->depts[st->shown[st->ls.lv.selected]];
            memset(&st->hist, 0, sizeof st->hist);
            st->hist.entity = "department";
            snprintf(st->hist.id, sizeof st->hist.id, "%lld", d->id);
            snprintf(st->hist.title, sizeof st->hist.title, "%s", d->name);
            ui_push(s->ui, &scr_history_ops, &st->hist);
        } else if (st->view != V_DEPTS && st->ls.lv.count) {
            memset(&st->hist, 0, sizeof st->hist);
            st->hist.entity = "task";
            snprintf(st->hist.id, sizeof st->hist.id, "%lld", selected_task(st));
            snprintf(st->hist.title, sizeof st->hist.title, _("task %lld"), selected_task(st));
            ui_push(s->ui, &scr_history_ops, &st->hist);
        }
        return SR_HANDLED;
    case ACT_NEW: {
        long long dept = st->view == V_DEPTS && st->ls.lv.count
                             ? st->depts[st->shown[st->ls.lv.selected]].id : st->dept_id;
        scr_task_form_open(s->ui, 0, dept);
        return SR_HANDLED;
    }
    case ACT_FILTER:
        set_view(s, st->view + 1 == V__COUNT ? (st->dept_id ? V_ALL : V_DEPTS) : st->view + 1);
        return SR_HANDLED;
    case ACT_CALENDAR:
        st->cal = (struct scr_calendar_arg){date_today().y, 0};
        ui_push(s->ui, &scr_calendar_ops, &st->cal);
        return SR_HANDLED;
    case ACT_BACK:
        if (st->view == V_DEPTS)
            return SR_UNHANDLED;
        set_view(s, V_DEPTS);
        return SR_HANDLED;
    default:
        break;
    }
    enum ls_result r = listscreen_action(&st->ls, a);
    if (r == LS_SEARCH_CHANGED)
        load(s);
    return r == LS_UNHANDLED ? SR_UNHANDLED : SR_HANDLED;
}

static enum screen_result tasks_text(struct screen *s, const char *utf8)
{
    struct tasks_state *st = s->state;
    /* the criterion view's search line takes a number: digits are text */
    if (st->view == V_CRITERION)
        st->ls.digits = true;
    switch (listscreen_text(&st->ls, utf8)) {
    case LS_SEARCH_CHANGED: load(s); return SR_HANDLED;
    case LS_UNHANDLED: return SR_UNHANDLED; /* a digit on an empty search line: jump */
    default: return SR_HANDLED;
    }
}

static bool tasks_text_mode(struct screen *s)
{
    (void)s;
    return true;
}

static const enum action tasks_actions[] = {ACT_OPEN, ACT_NEW, ACT_EDIT, ACT_DONE, ACT_DELETE,
                                            ACT_FILTER, ACT_CALENDAR, ACT_HISTORY, ACT_BACK};

const struct screen_ops scr_tasks_ops = {
    .title = N_("Tasks"),
    .actions = tasks_actions,
    .nactions = sizeof tasks_actions / sizeof *tasks_actions,
    .state_size = sizeof(struct tasks_state),
    .enter = tasks_enter,
    .leave = tasks_leave,
    .draw = tasks_draw,
    .on_action = tasks_action,
    .on_text = tasks_text,
    .text_mode = tasks_text_mode,
    .resume = tasks_resume,
};
