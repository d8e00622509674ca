/* xlsx_write — workbooks through libxlsxwriter. */
#include <config.h>
#include "treem/csv/xlsx_write.h"
#include "treem/core/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

struct xlsx_out {
    char *path;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *bold, *day, *minute;
    lxw_row_t row;
    lxw_col_t col;
    enum status st;            /* the first failure, kept */
};

static enum status failed(struct xlsx_out *o, lxw_error err)
{
    if (o->st == ST_OK)
        o->st = status_set(ST_IO, _("cannot write %s: %s"), o->path, lxw_strerror(err));
    return o->st;
}

enum status xlsx_out_open(const char *path, struct xlsx_out **out)
{
    *out = NULL;
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return status_set(ST_IO, _("cannot write %s: %s"), path, i18n_strerror(errno));
    fchmod(fd, 0600);
    close(fd);
    struct xlsx_out *o = calloc(1, sizeof *o);
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_TRUE};
    if (o && (o->path = strdup(path)) != NULL)
        o->wb = workbook_new_opt(path, &opt);
    if (!o || !o->path || !o->wb) {
        if (o)
            free(o->path);
        free(o);
        remove(path);
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    o->bold = workbook_add_format(o->wb);
    format_set_bold(o->bold);
    o->day = workbook_add_format(o->wb);
    format_set_num_format(o->day, "dd/mm/yyyy");
    o->minute = workbook_add_format(o->wb);
    format_set_num_format(o->minute, "dd/mm/yyyy hh:mm");
    o->st = ST_OK;
    *out = o;
    return ST_OK;
}

enum status xlsx_out_sheet(struct xlsx_out *o, const char *name)
{
    char clean[32 * 4];
    size_t j = 0, chars = 0;
    for (const char *p = name ? name : ""; *p && j + 4 < sizeof clean && chars < 31; p++) {
        unsigned char c = (unsigned char)*p;
        clean[j++] = strchr("[]:*?/\\", c) ? '-' : (char)c;
        if ((c & 0xC0) != 0x80 && (p[1] & 0xC0) != 0x80)
            chars++;
    }
    while (j > 0 && ((unsigned char)clean[j - 1] & 0xC0) == 0xC0)
        j--; /* never end inside a character */
    clean[j] = '\0';
    o->ws = workbook_add_worksheet(o->wb, j ? clean : NULL);
    o->row = 0;
    o->col = 0;
    if (!o->ws)
        return failed(o, LXW_ERROR_SHEETNAME_ALREADY_USED);
    return o->st;
}

enum status xlsx_out_header(struct xlsx_out *o, const char *const *texts, size_t n)
{
    for (size_t i = 0; i < n && o->st == ST_OK; i++) {
        const char *t = texts[i] ? texts[i] : "";
        size_t w = strlen(t);
        worksheet_set_column(o->ws, (lxw_col_t)i, (lxw_col_t)i, w < 10 ? 10 : w > 40 ? 40 : (double)w, NULL);
    }
    for (size_t i = 0; i < n && o->st == ST_OK; i++) {
        lxw_error err = worksheet_write_string(o->ws, o->row, (lxw_col_t)i, texts[i] ? texts[i] : "", o->bold);
        if (err)
            failed(o, err);
    }
    worksheet_freeze_panes(o->ws, 1, 0);
    return o->st == ST_OK ? xlsx_out_end_row(o) : o->st;
}

enum status xlsx_out_text(struct xlsx_out *o, const char *text)
{
    if (o->st == ST_OK && text && *text) {
        lxw_error err = worksheet_write_string(o->ws, o->row, o->col, text, NULL);
        if (err)
            failed(o, err);
    }
    o->col++;
    return o->st;
}

enum status xlsx_out_number(struct xlsx_out *o, double v)
{
    if (o->st == ST_OK) {
        lxw_error err = worksheet_write_number(o->ws, o->row, o->col, v, NULL);
        if (err)
            failed(o, err);
    }
    o->col++;
    return o->st;
}

enum status xlsx_out_date(struct xlsx_out *o, struct date d, int hour, int min)
{
    if (o->st == ST_OK) {
        lxw_datetime dt = {d.y, d.m, d.d, hour < 0 ? 0 : hour, hour < 0 ? 0 : min, 0};
        lxw_error err = worksheet_write_datetime(o->ws, o->row, o->col, &dt, hour < 0 ? o->day : o->minute);
        if (err)
            failed(o, err);
    }
    o->col++;
    return o->st;
}

/* A plain number as a person writes one: no leading 0 (phones, IDs), at
 * most 9 digits before an optional decimal part. */
static bool plain_number(const char *s)
{
    const char *p = s + (*s == '-');
    size_t digits = 0;
    if (*p == '0' && p[1] && p[1] != '.')
        return false;
    for (; *p >= '0' && *p <= '9'; p++)
        digits++;
    if (digits == 0 || digits > 9)
        return false;
    if (*p == '.') {
        size_t dec = 0;
        for (p++; *p >= '0' && *p <= '9'; p++)
            dec++;
        if (dec == 0)
            return false;
    }
    return *p == '\0';
}

enum status xlsx_out_cell(struct xlsx_out *o, const char *text)
{
    struct date d;
    int hour, min;
    size_t n = text ? strlen(text) : 0;
    if (n == 10 && text[2] == '/' && text[5] == '/' && date_parse(text, &d) == ST_OK)
        return xlsx_out_date(o, d, -1, 0);
    if (n == 16 && text[2] == '/' && text[10] == ' ') {
        char day[11];
        memcpy(day, text, 10);
        day[10] = '\0';
        if (date_parse(day, &d) == ST_OK && date_parse_time(text + 11, &hour, &min) == ST_OK)
            return xlsx_out_date(o, d, hour, min);
    }
    if (n && plain_number(text))
        return xlsx_out_number(o, strtod(text, NULL));
    return xlsx_out_text(o, text);
}

enum status xlsx_out_end_row(struct xlsx_out *o)
{
    o->row++;
    o->col = 0;
    return o->st;
}

enum status xlsx_out_close(struct xlsx_out *o)
{
    if (!o)
        return ST_OK;
    lxw_error err = workbook_close(o->wb);
    o->wb = NULL;
    if (err)
        failed(o, err);
    enum status st = o->st;
    if (st != ST_OK)
        remove(o->path);
    else
        chmod(o->path, 0600);
    free(o->path);
    free(o);
    return st;
}

void xlsx_out_discard(struct xlsx_out *o)
{
    if (!o)
        return;
    if (o->wb) {
        workbook_close(o->wb);
        o->wb = NULL;
    }
    remove(o->path);
    free(o->path);
    free(o);
}
