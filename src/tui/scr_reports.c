/* scr_reports — Báo cáo: the periodic report to the level above. Choose the
 * period (F5: 6 months / whole year; Left/Right: the year; F4: type it), read
 * the report line by line (Enter shows a line whole), b shows its figures
 * as bar charts (children by village and age, special circumstances by
 * group, cases by month), F2 writes it as CSV to a file named in a small
 * form. Opened from the Tổng hợp with a commune's database as arg, it shows
 * that commune's report (reading only). */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/formscreen.h"
#include "treem/tui/listbase.h"
#include "treem/app/report.h"
#include "treem/app/report_chart.h"
#include "treem/app/report_xlsx.h"
#include "treem/app/report_sum.h"
#include "treem/app/province.h"
#include "treem/tui/chart.h"
#include "treem/core/date.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/core/path.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct reports_state {
    struct listbase lb;     /* the base: first */
    int year;
    bool whole_year;        /* false: the 6-month report */
    bool built;
    struct report rep;
    int cols;               /* the screen's width at the last draw */
    bool summed;            /* a level-above database: the communes' report summed */
    struct report_sum sum;
    bool charts;            /* b: the charts instead of the lines */
    struct chart_series series[CHART__COUNT];
    int chart_top;          /* first chart row shown */
    int chart_page;         /* chart rows shown at the last draw */
};

/* The report shown: ours, or the sum over the communes. */
static struct report *shown(struct reports_state *st)
{
    return st->summed ? &st->sum.total : &st->rep;
}

/* The database shown: a commune's opened by the Tổng hợp (arg), else ours. */
static struct db *reports_db(struct screen *s)
{
    return s->arg ? (struct db *)s->arg : s->ui->db;
}

static void charts_free(struct reports_state *st)
{
    for (int k = 0; k < CHART__COUNT; k++)
        chart_series_free(&st->series[k]);
}

static void charts_build(struct screen *s)
{
    struct reports_state *st = s->state;
    charts_free(st);
    for (int k = 0; k < CHART__COUNT && st->built; k++)
        if (report_chart(reports_db(s), shown(st), (enum report_chart_kind)k, &st->series[k]) != ST_OK)
            ui_status(s->ui, true, "%s", status_message());
}

/* The report of the period, its lines the list's rows, and its charts. */
static bool reports_load(struct screen *s, size_t *count)
{
    struct reports_state *st = s->state;
    struct report_cutoffs c;
    struct report_request q = {.kind = st->whole_year ? REPORT_YEAR : REPORT_HALF,
                               .year = st->year};
    st->summed = !s->arg && province_is(s->ui->db);
    st->built = report_cutoffs_load(reports_db(s), &c) == ST_OK;
    if (st->built) {
        report_period(&c, q.kind, q.year, &q.from, &q.to);
        st->built = (st->summed ? report_sum_build(s->ui->db, &q, &st->sum)
                                : report_build_req(reports_db(s), &q, &st->rep)) == ST_OK;
    }
    if (!st->built)
        return false;
    *count = shown(st)->n;
    charts_build(s);
    return true;
}

static void reports_unload(struct screen *s)
{
    struct reports_state *st = s->state;
    report_free(&st->rep);
    report_sum_free(&st->sum);
    charts_free(st);
}

static const char *period_label(bool whole_year)
{
    return whole_year ? _("whole year") : _("first 6 months");
}

/* rows: those under the head (3 rows, as the base's). */
static void reports_layout(struct screen *s, int rows, int cols)
{
    struct reports_state *st = s->state;
    st->cols = cols;
    st->chart_page = rows;
}

/* A heading "== … ==", or the label and the value each in its column; what
 * does not fit ends in "…" there (Enter shows the whole line). */
static void reports_row(struct screen *s, size_t i, struct lb_row *r)
{
    struct reports_state *st = s->state;
    const struct report_line *l = &shown(st)->lines[i];
    int cols = st->cols;
    int lw = cols - 36 > cols / 2 ? cols - 36 : cols / 2;  /* room for "118 (nam 69, nữ 49, không rõ 0)" */
    if (l->depth == 0) {
        lb_cellf(r, 0, "== %s ==", l->label);
        return;
    }
    char label[REPORT_LABEL_BUF + 8], fit[REPORT_LABEL_BUF + 16];
    snprintf(label, sizeof label, "%*s%s", l->depth > 1 ? 4 : l->depth ? 2 : 0, "", l->label);
    utf8_truncate(label, lw - 1, fit, sizeof fit);
    lb_cellf(r, 0, "%s%*s%s", fit, lw + 1 - utf8_width(fit), "", l->value);
}

static enum ui_color reports_color(struct screen *s, size_t i)
{
    return shown(s->state)->lines[i].depth == 0 ? UC_TITLE : UC_NORMAL;
}

/* The charts, one under the other, scrolled as one list of rows. */
static void draw_charts(struct reports_state *st, WINDOW *w, int y, int page, int cols)
{
    int total = 0;
    for (int k = 0; k < CHART__COUNT; k++)
        total += chart_rows(&st->series[k]);
    if (st->chart_top > total - page)
        st->chart_top = total - page > 0 ? total - page : 0;
    int label_cols = cols >= 80 ? 26 : cols / 3;
    int row = 0;
    for (int k = 0; k < CHART__COUNT; k++) {
        int n = chart_rows(&st->series[k]);
        for (int i = 0; i < n; i++, row++)
            if (row >= st->chart_top && row < st->chart_top + page)
                chart_draw_row(w, y + row - st->chart_top, 1, cols - 2, label_cols,
                               &st->series[k], i);
    }
}

