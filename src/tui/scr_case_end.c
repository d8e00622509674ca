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

static bool end_save(struct ui *ui, struct form *f, void *ctx);

static const struct formscreen_spec end_spec = {end_defs, E__COUNT, NULL, NULL, end_save, NULL,
                                                NULL, NULL};

/* The heading, the start and the limit of the separation; the fields say now. */
static void end_enter(struct screen *s)
{
    const struct case_end *e = s->arg;
    struct formscreen *fs = s->state;
    char start[DATETIME_BUF], limit[DATE_BUF];
    if (!formscreen_begin(s, &end_spec, NULL))
        return;
    formscreen_set_heading(s, _("End the temporary separation — F2 saves"));
    datetime_format(e->start, start);
    date_format(case_separation_deadline(e->start.date), limit);
    formscreen_set_helpf(s, _("Separated since %s; the limit is %s (%d days)."), start, limit,
                         CASE_SEPARATION_DAYS);
    case_form_set_now(&fs->form, E_DATE, E_HOUR);
    form_mark_saved(&fs->form);
}

static bool end_save(struct ui *ui, struct form *f, void *ctx)
{
    const struct case_end *e = ((struct screen *)ctx)->arg;
    struct datetime end;
    if (!case_form_read_when(f, E_DATE, E_HOUR, _("end"), &end))
        return false;
    if (cases_end_separation(ui->db, e->case_id, e->step_id, end) != ST_OK) {
        form_set_error(f, E_DATE, status_message());
        return false;
    }
    struct date limit = case_separation_deadline(e->start.date);
    char lim[DATE_BUF];
    date_format(limit, lim);
    if (date_cmp(end.date, limit) > 0)
        ui_status(ui, true, _("The separation has ended, after the %d-day limit (%s)."),
                  CASE_SEPARATION_DAYS, lim);
    else
        ui_status(ui, false, "%s", _("The separation has ended."));
    return true;
}

static const enum action end_actions[] = {ACT_SAVE, ACT_OPEN, ACT_BACK};

const struct screen_ops scr_case_end_ops = {
    .title = N_("End of separation"),
    FORMSCREEN_SCREEN(struct formscreen, end_enter, formscreen_end, end_actions),
};
