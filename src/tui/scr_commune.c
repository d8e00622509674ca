/* scr_commune — Đổi xã (from Cài đặt, Ctrl-N): a commune chosen wrongly at
 * the first run is put right. Type part of the commune's name (diacritics
 * optional), Enter picks it. While the register is empty it changes at
 * once; with records the question says what will change, and on Yes a
 * backup is taken and the codes that carry the commune are re-stamped
 * (app/commune_set.h). */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/listbase.h"
#include "treem/app/commune_set.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PICK_MAX 200

struct commune_state {
    struct listbase lb;
    struct commune *list;
};

static bool c_load(struct screen *s, size_t *count)
{
    struct commune_state *st = s->state;
    return commune_search(s->ui->db, NULL, listbase_search(s), PICK_MAX, &st->list, count)
           == ST_OK;
}

static void c_unload(struct screen *s)
{
    struct commune_state *st = s->state;
    commune_list_free(st->list, st->lb.n);
    st->list = NULL;
}

static void c_row(struct screen *s, size_t i, struct lb_row *r)
{
    const struct commune *c = &((struct commune_state *)s->state)->list[i];
    lb_cell(r, 0, c->code);
    lb_cell(r, 1, c->full_name);
    lb_cell(r, 2, c->province_name);
}

/* The filter line: the commune the database belongs to now. */
static void c_text(struct screen *s, enum lb_text which, struct strbuf *out)
{
    struct commune cur;
    if (which == LB_HINT && commune_current(s->ui->db, &cur) == ST_OK) {
        strbuf_printf(out, _("Now: %s (%s). Type to find the right one, Enter changes to it."),
                      cur.full_name, cur.code);
        commune_free(&cur);
    }
}

/* Enter: change to the commune picked, asking first when records exist. */
static enum lb_after pick(struct screen *s, size_t sel, int digit)
{
    const struct commune *c = &((struct commune_state *)s->state)->list[sel];
    (void)digit;
    struct commune_change ch;
    enum status rc = commune_set(s->ui->db, c->code, false, &ch);
    if (rc == ST_CONFLICT) {
        char q[600];
        snprintf(q, sizeof q, "%s?", status_message());
        rc = ui_confirm(s->ui, q) ? commune_set(s->ui->db, c->code, true, &ch) : ST_CONFLICT;
        if (rc == ST_CONFLICT)
            return LB_STAY;
    }
    if (rc != ST_OK) {
        ui_status(s->ui, true, "%s", status_message());
        return LB_STAY;
    }
    ui_refresh_title(s->ui);
    if (ch.same)
        ui_status(s->ui, false, _("This database already belongs to %s."), c->full_name);
    else if (ch.backup)
        ui_status(s->ui, false, _("The commune is now %s; codes re-stamped; backup kept."),
                  c->full_name);
    else
        ui_status(s->ui, false, _("The commune is now %s."), c->full_name);
    commune_change_free(&ch);
    return LB_POP;
}

static enum lb_after back(struct screen *s, size_t sel, int digit)
{
    (void)s, (void)sel, (void)digit;
    return LB_POP;
}

static const struct lb_key c_keys[] = {{ACT_OPEN, pick, false}, {ACT_BACK, back, true}};
static const struct lb_col c_cols[] = {
    {N_("Code"), 7}, {N_("Commune or ward"), LB_FLEX}, {N_("Province"), 30},
};
static const struct listbase_def c_def = {
    .search = true,
    .text = c_text,
    .cols = c_cols, .ncols = sizeof c_cols / sizeof *c_cols,
    .load = c_load, .unload = c_unload, .row = c_row,
    .keys = c_keys, .nkeys = sizeof c_keys / sizeof *c_keys,
};


static const enum action c_actions[] = {ACT_OPEN, ACT_BACK};

const struct screen_ops scr_commune_ops = {
    .title = N_("Change the commune"),
    LISTBASE_SCREEN(struct commune_state, c_def, c_actions),
};
