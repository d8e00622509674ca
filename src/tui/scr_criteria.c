/* scr_criteria — Tiêu chí: the year's scoring sheet. The 13 criteria with
 * their progress (indicators scored / listed), points against the maximum
 * (or "no scale yet"), the trend against the year before, and above them
 * the grand total, the verdict with its reasons and the recognition class.
 * Enter drills into a criterion; < > change the year; c the class; Ctrl-R
 * opens the rubric editor. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/criteria.h"
#include "treem/tui/list.h"
#include "treem/app/score.h"
#include "treem/core/date.h"
#include "treem/core/i18n.h"
#include "treem/core/strbuf.h"
#include "treem/core/utf8.h"
#include "treem/model/rubric_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct criteria_state {
    int year;
    bool have;                 /* sheet built */
    struct score_sheet sheet;
    struct rubric_change *ch;  /* trend per criterion */
    size_t nch;
    bool have_prev;
    struct strbuf verdict;
    struct list_view lv;
    struct criteria_pick pick;
    int name_cols;             /* width of the name column at the last draw */
};

static void unload(struct criteria_state *st)
{
    if (st->have)
        score_sheet_free(&st->sheet);
    free(st->ch);
    st->ch = NULL;
    st->nch = 0;
    st->have = false;
    strbuf_free(&st->verdict);
}

static void load(struct screen *s)
{
    struct criteria_state *st = s->state;
    unload(st);
    if (score_sheet_build(s->ui->db, st->year, NULL, &st->sheet) != ST_OK) {
        ui_status(s->ui, true, "%s", status_message());
        list_set_count(&st->lv, 0);
        return;
    }
    st->have = true;
    if (score_compare_previous(s->ui->db, &st->sheet, &st->ch, &st->nch, &st->have_prev) != ST_OK) {
        st->ch = NULL;
        st->nch = 0;
        st->have_prev = false;
    }
    rubric_verdict_text(&st->sheet.score, &st->verdict);
    list_set_count(&st->lv, st->sheet.rubric.ncrit);
}

static void criteria_enter(struct screen *s)
{
    struct criteria_state *st = s->state;
    st->year = date_today().y;
    load(s);
}

static void criteria_leave(struct screen *s) { unload(s->state); }
static void criteria_resume(struct screen *s) { load(s); }

/* "↑ 40": the trend and last year's points ("? 40" while this year's points
 * are not all known; empty when last year's are not). */
static void trend_text(const struct criteria_state *st, int number, char *buf, size_t n)
{
    buf[0] = '\0';
    if (!st->have_prev)
        return;
    for (size_t i = 0; i < st->nch; i++) {
        const struct rubric_change *c = &st->ch[i];
        if (c->number != number || !c->prev_known)
            continue;   /* nothing to compare with: leave the cell empty */
        bool a = draw_ascii();
        const char *sym = c->trend == RUBRIC_ROSE   ? (a ? "^" : "↑")
                          : c->trend == RUBRIC_FELL ? (a ? "v" : "↓")
                          : c->trend == RUBRIC_SAME ? "="
                                                    : "?";
        char prev[RUBRIC_TEXT_NUM_BUF] = "";
        if (c->prev_known)
            rubric_text_num_show(c->prev, prev);
        snprintf(buf, n, "%s %s", sym, prev);
        return;
    }
}

static void points_text(const struct score_sheet *sh, size_t i, char *buf, size_t n)
{
    const struct rubric_criterion *c = &sh->rubric.crit[i];
    const struct rubric_crit_score *cs = &sh->score.crit[i];
    char pts[RUBRIC_TEXT_NUM_BUF], max[RUBRIC_TEXT_NUM_BUF] = "?";
    if (cs->scale_missing) {
        snprintf(buf, n, "%s", _("no scale yet"));
        return;
    }
    rubric_text_num_show(cs->points, pts);
    if (c->max_known)
        rubric_text_num_show(c->max_points, max);
    snprintf(buf, n, "%s / %s", pts, max);
}

