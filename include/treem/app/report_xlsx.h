/* report_xlsx — the periodic report (or the level above's consolidated
 * report) as an Excel workbook ready to print (libxlsxwriter): a sheet
 * "Báo cáo" with the lines as a formatted table (code, content, value, by
 * sex, of total, helped; numbers as numbers), a sheet "Biểu đồ" with the
 * chart data and native bar charts (children by village and by age band,
 * special circumstances by group, cases by month); a consolidated report
 * has one more column per commune. Headings are in the interface language.
 * The file is written 0600. */
#ifndef TREEM_APP_REPORT_XLSX_H
#define TREEM_APP_REPORT_XLSX_H
#include "treem/app/report.h"
#include "treem/app/report_sum.h"

/* Writes r (sum NULL) or sum's total with its per-commune sheet (r NULL)
 * to path. db gives the cases by month of r's period (NULL: that chart is
 * left out). ST_IO naming the file. */
enum status report_write_xlsx(struct db *db, const struct report *r, const struct report_sum *sum,
                              const char *path);

#endif
