/* csv_write — staged, quoting, neutralising CSV output. */
#include <config.h>
#include "treem/csv/csv_write.h"
#include "treem/core/i18n.h"
#include "treem/core/outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void init(struct csv_writer *w, char sep, unsigned flags)
{
    w->flags = flags;
    w->sep = sep ? sep : ',';
    w->row_started = false;
    w->only_empty = false;
    w->rows = 0;
    w->st = ST_OK;
    w->len = 0;
    if (flags & CSV_WRITE_BOM) {
        memcpy(w->buf, "\xEF\xBB\xBF", 3);
        w->len = 3;
    }
}

void csv_writer_init_file(struct csv_writer *w, FILE *f, char sep, unsigned flags)
{
    w->file = f;
    w->sb = NULL;
    init(w, sep, flags);
}

void csv_writer_init_buf(struct csv_writer *w, struct strbuf *sb, char sep, unsigned flags)
{
    w->file = NULL;
    w->sb = sb;
    init(w, sep, flags);
}

/* Moves n bytes at p to the destination, bypassing the staging buffer. */
static enum status sink(struct csv_writer *w, const char *p, size_t n)
{
    if (n == 0 || w->st != ST_OK)
        return w->st;
    if (w->file) {
        if (fwrite(p, 1, n, w->file) != n)
            w->st = status_set(ST_IO, _("cannot write the CSV file: %s"), i18n_strerror(errno));
    } else if (!strbuf_append(w->sb, p, n)) {
        w->st = status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    return w->st;
}

static enum status drain(struct csv_writer *w)
{
    enum status st = sink(w, w->buf, w->len);
    w->len = 0;
    return st;
}

static void put(struct csv_writer *w, const char *p, size_t n)
{
    if (n == 0)
        return;
    if (w->len + n > sizeof w->buf) {
        if (drain(w) != ST_OK)
            return;
        if (n > sizeof w->buf) {
            sink(w, p, n);
            return;
        }
    }
    memcpy(w->buf + w->len, p, n);
    w->len += n;
}

static void put_char(struct csv_writer *w, char c)
{
    if (w->len == sizeof w->buf && drain(w) != ST_OK)
        return;
    w->buf[w->len++] = c;
}

static bool is_danger(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* "-" then digits, optionally one '.' or ',' and more digits. */
static bool is_negative_number(const char *s, size_t n)
{
    size_t i = 1, digits = 0;
    if (n < 2 || s[0] != '-')
        return false;
    while (i < n && is_digit(s[i])) {
        i++;
        digits++;
    }
    if (digits == 0)
        return false;
    if (i < n && (s[i] == '.' || s[i] == ',')) {
        size_t frac = ++i;
        while (i < n && is_digit(s[i]))
            i++;
        if (i == frac)
            return false;
    }
    return i == n;
}

bool csv_needs_neutralise(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] == '\'')
        i++;
    if (i == n || !is_danger(s[i]))
        return false;
    return i > 0 || !is_negative_number(s, n);
}

bool csv_unneutralise(char *s)
{
    size_t i = 0;
    while (s[i] == '\'')
        i++;
    if (i == 0 || !is_danger(s[i]))
        return false;
    memmove(s, s + 1, strlen(s)); /* moves the NUL too */
    return true;
}

static bool needs_quotes(const struct csv_writer *w, const char *s, size_t n)
{
    if (n == 0)
        return false;
    if (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t')
        return true;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == w->sep || c == '"' || c == '\n' || c == '\r')
            return true;
    }
    return false;
}

static void put_quoted(struct csv_writer *w, bool apostrophe, const char *s, size_t n)
{
    put_char(w, '"');
    if (apostrophe)
        put_char(w, '\'');
    const char *end = s + n;
    while (s < end) {
        const char *q = memchr(s, '"', (size_t)(end - s));
        size_t seg = q ? (size_t)(q - s) + 1 : (size_t)(end - s);
        put(w, s, seg);
        if (q)
            put_char(w, '"');
        s += seg;
    }
    put_char(w, '"');
}

enum status csv_write_cell_n(struct csv_writer *w, const char *s, size_t n)
{
    if (w->st != ST_OK)
        return w->st;
    if (!s)
        n = 0;
    w->only_empty = !w->row_started && n == 0;
    if (w->row_started)
        put_char(w, w->sep);
    w->row_started = true;
    bool apostrophe = (w->flags & CSV_WRITE_NEUTRALISE) && csv_needs_neutralise(s, n);
    if (needs_quotes(w, s, n)) {
        put_quoted(w, apostrophe, s, n);
    } else {
        if (apostrophe)
            put_char(w, '\'');
        put(w, s, n);
    }
    return w->st;
}

enum status csv_write_cell(struct csv_writer *w, const char *s)
{
    return csv_write_cell_n(w, s, s ? strlen(s) : 0);
}

enum status csv_write_int(struct csv_writer *w, long long v)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%lld", v);
    if (w->st != ST_OK)
        return w->st;
    if (w->row_started)
        put_char(w, w->sep);
    w->row_started = true;
    w->only_empty = false;
    put(w, tmp, (size_t)n);
    return w->st;
}

enum status csv_write_end_row(struct csv_writer *w)
{
    if (w->st != ST_OK)
        return w->st;
    if (w->only_empty)
        put(w, "\"\"", 2);
    if (w->flags & CSV_WRITE_CRLF)
        put(w, "\r\n", 2);
    else
        put_char(w, '\n');
    w->row_started = false;
    w->only_empty = false;
    w->rows++;
    return w->st;
}

enum status csv_write_row(struct csv_writer *w, const char *const *cells, size_t n)
{
    for (size_t i = 0; i < n; i++)
        csv_write_cell(w, cells[i]);
    return csv_write_end_row(w);
}

enum status csv_writer_flush(struct csv_writer *w)
{
    if (drain(w) != ST_OK)
        return w->st;
    if (w->file && fflush(w->file) != 0)
        w->st = status_set(ST_IO, _("cannot write the CSV file: %s"), i18n_strerror(errno));
    return w->st;
}

enum status csv_write_file(const char *path, unsigned flags,
                           enum status (*fill)(struct csv_writer *w, const void *ctx),
                           const void *ctx)
{
    struct outfile o;
    enum status st = outfile_open(&o, path);
    if (st != ST_OK)
        return st;
    struct csv_writer *w = malloc(sizeof *w); /* 32 KiB: not on the stack */
    if (!w)
        return outfile_close(&o, status_set(ST_NOMEM, "%s", _("out of memory")));
    csv_writer_init_file(w, o.f, ',', flags);
    st = fill(w, ctx);
    if (st == ST_OK)
        st = csv_writer_flush(w);
    free(w);
    return outfile_close(&o, st);
}
