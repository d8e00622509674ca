/* scr_task_forms — the forms of the Nhiệm vụ screens: a task (new or
 * edited: plan and department chosen from lists), marking a task done
 * (date and evidence), a progress note; and the F7 / F8 actions on a task
 * that the list and the task screen share. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/formscreen.h"
#include "treem/app/task.h"
#include "treem/db/department_repo.h"
#include "treem/db/plan_repo.h"
#include "treem/db/task_repo.h"
#include "treem/model/plan.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --------------------------------------------------------------- task --- */

enum { KF_PLAN, KF_DEPT, KF_TEXT, KF_CRITERIA, KF_START, KF_DUE, KF_EVIDENCE, KF__COUNT };

static const char *const task_names[KF__COUNT] = {
    N_("plan"), N_("department"), N_("task text"), N_("criteria"), N_("start date"),
    N_("due date"), N_("evidence"),
};

/* The form's choices are the database's plans and departments: they live
 * here, with the field descriptors that point at them. */
struct task_form {
    long long task_id;
    struct form_def defs[KF__COUNT];
    struct plan *plans;
    size_t nplans;
    struct department *depts;
    size_t ndepts;
    char **plan_labels;        /* nplans + 1, NULL-terminated */
    const char **dept_labels;  /* "choose" + ndepts, NULL-terminated */
};

static void task_form_free(void *ctx)
{
    struct task_form *tf = ctx;
    if (!tf)
        return;
    for (size_t i = 0; tf->plan_labels && i < tf->nplans; i++)
        free(tf->plan_labels[i]);
    free(tf->plan_labels);
    free(tf->dept_labels);
    plan_list_free(tf->plans, tf->nplans);
    department_list_free(tf->depts, tf->ndepts);
    free(tf);
}

