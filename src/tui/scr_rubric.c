/* scr_rubric — the rubric editor (Thang điểm), opened from Cài đặt or Tiêu
 * chí with Ctrl-R: every criterion of the active rule set with its maximum,
 * and under it each indicator's scale on one line and whether it is
 * complete. Enter on an indicator edits its bands (scr_rubric_bands.c);
 * Enter on a criterion sets its maximum (the form below). */
#include <config.h>
#include "treem/tui/criteria.h"
#include "treem/tui/formscreen.h"
#include "treem/tui/listbase.h"
#include "treem/app/rubric_edit.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/core/strbuf.h"
#include "treem/model/rubric_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rubric_row { size_t crit; long ind; };   /* ind -1: the criterion's own row */

struct rubric_state {
    struct listbase lb;           /* the base: first */
    bool have;
    struct rubric r;
    struct rubric_row *rows;      /* lb.n of them */
    size_t incomplete;
    struct criteria_pick pick;
};

static void r_unload(struct screen *s)
{
    struct rubric_state *st = s->state;
    if (st->have)
        rubric_free(&st->r);
    free(st->rows);
    st->rows = NULL;
    st->incomplete = 0;
    st->have = false;
}

static bool r_load(struct screen *s, size_t *count)
{
    struct rubric_state *st = s->state;
    if (rubric_edit_load_active(s->ui->db, &st->r) != ST_OK)
        return false;
    st->have = true;
    st->rows = calloc(st->r.ncrit + st->r.nind + 1, sizeof *st->rows);
    for (size_t i = 0; st->rows && i < st->r.ncrit; i++) {
        st->rows[(*count)++] = (struct rubric_row){i, -1};
        for (size_t k = 0; k < st->r.nind; k++)
            if (st->r.ind[k].criterion == st->r.crit[i].number) {
                st->rows[(*count)++] = (struct rubric_row){i, (long)k};
                st->incomplete += !st->r.ind[k].bands_known;
            }
    }
    return true;
}

static void r_row(struct screen *s, size_t i, struct lb_row *r)
{
    struct rubric_state *st = s->state;
    const struct rubric_row *row = &st->rows[i];
    const struct rubric_criterion *c = &st->r.crit[row->crit];
    if (row->ind < 0) {
        char max[RUBRIC_TEXT_NUM_BUF] = "?";
        if (c->max_known)
            rubric_text_num_show(c->max_points, max);
        lb_cellf(r, 0, _("Criterion %d. %s — maximum %s"), c->number, c->name, max);
        return;
    }
    const struct rubric_indicator *ind = &st->r.ind[row->ind];
    char *bands = rubric_text_bands(ind);
    const int w[] = {2, 6, 10, 60};
    const char *cells[] = {"", ind->code, ind->bands_known ? _("complete") : _("INCOMPLETE"),
                           bands && ind->nbands ? bands : _("no bands")};
    ui_columns_sb(&r->cell[0], w, cells, 4); /* the criteria's rows are one line: no header */
    free(bands);
}

static int r_head(struct screen *s, WINDOW *w, int cols)
{
    struct rubric_state *st = s->state;
    if (!st->have)
        return 2;
    char line[512];
    snprintf(line, sizeof line, _("Rule set %s · %zu indicators with an incomplete scale"), st->r.name,
             st->incomplete);
    ui_print_pad_in(w, UC_TITLE, 0, 0, cols, line);
    ui_print_in(w, UC_DIM, 1, 1, cols - 2, _("Enter: the bands of an indicator, or the maximum of a criterion"));
    return 2;
}

/* The selected row's text and source under the list. */
static void r_foot(struct screen *s, WINDOW *w, int y, int cols)
{
    struct rubric_state *st = s->state;
    size_t sel = listbase_selected(s);
    if (sel == LB_NONE)
        return;
    const struct rubric_row *row = &st->rows[sel];
    const char *text = row->ind >= 0 ? st->r.ind[row->ind].text : st->r.crit[row->crit].name;
    const char *src = row->ind >= 0 ? st->r.ind[row->ind].source : st->r.crit[row->crit].source;
    char line[512];
    ui_hline(w, y, 1, cols - 2);
    ui_print(w, y + 1, 1, cols - 2, text);
    snprintf(line, sizeof line, "%s: %s", _("source"), src ? src : "—");
    ui_print_in(w, UC_DIM, y + 2, 1, cols - 2, line);
}

