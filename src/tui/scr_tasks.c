/* scr_tasks — Nhiệm vụ: first the departments (ban ngành) with their open
 * and overdue tasks; Enter shows a department's tasks. F5 changes the view:
 * departments, all tasks, overdue, open, by criterion (typed in the search
 * line). Typing searches the tasks' text. A task's status (chưa bắt đầu /
 * đang làm / xong / quá hạn) comes from its dates and today. F4 on a
 * department edits it (name, contact, phone, criteria, active). */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/listbase.h"
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

/* The columns of the two kinds of rows (the last takes what is left). */
static const struct lb_col dept_cols[] = {
    {N_("Department"), LB_FLEX}, {N_("Criteria"), 10}, {N_("Not done"), 9}, {N_("Overdue"), 8},
};
static const struct lb_col task_cols[] = {
    {N_("Status"), 12}, {N_("Due"), 10}, {N_("Department"), 18}, {N_("Task"), 160},
};

struct tasks_state {
    struct listbase lb;
    enum tasks_view view;
    long long dept_id;            /* the department opened, 0 for all */
    char *dept_name;
    struct department *depts;
    size_t ndepts;
    long *open, *overdue;         /* per department */
    size_t *shown;                /* departments matching the search */
    struct task *tasks;
    size_t ntasks;
    struct strbuf criterion_note; /* why the criterion view shows what it shows */
    long long open_id;            /* the task scr_task_ops was opened on */
    struct scr_calendar_arg cal;
};

