/* scr_help — F1: the keys of the screen it was opened from, generated from
 * the same action table as the key bar. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/list.h"
#include "treem/core/i18n.h"

#include <stdio.h>

struct help_state {
    enum action acts[40];
    size_t n;
    struct list_view lv;
};

static void help_enter(struct screen *s)
{
    struct help_state *h = s->state;
    const struct screen *from = s->arg;
    h->n = ui_screen_actions(from, h->acts, 40);
    /* movement and editing keys that every list and form understands */
    static const enum action common[] = {ACT_BACK, ACT_OPEN, ACT_UP, ACT_DOWN, ACT_PGUP,
                                         ACT_PGDN, ACT_HOME, ACT_END, ACT_JUMP,
                                         ACT_MENU_PREV, ACT_REDRAW};
    for (size_t i = 0; i < sizeof common / sizeof *common && h->n < 40; i++) {
        bool dup = false;
        for (size_t j = 0; j < h->n; j++)
            dup |= h->acts[j] == common[i];
        if (!dup)
            h->acts[h->n++] = common[i];
    }
    list_set_count(&h->lv, h->n);
}

static void help_row(void *ctx, size_t i, char *buf, size_t bufsz)
{
    struct help_state *h = ctx;
    action_help_line(h->acts, h->n, i, buf, bufsz);
}

static void help_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct help_state *h = s->state;
    const struct screen *from = s->arg;
    char title[160];
    snprintf(title, sizeof title, _("Keys of the screen %s"), from ? _(from->ops->title) : "");
    ui_attr(w, UC_OK, true);
    ui_print(w, 0, 2, cols - 4, title);
    ui_attr(w, UC_OK, false);
    list_draw(w, 2, 2, rows - 3, cols - 4, &h->lv, help_row, h, false);
}

static enum screen_result help_action(struct screen *s, enum action a, int digit)
{
    struct help_state *h = s->state;
    (void)digit;
    if (a == ACT_BACK || a == ACT_HELP || a == ACT_OPEN)
        return SR_POP;
    if (list_handle(&h->lv, a))
        return SR_HANDLED;
    return SR_UNHANDLED;
}

const struct screen_ops scr_help_ops = {
    .title = N_("Help"),
    .state_size = sizeof(struct help_state),
    .enter = help_enter,
    .draw = help_draw,
    .on_action = help_action,
};
