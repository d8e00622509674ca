/* chart — bar charts of block characters. */
#include <config.h>
#include "treem/tui/chart.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <string.h>

int chart_rows(const struct chart_series *s)
{
    return 2 + (s->n ? (int)s->n : 1);
}

void chart_bar_text(long long v, long long max, int width, bool ascii, char *out, size_t outsz)
{
    static const char *const eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    size_t k = 0;
    out[0] = '\0';
    if (max <= 0 || v <= 0 || width <= 0)
        return;
    long long units = (v * width * 8 + max / 2) / max;   /* eighths of a column */
    if (units == 0)
        units = 1;   /* a value above 0 always shows */
    long long full = units / 8, part = units % 8;
    if (ascii) {
        full = (units + 4) / 8 ? (units + 4) / 8 : 1;
        part = 0;
    }
    for (long long i = 0; i < full && k + 4 < outsz; i++)
        k += (size_t)snprintf(out + k, outsz - k, "%s", ascii ? "#" : "█");
    if (part && k + 4 < outsz)
        snprintf(out + k, outsz - k, "%s", eighths[part]);
}

void chart_draw_row(WINDOW *w, int y, int x, int cols, int label_cols,
                    const struct chart_series *s, int row)
{
    if (row == 0) {
        ui_print_pad_in(w, UC_TITLE, y, x, cols, s->title);
        return;
    }
    if (row > (s->n ? (int)s->n : 1))
        return;   /* the blank row */
    if (!s->n) {
        ui_print(w, y, x + 2, cols - 2, _("no data"));
        return;
    }
    const struct chart_bar *b = &s->bars[row - 1];
    long long max = 0;
    for (size_t i = 0; i < s->n; i++)
        max = s->bars[i].value > max ? s->bars[i].value : max;
    char num[24], bar[1024];
    snprintf(num, sizeof num, "%lld", b->value);
    int width = cols - label_cols - 2 - 8;
    chart_bar_text(b->value, max, width, draw_ascii(), bar, sizeof bar);
    ui_print_pad(w, y, x, label_cols, b->label);
    ui_print_in(w, UC_OK, y, x + label_cols + 1, width, bar);
    ui_print(w, y, x + label_cols + 2 + utf8_width(bar), 8, num);
}