/* The period and the year; the report's title; a line. */
static int reports_head(struct screen *s, WINDOW *w, int cols)
{
    struct reports_state *st = s->state;
    char head[200];
    snprintf(head, sizeof head, _("Period: < %s >  (F5)    Year: < %d >  (Left/Right, F4)"),
             period_label(st->whole_year), st->year);
    ui_print(w, 0, 1, cols - 2, head);
    ui_print_in(w, UC_OK, 1, 1, cols - 2, st->built ? shown(st)->title : "");
    ui_hline(w, 2, 0, cols);
    return 3;
}

/* b: the charts take the list's place. */
static int charts_height(struct screen *s, int rows)
{
    const struct reports_state *st = s->state;
    return st->charts && st->built && rows > 3 ? rows - 3 : 0;
}

static void charts_pane(struct screen *s, WINDOW *w, int y, int cols)
{
    struct reports_state *st = s->state;
    draw_charts(st, w, y, st->chart_page, cols);
}

/* The export form: one field, the file name. */
static const struct form_def export_fields[] = {
    {N_("file"), FK_TEXT, 255, NULL, N_("path of the CSV file (or .xlsx for a workbook with charts), ~ for your home folder")},
};

static bool export_save(struct ui *ui, struct form *f, void *ctx)
{
    struct screen *s = *(struct screen **)ctx;
    struct reports_state *st = s->state;
    const char *name = form_value(f, 0);
    if (!name || !name[0]) {
        form_set_error(f, 0, _("file: give a file name"));
        return false;
    }
    char *path = path_expand(name);
    if (!path) {
        form_set_error(f, 0, _("out of memory"));
        return false;
    }
    size_t len = strlen(path);
    bool xlsx = len > 5 && strcmp(path + len - 5, ".xlsx") == 0;   /* a workbook with charts */
    enum status rc;
    if (st->summed)   /* the level above: with a column per commune */
        rc = xlsx ? report_write_xlsx(NULL, NULL, &st->sum, path) : report_sum_write_csv(&st->sum, path);
    else
        rc = xlsx ? report_write_xlsx(reports_db(s), &st->rep, NULL, path)
                  : report_write_csv(&st->rep, path);
    if (rc != ST_OK)
        form_set_error(f, 0, status_message());
    else
        ui_status(ui, false, _("Report written to %s"), path);
    free(path);
    return rc == ST_OK;
}

/* Opens the form of spec over the report: its save gets this screen. */
static struct form *open_over(struct screen *s, struct formscreen_spec *spec)
{
    struct screen **ctx = malloc(sizeof *ctx);
    if (!ctx)
        return NULL;
    *ctx = s;
    spec->ctx = ctx;
    return formscreen_open(s->ui, spec);
}

static void export_open(struct screen *s)
{
    struct reports_state *st = s->state;
    struct formscreen_spec spec = {export_fields, 1, _("Write the report as CSV"),
                                   _("The file opens in Excel or LibreOffice. F2 writes it."),
                                   export_save, NULL, NULL, "Report CSV"};
    struct form *f = open_over(s, &spec);
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
    struct formscreen_spec spec = {period_fields, 2, _("Report period"), NULL, period_save, NULL,
                                   NULL, "Report period"};
    struct form *f = open_over(s, &spec);
    if (!f)
        return;
    char y[16];
    snprintf(y, sizeof y, "%d", st->year);
    form_set_choice(f, 0, st->whole_year ? 1 : 0);
    form_set(f, 1, y);
}

static void show_line(struct screen *s, size_t sel)
{
    struct reports_state *st = s->state;
    if (!st->built || sel >= shown(st)->n)
        return;
    const struct report_line *l = &shown(st)->lines[sel];
    ui_message(s->ui, l->label, l->value[0] ? l->value : l->label);
}

/* The charts scroll as one list of rows. */
static bool charts_scroll(struct screen *s, enum action a)
{
    struct reports_state *st = s->state;
    if (!st->charts)
        return false;
    int step = a == ACT_PGUP || a == ACT_PGDN ? (st->chart_page > 1 ? st->chart_page - 1 : 1) : 1;
    st->chart_top += a == ACT_DOWN || a == ACT_PGDN ? step : -step;
    if (a == ACT_HOME || st->chart_top < 0)
        st->chart_top = 0;
    return true;
}

/* Left, Right: the year before or after. */
static enum lb_after reports_year(struct screen *s, int step)
{
    ((struct reports_state *)s->state)->year += step;
    return LB_RELOAD;
}

static enum lb_after reports_act(struct screen *s, enum action a, size_t sel)
{
    struct reports_state *st = s->state;
    switch (a) {
    case ACT_CHART: st->charts = !st->charts; st->chart_top = 0; return LB_STAY;
    case ACT_FILTER: st->whole_year = !st->whole_year; return LB_RELOAD;
    case ACT_EDIT: period_open(s); return LB_STAY;
    case ACT_SAVE:
        if (st->built)
            export_open(s);
        return LB_STAY;
    case ACT_OPEN: show_line(s, sel); return LB_STAY;
    default: return LB_PASS;
    }
}

static const struct listbase_def reports_def = {
    .head = reports_head, .layout = reports_layout,
    .load = reports_load, .unload = reports_unload, .row = reports_row, .color = reports_color,
    .foot_height = charts_height, .foot = charts_pane, .pane_key = charts_scroll,
    .year = reports_year, .act = reports_act,
};

static void reports_enter(struct screen *s)
{
    struct reports_state *st = s->state;
    st->year = date_today().y;
    st->whole_year = false;
    listbase_enter(s, &reports_def);
}

static const enum action reports_actions[] = {ACT_FILTER, ACT_EDIT, ACT_SAVE, ACT_OPEN,
                                              ACT_CHART, ACT_LEFT, ACT_RIGHT};

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
    SCREEN_WORDS(reports_words),
    LISTBASE_OPS(struct reports_state, reports_enter, reports_actions),
};
