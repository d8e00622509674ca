/* csv_read — libcsv wrapper with line numbers, early stop and streaming. */
#include <config.h>
#include "treem/csv/csv_read.h"
#include "treem/core/i18n.h"
#include "treem/core/mem.h"
#include "treem/core/strbuf.h"
#include "treem/csv/csv_legacy.h"
#include "treem/csv/csv_write.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define CSV_READ_CHUNK 65536
#define CSV_SAMPLE (1024 * 1024)  /* bytes looked at for a legacy font */
#define CSV_SEP_LINES 20          /* lines looked at for the separator */

/* The fields of the current record live one after another, NUL-terminated,
 * in one arena that is reused from record to record (no malloc per cell). */
struct reader {
    csv_row_fn fn;
    void *ctx;
    struct strbuf arena;
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
    size_t cap = mem_next_cap(r->cap, r->nfields + 1, 16);
    if (!cap || !mem_resize(&r->offs, cap, sizeof *r->offs) ||
        !mem_resize(&r->fields, cap, sizeof *r->fields))
        return false;
    r->cap = cap;
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
    size_t at = r->arena.len;
    if ((r->nfields == r->cap && !grow_fields(r)) || !strbuf_reserve(&r->arena, len + 1)) {
        r->st = status_set(ST_NOMEM, "%s", _("out of memory"));
        return;
    }
    char *copy = r->arena.buf + at;
    if (len)
        memcpy(copy, s, len);
    copy[len] = '\0';
    for (const char *p = copy; (p = memchr(p, '\n', len - (size_t)(p - copy))); p++)
        r->inner_nl++;
    r->offs[r->nfields++] = at;
    r->arena.len += len + 1;
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
    bool blank = true;
    for (size_t i = 0; i < r->nfields && blank; i++)
        blank = r->arena.buf[r->offs[i]] == '\0';
    if (r->st == ST_OK && !blank) {
        for (size_t i = 0; i < r->nfields; i++) {
            r->fields[i] = r->arena.buf + r->offs[i];
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
    r->arena.len = 0;
}

char csv_detect_sep(const char *data, size_t len)
{
    size_t commas = 0, semis = 0, tabs = 0, lines = 0;
    bool quoted = false;
    for (size_t i = 0; i < len && lines < CSV_SEP_LINES; i++) {
        char c = data[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == '\n')
            lines++;
        else if (!quoted && c == ',')
            commas++;
        else if (!quoted && c == ';')
            semis++;
        else if (!quoted && c == '\t')
            tabs++;
    }
    if (tabs > commas && tabs > semis)
        return '\t';
    return semis > commas ? ';' : ',';
}

bool csv_force_parse(const char *text, enum csv_force *out)
{
    static const struct { const char *name; enum csv_force f; } names[] = {
        {"auto", CSV_FORCE_AUTO}, {"utf-8", CSV_FORCE_UTF8}, {"utf8", CSV_FORCE_UTF8},
        {"cp1258", CSV_FORCE_CP1258}, {"windows-1258", CSV_FORCE_CP1258}, {"tcvn3", CSV_FORCE_TCVN3},
        {"tcvn", CSV_FORCE_TCVN3}, {"abc", CSV_FORCE_TCVN3}, {"vni", CSV_FORCE_VNI},
    };
    for (size_t i = 0; text && i < sizeof names / sizeof *names; i++) {
        if (strcasecmp(text, names[i].name) == 0) {
            *out = names[i].f;
            return true;
        }
    }
    return false;
}

/* The separator an Excel "sep=X" first line names (its length in *skip,
 * line end included), or 0. */
static char sep_hint(const char *text, size_t len, size_t *skip)
{
    if (len < 5 || strncasecmp(text, "sep=", 4) != 0)
        return 0;
    char c = text[4];
    if (c != ',' && c != ';' && c != '\t' && c != '|')
        return 0;
    size_t i = 5;
    if (i < len && text[i] == '\r')
        i++;
    if (i < len && text[i] == '\n')
        i++;
    else if (i < len && text[i - 1] != '\r')
        return 0;
    *skip = i;
    return c;
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

/* libcsv's complaint in the interface's language. */
static const char *parse_error(int code)
{
    switch (code) {
    case CSV_EPARSE: return _("a quote is not closed, or text follows a closing quote");
    case CSV_ENOMEM: return _("out of memory");
    case CSV_ETOOBIG: return _("a cell is too big");
    default: return csv_strerror(code);
    }
}

static enum status malformed(struct parse *ps, size_t line)
{
    return ps->r.st = status_set(ST_INVALID, _("line %zu: malformed CSV (%s)"), line,
                                 parse_error(csv_error(&ps->p)));
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
    strbuf_free(&ps->r.arena);
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
    size_t skip = 0;
    char hint = sep_hint(data, len, &skip);
    if (hint) {
        data += skip;
        len -= skip;
        ps.r.line_next = 2;
    }
    csv_set_delim(&ps.p, (unsigned char)(sep ? sep : hint ? hint : csv_detect_sep(data, len)));
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
        return status_set(ST_IO, _("cannot open %s: %s"), path, i18n_strerror(errno));
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
        return status_set(ST_IO, _("cannot open %s: %s"), path, i18n_strerror(errno));
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
        return status_set(ST_IO, _("cannot open %s: %s"), path, i18n_strerror(errno));
    }
    *out = f;
    return ST_OK;
}


static enum status read_sample(FILE *f, enum csv_encoding enc, struct strbuf *raw, struct strbuf *text);
static enum status mixed_is_cp1258(FILE *f, const struct csv_utf8_scan *sc, struct csv_read_info *info);

/* Pass one: is the file UTF-8? Leaves the answer in info->encoding. A
 * UTF-16 byte-order mark answers at once. */
static enum status scan_file(FILE *f, const char *path, char *chunk, struct csv_read_info *info)
{
    struct csv_utf8_scan sc;
    csv_utf8_scan_init(&sc);
    size_t got;
    bool first = true;
    while ((got = fread(chunk, 1, CSV_READ_CHUNK, f)) > 0) {
        if (first && got >= 2 && (unsigned char)chunk[0] == 0xFF && (unsigned char)chunk[1] == 0xFE) {
            info->encoding = CSV_ENC_UTF16LE;
            return ST_OK;
        }
        if (first && got >= 2 && (unsigned char)chunk[0] == 0xFE && (unsigned char)chunk[1] == 0xFF) {
            info->encoding = CSV_ENC_UTF16BE;
            return ST_OK;
        }
        first = false;
        csv_utf8_scan_feed(&sc, chunk, got);
    }
    if (ferror(f))
        return status_set(ST_IO, _("cannot read %s"), path);
    info->encoding = csv_utf8_scan_result(&sc);
    if (info->encoding == CSV_ENC_MIXED && !sc.nul_line)
        return mixed_is_cp1258(f, &sc, info); /* Windows-1258 can look like UTF-8 in places */
    return csv_utf8_scan_check(&sc);
}

/* The first megabyte of the file, and the same decoded as enc says. */
static enum status read_sample(FILE *f, enum csv_encoding enc, struct strbuf *raw, struct strbuf *text)
{
    if (!strbuf_append(raw, "", 0) || !strbuf_append(text, "", 0))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    char *buf = malloc(CSV_SAMPLE);
    if (!buf)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    size_t got = fread(buf, 1, CSV_SAMPLE, f);
    bool ok = strbuf_append(raw, buf, got);
    free(buf);
    if (!ok)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    struct csv_decoder *d;
    enum status st = csv_decoder_new(enc, false, &d);
    if (st == ST_OK) {
        st = csv_decoder_feed(d, raw->buf, raw->len, true, text);
        csv_decoder_free(d);
    }
    return st;
}

/* A file that is mostly UTF-8 but not quite: Windows-1258 when that
 * reading of its first megabyte gives Vietnamese words, else refused. */
static enum status mixed_is_cp1258(FILE *f, const struct csv_utf8_scan *sc, struct csv_read_info *info)
{
    struct strbuf raw = STRBUF_INIT, text = STRBUF_INIT;
    rewind(f);
    enum status st = read_sample(f, CSV_ENC_CP1258, &raw, &text);
    struct csv_viet_score score = {0, 0};
    if (st == ST_OK)
        csv_viet_score(text.buf, text.len, &score);
    strbuf_free(&raw);
    strbuf_free(&text);
    if (st == ST_OK && score.good > 0 && score.bad * 10 <= score.good + score.bad) {
        info->encoding = CSV_ENC_CP1258;
        return ST_OK;
    }
    return st == ST_NOMEM ? st : csv_utf8_scan_check(sc);
}

/* The encoding and font to read the file in: as forced, else guessed from
 * a sample (info->encoding holds pass one's answer). */
static enum status choose_font(FILE *f, const struct csv_read_opts *opts, struct csv_read_info *info)
{
    switch (opts->force) {
    case CSV_FORCE_UTF8:
        if (info->encoding != CSV_ENC_UTF8)
            return status_set(ST_INVALID, "%s", _("the file is not UTF-8 text (see --encoding)"));
        return ST_OK;
    case CSV_FORCE_CP1258:
        info->encoding = CSV_ENC_CP1258;
        return ST_OK;
    case CSV_FORCE_TCVN3:
    case CSV_FORCE_VNI:
        info->font = opts->force == CSV_FORCE_TCVN3 ? CSV_FONT_TCVN3 : CSV_FONT_VNI;
        break;
    case CSV_FORCE_AUTO: {
        struct strbuf raw = STRBUF_INIT, text = STRBUF_INIT;
        enum csv_font font = CSV_FONT_UNICODE;
        enum status st = read_sample(f, info->encoding, &raw, &text);
        if (st == ST_OK)
            st = csv_legacy_guess(text.buf, text.len, raw.buf, raw.len, info->encoding, &font);
        strbuf_free(&raw);
        strbuf_free(&text);
        rewind(f);
        info->font = (int)font;
        if (st != ST_OK)
            return st;
        break;
    }
    }
    if (info->font != CSV_FONT_UNICODE && info->encoding == CSV_ENC_CP1258)
        info->encoding = CSV_ENC_BYTES;
    return ST_OK;
}

/* Hands decoded text to the parser; the first text also gives the BOM and
 * the separator. */
static enum status parse_text(struct parse *ps, struct csv_read_info *info, char sep,
                              bool *started, const char *text, size_t len)
{
    if (!*started) {
        if (len == 0)
            return ST_OK;
        size_t bom = skip_bom(text, len), skip = 0;
        info->bom = bom > 0;
        text += bom;
        len -= bom;
        char hint = sep_hint(text, len, &skip);
        if (hint) {
            info->sep_line = true;
            text += skip;
            len -= skip;
            ps->r.line_next = 2;
        }
        info->sep = sep ? sep : hint ? hint : csv_detect_sep(text, len);
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
    static const struct csv_read_opts defaults = {0, true, NULL, NULL, false, CSV_FORCE_AUTO};
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
        st = choose_font(f, opts, info);
    }
    if (st == ST_OK) {
        st = csv_decoder_new(info->encoding, opts->nfc, &d);
        if (st == ST_OK)
            csv_decoder_set_font(d, info->font);
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
