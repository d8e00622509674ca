/* scr_criteria — Tiêu chí: the year's scoring sheet. The 13 criteria with
 * their progress (indicators scored / listed), points against the maximum
 * (or "no scale yet"), the trend against the year before, and above them
 * the grand total, the verdict with its reasons and the recognition class.
 * Enter drills into a criterion; < > change the year; c the class; Ctrl-R
 * opens the rubric editor. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/criteria.h"
#include "treem/tui/listbase.h"
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
    struct listbase lb;        /* the criteria of the sheet */
    int year;
    bool have;                 /* sheet built */
    struct score_sheet sheet;
    struct rubric_change *ch;  /* trend per criterion */
    size_t nch;
    bool have_prev;
    struct strbuf verdict;
    struct criteria_pick pick;
    struct lb_col cols[5];     /* for the width of the last draw (lay_out) */
    char prev_title[32];       /* "vs 2025" */
};

static void unload(struct screen *s)
{
    struct criteria_state *st = s->state;
    if (st->have)
        score_sheet_free(&st->sheet);
    free(st->ch);
    st->ch = NULL;
    st->nch = 0;
    st->have = false;
    strbuf_free(&st->verdict);
}

static bool load(struct screen *s, size_t *count)
{
    struct criteria_state *st = s->state;
    if (!st->year)
        st->year = date_today().y;
    if (score_sheet_build(s->ui->db, st->year, NULL, &st->sheet) != ST_OK)
        return false;
    st->have = true;
    if (score_compare_previous(s->ui->db, &st->sheet, &st->ch, &st->nch, &st->have_prev) != ST_OK) {
        st->ch = NULL;
        st->nch = 0;
        st->have_prev = false;
    }
    rubric_verdict_text(&st->sheet.score, &st->verdict);
    *count = st->sheet.rubric.ncrit;
    return true;
}

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

/* The name column takes what the others leave of the screen's width. */
static void lay_out(struct screen *s, int rows, int cols)
{
    struct criteria_state *st = s->state;
    (void)rows;
    snprintf(st->prev_title, sizeof st->prev_title, _("vs %d"), st->year - 1);
    st->cols[0] = (struct lb_col){N_("No."), 3};
    st->cols[1] = (struct lb_col){N_("Criterion"), cols - 2 - (3 + 7 + 18 + 11) - 5};
    st->cols[2] = (struct lb_col){N_("Scored"), 7};
    st->cols[3] = (struct lb_col){N_("Points / max"), 18};
    st->cols[4] = (struct lb_col){st->prev_title, 11}; /* not a msgid: shown as it is */
}

static const struct lb_col *columns(struct screen *s, size_t *n)
{
    struct criteria_state *st = s->state;
    *n = st->have && st->cols[0].title ? 5 : 0;
    return st->cols;
}

static void crit_row(struct screen *s, size_t i, struct lb_row *r)
{
    struct criteria_state *st = s->state;
    const struct score_sheet *sh = &st->sheet;
    const struct rubric_criterion *c = &sh->rubric.crit[i];
    const struct rubric_crit_score *cs = &sh->score.crit[i];
    char pts[64], trend[32];
    points_text(sh, i, pts, sizeof pts);
    trend_text(st, c->number, trend, sizeof trend);
    lb_cellf(r, 0, "%d", c->number);
    lb_cell(r, 1, c->name);
    lb_cellf(r, 2, "%zu/%zu", cs->nscored, cs->nind);
    lb_cell(r, 3, pts);
    lb_cell(r, 4, trend);
}

/* The year, the rule set and the class; the total; the verdict. */
static int draw_head(struct screen *s, WINDOW *w, int cols)
{
    struct criteria_state *st = s->state;
    const struct score_sheet *sh = &st->sheet;
    const struct rubric_threshold *t = sh->score.threshold;
    char line[512], total[RUBRIC_TEXT_NUM_BUF];
    if (!st->have) {
        snprintf(line, sizeof line, _("Year %d (< > to change)"), st->year);
        ui_print(w, 0, 0, cols, line);
        return 2;
    }
    snprintf(line, sizeof line, _("Year %d (< > to change) · %s · class: %s%s%s%s"), st->year,
             sh->rubric.name, sh->class_code ? sh->class_code : _("not chosen"), t ? " (" : "",
             t ? t->label : "", t ? ")" : "");
    ui_print_pad_in(w, UC_TITLE, 0, 0, cols, line);
    rubric_text_num_show(sh->score.total, total);
    snprintf(line, sizeof line, "%s: %s%s", _("Total"), total, sh->score.partial ? _(" (partial)") : "");
    ui_print(w, 1, 1, cols - 2, line);
    snprintf(line, sizeof line, "%s: %s", _("Verdict"), strbuf_str(&st->verdict));
    enum ui_color vc = sh->score.verdict == RUBRIC_PASS ? UC_OK
                       : sh->score.verdict == RUBRIC_FAIL ? UC_ERROR : UC_WARN;
    ui_attr(w, vc, true);
    ui_print_wrapped(w, 2, 1, cols - 2, line, 2);
    ui_attr(w, vc, false);
    return 4;
}

