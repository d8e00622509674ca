/* csv_encoding — UTF-8 detection, Windows-1258 conversion, NFC. */
#include <config.h>
#include "treem/csv/csv_encoding.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"
#include "treem/csv/csv_legacy.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const char *csv_encoding_name(enum csv_encoding enc)
{
    static const char *const names[] = {"UTF-8", "Windows-1258", "mixed", "UTF-16LE", "UTF-16BE",
                                        "8-bit"};
    return (unsigned)enc < sizeof names / sizeof *names ? names[enc] : names[0];
}

void csv_utf8_scan_init(struct csv_utf8_scan *sc)
{
    memset(sc, 0, sizeof *sc);
}

/* After lead byte c: how many continuation bytes, and the range of the
 * first (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF). */
static bool lead(struct csv_utf8_scan *sc, unsigned char c)
{
    static const struct { unsigned char first, last, need, lo, hi; } leads[] = {
        {0xC2, 0xDF, 1, 0x80, 0xBF}, {0xE0, 0xE0, 2, 0xA0, 0xBF}, {0xE1, 0xEC, 2, 0x80, 0xBF},
        {0xED, 0xED, 2, 0x80, 0x9F}, {0xEE, 0xEF, 2, 0x80, 0xBF}, {0xF0, 0xF0, 3, 0x90, 0xBF},
        {0xF1, 0xF3, 3, 0x80, 0xBF}, {0xF4, 0xF4, 3, 0x80, 0x8F},
    };
    for (size_t i = 0; i < sizeof leads / sizeof *leads; i++) {
        if (c >= leads[i].first && c <= leads[i].last) {
            sc->need = leads[i].need;
            sc->lo = leads[i].lo;
            sc->hi = leads[i].hi;
            return true;
        }
    }
    sc->lo = 0x80;
    sc->hi = 0xBF;
    return false;
}

/* Eight plain ASCII bytes, none of them NUL: adds their line ends to the
 * count and returns true. */
static bool ascii8(struct csv_utf8_scan *sc, const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    const uint64_t high = 0x8080808080808080ULL, ones = 0x0101010101010101ULL;
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL, nl = 0x0A0A0A0A0A0A0A0AULL;
    if ((v & high) != 0 || ((v - ones) & ~v & high) != 0)
        return false;
    uint64_t t = v ^ nl; /* a byte is zero where v has '\n' */
    sc->lines += (size_t)__builtin_popcountll(~(((t & low7) + low7) | t | low7));
    return true;
}

static void mark_bad(struct csv_utf8_scan *sc)
{
    if (sc->bad++ == 0)
        sc->bad_line = sc->lines + 1;
    sc->need = 0;
}

/* One byte outside a multi-byte sequence. */
static void scan_start(struct csv_utf8_scan *sc, unsigned char c)
{
    if (c == '\n')
        sc->lines++;
    else if (c == 0 && sc->nul_line == 0)
        sc->nul_line = sc->lines + 1;
    else if (c >= 0x80 && !lead(sc, c))
        mark_bad(sc);
}

void csv_utf8_scan_feed(struct csv_utf8_scan *sc, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (sc->need == 0) {
            while (i + 8 <= n && ascii8(sc, p + i))
                i += 8;
            if (i < n)
                scan_start(sc, p[i++]);
            continue;
        }
        unsigned char c = p[i];
        if (c < sc->lo || c > sc->hi) {
            mark_bad(sc); /* c itself starts afresh */
            continue;
        }
        i++;
        sc->lo = 0x80;
        sc->hi = 0xBF;
        if (--sc->need == 0)
            sc->good++;
    }
}

enum csv_encoding csv_utf8_scan_result(const struct csv_utf8_scan *sc)
{
    size_t bad = sc->bad + (sc->need ? 1 : 0);
    if (bad == 0)
        return CSV_ENC_UTF8;
    return sc->good > bad ? CSV_ENC_MIXED : CSV_ENC_CP1258;
}

