/* scr_reports — Báo cáo: the periodic report to the level above. Choose the
 * period (F5: 6 months / whole year; Left/Right: the year; F4: type it), read
 * the report line by line (Enter shows a line whole), F2 writes it as CSV
 * to a file named in a small form. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/formscreen.h"
#include "treem/tui/list.h"
#include "treem/app/report.h"
#include "treem/core/date.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct reports_state {
    int year;
    bool whole_year;        /* false: the 6-month report */
    bool built;
    struct report rep;
    struct list_view lv;
};

static void reports_build(struct screen *s)
{
    struct reports_state *st = s->state;
    struct date from, to;
    if (st->whole_year)
        report_full_year(st->year, &from, &to);
    else
        report_half_year(st->year, &from, &to);
    report_free(&st->rep);
    st->built = report_build(s->ui->db, from, to, &st->rep) == ST_OK;
    if (!st->built)
        ui_status(s->ui, true, "%s", status_message());
    list_set_count(&st->lv, st->built ? st->rep.n : 0);
}

static void reports_enter(struct screen *s)
{
    struct reports_state *st = s->state;
    struct date today = date_today();
    st->year = today.y;
    st->whole_year = false;
    reports_build(s);
}

static void reports_leave(struct screen *s)
{
    struct reports_state *st = s->state;
    report_free(&st->rep);
}

static const char *period_label(bool whole_year)
{
    return whole_year ? _("whole year") : _("first 6 months");
}

static void draw_line(WINDOW *w, int y, int cols, const struct report_line *l, bool selected)
{
    int lw = cols - 36 > cols / 2 ? cols - 36 : cols / 2;  /* room for "118 (nam 69, nữ 49, không rõ 0)" */
    char label[REPORT_LABEL_BUF + 8];
    snprintf(label, sizeof label, "%*s%s", l->depth > 1 ? 4 : l->depth ? 2 : 0, "", l->label);
    enum ui_color c = selected ? UC_SELECTED : l->depth == 0 ? UC_TITLE : UC_NORMAL;
    ui_attr(w, c, true);
    if (l->depth == 0) {
        char head[REPORT_LABEL_BUF + 8];
        snprintf(head, sizeof head, "== %s ==", l->label);
        ui_print_pad(w, y, 1, cols - 2, head);
    } else {
        ui_print_pad(w, y, 1, lw, label);
        ui_print_pad(w, y, 1 + lw + 1, cols - lw - 3, l->value);
    }
    ui_attr(w, c, false);
}

static void reports_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct reports_state *st = s->state;
    char head[200];
    snprintf(head, sizeof head, _("Period: < %s >  (F5)    Year: < %d >  (Left/Right, F4)"),
             period_label(st->whole_year), st->year);
    ui_print(w, 0, 1, cols - 2, head);
    ui_attr(w, UC_OK, true);
    ui_print(w, 1, 1, cols - 2, st->built ? st->rep.title : "");
    ui_attr(w, UC_OK, false);
    ui_hline(w, 2, 0, cols);
    int page = rows - 3;
    if (page < 1 || !st->built)
        return;
    struct list_view *lv = &st->lv;
    lv->page = page;
    if (lv->selected < lv->top)
        lv->top = lv->selected;
    if (lv->selected >= lv->top + (size_t)page)
        lv->top = lv->selected - (size_t)page + 1;
    for (int i = 0; i < page && lv->top + (size_t)i < st->rep.n; i++) {
        size_t k = lv->top + (size_t)i;
        draw_line(w, 3 + i, cols, &st->rep.lines[k], k == lv->selected);
    }
}

/* The export form: one field, the file name. */
static const struct form_def export_fields[] = {
    {N_("file"), FK_TEXT, 255, NULL, N_("path of the CSV file, ~ for your home folder")},
};

static bool export_save(struct ui *ui, struct form *f, void *ctx)
{
    const struct report *r = *(const struct report **)ctx;
    const char *name = form_value(f, 0);
    if (!name || !name[0]) {
        form_set_error(f, 0, _("file: give a file name"));
        return false;
    }
    char path[1024];
    const char *home = getenv("HOME");
    if (name[0] == '~' && (name[1] == '/' || !name[1]) && home)
        snprintf(path, sizeof path, "%s%s", home, name + 1);
    else
        snprintf(path, sizeof path, "%s", name);
    if (report_write_csv(r, path) != ST_OK) {
        form_set_error(f, 0, status_message());
        return false;
    }
    ui_status(ui, false, _("Report written to %s"), path);
    return true;
}

