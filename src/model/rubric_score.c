/* rubric_score — points, totals, verdict and year-on-year comparison. */
#include <config.h>
#include "treem/model/rubric_score.h"
#include "treem/core/i18n.h"
#include "treem/model/rubric_text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SAME_EPS 1e-9

struct rubric_ind_score rubric_indicator_points(const struct rubric_indicator *ind,
                                                const struct rubric_input *in)
{
    struct rubric_ind_score s = {RUBRIC_IND_NO_SCALE, 0, NULL, false};
    if (!in || !in->has_value) {
        s.value_missing = true;
        s.state = ind->bands_known ? RUBRIC_IND_NO_VALUE : RUBRIC_IND_NO_SCALE;
        return s;
    }
    s.band = rubric_band_find(ind, in->value);
    if (s.band) {
        s.state = RUBRIC_IND_SCORED;
        s.points = s.band->points;
    } else if (ind->bands_known) {
        s.state = RUBRIC_IND_SCORED; /* outside every band of a full scale: 0 */
    }
    return s;
}

static void crit_total(const struct rubric *r, const struct rubric_criterion *c,
                       const struct rubric_score *s, struct rubric_crit_score *cs)
{
    cs->number = c->number;
    for (size_t i = 0; i < r->nind; i++) {
        if (r->ind[i].criterion != c->number)
            continue;
        const struct rubric_ind_score *is = &s->ind[i];
        cs->nind++;
        cs->raw += is->points;
        if (is->state == RUBRIC_IND_SCORED)
            cs->nscored++;
        if (is->state == RUBRIC_IND_NO_SCALE)
            cs->scale_missing = true;
        if (is->value_missing)
            cs->value_missing = true;
    }
    if (cs->nind == 0)
        cs->scale_missing = true;
    cs->points = cs->raw;
    if (c->max_known && cs->raw > c->max_points) {
        cs->points = c->max_points;
        cs->capped = true;
    }
}

static struct rubric_reason *why_add(struct rubric_score *s, enum rubric_reason_kind k)
{
    struct rubric_reason *w = &s->why[s->nwhy++];
    memset(w, 0, sizeof *w);
    w->kind = k;
    return w;
}

/* Reasons that block a verdict; returns true when there are some. */
static bool missing_reasons(const struct rubric *r, struct rubric_score *s)
{
    for (size_t i = 0; i < s->ncrit; i++)
        if (s->crit[i].scale_missing)
            why_add(s, RUBRIC_WHY_NO_SCALE)->criterion = s->crit[i].number;
    if (s->nwhy) {
        s->verdict = RUBRIC_NO_SCALE;
        return true;
    }
    for (size_t i = 0; i < s->nind; i++) {
        if (!s->ind[i].value_missing || !rubric_find_criterion(r, r->ind[i].criterion))
            continue;
        struct rubric_reason *w = why_add(s, RUBRIC_WHY_NO_VALUE);
        w->criterion = r->ind[i].criterion;
        snprintf(w->code, sizeof w->code, "%s", r->ind[i].code);
    }
    if (s->nwhy)
        s->verdict = RUBRIC_INCOMPLETE;
    return s->nwhy > 0;
}

static void judge(const struct rubric *r, const char *class_code, struct rubric_score *s)
{
    if (missing_reasons(r, s))
        return;
    if (r->no_zero_rule)
        for (size_t i = 0; i < s->ncrit; i++)
            if (s->crit[i].points <= 0)
                why_add(s, RUBRIC_WHY_ZERO)->criterion = s->crit[i].number;
    if (s->threshold && s->total < s->threshold->min_total - SAME_EPS) {
        struct rubric_reason *w = why_add(s, RUBRIC_WHY_TOTAL_LOW);
        w->a = s->total;
        w->b = s->threshold->min_total;
    }
    if (s->nwhy) {
        s->verdict = RUBRIC_FAIL;
        return;
    }
    if (!s->threshold) {
        struct rubric_reason *w = why_add(s, RUBRIC_WHY_NO_CLASS);
        snprintf(w->code, sizeof w->code, "%s", class_code ? class_code : "");
        s->verdict = RUBRIC_NO_CLASS;
        return;
    }
    struct rubric_reason *w = why_add(s, RUBRIC_WHY_TOTAL_OK);
    w->a = s->total;
    w->b = s->threshold->min_total;
    s->verdict = RUBRIC_PASS;
}

