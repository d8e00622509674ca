/* scr_cases — Vụ việc: the cases list (filter by stage, kind, overdue) and
 * the due list (every open step, overdue first), switched with F5. Names
 * are shown only to roles that may see them (app/cases.h). */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/case_screens.h"
#include "treem/tui/formscreen.h"
#include "treem/tui/listbase.h"
#include "treem/app/cases.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cases_state {
    struct listbase lb;
    struct case_view view;
    struct case_line *lines;
    struct case_due *due;
    size_t n;
    long long open_id;
};

static const char *urgency_text(int u)
{
    return u == CASE_OVERDUE ? _("OVERDUE") : u == CASE_SOON ? _("soon") : "";
}

/* The deadline as shown; "*" after it when it is counted in working days
 * over a year the holiday table does not cover (the filter line says so). */
static void due_when(const struct case_open_item *it, char buf[DATETIME_BUF + 2])
{
    if (it->hourly)
        datetime_format(it->due, buf);
    else
        date_format(it->due.date, buf);
    if (it->no_holidays)
        strcat(buf, " *");
}

/* True when a deadline shown is marked "*". */
static bool any_unchecked(const struct cases_state *st)
{
    for (size_t i = 0; i < st->n; i++)
        if (st->view.due ? st->due[i].item.no_holidays
                         : st->lines[i].has_next && st->lines[i].next.no_holidays)
            return true;
    return false;
}

static const struct lb_col due_cols[] = {
    {"", 9}, {N_("Deadline"), 17}, {N_("Case"), 8}, {N_("Step"), 22}, {N_("Child"), 20},
};
static const struct lb_col case_cols[] = {
    {N_("Case"), 8}, {N_("Received"), 10}, {N_("Child"), LB_FLEX}, {N_("Stage"), 18},
    {N_("Next deadline"), 20},
};

static const struct lb_col *cs_columns(struct screen *s, size_t *n)
{
    *n = 5;
    return ((struct cases_state *)s->state)->view.due ? due_cols : case_cols;
}

/* The filter line: the view and its filters; the empty text. */
static void cs_text(struct screen *s, enum lb_text which, struct strbuf *f)
{
    struct cases_state *st = s->state;
    if (which == LB_EMPTY) {
        strbuf_puts(f, st->view.due ? _("Nothing is due.")
                                    : _("No case matches. F3 records a new report."));
        return;
    }
    if (which != LB_HINT)
        return;
    strbuf_puts(f, st->view.due ? _("Due list: overdue first") : _("Cases"));
    if (!st->view.due && st->view.stage >= 0)
        strbuf_printf(f, " · %s", enum_label(&enum_case_stage, st->view.stage));
    if (!st->view.due && st->view.kind >= 0)
        strbuf_printf(f, " · %s", enum_label(&enum_case_kind, st->view.kind));
    if (!st->view.due && st->view.overdue)
        strbuf_printf(f, " · %s", _("overdue only"));
    if (any_unchecked(st))
        strbuf_printf(f, " · * %s", _("the holiday table does not cover that year: check the date"));
    strbuf_printf(f, "   (%s)", _("F5 filter, due list"));
}

static void cs_unload(struct screen *s)
{
    struct cases_state *st = s->state;
    free(st->lines);
    free(st->due);
    st->lines = NULL;
    st->due = NULL;
    st->n = 0;
}

static bool cs_load(struct screen *s, size_t *count)
{
    struct cases_state *st = s->state;
    enum status rc;
    if (st->view.due) {
        rc = cases_due(s->ui->db, date_now(), &st->due, &st->n);
    } else {
        struct case_filter f;
        case_filter_init(&f);
        f.stage = st->view.stage;
        f.kind = st->view.kind;
        f.search = listbase_search(s);
        rc = cases_list(s->ui->db, &f, st->view.overdue, date_now(), &st->lines, &st->n);
    }
    *count = rc == ST_OK ? st->n : 0;
    return rc == ST_OK;
}

static void cs_row(struct screen *s, size_t i, struct lb_row *r)
{
    struct cases_state *st = s->state;
    char when[DATETIME_BUF + 2], next[160] = "—";
    if (st->view.due) {
        const struct case_due *d = &st->due[i];
        due_when(&d->item, when);
        lb_cell(r, 0, urgency_text(d->item.urgency));
        lb_cell(r, 1, when);
        lb_cell(r, 2, d->code);
        lb_cell(r, 3, case_open_item_label(&d->item));
        lb_cell(r, 4, d->child_shown);
        return;
    }
    const struct case_line *l = &st->lines[i];
    date_format(l->row.received.date, when);  /* the hour is in the case file */
    if (l->has_next) { /* short: the due list names the step */
        char due[DATETIME_BUF + 2];
        due_when(&l->next, due);
        const char *u = urgency_text(l->next.urgency);
        snprintf(next, sizeof next, "%s%s%s", u, *u ? " " : "",
                 l->next.hourly ? due + 0 : due);
        if (l->next.hourly) /* "16/03 16:00" */
            snprintf(next, sizeof next, "%s%s%.5s %s", u, *u ? " " : "", due, due + 11);
    }
    lb_cell(r, 0, l->row.code);
    lb_cell(r, 1, when);
    lb_cell(r, 2, l->child_shown);
    lb_cell(r, 3, enum_label(&enum_case_stage, l->row.stage));
    lb_cell(r, 4, next);
}

