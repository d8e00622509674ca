/* scr_history — Lịch sử (Ctrl-Y on a record): the lines of the audit log
 * about one record, newest first: when, who, created / changed / deleted,
 * the field, the old and the new value (app/history.h). */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/list.h"
#include "treem/app/history.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct history_state {
    struct audit_row *rows;
    size_t n;
    struct list_view lv;
};

static void h_enter(struct screen *s)
{
    struct history_state *st = s->state;
    const struct history_ref *ref = s->arg;
    enum status rc = ref->case_id ? history_of_case(s->ui->db, ref->case_id, &st->rows, &st->n)
                                  : history_of_entity(s->ui->db, ref->entity, ref->id, &st->rows,
                                                      &st->n);
    if (rc != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
    list_set_count(&st->lv, st->n);
}

static void h_leave(struct screen *s)
{
    struct history_state *st = s->state;
    audit_rows_free(st->rows, st->n);
}

static void h_row(void *ctx, size_t i, char *buf, size_t bufsz)
{
    struct history_state *st = ctx;
    history_line(&st->rows[st->n - 1 - i], buf, bufsz); /* newest first */
}

static void h_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct history_state *st = s->state;
    const struct history_ref *ref = s->arg;
    char title[240];
    snprintf(title, sizeof title, _("History of %s (newest first)"), ref->title);
    ui_attr(w, UC_OK, true);
    ui_print(w, 0, 2, cols - 4, title);
    ui_attr(w, UC_OK, false);
    if (!st->n)
        ui_print(w, 2, 2, cols - 4, _("No history recorded for this record."));
    list_draw(w, 2, 1, rows - 2, cols - 2, &st->lv, h_row, st, true);
}

static enum screen_result h_action(struct screen *s, enum action a, int digit)
{
    struct history_state *st = s->state;
    (void)digit;
    if (a == ACT_BACK)
        return SR_POP;
    return list_handle(&st->lv, a) ? SR_HANDLED : SR_UNHANDLED;
}

static const enum action h_actions[] = {ACT_BACK};

const struct screen_ops scr_history_ops = {
    .title = N_("History"),
    .actions = h_actions,
    .nactions = sizeof h_actions / sizeof *h_actions,
    .state_size = sizeof(struct history_state),
    .enter = h_enter,
    .leave = h_leave,
    .draw = h_draw,
    .on_action = h_action,
};
