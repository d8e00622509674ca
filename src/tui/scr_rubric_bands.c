/* scr_rubric_bands — one indicator's scale in the rubric editor: its bands
 * (interval → points, with the source of each) and, as the last row,
 * whether the bands are the whole scale. F3 adds a band, Enter changes the
 * selected band (or marks the scale complete / incomplete on the last row),
 * F8 deletes a band after asking. The band form is below. */
#include <config.h>
#include "treem/tui/criteria.h"
#include "treem/tui/form.h"
#include "treem/tui/list.h"
#include "treem/app/rubric_edit.h"
#include "treem/core/i18n.h"
#include "treem/model/rubric_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct bands_state {
    bool have;
    struct rubric r;
    const struct rubric_indicator *ind;
    struct list_view lv;       /* bands, then the "complete" row */
    struct band_pick pick;
};

static void unload(struct bands_state *st)
{
    if (st->have)
        rubric_free(&st->r);
    st->have = false;
    st->ind = NULL;
}

static void load(struct screen *s)
{
    struct bands_state *st = s->state;
    const struct criteria_pick *p = s->arg;
    unload(st);
    if (rubric_edit_load_active(s->ui->db, &st->r) != ST_OK) {
        ui_status(s->ui, true, "%s", status_message());
        list_set_count(&st->lv, 0);
        return;
    }
    st->have = true;
    st->ind = rubric_find_indicator(&st->r, p->code);
    list_set_count(&st->lv, st->ind ? st->ind->nbands + 1 : 0);
}

static void bands_enter(struct screen *s) { load(s); }
static void bands_leave(struct screen *s) { unload(s->state); }

static void bands_resume(struct screen *s)
{
    struct bands_state *st = s->state;
    size_t keep = st->lv.selected;
    load(s);
    st->lv.selected = keep;
    list_set_count(&st->lv, st->lv.count);
}

static void band_row(void *ctx, size_t i, char *buf, size_t bufsz)
{
    struct bands_state *st = ctx;
    if (i == st->ind->nbands) {
        snprintf(buf, bufsz, "%s", st->ind->bands_known
                                       ? _("[x] These bands are the whole scale (Enter: not yet)")
                                       : _("[ ] Bands are missing (Enter: the scale is complete)"));
        return;
    }
    const struct rubric_band *b = &st->ind->bands[i];
    char iv[64], lo[32], hi[32], pts[RUBRIC_TEXT_NUM_BUF];
    rubric_text_interval(b, iv, sizeof iv);
    rubric_text_bound(b, false, lo, sizeof lo);
    rubric_text_bound(b, true, hi, sizeof hi);
    rubric_text_num_show(b->points, pts);
    const int w[] = {14, 8, 8, 6, 40};
    const char *cells[] = {iv, lo, hi, pts, b->source ? b->source : ""};
    ui_columns(buf, bufsz, w, cells, 5);
}

static void bands_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct bands_state *st = s->state;
    if (!st->ind)
        return;
    const struct rubric_indicator *ind = st->ind;
    char line[512];
    snprintf(line, sizeof line, "%s %s", ind->code, ind->text);
    ui_attr(w, UC_TITLE, true);
    ui_print_pad(w, 0, 0, cols, line);
    ui_attr(w, UC_TITLE, false);
    snprintf(line, sizeof line, _("Measured as %s%s%s · scale %s"), rubric_kind_label(ind->kind),
             ind->unit ? " " : "", ind->unit ? ind->unit : "",
             ind->bands_known ? _("complete") : _("INCOMPLETE: bands missing"));
    ui_print(w, 1, 1, cols - 2, line);
    const int wd[] = {14, 8, 8, 6, 40};
    const char *cells[] = {_("Interval"), _("From"), _("To"), _("Points"), _("Source")};
    ui_columns(line, sizeof line, wd, cells, 5);
    ui_attr(w, UC_DIM, true);
    ui_print_pad(w, 3, 1, cols - 2, line);
    ui_attr(w, UC_DIM, false);
    list_draw(w, 4, 1, rows - 7, cols - 2, &st->lv, band_row, st, true);
    ui_hline(w, rows - 3, 1, cols - 2);
    const char *src = st->lv.selected < ind->nbands ? ind->bands[st->lv.selected].source : ind->source;
    snprintf(line, sizeof line, "%s: %s", _("source"), src ? src : "—");
    int starts[2], lens[2], n = ui_wrap(line, cols - 2, starts, lens, 2);
    ui_attr(w, UC_DIM, true);
    for (int i = 0; i < n; i++) {
        char part[512];
        snprintf(part, sizeof part, "%.*s", lens[i], line + starts[i]);
        ui_print(w, rows - 2 + i, 1, cols - 2, part);
    }
    ui_attr(w, UC_DIM, false);
}

static enum screen_result toggle_complete(struct screen *s)
{
    struct bands_state *st = s->state;
    char q[256];
    bool to = !st->ind->bands_known;
    snprintf(q, sizeof q, to ? _("Mark the scale of %s complete? Values outside every band will then score 0.")
                             : _("Mark the scale of %s incomplete (bands missing)?"),
             st->ind->code);
    if (!ui_confirm(s->ui, q))
        return SR_HANDLED;
    char code[24];
    snprintf(code, sizeof code, "%s", st->ind->code);
    if (rubric_edit_set_complete(s->ui->db, code, to) != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
    else
        ui_status(s->ui, false, _("Scale of indicator %s saved."), code);
    bands_resume(s);
    return SR_HANDLED;
}

static enum screen_result delete_band(struct screen *s)
{
    struct bands_state *st = s->state;
    char q[256], iv[64], code[24];
    const struct rubric_band *b = &st->ind->bands[st->lv.selected];
    rubric_text_interval(b, iv, sizeof iv);
    snprintf(q, sizeof q, _("Delete the band %s of indicator %s?"), iv, st->ind->code);
    if (!ui_confirm(s->ui, q))
        return SR_HANDLED;
    snprintf(code, sizeof code, "%s", st->ind->code);
    if (rubric_edit_band_remove(s->ui->db, code, b) != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
    else
        ui_status(s->ui, false, _("Scale of indicator %s saved."), code);
    bands_resume(s);
    return SR_HANDLED;
}

static enum screen_result bands_action(struct screen *s, enum action a, int digit)
{
    struct bands_state *st = s->state;
    (void)digit;
    if (list_handle(&st->lv, a))
        return SR_HANDLED;
    if (a != ACT_OPEN && a != ACT_NEW && a != ACT_DELETE)
        return SR_UNHANDLED;
    if (!st->ind)
        return SR_HANDLED;
    bool on_band = st->lv.selected < st->ind->nbands;
    if (a == ACT_DELETE)
        return on_band ? delete_band(s) : SR_HANDLED;
    if (a == ACT_OPEN && !on_band)
        return toggle_complete(s);
    st->pick.ind = st->ind;
    st->pick.band = a == ACT_OPEN ? &st->ind->bands[st->lv.selected] : NULL;
    ui_push(s->ui, &scr_band_form_ops, &st->pick);
    return SR_HANDLED;
}

static const enum action bands_actions[] = {ACT_OPEN, ACT_NEW, ACT_DELETE, ACT_BACK};

const struct screen_ops scr_rubric_bands_ops = {
    .title = N_("Bands"),
    .actions = bands_actions,
    .nactions = sizeof bands_actions / sizeof *bands_actions,
    .state_size = sizeof(struct bands_state),
    .enter = bands_enter,
    .leave = bands_leave,
    .draw = bands_draw,
    .on_action = bands_action,
    .resume = bands_resume,
};
