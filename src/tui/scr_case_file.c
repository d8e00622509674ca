/* scr_case_file — one case: the intake, the open deadlines and the timeline
 * of steps. F3 records a step; F8 deletes the case after asking twice. The
 * reporter is shown only to the roles allowed (case_may_see_reporter). */
#include <config.h>
#include "treem/tui/case_screens.h"
#include "treem/tui/list.h"
#include "treem/app/cases.h"
#include "treem/app/children.h"
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
    struct case_step *steps = NULL;
    size_t n = 0;
    cases_steps(s->ui->db, id, &steps, &n);
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
    }
    case_steps_free(steps, n);
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
    case ACT_DELETE:
        return delete_case(s);
    case ACT_BACK:
        return SR_POP;
    default:
        return list_handle(&st->lv, a) ? SR_HANDLED : SR_UNHANDLED;
    }
}

static void file_resume(struct screen *s) { load(s); }

static const enum action file_actions[] = {ACT_NEW, ACT_DELETE, ACT_BACK};

const struct screen_ops scr_case_file_ops = {
    .title = N_("Case file"),
    .actions = file_actions,
    .nactions = sizeof file_actions / sizeof *file_actions,
    .state_size = sizeof(struct file_state),
    .enter = file_enter,
    .leave = file_leave,
    .draw = file_draw,
    .on_action = file_action,
    .resume = file_resume,
};
