/* growth — WHO 2006 look-ups and classification. */
#include <config.h>
#include "treem/model/growth.h"
#include "treem/model/enums.h"
#include "treem/core/i18n.h"

#include <math.h>
#include <stdlib.h>

static const char *const table_files[GROWTH__TABLES] = {
#define GROWTH_X_FILE(id, file) file,
    GROWTH_TABLE_LIST(GROWTH_X_FILE)
#undef GROWTH_X_FILE
};

const char *growth_table_file(enum growth_table_id id)
{
    return (unsigned)id < GROWTH__TABLES ? table_files[id] : "";
}

void growth_ref_free(struct growth_ref *ref)
{
    for (int i = 0; i < GROWTH__TABLES; i++) {
        free(ref->t[i].rows);
        ref->t[i].rows = NULL;
        ref->t[i].n = 0;
    }
}

const struct growth_point *growth_point_at(const struct growth_table *t, int month)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->rows[mid].month < month)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < t->n && t->rows[lo].month == month ? &t->rows[lo] : NULL;
}

/* The measurement at z SD: M·(1 + L·S·z)^(1/L). */
static double lms_value(const struct growth_point *p, double z)
{
    if (fabs(p->l) < 1e-12)
        return p->m * exp(p->s * z);
    return p->m * pow(1.0 + p->l * p->s * z, 1.0 / p->l);
}

double growth_lms_z(const struct growth_point *p, double x, bool restricted)
{
    double z = fabs(p->l) < 1e-12 ? log(x / p->m) / p->s
                                  : (pow(x / p->m, p->l) - 1.0) / (p->l * p->s);
    if (!restricted || fabs(z) <= 3.0)
        return z;
    /* WHO (2006) restricted application of the LMS method beyond ±3 SD. */
    if (z > 3.0) {
        double sd3 = lms_value(p, 3.0), sd2 = lms_value(p, 2.0);
        return 3.0 + (x - sd3) / (sd3 - sd2);
    }
    double sd3 = lms_value(p, -3.0), sd2 = lms_value(p, -2.0);
    return -3.0 + (x - sd3) / (sd2 - sd3);
}

static enum growth_status classify(const struct growth_point *p, double x)
{
    if (x < p->sd3neg)
        return GROWTH_SEVERE;
    if (x < p->sd2neg)
        return GROWTH_MODERATE;
    return GROWTH_NORMAL;
}

struct growth_result growth_assess(const struct growth_ref *ref, int sex, int months,
                                   double weight_kg, double height_cm)
{
    struct growth_result r = {GROWTH_NOT_ASSESSED, GROWTH_NOT_ASSESSED, 0.0, 0.0};
    bool boy = sex == CHILD_SEX_MALE;
    if ((sex != CHILD_SEX_MALE && sex != CHILD_SEX_FEMALE) || months < 0 || months > 60)
        return r;
    const struct growth_point *p;
    if (weight_kg > 0) {
        p = growth_point_at(&ref->t[boy ? GROWTH_WFA_BOYS : GROWTH_WFA_GIRLS], months);
        if (p) {
            r.underweight = classify(p, weight_kg);
            r.waz = growth_lms_z(p, weight_kg, true);
        }
    }
    if (height_cm > 0) {
        enum growth_table_id id = months < 24
            ? (boy ? GROWTH_LHFA_BOYS_0_2 : GROWTH_LHFA_GIRLS_0_2)
            : (boy ? GROWTH_LHFA_BOYS_2_5 : GROWTH_LHFA_GIRLS_2_5);
        p = growth_point_at(&ref->t[id], months);
        if (p) {
            r.stunting = classify(p, height_cm);
            r.haz = growth_lms_z(p, height_cm, false);
        }
    }
    return r;
}

bool growth_is_low(enum growth_status s)
{
    return s == GROWTH_MODERATE || s == GROWTH_SEVERE;
}

const char *growth_status_label(enum growth_status s)
{
    switch (s) {
    case GROWTH_NORMAL: return _("normal");
    case GROWTH_MODERATE: return _("below -2 SD");
    case GROWTH_SEVERE: return _("below -3 SD");
    default: return "";
    }
}
