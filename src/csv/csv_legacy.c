/* csv_legacy — TCVN3 and VNI text: tables, conversion, and the guess. */
#include <config.h>
#include "treem/csv/csv_legacy.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const char *csv_font_name(enum csv_font f)
{
    static const char *const names[] = {"Unicode", "TCVN3", "VNI"};
    return (unsigned)f < sizeof names / sizeof *names ? names[f] : names[0];
}

/* --------------------------------------------------------- UTF-8 */

/* The code point at s (n > 0 bytes left) and its length; a byte that
 * starts no well-formed sequence is returned as itself, length 1. */
static uint32_t next_cp(const unsigned char *s, size_t n, size_t *len)
{
    unsigned char c = s[0];
    size_t need = c >= 0xF0 && c <= 0xF4 ? 3 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xC2 && c <= 0xDF ? 1 : 0;
    uint32_t cp = need == 3 ? c & 0x07u : need == 2 ? c & 0x0Fu : need == 1 ? c & 0x1Fu : c;
    if (need >= n) {
        *len = 1;
        return c;
    }
    for (size_t i = 1; i <= need; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *len = 1;
            return c;
        }
        cp = cp << 6 | (s[i] & 0x3Fu);
    }
    *len = need + 1;
    return cp;
}

static bool put_cp(struct strbuf *out, uint32_t cp)
{
    char buf[8];
    int n = utf8_encode((long)cp, buf);
    return n > 0 && strbuf_append(out, buf, (size_t)n);
}

/* ------------------------------------------------ Vietnamese letters */

enum { VL_UPPER = 1, VL_VOWEL = 2, VL_TONE = 4, VL_MOD = 8, VL_AE = 16 };

/* Every letter of Vietnamese (generated from Unicode's decompositions):
 * code point and VL_ flags, sorted. */
static const struct { uint16_t cp; uint8_t fl; } viet_letters[] = {
    {0x0041, 19}, {0x0042, 1}, {0x0043, 1}, {0x0044, 1}, {0x0045, 19}, {0x0046, 1},
    {0x0047, 1}, {0x0048, 1}, {0x0049, 3}, {0x004A, 1}, {0x004B, 1}, {0x004C, 1},
    {0x004D, 1}, {0x004E, 1}, {0x004F, 3}, {0x0050, 1}, {0x0051, 1}, {0x0052, 1},
    {0x0053, 1}, {0x0054, 1}, {0x0055, 3}, {0x0056, 1}, {0x0057, 1}, {0x0058, 1},
    {0x0059, 3}, {0x005A, 1}, {0x0061, 18}, {0x0062, 0}, {0x0063, 0}, {0x0064, 0},
    {0x0065, 18}, {0x0066, 0}, {0x0067, 0}, {0x0068, 0}, {0x0069, 2}, {0x006A, 0},
    {0x006B, 0}, {0x006C, 0}, {0x006D, 0}, {0x006E, 0}, {0x006F, 2}, {0x0070, 0},
    {0x0071, 0}, {0x0072, 0}, {0x0073, 0}, {0x0074, 0}, {0x0075, 2}, {0x0076, 0},
    {0x0077, 0}, {0x0078, 0}, {0x0079, 2}, {0x007A, 0}, {0x00C0, 23}, {0x00C1, 23},
    {0x00C2, 11}, {0x00C3, 23}, {0x00C8, 23}, {0x00C9, 23}, {0x00CA, 11}, {0x00CC, 7},
    {0x00CD, 7}, {0x00D2, 7}, {0x00D3, 7}, {0x00D4, 11}, {0x00D5, 7}, {0x00D9, 7},
    {0x00DA, 7}, {0x00DD, 7}, {0x00E0, 22}, {0x00E1, 22}, {0x00E2, 10}, {0x00E3, 22},
    {0x00E8, 22}, {0x00E9, 22}, {0x00EA, 10}, {0x00EC, 6}, {0x00ED, 6}, {0x00F2, 6},
    {0x00F3, 6}, {0x00F4, 10}, {0x00F5, 6}, {0x00F9, 6}, {0x00FA, 6}, {0x00FD, 6},
    {0x0102, 11}, {0x0103, 10}, {0x0110, 1}, {0x0111, 0}, {0x0128, 7}, {0x0129, 6},
    {0x0168, 7}, {0x0169, 6}, {0x01A0, 11}, {0x01A1, 10}, {0x01AF, 11}, {0x01B0, 10},
    {0x1EA0, 23}, {0x1EA1, 22}, {0x1EA2, 23}, {0x1EA3, 22}, {0x1EA4, 15}, {0x1EA5, 14},
    {0x1EA6, 15}, {0x1EA7, 14}, {0x1EA8, 15}, {0x1EA9, 14}, {0x1EAA, 15}, {0x1EAB, 14},
    {0x1EAC, 15}, {0x1EAD, 14}, {0x1EAE, 15}, {0x1EAF, 14}, {0x1EB0, 15}, {0x1EB1, 14},
    {0x1EB2, 15}, {0x1EB3, 14}, {0x1EB4, 15}, {0x1EB5, 14}, {0x1EB6, 15}, {0x1EB7, 14},
    {0x1EB8, 23}, {0x1EB9, 22}, {0x1EBA, 23}, {0x1EBB, 22}, {0x1EBC, 23}, {0x1EBD, 22},
    {0x1EBE, 15}, {0x1EBF, 14}, {0x1EC0, 15}, {0x1EC1, 14}, {0x1EC2, 15}, {0x1EC3, 14},
    {0x1EC4, 15}, {0x1EC5, 14}, {0x1EC6, 15}, {0x1EC7, 14}, {0x1EC8, 7}, {0x1EC9, 6},
    {0x1ECA, 7}, {0x1ECB, 6}, {0x1ECC, 7}, {0x1ECD, 6}, {0x1ECE, 7}, {0x1ECF, 6},
    {0x1ED0, 15}, {0x1ED1, 14}, {0x1ED2, 15}, {0x1ED3, 14}, {0x1ED4, 15}, {0x1ED5, 14},
    {0x1ED6, 15}, {0x1ED7, 14}, {0x1ED8, 15}, {0x1ED9, 14}, {0x1EDA, 15}, {0x1EDB, 14},
    {0x1EDC, 15}, {0x1EDD, 14}, {0x1EDE, 15}, {0x1EDF, 14}, {0x1EE0, 15}, {0x1EE1, 14},
    {0x1EE2, 15}, {0x1EE3, 14}, {0x1EE4, 7}, {0x1EE5, 6}, {0x1EE6, 7}, {0x1EE7, 6},
    {0x1EE8, 15}, {0x1EE9, 14}, {0x1EEA, 15}, {0x1EEB, 14}, {0x1EEC, 15}, {0x1EED, 14},
    {0x1EEE, 15}, {0x1EEF, 14}, {0x1EF0, 15}, {0x1EF1, 14}, {0x1EF2, 7}, {0x1EF3, 6},
    {0x1EF4, 7}, {0x1EF5, 6}, {0x1EF6, 7}, {0x1EF7, 6}, {0x1EF8, 7}, {0x1EF9, 6},
};