static void export_open(struct screen *s)
{
    struct reports_state *st = s->state;
    const struct report **ctx = malloc(sizeof *ctx);
    if (!ctx)
        return;
    *ctx = &st->rep;
    struct formscreen_spec spec = {export_fields, 1, _("Write the report as CSV"),
                                   _("The file opens in Excel or LibreOffice. F2 writes it."),
                                   export_save, ctx, NULL};
    struct form *f = formscreen_open(s->ui, &spec);
    if (!f)
        return;
    char name[64];
    snprintf(name, sizeof name, "~/bao-cao-%d-%s.csv", st->year, st->whole_year ? "canam" : "6thang");
    form_set(f, 0, name);
}

/* The period form: the choice and the year typed. */
static const char *const period_choices[] = {N_("first 6 months"), N_("whole year"), NULL};
static const struct form_def period_fields[] = {
    {N_("period"), FK_CHOICE, 0, period_choices, NULL},
    {N_("year"), FK_TEXT, 4, NULL, N_("e.g. 2026")},
};

static bool period_save(struct ui *ui, struct form *f, void *ctx)
{
    struct screen *s = *(struct screen **)ctx;
    struct reports_state *st = s->state;
    long long y = 0;
    if (number_parse_int(form_value(f, 1), NUM_INT, &y) != ST_OK || y < 1900 || y > 2999) {
        form_set_error(f, 1, _("year: give a year such as 2026"));
        return false;
    }
    st->year = (int)y;
    st->whole_year = form_choice(f, 0) == 1;
    (void)ui;
    return true;
}

static void period_open(struct screen *s)
{
    struct reports_state *st = s->state;
    struct screen **ctx = malloc(sizeof *ctx);
    if (!ctx)
        return;
    *ctx = s;
    struct formscreen_spec spec = {period_fields, 2, _("Report period"), NULL, period_save, ctx,
                                   NULL};
    struct form *f = formscreen_open(s->ui, &spec);
    if (!f)
        return;
    char y[16];
    snprintf(y, sizeof y, "%d", st->year);
    form_set_choice(f, 0, st->whole_year ? 1 : 0);
    form_set(f, 1, y);
}

static void show_line(struct screen *s)
{
    struct reports_state *st = s->state;
    if (!st->built || st->lv.selected >= st->rep.n)
        return;
    const struct report_line *l = &st->rep.lines[st->lv.selected];
    ui_message(s->ui, l->label, l->value[0] ? l->value : l->label);
}

static enum screen_result reports_action(struct screen *s, enum action a, int digit)
{
    struct reports_state *st = s->state;
    (void)digit;
    switch (a) {
    case ACT_FILTER: st->whole_year = !st->whole_year; reports_build(s); return SR_HANDLED;
    case ACT_LEFT: st->year--; reports_build(s); return SR_HANDLED;
    case ACT_RIGHT: st->year++; reports_build(s); return SR_HANDLED;
    case ACT_EDIT: period_open(s); return SR_HANDLED;
    case ACT_SAVE:
        if (st->built)
            export_open(s);
        return SR_HANDLED;
    case ACT_OPEN: show_line(s); return SR_HANDLED;
    default: return list_handle(&st->lv, a) ? SR_HANDLED : SR_UNHANDLED;
    }
}

static void reports_resume(struct screen *s)
{
    reports_build(s);
}

static const enum action reports_actions[] = {ACT_FILTER, ACT_EDIT, ACT_SAVE, ACT_OPEN,
                                              ACT_LEFT, ACT_RIGHT};

static const struct key_words reports_words[] = {
    {ACT_FILTER, N_("Half/Year"), N_("switch between the half-year report and the whole year")},
    {ACT_EDIT, N_("Period"), N_("type the year and choose the period")},
    {ACT_SAVE, N_("Export"), N_("write the report to a file")},
    {ACT_OPEN, N_("Show"), N_("show the selected line whole")},
    {ACT_LEFT, N_("Year−"), N_("the report of the year before")},
    {ACT_RIGHT, N_("Year+"), N_("the report of the year after")},
};

const struct screen_ops scr_reports_ops = {
    .title = N_("Reports"),
    .words = reports_words,
    .nwords = sizeof reports_words / sizeof *reports_words,
    .actions = reports_actions,
    .nactions = sizeof reports_actions / sizeof reports_actions[0],
    .state_size = sizeof(struct reports_state),
    .enter = reports_enter,
    .leave = reports_leave,
    .draw = reports_draw,
    .on_action = reports_action,
    .resume = reports_resume,
};
