/* scr_rubric_bands — one indicator's scale in the rubric editor: its bands
 * (interval → points, with the source of each) and, as the last row,
 * whether the bands are the whole scale. F3 adds a band, Enter changes the
 * selected band (or marks the scale complete / incomplete on the last row),
 * F8 deletes a band after asking. The band form is below. */
#include <config.h>
#include "treem/tui/criteria.h"
#include "treem/tui/form.h"
#include "treem/tui/listbase.h"
#include "treem/app/rubric_edit.h"
#include "treem/core/i18n.h"
#include "treem/model/rubric_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct bands_state {
    struct listbase lb;        /* bands, then the "complete" row */
    bool have;
    struct rubric r;
    const struct rubric_indicator *ind;
    struct band_pick pick;
};

static void b_unload(struct screen *s)
{
    struct bands_state *st = s->state;
    if (st->have)
        rubric_free(&st->r);
    st->have = false;
    st->ind = NULL;
}

static bool b_load(struct screen *s, size_t *count)
{
    struct bands_state *st = s->state;
    const struct criteria_pick *p = s->arg;
    *count = 0;
    if (rubric_edit_load_active(s->ui->db, &st->r) != ST_OK)
        return false;
    st->have = true;
    st->ind = rubric_find_indicator(&st->r, p->code);
    *count = st->ind ? st->ind->nbands + 1 : 0;
    return true;
}

static void b_row(struct screen *s, size_t i, struct lb_row *r)
{
    const struct rubric_indicator *ind = ((struct bands_state *)s->state)->ind;
    if (i == ind->nbands) {
        lb_line(r, ind->bands_known ? _("[x] These bands are the whole scale (Enter: not yet)")
                                    : _("[ ] Bands are missing (Enter: the scale is complete)"));
        return;
    }
    const struct rubric_band *b = &ind->bands[i];
    char iv[64], lo[32], hi[32], pts[RUBRIC_TEXT_NUM_BUF];
    rubric_text_interval(b, iv, sizeof iv);
    rubric_text_bound(b, false, lo, sizeof lo);
    rubric_text_bound(b, true, hi, sizeof hi);
    rubric_text_num_show(b->points, pts);
    lb_cell(r, 0, iv);
    lb_cell(r, 1, lo);
    lb_cell(r, 2, hi);
    lb_cell(r, 3, pts);
    lb_cell(r, 4, b->source);
}

/* The indicator (heading) and how it is measured (hint). */
static void b_text(struct screen *s, enum lb_text which, struct strbuf *out)
{
    const struct rubric_indicator *ind = ((struct bands_state *)s->state)->ind;
    if (!ind)
        return;
    if (which == LB_HEADING)
        strbuf_printf(out, "%s %s", ind->code, ind->text);
    else if (which == LB_HINT)
        strbuf_printf(out, _("Measured as %s%s%s · scale %s"), rubric_kind_label(ind->kind),
                      ind->unit ? " " : "", ind->unit ? ind->unit : "",
                      ind->bands_known ? _("complete") : _("INCOMPLETE: bands missing"));
}

/* Under the list: the source of the selected band (or of the scale). */
static void b_foot(struct screen *s, WINDOW *w, int y, int cols)
{
    const struct rubric_indicator *ind = ((struct bands_state *)s->state)->ind;
    size_t sel = listbase_selected(s);
    if (!ind)
        return;
    ui_hline(w, y, 1, cols - 2);
    const char *src = sel < ind->nbands ? ind->bands[sel].source : ind->source;
    struct strbuf line = STRBUF_INIT;
    strbuf_printf(&line, "%s: %s", _("source"), src ? src : "—");
    ui_attr(w, UC_DIM, true);
    ui_print_wrapped(w, y + 1, 1, cols - 2, strbuf_str(&line), 2);
    ui_attr(w, UC_DIM, false);
    strbuf_free(&line);
}

static enum lb_after toggle_complete(struct screen *s)
{
    struct bands_state *st = s->state;
    char q[256];
    bool to = !st->ind->bands_known;
    snprintf(q, sizeof q, to ? _("Mark the scale of %s complete? Values outside every band will then score 0.")
                             : _("Mark the scale of %s incomplete (bands missing)?"),
             st->ind->code);
    if (!ui_confirm(s->ui, q))
        return LB_STAY;
    char code[24];
    snprintf(code, sizeof code, "%s", st->ind->code);
    return listbase_changed(s, rubric_edit_set_complete(s->ui->db, code, to),
                            _("Scale of indicator %s saved."), code);
}

static enum lb_after delete_band(struct screen *s, size_t sel, int digit)
{
    struct bands_state *st = s->state;
    char q[256], iv[64], code[24];
    (void)digit;
    if (sel >= st->ind->nbands)
        return LB_STAY;
    const struct rubric_band *b = &st->ind->bands[sel];
    rubric_text_interval(b, iv, sizeof iv);
    snprintf(q, sizeof q, _("Delete the band %s of indicator %s?"), iv, st->ind->code);
    if (!ui_confirm(s->ui, q))
        return LB_STAY;
    snprintf(code, sizeof code, "%s", st->ind->code);
    return listbase_changed(s, rubric_edit_band_remove(s->ui->db, code, b),
                            _("Scale of indicator %s saved."), code);
}

/* Enter: the band's form, or on the last row the scale complete or not. */
static enum lb_after open_band(struct screen *s, size_t sel, int digit)
{
    struct bands_state *st = s->state;
    (void)digit;
    if (sel >= st->ind->nbands)
        return toggle_complete(s);
    st->pick.ind = st->ind;
    st->pick.band = &st->ind->bands[sel];
    ui_push(s->ui, &scr_band_form_ops, &st->pick);
    return LB_STAY;
}

static enum lb_after new_band(struct screen *s, size_t sel, int digit)
{
    struct bands_state *st = s->state;
    (void)sel, (void)digit;
    if (!st->ind)
        return LB_STAY;
    st->pick.ind = st->ind;
    st->pick.band = NULL;
    ui_push(s->ui, &scr_band_form_ops, &st->pick);
    return LB_STAY;
}

static const struct lb_key b_keys[] = {
    {ACT_OPEN, open_band, false},
    {ACT_NEW, new_band, true},
    {ACT_DELETE, delete_band, false},
};
static const struct lb_col b_cols[] = {
    {N_("Interval"), 14}, {N_("From"), 8}, {N_("To"), 8}, {N_("Points"), 6}, {N_("Source"), 40},
};
static const struct listbase_def b_def = {
    .text = b_text,
    .cols = b_cols, .ncols = sizeof b_cols / sizeof *b_cols,
    .load = b_load, .unload = b_unload, .row = b_row,
    .foot_rows = 3, .foot = b_foot,
    .keys = b_keys, .nkeys = sizeof b_keys / sizeof *b_keys,
};


static const enum action bands_actions[] = {ACT_OPEN, ACT_NEW, ACT_DELETE, ACT_BACK};

const struct screen_ops scr_rubric_bands_ops = {
    .title = N_("Bands"),
    LISTBASE_SCREEN(struct bands_state, b_def, bands_actions),
};
