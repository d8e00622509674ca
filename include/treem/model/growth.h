/* growth — under-5 malnutrition on the WHO 2006 Child Growth Standards:
 * weight-for-age (nhẹ cân) and length/height-for-age (thấp còi), by sex and
 * completed months 0–60. The tables are data handed in by the caller (app/
 * loads the shipped assets/who2006/ files); this module only looks up and
 * classifies: below the tabulated −2 SD value = malnourished, below −3 SD =
 * severe, and the z-score from the L, M, S parameters. */
#ifndef TREEM_MODEL_GROWTH_H
#define TREEM_MODEL_GROWTH_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/status.h"

/* One month of a WHO table. */
struct growth_point {
    int month;
    double l, m, s;          /* Box-Cox power, median, coefficient of variation */
    double sd3neg, sd2neg;   /* tabulated −3 SD and −2 SD values (kg or cm) */
};

struct growth_table {
    struct growth_point *rows;  /* sorted by month, owned by the table */
    size_t n;
};

/* The six shipped tables. Length-for-age (lying) is used below 24 months,
 * height-for-age (standing) from 24 months, as the WHO tables are split. */
#define GROWTH_TABLE_LIST(X)                                        \
    X(GROWTH_WFA_BOYS,       "assets/who2006/wfa_boys_0_5.csv")     \
    X(GROWTH_WFA_GIRLS,      "assets/who2006/wfa_girls_0_5.csv")    \
    X(GROWTH_LHFA_BOYS_0_2,  "assets/who2006/lhfa_boys_0_2.csv")    \
    X(GROWTH_LHFA_BOYS_2_5,  "assets/who2006/lhfa_boys_2_5.csv")    \
    X(GROWTH_LHFA_GIRLS_0_2, "assets/who2006/lhfa_girls_0_2.csv")   \
    X(GROWTH_LHFA_GIRLS_2_5, "assets/who2006/lhfa_girls_2_5.csv")
#define GROWTH_X_ID(id, file) id,
enum growth_table_id { GROWTH_TABLE_LIST(GROWTH_X_ID) GROWTH__TABLES };
#undef GROWTH_X_ID

struct growth_ref {
    struct growth_table t[GROWTH__TABLES];
};

/* The shipped file name of table id (for loaders and messages). */
const char *growth_table_file(enum growth_table_id id);
void growth_ref_free(struct growth_ref *ref);

/* The row for `month` in t, or NULL when the table has none. */
const struct growth_point *growth_point_at(const struct growth_table *t, int month);

/* The LMS z-score of measurement x: z = ((x/M)^L − 1)/(L·S), or ln(x/M)/S
 * when L = 0. With `restricted` (weight-for-age), beyond ±3 the WHO's
 * restricted rule is applied (distance in units of the 2–3 SD gap). */
double growth_lms_z(const struct growth_point *p, double x, bool restricted);

enum growth_status {
    GROWTH_NOT_ASSESSED, /* no measurement, sex not known, or age outside 0–60 months */
    GROWTH_NORMAL,       /* at or above −2 SD */
    GROWTH_MODERATE,     /* below −2 SD, at or above −3 SD */
    GROWTH_SEVERE,       /* below −3 SD */
};

struct growth_result {
    enum growth_status underweight;  /* weight-for-age */
    enum growth_status stunting;     /* length/height-for-age */
    double waz, haz;                 /* z-scores (valid when the status is assessed) */
};

/* Classifies one measurement of a child of sex (enum child_sex: only male
 * and female can be assessed) aged `months` completed months (0–60).
 * weight_kg / height_cm ≤ 0 mean "not measured". */
struct growth_result growth_assess(const struct growth_ref *ref, int sex, int months,
                                   double weight_kg, double height_cm);

/* True for GROWTH_MODERATE and GROWTH_SEVERE. */
bool growth_is_low(enum growth_status s);
/* Translated short label: "", "bình thường", "dưới −2 SD", "dưới −3 SD". */
const char *growth_status_label(enum growth_status s);

#endif
