/* scr_case_file — one case: the intake, the open deadlines and the timeline
 * of steps with the risk ratings and plan items under their steps. F3
 * records a step; F4 links an unidentified child to the register; F7 ends a
 * running separation; F8 deletes the case after asking twice. The reporter
 * is shown only to the roles allowed (case_may_see_reporter). */
#include <config.h>
#include "treem/tui/case_screens.h"
#include "treem/tui/list.h"
#include "treem/app/cases.h"
#include "treem/app/children.h"
#include "treem/db/case_step_repo.h"
#include "treem/core/i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FILE_LINES 300
#define LINE_BYTES 400

struct file_state {
    struct case_file c;
    char (*lines)[LINE_BYTES];
    size_t n;
    struct list_view lv;
    long long step_case;
    struct child_pick pick;      /* F4: the child picked for an unidentified child */
    bool picking;
    struct case_end sep;         /* the running separation (step_id 0 = none) */
};

static void add(struct file_state *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(struct file_state *st, const char *fmt, ...)
{
    if (st->n >= FILE_LINES)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->lines[st->n++], LINE_BYTES, fmt, ap);
    va_end(ap);
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
        add(st, "       %s", _("(F4 links the child found in the register)"));
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
        add(st, "  %s  %s%s%s%s%s", when, enum_label(&enum_case_step, steps[i].kind),
            steps[i].emergency == 1 ? _(" — emergency") : "", *steps[i].who ? " (" : "",
            steps[i].who, *steps[i].who ? ")" : "");
        if (*steps[i].notes)
            add(st, "      %s", steps[i].notes);
        for (size_t j = 0; j < nr; j++)
            if (risks[j].step_id == steps[i].id)
                add(st, "      %s %s: %s", _("Risk:"), risks[j].factor,
                    enum_label(&enum_case_rating, risks[j].rating));
        for (size_t j = 0; j < ni; j++)
            if (items[j].step_id == steps[i].id)
                item_line(st, &items[j]);
        if (steps[i].kind == CASE_STEP_SEPARATION)
            separation_line(st, &steps[i]);
    }
    case_risks_free(risks, nr);
    case_services_free(items, ni);
    case_steps_free(steps, n);
}

static void load(struct screen *s)
{
    struct file_state *st = s->state;
    long long id = *(long long *)s->arg;
    case_file_free(&st->c);
    st->n = 0;
    if (case_repo_get(s->ui->db, id, &st->c) != ST_OK) {
        ui_status(s->ui, true, "%s", status_message());
        return;
    }
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
            open[i].urgency == CASE_SOON ? _("soon") : "    ", due, enum_label(&enum_case_step, open[i].step));
    }
    timeline_lines(s, st, id);
    list_set_count(&st->lv, st->n);
}

static void file_enter(struct screen *s)
{
    struct file_state *st = s->state;
    case_file_init(&st->c);
    st->lines = calloc(FILE_LINES, sizeof *st->lines);
    if (st->lines)
        load(s);
}

static void file_leave(struct screen *s)
{
    struct file_state *st = s->state;
    case_file_free(&st->c);
    free(st->lines);
}

static void line_text(void *ctx, size_t i, char *buf, size_t bufsz)
{
    struct file_state *st = ctx;
    snprintf(buf, bufsz, "%s", st->lines[i]);
}

static void file_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct file_state *st = s->state;
    char title[96];
    snprintf(title, sizeof title, _("Case %s"), st->c.code);
    ui_attr(w, UC_OK, true);
    ui_print(w, 0, 2, cols - 4, title);
    ui_attr(w, UC_OK, false);
    if (st->lines)
        list_draw(w, 1, 1, rows - 1, cols - 2, &st->lv, line_text, st, false);
}

static enum screen_result delete_case(struct screen *s)
{
    struct file_state *st = s->state;
    char q[256];
    snprintf(q, sizeof q, _("Delete case %s with all its steps? This cannot be undone."), st->c.code);
    if (!ui_confirm(s->ui, q))
        return SR_HANDLED;
    snprintf(q, sizeof q, _("Really delete case %s? (asked twice: a case is the most sensitive record)"),
             st->c.code);
    if (!ui_confirm(s->ui, q))
        return SR_HANDLED;
    if (cases_delete(s->ui->db, st->c.id) != ST_OK) {
        ui_status(s->ui, true, "%s", status_message());
        return SR_HANDLED;
    }
    ui_status(s->ui, false, "%s", _("Deleted."));
    return SR_POP;
}

static enum screen_result file_action(struct screen *s, enum action a, int digit)
{
    struct file_state *st = s->state;
    (void)digit;
    switch (a) {
    case ACT_NEW:
        st->step_case = st->c.id;
        ui_push(s->ui, &scr_case_step_ops, &st->step_case);
        return SR_HANDLED;
    case ACT_EDIT:
        if (st->c.child_id) {
            ui_status(s->ui, true, "%s", _("The child of this case is already in the register."));
            return SR_HANDLED;
        }
        memset(&st->pick, 0, sizeof st->pick);
        st->picking = true;
        ui_push(s->ui, &scr_child_pick_ops, &st->pick);
        return SR_HANDLED;
    case ACT_DONE:
        if (!st->sep.step_id) {
            ui_status(s->ui, true, "%s", _("No temporary separation of this case is running."));
            return SR_HANDLED;
        }
        ui_push(s->ui, &scr_case_end_ops, &st->sep);
        return SR_HANDLED;
    case ACT_DELETE:
        return delete_case(s);
    case ACT_BACK:
        return SR_POP;
    default:
        return list_handle(&st->lv, a) ? SR_HANDLED : SR_UNHANDLED;
    }
}

/* Back from the child picker: links the child picked, if any. */
static void file_resume(struct screen *s)
{
    struct file_state *st = s->state;
    if (st->picking && st->pick.id) {
        if (cases_link_child(s->ui->db, st->c.id, st->pick.id) == ST_OK)
            ui_status(s->ui, false, _("Case %s is linked to %s."), st->c.code, st->pick.label);
        else
            ui_status(s->ui, true, "%s", status_message());
    }
    st->picking = false;
    load(s);
}

static const enum action file_actions[] = {ACT_NEW, ACT_EDIT, ACT_DONE, ACT_DELETE, ACT_BACK};

static const struct key_words file_words[] = {
    {ACT_NEW, N_("Step"), N_("record the next step of this case")},
    {ACT_EDIT, N_("Child"), N_("link the child of this case to a child of the register")},
    {ACT_DONE, N_("End sep."), N_("end the temporary separation of the child that is running")},
    {ACT_DELETE, NULL, N_("delete this case (asks twice)")},
};

const struct screen_ops scr_case_file_ops = {
    .title = N_("Case file"),
    .words = file_words,
    .nwords = sizeof file_words / sizeof *file_words,
    .actions = file_actions,
    .nactions = sizeof file_actions / sizeof *file_actions,
    .state_size = sizeof(struct file_state),
    .enter = file_enter,
    .leave = file_leave,
    .draw = file_draw,
    .on_action = file_action,
    .resume = file_resume,
};
