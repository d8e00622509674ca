/* csv_read — libcsv wrapper with line numbers, early stop and streaming. */
#include <config.h>
#include "treem/csv/csv_read.h"
#include "treem/core/i18n.h"
#include "treem/core/strbuf.h"
#include "treem/csv/csv_write.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define CSV_READ_CHUNK 65536

/* The fields of the current record live one after another, NUL-terminated,
 * in one arena that is reused from record to record (no malloc per cell). */
struct reader {
    csv_row_fn fn;
    void *ctx;
    char *arena;
    size_t alen, acap;
    size_t *offs;        /* start of each field in the arena */
    char **fields;       /* built from offs when the record ends */
    size_t nfields, cap;
    size_t line_next;    /* line where the next record starts */
    size_t record_line;  /* line where the current record started */
    size_t inner_nl;     /* newlines inside the current record's fields */
    size_t records;      /* records handed to fn */
    bool unneutralise;   /* strip csv_write's formula apostrophes */
    int last_term;
    enum status st;
};

static bool grow_fields(struct reader *r)
{
    size_t cap = r->cap ? r->cap * 2 : 16;
    size_t *no = realloc(r->offs, cap * sizeof *no);
    if (!no)
        return false;
    r->offs = no;
    char **nf = realloc(r->fields, cap * sizeof *nf);
    if (!nf)
        return false;
    r->fields = nf;
    r->cap = cap;
    return true;
}

static bool grow_arena(struct reader *r, size_t need)
{
    size_t cap = r->acap ? r->acap : 1024;
    while (cap < need)
        cap *= 2;
    char *na = realloc(r->arena, cap);
    if (!na)
        return false;
    r->arena = na;
    r->acap = cap;
    return true;
}

static enum status cell_too_big(size_t line)
{
    return status_set(ST_INVALID, _("line %zu: a cell is longer than %d bytes (the most a cell may hold)"),
                      line, CSV_MAX_CELL_BYTES);
}

static void on_field(void *s, size_t len, void *data)
{
    struct reader *r = data;
    if (r->st != ST_OK)
        return;
    if (r->nfields == 0 && r->inner_nl == 0)
        r->record_line = r->line_next;
    if (r->nfields >= CSV_MAX_COLUMNS) {
        r->st = status_set(ST_INVALID, _("line %zu: more than %d columns (the most a file may have)"),
                           r->record_line, CSV_MAX_COLUMNS);
        return;
    }
    if (len > CSV_MAX_CELL_BYTES) {
        r->st = cell_too_big(r->record_line);
        return;
    }
    if ((r->nfields == r->cap && !grow_fields(r)) ||
        (r->alen + len + 1 > r->acap && !grow_arena(r, r->alen + len + 1))) {
        r->st = status_set(ST_NOMEM, "%s", _("out of memory"));
        return;
    }
    char *copy = r->arena + r->alen;
    if (len)
        memcpy(copy, s, len);
    copy[len] = '\0';
    for (const char *p = copy; (p = memchr(p, '\n', len - (size_t)(p - copy))); p++)
        r->inner_nl++;
    r->offs[r->nfields++] = r->alen;
    r->alen += len + 1;
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
        for (size_t i = 0; i < r->nfields; i++) {
            r->fields[i] = r->arena + r->offs[i];
            if (r->unneutralise && r->fields[i][0] == '\'')
                csv_unneutralise(r->fields[i]);
        }
        struct csv_row row = {r->record_line, r->nfields, r->fields};
        r->records++;
        r->st = r->fn(&row, r->ctx);
    }
    r->line_next = r->record_line + r->inner_nl + 1;
    r->inner_nl = 0;
    r->last_term = c;
    r->nfields = 0;
    r->alen = 0;
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

/* A parser and its reader, fed piece by piece. */
struct parse {
    struct csv_parser p;
    struct reader r;
};

