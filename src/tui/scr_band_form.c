/* scr_band_form — adds or changes one band of an indicator in the rubric
 * editor: its bounds in the rubric CSV notation (">=95", "<100"), points,
 * source, and optionally whether the scale is now complete. Every field is
 * checked (bounds, points, overlap with the other bands) with the message at
 * the field before anything is saved. */
#include <config.h>
#include "treem/tui/criteria.h"
#include "treem/tui/formscreen.h"
#include "treem/app/rubric_edit.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/model/rubric_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { B_FROM, B_TO, B_POINTS, B_SOURCE, B_COMPLETE, B__COUNT };

static const char *const complete_choices[] = {N_("leave as it is"), N_("complete: no band is missing"),
                                               N_("incomplete: bands are missing"), NULL};
static const int complete_values[] = {-1, 1, 0};

static const struct form_def band_fields[B__COUNT] = {
    {N_("From"), FK_TEXT, 20, NULL, N_(">=95, >90 or empty (no lower bound)")},
    {N_("To"), FK_TEXT, 20, NULL, N_("<100, <=100 or empty (no upper bound)")},
    {N_("Points"), FK_TEXT, 10, NULL, N_("e.g. 50")},
    {N_("Source"), FK_TEXT, 300, NULL, N_("decision, guidance or page it comes from")},
    {N_("Scale"), FK_CHOICE, 0, complete_choices, NULL},
};

static bool band_form_save(struct ui *ui, struct form *f, void *ctx);
static int band_form_top(struct ui *ui, WINDOW *w, int cols, void *ctx);

static const struct formscreen_spec band_form_spec = {band_fields, B__COUNT, NULL, NULL,
                                                      band_form_save, NULL, NULL, NULL};
static const struct formscreen_hooks band_form_hooks = {.top = band_form_top};

static void band_form_enter(struct screen *s)
{
    struct form *f = &((struct formscreen *)s->state)->form;
    const struct band_pick *p = s->arg;
    if (!formscreen_begin(s, &band_form_spec, &band_form_hooks))
        return;
    if (p->band) {
        char v[32];
        rubric_text_bound(p->band, false, v, sizeof v);
        form_set(f, B_FROM, v);
        rubric_text_bound(p->band, true, v, sizeof v);
        form_set(f, B_TO, v);
        edit_num(p->band->points, v, sizeof v);
        form_set(f, B_POINTS, v);
        form_set(f, B_SOURCE, p->band->source);
    }
    form_mark_saved(f);
}

/* The indicator and how bounds are written; the fields below. */
static int band_form_top(struct ui *ui, WINDOW *w, int cols, void *ctx)
{
    const struct band_pick *p = ((struct screen *)ctx)->arg;
    char line[512];
    (void)ui;
    snprintf(line, sizeof line, p->band ? _("Change a band of %s") : _("New band for %s"), p->ind->code);
    ui_print_in(w, UC_OK, 0, 2, cols - 4, line);
    ui_print(w, 1, 2, cols - 4, p->ind->text);
    ui_attr(w, UC_DIM, true);
    ui_print(w, 2, 2, cols - 4, p->ind->kind == RUBRIC_YES_NO
                                    ? _("Yes/no: có is >=1 to <=1, không is >=0 to <=0. F2 saves.")
                                    : _("A bare number is inclusive; empty means no limit. F2 saves."));
    ui_attr(w, UC_DIM, false);
    return 4;
}

/* The band in the form (*b, source pointing into the form); false with
 * messages at the fields when something is wrong. */
static bool read_band(struct screen *s, struct form *f, struct rubric_band *b)
{
    const struct band_pick *p = s->arg;
    memset(b, 0, sizeof *b);
    if (rubric_text_parse_bound(form_value(f, B_FROM), false, _("From"), b) != ST_OK)
        form_set_error(f, B_FROM, status_message());
    if (rubric_text_parse_bound(form_value(f, B_TO), true, _("To"), b) != ST_OK)
        form_set_error(f, B_TO, status_message());
    if (!rubric_text_parse_number(form_value(f, B_POINTS), &b->points) || b->points < 0)
        form_set_error(f, B_POINTS, _("Points: type a number of 0 or more"));
    if (!form_value(f, B_SOURCE)[0])
        form_set_error(f, B_SOURCE, _("Source: say where the band comes from"));
    b->source = (char *)form_value(f, B_SOURCE);
    if (form_has_errors(f))
        return false;
    if (rubric_band_check(p->ind, b) != ST_OK) {
        form_set_error(f, B_FROM, status_message());
        return false;
    }
    for (size_t i = 0; i < p->ind->nbands; i++) {
        const struct rubric_band *o = &p->ind->bands[i];
        if (o == p->band || rubric_bands_same_interval(o, b) || !rubric_bands_overlap(o, b))
            continue;
        char iv[64];
        rubric_text_interval(o, iv, sizeof iv);
        char msg[160];
        snprintf(msg, sizeof msg, _("From / To: the interval overlaps the band %s"), iv);
        form_set_error(f, B_FROM, msg);
        return false;
    }
    return true;
}

/* Saves b; a band whose interval changed replaces the old one (which is put
 * back if the new one cannot be saved). */
static enum status save_band(struct screen *s, const struct rubric_band *b, int complete)
{
    const struct band_pick *p = s->arg;
    struct db *db = s->ui->db;
    char code[24];
    snprintf(code, sizeof code, "%s", p->ind->code);
    if (!p->band || rubric_bands_same_interval(p->band, b))
        return rubric_edit_band_put(db, code, b, complete);
    enum status rc = rubric_edit_band_remove(db, code, p->band);
    if (rc != ST_OK)
        return rc;
    rc = rubric_edit_band_put(db, code, b, complete);
    if (rc != ST_OK) {
        char *msg = strdup(status_message());
        rubric_edit_band_put(db, code, p->band, -1);
        status_set(rc, "%s", msg ? msg : "");
        free(msg);
    }
    return rc;
}

static bool band_form_save(struct ui *ui, struct form *f, void *ctx)
{
    struct screen *s = ctx;
    const struct band_pick *p = s->arg;
    struct rubric_band b;
    char code[24];
    if (!read_band(s, f, &b))
        return false;
    snprintf(code, sizeof code, "%s", p->ind->code);
    if (save_band(s, &b, complete_values[form_choice(f, B_COMPLETE)]) != ST_OK) {
        ui_status(ui, true, "%s", status_message());
        return false;
    }
    ui_status(ui, false, _("Scale of indicator %s saved."), code);
    return true;
}

static const enum action band_form_actions[] = {ACT_SAVE, ACT_NEXT_FIELD, ACT_BACK};

const struct screen_ops scr_band_form_ops = {
    .title = N_("Band"),
    FORMSCREEN_SCREEN(struct formscreen, band_form_enter, formscreen_end, band_form_actions),
};