enum status csv_utf8_scan_check(const struct csv_utf8_scan *sc)
{
    if (sc->nul_line)
        return status_set(ST_INVALID,
                          _("line %zu: the file contains NUL bytes, so it is not CSV text (in Excel, save it as \"CSV UTF-8\")"),
                          sc->nul_line);
    if (csv_utf8_scan_result(sc) == CSV_ENC_MIXED)
        return status_set(ST_INVALID,
                          _("line %zu: the file is UTF-8 but has bytes that are not UTF-8 (in Excel, save it again as \"CSV UTF-8\")"),
                          sc->bad_line ? sc->bad_line : sc->lines + 1);
    return ST_OK;
}

enum csv_encoding csv_detect_encoding(const char *data, size_t len)
{
    struct csv_utf8_scan sc;
    csv_utf8_scan_init(&sc);
    csv_utf8_scan_feed(&sc, data, len);
    return csv_utf8_scan_result(&sc);
}

bool csv_nfc_quick(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) {
            i++;
        } else if (c >= 0xC2 && c <= 0xCB && i + 1 < n) {
            i += 2; /* U+0080..U+02FF */
        } else if (c == 0xE1 && i + 2 < n && p[i + 1] >= 0xB8 && p[i + 1] <= 0xBB) {
            i += 3; /* U+1E00..U+1EFF */
        } else if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] >= 0x90 &&
                   p[i + 2] <= 0xA7) {
            i += 3; /* U+2010..U+2027 */
        } else {
            return false;
        }
    }
    return true;
}

struct csv_decoder {
    enum csv_encoding enc;
    bool nfc;
    iconv_t cd;
    size_t lines;             /* line ends in the input of earlier calls */
    struct strbuf conv;       /* this call's Windows-1258 input, as UTF-8 */
    struct strbuf carry;      /* decoded text not yet normalised */
    enum csv_font font;       /* legacy font to convert from, or Unicode */
    char pend[8];             /* bytes of a character split between calls */
    size_t npend;
    struct strbuf joined;     /* pend + this call's input */
    struct strbuf remap;      /* this call's text converted from the font */
};

static bool utf16(enum csv_encoding enc)
{
    return enc == CSV_ENC_UTF16LE || enc == CSV_ENC_UTF16BE;
}

enum status csv_decoder_new(enum csv_encoding enc, bool nfc, struct csv_decoder **out)
{
    struct csv_decoder *d = calloc(1, sizeof *d);
    if (!d)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    if (enc == CSV_ENC_MIXED) {
        free(d);
        return status_set(ST_INVALID, "%s", _("the file is not valid UTF-8 text"));
    }
    d->enc = enc;
    d->nfc = nfc || enc == CSV_ENC_CP1258;
    d->cd = (iconv_t)-1;
    if (enc == CSV_ENC_CP1258 || utf16(enc)) {
        const char *from = enc == CSV_ENC_CP1258 ? "CP1258" : enc == CSV_ENC_UTF16LE ? "UTF-16LE" : "UTF-16BE";
        d->cd = iconv_open("UTF-8", from);
        if (d->cd == (iconv_t)-1) {
            free(d);
            return status_set(ST_INVALID, _("this system cannot convert %s text (iconv lacks it)"), from);
        }
        d->nfc = true;
    }
    *out = d;
    return ST_OK;
}

void csv_decoder_free(struct csv_decoder *d)
{
    if (!d)
        return;
    if (d->cd != (iconv_t)-1)
        iconv_close(d->cd);
    strbuf_free(&d->conv);
    strbuf_free(&d->carry);
    strbuf_free(&d->joined);
    strbuf_free(&d->remap);
    free(d);
}

void csv_decoder_set_font(struct csv_decoder *d, int font)
{
    d->font = (enum csv_font)font;
    if (d->font != CSV_FONT_UNICODE)
        d->nfc = true;
}

