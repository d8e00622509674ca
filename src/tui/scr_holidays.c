/* scr_holidays — Ngày lễ (from Cài đặt, Ctrl-O): the holiday table of one
 * year (< and > change the year): days off and make-up working days ("làm
 * bù"). F3 adds a day, F8 deletes the one selected; the working-day
 * deadlines of the cases follow at once (app/holiday_table.h). A year the
 * table holds no holiday for is flagged: its deadlines skip only weekends. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/formscreen.h"
#include "treem/tui/listbase.h"
#include "treem/app/holiday_table.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct holidays_state {
    struct listbase lb;
    int year;
    struct holiday_row *rows;
};

static bool h_load(struct screen *s, size_t *count)
{
    struct holidays_state *st = s->state;
    if (!st->year)
        st->year = date_today().y;
    return holiday_table_list(s->ui->db, st->year, &st->rows, count) == ST_OK;
}

static void h_unload(struct screen *s)
{
    struct holidays_state *st = s->state;
    holiday_rows_free(st->rows, st->lb.n);
    st->rows = NULL;
}

static void h_row(struct screen *s, size_t i, struct lb_row *r)
{
    const struct holiday_row *h = &((struct holidays_state *)s->state)->rows[i];
    char d[DATE_BUF];
    date_format(h->date, d);
    lb_cell(r, 0, d);
    lb_cell(r, 1, h->workday ? _("working day") : _("day off"));
    lb_cellf(r, 2, "%s%s%s", h->name, *h->note ? " — " : "", h->note);
}

static void h_text(struct screen *s, enum lb_text which, struct strbuf *out)
{
    int year = ((struct holidays_state *)s->state)->year;
    if (which == LB_HEADING)
        strbuf_printf(out, _("Holidays of %d (< > change the year)"), year);
    else if (which == LB_EMPTY)
        strbuf_printf(out, _("No holiday in %d: deadlines that year skip only weekends. "
                             "F3 adds the year's holidays."), year);
}

static const char *const kind_choices[] = {N_("Day off"), N_("Make-up working day (làm bù)"),
                                           NULL};
static const struct form_def add_defs[] = {
    {N_("Date"), FK_TEXT, 10, NULL, N_("dd/mm/yyyy")},
    {N_("Name"), FK_TEXT, 200, NULL, N_("e.g. Tết Nguyên đán")},
    {N_("Kind"), FK_CHOICE, 0, kind_choices, NULL},
};
static const char *const add_fields[] = {N_("date"), N_("name"), NULL};

static bool add_save(struct ui *ui, struct form *f, void *ctx)
{
    (void)ctx;
    if (holiday_table_add(ui->db, form_value(f, 0), form_value(f, 1), form_choice(f, 2) == 1)
        != ST_OK) {
        formscreen_error(ui, f, status_message(), add_fields, 3, 0);
        return false;
    }
    ui_status(ui, false, _("Added %s; the deadlines follow."), form_value(f, 0));
    return true;
}

static enum lb_after delete_day(struct screen *s, size_t sel, int digit)
{
    struct holidays_state *st = s->state;
    char d[DATE_BUF], q[400];
    (void)digit;
    date_format(st->rows[sel].date, d);
    snprintf(q, sizeof q, _("Delete %s (%s) from the holiday table? The deadlines it touches "
                            "move."), d, st->rows[sel].name);
    if (!ui_confirm(s->ui, q))
        return LB_STAY;
    return listbase_changed(s, holiday_table_delete(s->ui->db, d), "%s", _("Deleted."));
}

static enum lb_after add_day(struct screen *s, size_t sel, int digit)
{
    struct formscreen_spec add = {add_defs, 3, _("Add to the holiday table"), NULL, add_save,
                                  NULL, NULL, "Holiday add"};
    (void)sel, (void)digit;
    formscreen_open(s->ui, &add);
    return LB_STAY;
}

static bool history(struct screen *s, size_t sel, struct history_ref *ref)
{
    struct holidays_state *st = s->state;
    char iso[DATE_BUF], shown[DATE_BUF];
    date_iso(st->rows[sel].date, iso);
    date_format(st->rows[sel].date, shown);
    return history_ref_set(ref, "holiday", iso, shown);
}

/* < and > or Left and Right (step -1 or +1): the year before or after. */
static enum lb_after year(struct screen *s, int step)
{
    ((struct holidays_state *)s->state)->year += step;
    return LB_RELOAD;
}

static const struct lb_key h_keys[] = {
    {ACT_NEW, add_day, true},
    {ACT_DELETE, delete_day, false},
};
static const struct lb_col h_cols[] = {{N_("Date"), 12}, {N_("Kind"), 16}, {N_("Name"), 60}};
static const struct listbase_def h_def = {
    .text = h_text,
    .hint = N_("F3 adds a day off or a make-up working day · F8 deletes"),
    .cols = h_cols, .ncols = 3,
    .load = h_load, .unload = h_unload, .row = h_row, .year = year,
    .keys = h_keys, .nkeys = sizeof h_keys / sizeof *h_keys,
    .history = history,
};


static const enum action h_actions[] = {ACT_NEW, ACT_DELETE, ACT_YEAR, ACT_HISTORY, ACT_BACK};

const struct screen_ops scr_holidays_ops = {
    .title = N_("Holidays"),
    LISTBASE_SCREEN(struct holidays_state, h_def, h_actions),
};
