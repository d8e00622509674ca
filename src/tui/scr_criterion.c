/* scr_criterion — one criterion of the year's sheet: its indicators with
 * value, origin, points and department, and below the selected one in full
 * (the computed figure and its basis, the evidence, the scale). Enter types
 * a value (scr_score_value.c); F8 removes a typed value; Ctrl-R edits the
 * selected indicator's bands. */
#include <config.h>
#include "treem/tui/criteria.h"
#include "treem/tui/listbase.h"
#include "treem/app/score.h"
#include "treem/core/date.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"
#include "treem/db/department_repo.h"
#include "treem/model/rubric_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct criterion_state {
    struct listbase lb;        /* the base: first */
    bool have;
    struct score_sheet sheet;
    size_t crit;               /* index of the criterion in sheet.rubric.crit */
    size_t *ind;               /* indices of its indicators (lb.n of them) */
    int foot;                  /* the rows under the list at the last draw */
    struct criteria_pick pick; /* handed to the value form / band screen */
};

void criteria_department_name(struct db *db, const char *code, char *buf, size_t n)
{
    struct department d = {0};
    if (!code) {
        snprintf(buf, n, "—");
        return;
    }
    if (department_repo_find(db, code, &d) == ST_OK && d.code && strcmp(d.code, code) == 0)
        snprintf(buf, n, "%s", d.name);
    else
        snprintf(buf, n, "%s", code);
    department_clear(&d);
}

static void c_unload(struct screen *s)
{
    struct criterion_state *st = s->state;
    if (st->have)
        score_sheet_free(&st->sheet);
    free(st->ind);
    st->ind = NULL;
    st->have = false;
}

static bool c_load(struct screen *s, size_t *count)
{
    struct criterion_state *st = s->state;
    const struct criteria_pick *p = s->arg;
    if (score_sheet_build(s->ui->db, p->year, NULL, &st->sheet) != ST_OK)
        return false;
    st->have = true;
    const struct rubric *r = &st->sheet.rubric;
    st->crit = r->ncrit;
    for (size_t i = 0; i < r->ncrit; i++)
        if (r->crit[i].number == p->criterion)
            st->crit = i;
    st->ind = calloc(r->nind ? r->nind : 1, sizeof *st->ind);
    for (size_t i = 0; st->ind && i < r->nind; i++)
        if (r->ind[i].criterion == p->criterion)
            st->ind[(*count)++] = i;
    return true;
}

static const char *ind_points(const struct rubric_ind_score *is, char buf[RUBRIC_TEXT_NUM_BUF])
{
    if (is->state == RUBRIC_IND_NO_SCALE)
        return "?";
    if (is->state == RUBRIC_IND_NO_VALUE)
        return "—";
    rubric_text_num_show(is->points, buf);
    return buf;
}

static void ind_row(struct screen *s, size_t i, struct lb_row *r)
{
    struct criterion_state *st = s->state;
    size_t k = st->ind[i];
    const struct rubric_indicator *ind = &st->sheet.rubric.ind[k];
    const struct score_line *l = &st->sheet.line[k];
    char value[64], pts[RUBRIC_TEXT_NUM_BUF];
    score_value_show(ind, l->has_value, l->value, value, sizeof value);
    const int w[] = {6, 10, 6, 15, 40};
    const char *cells[] = {ind->code, l->has_value ? value : "—",
                           ind_points(&st->sheet.score.ind[k], pts),
                           l->has_value ? score_origin_label(l->origin) : _("no value yet"), ind->text};
    ui_columns_sb(&r->cell[0], w, cells, 5); /* under the head's titles */
}

/* "Value: 97 % (typed) · computed from the register: 95 % (19 / 20 …)" */
static void value_line(const struct rubric_indicator *ind, const struct score_line *l, char *out,
                       size_t n)
{
    char v[64];
    size_t len = 0;
    score_value_show(ind, l->has_value, l->value, v, sizeof v);
    len += (size_t)snprintf(out, n, "%s: %s", _("Value"), l->has_value ? v : _("no value yet"));
    if (l->has_value && len < n)
        len += (size_t)snprintf(out + len, n - len, " (%s)", score_origin_label(l->origin));
    if (l->computed_ok && l->origin != SCORE_COMPUTED && len < n) {
        score_value_show(ind, true, l->computed, v, sizeof v);
        len += (size_t)snprintf(out + len, n - len, " · %s: %s", _("computed from the register"), v);
    }
    if (l->computed_ok && l->basis[0] && len < n)
        len += (size_t)snprintf(out + len, n - len, " (%s)", l->basis);
    if (!l->has_value && l->measurable && !l->computed_ok && len < n)
        snprintf(out + len, n - len, " · %s", _("not computable yet — type the value"));
}

