/* score_csv — the scoring sheet as CSV. */
#include <config.h>
#include "treem/app/score_csv.h"
#include "treem/csv/csv_write.h"
#include "treem/core/i18n.h"
#include "treem/model/rubric_text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { COLS = 11 };

static const char *const headers[COLS] = {
    N_("Criterion"), N_("Indicator"), N_("Content"), N_("Value"), N_("Unit"), N_("Source of the value"),
    N_("Points"), N_("Maximum"), N_("Evidence"), N_("Department"), N_("Note"),
};

static const char *ind_note(const struct rubric_ind_score *is, const struct score_line *l,
                            char *buf, size_t n)
{
    char num[RUBRIC_TEXT_NUM_BUF];
    if (is->state == RUBRIC_IND_NO_SCALE)
        return _("no scale yet");
    if (is->value_missing)
        return l->measurable ? _("not computable yet — type the value") : _("no value yet");
    if (l->origin == SCORE_TYPED && l->computed_ok) {
        rubric_text_num(l->computed, num);
        snprintf(buf, n, _("computed from the register: %s"), num);
        return buf;
    }
    return l->basis;
}

static void indicator_row(const struct score_sheet *s, size_t i, struct csv_writer *w)
{
    const struct rubric_indicator *ind = &s->rubric.ind[i];
    const struct rubric_ind_score *is = &s->score.ind[i];
    const struct score_line *l = &s->line[i];
    char crit[16], value[RUBRIC_TEXT_NUM_BUF] = "", pts[RUBRIC_TEXT_NUM_BUF] = "", note[160];
    snprintf(crit, sizeof crit, "%d", ind->criterion);
    /* value and unit in separate cells: a number Excel can sum */
    bool yes_no = ind->kind == RUBRIC_YES_NO;
    if (l->has_value)
        rubric_text_num(yes_no ? (l->value >= 0.5) : l->value, value);
    const char *unit = yes_no ? _("1 = yes, 0 = no") : ind->unit ? ind->unit : "";
    if (is->state == RUBRIC_IND_SCORED)
        rubric_text_num(is->points, pts);
    const char *row[COLS] = {crit, ind->code, ind->text, value, unit,
                             l->has_value ? score_origin_label(l->origin) : "", pts, "",
                             l->evidence, l->department,
                             ind_note(is, l, note, sizeof note)};
    csv_write_row(w, row, COLS);
}

static void criterion_row(const struct score_sheet *s, size_t i, struct csv_writer *w)
{
    const struct rubric_criterion *c = &s->rubric.crit[i];
    const struct rubric_crit_score *cs = &s->score.crit[i];
    char num[16], pts[RUBRIC_TEXT_NUM_BUF], max[RUBRIC_TEXT_NUM_BUF] = "";
    snprintf(num, sizeof num, "%d", c->number);
    rubric_text_num(cs->points, pts);
    if (c->max_known)
        rubric_text_num(c->max_points, max);
    const char *note = cs->scale_missing ? _("no scale yet")
                     : cs->value_missing ? _("values missing")
                     : cs->capped ? _("capped at the maximum") : "";
    const char *row[COLS] = {num, "", c->name, "", "", "", pts, max, "", "", note};
    csv_write_row(w, row, COLS);
    for (size_t k = 0; k < s->rubric.nind; k++)
        if (s->rubric.ind[k].criterion == c->number)
            indicator_row(s, k, w);
}

/* The writer's status is sticky: its first failure is returned at the end. */
enum status score_csv_format(const struct score_sheet *s, struct csv_writer *w)
{
    const char *head[COLS];
    for (int i = 0; i < COLS; i++)
        head[i] = _(headers[i]);
    csv_write_row(w, head, COLS);
    for (size_t i = 0; i < s->rubric.ncrit; i++)
        criterion_row(s, i, w);
    char total[RUBRIC_TEXT_NUM_BUF];
    rubric_text_num(s->score.total, total);
    const char *trow[COLS] = {"", "", _("Total"), "", "", "", total, "", "", "",
                              s->score.partial ? _("partial") : ""};
    csv_write_row(w, trow, COLS);
    struct strbuf verdict = STRBUF_INIT;
    if (!rubric_verdict_text(&s->score, &verdict))
        w->st = status_set(ST_NOMEM, "%s", _("out of memory"));
    const char *vrow[COLS] = {"", "", _("Verdict"), "", "", "", "", "", "", "", strbuf_str(&verdict)};
    csv_write_row(w, vrow, COLS);
    strbuf_free(&verdict);
    return w->st;
}

static enum status fill_sheet(struct csv_writer *w, const void *s)
{
    return score_csv_format(s, w);
}

enum status score_csv_write(const struct score_sheet *s, const char *path)
{
    return csv_write_file(path, CSV_WRITE_DEFAULT, fill_sheet, s);
}