static size_t count_nl(const char *s, size_t n)
{
    size_t count = 0;
    for (const char *p = s, *end = s + n; (p = memchr(p, '\n', (size_t)(end - p))); p++)
        count++;
    return count;
}

/* Runs iconv over in (or flushes its state when in is NULL) into d->conv. */
static enum status conv_run(struct csv_decoder *d, const char *in, size_t n)
{
    char *ip = (char *)in;
    size_t left = n;
    for (;;) {
        if (!strbuf_reserve(&d->conv, left * 3 + 64))
            return status_set(ST_NOMEM, "%s", _("out of memory"));
        char *op = d->conv.buf + d->conv.len;
        size_t room = d->conv.cap - d->conv.len - 1;
        size_t r = in ? iconv(d->cd, &ip, &left, &op, &room) : iconv(d->cd, NULL, NULL, &op, &room);
        d->conv.len = (size_t)(op - d->conv.buf);
        d->conv.buf[d->conv.len] = '\0';
        if (r != (size_t)-1)
            return ST_OK;
        if (errno == E2BIG)
            continue;
        if (errno == EILSEQ && left > 0 && utf16(d->enc))
            return status_set(ST_INVALID, _("the file is not valid %s text"), csv_encoding_name(d->enc));
        if (errno == EILSEQ && left > 0)
            return status_set(ST_INVALID,
                              _("line %zu: the file is neither UTF-8 nor Windows-1258 text (byte 0x%02X)"),
                              d->lines + count_nl(in, (size_t)(ip - in)) + 1, (unsigned)(unsigned char)*ip);
        if (errno == EINVAL && left > 0 && left <= sizeof d->pend) { /* a character split here */
            memcpy(d->pend, ip, left);
            d->npend = left;
        }
        return ST_OK;
    }
}

/* Appends the NFC form of the first n bytes of d->carry to out. */
static enum status emit_nfc(struct csv_decoder *d, size_t n, struct strbuf *out)
{
    char *s = d->carry.buf;
    if (csv_nfc_quick(s, n))
        return strbuf_append(out, s, n) ? ST_OK : status_set(ST_NOMEM, "%s", _("out of memory"));
    char keep = s[n];
    s[n] = '\0';
    char *nfc = utf8_nfc(s);
    s[n] = keep;
    if (!nfc)
        return status_set(ST_INVALID, "%s", _("the file is not valid UTF-8 text"));
    bool ok = strbuf_append(out, nfc, strlen(nfc));
    free(nfc);
    return ok ? ST_OK : status_set(ST_NOMEM, "%s", _("out of memory"));
}

static enum status normalise(struct csv_decoder *d, const char *text, size_t n, bool last,
                             struct strbuf *out)
{
    size_t old = d->carry.len; /* held text: it has no line end */
    if (n && !strbuf_append(&d->carry, text, n))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    size_t upto = d->carry.len;
    if (upto == 0)
        return ST_OK;
    if (!last) {
        /* a line end never combines with its neighbours: a safe cut */
        while (upto > old && d->carry.buf[upto - 1] != '\n')
            upto--;
        if (upto == old)
            return ST_OK;
    }
    /* upto > 0 here, so carry.buf is allocated */
    enum status st = emit_nfc(d, upto, out);
    if (st != ST_OK)
        return st;
    size_t rest = d->carry.len - upto;
    memmove(d->carry.buf, d->carry.buf + upto, rest + 1);
    d->carry.len = rest;
    return ST_OK;
}

/* Where the last whole UTF-8 character of s ends (a sequence cut by the
 * end of the chunk is left for the next call). */
static size_t whole_utf8(const char *s, size_t n)
{
    for (size_t back = 1; back <= 3 && back <= n; back++) {
        unsigned char c = (unsigned char)s[n - back];
        if ((c & 0xC0) == 0x80)
            continue;
        size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        return need > back ? n - back : n;
    }
    return n;
}

