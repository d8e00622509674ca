/* xlsx_sheet — a worksheet's rows streamed through expat into csv_row
 * callbacks: cells by their column letters, values as text. */
#include <config.h>
#include "xlsx_internal.h"
#include "treem/core/date.h"
#include "treem/core/i18n.h"
#include "treem/core/mem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sheet {
    struct xlsx *x;
    csv_row_fn fn;
    void *ctx;
    size_t row, next_row;     /* this row's number; the next when <row> has none */
    struct strbuf *cells;     /* this row's cells by column (reused) */
    size_t ncells, capcells;
    size_t width;             /* the widest row so far: shorter ones are padded */
    char **fields;
    size_t col, next_col;     /* this cell's column; the next when <c> has none */
    char type[12];            /* the cell's t attribute */
    long style;
    bool in_cell, in_value, in_inline;
    struct strbuf val;
};

/* "AB12" → column 27 (0-based), or -1. */
static long column_of(const char *ref)
{
    long col = 0;
    const char *p = ref;
    for (; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); p++) {
        col = col * 26 + ((*p | 0x20) - 'a' + 1);
        if (col > XLSX_MAX_COLS)
            return -1;
    }
    return p == ref ? -1 : col - 1;
}

static bool is_date_style(const struct sheet *s)
{
    return s->style >= 0 && (size_t)s->style < s->x->nxf && s->x->date_xf[s->style];
}

/* A date serial as dd/mm/yyyy (hh:mm when it has a time of day). */
static bool serial_text(const struct sheet *s, double v, struct strbuf *out)
{
    if (!(v >= 0 && v < 2958466)) /* up to 31/12/9999 */
        return false;
    long days = (long)floor(v);
    long minutes = lround((v - (double)days) * 1440.0);
    if (minutes >= 1440) {
        days++;
        minutes -= 1440;
    }
    struct date base = s->x->date1904 ? (struct date){1904, 1, 1} : (struct date){1899, 12, 30};
    if (!s->x->date1904 && days < 61) /* Excel's 29/02/1900 that never was */
        days++;
    char buf[DATE_BUF];
    date_format(date_add_days(base, days), buf);
    if (minutes == 0)
        return strbuf_puts(out, buf);
    return strbuf_printf(out, "%s %02ld:%02ld", buf, minutes / 60, minutes % 60);
}

/* A number as stored ("52313769592", "5.2313769592E10", "0.5") as plain
 * text: whole numbers without exponent or decimals. */
static bool number_text(const char *v, struct strbuf *out)
{
    if (!strpbrk(v, ".eE"))
        return strbuf_puts(out, v);
    char *end;
    double d = strtod(v, &end);
    if (*end || !isfinite(d))
        return strbuf_puts(out, v);
    if (d == floor(d) && fabs(d) < 1e15)
        return strbuf_printf(out, "%.0f", d);
    return strbuf_printf(out, "%.15g", d);
}

/* The text of the cell just read, into out. */
static enum status cell_text(struct sheet *s, struct strbuf *out)
{
    const char *v = strbuf_str(&s->val);
    bool ok = true;
    if (strcmp(s->type, "s") == 0) {
        char *end;
        unsigned long i = strtoul(v, &end, 10);
        if (*end || end == v || i >= s->x->nsst)
            return status_set(ST_INVALID, _("%s: row %zu: the workbook is damaged (string %s)"), s->x->path,
                              s->row, v);
        ok = strbuf_puts(out, s->x->sst[i]);
    } else if (strcmp(s->type, "inlineStr") == 0 || strcmp(s->type, "str") == 0) {
        char *t = xlsx_text(s->x, s->val.len ? s->val.buf : "", s->val.len);
        ok = t && strbuf_puts(out, t);
        free(t);
    } else if (strcmp(s->type, "b") == 0) {
        ok = strbuf_puts(out, strcmp(v, "1") == 0 || strcmp(v, "true") == 0 ? "1" : "0");
    } else if (strcmp(s->type, "e") == 0) {
        ok = strbuf_puts(out, v);
    } else if (strcmp(s->type, "d") == 0) { /* ISO 8601 (strict workbooks) */
        struct date d;
        char day[11];
        snprintf(day, sizeof day, "%s", v);
        char buf[DATE_BUF];
        if (strlen(v) >= 10 && date_parse(day, &d) == ST_OK) {
            date_format(d, buf);
            ok = strbuf_puts(out, buf);
            if (ok && v[10] == 'T' && strncmp(v + 11, "00:00", 5) != 0 && strlen(v) >= 16)
                ok = strbuf_printf(out, " %.5s", v + 11);
        } else {
            ok = strbuf_puts(out, v);
        }
    } else if (*v) {
        char *end;
        double d = strtod(v, &end);
        if (!(is_date_style(s) && !*end && serial_text(s, d, out)))
            ok = number_text(v, out);
    }
    return ok ? ST_OK : status_set(ST_NOMEM, "%s", _("out of memory"));
}