/* The VL_ flags of cp, or -1 when it is no Vietnamese letter. */
static int viet_flags(uint32_t cp)
{
    size_t lo = 0, hi = sizeof viet_letters / sizeof *viet_letters;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (viet_letters[mid].cp == cp)
            return viet_letters[mid].fl;
        if (viet_letters[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* Ends a word: ASCII other than letters, the C1 controls (no font's
 * letter once read as Unicode: a control code pasted into a name must not
 * make a Unicode file look like a legacy font), space-like and punctuation
 * characters of Latin-1 and General Punctuation. */
static bool separator(uint32_t cp)
{
    if (cp < 0x80)
        return !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    return (cp >= 0x80 && cp <= 0x9F) || cp == 0xA0 || cp == 0xAB || cp == 0xBB || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000 ||
           cp == 0xFEFF;
}

struct word {
    bool wide;          /* has a character beyond ASCII */
    bool bad;
    bool lower_seen;
    int tones, vowels;
    int prev;           /* flags of the previous letter, or -1 */
};

static void word_add(struct word *w, uint32_t cp)
{
    int fl = viet_flags(cp);
    w->wide |= cp >= 0x80;
    if (fl < 0) {
        w->bad = true;
        return;
    }
    if ((fl & VL_UPPER) && w->lower_seen)
        w->bad = true;
    w->lower_seen |= !(fl & VL_UPPER);
    w->tones += (fl & VL_TONE) != 0;
    if (fl & VL_VOWEL) {
        if (++w->vowels > 3 || ((fl & VL_MOD) && w->prev >= 0 && (w->prev & VL_AE)))
            w->bad = true;
    } else {
        w->vowels = 0;
    }
    w->bad |= w->tones > 1;
    w->prev = (fl & VL_VOWEL) ? fl : -1;
}

static void word_end(struct word *w, struct csv_viet_score *sc)
{
    if (w->wide) {
        if (w->bad)
            sc->bad++;
        else
            sc->good++;
    }
    memset(w, 0, sizeof *w);
    w->prev = -1;
}

void csv_viet_score(const char *s, size_t n, struct csv_viet_score *sc)
{
    const unsigned char *p = (const unsigned char *)s;
    struct word w;
    memset(sc, 0, sizeof *sc);
    memset(&w, 0, sizeof w);
    w.prev = -1;
    for (size_t i = 0, len = 0; i < n; i += len) {
        uint32_t cp = next_cp(p + i, n - i, &len);
        if (separator(cp))
            word_end(&w, sc);
        else
            word_add(&w, cp);
    }
    word_end(&w, sc);
}

/* ------------------------------------------------------------ tables */

/* TCVN3: bytes 0x80–0xFF as UTF-8 (TCVN 5712:1993; 0xB0–0xB4 are
 * combining tone marks). */
static const char *const tcvn3[128] = {
    "\xC3\x80", "\xE1\xBA\xA2", "\xC3\x83", "\xC3\x81", "\xE1\xBA\xA0", "\xE1\xBA\xB6", "\xE1\xBA\xAC", "\xC3\x88",
    "\xE1\xBA\xBA", "\xE1\xBA\xBC", "\xC3\x89", "\xE1\xBA\xB8", "\xE1\xBB\x86", "\xC3\x8C", "\xE1\xBB\x88", "\xC4\xA8",
    "\xC3\x8D", "\xE1\xBB\x8A", "\xC3\x92", "\xE1\xBB\x8E", "\xC3\x95", "\xC3\x93", "\xE1\xBB\x8C", "\xE1\xBB\x98",
    "\xE1\xBB\x9C", "\xE1\xBB\x9E", "\xE1\xBB\xA0", "\xE1\xBB\x9A", "\xE1\xBB\xA2", "\xC3\x99", "\xE1\xBB\xA6", "\xC5\xA8",
    "\xC2\xA0", "\xC4\x82", "\xC3\x82", "\xC3\x8A", "\xC3\x94", "\xC6\xA0", "\xC6\xAF", "\xC4\x90",
    "\xC4\x83", "\xC3\xA2", "\xC3\xAA", "\xC3\xB4", "\xC6\xA1", "\xC6\xB0", "\xC4\x91", "\xE1\xBA\xB0",
    "\xCC\x80", "\xCC\x89", "\xCC\x83", "\xCC\x81", "\xCC\xA3", "\xC3\xA0", "\xE1\xBA\xA3", "\xC3\xA3",
    "\xC3\xA1", "\xE1\xBA\xA1", "\xE1\xBA\xB2", "\xE1\xBA\xB1", "\xE1\xBA\xB3", "\xE1\xBA\xB5", "\xE1\xBA\xAF", "\xE1\xBA\xB4",
    "\xE1\xBA\xAE", "\xE1\xBA\xA6", "\xE1\xBA\xA8", "\xE1\xBA\xAA", "\xE1\xBA\xA4", "\xE1\xBB\x80", "\xE1\xBA\xB7", "\xE1\xBA\xA7",
    "\xE1\xBA\xA9", "\xE1\xBA\xAB", "\xE1\xBA\xA5", "\xE1\xBA\xAD", "\xC3\xA8", "\xE1\xBB\x82", "\xE1\xBA\xBB", "\xE1\xBA\xBD",
    "\xC3\xA9", "\xE1\xBA\xB9", "\xE1\xBB\x81", "\xE1\xBB\x83", "\xE1\xBB\x85", "\xE1\xBA\xBF", "\xE1\xBB\x87", "\xC3\xAC",
    "\xE1\xBB\x89", "\xE1\xBB\x84", "\xE1\xBA\xBE", "\xE1\xBB\x92", "\xC4\xA9", "\xC3\xAD", "\xE1\xBB\x8B", "\xC3\xB2",
    "\xE1\xBB\x94", "\xE1\xBB\x8F", "\xC3\xB5", "\xC3\xB3", "\xE1\xBB\x8D", "\xE1\xBB\x93", "\xE1\xBB\x95", "\xE1\xBB\x97",
    "\xE1\xBB\x91", "\xE1\xBB\x99", "\xE1\xBB\x9D", "\xE1\xBB\x9F", "\xE1\xBB\xA1", "\xE1\xBB\x9B", "\xE1\xBB\xA3", "\xC3\xB9",
    "\xE1\xBB\x96", "\xE1\xBB\xA7", "\xC5\xA9", "\xC3\xBA", "\xE1\xBB\xA5", "\xE1\xBB\xAB", "\xE1\xBB\xAD", "\xE1\xBB\xAF",
    "\xE1\xBB\xA9", "\xE1\xBB\xB1", "\xE1\xBB\xB3", "\xE1\xBB\xB7", "\xE1\xBB\xB9", "\xC3\xBD", "\xE1\xBB\xB5", "\xE1\xBB\x90",
};

/* VNI: a byte after a vowel adds marks (combining characters: circumflex
 * or breve, then the tone); some bytes are letters of their own. Bytes not
 * listed are themselves (Latin-1). */
#define ACUTE "\xCC\x81"
#define GRAVE "\xCC\x80"
#define HOOK "\xCC\x89"
#define TILDE "\xCC\x83"
#define DOT "\xCC\xA3"
#define CIRC "\xCC\x82"
#define BREVE "\xCC\x86"
static const struct { unsigned char b; const char *s; } vni_lower[] = {
    {0xF9, ACUTE}, {0xF8, GRAVE}, {0xFB, HOOK}, {0xF5, TILDE}, {0xEF, DOT},
    {0xE2, CIRC}, {0xE1, CIRC ACUTE}, {0xE0, CIRC GRAVE}, {0xE5, CIRC HOOK}, {0xE3, CIRC TILDE},
    {0xE4, CIRC DOT}, {0xEA, BREVE}, {0xE9, BREVE ACUTE}, {0xE8, BREVE GRAVE}, {0xFA, BREVE HOOK},
    {0xFC, BREVE TILDE}, {0xEB, BREVE DOT},
    /* letters: ơ ư đ í ì ỉ ĩ ị ỵ */
    {0xF4, "\xC6\xA1"}, {0xF6, "\xC6\xB0"}, {0xF1, "\xC4\x91"}, {0xED, "\xC3\xAD"}, {0xEC, "\xC3\xAC"},
    {0xE6, "\xE1\xBB\x89"}, {0xF3, "\xC4\xA9"}, {0xF2, "\xE1\xBB\x8B"}, {0xEE, "\xE1\xBB\xB5"},
};
/* Capitals are the same bytes less 0x20. */
static const char *const vni_upper_letters[] = {
    "\xC6\xA0", "\xC6\xAF", "\xC4\x90", "\xC3\x8D", "\xC3\x8C", "\xE1\xBB\x88", "\xC4\xA8", "\xE1\xBB\x8A",
    "\xE1\xBB\xB4",
};
#define VNI_NMARKS 17

static const char *vni_byte(unsigned char b)
{
    size_t n = sizeof vni_lower / sizeof *vni_lower;
    for (size_t i = 0; i < n; i++) {
        if (vni_lower[i].b == b)
            return vni_lower[i].s;
        if (vni_lower[i].b - 0x20 == b)
            return i < VNI_NMARKS ? vni_lower[i].s : vni_upper_letters[i - VNI_NMARKS];
    }
    return NULL;
}

/* The byte a character of wrapped legacy text stands for, or -1. */
static int byte_of(uint32_t cp)
{
    static const struct { uint16_t cp; uint8_t b; } specials[] = {
        /* Windows-1252 */
        {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86},
        {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C},
        {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95},
        {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B},
        {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F},
        /* Windows-1258 where it differs */
        {0x0102, 0xC3}, {0x0300, 0xCC}, {0x0110, 0xD0}, {0x0309, 0xD2}, {0x01A0, 0xD5}, {0x01AF, 0xDD},
        {0x0303, 0xDE}, {0x0103, 0xE3}, {0x0301, 0xEC}, {0x0111, 0xF0}, {0x0323, 0xF2}, {0x01A1, 0xF5},
        {0x01B0, 0xFD}, {0x20AB, 0xFE},
    };
    if (cp >= 0x80 && cp <= 0xFF)
        return (int)cp;
    for (size_t i = 0; i < sizeof specials / sizeof *specials; i++)
        if (specials[i].cp == cp)
            return specials[i].b;
    return -1;
}

bool csv_font_to_utf8(enum csv_font f, bool bytes, const char *in, size_t n, struct strbuf *out)
{
    const unsigned char *p = (const unsigned char *)in;
    bool ok = true;
    for (size_t i = 0, len = 1; ok && i < n; i += len) {
        uint32_t cp = p[i];
        len = 1;
        if (cp < 0x80) {
            ok = strbuf_append(out, in + i, 1);
            continue;
        }
        if (!bytes)
            cp = next_cp(p + i, n - i, &len);
        int b = bytes ? (int)cp : byte_of(cp);
        const char *s = b < 0 || f == CSV_FONT_UNICODE ? NULL
                        : f == CSV_FONT_TCVN3 ? tcvn3[b - 0x80] : vni_byte((unsigned char)b);
        if (s)
            ok = strbuf_puts(out, s);
        else if (bytes)
            ok = put_cp(out, cp);
        else
            ok = strbuf_append(out, in + i, len);
    }
    return ok;
}

/* ------------------------------------------------------------- guess */

/* The score of a reading: the text converted (unless font is Unicode),
 * then NFC. False when memory runs out. */
static bool score_of(enum csv_font f, bool bytes, const char *in, size_t n, struct csv_viet_score *sc)
{
    struct strbuf sb = STRBUF_INIT;
    bool ok = f == CSV_FONT_UNICODE ? strbuf_append(&sb, in, n) : csv_font_to_utf8(f, bytes, in, n, &sb);
    char *nfc = ok ? utf8_nfc(strbuf_str(&sb)) : NULL;
    strbuf_free(&sb);
    if (!nfc) {
        memset(sc, 0, sizeof *sc);
        csv_viet_score(in, 0, sc);
        return ok; /* not valid UTF-8 after all: counts as nothing read */
    }
    csv_viet_score(nfc, strlen(nfc), sc);
    free(nfc);
    return true;
}

/* At most one word in ten that does not look Vietnamese. */
static bool clean(const struct csv_viet_score *sc)
{
    return sc->bad * 10 <= sc->good + sc->bad;
}

/* The sample up to its last line end (a whole number of characters). */
static size_t whole_lines(const char *s, size_t n)
{
    size_t k = n;
    while (k > 0 && s[k - 1] != '\n')
        k--;
    return k ? k : n;
}

/* True when s has a precomposed Vietnamese letter of U+1EA0–U+1EF9: text
 * typed in Unicode, which no legacy byte can have become. */
static bool typed_in_unicode(const char *s, size_t n)
{
    for (size_t i = 0; i + 2 < n; i++)
        if ((unsigned char)s[i] == 0xE1 && ((unsigned char)s[i + 1] == 0xBA || (unsigned char)s[i + 1] == 0xBB))
            return true;
    return false;
}

/* Valid Unicode text is taken as it is unless it is mostly not Vietnamese
 * (two or more odd words, at least half of them): a stray "José" is no
 * reason to refuse. */
static bool plain_acceptable(bool bytes, const struct csv_viet_score *plain)
{
    if (clean(plain))
        return true;
    return !bytes && (plain->bad < 2 || plain->bad * 2 < plain->good + plain->bad);
}

enum status csv_legacy_guess(const char *text, size_t tn, const char *raw, size_t rn,
                             enum csv_encoding enc, enum csv_font *font)
{
    bool bytes = enc == CSV_ENC_CP1258;
    const char *src = bytes ? raw : text;
    size_t sn = whole_lines(src, bytes ? rn : tn);
    struct csv_viet_score plain, tc, vn;
    *font = CSV_FONT_UNICODE;
    if (!bytes && typed_in_unicode(text, tn))
        return ST_OK;
    if (!score_of(CSV_FONT_UNICODE, false, text, whole_lines(text, tn), &plain) ||
        !score_of(CSV_FONT_TCVN3, bytes, src, sn, &tc) || !score_of(CSV_FONT_VNI, bytes, src, sn, &vn))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    if (plain.bad == 0 || (clean(&plain) && plain.bad <= tc.bad && plain.bad <= vn.bad))
        return ST_OK;
    /* a legacy reading must be clean and read more words right than the text as it is */
    size_t least = bytes ? 1 : 2;
    bool tc_ok = clean(&tc) && tc.good >= least && tc.bad < plain.bad;
    bool vn_ok = clean(&vn) && vn.good >= least && vn.bad < plain.bad;
    if (tc_ok && (!vn_ok || tc.bad < vn.bad))
        *font = CSV_FONT_TCVN3;
    else if (vn_ok && (!tc_ok || vn.bad < tc.bad))
        *font = CSV_FONT_VNI;
    else if ((tc_ok && vn_ok) || !plain_acceptable(bytes, &plain))
        return status_set(ST_INVALID,
                          _("cannot tell how the names in the file are written: tried %s, TCVN3 and VNI, and "
                            "%s (save it as \"CSV UTF-8\" from a Unicode font, or give --encoding "
                            "tcvn3|vni|cp1258|utf-8)"),
                          csv_encoding_name(enc),
                          tc_ok ? _("two of them read as Vietnamese") : _("none reads as Vietnamese"));
    return ST_OK;
}
