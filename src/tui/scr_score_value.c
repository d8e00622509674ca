/* scr_score_value — Enter on an indicator of Tiêu chí: type the year's value
 * (checked by score_parse_value, the message under the field), the evidence
 * (minh chứng) and the responsible department (its code or words of its
 * name). Nothing is saved until every field is right. */
#include <config.h>
#include "treem/tui/criteria.h"
#include "treem/tui/formscreen.h"
#include "treem/app/score.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/db/department_repo.h"
#include "treem/model/rubric_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { F_VALUE, F_EVIDENCE, F_DEPT, F__COUNT };

struct value_state {
    struct formscreen fs;      /* the base: first */
    struct form_def defs[F__COUNT];
    bool have;
    struct score_sheet sheet;
    long idx;                  /* the indicator in sheet.rubric.ind, -1 when absent */
    struct department *depts;  /* the departments with a code, to choose from */
    size_t ndepts;
    const char **dept_labels;  /* "—", then each name; NULL-terminated */
};

/* The choice of a stored department (its code, or its name). */
static int dept_choice(const struct value_state *st, const char *stored)
{
    for (size_t i = 0; stored && *stored && i < st->ndepts; i++)
        if ((st->depts[i].code && strcmp(st->depts[i].code, stored) == 0) ||
            strcmp(st->depts[i].name, stored) == 0)
            return (int)i + 1;
    return 0;
}

static const char *value_hint(enum rubric_kind k)
{
    return k == RUBRIC_YES_NO ? N_("có or không")
           : k == RUBRIC_COUNT ? N_("a whole number, e.g. 3")
                               : N_("a number, e.g. 97 or 97,5");
}

static void prefill(struct value_state *st)
{
    const struct rubric_indicator *ind = &st->sheet.rubric.ind[st->idx];
    const struct score_line *l = &st->sheet.line[st->idx];
    if (l->origin == SCORE_TYPED && l->has_value) {
        char v[RUBRIC_TEXT_NUM_BUF];
        if (ind->kind == RUBRIC_YES_NO)
            snprintf(v, sizeof v, "%s", l->value >= 0.5 ? "có" : "không");
        else
            edit_num(l->value, v, sizeof v);
        form_set(&st->fs.form, F_VALUE, v);
    }
    form_set(&st->fs.form, F_EVIDENCE, l->evidence);
    form_set_choice(&st->fs.form, F_DEPT, dept_choice(st, l->department));
    form_mark_saved(&st->fs.form);
}

static bool value_save(struct ui *ui, struct form *f, void *ctx);
static int value_top(struct ui *ui, WINDOW *w, int cols, void *ctx);

/* defs: the state's (the value's hint is the indicator's kind) */
static const struct formscreen_spec value_spec = {NULL, F__COUNT, NULL, NULL, value_save, NULL,
                                                  NULL, NULL};
static const struct formscreen_hooks value_hooks = {.top = value_top};

static void value_enter(struct screen *s)
{
    struct value_state *st = s->state;
    const struct criteria_pick *p = s->arg;
    st->idx = -1;
    if (score_sheet_build(s->ui->db, p->year, NULL, &st->sheet) == ST_OK) {
        st->have = true;
        st->idx = rubric_indicator_index(&st->sheet.rubric, p->code);
    } else {
        ui_status(s->ui, true, "%s", status_message());
    }
    const struct form_def defs[F__COUNT] = {
        {N_("Value"), FK_TEXT, 20, NULL,
         st->idx >= 0 ? value_hint(st->sheet.rubric.ind[st->idx].kind) : NULL},
        {N_("Evidence"), FK_TEXT, 400, NULL, N_("document, register or report that proves it")},
        {N_("Department"), FK_CHOICE, 0, NULL, NULL}, /* a picker: type words of the name */
    };
    st->dept_labels = department_choices(s->ui->db, &st->depts, &st->ndepts);
    memcpy(st->defs, defs, sizeof defs);
    st->defs[F_DEPT].choices = st->dept_labels;
    if (!st->dept_labels)
        st->defs[F_DEPT].kind = FK_TEXT;
    struct formscreen_spec spec = value_spec;
    spec.defs = st->defs;
    if (formscreen_begin(s, &spec, &value_hooks) && st->idx >= 0)
        prefill(st);
}

