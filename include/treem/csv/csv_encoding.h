/* csv_encoding — the text encoding of incoming CSV files. A file that is
 * valid UTF-8 (with or without a BOM; plain ASCII included) is UTF-8; a file
 * that is not is taken as Windows-1258, which is what Excel on Vietnamese
 * Windows writes when told "CSV", and converted to UTF-8 with iconv
 * ("CP1258"). Windows-1258 spells tones as combining marks, so converted
 * text is always normalised to NFC; UTF-8 text is normalised when asked.
 * A file of mostly good UTF-8 with a few bad bytes is refused (naming the
 * line) rather than misread. Whole buffers or a streaming decoder. */
#ifndef TREEM_CSV_CSV_ENCODING_H
#define TREEM_CSV_CSV_ENCODING_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/status.h"
#include "treem/core/strbuf.h"

enum csv_encoding {
    CSV_ENC_UTF8,    /* UTF-8 (ASCII included) */
    CSV_ENC_CP1258,  /* Windows-1258 (Vietnamese) */
    CSV_ENC_MIXED,   /* mostly UTF-8 with some ill-formed bytes: refused */
    CSV_ENC_UTF16LE, /* "Unicode Text": UTF-16 with a byte-order mark */
    CSV_ENC_UTF16BE,
    CSV_ENC_BYTES,   /* the raw bytes of a legacy font (csv_legacy.h) */
};

/* "UTF-8", "Windows-1258", "mixed", "UTF-16LE", "UTF-16BE" or "8-bit"
 * (names, not translated). */
const char *csv_encoding_name(enum csv_encoding enc);

/* Incremental UTF-8 check over a stream of chunks (a sequence may be split
 * between chunks). Fields are read-only for callers, except through the
 * functions below. */
struct csv_utf8_scan {
    unsigned need;               /* continuation bytes still expected */
    unsigned char lo, hi;        /* allowed range of the next one */
    size_t lines;                /* line ends seen */
    size_t good;                 /* well-formed multi-byte characters */
    size_t bad;                  /* ill-formed sequences */
    size_t bad_line;             /* line of the first ill-formed one, or 0 */
    size_t nul_line;             /* line of the first NUL byte, or 0 */
};

void csv_utf8_scan_init(struct csv_utf8_scan *sc);
void csv_utf8_scan_feed(struct csv_utf8_scan *sc, const char *s, size_t n);
/* After the last chunk: UTF-8 when all was well-formed and complete,
 * MIXED when bad sequences are fewer than good multi-byte characters, else
 * Windows-1258. (A truncated final sequence counts as one bad.) */
enum csv_encoding csv_utf8_scan_result(const struct csv_utf8_scan *sc);
/* ST_OK, or ST_INVALID with a message naming the line for text that cannot
 * be read: a NUL byte (UTF-16 or not text) or MIXED. */
enum status csv_utf8_scan_check(const struct csv_utf8_scan *sc);

/* The encoding of a whole buffer (see the module comment). */
enum csv_encoding csv_detect_encoding(const char *data, size_t len);

/* True when the n bytes of UTF-8 at s are certainly NFC: every character is
 * below U+0300 (ASCII, Latin-1, Latin Extended-A/B) or in U+1E00–U+1EFF
 * (Vietnamese precomposed letters) or U+2010–U+2027 (dashes, quotes,
 * ellipsis). False means "maybe not" — normalise to be sure. */
bool csv_nfc_quick(const char *s, size_t n);

/* A streaming decoder: bytes in enc → UTF-8 (NFC when nfc is true or enc is
 * CP1258). Create with csv_decoder_new (ST_NOMEM; ST_INVALID for MIXED or
 * when this system's iconv lacks CP1258); free with csv_decoder_free (NULL
 * is fine). */
struct csv_decoder;
enum status csv_decoder_new(enum csv_encoding enc, bool nfc, struct csv_decoder **out);
void csv_decoder_free(struct csv_decoder *d);
/* Reads the decoded text as typed in a legacy font (csv_legacy.h; the
 * encoding CSV_ENC_BYTES takes the font's bytes) and converts it to
 * Unicode; normalises to NFC from then on. */
void csv_decoder_set_font(struct csv_decoder *d, int font);

/* Decodes n bytes and appends the UTF-8 result to out. Text after the last
 * line end may be held back until the next call (so that a character and
 * its combining marks are normalised together); last = true flushes all.
 * ST_INVALID naming the problem for a NUL byte (the file is UTF-16 or not
 * text; not checked for UTF-16), a byte that is not Windows-1258, or
 * ill-formed UTF-8; ST_NOMEM. */
enum status csv_decoder_feed(struct csv_decoder *d, const char *in, size_t n,
                             bool last, struct strbuf *out);

/* Whole-buffer form: detects the encoding (stored in *found when found is
 * not NULL), converts to UTF-8 and normalises (always for Windows-1258,
 * when nfc for UTF-8). *out is NUL-terminated, *outlen its length without
 * the NUL; the caller frees *out. Errors as for csv_utf8_scan_check and
 * csv_decoder_feed. */
enum status csv_decode(const char *data, size_t len, bool nfc, char **out,
                       size_t *outlen, enum csv_encoding *found);

#endif
