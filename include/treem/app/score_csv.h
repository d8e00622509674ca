/* score_csv — the yearly scoring sheet as a CSV file for the recognition
 * dossier (hồ sơ): for each criterion a total row followed by its indicator
 * rows (value, where it came from, points, evidence, department, what is
 * missing), then the grand total and the verdict. Headers are translated;
 * UTF-8 with BOM and CRLF so that Excel opens it; formula-like cells are
 * neutralised. */
#ifndef TREEM_APP_SCORE_CSV_H
#define TREEM_APP_SCORE_CSV_H
#include <stdbool.h>
#include "treem/csv/csv_write.h"
#include "treem/app/score.h"

/* Writes the sheet through w; returns the writer's status. */
enum status score_csv_format(const struct score_sheet *s, struct csv_writer *w);

/* Writes the sheet to path (replacing it whole). ST_IO naming the file. */
enum status score_csv_write(const struct score_sheet *s, const char *path);

#endif
