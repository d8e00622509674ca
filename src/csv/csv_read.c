/* csv_read — libcsv wrapper with line numbers and early stop. */
#include <config.h>
#include "treem/csv/csv_read.h"
#include "treem/core/i18n.h"

#include <csv.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct reader {
    csv_row_fn fn;
    void *ctx;
    char **fields;
    size_t nfields, cap;
    size_t line_next;    /* line where the next record starts */
    size_t record_line;  /* line where the current record started */
    size_t inner_nl;     /* newlines inside the current record's fields */
    int last_term;
    enum status st;
    bool nomem;
};

static void on_field(void *s, size_t len, void *data)
{
    struct reader *r = data;
    if (r->st != ST_OK)
        return;
    if (r->nfields == 0 && r->inner_nl == 0)
        r->record_line = r->line_next;
    if (r->nfields == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        char **nf = realloc(r->fields, cap * sizeof *nf);
        if (!nf) {
            r->st = status_set(ST_NOMEM, "%s", _("out of memory"));
            return;
        }
        r->fields = nf;
        r->cap = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy) {
        r->st = status_set(ST_NOMEM, "%s", _("out of memory"));
        return;
    }
    if (len)
        memcpy(copy, s, len);
    copy[len] = '\0';
    for (size_t i = 0; i < len; i++)
        r->inner_nl += copy[i] == '\n';
    r->fields[r->nfields++] = copy;
}

static void clear_fields(struct reader *r)
{
    for (size_t i = 0; i < r->nfields; i++)
        free(r->fields[i]);
    r->nfields = 0;
}

static void on_record(int c, void *data)
{
    struct reader *r = data;
    if (r->nfields == 0) {
        /* a bare line end outside any record (CSV_REPALL_NL); the LF of a
         * CRLF pair was already counted with its CR */
        if (!(c == '\n' && r->last_term == '\r'))
            r->line_next++;
        r->last_term = c;
        return;
    }
    if (r->st == ST_OK) {
        struct csv_row row = {r->record_line, r->nfields, r->fields};
        r->st = r->fn(&row, r->ctx);
    }
    r->line_next = r->record_line + r->inner_nl + 1;
    r->inner_nl = 0;
    r->last_term = c;
    clear_fields(r);
}

char csv_detect_sep(const char *data, size_t len)
{
    size_t commas = 0, semis = 0;
    bool quoted = false;
    for (size_t i = 0; i < len; i++) {
        char c = data[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted && c == ',')
            commas++;
        else if (!quoted && c == ';')
            semis++;
    }
    return semis > commas ? ';' : ',';
}

/* The line to name in an error: the current record's first line when one
 * has started, else the line the next record would start on. */
static size_t error_line(const struct reader *r)
{
    return r->nfields ? r->record_line : r->line_next;
}

enum status csv_read_buffer(const char *data, size_t len, char sep,
                            csv_row_fn fn, void *ctx)
{
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    csv_set_delim(&p, (unsigned char)(sep ? sep : csv_detect_sep(data, len)));
    struct reader r = {.fn = fn, .ctx = ctx, .line_next = 1, .last_term = -1, .st = ST_OK};
    /* Feed in slices so that a callback's error stops the work early. */
    size_t at = 0;
    while (at < len && r.st == ST_OK) {
        size_t n = len - at < 65536 ? len - at : 65536;
        if (csv_parse(&p, data + at, n, on_field, on_record, &r) != n) {
            r.st = status_set(ST_INVALID, _("line %zu: malformed CSV (%s)"),
                              error_line(&r), csv_strerror(csv_error(&p)));
            break;
        }
        at += n;
    }
    if (r.st == ST_OK && csv_fini(&p, on_field, on_record, &r) != 0)
        r.st = status_set(ST_INVALID, _("line %zu: malformed CSV (%s)"),
                          error_line(&r), csv_strerror(csv_error(&p)));
    clear_fields(&r);
    free(r.fields);
    csv_free(&p);
    return r.st;
}

enum status csv_slurp(const char *path, char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return status_set(ST_IO, _("cannot open %s: %s"), path, strerror(errno));
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 65536 + 1 > cap) {
            cap = cap ? cap * 2 : 131072;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                return status_set(ST_NOMEM, "%s", _("out of memory"));
            }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, 65536, f);
        n += got;
        if (got < 65536)
            break;
    }
    bool err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        return status_set(ST_IO, _("cannot read %s"), path);
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return ST_OK;
}