static void draw_detail(struct screen *s, WINDOW *w, int y, int rows, int cols)
{
    struct criterion_state *st = s->state;
    size_t k = st->ind[listbase_selected(s)];
    const struct rubric_indicator *ind = &st->sheet.rubric.ind[k];
    const struct score_line *l = &st->sheet.line[k];
    char line[1024], dept[160];
    int end = y + rows;
    snprintf(line, sizeof line, "%s %s", ind->code, ind->text);
    y += ui_print_wrapped(w, y, 1, cols - 2, line, 2);
    value_line(ind, l, line, sizeof line);
    y += ui_print_wrapped(w, y, 1, cols - 2, line, end - y > 2 ? 2 : end - y);
    char *bands = rubric_text_bands(ind);
    snprintf(line, sizeof line, "%s: %s", _("Scale"),
             bands && ind->nbands ? bands : _("no scale yet"));
    free(bands);
    if (y < end)
        y += ui_print_wrapped(w, y, 1, cols - 2, line, 1);
    snprintf(line, sizeof line, "%s: %s", _("Evidence"), l->evidence[0] ? l->evidence : "—");
    if (y < end)
        y += ui_print_wrapped(w, y, 1, cols - 2, line, end - y > 2 ? 2 : end - y);
    criteria_department_name(s->ui->db, l->department, dept, sizeof dept);
    snprintf(line, sizeof line, "%s: %s", _("Department"), dept);
    if (l->updated[0]) {
        struct date d;
        char day[DATE_BUF] = "", iso[11];
        snprintf(iso, sizeof iso, "%.10s", l->updated);   /* shown as dd/mm/yyyy */
        if (strlen(l->updated) >= 10 && date_parse(iso, &d) == ST_OK)
            date_format(d, day);
        snprintf(line + strlen(line), sizeof line - strlen(line), " · %s %s%s %s", _("updated"),
                 day[0] ? day : l->updated, day[0] ? l->updated + 10 : "", l->updated_by);
    }
    if (y < end)
        ui_print_wrapped(w, y, 1, cols - 2, line, 1);
}

/* The criterion, its points and the indicators' column titles. */
static int c_head(struct screen *s, WINDOW *w, int cols)
{
    struct criterion_state *st = s->state;
    const struct criteria_pick *p = s->arg;
    if (!st->have || st->crit >= st->sheet.rubric.ncrit)
        return 3;
    const struct rubric_criterion *c = &st->sheet.rubric.crit[st->crit];
    const struct rubric_crit_score *cs = &st->sheet.score.crit[st->crit];
    char line[512], pts[RUBRIC_TEXT_NUM_BUF], max[RUBRIC_TEXT_NUM_BUF] = "?";
    snprintf(line, sizeof line, _("Criterion %d. %s"), c->number, c->name);
    ui_print_pad_in(w, UC_TITLE, 0, 0, cols, line);
    rubric_text_num_show(cs->points, pts);
    if (c->max_known)
        rubric_text_num_show(c->max_points, max);
    snprintf(line, sizeof line, _("Year %d · points %s / %s%s · %zu of %zu indicators scored"), p->year,
             pts, max, cs->scale_missing ? _(" (no scale yet)") : "", cs->nscored, cs->nind);
    ui_print(w, 1, 1, cols - 2, line);
    const int wd[] = {6, 10, 6, 15, 40};
    const char *cells[] = {_("Code"), _("Value"), _("Points"), _("Origin"), _("Indicator")};
    ui_columns(line, sizeof line, wd, cells, 5);
    ui_print_pad_in(w, UC_DIM, 2, 1, cols - 2, line);
    return 3;
}

/* The list shows up to 6 indicators; the selected one in full below. */
static int c_foot_height(struct screen *s, int rows)
{
    struct criterion_state *st = s->state;
    int list_rows = st->lb.n < 6 ? (int)st->lb.n : 6;
    st->foot = rows - 3 - list_rows;
    return st->foot;
}

static void c_foot(struct screen *s, WINDOW *w, int y, int cols)
{
    struct criterion_state *st = s->state;
    if (!st->have || st->crit >= st->sheet.rubric.ncrit)
        return;
    ui_hline(w, y, 1, cols - 2);
    if (st->lb.n)
        draw_detail(s, w, y + 1, st->foot - 1, cols);
}

static enum lb_after clear_value(struct screen *s, const struct rubric_indicator *ind,
                                 const struct score_line *l)
{
    const struct criteria_pick *p = s->arg;
    char q[256];
    if (l->origin != SCORE_TYPED && l->origin != SCORE_STORED) {
        ui_status(s->ui, true, _("Indicator %s has no stored value to remove."), ind->code);
        return LB_STAY;
    }
    snprintf(q, sizeof q, _("Remove the stored value of indicator %s for %d?"), ind->code, p->year);
    if (!ui_confirm(s->ui, q))
        return LB_STAY;
    char code[24];
    snprintf(code, sizeof code, "%s", ind->code);   /* ind goes with the reload */
    return listbase_changed(s, score_clear_value(s->ui->db, p->year, code),
                            _("Value of %s for %d removed."), code, p->year);
}

/* Enter: its value; Ctrl-R: its scale; F8: its typed value removed. */
static enum lb_after on_indicator(struct screen *s, enum action a, size_t sel)
{
    struct criterion_state *st = s->state;
    const struct criteria_pick *p = s->arg;
    if (a != ACT_OPEN && a != ACT_DELETE && a != ACT_SCALES)
        return LB_PASS;
    if (sel == LB_NONE)
        return LB_STAY;
    size_t k = st->ind[sel];
    const struct rubric_indicator *ind = &st->sheet.rubric.ind[k];
    if (a == ACT_DELETE)
        return clear_value(s, ind, &st->sheet.line[k]);
    st->pick.year = p->year;
    st->pick.criterion = p->criterion;
    snprintf(st->pick.code, sizeof st->pick.code, "%s", ind->code);
    ui_push(s->ui, a == ACT_SCALES ? &scr_rubric_bands_ops : &scr_score_value_ops, &st->pick);
    return LB_STAY;
}

static const struct listbase_def c_def = {
    .head = c_head,
    .load = c_load, .unload = c_unload, .row = ind_row,
    .foot_height = c_foot_height, .foot = c_foot,
    .act = on_indicator,
};

static const enum action criterion_actions[] = {ACT_OPEN, ACT_DELETE, ACT_SCALES, ACT_BACK};

const struct screen_ops scr_criterion_ops = {
    .title = N_("Criterion"),
    LISTBASE_SCREEN(struct criterion_state, c_def, criterion_actions),
};
