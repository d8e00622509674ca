/* rubric_score — pure scoring of one year's values against a rubric: the
 * points of each indicator (by band), each criterion's total capped at its
 * maximum, the grand total, and the verdict with its reasons — or no verdict
 * while a scale or a value is missing. Also the year-on-year comparison of
 * criteria. No database, no printing; the reason texts are translated. */
#ifndef TREEM_MODEL_RUBRIC_SCORE_H
#define TREEM_MODEL_RUBRIC_SCORE_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/status.h"
#include "treem/core/strbuf.h"
#include "treem/model/rubric.h"

/* The value of one indicator for the year (parallel to rubric.ind). */
struct rubric_input {
    bool has_value;
    double value;          /* a rate, a count, or 1/0 for có/không */
};

enum rubric_ind_state {
    RUBRIC_IND_SCORED,     /* points known (band found, or 0 outside a complete scale) */
    RUBRIC_IND_NO_VALUE,   /* no value yet (scale complete) */
    RUBRIC_IND_NO_SCALE,   /* the value's band is not known (or no value and no full scale) */
};

struct rubric_ind_score {
    enum rubric_ind_state state;
    double points;         /* 0 unless scored */
    const struct rubric_band *band;   /* the band used, NULL when none */
    bool value_missing;    /* no value typed or computed */
};

struct rubric_crit_score {
    int number;
    double raw;            /* sum of its scored indicators */
    double points;         /* raw capped at the maximum when known */
    bool capped;
    bool scale_missing;    /* an indicator lacks a scale, or none is listed */
    bool value_missing;    /* an indicator lacks a value */
    size_t nind, nscored;  /* indicators listed / scored */
};

#define RUBRIC_VERDICT_LIST(X)                                                  \
    X(RUBRIC_PASS,       N_("passed"))                                          \
    X(RUBRIC_FAIL,       N_("not passed"))                                      \
    X(RUBRIC_NO_SCALE,   N_("no verdict: a scale is missing"))                  \
    X(RUBRIC_INCOMPLETE, N_("no verdict: values are missing"))                  \
    X(RUBRIC_NO_CLASS,   N_("no verdict: no recognition class chosen"))

enum rubric_verdict {
#define X(id, label) id,
    RUBRIC_VERDICT_LIST(X)
#undef X
};

enum rubric_reason_kind {
    RUBRIC_WHY_NO_SCALE,   /* criterion `criterion` has no (complete) scale */
    RUBRIC_WHY_NO_VALUE,   /* indicator `code` has no value */
    RUBRIC_WHY_ZERO,       /* criterion `criterion` scored 0 */
    RUBRIC_WHY_TOTAL_LOW,  /* total `a` below the class minimum `b` */
    RUBRIC_WHY_NO_CLASS,   /* no class chosen ("" code), or `code` is not in the rule set */
    RUBRIC_WHY_TOTAL_OK,   /* total `a` reaches the class minimum `b` (on a pass) */
};

struct rubric_reason {
    enum rubric_reason_kind kind;
    int criterion;
    char code[24];         /* the indicator code, or the unknown class code */
    double a, b;
};

struct rubric_score {
    struct rubric_ind_score *ind;   /* parallel to rubric.ind */
    size_t nind;
    struct rubric_crit_score *crit; /* parallel to rubric.crit */
    size_t ncrit;
    double total;          /* sum of criterion points; partial without a verdict */
    bool partial;          /* some points are still unknown */
    enum rubric_verdict verdict;
    const struct rubric_threshold *threshold;  /* the class used, or NULL */
    struct rubric_reason *why;
    size_t nwhy;
};

/* Points of one indicator for one input (in may say "no value"). */
struct rubric_ind_score rubric_indicator_points(const struct rubric_indicator *ind,
                                                const struct rubric_input *in);

/* Scores every indicator (in[] has r->nind entries) and judges the year for
 * recognition class class_code ("850"; NULL when none is chosen). Order of
 * judgement: a missing scale gives RUBRIC_NO_SCALE (reasons: each criterion
 * without a scale); else missing values give RUBRIC_INCOMPLETE (each
 * indicator); else a criterion at 0 (when the rule set has the rule) or a
 * total under the class minimum gives RUBRIC_FAIL (all such reasons); else
 * no class gives RUBRIC_NO_CLASS; else RUBRIC_PASS. Free with
 * rubric_score_free(). ST_NOMEM only. */
enum status rubric_score(const struct rubric *r, const struct rubric_input *in,
                         const char *class_code, struct rubric_score *out);
void rubric_score_free(struct rubric_score *s);

/* "criterion 3 scored 0", "total 812 < 850" … (translated). */
void rubric_reason_text(const struct rubric_reason *why, char *buf, size_t n);
/* Verdict label (translated). */
const char *rubric_verdict_label(enum rubric_verdict v);
/* One line: the verdict and its reasons, criteria without a scale grouped:
 * "not passed: criterion 3 scored 0; total 812 < 850", or "no verdict yet:
 * no scale yet for criteria 2, 3, 4; partial total 225". Appends to out;
 * false on ENOMEM. */
bool rubric_verdict_text(const struct rubric_score *s, struct strbuf *out);

enum rubric_trend { RUBRIC_ROSE, RUBRIC_FELL, RUBRIC_SAME, RUBRIC_UNKNOWN };

struct rubric_change {
    int number;            /* criterion number */
    enum rubric_trend trend;
    bool prev_known, cur_known;   /* the criterion was fully scored that year */
    double prev, cur;      /* points (when known) */
};

/* Compares two years criterion by criterion (matched by number, so years
 * scored under two rule sets can be compared). One entry per criterion of
 * cur, in *out (caller frees). A year where the criterion is not fully
 * scored makes its trend RUBRIC_UNKNOWN. prev may be NULL (no previous
 * year). ST_NOMEM only. */
enum status rubric_compare(const struct rubric_score *prev, const struct rubric_score *cur,
                           struct rubric_change **out, size_t *n);
const char *rubric_trend_label(enum rubric_trend t);

#endif
