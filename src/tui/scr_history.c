/* scr_history — Lịch sử (Ctrl-Y on a record): the lines of the audit log
 * about one record, newest first: when, who, created / changed / deleted,
 * the field, the old and the new value (app/history.h). */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/listbase.h"
#include "treem/app/history.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct history_state {
    struct listbase lb;
    struct audit_row *rows;
};

static bool h_load(struct screen *s, size_t *count)
{
    struct history_state *st = s->state;
    const struct history_ref *ref = s->arg;
    enum status rc = ref->case_id ? history_of_case(s->ui->db, ref->case_id, &st->rows, count)
                                  : history_of_entity(s->ui->db, ref->entity, ref->id, &st->rows,
                                                      count);
    return rc == ST_OK;
}

static void h_unload(struct screen *s)
{
    struct history_state *st = s->state;
    audit_rows_free(st->rows, st->lb.n);
    st->rows = NULL;
}

static void h_row(struct screen *s, size_t i, struct lb_row *r)
{
    struct history_state *st = s->state;
    char line[1024];
    history_line(&st->rows[st->lb.n - 1 - i], line, sizeof line); /* newest first */
    lb_cell(r, 0, line);
}

static void h_text(struct screen *s, enum lb_text which, struct strbuf *out)
{
    const struct history_ref *ref = s->arg;
    if (which == LB_HEADING)
        strbuf_printf(out, _("History of %s (newest first)"), ref->title);
}

bool history_ref_set(struct history_ref *ref, const char *entity, const char *id, const char *title)
{
    memset(ref, 0, sizeof *ref);
    ref->entity = entity;
    snprintf(ref->id, sizeof ref->id, "%s", id);
    snprintf(ref->title, sizeof ref->title, "%s", title);
    return true;
}

static const struct listbase_def h_def = {
    .text = h_text,
    .empty = N_("No history recorded for this record."),
    .load = h_load, .unload = h_unload, .row = h_row,
};


static const enum action h_actions[] = {ACT_BACK};

const struct screen_ops scr_history_ops = {
    .title = N_("History"),
    LISTBASE_SCREEN(struct history_state, h_def, h_actions),
};