static enum status parse_init(struct parse *ps, csv_row_fn fn, void *ctx)
{
    memset(&ps->r, 0, sizeof ps->r);
    ps->r.fn = fn;
    ps->r.ctx = ctx;
    ps->r.line_next = 1;
    ps->r.last_term = -1;
    ps->r.st = ST_OK;
    if (csv_init(&ps->p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    return ST_OK;
}

/* The line to name in an error: the current record's first line when one
 * has started, else the line the next record would start on. */
static size_t error_line(const struct reader *r)
{
    return r->nfields ? r->record_line : r->line_next;
}

static enum status malformed(struct parse *ps, size_t line)
{
    return ps->r.st = status_set(ST_INVALID, _("line %zu: malformed CSV (%s)"), line,
                                 csv_strerror(csv_error(&ps->p)));
}

static enum status parse_feed(struct parse *ps, const char *data, size_t len)
{
    struct reader *r = &ps->r;
    /* Feed in slices so that a callback's error stops the work early. */
    size_t at = 0;
    while (at < len && r->st == ST_OK) {
        size_t n = len - at < CSV_READ_CHUNK ? len - at : CSV_READ_CHUNK;
        if (csv_parse(&ps->p, data + at, n, on_field, on_record, r) != n)
            return malformed(ps, error_line(r));
        at += n;
        /* libcsv gathers a cell before handing it over: refuse a huge one
         * while it grows, not at its end (its buffer grows by 128 bytes). */
        if (r->st == ST_OK && csv_get_buffer_size(&ps->p) > CSV_MAX_CELL_BYTES + 256)
            return r->st = cell_too_big(error_line(r));
    }
    return r->st;
}

static enum status parse_finish(struct parse *ps)
{
    if (ps->r.st == ST_OK && csv_fini(&ps->p, on_field, on_record, &ps->r) != 0)
        return malformed(ps, error_line(&ps->r));
    return ps->r.st;
}

static void parse_free(struct parse *ps)
{
    free(ps->r.arena);
    free(ps->r.offs);
    free(ps->r.fields);
    csv_free(&ps->p);
}

static size_t skip_bom(const char *data, size_t len)
{
    return len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

enum status csv_read_buffer(const char *data, size_t len, char sep,
                            csv_row_fn fn, void *ctx)
{
    size_t bom = skip_bom(data, len);
    data += bom;
    len -= bom;
    struct parse ps;
    enum status st = parse_init(&ps, fn, ctx);
    if (st != ST_OK)
        return st;
    csv_set_delim(&ps.p, (unsigned char)(sep ? sep : csv_detect_sep(data, len)));
    st = parse_feed(&ps, data, len);
    if (st == ST_OK)
        st = parse_finish(&ps);
    parse_free(&ps);
    return st;
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

enum status csv_open_regular(const char *path, bool no_links, FILE **out)
{
    /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (no_links ? O_NOFOLLOW : 0));
    if (fd < 0) {
        if (errno == ELOOP)
            return status_set(ST_INVALID, _("%s is a link, not a file: refused"), path);
        return status_set(ST_IO, _("cannot open %s: %s"), path, strerror(errno));
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        close(fd);
        return status_set(ST_INVALID, _("%s is not a regular file (a device, pipe or folder): refused"), path);
    }
    int fl = fcntl(fd, F_GETFL);
    FILE *f = fl >= 0 && fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == 0 ? fdopen(fd, "rb") : NULL;
    if (!f) {
        close(fd);
        return status_set(ST_IO, _("cannot open %s: %s"), path, strerror(errno));
    }
    *out = f;
    return ST_OK;
}

/* Pass one: is the file UTF-8? Leaves the answer in info->encoding. */
static enum status scan_file(FILE *f, const char *path, char *chunk, struct csv_read_info *info)
{
    struct csv_utf8_scan sc;
    csv_utf8_scan_init(&sc);
    size_t got;
    while ((got = fread(chunk, 1, CSV_READ_CHUNK, f)) > 0)
        csv_utf8_scan_feed(&sc, chunk, got);
    if (ferror(f))
        return status_set(ST_IO, _("cannot read %s"), path);
    info->encoding = csv_utf8_scan_result(&sc);
    return csv_utf8_scan_check(&sc);
}

/* Hands decoded text to the parser; the first text also gives the BOM and
 * the separator. */
static enum status parse_text(struct parse *ps, struct csv_read_info *info, char sep,
                              bool *started, const char *text, size_t len)
{
    if (!*started) {
        if (len == 0)
            return ST_OK;
        size_t bom = skip_bom(text, len);
        info->bom = bom > 0;
        text += bom;
        len -= bom;
        info->sep = sep ? sep : csv_detect_sep(text, len);
        csv_set_delim(&ps->p, (unsigned char)info->sep);
        *started = true;
    }
    return parse_feed(ps, text, len);
}

/* Pass two: read, decode, parse, report progress. */
static enum status stream_file(FILE *f, const char *path, char *chunk,
                               const struct csv_read_opts *opts, struct parse *ps,
                               struct csv_decoder *d, struct csv_read_info *info)
{
    struct strbuf text = STRBUF_INIT;
    enum status st = ST_OK;
    bool started = false, last = false;
    size_t done = 0;
    while (st == ST_OK && !last) {
        size_t got = fread(chunk, 1, CSV_READ_CHUNK, f);
        if (ferror(f)) {
            st = status_set(ST_IO, _("cannot read %s"), path);
            break;
        }
        last = got < CSV_READ_CHUNK;
        done += got;
        strbuf_reset(&text);
        st = csv_decoder_feed(d, chunk, got, last, &text);
        if (st == ST_OK)
            st = parse_text(ps, info, opts->sep, &started, text.buf, text.len);
        if (st == ST_OK && opts->progress && !opts->progress(done, info->bytes, opts->progress_ctx))
            st = status_set(ST_CANCELLED, "%s", _("cancelled"));
    }
    strbuf_free(&text);
    if (!started)
        info->sep = opts->sep ? opts->sep : ',';
    if (st == ST_OK)
        st = parse_finish(ps);
    return st;
}

enum status csv_read_file(const char *path, const struct csv_read_opts *opts,
                          csv_row_fn fn, void *ctx, struct csv_read_info *info)
{
    static const struct csv_read_opts defaults = {0, true, NULL, NULL, false};
    struct csv_read_info scratch;
    if (!info)
        info = &scratch;
    memset(info, 0, sizeof *info);
    if (!opts)
        opts = &defaults;
    FILE *f = NULL;
    enum status st0 = csv_open_regular(path, false, &f);
    if (st0 != ST_OK)
        return st0;
    struct stat sb;
    if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode))
        info->bytes = (size_t)sb.st_size;
    char *chunk = malloc(CSV_READ_CHUNK);
    struct csv_decoder *d = NULL;
    struct parse ps;
    bool parsing = false;
    enum status st = chunk ? scan_file(f, path, chunk, info)
                           : status_set(ST_NOMEM, "%s", _("out of memory"));
    if (st == ST_OK) {
        rewind(f);
        st = csv_decoder_new(info->encoding, opts->nfc, &d);
    }
    if (st == ST_OK && (st = parse_init(&ps, fn, ctx)) == ST_OK) {
        parsing = true;
        ps.r.unneutralise = opts->unneutralise;
        st = stream_file(f, path, chunk, opts, &ps, d, info);
        info->records = ps.r.records;
    }
    if (parsing)
        parse_free(&ps);
    csv_decoder_free(d);
    free(chunk);
    fclose(f);
    return st;
}
