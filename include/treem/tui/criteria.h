/* criteria — the screens behind Tiêu chí and the rubric editor: one
 * criterion's indicators (drill-down from the sheet), the form that types an
 * indicator's value and evidence, the rubric editor (reachable from Cài đặt
 * and Tiêu chí), one indicator's bands, the band form and the criterion
 * maximum form. Each pushed screen gets its arg as documented below. */
#ifndef TREEM_TUI_CRITERIA_H
#define TREEM_TUI_CRITERIA_H
#include "treem/tui/ui.h"
#include "treem/model/rubric.h"

/* What a drill-down or a value form works on (owned by the opener, which
 * stays under it on the stack). */
struct criteria_pick {
    int year;
    int criterion;         /* criterion number */
    char code[24];         /* indicator code ("" when none) */
};

/* arg: struct criteria_pick * (year, criterion). */
extern const struct screen_ops scr_criterion_ops;
/* arg: struct criteria_pick * (year, code). */
extern const struct screen_ops scr_score_value_ops;
/* arg: NULL, or a struct criteria_pick * whose code is selected first. */
extern const struct screen_ops scr_rubric_ops;
/* arg: struct criteria_pick * (code). */
extern const struct screen_ops scr_rubric_bands_ops;

/* The band form's arg: the indicator, and the band to change (NULL: new). */
struct band_pick {
    const struct rubric_indicator *ind;
    const struct rubric_band *band;
};
extern const struct screen_ops scr_band_form_ops;
/* arg: const struct rubric_criterion * of the editor's loaded rule set. */
extern const struct screen_ops scr_crit_max_ops;

/* A department's name for its code (the code itself when unknown, "—" for
 * NULL) into buf. */
void criteria_department_name(struct db *db, const char *code, char *buf, size_t n);

#endif