/* Under the list: the selected criterion, and what Enter does. */
static void draw_foot(struct screen *s, WINDOW *w, int y, int cols)
{
    struct criteria_state *st = s->state;
    size_t sel = listbase_selected(s);
    if (sel == LB_NONE)
        return;
    const struct rubric_criterion *c = &st->sheet.rubric.crit[sel];
    char line[512];
    snprintf(line, sizeof line, _("%d. %s — Enter: its indicators"), c->number, c->name);
    ui_attr(w, UC_DIM, true);
    ui_print_wrapped(w, y, 1, cols - 2, line, 2);
    ui_attr(w, UC_DIM, false);
}

/* The next recognition class of the rule set (cycling), stored for the year. */
static enum lb_after next_class(struct screen *s, size_t sel, int digit)
{
    struct criteria_state *st = s->state;
    const struct rubric *r = &st->sheet.rubric;
    (void)sel, (void)digit;
    if (!st->have || !r->nthr) {
        ui_status(s->ui, true, "%s", _("The rule set has no recognition classes."));
        return LB_STAY;
    }
    size_t next = 0;
    for (size_t i = 0; st->sheet.class_code && i < r->nthr; i++)
        if (strcmp(r->thr[i].class_code, st->sheet.class_code) == 0)
            next = (i + 1) % r->nthr;
    char code[16];
    snprintf(code, sizeof code, "%s", r->thr[next].class_code);
    return listbase_changed(s, score_set_class(s->ui->db, st->year, code),
                            _("Recognition class for %d: %s points."), st->year, code);
}

/* < > or Left, Right (step -1 or +1): another year, 2000 to 2100. */
static enum lb_after year(struct screen *s, int step)
{
    struct criteria_state *st = s->state;
    if (st->year + step < 2000 || st->year + step > 2100)
        return LB_STAY;
    st->year += step;
    return LB_RELOAD;
}

static enum lb_after open_criterion(struct screen *s, size_t sel, int digit)
{
    struct criteria_state *st = s->state;
    (void)digit;
    st->pick.year = st->year;
    st->pick.criterion = st->sheet.rubric.crit[sel].number;
    st->pick.code[0] = '\0';
    ui_push(s->ui, &scr_criterion_ops, &st->pick);
    return LB_STAY;
}

/* Ctrl-R: the rubric editor, on the selected criterion's first indicator. */
static enum lb_after scales(struct screen *s, size_t sel, int digit)
{
    struct criteria_state *st = s->state;
    (void)digit;
    st->pick.code[0] = '\0';
    for (size_t k = 0; sel != LB_NONE && k < st->sheet.rubric.nind; k++)
        if (st->sheet.rubric.ind[k].criterion == st->sheet.rubric.crit[sel].number) {
            snprintf(st->pick.code, sizeof st->pick.code, "%s", st->sheet.rubric.ind[k].code);
            break;
        }
    ui_push(s->ui, &scr_rubric_ops, &st->pick);
    return LB_STAY;
}

static void texts(struct screen *s, enum lb_text which, struct strbuf *out)
{
    (void)s;
    if (which == LB_EMPTY)
        strbuf_puts(out, _("No scoring sheet: see the message below."));
}

static void done(struct screen *s) { strbuf_free(&((struct criteria_state *)s->state)->verdict); }

static const struct lb_key keys[] = {
    {ACT_OPEN, open_criterion, false},
    {ACT_CLASS, next_class, true},
    {ACT_SCALES, scales, true},
};
static const struct listbase_def def = {
    .head = draw_head,
    .text = texts,
    .columns = columns,
    .layout = lay_out,
    .foot_rows = 2, .foot = draw_foot,
    .load = load, .unload = unload, .leave = done, .row = crit_row, .year = year,
    .keys = keys, .nkeys = sizeof keys / sizeof *keys,
};


static const enum action criteria_actions[] = {ACT_OPEN, ACT_YEAR, ACT_CLASS, ACT_SCALES};

const struct screen_ops scr_criteria_ops = {
    .title = N_("Criteria"),
    LISTBASE_SCREEN(struct criteria_state, def, criteria_actions),
};