/* text (this call's decoded input) read in the legacy font into d->remap. */
static enum status remap(struct csv_decoder *d, const char *text, size_t len, bool last,
                         const char **out, size_t *outlen)
{
    bool bytes = d->enc == CSV_ENC_BYTES;
    struct strbuf *j = &d->joined;
    strbuf_reset(j);
    strbuf_reset(&d->remap);
    if (!bytes && d->npend && d->cd == (iconv_t)-1) {
        if (!strbuf_append(j, d->pend, d->npend))
            return status_set(ST_NOMEM, "%s", _("out of memory"));
        d->npend = 0;
    }
    if (len && !strbuf_append(j, text, len))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    size_t upto = bytes || last || d->cd != (iconv_t)-1 ? j->len : whole_utf8(j->buf, j->len);
    if (upto < j->len) {
        d->npend = j->len - upto;
        memcpy(d->pend, j->buf + upto, d->npend);
    }
    if (upto && !csv_font_to_utf8(d->font, bytes, j->buf, upto, &d->remap))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    *out = d->remap.len ? d->remap.buf : "";
    *outlen = d->remap.len;
    return ST_OK;
}

/* Runs iconv over pend + in (a character split by the last call first). */
static enum status convert(struct csv_decoder *d, const char *in, size_t n, bool last)
{
    strbuf_reset(&d->conv);
    enum status st = ST_OK;
    if (d->npend) {
        strbuf_reset(&d->joined);
        if (!strbuf_append(&d->joined, d->pend, d->npend) || (n && !strbuf_append(&d->joined, in, n)))
            return status_set(ST_NOMEM, "%s", _("out of memory"));
        d->npend = 0;
        in = d->joined.buf;
        n = d->joined.len;
    }
    st = conv_run(d, in, n);
    if (st == ST_OK && last)
        st = conv_run(d, NULL, 0);
    return st;
}

enum status csv_decoder_feed(struct csv_decoder *d, const char *in, size_t n,
                             bool last, struct strbuf *out)
{
    if (n && !utf16(d->enc) && memchr(in, '\0', n))
        return status_set(ST_INVALID, "%s", _("the file contains NUL bytes, so it is not CSV text"));
    const char *text = in;
    size_t len = n;
    if (d->cd != (iconv_t)-1) {
        enum status st = convert(d, in, n, last);
        if (st != ST_OK)
            return st;
        text = d->conv.buf;
        len = d->conv.len;
    }
    if (d->font != CSV_FONT_UNICODE) {
        enum status st = remap(d, text, len, last, &text, &len);
        if (st != ST_OK)
            return st;
    }
    d->lines += count_nl(in, n);
    if (!d->nfc)
        return !len || strbuf_append(out, text, len) ? ST_OK : status_set(ST_NOMEM, "%s", _("out of memory"));
    return normalise(d, text, len, last, out);
}

enum status csv_decode(const char *data, size_t len, bool nfc, char **out,
                       size_t *outlen, enum csv_encoding *found)
{
    struct csv_utf8_scan sc;
    csv_utf8_scan_init(&sc);
    csv_utf8_scan_feed(&sc, data, len);
    enum csv_encoding enc = csv_utf8_scan_result(&sc);
    if (found)
        *found = enc;
    enum status st = csv_utf8_scan_check(&sc);
    if (st != ST_OK)
        return st;
    struct csv_decoder *d;
    st = csv_decoder_new(enc, nfc, &d);
    if (st != ST_OK)
        return st;
    struct strbuf sb = STRBUF_INIT;
    st = csv_decoder_feed(d, data, len, true, &sb);
    csv_decoder_free(d);
    if (st != ST_OK) {
        strbuf_free(&sb);
        return st;
    }
    *outlen = sb.len;
    *out = strbuf_take(&sb);
    return ST_OK;
}