static void value_leave(struct screen *s)
{
    struct value_state *st = s->state;
    formscreen_end(s);
    free(st->dept_labels);
    department_list_free(st->depts, st->ndepts);
    if (st->have)
        score_sheet_free(&st->sheet);
}

/* The indicator, its text, what the register computes; the fields below. */
static int value_top(struct ui *ui, WINDOW *w, int cols, void *ctx)
{
    struct screen *s = ctx;
    struct value_state *st = s->state;
    const struct criteria_pick *p = s->arg;
    (void)ui;
    if (st->idx < 0)
        return -1;
    const struct rubric_indicator *ind = &st->sheet.rubric.ind[st->idx];
    const struct score_line *l = &st->sheet.line[st->idx];
    char line[512];
    snprintf(line, sizeof line, _("Indicator %s for %d"), ind->code, p->year);
    ui_print_in(w, UC_OK, 0, 2, cols - 4, line);
    ui_print_wrapped(w, 1, 2, cols - 4, ind->text, 2);
    if (l->computed_ok) {
        char v[64];
        score_value_show(ind, true, l->computed, v, sizeof v);
        snprintf(line, sizeof line, "%s: %s%s%s%s", _("computed from the register"), v,
                 l->basis[0] ? " (" : "", l->basis, l->basis[0] ? ")" : "");
    } else {
        snprintf(line, sizeof line, "%s", l->measurable ? _("not computable yet — type the value")
                                                        : _("typed only: the register cannot compute it"));
    }
    ui_attr(w, UC_DIM, true);
    ui_print(w, 3, 2, cols - 4, line);
    ui_print(w, 4, 2, cols - 4, _("F2 saves · Esc cancels · F8 on the list removes a typed value"));
    ui_attr(w, UC_DIM, false);
    return 6;
}

/* Checks the fields; the department's code goes to code (size n). */
static bool check(struct screen *s, char *code, size_t n)
{
    struct value_state *st = s->state;
    const struct rubric_indicator *ind = &st->sheet.rubric.ind[st->idx];
    double v;
    const char *text = form_value(&st->fs.form, F_VALUE);
    int dept = st->dept_labels ? form_choice(&st->fs.form, F_DEPT) : 0;
    if (text[0] && score_parse_value(ind, text, &v) != ST_OK)
        form_set_error(&st->fs.form, F_VALUE, status_message());
    code[0] = '\0';
    if (dept > 0 && (size_t)dept <= st->ndepts) {
        const struct department *d = &st->depts[dept - 1];
        if (!d->code)
            form_set_error(&st->fs.form, F_DEPT, _("Department: this department has no code"));
        else
            snprintf(code, n, "%s", d->code);
    }
    return !form_has_errors(&st->fs.form);
}

static bool value_save(struct ui *ui, struct form *f, void *ctx)
{
    struct screen *s = ctx;
    struct value_state *st = s->state;
    const struct criteria_pick *p = s->arg;
    char code[64];
    if (st->idx < 0 || !check(s, code, sizeof code))
        return false;
    const char *text = form_value(f, F_VALUE);
    /* an empty value keeps what is stored: F8 on the list removes it */
    if (score_set_value(ui->db, p->year, p->code, text[0] ? text : NULL, form_value(f, F_EVIDENCE),
                        code) != ST_OK) {
        ui_status(ui, true, "%s", status_message());
        return false;
    }
    ui_status(ui, false, _("Indicator %s saved for %d."), p->code, p->year);
    return true;
}

static const enum action value_actions[] = {ACT_SAVE, ACT_NEXT_FIELD, ACT_BACK};

const struct screen_ops scr_score_value_ops = {
    .title = N_("Indicator value"),
    FORMSCREEN_SCREEN(struct value_state, value_enter, value_leave, value_actions),
};