/* Loads the plans and departments and builds the field descriptors. */
static enum status task_form_build(struct db *db, struct task_form *tf, bool with_inactive)
{
    enum status st = plan_repo_list(db, 0, &tf->plans, &tf->nplans);
    if (st == ST_OK)
        st = department_repo_list(db, with_inactive, &tf->depts, &tf->ndepts);
    if (st != ST_OK)
        return st;
    if (tf->nplans == 0)
        return status_set(ST_NOTFOUND, "%s", _("There is no plan yet: write one in Kế hoạch first."));
    tf->plan_labels = calloc(tf->nplans + 1, sizeof *tf->plan_labels);
    tf->dept_labels = calloc(tf->ndepts + 2, sizeof *tf->dept_labels);
    if (!tf->plan_labels || !tf->dept_labels)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    for (size_t i = 0; i < tf->nplans; i++) {
        char label[128], line[700];
        plan_label(tf->plans[i].number, tf->plans[i].year, label, sizeof label);
        snprintf(line, sizeof line, "%s — %s", label, tf->plans[i].title);
        if (!(tf->plan_labels[i] = strdup(line)))
            return status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    tf->dept_labels[0] = N_("(choose a department)");
    for (size_t i = 0; i < tf->ndepts; i++)
        tf->dept_labels[i + 1] = tf->depts[i].name;
    const struct form_def defs[KF__COUNT] = {
        {N_("Plan"), FK_CHOICE, 0, (const char *const *)tf->plan_labels, NULL},
        {N_("Department"), FK_CHOICE, 0, tf->dept_labels, NULL},
        {N_("Task"), FK_TEXT, 1000, NULL, N_("what is to be done")},
        {N_("Criteria"), FK_TEXT, 60, NULL, N_("criteria it serves, e.g. 3, 4, 5.1")},
        {N_("Start"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy (may stay empty)")},
        {N_("Due"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy")},
        {N_("Evidence"), FK_TEXT, 500, NULL, N_("document proving it was done (minh chứng)")},
    };
    memcpy(tf->defs, defs, sizeof defs);
    return ST_OK;
}

/* Reads the form into t; date errors go under their fields. */
static bool task_read(struct ui *ui, struct form *f, const struct task_form *tf, struct task *t)
{
    t->plan_id = tf->plans[form_choice(f, KF_PLAN)].id;
    int d = form_choice(f, KF_DEPT);
    t->department_id = d > 0 ? tf->depts[d - 1].id : 0;
    if (!form_str_set(&t->text, form_value(f, KF_TEXT)) ||
        !form_str_set(&t->criteria, form_value(f, KF_CRITERIA)) ||
        !form_str_set(&t->evidence, form_value(f, KF_EVIDENCE))) {
        ui_status(ui, true, "%s", _("out of memory"));
        return false;
    }
    if (plan_parse_date(_("start date"), form_value(f, KF_START), &t->start_on) != ST_OK)
        form_set_error(f, KF_START, status_message());
    if (plan_parse_date(_("due date"), form_value(f, KF_DUE), &t->due_on) != ST_OK)
        form_set_error(f, KF_DUE, status_message());
    return !form_has_errors(f);
}

static bool task_form_save(struct ui *ui, struct form *f, void *ctx)
{
    struct task_form *tf = ctx;
    struct task t = {0};
    enum status st = tf->task_id ? task_repo_get(ui->db, tf->task_id, &t) : ST_OK;
    if (st != ST_OK) {
        ui_status(ui, true, "%s", status_message());
        return false;
    }
    bool ok = task_read(ui, f, tf, &t);
    if (ok) {
        st = tf->task_id ? task_save(ui->db, &t) : task_create(ui->db, &t);
        if (st != ST_OK)
            formscreen_error(ui, f, status_message(), task_names, KF__COUNT, KF__COUNT);
        ok = st == ST_OK;
    }
    if (ok)
        ui_status(ui, false, "%s", tf->task_id ? _("Task saved.") : _("Task added."));
    task_clear(&t);
    return ok;
}

/* The choice index of plan / department id (0 when absent). */
static int plan_index(const struct task_form *tf, long long id)
{
    for (size_t i = 0; i < tf->nplans; i++)
        if (tf->plans[i].id == id)
            return (int)i;
    return 0;
}

static int dept_index(const struct task_form *tf, long long id)
{
    for (size_t i = 0; id && i < tf->ndepts; i++)
        if (tf->depts[i].id == id)
            return (int)i + 1;
    return 0;
}

/* A new task goes to the first plan of this year (plans are listed newest
 * first), else to the newest plan. */
static int default_plan(const struct task_form *tf)
{
    int year = date_today().y;
    for (size_t i = 0; i < tf->nplans; i++)
        if (tf->plans[i].year == year)
            return (int)i;
    return 0;
}

static void task_fill(struct form *f, const struct task_form *tf, const struct task *t)
{
    form_set_choice(f, KF_PLAN, plan_index(tf, t->plan_id));
    form_set_choice(f, KF_DEPT, dept_index(tf, t->department_id));
    form_set(f, KF_TEXT, t->text);
    form_set(f, KF_CRITERIA, t->criteria);
    form_set_date(f, KF_START, t->start_on);
    form_set_date(f, KF_DUE, t->due_on);
    form_set(f, KF_EVIDENCE, t->evidence);
}

bool scr_task_form_open(struct ui *ui, long long task_id, long long dept_id)
{
    struct task t = {0};
    struct task_form *tf = calloc(1, sizeof *tf);
    enum status st = tf ? ST_OK : status_set(ST_NOMEM, "%s", _("out of memory"));
    if (st == ST_OK && task_id)
        st = task_repo_get(ui->db, task_id, &t);
    if (st == ST_OK)
        st = task_form_build(ui->db, tf, task_id != 0);
    if (st != ST_OK) {
        ui_status(ui, true, "%s", status_message());
        task_form_free(tf);
        task_clear(&t);
        return false;
    }
    tf->task_id = task_id;
    struct formscreen_spec spec = {
        tf->defs, KF__COUNT, task_id ? _("Edit the task") : _("New task"),
        _("Left/Right choose the plan and the department; F2 saves (Esc: cancel)."),
        task_form_save, tf, task_form_free, "Task form"};
    struct form *f = formscreen_open(ui, &spec); /* owns tf from here */
    if (f && task_id) {
        task_fill(f, tf, &t);
    } else if (f) {
        form_set_choice(f, KF_PLAN, default_plan(tf));
        form_set_choice(f, KF_DEPT, dept_index(tf, dept_id));
        f->focus = dept_id ? KF_TEXT : KF_DEPT;
    }
    task_clear(&t);
    if (!f)
        ui_status(ui, true, "%s", _("out of memory"));
    return f != NULL;
}

/* --------------------------------------------------------- done, note --- */

enum { DF_DATE, DF_EVIDENCE, DF__COUNT };

static const struct form_def done_fields[DF__COUNT] = {
    {N_("Done on"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy")},
    {N_("Evidence"), FK_TEXT, 500, NULL, N_("document proving it was done (minh chứng)")},
};

static const char *const done_names[DF__COUNT] = {N_("done date"), N_("evidence")};

/* The two forms of F7 and F3 on a task: a date (field 0) and a text
 * (field 1), given with the task's id to apply; a message goes under the
 * field it names (names: what messages call the two). */
typedef enum status (*dated_fn)(struct db *db, long long id, struct date on, const char *text);

static bool dated_save(struct ui *ui, struct form *f, void *ctx, const char *const names[2],
                       dated_fn apply, struct date *on)
{
    enum status st = plan_parse_date(_(names[0]), form_value(f, 0), on);
    if (st == ST_OK)
        st = apply(ui->db, *(long long *)ctx, *on, form_value(f, 1));
    if (st != ST_OK)
        formscreen_error(ui, f, status_message(), names, 2, 2);
    return st == ST_OK;
}

static bool done_form_save(struct ui *ui, struct form *f, void *ctx)
{
    struct date on;
    if (!dated_save(ui, f, ctx, done_names, task_mark_done, &on))
        return false;
    char buf[DATE_BUF];
    date_format(on, buf);
    ui_status(ui, false, _("Task marked done on %s."), buf);
    return true;
}

enum { NF_DATE, NF_TEXT, NF__COUNT };

static const struct form_def note_fields[NF__COUNT] = {
    {N_("Date"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy")},
    {N_("Note"), FK_TEXT, 1000, NULL, N_("what was done, what is left")},
};

static const char *const note_names[NF__COUNT] = {N_("note date"), N_("note")};

/* A progress note (its new id not wanted). */
static enum status add_note(struct db *db, long long id, struct date on, const char *text)
{
    return task_add_note(db, id, on, text, NULL);
}

static bool note_form_save(struct ui *ui, struct form *f, void *ctx)
{
    struct date on;
    if (!dated_save(ui, f, ctx, note_names, add_note, &on))
        return false;
    ui_status(ui, false, "%s", _("Progress note added."));
    return true;
}

/* Opens a two-field form on task t with today's date in field 0. */
static struct form *open_small(struct ui *ui, const struct task *t, const struct form_def *defs,
                               size_t n, const char *heading_fmt, formscreen_save_fn save)
{
    char heading[1200];
    snprintf(heading, sizeof heading, heading_fmt, t->text);
    struct formscreen_spec spec = {defs, n, heading, NULL, save, NULL, NULL, "Task update"};
    struct form *f = formscreen_open_id(ui, &spec, t->id);
    if (f)
        form_set_date(f, 0, date_today());
    return f;
}

bool scr_task_note_open(struct ui *ui, long long task_id)
{
    struct task t = {0};
    struct form *f = NULL;
    if (task_repo_get(ui->db, task_id, &t) != ST_OK) {
        ui_status(ui, true, "%s", status_message());
    } else if ((f = open_small(ui, &t, note_fields, NF__COUNT, _("Progress note: %s"),
                               note_form_save))) {
        f->focus = NF_TEXT;
    }
    task_clear(&t);
    return f != NULL;
}

bool scr_task_toggle_done(struct ui *ui, long long task_id)
{
    struct task t = {0};
    bool changed = false;
    if (task_repo_get(ui->db, task_id, &t) != ST_OK) {
        ui_status(ui, true, "%s", status_message());
    } else if (t.done) {
        char when[DATE_BUF], q[1200];
        date_format(t.done_on, when);
        snprintf(q, sizeof q, _("This task was done on %s. Open it again?"), when);
        if (ui_confirm(ui, q)) {
            changed = task_reopen(ui->db, task_id) == ST_OK;
            ui_status(ui, !changed, "%s", changed ? _("The task is open again.") : status_message());
        }
    } else {
        struct form *f = open_small(ui, &t, done_fields, DF__COUNT, _("Mark done: %s"),
                                    done_form_save);
        if (f)
            form_set(f, DF_EVIDENCE, t.evidence);
    }
    task_clear(&t);
    return changed;
}

bool scr_task_delete(struct ui *ui, long long task_id)
{
    struct task t = {0};
    bool deleted = false;
    if (task_repo_get(ui->db, task_id, &t) != ST_OK) {
        ui_status(ui, true, "%s", status_message());
        return false;
    }
    char q[1200];
    snprintf(q, sizeof q, _("Delete the task \"%s\" and its progress notes?"), t.text);
    if (ui_confirm(ui, q)) {
        deleted = task_remove(ui->db, task_id) == ST_OK;
        ui_status(ui, !deleted, "%s", deleted ? _("Task deleted.") : status_message());
    }
    task_clear(&t);
    return deleted;
}
