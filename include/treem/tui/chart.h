/* chart — horizontal bar charts drawn with block characters (█ and the
 * eighths ▏▎▍▌▋▊▉), or '#' with --ascii: a title row, then one row per bar
 * with its label, the bar scaled to the largest value, and the value. Rows
 * are drawn one at a time so a screen can scroll several charts as one list. */
#ifndef TREEM_TUI_CHART_H
#define TREEM_TUI_CHART_H
#include "treem/tui/ui.h"
#include "treem/app/report_chart.h"

/* Rows the chart takes: its title, its bars (or one "no data" row), a blank. */
int chart_rows(const struct chart_series *s);
/* Draws row `row` (0 = title) of s at (y, x) in cols columns; label_cols
 * columns for the labels. */
void chart_draw_row(WINDOW *w, int y, int x, int cols, int label_cols,
                    const struct chart_series *s, int row);
/* The bar of value v of max in width columns (eighths; '#' in ASCII), into
 * out (at least width * 3 + 1 bytes). */
void chart_bar_text(long long v, long long max, int width, bool ascii, char *out, size_t outsz);

#endif