static long long selected_id(struct cases_state *st, size_t sel)
{
    return st->view.due ? st->due[sel].case_id : st->lines[sel].row.id;
}

static enum lb_after new_case(struct screen *s, size_t sel, int digit)
{
    struct cases_state *st = s->state;
    (void)sel, (void)digit;
    st->open_id = 0;
    ui_push(s->ui, &scr_case_intake_ops, &st->open_id);
    return LB_STAY;
}

static enum lb_after open_case(struct screen *s, size_t sel, int digit)
{
    struct cases_state *st = s->state;
    (void)digit;
    st->open_id = selected_id(st, sel);
    if (st->open_id)
        ui_push(s->ui, &scr_case_file_ops, &st->open_id);
    return LB_STAY;
}

static enum lb_after open_filter(struct screen *s, size_t sel, int digit)
{
    (void)sel, (void)digit;
    ui_push(s->ui, &scr_case_filter_ops, &((struct cases_state *)s->state)->view);
    return LB_STAY;
}

static const struct lb_key cs_keys[] = {
    {ACT_NEW, new_case, true}, {ACT_OPEN, open_case, false}, {ACT_FILTER, open_filter, true},
};
static const struct listbase_def cs_def = {
    .search = true,
    .text = cs_text,
    .columns = cs_columns,
    .load = cs_load, .unload = cs_unload, .row = cs_row,
    .keys = cs_keys, .nkeys = sizeof cs_keys / sizeof *cs_keys,
};

static void cases_enter(struct screen *s)
{
    ((struct cases_state *)s->state)->view = (struct case_view){false, -1, -1, false};
    listbase_enter(s, &cs_def);
}

static const enum action cases_actions[] = {ACT_NEW, ACT_OPEN, ACT_FILTER};

const struct screen_ops scr_cases_ops = {
    .title = N_("Cases"),
    LISTBASE_OPS(struct cases_state, cases_enter, cases_actions),
};

/* ---- F5: the filter --------------------------------------------------- */

enum { FF_VIEW, FF_STAGE, FF_KIND, FF_OVERDUE, FF__COUNT };
static const char *const view_choices[] = {N_("Cases"), N_("Due list"), NULL};
static const char *const yesno_choices[] = {N_("No"), N_("Yes"), NULL};
#define ENUM_X_LABEL(id, code, label, aliases) label,
static const char *const stage_choices[] = {N_("Any"), CASE_STAGE_LIST(ENUM_X_LABEL) NULL};
static const char *const kind_choices[] = {N_("Any"), CASE_KIND_LIST(ENUM_X_LABEL) NULL};

static const struct form_def filter_defs[FF__COUNT] = {
    {N_("Show"), FK_CHOICE, 0, view_choices, NULL},
    {N_("Stage"), FK_CHOICE, 0, stage_choices, NULL},
    {N_("Kind"), FK_CHOICE, 0, kind_choices, NULL},
    {N_("Overdue only"), FK_CHOICE, 0, yesno_choices, NULL},
};

/* F2: the view chosen goes to the list (its resume reads it). */
static bool filter_apply(struct ui *ui, struct form *f, void *ctx)
{
    struct case_view *v = ((struct screen *)ctx)->arg;
    (void)ui;
    v->due = form_choice(f, FF_VIEW) == 1;
    v->stage = form_choice(f, FF_STAGE) - 1;
    v->kind = form_choice(f, FF_KIND) - 1;
    v->overdue = form_choice(f, FF_OVERDUE) == 1;
    return true;
}

static const struct formscreen_spec filter_spec = {filter_defs, FF__COUNT, NULL, NULL,
                                                   filter_apply, NULL, NULL, NULL};
/* a filter not applied loses nothing: Esc leaves without asking */
static const struct formscreen_hooks filter_hooks = {.nothing_to_lose = true};

static void filter_enter(struct screen *s)
{
    const struct case_view *v = s->arg;
    struct formscreen_spec spec = filter_spec;
    spec.heading = _("Which cases to list");
    spec.help = _("Left/Right change · F2 applies · Esc cancels");
    if (!formscreen_begin(s, &spec, &filter_hooks))
        return;
    struct form *f = &((struct formscreen *)s->state)->form;
    form_set_choice(f, FF_VIEW, v->due);
    form_set_choice(f, FF_STAGE, v->stage + 1);
    form_set_choice(f, FF_KIND, v->kind + 1);
    form_set_choice(f, FF_OVERDUE, v->overdue);
}

static const enum action filter_actions[] = {ACT_SAVE, ACT_BACK};

const struct screen_ops scr_case_filter_ops = {
    .title = N_("Filter"),
    .id = "Case filter",
    FORMSCREEN_SCREEN(struct formscreen, filter_enter, formscreen_end, filter_actions),
};
