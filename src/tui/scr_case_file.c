/* scr_case_file — one case: the intake, the open deadlines and the timeline
 * of steps with the risk ratings and plan items under their steps. The
 * cursor picks a line: F4 (or Enter) corrects what it is on — the intake
 * (where the Child field links an unidentified child to the register) or a
 * step; F8 deletes the step it is on (asking, and saying what goes with
 * it), or on the intake the whole case after asking twice. F3 records a
 * step (only the kinds that may come next); F7 ends a running separation.
 * The reporter is shown only to the roles allowed (case_may_see_reporter). */
#include <config.h>
#include "treem/tui/case_screens.h"
#include "treem/tui/screens.h"
#include "treem/tui/listbase.h"
#include "treem/app/case_edit.h"
#include "treem/app/holiday_table.h"
#include "treem/app/children.h"
#include "treem/db/case_step_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/mem.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A line of the file and the step it belongs to (0: the intake). */
struct file_line { char *text; long long step; };

struct file_state {
    struct listbase lb;          /* the base: the file's lines */
    struct case_file c;
    struct file_line *lines;
    size_t n, cap;               /* lines made (lb.n: those of the last load) */
    long long cur_step;          /* the step the lines being added belong to */
    struct case_step_ref step;   /* F3 / F4 on a step: the step form's */
    long long case_id;           /* F4 on the intake: the intake form's */
    struct case_end sep;         /* the running separation (step_id 0 = none) */
    struct history_ref hist;     /* Ctrl-Y */
};

