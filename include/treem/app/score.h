/* score — the yearly self-assessment of the commune against the active rule
 * set: the scoring sheet (each indicator's value — typed by the officer, or
 * computed from the register and the cases through a measure provider —
 * its points, evidence and department; each criterion's total; the grand
 * total and the verdict), typing values, choosing the recognition class,
 * comparing with the previous year, and writing the sheet as CSV.
 *
 * Computed values come from providers that other modules register with
 * score_set_measure_provider() / score_add_measure_provider(). Without one a
 * measure is "not computable yet" and the officer types the value; a typed
 * value always wins over a computed one (the computed figure is still
 * shown next to it). */
#ifndef TREEM_APP_SCORE_H
#define TREEM_APP_SCORE_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/db/db.h"
#include "treem/db/assessment_repo.h"
#include "treem/model/measure.h"
#include "treem/model/rubric.h"
#include "treem/model/rubric_score.h"

/* An indicator links to a measure of the one vocabulary (model/measure.h)
 * by its code (indicator.measure, the rubric CSV column so_do). Rates are
 * percentages 0–100, or per 1,000 children for MEASURE_UNIT_PER_THOUSAND.
 * The provider says in `basis` what it counted ("19 / 20 trẻ em"). */

#define SCORE_BASIS_MAX 160

/* What a provider computed. */
struct score_measured {
    double value;
    char basis[SCORE_BASIS_MAX];  /* how: "19 / 20 trẻ em có HCĐB" (may be empty) */
};

/* A provider computes measure m for year (calendar year, 01/01–31/12) of
 * the commune in db. Returns ST_OK with *out filled, ST_NOTFOUND when it
 * does not compute m or the register lacks the data (then the next provider
 * is asked), anything else for a real failure (the sheet shows it as not
 * computable and keeps going). It must not write to the database. */
typedef enum status (*score_measure_fn)(struct db *db, enum measure m, int year,
                                        struct score_measured *out);

/* Replaces every registered provider by fn (NULL: none). */
void score_set_measure_provider(score_measure_fn fn);
/* Adds fn after the registered ones (at most 8; adding one already there
 * changes nothing). False when full. session_prepare() adds the register's
 * provider (app/score_register.h). */
bool score_add_measure_provider(score_measure_fn fn);

/* Asks the providers for m; ST_NOTFOUND (with a message saying the value
 * must be typed) when none computes it. */
enum status score_compute(struct db *db, enum measure m, int year, struct score_measured *out);

/* Where a line's value comes from. */
enum score_origin {
    SCORE_NONE,            /* no value yet */
    SCORE_TYPED,           /* typed by the officer */
    SCORE_COMPUTED,        /* computed now from the register */
    SCORE_STORED,          /* computed earlier and stored (score_store_computed) */
};

/* One indicator on the sheet (parallel to sheet.rubric.ind). */
struct score_line {
    enum score_origin origin;
    bool has_value;
    double value;
    bool measurable;       /* the indicator names a measure */
    bool computed_ok;      /* the providers computed it */
    double computed;       /* their value (shown even when a typed value wins) */
    char basis[SCORE_BASIS_MAX];
    const char *evidence;  /* minh chứng, "" when none (owned by the sheet) */
    const char *department;/* department code: the value's, else the indicator's; may be NULL */
    const char *updated;   /* "yyyy-mm-dd hh:mm" or "" */
    const char *updated_by;/* "" when none */
};

struct score_sheet {
    int year;
    char commune_code[8];
    bool stored;           /* an assessment exists for the year */
    struct assessment assessment;   /* valid when stored */
    char *class_code;      /* class used: --class, else the year's, else setting unit_class */
    struct rubric rubric;
    struct rubric_input *input;     /* parallel to rubric.ind */
    struct score_line *line;        /* parallel to rubric.ind */
    struct assessment_value *values;/* stored values (owned) */
    size_t nvalues;
    struct rubric_score score;
};

/* Builds the sheet for year of the current commune: the year's rule set (the
 * active one when the year has no assessment yet), values typed > computed
 * now > stored computed, points and verdict for class_code (NULL: the
 * year's class, else the setting unit_class). Writes nothing. ST_NOTFOUND
 * when the database has no commune or no active rule set. Free with
 * score_sheet_free(). */
enum status score_sheet_build(struct db *db, int year, const char *class_code,
                              struct score_sheet *out);
void score_sheet_free(struct score_sheet *s);

/* Parses what the officer typed for ind: a number ("97", "97,5", "97 %")
 * for a rate or count (a rate in % must lie in 0–100, a count be a whole
 * number ≥ 0), có/co/yes/1 or không/khong/no/0 for yes/no. ST_INVALID
 * naming the indicator. */
enum status score_parse_value(const struct rubric_indicator *ind, const char *text, double *out);

/* Stores a typed value for indicator `code` in year: text as above (NULL
 * keeps the stored value, "" clears it to "unknown"), evidence (NULL keeps,
 * "" clears), department code (NULL keeps). Creates the year's assessment
 * (active rule set) when needed. One transaction, audited. */
enum status score_set_value(struct db *db, int year, const char *code, const char *text,
                            const char *evidence, const char *department);

/* Removes the stored value of `code` for year (the line falls back to the
 * computed value, if any). ST_NOTFOUND when none is stored. */
enum status score_clear_value(struct db *db, int year, const char *code);

/* Chooses the recognition class of year ("850"; NULL clears); ST_INVALID
 * when the rule set has no such class. One transaction, audited. */
enum status score_set_class(struct db *db, int year, const char *class_code);

/* Stores every value the providers compute now (origin "computed") for the
 * year, so the dossier keeps the figures; typed values are left alone.
 * *n (optional) gets how many were stored. One transaction, audited. */
enum status score_store_computed(struct db *db, int year, size_t *n);

/* Compares cur's year with the year before, criterion by criterion (*out:
 * caller frees). *have_prev (optional) tells whether that year has an
 * assessment; without one every criterion is "cannot compare". */
enum status score_compare_previous(struct db *db, const struct score_sheet *cur,
                                   struct rubric_change **out, size_t *n, bool *have_prev);

/* "typed", "computed", … (translated). */
const char *score_origin_label(enum score_origin o);

/* A value as people read it: "97 %", "3 vụ", "có" / "không"; "" when has
 * is false. */
void score_value_text(const struct rubric_indicator *ind, bool has, double v, char *buf, size_t n);
/* The same for the screen and the terminal: the number in the interface
 * language (rubric_text_num_show), as the plans show theirs. */
void score_value_show(const struct rubric_indicator *ind, bool has, double v, char *buf, size_t n);

#endif
