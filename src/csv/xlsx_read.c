/* xlsx_read — the parts of a workbook: which sheet, its shared strings and
 * date styles (the sheet itself is streamed by xlsx_sheet.c). */
#include <config.h>
#include "treem/csv/xlsx_read.h"
#include "xlsx_internal.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"
#include "treem/csv/csv_legacy.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

bool xlsx_is_path(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    return n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0;
}

const char *xlsx_local(const char *name)
{
    const char *colon = strrchr(name, ':');
    return colon ? colon + 1 : name;
}

const char *xlsx_attr(const char **atts, const char *name)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (strcmp(xlsx_local(atts[i]), name) == 0)
            return atts[i + 1];
    return NULL;
}

/* ------------------------------------------------------------ entries */

enum status xlsx_parse_entry(struct xlsx *x, const char *name, bool needed, XML_StartElementHandler start,
                             XML_EndElementHandler end, XML_CharacterDataHandler text, void *ud,
                             bool progress)
{
    zip_int64_t idx = zip_name_locate(x->zip, name, ZIP_FL_NOCASE);
    if (idx < 0)
        return needed ? status_set(ST_INVALID, _("%s: not a workbook (it lacks %s)"), x->path, name) : ST_OK;
    zip_stat_t zs;
    zip_uint64_t total = zip_stat_index(x->zip, (zip_uint64_t)idx, 0, &zs) == 0 ? zs.size : 0;
    zip_file_t *zf = zip_fopen_index(x->zip, (zip_uint64_t)idx, 0);
    XML_Parser p = zf ? XML_ParserCreate("UTF-8") : NULL;
    char *buf = p ? malloc(XLSX_CHUNK) : NULL;
    enum status st = buf ? ST_OK : status_set(ST_NOMEM, "%s", _("out of memory"));
    if (!zf)
        st = status_set(ST_INVALID, _("%s: cannot read %s of the workbook"), x->path, name);
    if (st == ST_OK) {
        x->parser = p;
        XML_SetUserData(p, ud);
        XML_SetElementHandler(p, start, end);
        XML_SetCharacterDataHandler(p, text);
    }
    zip_uint64_t done = 0;
    for (bool last = false; st == ST_OK && !last;) {
        zip_int64_t got = zip_fread(zf, buf, XLSX_CHUNK);
        if (got < 0) {
            st = status_set(ST_INVALID, _("%s: the workbook is damaged (%s)"), x->path, name);
            break;
        }
        last = got == 0;
        done += (zip_uint64_t)got;
        if (XML_Parse(p, buf, (int)got, last) == XML_STATUS_ERROR)
            st = x->st != ST_OK ? x->st
                                : status_set(ST_INVALID, _("%s: the workbook is damaged (%s, line %lu: %s)"), x->path,
                                             name, (unsigned long)XML_GetCurrentLineNumber(p),
                                             XML_ErrorString(XML_GetErrorCode(p)));
        if (st == ST_OK && progress && x->progress && !x->progress((size_t)done, (size_t)total, x->progress_ctx))
            st = status_set(ST_CANCELLED, "%s", _("cancelled"));
    }
    free(buf);
    x->parser = NULL;
    if (p)
        XML_ParserFree(p);
    if (zf)
        zip_fclose(zf);
    return st;
}

void xlsx_stop(struct xlsx *x, enum status st)
{
    if (x->st == ST_OK)
        x->st = st;
    XML_StopParser(x->parser, XML_FALSE);
}

/* ----------------------------------------------------------- workbook */

struct book {
    struct xlsx *x;
    struct strbuf names;      /* the sheets' names, for a message */
    char *want_rid;           /* the chosen sheet's relation id */
    const char *want;         /* --sheet, or NULL */
    char *target;             /* its part */
};

static bool same_name(const char *a, const char *b)
{
    char *fa = utf8_fold(a), *fb = utf8_fold(b);
    bool same = fa && fb && strcmp(fa, fb) == 0;
    free(fa);
    free(fb);
    return same;
}

static void book_start(void *ud, const char *el, const char **atts)
{
    struct book *b = ud;
    if (strcmp(xlsx_local(el), "workbookPr") == 0) {
        const char *d = xlsx_attr(atts, "date1904");
        b->x->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
    }
    if (strcmp(xlsx_local(el), "sheet") != 0)
        return;
    const char *name = xlsx_attr(atts, "name"), *rid = xlsx_attr(atts, "id");
    if (!name || !rid)
        return;
    strbuf_printf(&b->names, "%s\"%s\"", b->names.len ? ", " : "", name);
    if (!b->want_rid && (!b->want || same_name(b->want, name))) {
        b->want_rid = strdup(rid);
        snprintf(b->x->sheet, sizeof b->x->sheet, "%s", name);
    }
}

static void rels_start(void *ud, const char *el, const char **atts)
{
    struct book *b = ud;
    const char *id = xlsx_attr(atts, "Id"), *target = xlsx_attr(atts, "Target");
    if (strcmp(xlsx_local(el), "Relationship") != 0 || !id || !target || !b->want_rid ||
        strcmp(id, b->want_rid) != 0 || b->target)
        return;
    if (target[0] == '/')
        b->target = strdup(target + 1);
    else if ((b->target = malloc(strlen(target) + 4)) != NULL)
        sprintf(b->target, "xl/%s", target);
}

