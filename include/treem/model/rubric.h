/* rubric — a rule set for judging a child-friendly commune (QĐ 06/QĐ-TTg and
 * whatever replaces it) as plain data: its criteria (tiêu chí), indicators
 * (chỉ tiêu) with how each is measured, the bands that turn a value into
 * points, each criterion's maximum and the recognition thresholds by class.
 * Any part may be unknown (DOMAIN.md §4): an indicator whose band set is not
 * complete says so (bands_known = false). Scoring is in rubric_score.h. */
#ifndef TREEM_MODEL_RUBRIC_H
#define TREEM_MODEL_RUBRIC_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/status.h"

/* How an indicator is measured: code stored in the database, word used in
 * the rubric CSV, label shown (English msgid). */
#define RUBRIC_KIND_LIST(X)                                   \
    X(RUBRIC_RATE,   "rate",   "ty_le",     N_("rate"))       \
    X(RUBRIC_COUNT,  "count",  "so_luong",  N_("count"))      \
    X(RUBRIC_YES_NO, "yes_no", "co_khong",  N_("yes/no"))

enum rubric_kind {
#define X(id, code, word, label) id,
    RUBRIC_KIND_LIST(X)
#undef X
    RUBRIC_KIND__COUNT
};

/* One band: value in the interval → points. A missing bound is open
 * (has_lo false = no lower limit). A yes/no value is 1 (có) or 0 (không). */
struct rubric_band {
    bool has_lo, lo_incl;
    double lo;
    bool has_hi, hi_incl;
    double hi;
    double points;
    char *source;          /* where the band comes from (owned, may be NULL) */
};

struct rubric_indicator {
    long long id;          /* database id, 0 when not stored */
    int criterion;         /* number of its criterion */
    char *code;            /* "6.1" */
    char *text;
    enum rubric_kind kind;
    char *unit;            /* "%", "‰", "vụ" … or NULL */
    char *measure;         /* computable measure code (model/measure.h) or NULL */
    char *department;      /* responsible department code or NULL */
    char *source;          /* source note */
    bool bands_known;      /* the bands listed are the whole scale */
    struct rubric_band *bands;
    size_t nbands;
};

struct rubric_criterion {
    long long id;
    int number;            /* 1 … 13 in QĐ 06 */
    char *name;
    bool max_known;
    double max_points;     /* cap on the criterion's total when max_known */
    char *source;
};

struct rubric_threshold {
    long long id;
    char *class_code;      /* "900", "850", "800" */
    char *label;           /* the kind of unit the class is for */
    double min_total;
    char *source;
};

struct rubric {
    long long id;
    char *name;            /* "QĐ 06/QĐ-TTg (2019)" */
    char *source;
    bool active;
    bool no_zero_rule;     /* no criterion may score 0 (the "điểm liệt") */
    struct rubric_criterion *crit;
    size_t ncrit;
    struct rubric_indicator *ind;   /* ordered by criterion, then file order */
    size_t nind;
    struct rubric_threshold *thr;
    size_t nthr;
};

#define RUBRIC_INIT {0, NULL, NULL, false, true, NULL, 0, NULL, 0, NULL, 0}

/* Kind ↔ text: code ("rate"), CSV word ("ty_le") or label (translated). */
const char *rubric_kind_code(enum rubric_kind k);
const char *rubric_kind_word(enum rubric_kind k);
const char *rubric_kind_label(enum rubric_kind k);
/* Accepts a code or a CSV word; false for anything else. */
bool rubric_kind_parse(const char *s, enum rubric_kind *out);

/* Replaces *dst with a copy of src (NULL or "" gives NULL). False when out
 * of memory (then *dst is unchanged). */
bool rubric_str_set(char **dst, const char *src);

/* Adding parts. Each returns a pointer to the new zeroed element (strings
 * copied from the arguments) or NULL with ST_NOMEM / ST_EXISTS (duplicate
 * number or code) set. Pointers stay valid until the next add to the same
 * array. */
struct rubric_criterion *rubric_criterion_add(struct rubric *r, int number, const char *name);
struct rubric_indicator *rubric_indicator_add(struct rubric *r, int criterion, const char *code);
struct rubric_band *rubric_band_add(struct rubric_indicator *ind);
struct rubric_threshold *rubric_threshold_add(struct rubric *r, const char *class_code);

/* Look-ups; NULL when absent. Indices for the indicator: -1 when absent. */
struct rubric_criterion *rubric_find_criterion(const struct rubric *r, int number);
struct rubric_indicator *rubric_find_indicator(const struct rubric *r, const char *code);
long rubric_indicator_index(const struct rubric *r, const char *code);
struct rubric_threshold *rubric_find_threshold(const struct rubric *r, const char *class_code);

/* Frees everything r owns and resets it to RUBRIC_INIT. */
void rubric_free(struct rubric *r);
/* Deep copy of src into *dst (dst uninitialised). ST_NOMEM. */
enum status rubric_copy(struct rubric *dst, const struct rubric *src);

/* Is v inside b? Bounds are compared with a tolerance of 1e-9 so that a
 * rate computed as 95.00000000001 or 94.99999999999 counts as 95. */
bool rubric_band_contains(const struct rubric_band *b, double v);
/* The band of ind that holds v, or NULL. */
const struct rubric_band *rubric_band_find(const struct rubric_indicator *ind, double v);
/* True when a and b share at least one value. */
bool rubric_bands_overlap(const struct rubric_band *a, const struct rubric_band *b);
/* Same bounds (points and source aside)? */
bool rubric_bands_same_interval(const struct rubric_band *a, const struct rubric_band *b);

/* Adds band b (copied) to ind, replacing a band with the same interval, and
 * keeps the bands ordered lowest first; ST_INVALID naming the indicator when
 * b is malformed or overlaps another band. */
enum status rubric_band_put(struct rubric_indicator *ind, const struct rubric_band *b);
/* Removes the band with the same interval as b; ST_NOTFOUND if none. */
enum status rubric_band_remove(struct rubric_indicator *ind, const struct rubric_band *b);

/* Checks one band: lower ≤ upper, a one-point interval closed at both ends,
 * points ≥ 0, a yes/no band inside [0, 1]. ST_INVALID naming the indicator. */
enum status rubric_band_check(const struct rubric_indicator *ind, const struct rubric_band *b);

/* Checks the whole rule set: a name, criteria numbered ≥ 1, every indicator
 * belonging to a listed criterion, valid and non-overlapping bands,
 * thresholds ≥ 0. ST_INVALID with a message naming the part. */
enum status rubric_validate(const struct rubric *r);

#endif