enum status rubric_score(const struct rubric *r, const struct rubric_input *in,
                         const char *class_code, struct rubric_score *out)
{
    memset(out, 0, sizeof *out);
    out->ind = calloc(r->nind + 1, sizeof *out->ind);
    out->crit = calloc(r->ncrit + 1, sizeof *out->crit);
    out->why = calloc(r->ncrit + r->nind + 3, sizeof *out->why);
    if (!out->ind || !out->crit || !out->why) {
        rubric_score_free(out);
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    out->nind = r->nind;
    out->ncrit = r->ncrit;
    for (size_t i = 0; i < r->nind; i++)
        out->ind[i] = rubric_indicator_points(&r->ind[i], in ? &in[i] : NULL);
    for (size_t i = 0; i < r->ncrit; i++) {
        crit_total(r, &r->crit[i], out, &out->crit[i]);
        out->total += out->crit[i].points;
        if (out->crit[i].scale_missing || out->crit[i].value_missing)
            out->partial = true;
    }
    out->threshold = rubric_find_threshold(r, class_code);
    judge(r, class_code, out);
    return ST_OK;
}

void rubric_score_free(struct rubric_score *s)
{
    free(s->ind);
    free(s->crit);
    free(s->why);
    memset(s, 0, sizeof *s);
}

void rubric_reason_text(const struct rubric_reason *w, char *buf, size_t n)
{
    char a[RUBRIC_TEXT_NUM_BUF], b[RUBRIC_TEXT_NUM_BUF];
    rubric_text_num(w->a, a);
    rubric_text_num(w->b, b);
    switch (w->kind) {
    case RUBRIC_WHY_NO_SCALE:
        snprintf(buf, n, _("no scale yet for criterion %d"), w->criterion);
        break;
    case RUBRIC_WHY_NO_VALUE:
        snprintf(buf, n, _("no value yet for indicator %s"), w->code);
        break;
    case RUBRIC_WHY_ZERO:
        snprintf(buf, n, _("criterion %d scored 0"), w->criterion);
        break;
    case RUBRIC_WHY_TOTAL_LOW:
        snprintf(buf, n, _("total %s < %s"), a, b);
        break;
    case RUBRIC_WHY_TOTAL_OK:
        snprintf(buf, n, _("total %s ≥ %s"), a, b);
        break;
    case RUBRIC_WHY_NO_CLASS:
        if (w->code[0])
            snprintf(buf, n, _("recognition class %s is not in the rule set"), w->code);
        else
            snprintf(buf, n, "%s", _("no recognition class chosen (900, 850 or 800 points)"));
        break;
    }
}

const char *rubric_verdict_label(enum rubric_verdict v)
{
    static const char *const labels[] = {
#define X(id, label) label,
        RUBRIC_VERDICT_LIST(X)
#undef X
    };
    return (size_t)v < sizeof labels / sizeof *labels ? _(labels[v]) : "?";
}

/* "no scale yet for criteria 2, 3, 4" — one phrase for a run of reasons of
 * the same listing kind. Returns how many reasons it used. */
static size_t grouped(const struct rubric_score *s, size_t i, struct strbuf *sb, bool *ok)
{
    enum rubric_reason_kind k = s->why[i].kind;
    size_t j = i;
    struct strbuf list = STRBUF_INIT;
    for (; j < s->nwhy && s->why[j].kind == k; j++) {
        if (k == RUBRIC_WHY_NO_SCALE)
            *ok &= strbuf_printf(&list, "%s%d", j > i ? ", " : "", s->why[j].criterion);
        else
            *ok &= strbuf_printf(&list, "%s%s", j > i ? ", " : "", s->why[j].code);
    }
    bool many = j - i > 1;
    const char *fmt = k == RUBRIC_WHY_NO_SCALE
        ? (many ? _("no scale yet for criteria %s") : _("no scale yet for criterion %s"))
        : (many ? _("no value yet for indicators %s") : _("no value yet for indicator %s"));
    *ok &= strbuf_printf(sb, fmt, strbuf_str(&list));
    strbuf_free(&list);
    return j - i;
}

bool rubric_verdict_text(const struct rubric_score *s, struct strbuf *out)
{
    bool judged = s->verdict == RUBRIC_PASS || s->verdict == RUBRIC_FAIL;
    /* without a verdict the reasons say what is missing: one short label */
    bool ok = strbuf_printf(out, "%s", judged ? rubric_verdict_label(s->verdict) : _("no verdict yet"));
    for (size_t i = 0; i < s->nwhy;) {
        ok &= strbuf_puts(out, i ? "; " : ": ");
        enum rubric_reason_kind k = s->why[i].kind;
        if (k == RUBRIC_WHY_NO_SCALE || k == RUBRIC_WHY_NO_VALUE) {
            i += grouped(s, i, out, &ok);
            continue;
        }
        char buf[160];
        rubric_reason_text(&s->why[i++], buf, sizeof buf);
        ok &= strbuf_puts(out, buf);
    }
    if (s->verdict == RUBRIC_NO_SCALE || s->verdict == RUBRIC_INCOMPLETE) {
        char t[RUBRIC_TEXT_NUM_BUF];
        rubric_text_num(s->total, t);
        ok &= strbuf_printf(out, _("; partial total %s"), t);
    }
    return ok;
}

static bool crit_known(const struct rubric_crit_score *c)
{
    return !c->scale_missing && !c->value_missing;
}

static const struct rubric_crit_score *crit_by_number(const struct rubric_score *s, int number)
{
    for (size_t i = 0; s && i < s->ncrit; i++)
        if (s->crit[i].number == number)
            return &s->crit[i];
    return NULL;
}

enum status rubric_compare(const struct rubric_score *prev, const struct rubric_score *cur,
                           struct rubric_change **out, size_t *n)
{
    *out = calloc(cur->ncrit + 1, sizeof **out);
    *n = 0;
    if (!*out)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    for (size_t i = 0; i < cur->ncrit; i++) {
        struct rubric_change *c = &(*out)[(*n)++];
        const struct rubric_crit_score *now = &cur->crit[i];
        const struct rubric_crit_score *then = crit_by_number(prev, now->number);
        c->number = now->number;
        c->cur_known = crit_known(now);
        c->cur = now->points;
        c->prev_known = then && crit_known(then);
        c->prev = then ? then->points : 0;
        if (!c->cur_known || !c->prev_known)
            c->trend = RUBRIC_UNKNOWN;
        else if (fabs(c->cur - c->prev) <= SAME_EPS)
            c->trend = RUBRIC_SAME;
        else
            c->trend = c->cur > c->prev ? RUBRIC_ROSE : RUBRIC_FELL;
    }
    return ST_OK;
}

const char *rubric_trend_label(enum rubric_trend t)
{
    static const char *const labels[] = {N_("rose"), N_("fell"), N_("unchanged"),
                                         N_("cannot compare")};
    return (size_t)t < sizeof labels / sizeof *labels ? _(labels[t]) : "?";
}
