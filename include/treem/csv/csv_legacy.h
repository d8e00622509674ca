/* csv_legacy — Vietnamese text typed in the legacy fonts of the 1990s and
 * 2000s, which office files still hold: TCVN3 (the "ABC" fonts, .VnTime)
 * and VNI (VNI-Times). Such text is one byte a letter (TCVN3) or a base
 * letter followed by a byte for its marks (VNI), and reads as garbage in
 * Unicode ("NguyÔn V¨n", "Nguyeãn Vaên"). It reaches treem either as the raw
 * bytes (a "CSV" saved in the Windows code page) or wrapped in Unicode (a
 * "CSV UTF-8" or .xlsx where each legacy byte became the Windows-1252 or
 * Windows-1258 character of that byte). Both are converted here, and
 * csv_legacy_guess decides, from a sample of the file, which reading gives
 * Vietnamese words — refusing when none or more than one does, so that
 * mojibake never enters the register. */
#ifndef TREEM_CSV_CSV_LEGACY_H
#define TREEM_CSV_CSV_LEGACY_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/status.h"
#include "treem/core/strbuf.h"
#include "treem/csv/csv_encoding.h"

enum csv_font {
    CSV_FONT_UNICODE,  /* the text means what its characters say */
    CSV_FONT_TCVN3,    /* TCVN 5712:1993 (VN3, "ABC") */
    CSV_FONT_VNI,      /* VNI Windows */
};

/* "Unicode", "TCVN3", "VNI" (names, not translated). */
const char *csv_font_name(enum csv_font f);

/* How many words with letters beyond ASCII look Vietnamese (only
 * Vietnamese letters, at most one tone mark, no capital after a small
 * letter, a plausible vowel cluster) and how many do not, in n bytes of
 * UTF-8 text (NFC or not). */
struct csv_viet_score {
    size_t good, bad;
};
void csv_viet_score(const char *s, size_t n, struct csv_viet_score *sc);

/* Converts text in font f to Unicode UTF-8, appended to out (not yet NFC:
 * VNI spells marks as combining characters). bytes: in is the raw bytes of
 * the font; else in is UTF-8 whose characters stand for those bytes (as
 * Windows-1252 or Windows-1258 read them) and must end on a whole
 * character. Characters with no byte meaning (real Vietnamese letters,
 * CJK, …) pass through. False when memory runs out. */
bool csv_font_to_utf8(enum csv_font f, bool bytes, const char *in, size_t n, struct strbuf *out);

/* The font of a file whose sample (the first bytes, decoded to UTF-8 as
 * enc says, NFC) reads as text; raw is the same sample as bytes, used when
 * enc is Windows-1258 (then the legacy readings take the raw bytes).
 * *font is the reading that gives Vietnamese words; when the text is
 * plain Unicode (or Windows-1258) *font is CSV_FONT_UNICODE. ST_INVALID
 * naming the encodings tried when no reading, or more than one, does. */
enum status csv_legacy_guess(const char *text, size_t tn, const char *raw, size_t rn,
                             enum csv_encoding enc, enum csv_font *font);

#endif