static void t_unload(struct screen *s)
{
    struct tasks_state *st = s->state;
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

/* The departments whose name holds the search, counted into *count. */
static enum status load_depts(struct screen *s, size_t *count)
{
    struct tasks_state *st = s->state;
    struct db *db = s->ui->db;
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
    char *want = utf8_fold(listbase_search(s));
    size_t k = 0;
    for (size_t i = 0; rc == ST_OK && i < st->ndepts; i++) {
        char *name = utf8_fold(st->depts[i].name);
        if (!want || !*want || (name && strstr(name, want)))
            st->shown[k++] = i;
        free(name);
    }
    free(want);
    *count = k;
    return rc;
}

/* The criterion typed in the search line, for the criterion view: true with
 * *out set ("5.1") when it is one; else the note says what to type. */
static bool typed_criterion(struct screen *s, char **out)
{
    struct strbuf *note = &((struct tasks_state *)s->state)->criterion_note;
    const char *text = listbase_search(s);
    *out = NULL;
    strbuf_reset(note);
    if (!*text) {
        strbuf_puts(note, _("type a criterion in the search line, e.g. 5 or 5.1"));
        return false;
    }
    if (task_criteria_normalize(text, out) != ST_OK || !**out || strchr(*out, ',')) {
        free(*out);
        *out = NULL;
        strbuf_printf(note, _("'%s' is not one criterion: type e.g. 5 or 5.1"), text);
        return false;
    }
    strbuf_printf(note, _("criterion %s"), *out);
    return true;
}

static enum status load_tasks(struct screen *s, size_t *count)
{
    struct tasks_state *st = s->state;
    struct task_filter f = {.on = date_today(), .department_id = st->dept_id};
    f.open_only = st->view == V_OPEN;
    f.overdue_only = st->view == V_OVERDUE;
    char *criterion = NULL;
    if (st->view == V_CRITERION) {
        st->lb.ls.digits = true; /* its search line takes a number */
        if (!typed_criterion(s, &criterion) && listbase_search(s)[0])
            return ST_OK; /* not a criterion: nothing matches */
        f.criterion = criterion;
    } else {
        f.search = listbase_search(s);
    }
    enum status rc = task_repo_list(s->ui->db, &f, &st->tasks, &st->ntasks);
    free(criterion);
    *count = st->ntasks;
    return rc;
}

static bool t_load(struct screen *s, size_t *count)
{
    struct tasks_state *st = s->state;
    *count = 0;
    enum status rc = st->view == V_DEPTS ? load_depts(s, count) : load_tasks(s, count);
    if (rc != ST_OK) {
        t_unload(s);
        *count = 0;
    }
    return rc == ST_OK;
}

static const struct lb_col *t_columns(struct screen *s, size_t *n)
{
    bool depts = ((struct tasks_state *)s->state)->view == V_DEPTS;
    *n = 4;
    return depts ? dept_cols : task_cols;
}

/* The filter line (the view) and the empty text of a task view. */
static void t_text(struct screen *s, enum lb_text which, struct strbuf *out)
{
    struct tasks_state *st = s->state;
    const char *view = st->view == V_DEPTS       ? _("Enter shows a department's tasks.")
                       : st->view == V_CRITERION ? strbuf_str(&st->criterion_note)
                       : st->dept_id             ? st->dept_name
                                                 : _("every department");
    if (which == LB_HINT)
        strbuf_printf(out, _("View: %s · %s · F5 changes the view"), _(view_names[st->view]),
                      view);
    else if (which == LB_EMPTY && st->view != V_DEPTS)
        strbuf_puts(out, _("No tasks in this view: F3 adds one, F5 changes the view."));
}

static void t_row(struct screen *s, size_t k, struct lb_row *r)
{
    struct tasks_state *st = s->state;
    if (st->view == V_DEPTS) {
        size_t i = st->shown[k];
        lb_cell(r, 0, st->depts[i].name);
        lb_cell(r, 1, *st->depts[i].criteria ? st->depts[i].criteria : "—");
        lb_cellf(r, 2, "%ld", st->open[i]);
        lb_cellf(r, 3, "%ld", st->overdue[i]);
        return;
    }
    const struct task *t = &st->tasks[k];
    char due[DATE_BUF];
    date_format(t->due_on, due);
    lb_cell(r, 0, task_status_label(task_status_on(t, date_today())));
    lb_cell(r, 1, due);
    lb_cell(r, 2, t->department_name);
    lb_cell(r, 3, t->text);
}

/* Changes the view, starting from an empty search. */
static void set_view(struct screen *s, enum tasks_view v)
{
    struct tasks_state *st = s->state;
    st->view = v;
    if (v == V_DEPTS)
        st->dept_id = 0;
    field_set(&st->lb.ls.search, "");
    st->lb.ls.digits = v == V_CRITERION; /* its search line takes a number */
    st->lb.ls.lv.selected = st->lb.ls.lv.top = 0;
    listbase_reload(s);
}

static const struct department *dept_at(struct tasks_state *st, size_t sel)
{
    return st->view == V_DEPTS && sel != LB_NONE ? &st->depts[st->shown[sel]] : NULL;
}

static long long task_at(struct tasks_state *st, size_t sel)
{
    return st->view != V_DEPTS && sel != LB_NONE ? st->tasks[sel].id : 0;
}

/* A key on a task: in the departments view, says to choose one first. */
static long long the_task(struct screen *s, size_t sel)
{
    return listbase_chosen(s, task_at(s->state, sel),
                           _("Choose a task first (Enter on a department shows its tasks)."));
}

static enum lb_after open_row(struct screen *s, size_t sel, int digit)
{
    struct tasks_state *st = s->state;
    const struct department *d = dept_at(st, sel);
    (void)digit;
    if (d) {
        char *name = strdup(d->name);
        if (!name)
            return ui_status(s->ui, true, "%s", _("out of memory")), LB_STAY;
        free(st->dept_name);
        st->dept_name = name;
        st->dept_id = d->id;
        set_view(s, V_ALL);
    } else if (st->view != V_DEPTS && (st->open_id = the_task(s, sel))) {
        ui_push(s->ui, &scr_task_ops, &st->open_id);
    }
    return LB_STAY;
}

static enum lb_after edit_row(struct screen *s, size_t sel, int digit)
{
    struct tasks_state *st = s->state;
    long long id;
    (void)digit;
    if (st->view == V_DEPTS) { /* F4 on a department edits it */
        if (sel != LB_NONE)
            scr_dept_form_open(s->ui, dept_at(st, sel)->id);
    } else if ((id = the_task(s, sel))) {
        scr_task_form_open(s->ui, id, 0);
    }
    return LB_STAY;
}

static enum lb_after done_task(struct screen *s, size_t sel, int digit)
{
    long long id = the_task(s, sel);
    (void)digit;
    return id && scr_task_toggle_done(s->ui, id) ? LB_RELOAD : LB_STAY;
}

static enum lb_after delete_task(struct screen *s, size_t sel, int digit)
{
    struct tasks_state *st = s->state;
    (void)digit;
    if (st->view == V_DEPTS) /* F8 on a department deletes it (one nothing uses) */
        return sel != LB_NONE && scr_dept_delete(s->ui, dept_at(st, sel)->id) ? LB_RELOAD : LB_STAY;
    long long id = the_task(s, sel);
    return id && scr_task_delete(s->ui, id) ? LB_RELOAD : LB_STAY;
}

static bool history(struct screen *s, size_t sel, struct history_ref *ref)
{
    struct tasks_state *st = s->state;
    const struct department *d = dept_at(st, sel);
    char id[24], title[48];
    snprintf(id, sizeof id, "%lld", d ? d->id : task_at(st, sel));
    snprintf(title, sizeof title, _("task %lld"), task_at(st, sel));
    return history_ref_set(ref, d ? "department" : "task", id, d ? d->name : title);
}

static enum lb_after new_task(struct screen *s, size_t sel, int digit)
{
    struct tasks_state *st = s->state;
    (void)sel, (void)digit;
    if (st->view == V_DEPTS) /* F3 adds what the list shows: a department */
        scr_dept_form_open(s->ui, 0);
    else
        scr_task_form_open(s->ui, 0, st->dept_id);
    return LB_STAY;
}

static enum lb_after next_view(struct screen *s, size_t sel, int digit)
{
    struct tasks_state *st = s->state;
    (void)sel, (void)digit;
    set_view(s, st->view + 1 == V__COUNT ? (st->dept_id ? V_ALL : V_DEPTS) : st->view + 1);
    return LB_STAY;
}

static enum lb_after calendar(struct screen *s, size_t sel, int digit)
{
    struct tasks_state *st = s->state;
    (void)sel, (void)digit;
    st->cal = (struct scr_calendar_arg){date_today().y, 0};
    ui_push(s->ui, &scr_calendar_ops, &st->cal);
    return LB_STAY;
}

/* Esc: from a view of tasks back to the departments; there, the frame's. */
static enum lb_after back(struct screen *s, size_t sel, int digit)
{
    (void)sel, (void)digit;
    if (((struct tasks_state *)s->state)->view == V_DEPTS)
        return LB_PASS;
    set_view(s, V_DEPTS);
    return LB_STAY;
}

static void t_free(struct screen *s)
{
    struct tasks_state *st = s->state;
    free(st->dept_name);
    st->dept_name = NULL;
    strbuf_free(&st->criterion_note);
}

static const struct lb_key t_keys[] = {
    {ACT_OPEN, open_row, true},
    {ACT_NEW, new_task, true},
    {ACT_EDIT, edit_row, true},
    {ACT_DONE, done_task, true},
    {ACT_DELETE, delete_task, true},
    {ACT_FILTER, next_view, true},
    {ACT_CALENDAR, calendar, true},
    {ACT_BACK, back, true},
};
static const struct listbase_def t_def = {
    .search = true,
    .text = t_text,
    .columns = t_columns,
    .load = t_load, .unload = t_unload, .leave = t_free, .row = t_row,
    .keys = t_keys, .nkeys = sizeof t_keys / sizeof *t_keys,
    .history = history,
};


static const enum action tasks_actions[] = {ACT_OPEN, ACT_NEW, ACT_EDIT, ACT_DONE, ACT_DELETE,
                                            ACT_FILTER, ACT_CALENDAR, ACT_HISTORY, ACT_BACK};

/* The keys' words on Nhiệm vụ: the departments view acts on departments. */
static const struct key_words tasks_words[] = {
    {ACT_NEW, NULL, N_("add a department (in the departments view) or a task (in a view of tasks)")},
    {ACT_EDIT, NULL, N_("edit the selected department or task")},
    {ACT_DELETE, NULL, N_("delete the selected task, or the selected department when nothing uses it "
                          "(else mark it no longer active with F4)")},
};

const struct screen_ops scr_tasks_ops = {
    .title = N_("Tasks"),
    SCREEN_WORDS(tasks_words),
    LISTBASE_SCREEN(struct tasks_state, t_def, tasks_actions),
};