static int col_widths(int name_cols, int w[5])
{
    w[0] = 3; w[1] = name_cols; w[2] = 7; w[3] = 18; w[4] = 11;
    return 5;
}

static void crit_row(void *ctx, size_t i, char *buf, size_t bufsz)
{
    struct criteria_state *st = ctx;
    const struct score_sheet *sh = &st->sheet;
    const struct rubric_criterion *c = &sh->rubric.crit[i];
    const struct rubric_crit_score *cs = &sh->score.crit[i];
    char num[8], prog[16], pts[64], trend[32];
    snprintf(num, sizeof num, "%d", c->number);
    snprintf(prog, sizeof prog, "%zu/%zu", cs->nscored, cs->nind);
    points_text(sh, i, pts, sizeof pts);
    trend_text(st, c->number, trend, sizeof trend);
    int w[5];
    const char *cells[] = {num, c->name, prog, pts, trend};
    ui_columns(buf, bufsz, w, cells, col_widths(st->name_cols, w));
}

static void draw_head(struct screen *s, WINDOW *w, int cols)
{
    struct criteria_state *st = s->state;
    const struct score_sheet *sh = &st->sheet;
    const struct rubric_threshold *t = sh->score.threshold;
    char line[512], total[RUBRIC_TEXT_NUM_BUF];
    snprintf(line, sizeof line, _("Year %d (< > to change) · %s · class: %s%s%s%s"), st->year,
             sh->rubric.name, sh->class_code ? sh->class_code : _("not chosen"), t ? " (" : "",
             t ? t->label : "", t ? ")" : "");
    ui_attr(w, UC_TITLE, true);
    ui_print_pad(w, 0, 0, cols, line);
    ui_attr(w, UC_TITLE, false);
    rubric_text_num_show(sh->score.total, total);
    snprintf(line, sizeof line, "%s: %s%s", _("Total"), total, sh->score.partial ? _(" (partial)") : "");
    ui_print(w, 1, 1, cols - 2, line);
    snprintf(line, sizeof line, "%s: %s", _("Verdict"), strbuf_str(&st->verdict));
    enum ui_color vc = sh->score.verdict == RUBRIC_PASS ? UC_OK
                       : sh->score.verdict == RUBRIC_FAIL ? UC_ERROR : UC_WARN;
    int starts[2], lens[2];
    int n = ui_wrap(line, cols - 2, starts, lens, 2);
    ui_attr(w, vc, true);
    for (int i = 0; i < n; i++) {
        char part[512];
        snprintf(part, sizeof part, "%.*s", lens[i], line + starts[i]);
        ui_print(w, 2 + i, 1, cols - 2, part);
    }
    ui_attr(w, vc, false);
}

static void draw_header_row(struct criteria_state *st, WINDOW *w, int y, int cols)
{
    char prev[32], hdr[256];
    snprintf(prev, sizeof prev, _("vs %d"), st->year - 1);
    int wd[5];
    const char *cells[] = {_("No."), _("Criterion"), _("Scored"), _("Points / max"), prev};
    ui_columns(hdr, sizeof hdr, wd, cells, col_widths(st->name_cols, wd));
    ui_attr(w, UC_DIM, true);
    ui_print_pad(w, y, 1, cols - 2, hdr);
    ui_attr(w, UC_DIM, false);
}

