/* report_chart — the series the Báo cáo screen draws as bar charts: children
 * by village and by age band, children in special circumstances by group
 * (from the report's lines), and cases received by month of the period
 * (from the register). Plain numbers and labels; drawing is the screen's. */
#ifndef TREEM_APP_REPORT_CHART_H
#define TREEM_APP_REPORT_CHART_H
#include "treem/app/report.h"

struct chart_bar {
    char label[160];     /* "Thôn 1", "Từ 0–2 tuổi", "03/2026": at most 40 columns */
    long long value;
};

struct chart_series {
    char title[128];
    struct chart_bar *bars;
    size_t n;
};

enum report_chart_kind { CHART_VILLAGES, CHART_AGES, CHART_SPECIAL, CHART_MONTHS, CHART__COUNT };

/* Series k of report r (CHART_MONTHS reads the cases of r's period from db;
 * special-circumstance groups with no child are left out). Free with
 * chart_series_free. ST_NOMEM; database errors for CHART_MONTHS. */
enum status report_chart(struct db *db, const struct report *r, enum report_chart_kind k,
                         struct chart_series *out);
void chart_series_free(struct chart_series *s);

#endif