static void no_end(void *ud, const char *el)
{
    (void)ud;
    (void)el;
}

enum status xlsx_find_sheet(struct xlsx *x, const char *want, char **part)
{
    struct book b = {x, STRBUF_INIT, NULL, want, NULL};
    enum status st = xlsx_parse_entry(x, "xl/workbook.xml", true, book_start, no_end, NULL, &b, false);
    if (st == ST_OK && !b.want_rid)
        st = want ? status_set(ST_NOTFOUND, _("%s: no sheet \"%s\" (the sheets: %s)"), x->path, want,
                               strbuf_str(&b.names))
                  : status_set(ST_INVALID, _("%s: the workbook has no sheet"), x->path);
    if (st == ST_OK)
        st = xlsx_parse_entry(x, "xl/_rels/workbook.xml.rels", true, rels_start, no_end, NULL, &b, false);
    if (st == ST_OK && !b.target)
        st = status_set(ST_INVALID, _("%s: the workbook is damaged (sheet \"%s\" has no part)"), x->path,
                        x->sheet);
    strbuf_free(&b.names);
    free(b.want_rid);
    *part = st == ST_OK ? b.target : NULL;
    if (st != ST_OK)
        free(b.target);
    return st;
}

/* ------------------------------------------------------------- styles */

struct styles {
    struct xlsx *x;
    int depth_xfs;            /* inside <cellXfs> */
    int custom[64];           /* custom number formats that show dates */
    size_t ncustom;
};

/* True when a format code shows a date: d, m or y outside quotes and
 * brackets (not "0.00", not "[Red]0"). */
static bool date_code(const char *code)
{
    bool quoted = false, bracket = false;
    for (const char *p = code; *p; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (!quoted && *p == '[')
            bracket = true;
        else if (!quoted && *p == ']')
            bracket = false;
        else if (!quoted && !bracket && *p == '\\' && p[1])
            p++;
        else if (!quoted && !bracket && strchr("dDyY", *p))
            return true;
    }
    return false;
}