static void criteria_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct criteria_state *st = s->state;
    if (!st->have) {
        char line[128];
        snprintf(line, sizeof line, _("Year %d (< > to change)"), st->year);
        ui_print(w, 0, 0, cols, line);
        ui_print(w, 2, 2, cols - 4, _("No scoring sheet: see the message below."));
        return;
    }
    st->name_cols = cols - 2 - (3 + 7 + 18 + 11) - 5;
    draw_head(s, w, cols);
    draw_header_row(st, w, 4, cols);
    int list_rows = rows - 5 - 2;
    list_draw(w, 5, 1, list_rows, cols - 2, &st->lv, crit_row, st, true);
    if (st->lv.selected < st->sheet.rubric.ncrit) {
        const struct rubric_criterion *c = &st->sheet.rubric.crit[st->lv.selected];
        char line[512];
        snprintf(line, sizeof line, _("%d. %s — Enter: its indicators"), c->number, c->name);
        int starts[2], lens[2], n = ui_wrap(line, cols - 2, starts, lens, 2);
        ui_attr(w, UC_DIM, true);
        for (int i = 0; i < n; i++) {
            char part[512];
            snprintf(part, sizeof part, "%.*s", lens[i], line + starts[i]);
            ui_print(w, rows - 2 + i, 1, cols - 2, part);
        }
        ui_attr(w, UC_DIM, false);
    }
}

/* The next recognition class of the rule set (cycling), stored for the year. */
static void next_class(struct screen *s)
{
    struct criteria_state *st = s->state;
    const struct rubric *r = &st->sheet.rubric;
    if (!st->have || !r->nthr) {
        ui_status(s->ui, true, "%s", _("The rule set has no recognition classes."));
        return;
    }
    size_t next = 0;
    for (size_t i = 0; st->sheet.class_code && i < r->nthr; i++)
        if (strcmp(r->thr[i].class_code, st->sheet.class_code) == 0)
            next = (i + 1) % r->nthr;
    char code[16];
    snprintf(code, sizeof code, "%s", r->thr[next].class_code);
    if (score_set_class(s->ui->db, st->year, code) != ST_OK) {
        ui_status(s->ui, true, "%s", status_message());
        return;
    }
    load(s);
    ui_status(s->ui, false, _("Recognition class for %d: %s points."), st->year, code);
}

static enum screen_result criteria_action(struct screen *s, enum action a, int digit)
{
    struct criteria_state *st = s->state;
    if (list_handle(&st->lv, a))
        return SR_HANDLED;
    switch (a) {
    case ACT_YEAR: case ACT_LEFT: case ACT_RIGHT: {
        int d = a == ACT_YEAR ? digit : a == ACT_LEFT ? -1 : 1;
        if (st->year + d < 2000 || st->year + d > 2100)
            return SR_HANDLED;
        st->year += d;
        load(s);
        return SR_HANDLED;
    }
    case ACT_CLASS:
        next_class(s);
        return SR_HANDLED;
    case ACT_OPEN:
        if (!st->have || st->lv.selected >= st->sheet.rubric.ncrit)
            return SR_HANDLED;
        st->pick.year = st->year;
        st->pick.criterion = st->sheet.rubric.crit[st->lv.selected].number;
        st->pick.code[0] = '\0';
        ui_push(s->ui, &scr_criterion_ops, &st->pick);
        return SR_HANDLED;
    case ACT_SCALES:
        /* the editor opens on the selected criterion's first indicator */
        st->pick.code[0] = '\0';
        for (size_t k = 0; st->have && k < st->sheet.rubric.nind; k++)
            if (st->lv.selected < st->sheet.rubric.ncrit &&
                st->sheet.rubric.ind[k].criterion == st->sheet.rubric.crit[st->lv.selected].number) {
                snprintf(st->pick.code, sizeof st->pick.code, "%s", st->sheet.rubric.ind[k].code);
                break;
            }
        ui_push(s->ui, &scr_rubric_ops, &st->pick);
        return SR_HANDLED;
    default:
        return SR_UNHANDLED;
    }
}

static const enum action criteria_actions[] = {ACT_OPEN, ACT_YEAR, ACT_CLASS, ACT_SCALES};

const struct screen_ops scr_criteria_ops = {
    .title = N_("Criteria"),
    .actions = criteria_actions,
    .nactions = sizeof criteria_actions / sizeof *criteria_actions,
    .state_size = sizeof(struct criteria_state),
    .enter = criteria_enter,
    .leave = criteria_leave,
    .draw = criteria_draw,
    .on_action = criteria_action,
    .resume = criteria_resume,
};
