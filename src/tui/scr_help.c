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
    const struct screen *from;
};

static void add_missing(struct help_state *h, const enum action *acts, size_t n)
{
    for (size_t i = 0; i < n && h->n < 40; i++) {
        bool dup = false;
        for (size_t j = 0; j < h->n; j++)
            dup |= h->acts[j] == acts[i];
        if (!dup)
            h->acts[h->n++] = acts[i];
    }
}

static void help_enter(struct screen *s)
{
    struct help_state *h = s->state;
    const struct screen *from = s->arg;
    h->from = from;
    h->n = ui_screen_actions(from, h->acts, 40);
    /* movement and editing keys that every list and form understands */
    static const enum action common[] = {ACT_BACK, ACT_OPEN, ACT_UP, ACT_DOWN, ACT_PGUP,
                                         ACT_PGDN, ACT_HOME, ACT_END, ACT_JUMP,
                                         ACT_REDRAW};
    /* and the editing keys where the screen takes text (forms, search lines) */
    static const enum action editing[] = {ACT_LEFT, ACT_RIGHT, ACT_BACKSPACE, ACT_DELCHAR,
                                          ACT_CLEAR, ACT_NEXT_FIELD, ACT_PREV_FIELD};
    bool text = from && from->ops->text_mode && from->ops->text_mode((struct screen *)from);
    add_missing(h, common, sizeof common / sizeof *common);
    if (text)
        add_missing(h, editing, sizeof editing / sizeof *editing);
    list_set_count(&h->lv, h->n);
}

/* "F1, ?        show the keys…": every key of the action, then what it
 * does on the screen the help was opened from. */
static void help_row(void *ctx, size_t i, char *buf, size_t bufsz)
{
    struct help_state *h = ctx;
    char keys[64];
    size_t o = 0;
    for (const char *k = action_key(h->acts[i]); *k && o + 3 < sizeof keys; k++) {
        if (*k == ' ')
            keys[o++] = ',';
        keys[o++] = *k;
    }
    keys[o] = '\0';
    const int widths[] = {15, 200};
    const char *cells[] = {keys, ui_key_help(h->from, h->acts[i])};
    ui_columns(buf, bufsz, widths, cells, 2);
}

static void help_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct help_state *h = s->state;
    const struct screen *from = s->arg;
    char title[160];
    snprintf(title, sizeof title, _("Keys of the screen %s"), from ? _(from->ops->title) : "");
    ui_print_in(w, UC_OK, 0, 2, cols - 4, title);
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
