/* report_xlsx — the report as a workbook with native charts. */
#include <config.h>
#include "treem/app/report_xlsx.h"
#include "treem/app/report_chart.h"
#include "treem/core/i18n.h"
#include "treem/core/outfile.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <xlsxwriter.h>

struct book {
    lxw_workbook *wb;
    lxw_format *title, *head, *section, *text, *num, *code;
};

static void formats(struct book *b)
{
    b->title = workbook_add_format(b->wb);
    format_set_bold(b->title);
    format_set_font_size(b->title, 14);
    b->head = workbook_add_format(b->wb);
    format_set_bold(b->head);
    format_set_bg_color(b->head, 0xD9E1F2);
    format_set_border(b->head, LXW_BORDER_THIN);
    format_set_text_wrap(b->head);
    format_set_align(b->head, LXW_ALIGN_CENTER);
    format_set_align(b->head, LXW_ALIGN_VERTICAL_CENTER);
    b->section = workbook_add_format(b->wb);
    format_set_bold(b->section);
    format_set_bg_color(b->section, 0xF2F2F2);
    format_set_border(b->section, LXW_BORDER_THIN);
    b->text = workbook_add_format(b->wb);
    format_set_border(b->text, LXW_BORDER_THIN);
    format_set_text_wrap(b->text);
    b->code = workbook_add_format(b->wb);
    format_set_border(b->code, LXW_BORDER_THIN);
    format_set_font_color(b->code, 0x595959);
    b->num = workbook_add_format(b->wb);
    format_set_border(b->num, LXW_BORDER_THIN);
    format_set_num_format(b->num, "#,##0");
}

static const char *const part_heads[3 + REPORT_PART__COUNT] = {
    N_("Code"), N_("Content"), N_("Value"), N_("Boys"), N_("Girls"), N_("Sex not known"),
    N_("Of total"), N_("Helped"),
};

/* A number cell, or an empty bordered one. */
static void number(lxw_worksheet *ws, struct book *b, lxw_row_t row, lxw_col_t col, long long v)
{
    if (v >= 0)
        worksheet_write_number(ws, row, col, (double)v, b->num);
    else
        worksheet_write_blank(ws, row, col, b->num);
}

/* One line of the report; extra[] (n values) after the breakdown columns. */
static void line_row(lxw_worksheet *ws, struct book *b, lxw_row_t row, const struct report_line *l,
                     const long long *extra, size_t n)
{
    lxw_col_t last = (lxw_col_t)(2 + REPORT_PART__COUNT + n);
    if (l->depth == 0) {
        worksheet_merge_range(ws, row, 0, row, last, l->label, b->section);
        return;
    }
    char label[REPORT_LABEL_BUF + 8];
    snprintf(label, sizeof label, "%s%s", l->depth > 1 ? "    " : "", l->label);
    worksheet_write_string(ws, row, 0, l->code, b->code);
    worksheet_write_string(ws, row, 1, label, b->text);
    if (l->count < 0 && l->value[0])
        worksheet_write_string(ws, row, 2, l->value, b->text);
    else
        number(ws, b, row, 2, l->count);
    for (int p = 0; p < REPORT_PART__COUNT; p++)
        number(ws, b, row, (lxw_col_t)(3 + p), l->part[p]);
    for (size_t k = 0; k < n; k++)
        number(ws, b, row, (lxw_col_t)(3 + REPORT_PART__COUNT + k), extra[k]);
}

