/* report_csv — the report as CSV: one number per cell. */
#include <config.h>
#include "treem/app/report.h"
#include "treem/csv/csv_write.h"
#include "treem/core/i18n.h"
#include "treem/core/outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

enum { COLS = 3 + REPORT_PART__COUNT };

/* Stable column names (scripts read them; not translated). */
static const char *const head[COLS] = {"code", "label", "value", "male", "female",
                                       "sex_unknown", "of_total", "helped"};

static void num(long long v, char *buf, size_t n)
{
    if (v < 0)
        buf[0] = '\0';
    else
        snprintf(buf, n, "%lld", v);
}

/* Label of a text line: "Period: 15/12/2025 – 14/06/2026" (the text
 * travels in the label; the value column holds numbers only). */
static void line_label(const struct report_line *l, char *buf, size_t n)
{
    if (l->count < 0 && l->value[0])
        snprintf(buf, n, "%s: %s", l->label, l->value);
    else
        snprintf(buf, n, "%s", l->label);
}

enum status report_write_csv_stream(const struct report *r, FILE *f, unsigned flags)
{
    struct csv_writer *w = malloc(sizeof *w);
    if (!w)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    csv_writer_init_file(w, f, ',', flags ? flags : CSV_WRITE_DEFAULT);
    csv_write_row(w, head, COLS);
    const char *trow[COLS] = {"", r->title, "", "", "", "", "", ""};
    csv_write_row(w, trow, COLS);
    for (size_t i = 0; i < r->n; i++) {
        const struct report_line *l = &r->lines[i];
        char label[REPORT_LABEL_BUF + REPORT_VALUE_BUF + 4], cells[1 + REPORT_PART__COUNT][24];
        line_label(l, label, sizeof label);
        num(l->count, cells[0], sizeof cells[0]);
        for (int k = 0; k < REPORT_PART__COUNT; k++)
            num(l->part[k], cells[1 + k], sizeof cells[1 + k]);
        const char *row[COLS] = {l->code, label, cells[0], cells[1], cells[2], cells[3],
                                 cells[4], cells[5]};
        csv_write_row(w, row, COLS);
    }
    enum status st = csv_writer_flush(w);
    free(w);
    return st;
}

enum status report_write_csv(const struct report *r, const char *path)
{
    struct outfile o;
    enum status st = outfile_open(&o, path);
    if (st != ST_OK)
        return st;
    return outfile_close(&o, report_write_csv_stream(r, o.f, 0));
}
