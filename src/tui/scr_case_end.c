/* scr_case_end — the end of a running temporary separation: its date and
 * hour. The 15-day limit is shown; an end before the start or in the future
 * is refused at the field by cases_end_separation(). */
#include <config.h>
#include "treem/tui/case_screens.h"
#include "treem/tui/formscreen.h"
#include "treem/app/cases.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <string.h>

enum { E_DATE, E_HOUR, E__COUNT };

static const struct form_def end_defs[E__COUNT] = {
    {N_("Separation ended"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy")},
    {N_("Ended at"), FK_TEXT, 5, NULL, N_("hh:mm")},
};

static void end_enter(struct screen *s)
{
    struct form *f = s->state;
    struct datetime now = date_now();
    char d[DATE_BUF], h[8];
    form_init(f, end_defs, E__COUNT);
    date_format(now.date, d);
    snprintf(h, sizeof h, "%02d:%02d", now.hour, now.min);
    form_set(f, E_DATE, d);
    form_set(f, E_HOUR, h);
    form_mark_saved(f);
}

static void end_leave(struct screen *s) { form_free(s->state); }

static void end_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    const struct case_end *e = s->arg;
    char start[DATETIME_BUF], limit[DATE_BUF], line[160];
    datetime_format(e->start, start);
    date_format(case_separation_deadline(e->start.date), limit);
    ui_attr(w, UC_OK, true);
    ui_print(w, 0, 2, cols - 4, _("End the temporary separation — F2 saves"));
    ui_attr(w, UC_OK, false);
    snprintf(line, sizeof line, _("Separated since %s; the limit is %s (%d days)."), start, limit,
             CASE_SEPARATION_DAYS);
    ui_print(w, 1, 2, cols - 4, line);
    form_draw(w, s->state, 3, 2, rows - 3, cols - 4);
}

static enum screen_result end_save(struct screen *s)
{
    struct form *f = s->state;
    const struct case_end *e = s->arg;
    struct datetime end;
    struct date d;
    form_clear_errors(f);
    if (case_parse_datetime(_("end"), form_value(f, E_DATE), form_value(f, E_HOUR), false,
                            &end) != ST_OK) {
        form_set_error(f, date_parse(form_value(f, E_DATE), &d) == ST_OK ? E_HOUR : E_DATE,
                       status_message());
        return SR_HANDLED;
    }
    if (cases_end_separation(s->ui->db, e->case_id, e->step_id, end) != ST_OK) {
        form_set_error(f, E_DATE, status_message());
        return SR_HANDLED;
    }
    struct date limit = case_separation_deadline(e->start.date);
    char lim[DATE_BUF];
    date_format(limit, lim);
    if (date_cmp(end.date, limit) > 0)
        ui_status(s->ui, true, _("The separation has ended, after the %d-day limit (%s)."),
                  CASE_SEPARATION_DAYS, lim);
    else
        ui_status(s->ui, false, "%s", _("The separation has ended."));
    return SR_POP;
}

static enum screen_result end_action(struct screen *s, enum action a, int digit)
{
    struct form *f = s->state;
    (void)digit;
    switch (form_key(f, a)) {
    case FORM_SAVE: return end_save(s);
    case FORM_USED: return SR_HANDLED;
    default: return SR_UNHANDLED; /* Esc: the frame asks when unsaved */
    }
}

static enum screen_result end_text(struct screen *s, const char *utf8)
{
    form_type(s->ui, s->state, utf8);
    return SR_HANDLED;
}

static bool end_text_mode(struct screen *s) { (void)s; return true; }
static bool end_unsaved(struct screen *s) { return form_changed(s->state); }

static const enum action end_actions[] = {ACT_SAVE, ACT_OPEN, ACT_BACK};

const struct screen_ops scr_case_end_ops = {
    .title = N_("End of separation"),
    .actions = end_actions,
    .nactions = sizeof end_actions / sizeof *end_actions,
    .state_size = sizeof(struct form),
    .enter = end_enter,
    .leave = end_leave,
    .draw = end_draw,
    .on_action = end_action,
    .on_text = end_text,
    .text_mode = end_text_mode,
    .unsaved = end_unsaved,
};