static enum lb_after r_open(struct screen *s, size_t sel, int digit)
{
    struct rubric_state *st = s->state;
    const struct rubric_row *row = &st->rows[sel];
    (void)digit;
    if (row->ind < 0) {
        ui_push(s->ui, &scr_crit_max_ops, &st->r.crit[row->crit]);
        return LB_STAY;
    }
    snprintf(st->pick.code, sizeof st->pick.code, "%s", st->r.ind[row->ind].code);
    st->pick.criterion = st->r.ind[row->ind].criterion;
    ui_push(s->ui, &scr_rubric_bands_ops, &st->pick);
    return LB_STAY;
}

static const struct lb_key r_keys[] = {{ACT_OPEN, r_open, false}};
static const struct listbase_def r_def = {
    .head = r_head,
    .load = r_load, .unload = r_unload, .row = r_row,
    .foot_rows = 3, .foot = r_foot,
    .keys = r_keys, .nkeys = sizeof r_keys / sizeof *r_keys,
};

/* Opened from an indicator (arg): its row is selected. */
static void rubric_enter(struct screen *s)
{
    struct rubric_state *st = s->state;
    const struct criteria_pick *p = s->arg;
    listbase_enter(s, &r_def);
    for (size_t i = 0; p && p->code[0] && i < st->lb.n; i++)
        if (st->rows[i].ind >= 0 && strcmp(st->r.ind[st->rows[i].ind].code, p->code) == 0)
            st->lb.ls.lv.selected = i;
}

static const enum action rubric_actions[] = {ACT_OPEN, ACT_BACK};

const struct screen_ops scr_rubric_ops = {
    .title = N_("Scales"),
    LISTBASE_OPS(struct rubric_state, rubric_enter, rubric_actions),
};

/* ---- a criterion's maximum --------------------------------------------- */

enum { M_MAX, M_SOURCE, M__COUNT };

static const struct form_def max_fields[M__COUNT] = {
    {N_("Maximum points"), FK_TEXT, 10, NULL, N_("empty when not known")},
    {N_("Source"), FK_TEXT, 300, NULL, N_("decision, guidance or page it comes from")},
};

static bool max_save(struct ui *ui, struct form *f, void *ctx);

static const struct formscreen_spec max_spec = {max_fields, M__COUNT, NULL, NULL, max_save, NULL,
                                                NULL, NULL};

static void max_enter(struct screen *s)
{
    const struct rubric_criterion *c = s->arg;
    struct form *f = &((struct formscreen *)s->state)->form;
    if (!formscreen_begin(s, &max_spec, NULL))
        return;
    formscreen_set_headingf(s, _("Criterion %d. %s"), c->number, c->name);
    formscreen_set_help(s, _("The criterion's total is capped at its maximum. F2 saves."));
    if (c->max_known) {
        char v[RUBRIC_TEXT_NUM_BUF];
        edit_num(c->max_points, v, sizeof v);
        form_set(f, M_MAX, v);
    }
    form_set(f, M_SOURCE, c->source);
    form_mark_saved(f);
}

static bool max_save(struct ui *ui, struct form *f, void *ctx)
{
    const struct rubric_criterion *c = ((struct screen *)ctx)->arg;
    const char *text = form_value(f, M_MAX), *src = form_value(f, M_SOURCE);
    double max = 0;
    if (text[0] && (!rubric_text_parse_number(text, &max) || max < 0))
        form_set_error(f, M_MAX, _("Maximum points: type a number of 0 or more"));
    if (text[0] && !src[0])
        form_set_error(f, M_SOURCE, _("Source: say where the maximum comes from"));
    if (form_has_errors(f))
        return false;
    if (rubric_edit_set_max(ui->db, c->number, text[0] != '\0', max, src) != ST_OK) {
        ui_status(ui, true, "%s", status_message());
        return false;
    }
    ui_status(ui, false, _("Maximum of criterion %d saved."), c->number);
    return true;
}

static const enum action max_actions[] = {ACT_SAVE, ACT_NEXT_FIELD, ACT_BACK};

const struct screen_ops scr_crit_max_ops = {
    .title = N_("Criterion maximum"),
    FORMSCREEN_SCREEN(struct formscreen, max_enter, formscreen_end, max_actions),
};