static bool grow_cells(struct sheet *s, size_t need)
{
    if (need <= s->capcells)
        return true;
    size_t cap = mem_next_cap(s->capcells, need, 32);
    if (!cap || !mem_resize(&s->cells, cap, sizeof *s->cells) ||
        !mem_resize(&s->fields, cap, sizeof *s->fields))
        return false;
    for (size_t i = s->capcells; i < cap; i++)
        s->cells[i] = (struct strbuf)STRBUF_INIT;
    s->capcells = cap;
    return true;
}

static void start_row(struct sheet *s, const char **atts)
{
    const char *r = xlsx_attr(atts, "r");
    long n = r ? strtol(r, NULL, 10) : 0;
    s->row = n > 0 ? (size_t)n : s->next_row;
    s->next_row = s->row + 1;
    for (size_t i = 0; i < s->ncells; i++)
        strbuf_reset(&s->cells[i]);
    s->ncells = 0;
    s->next_col = 0;
}

static void start_cell(struct sheet *s, const char **atts)
{
    const char *r = xlsx_attr(atts, "r"), *t = xlsx_attr(atts, "t"), *st = xlsx_attr(atts, "s");
    long col = r ? column_of(r) : (long)s->next_col;
    if (col < 0 || col >= XLSX_MAX_COLS) {
        xlsx_stop(s->x, status_set(ST_INVALID, _("%s: row %zu: a cell beyond the last column (%s)"), s->x->path,
                                   s->row, r ? r : "?"));
        return;
    }
    s->col = (size_t)col;
    s->next_col = s->col + 1;
    snprintf(s->type, sizeof s->type, "%s", t ? t : "n");
    s->style = st ? strtol(st, NULL, 10) : -1;
    s->in_cell = true;
    strbuf_reset(&s->val);
}

static void on_start(void *ud, const char *el, const char **atts)
{
    struct sheet *s = ud;
    const char *name = xlsx_local(el);
    if (strcmp(name, "row") == 0)
        start_row(s, atts);
    else if (strcmp(name, "c") == 0)
        start_cell(s, atts);
    else if (s->in_cell && strcmp(name, "is") == 0)
        s->in_inline = true;
    else if (s->in_cell && (strcmp(name, "v") == 0 || (s->in_inline && strcmp(name, "t") == 0)))
        s->in_value = true;
}

static void end_cell(struct sheet *s)
{
    s->in_cell = s->in_inline = false;
    if (!grow_cells(s, s->col + 1)) {
        xlsx_stop(s->x, status_set(ST_NOMEM, "%s", _("out of memory")));
        return;
    }
    if (s->col >= s->ncells)
        s->ncells = s->col + 1;
    strbuf_reset(&s->cells[s->col]);
    enum status st = cell_text(s, &s->cells[s->col]);
    if (st != ST_OK)
        xlsx_stop(s->x, st);
}

static void end_row(struct sheet *s)
{
    bool blank = true;
    if (s->ncells > s->width)
        s->width = s->ncells;
    for (size_t i = s->ncells; i < s->width; i++)
        strbuf_reset(&s->cells[i]); /* a sheet leaves out empty cells at the end */
    s->ncells = s->width;
    for (size_t i = 0; i < s->ncells; i++) {
        s->fields[i] = (char *)strbuf_str(&s->cells[i]);
        blank = blank && !*s->fields[i];
    }
    if (blank)
        return;
    struct csv_row row = {s->row, s->ncells, s->fields};
    s->x->records++;
    enum status st = s->fn(&row, s->ctx);
    if (st != ST_OK)
        xlsx_stop(s->x, st);
}

static void on_end(void *ud, const char *el)
{
    struct sheet *s = ud;
    const char *name = xlsx_local(el);
    if (strcmp(name, "v") == 0 || strcmp(name, "t") == 0)
        s->in_value = false;
    else if (strcmp(name, "c") == 0 && s->in_cell)
        end_cell(s);
    else if (strcmp(name, "row") == 0)
        end_row(s);
}

static void on_text(void *ud, const char *t, int len)
{
    struct sheet *s = ud;
    if (s->in_value && !strbuf_append(&s->val, t, (size_t)len))
        xlsx_stop(s->x, status_set(ST_NOMEM, "%s", _("out of memory")));
}

enum status xlsx_read_sheet(struct xlsx *x, const char *part, csv_row_fn fn, void *ctx)
{
    struct sheet s = {.x = x, .fn = fn, .ctx = ctx, .next_row = 1, .style = -1, .val = STRBUF_INIT};
    enum status st = xlsx_parse_entry(x, part, true, on_start, on_end, on_text, &s, true);
    for (size_t i = 0; i < s.capcells; i++)
        strbuf_free(&s.cells[i]);
    free(s.cells);
    free(s.fields);
    strbuf_free(&s.val);
    return st;
}
