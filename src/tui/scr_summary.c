/* scr_summary — Tổng hợp, the level above's first screen: one line per
 * commune of the province with its code, last package, counts, points and
 * verdict; communes with no package or a late one stand out (colour and a
 * word, so they show in monochrome too). Enter opens the commune's report
 * and its charts from the commune's own database (reading only); F5 reads
 * everything again. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/list.h"
#include "treem/app/province.h"
#include "treem/core/date.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct summary_state {
    struct commune_summary *rows;
    size_t n, received, late;
    struct list_view lv;
    struct db *opened;       /* the commune database lent to the report screen */
    char province[160];
    int name_w;              /* the commune's name column at the last draw's width */
};

static void summary_load(struct screen *s)
{
    struct summary_state *st = s->state;
    commune_summary_free(st->rows, st->n);
    st->rows = NULL;
    st->n = st->received = st->late = 0;
    if (province_summary(s->ui->db, date_today(), &st->rows, &st->n) != ST_OK)
        ui_status(s->ui, true, "%s", status_message());
    for (size_t i = 0; i < st->n; i++) {
        st->received += st->rows[i].received;
        st->late += st->rows[i].received && st->rows[i].late;
    }
    list_set_count(&st->lv, st->n);
}

static void summary_enter(struct screen *s)
{
    struct summary_state *st = s->state;
    struct province p;
    if (province_current(s->ui->db, &p) == ST_OK) {
        snprintf(st->province, sizeof st->province, "%s (%s)", p.name, p.code);
        snprintf(s->ui->title, sizeof s->ui->title, _("level above: %s"), p.name);
        province_free(&p);
    }
    summary_load(s);
}

static void summary_leave(struct screen *s)
{
    struct summary_state *st = s->state;
    commune_summary_free(st->rows, st->n);
    if (st->opened)
        db_close(st->opened);
}

static const int widths[] = {5, 20, 10, 6, 5, 4, 4, 4, 60};   /* the last: what is left */
#define NCOLS (sizeof widths / sizeof widths[0])

/* The columns at the last draw's width: the commune's name takes half of
 * what a terminal wider than 80 columns adds (the verdict the rest). */
static void columns_now(const struct summary_state *st, int *w)
{
    memcpy(w, widths, sizeof widths);
    if (st->name_w > w[1])
        w[1] = st->name_w;
}

static void summary_row(void *ctx, size_t i, char *buf, size_t n)
{
    const struct commune_summary *r = &((struct summary_state *)ctx)->rows[i];
    struct commune_summary_text t;
    commune_summary_format(r, &t);
    char state[160];
    if (r->received)
        snprintf(state, sizeof state, "%s%s%s", t.state[0] ? t.state : "", t.state[0] ? ": " : "",
                 t.verdict);
    else
        snprintf(state, sizeof state, "%s", t.state);
    const char *cells[NCOLS] = {r->code, r->name, t.made, t.children, t.special, t.open_cases,
                                t.overdue, t.total, state};
    int w[NCOLS];
    columns_now(ctx, w);
    ui_columns(buf, n, w, cells, (int)NCOLS);
}

/* The selected commune's package: its period and who made it. */
static void draw_detail(WINDOW *w, int y, int cols, const struct summary_state *st)
{
    char text[512] = "";
    if (st->lv.selected < st->n && st->rows[st->lv.selected].received) {
        const struct commune_summary *r = &st->rows[st->lv.selected];
        struct commune_summary_text t;
        commune_summary_format(r, &t);
        snprintf(text, sizeof text, _("%s: period %s, made by %s"), r->code, t.period, r->made_by);
    }
    ui_attr(w, UC_DIM, true);
    ui_print_pad(w, y, 1, cols - 2, text);
    ui_attr(w, UC_DIM, false);
}

static void summary_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct summary_state *st = s->state;
    char head[256];
    snprintf(head, sizeof head, _("Tổng hợp — %s: %zu communes, %zu sent a package (%zu late), "
                                  "%zu none"), st->province, st->n, st->received, st->late,
             st->n - st->received);
    ui_print(w, 0, 1, cols - 2, head);
    const char *titles[NCOLS] = {_("Code"), _("Commune"), _("Package"), _("Child."), _("Spec."),
                                 _("Open"), _("Late"), _("Pts"), _("Verdict / state")};
    char line[512];
    int cw[NCOLS];
    st->name_w = widths[1] + (cols > 80 ? (cols - 80) / 2 : 0);
    columns_now(st, cw);
    ui_columns(line, sizeof line, cw, titles, (int)NCOLS);
    ui_attr(w, UC_DIM, true);
    ui_print_pad(w, 1, 1, cols - 2, line);
    ui_attr(w, UC_DIM, false);
    ui_hline(w, 2, 0, cols);
    int page = rows - 4;
    if (page < 1)
        return;
    list_draw(w, 3, 1, page, cols - 2, &st->lv, summary_row, st, true);
    draw_detail(w, rows - 1, cols, st);
    /* missing and late communes stand out */
    for (int i = 0; i < page && st->lv.top + (size_t)i < st->n; i++) {
        size_t k = st->lv.top + (size_t)i;
        if (k == st->lv.selected || (st->rows[k].received && !st->rows[k].late))
            continue;
        summary_row(st, k, line, sizeof line);
        ui_attr(w, st->rows[k].received ? UC_WARN : UC_ERROR, true);
        ui_print_pad(w, 3 + i, 1, cols - 2, line);
        ui_attr(w, st->rows[k].received ? UC_WARN : UC_ERROR, false);
    }
}

/* Enter: the commune's report from its own database. */
static void open_commune(struct screen *s)
{
    struct summary_state *st = s->state;
    if (st->lv.selected >= st->n)
        return;
    const struct commune_summary *r = &st->rows[st->lv.selected];
    if (!r->received) {
        ui_status(s->ui, true, _("%s has sent no package yet"), r->name);
        return;
    }
    if (st->opened)
        db_close(st->opened);
    st->opened = NULL;
    if (province_open_commune(s->ui->db, r->code, false, &st->opened) != ST_OK) {
        ui_status(s->ui, true, "%s", status_message());
        return;
    }
    if (!ui_push(s->ui, &scr_reports_ops, st->opened)) {
        db_close(st->opened);
        st->opened = NULL;
    }
}

static enum screen_result summary_action(struct screen *s, enum action a, int digit)
{
    struct summary_state *st = s->state;
    (void)digit;
    switch (a) {
    case ACT_OPEN: open_commune(s); return SR_HANDLED;
    case ACT_FILTER: summary_load(s); return SR_HANDLED;
    default: return list_handle(&st->lv, a) ? SR_HANDLED : SR_UNHANDLED;
    }
}

static void summary_resume(struct screen *s)
{
    struct summary_state *st = s->state;
    if (st->opened)   /* back from the commune's report */
        db_close(st->opened);
    st->opened = NULL;
}

static const enum action summary_actions[] = {ACT_OPEN, ACT_FILTER};

const struct screen_ops scr_summary_ops = {
    .title = N_("Summary"),
    SCREEN_ACTIONS(summary_actions),
    .state_size = sizeof(struct summary_state),
    .enter = summary_enter,
    .leave = summary_leave,
    .draw = summary_draw,
    .on_action = summary_action,
    .resume = summary_resume,
};
