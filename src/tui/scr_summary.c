/* scr_summary — Tổng hợp, the level above's first screen: one line per
 * commune of the province with its code, last package, counts, points and
 * verdict; communes with no package or a late one stand out (colour and a
 * word, so they show in monochrome too). Enter opens the commune's report
 * and its charts from the commune's own database (reading only); F5 reads
 * everything again. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/listbase.h"
#include "treem/app/province.h"
#include "treem/core/date.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct summary_state {
    struct listbase lb;      /* the base: first */
    struct commune_summary *rows;   /* lb.n of them */
    size_t received, late;
    struct db *opened;       /* the commune database lent to the report screen */
    char province[160];
    int name_w;              /* the commune's name column at the last draw's width */
};

static bool summary_load(struct screen *s, size_t *count)
{
    struct summary_state *st = s->state;
    if (province_summary(s->ui->db, date_today(), &st->rows, count) != ST_OK)
        return false;
    for (size_t i = 0; i < *count; i++) {
        st->received += st->rows[i].received;
        st->late += st->rows[i].received && st->rows[i].late;
    }
    return true;
}

static void summary_unload(struct screen *s)
{
    struct summary_state *st = s->state;
    commune_summary_free(st->rows, st->lb.n);
    st->rows = NULL;
    st->received = st->late = 0;
}

/* Gives back the commune database lent to the report screen. */
static void summary_resumed(struct screen *s)
{
    struct summary_state *st = s->state;
    if (st->opened)
        db_close(st->opened);
    st->opened = NULL;
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

static void summary_layout(struct screen *s, int rows, int cols)
{
    (void)rows;
    ((struct summary_state *)s->state)->name_w = widths[1] + (cols > 80 ? (cols - 80) / 2 : 0);
}

static void summary_row(struct screen *s, size_t i, struct lb_row *cells)
{
    const struct summary_state *st = s->state;
    const struct commune_summary *r = &st->rows[i];
    struct commune_summary_text t;
    commune_summary_format(r, &t);
    char state[160];
    if (r->received)
        snprintf(state, sizeof state, "%s%s%s", t.state[0] ? t.state : "", t.state[0] ? ": " : "",
                 t.verdict);
    else
        snprintf(state, sizeof state, "%s", t.state);
    const char *text[NCOLS] = {r->code, r->name, t.made, t.children, t.special, t.open_cases,
                               t.overdue, t.total, state};
    int w[NCOLS];
    columns_now(st, w);
    ui_columns_sb(&cells->cell[0], w, text, (int)NCOLS); /* the widths of the head's titles */
}

/* Missing and late communes stand out. */
static enum ui_color summary_color(struct screen *s, size_t i)
{
    const struct commune_summary *r = &((struct summary_state *)s->state)->rows[i];
    return !r->received ? UC_ERROR : r->late ? UC_WARN : UC_NORMAL;
}

/* The selected commune's package: its period and who made it. */
static void summary_foot(struct screen *s, WINDOW *w, int y, int cols)
{
    const struct summary_state *st = s->state;
    size_t sel = listbase_selected(s);
    char text[512] = "";
    if (sel != LB_NONE && st->rows[sel].received) {
        const struct commune_summary *r = &st->rows[sel];
        struct commune_summary_text t;
        commune_summary_format(r, &t);
        snprintf(text, sizeof text, _("%s: period %s, made by %s"), r->code, t.period, r->made_by);
    }
    ui_print_pad_in(w, UC_DIM, y, 1, cols - 2, text);
}

static int summary_head(struct screen *s, WINDOW *w, int cols)
{
    struct summary_state *st = s->state;
    char head[256];
    snprintf(head, sizeof head, _("Tổng hợp — %s: %zu communes, %zu sent a package (%zu late), "
                                  "%zu none"), st->province, st->lb.n, st->received, st->late,
             st->lb.n - st->received);
    ui_print(w, 0, 1, cols - 2, head);
    const char *titles[NCOLS] = {_("Code"), _("Commune"), _("Package"), _("Child."), _("Spec."),
                                 _("Open"), _("Late"), _("Pts"), _("Verdict / state")};
    char line[512];
    int cw[NCOLS];
    columns_now(st, cw);
    ui_columns(line, sizeof line, cw, titles, (int)NCOLS);
    ui_print_pad_in(w, UC_DIM, 1, 1, cols - 2, line);
    ui_hline(w, 2, 0, cols);
    return 3;
}

/* Enter: the commune's report from its own database. */
static enum lb_after open_commune(struct screen *s, size_t sel, int digit)
{
    struct summary_state *st = s->state;
    const struct commune_summary *r = &st->rows[sel];
    (void)digit;
    if (!r->received) {
        ui_status(s->ui, true, _("%s has sent no package yet"), r->name);
        return LB_STAY;
    }
    summary_resumed(s);
    if (province_open_commune(s->ui->db, r->code, false, &st->opened) != ST_OK) {
        ui_status(s->ui, true, "%s", status_message());
        return LB_STAY;
    }
    if (!ui_push(s->ui, &scr_reports_ops, st->opened))
        summary_resumed(s);
    return LB_STAY;
}

/* F5: everything read again. */
static enum lb_after read_again(struct screen *s, size_t sel, int digit)
{
    (void)s, (void)sel, (void)digit;
    return LB_RELOAD;
}

static const struct lb_key summary_keys[] = {
    {ACT_OPEN, open_commune, false},
    {ACT_FILTER, read_again, true},
};
static const struct listbase_def summary_def = {
    .head = summary_head, .layout = summary_layout,
    .load = summary_load, .unload = summary_unload, .leave = summary_resumed,
    .row = summary_row, .color = summary_color, .resumed = summary_resumed,
    .foot_rows = 1, .foot = summary_foot,
    .keys = summary_keys, .nkeys = sizeof summary_keys / sizeof *summary_keys,
};

static void summary_enter(struct screen *s)
{
    struct summary_state *st = s->state;
    struct province p;
    if (province_current(s->ui->db, &p) == ST_OK) {
        snprintf(st->province, sizeof st->province, "%s (%s)", p.name, p.code);
        snprintf(s->ui->title, sizeof s->ui->title, _("level above: %s"), p.name);
        province_free(&p);
    }
    listbase_enter(s, &summary_def);
}

static const enum action summary_actions[] = {ACT_OPEN, ACT_FILTER};

const struct screen_ops scr_summary_ops = {
    .title = N_("Summary"),
    LISTBASE_OPS(struct summary_state, summary_enter, summary_actions),
};