static void add(struct file_state *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(struct file_state *st, const char *fmt, ...)
{
    struct strbuf text = STRBUF_INIT;
    if (!mem_reserve(&st->lines, &st->cap, st->n + 1, sizeof *st->lines, 64))
        return;
    va_list ap;
    va_start(ap, fmt);
    bool ok = strbuf_vprintf(&text, fmt, ap);
    va_end(ap);
    if (ok)
        st->lines[st->n++] = (struct file_line){strbuf_take(&text), st->cur_step};
}

static void intake_lines(struct screen *s, struct file_state *st, enum user_role role)
{
    const struct case_file *c = &st->c;
    char when[DATETIME_BUF], child[CHILD_NAME_BUF + 32] = "";
    datetime_format(c->received, when);
    struct child ch;
    child_init(&ch);
    if (c->child_id && children_get(s->ui->db, c->child_id, &ch) == ST_OK)
        snprintf(child, sizeof child, "%s", case_may_see_child_name(role) ? ch.full_name : ch.code);
    else
        snprintf(child, sizeof child, "%s%s%s", _("unidentified child"),
                 case_may_see_child_name(role) && *c->child_note ? " — " : "",
                 case_may_see_child_name(role) ? c->child_note : "");
    child_free(&ch);
    add(st, "%s: %s   %s: %s", _("Stage"), enum_label(&enum_case_stage, c->stage), _("Received"), when);
    add(st, "%s: %s", _("Child"), child);
    if (!c->child_id)
        add(st, "       %s", _("(F4 corrects the intake: Enter in its Child field finds the child)"));
    add(st, "%s: %s%s%s · %s", _("Kind"), enum_label(&enum_case_kind, c->kind),
        c->injury > 0 ? " — " : "", c->injury > 0 ? enum_label(&enum_case_injury, c->injury) : "",
        enum_label(&enum_case_level, c->level));
    add(st, "%s: %s · %s: %s", _("Report came"), enum_label(&enum_case_source, c->source),
        _("Place"), *c->place ? c->place : "—");
    if (*c->current_state)
        add(st, "%s: %s", _("Current state"), c->current_state);
    if (!case_may_see_reporter(role))
        add(st, "%s: %s", _("Reporter"), _("(confidential)"));
    else if (c->consent)
        add(st, "%s: %s %s", _("Reporter"), c->reporter_name ? c->reporter_name : "",
            c->reporter_phone ? c->reporter_phone : "");
}

/* The separation's end, or that it lasts (and is the one F7 ends). */
static void separation_line(struct file_state *st, const struct case_step *p)
{
    char when[DATETIME_BUF];
    if (p->end.date.y) {
        datetime_format(p->end, when);
        add(st, "      %s %s", _("Ended:"), when);
        return;
    }
    date_format(case_separation_deadline(p->at.date), when);
    add(st, "      %s %s %s", _("Still separated; the limit is"), when, _("(F7 ends it)"));
    st->sep.case_id = p->case_id;
    st->sep.step_id = p->id;
    st->sep.start = p->at;
}

/* The plan item v as one line: service, start, end, cost, department (last:
 * the longest, clipped first at 80 columns). */
static void item_line(struct file_state *st, const struct case_service *v)
{
    char from[DATE_BUF] = "…", to[DATE_BUF] = "…", cost[40] = "";
    if (v->start_on.y)
        date_format(v->start_on, from);
    if (v->end_on.y)
        date_format(v->end_on, to);
    if (v->cost >= 0)
        snprintf(cost, sizeof cost, " · %lld %s", v->cost, _("đồng"));
    add(st, "      %s %s · %s–%s%s · %s", _("Plan:"), v->task, from, to, cost,
        v->department_name && *v->department_name ? v->department_name : "—");
}

/* The timeline: each step, then its ratings, plan items and separation end. */
static void timeline_lines(struct screen *s, struct file_state *st, long long id)
{
    struct case_step *steps = NULL;
    struct case_risk *risks = NULL;
    struct case_service *items = NULL;
    size_t n = 0, nr = 0, ni = 0;
    cases_steps(s->ui->db, id, &steps, &n);
    case_step_repo_risks(s->ui->db, id, &risks, &nr);
    case_step_repo_services(s->ui->db, id, &items, &ni);
    st->sep.step_id = 0;
    add(st, "%s", "");
    add(st, "%s", n ? _("Timeline:") : _("Timeline: no steps yet (F3 records one)"));
    for (size_t i = 0; i < n; i++) {
        char when[DATETIME_BUF];
        datetime_format(steps[i].at, when);
        st->cur_step = steps[i].id;
        add(st, "  %s  #%lld %s%s%s%s%s", when, steps[i].id, enum_label(&enum_case_step, steps[i].kind),
            steps[i].emergency == 1 ? _(" — emergency") : "", *steps[i].who ? " (" : "",
            steps[i].who, *steps[i].who ? ")" : "");
        if (*steps[i].notes)
            add(st, "      %s", steps[i].notes);
        for (size_t j = 0; j < nr; j++)
            if (risks[j].step_id == steps[i].id)
                add(st, "      %s %s: %s", _("Risk:"), case_factor_label(risks[j].factor),
                    enum_label(&enum_case_rating, risks[j].rating));
        for (size_t j = 0; j < ni; j++)
            if (items[j].step_id == steps[i].id)
                item_line(st, &items[j]);
        if (steps[i].kind == CASE_STEP_SEPARATION)
            separation_line(st, &steps[i]);
    }
    st->cur_step = 0;
    case_risks_free(risks, nr);
    case_services_free(items, ni);
    case_steps_free(steps, n);
}

static bool f_load(struct screen *s, size_t *count)
{
    struct file_state *st = s->state;
    long long id = *(long long *)s->arg;
    case_file_free(&st->c);
    st->cur_step = 0;
    if (case_repo_get(s->ui->db, id, &st->c) != ST_OK)
        return false;
    enum user_role role = cases_role(s->ui->db);
    intake_lines(s, st, role);
    struct case_open_item open[CASE_OPEN_MAX];
    size_t no = 0;
    cases_open_items(s->ui->db, &st->c, date_now(), open, &no);
    add(st, "%s", "");
    add(st, "%s", no ? _("Deadlines:") : _("Deadlines: none open"));
    for (size_t i = 0; i < no; i++) {
        char due[DATETIME_BUF];
        if (open[i].hourly)
            datetime_format(open[i].due, due);
        else
            date_format(open[i].due.date, due);
        add(st, "  %s  %s  %s", open[i].urgency == CASE_OVERDUE ? _("OVERDUE") :
            open[i].urgency == CASE_SOON ? _("soon") : "    ", due, case_open_item_label(&open[i]));
        if (open[i].no_holidays)
            add(st, "    %s", _("warning: the holiday table does not cover this year; "
                               "check the date against the year's holidays"));
    }
    char warn[256];
    if (holiday_table_warning(s->ui->db, open, no, warn, sizeof warn) == ST_OK && *warn)
        add(st, "  %s %s", _("Warning:"), warn);
    timeline_lines(s, st, id);
    *count = st->n;
    return true;
}

static void f_unload(struct screen *s)
{
    struct file_state *st = s->state;
    for (size_t i = 0; i < st->n; i++)
        free(st->lines[i].text);
    st->n = 0;
}

static void f_leave(struct screen *s)
{
    struct file_state *st = s->state;
    case_file_free(&st->c);
    free(st->lines);
}

static void f_row(struct screen *s, size_t i, struct lb_row *r)
{
    lb_cell(r, 0, ((struct file_state *)s->state)->lines[i].text);
}

static int f_head(struct screen *s, WINDOW *w, int cols)
{
    struct file_state *st = s->state;
    char title[96];
    snprintf(title, sizeof title, _("Case %s"), st->c.code);
    ui_print_in(w, UC_OK, 0, 2, cols - 4, title);
    return 1;
}

static enum lb_after delete_case(struct screen *s)
{
    struct file_state *st = s->state;
    struct case_step *steps = NULL;
    size_t n = 0;
    cases_steps(s->ui->db, st->c.id, &steps, &n);
    case_steps_free(steps, n);
    char q[320];
    snprintf(q, sizeof q, _("Delete case %s with its %zu steps, their risk ratings and plan items? "
                            "This cannot be undone (the audit log keeps its code)."), st->c.code, n);
    if (!ui_confirm(s->ui, q))
        return LB_STAY;
    snprintf(q, sizeof q, _("Really delete case %s? (asked twice: a case is the most sensitive record)"),
             st->c.code);
    if (!ui_confirm(s->ui, q))
        return LB_STAY;
    if (cases_delete(s->ui->db, st->c.id) != ST_OK) {
        ui_status(s->ui, true, "%s", status_message());
        return LB_STAY;
    }
    ui_status(s->ui, false, "%s", _("Deleted."));
    return LB_POP;
}

/* F8 on a step: asks, saying what goes with it; the order may refuse. */
static enum lb_after delete_step(struct screen *s, long long step_id)
{
    struct file_state *st = s->state;
    struct case_step p;
    if (case_edit_get_step(s->ui->db, st->c.id, step_id, &p) != ST_OK) {
        ui_status(s->ui, true, "%s", status_message());
        return LB_STAY;
    }
    size_t nr = 0, ni = 0;
    for (size_t i = 0; i < st->n; i++)
        if (st->lines[i].step == step_id) {
            const char *t = st->lines[i].text;
            nr += strncmp(t, "      ", 6) == 0 && strstr(t, _("Risk:"));
            ni += strncmp(t, "      ", 6) == 0 && strstr(t, _("Plan:"));
        }
    char q[320], when[DATETIME_BUF];
    datetime_format(p.at, when);
    snprintf(q, sizeof q, _("Delete step #%lld (%s, %s) with its %zu risk ratings and %zu plan "
                            "items? The audit log keeps them."), step_id,
             enum_label(&enum_case_step, p.kind), when, nr, ni);
    case_step_free(&p);
    if (!ui_confirm(s->ui, q))
        return LB_STAY;
    return listbase_changed(s, case_edit_delete_step(s->ui->db, st->c.id, step_id),
                            _("Deleted step #%lld."), step_id);
}

/* The keys on the line at the cursor (sel): on a step, that step; on the
 * intake (or none), the case. */
static enum lb_after on_line(struct screen *s, enum action a, size_t sel)
{
    struct file_state *st = s->state;
    long long step = sel != LB_NONE ? st->lines[sel].step : 0;
    switch (a) {
    case ACT_NEW:
        st->step = (struct case_step_ref){st->c.id, 0};
        ui_push(s->ui, &scr_case_step_ops, &st->step);
        return LB_STAY;
    case ACT_DONE:
        if (!st->sep.step_id)
            ui_status(s->ui, true, "%s", _("No temporary separation of this case is running."));
        else
            ui_push(s->ui, &scr_case_end_ops, &st->sep);
        return LB_STAY;
    case ACT_DELETE: return step ? delete_step(s, step) : delete_case(s);
    case ACT_HISTORY:
        memset(&st->hist, 0, sizeof st->hist);
        st->hist.case_id = st->c.id;
        snprintf(st->hist.title, sizeof st->hist.title, _("case %s"), st->c.code);
        ui_push(s->ui, &scr_history_ops, &st->hist);
        return LB_STAY;
    case ACT_OPEN:
    case ACT_EDIT:
        if (step) {
            st->step = (struct case_step_ref){st->c.id, step};
            ui_push(s->ui, &scr_case_step_ops, &st->step);
        } else {
            st->case_id = st->c.id;
            ui_push(s->ui, &scr_case_intake_edit_ops, &st->case_id);
        }
        return LB_STAY;
    default: return LB_PASS;
    }
}

static const struct listbase_def f_def = {
    .head = f_head,
    .load = f_load, .unload = f_unload, .leave = f_leave, .row = f_row,
    .act = on_line,
};

static void file_enter(struct screen *s)
{
    case_file_init(&((struct file_state *)s->state)->c);
    listbase_enter(s, &f_def);
}

static const enum action file_actions[] = {ACT_NEW, ACT_EDIT, ACT_DONE, ACT_DELETE, ACT_HISTORY,
                                           ACT_OPEN, ACT_BACK};

static const struct key_words file_words[] = {
    {ACT_NEW, N_("Step"), N_("record the next step of this case")},
    {ACT_EDIT, N_("Child"), N_("link the child of this case to a child of the register")},
    {ACT_DONE, N_("End sep."), N_("end the temporary separation of the child that is running")},
    {ACT_DELETE, NULL, N_("delete this case (asks twice)")},
};

const struct screen_ops scr_case_file_ops = {
    .title = N_("Case file"),
    SCREEN_WORDS(file_words),
    LISTBASE_OPS(struct file_state, file_enter, file_actions),
};
