/* scr_commune — Đổi xã (from Cài đặt, Ctrl-N): a commune chosen wrongly at
 * the first run is put right. Type part of the commune's name (diacritics
 * optional), Enter picks it. While the register is empty it changes at
 * once; with records the question says what will change, and on Yes a
 * backup is taken and the codes that carry the commune are re-stamped
 * (app/commune_set.h). */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/listscreen.h"
#include "treem/app/commune_set.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PICK_MAX 200

struct commune_state {
    struct listscreen ls;
    struct commune *list;
    size_t n;
};

static const int widths[] = {7, 38, 30};

static void reload(struct screen *s)
{
    struct commune_state *st = s->state;
    commune_list_free(st->list, st->n);
    st->list = NULL;
    st->n = 0;
    if (commune_search(s->ui->db, NULL, field_text(&st->ls.search), PICK_MAX, &st->list, &st->n)
        != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
    list_set_count(&st->ls.lv, st->n);
}

static void c_enter(struct screen *s)
{
    struct commune_state *st = s->state;
    listscreen_init(&st->ls);
    struct commune cur;
    if (commune_current(s->ui->db, &cur) == ST_OK) {
        strbuf_printf(&st->ls.filter, _("Now: %s (%s). Type to find the right "
                                                        "one, Enter changes to it."),
                 cur.full_name, cur.code);
        commune_free(&cur);
    }
    const char *cells[] = {_("Code"), _("Commune or ward"), _("Province")};
    listscreen_set_header(&st->ls, widths, cells, 3);
    reload(s);
}

static void c_leave(struct screen *s)
{
    struct commune_state *st = s->state;
    listscreen_free(&st->ls);
    commune_list_free(st->list, st->n);
}

static void c_row(void *ctx, size_t i, char *buf, size_t bufsz)
{
    struct commune_state *st = ctx;
    const char *cells[] = {st->list[i].code, st->list[i].full_name, st->list[i].province_name};
    ui_columns(buf, bufsz, widths, cells, 3);
}

static void c_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    listscreen_draw(w, rows, cols, &((struct commune_state *)s->state)->ls, c_row, s->state);
}

/* Enter: change to the commune picked, asking first when records exist. */
static enum screen_result pick(struct screen *s)
{
    struct commune_state *st = s->state;
    if (st->ls.lv.selected >= st->n)
        return SR_HANDLED;
    const struct commune *c = &st->list[st->ls.lv.selected];
    struct commune_change ch;
    enum status rc = commune_set(s->ui->db, c->code, false, &ch);
    if (rc == ST_CONFLICT) {
        char q[600];
        snprintf(q, sizeof q, "%s?", status_message());
        rc = ui_confirm(s->ui, q) ? commune_set(s->ui->db, c->code, true, &ch) : ST_CONFLICT;
        if (rc == ST_CONFLICT)
            return SR_HANDLED;
    }
    if (rc != ST_OK) {
        ui_status(s->ui, true, "%s", status_message());
        return SR_HANDLED;
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
    return SR_POP;
}

static enum screen_result c_action(struct screen *s, enum action a, int digit)
{
    struct commune_state *st = s->state;
    (void)digit;
    if (a == ACT_OPEN)
        return pick(s);
    if (a == ACT_BACK)
        return SR_POP;
    enum ls_result r = listscreen_action(&st->ls, a);
    if (r == LS_SEARCH_CHANGED)
        reload(s);
    return r == LS_UNHANDLED ? SR_UNHANDLED : SR_HANDLED;
}

static enum screen_result c_text(struct screen *s, const char *utf8)
{
    struct commune_state *st = s->state;
    enum ls_result r = listscreen_text(&st->ls, utf8);
    if (r == LS_SEARCH_CHANGED)
        reload(s);
    return r == LS_UNHANDLED ? SR_UNHANDLED : SR_HANDLED;
}

static bool c_text_mode(struct screen *s) { (void)s; return true; }

static const enum action c_actions[] = {ACT_OPEN, ACT_BACK};

const struct screen_ops scr_commune_ops = {
    .title = N_("Change the commune"),
    .actions = c_actions,
    .nactions = sizeof c_actions / sizeof *c_actions,
    .state_size = sizeof(struct commune_state),
    .enter = c_enter,
    .leave = c_leave,
    .draw = c_draw,
    .on_action = c_action,
    .on_text = c_text,
    .text_mode = c_text_mode,
};
