/* scr_holidays — Ngày lễ (from Cài đặt, Ctrl-O): the holiday table of one
 * year (< and > change the year): days off and make-up working days ("làm
 * bù"). F3 adds a day, F8 deletes the one selected; the working-day
 * deadlines of the cases follow at once (app/holiday_table.h). A year the
 * table holds no holiday for is flagged: its deadlines skip only weekends. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/formscreen.h"
#include "treem/tui/list.h"
#include "treem/app/holiday_table.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct holidays_state {
    int year;
    struct holiday_row *rows;
    size_t n;
    struct list_view lv;
    struct history_ref hist;
};

static const int widths[] = {12, 16, 60};

static void reload(struct screen *s)
{
    struct holidays_state *st = s->state;
    holiday_rows_free(st->rows, st->n);
    st->rows = NULL;
    st->n = 0;
    if (holiday_table_list(s->ui->db, st->year, &st->rows, &st->n) != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
    list_set_count(&st->lv, st->n);
}

static void h_enter(struct screen *s)
{
    struct holidays_state *st = s->state;
    st->year = date_today().y;
    reload(s);
}

static void h_resume(struct screen *s) { reload(s); }

static void h_leave(struct screen *s)
{
    struct holidays_state *st = s->state;
    holiday_rows_free(st->rows, st->n);
}

static void h_row(void *ctx, size_t i, char *buf, size_t bufsz)
{
    struct holidays_state *st = ctx;
    const struct holiday_row *r = &st->rows[i];
    char d[DATE_BUF], name[300];
    date_format(r->date, d);
    snprintf(name, sizeof name, "%s%s%s", r->name, *r->note ? " — " : "", r->note);
    const char *cells[] = {d, r->workday ? _("working day") : _("day off"), name};
    ui_columns(buf, bufsz, widths, cells, 3);
}

static void h_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct holidays_state *st = s->state;
    char title[128];
    snprintf(title, sizeof title, _("Holidays of %d (< > change the year)"), st->year);
    ui_attr(w, UC_OK, true);
    ui_print(w, 0, 2, cols - 4, title);
    ui_attr(w, UC_OK, false);
    if (!st->n) {
        char warn[200];
        snprintf(warn, sizeof warn, _("No holiday in %d: deadlines that year skip only weekends. "
                                      "F3 adds the year's holidays."), st->year);
        ui_attr(w, UC_WARN, true);
        ui_print(w, 1, 2, cols - 4, warn);
        ui_attr(w, UC_WARN, false);
    } else {
        ui_attr(w, UC_DIM, true);
        ui_print(w, 1, 2, cols - 4, _("F3 adds a day off or a make-up working day · F8 deletes"));
        ui_attr(w, UC_DIM, false);
    }
    char head[160];
    const char *cells[] = {_("Date"), _("Kind"), _("Name")};
    ui_columns(head, sizeof head, widths, cells, 3);
    ui_print(w, 3, 2, cols - 4, head);
    list_draw(w, 4, 2, rows - 4, cols - 4, &st->lv, h_row, st, true);
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

static void delete_day(struct screen *s)
{
    struct holidays_state *st = s->state;
    if (st->lv.selected >= st->n)
        return;
    char d[DATE_BUF], q[400];
    date_format(st->rows[st->lv.selected].date, d);
    snprintf(q, sizeof q, _("Delete %s (%s) from the holiday table? The deadlines it touches "
                            "move."), d, st->rows[st->lv.selected].name);
    if (!ui_confirm(s->ui, q))
        return;
    if (holiday_table_delete(s->ui->db, d) != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
    else
        ui_status(s->ui, false, "%s", _("Deleted."));
    reload(s);
}

static enum screen_result h_action(struct screen *s, enum action a, int digit)
{
    struct holidays_state *st = s->state;
    struct formscreen_spec add = {add_defs, 3, _("Add to the holiday table"), NULL, add_save,
                                  NULL, NULL, "Holiday add"};
    switch (a) {
    case ACT_NEW:
        formscreen_open(s->ui, &add);
        return SR_HANDLED;
    case ACT_DELETE:
        delete_day(s);
        return SR_HANDLED;
    case ACT_HISTORY:
        if (st->lv.selected < st->n) {
            memset(&st->hist, 0, sizeof st->hist);
            st->hist.entity = "holiday";
            date_iso(st->rows[st->lv.selected].date, st->hist.id);
            date_format(st->rows[st->lv.selected].date, st->hist.title);
            ui_push(s->ui, &scr_history_ops, &st->hist);
        }
        return SR_HANDLED;
    case ACT_YEAR:
        st->year += digit;
        reload(s);
        return SR_HANDLED;
    case ACT_LEFT:
    case ACT_RIGHT:
        st->year += a == ACT_LEFT ? -1 : 1;
        reload(s);
        return SR_HANDLED;
    case ACT_BACK:
        return SR_POP;
    default:
        return list_handle(&st->lv, a) ? SR_HANDLED : SR_UNHANDLED;
    }
}

static const enum action h_actions[] = {ACT_NEW, ACT_DELETE, ACT_YEAR, ACT_HISTORY, ACT_BACK};

const struct screen_ops scr_holidays_ops = {
    .title = N_("Holidays"),
    .actions = h_actions,
    .nactions = sizeof h_actions / sizeof *h_actions,
    .state_size = sizeof(struct holidays_state),
    .enter = h_enter,
    .leave = h_leave,
    .draw = h_draw,
    .on_action = h_action,
    .resume = h_resume,
};