static bool builtin_date(int id)
{
    return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

static void styles_start(void *ud, const char *el, const char **atts)
{
    struct styles *s = ud;
    const char *name = xlsx_local(el);
    if (strcmp(name, "numFmt") == 0) {
        const char *id = xlsx_attr(atts, "numFmtId"), *code = xlsx_attr(atts, "formatCode");
        if (id && code && date_code(code) && s->ncustom < sizeof s->custom / sizeof *s->custom)
            s->custom[s->ncustom++] = (int)strtol(id, NULL, 10);
    } else if (strcmp(name, "cellXfs") == 0) {
        s->depth_xfs = 1;
    } else if (s->depth_xfs && strcmp(name, "xf") == 0) {
        const char *id = xlsx_attr(atts, "numFmtId");
        int fmt = id ? (int)strtol(id, NULL, 10) : 0;
        bool date = builtin_date(fmt);
        for (size_t i = 0; !date && i < s->ncustom; i++)
            date = s->custom[i] == fmt;
        bool *nd = realloc(s->x->date_xf, (s->x->nxf + 1) * sizeof *nd);
        if (!nd)
            return;
        s->x->date_xf = nd;
        s->x->date_xf[s->x->nxf++] = date;
    }
}

static void styles_end(void *ud, const char *el)
{
    struct styles *s = ud;
    if (strcmp(xlsx_local(el), "cellXfs") == 0)
        s->depth_xfs = 0;
}

enum status xlsx_load_styles(struct xlsx *x)
{
    struct styles s = {x, 0, {0}, 0};
    return xlsx_parse_entry(x, "xl/styles.xml", false, styles_start, styles_end, NULL, &s, false);
}

/* ----------------------------------------------------- shared strings */

struct sst {
    struct xlsx *x;
    bool in_si, in_t, in_ph;  /* inside <si>, <t>, a phonetic run <rPh> */
    struct strbuf cur;
};

static void sst_start(void *ud, const char *el, const char **atts)
{
    struct sst *s = ud;
    const char *name = xlsx_local(el);
    (void)atts;
    if (strcmp(name, "si") == 0) {
        s->in_si = true;
        strbuf_reset(&s->cur);
    } else if (strcmp(name, "rPh") == 0) {
        s->in_ph = true;
    } else if (strcmp(name, "t") == 0 && s->in_si && !s->in_ph) {
        s->in_t = true;
    }
}

static void sst_end(void *ud, const char *el)
{
    struct sst *s = ud;
    struct xlsx *x = s->x;
    const char *name = xlsx_local(el);
    if (strcmp(name, "t") == 0) {
        s->in_t = false;
    } else if (strcmp(name, "rPh") == 0) {
        s->in_ph = false;
    } else if (strcmp(name, "si") == 0) {
        s->in_si = false;
        if (x->nsst == x->capsst) {
            size_t cap = x->capsst ? x->capsst * 2 : 256;
            char **ns = realloc(x->sst, cap * sizeof *ns);
            if (!ns)
                return;
            x->sst = ns;
            x->capsst = cap;
        }
        x->sst[x->nsst++] = strdup(strbuf_str(&s->cur));
    }
}

static void sst_text(void *ud, const char *t, int len)
{
    struct sst *s = ud;
    if (s->in_t)
        strbuf_append(&s->cur, t, (size_t)len);
}

enum status xlsx_load_strings(struct xlsx *x)
{
    struct sst s = {x, false, false, false, STRBUF_INIT};
    enum status st = xlsx_parse_entry(x, "xl/sharedStrings.xml", false, sst_start, sst_end, sst_text, &s, false);
    strbuf_free(&s.cur);
    for (size_t i = 0; st == ST_OK && i < x->nsst; i++)
        if (!x->sst[i])
            st = status_set(ST_NOMEM, "%s", _("out of memory"));
    return st;
}

/* --------------------------------------------------------------- text */

enum status xlsx_choose_font(struct xlsx *x, enum csv_force force)
{
    if (force == CSV_FORCE_TCVN3 || force == CSV_FORCE_VNI) {
        x->font = force == CSV_FORCE_TCVN3 ? CSV_FONT_TCVN3 : CSV_FONT_VNI;
        return ST_OK;
    }
    struct strbuf sample = STRBUF_INIT;
    bool ok = strbuf_append(&sample, "", 0);
    for (size_t i = 0; ok && i < x->nsst && sample.len < XLSX_SAMPLE; i++)
        ok = strbuf_puts(&sample, x->sst[i]) && strbuf_puts(&sample, "\n");
    enum csv_font font = CSV_FONT_UNICODE;
    enum status st = ok ? csv_legacy_guess(sample.buf, sample.len, NULL, 0, CSV_ENC_UTF8, &font)
                        : status_set(ST_NOMEM, "%s", _("out of memory"));
    strbuf_free(&sample);
    x->font = (int)font;
    if (st == ST_INVALID)
        return status_set(ST_INVALID, "%s: %s", x->path, status_message());
    return st;
}

char *xlsx_text(const struct xlsx *x, const char *s, size_t n)
{
    struct strbuf sb = STRBUF_INIT;
    bool ok = x->font == CSV_FONT_UNICODE ? strbuf_append(&sb, s, n)
                                          : csv_font_to_utf8((enum csv_font)x->font, false, s, n, &sb);
    if (!ok || !strbuf_append(&sb, "", 0)) {
        strbuf_free(&sb);
        return NULL;
    }
    if (x->font == CSV_FONT_UNICODE && csv_nfc_quick(sb.buf, sb.len))
        return strbuf_take(&sb);
    char *nfc = utf8_nfc(sb.buf);
    strbuf_free(&sb);
    return nfc;
}

/* The shared strings in the chosen font and NFC. */
static enum status convert_strings(struct xlsx *x)
{
    for (size_t i = 0; i < x->nsst; i++) {
        char *t = xlsx_text(x, x->sst[i], strlen(x->sst[i]));
        if (!t)
            return status_set(ST_NOMEM, "%s", _("out of memory"));
        free(x->sst[i]);
        x->sst[i] = t;
    }
    return ST_OK;
}

static void xlsx_free(struct xlsx *x)
{
    for (size_t i = 0; i < x->nsst; i++)
        free(x->sst[i]);
    free(x->sst);
    free(x->date_xf);
    if (x->zip)
        zip_discard(x->zip);
}

enum status xlsx_read_file(const char *path, const struct xlsx_read_opts *opts, csv_row_fn fn, void *ctx,
                           struct csv_read_info *info)
{
    static const struct xlsx_read_opts none = {0};
    struct csv_read_info scratch;
    opts = opts ? opts : &none;
    info = info ? info : &scratch;
    memset(info, 0, sizeof *info);
    struct stat sb;
    if (stat(path, &sb) != 0)
        return status_set(ST_IO, _("cannot open %s: %s"), path, i18n_strerror(errno));
    info->bytes = (size_t)sb.st_size;
    struct xlsx x = {.path = path, .progress = opts->progress, .progress_ctx = opts->progress_ctx, .st = ST_OK};
    int err = 0;
    x.zip = zip_open(path, ZIP_RDONLY, &err);
    if (!x.zip)
        return status_set(ST_IO, _("cannot open %s: it is not an .xlsx workbook (not a zip file)"), path);
    char *part = NULL;
    enum status st = xlsx_find_sheet(&x, opts->sheet, &part);
    if (st == ST_OK)
        st = xlsx_load_styles(&x);
    if (st == ST_OK)
        st = xlsx_load_strings(&x);
    if (st == ST_OK)
        st = xlsx_choose_font(&x, opts->force);
    if (st == ST_OK)
        st = convert_strings(&x);
    info->font = x.font;
    if (st == ST_OK)
        st = xlsx_read_sheet(&x, part, fn, ctx);
    info->records = x.records;
    info->xlsx = true;
    snprintf(info->sheet, sizeof info->sheet, "%s", x.sheet);
    free(part);
    xlsx_free(&x);
    return st;
}