static void report_sheet(struct book *b, const struct report *r, const struct report_sum *sum)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, _("Report"));
    size_t nc = sum ? sum->ncommunes : 0;
    worksheet_set_column(ws, 0, 0, 9, NULL);
    worksheet_set_column(ws, 1, 1, 52, NULL);
    worksheet_set_column(ws, 2, (lxw_col_t)(2 + REPORT_PART__COUNT + nc), 10, NULL);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);            /* A4 */
    worksheet_fit_to_pages(ws, 1, 0);      /* one page wide */
    worksheet_write_string(ws, 0, 0, r->title, b->title);
    lxw_row_t row = 2;
    for (int c = 0; c < 3 + REPORT_PART__COUNT; c++)
        worksheet_write_string(ws, row, (lxw_col_t)c, _(part_heads[c]), b->head);
    for (size_t k = 0; k < nc; k++)
        worksheet_write_string(ws, row, (lxw_col_t)(3 + REPORT_PART__COUNT + k), sum->names[k],
                               b->head);
    worksheet_set_row(ws, row, 32, NULL);
    worksheet_repeat_rows(ws, row, row);
    worksheet_freeze_panes(ws, row + 1, 2);
    for (size_t i = 0; i < r->n; i++)
        line_row(ws, b, ++row, &r->lines[i], nc ? &sum->values[i * nc] : NULL, nc);
}

/* The data of one series in columns col, col+1 from row 1, and its chart. */
static void chart_block(struct book *b, lxw_worksheet *ws, const char *sheet,
                        const struct chart_series *s, lxw_col_t col, lxw_row_t at)
{
    worksheet_write_string(ws, 0, col, s->title, b->head);
    worksheet_write_string(ws, 0, col + 1, _("Value"), b->head);
    for (size_t i = 0; i < s->n; i++) {
        worksheet_write_string(ws, (lxw_row_t)(1 + i), col, s->bars[i].label, b->text);
        worksheet_write_number(ws, (lxw_row_t)(1 + i), col + 1, (double)s->bars[i].value, b->num);
    }
    if (!s->n)
        return;
    lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_BAR);
    lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
    chart_series_set_categories(se, sheet, 1, col, (lxw_row_t)s->n, col);
    chart_series_set_values(se, sheet, 1, col + 1, (lxw_row_t)s->n, col + 1);
    chart_title_set_name(ch, s->title);
    chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
    lxw_chart_options o = {.x_scale = 1.4, .y_scale = 1.2};
    worksheet_insert_chart_opt(ws, at, 9, ch, &o);
}

static void charts_sheet(struct book *b, struct db *db, const struct report *r)
{
    const char *name = _("Charts");
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
    worksheet_set_column(ws, 0, 7, 18, NULL);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    for (int k = 0; k < CHART__COUNT; k++) {
        struct chart_series s;
        if (k == CHART_MONTHS && !db)
            continue;
        if (report_chart(db, r, (enum report_chart_kind)k, &s) != ST_OK) {
            status_clear();
            continue;
        }
        chart_block(b, ws, name, &s, (lxw_col_t)(2 * k), (lxw_row_t)(k * 18));
        chart_series_free(&s);
    }
}

/* Writes the workbook to path (outfile's temporary file). */
static enum status write_book(struct db *db, const struct report *r, const struct report_sum *sum,
                              const char *path)
{
    struct book b = {0};
    b.wb = workbook_new(path);
    if (!b.wb)
        return status_set(ST_IO, _("%s: cannot write the file: %s"), path, i18n_strerror(errno));
    formats(&b);
    char title[sizeof r->title], note[256];   /* libxlsxwriter takes char * */
    snprintf(title, sizeof title, "%s", r->title);
    snprintf(note, sizeof note, "%s", _("counts only: no child's name, no reporter (Nghị định "
                                        "56/2017, Điều 24)"));
    lxw_doc_properties props = {.title = title, .comments = note};
    workbook_set_properties(b.wb, &props);
    report_sheet(&b, r, sum);
    charts_sheet(&b, sum ? NULL : db, r);
    lxw_error e = workbook_close(b.wb);
    if (e != LXW_NO_ERROR)
        return status_set(ST_IO, _("%s: cannot write the file: %s"), path, lxw_strerror(e));
    return ST_OK;
}

enum status report_write_xlsx(struct db *db, const struct report *r, const struct report_sum *sum,
                              const char *path)
{
    struct outfile o; /* 0600, never the database, renamed only when whole */
    enum status st = outfile_open_path(&o, path, false);
    if (st != ST_OK)
        return st;
    return outfile_close(&o, write_book(db, r ? r : &sum->total, sum, o.tmp));
}
