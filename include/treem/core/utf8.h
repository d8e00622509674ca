/* utf8 — UTF-8 text as treem needs it: validation, NFC normalisation,
 * display width in terminal columns, truncation by columns, moving by
 * user-perceived character (grapheme), and the search fold that makes
 * "Nguyễn Thị Đào", "nguyen thi dao" and the NFD spelling equal. */
#ifndef TREEM_CORE_UTF8_H
#define TREEM_CORE_UTF8_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/status.h"

/* True when the len bytes at s are well-formed UTF-8 (no NUL inside). */
bool utf8_valid(const char *s, size_t len);
/* A typed text for `field` (already translated): ST_OK when s (NULL is "")
 * is valid UTF-8 of at most max bytes, else ST_INVALID naming the field
 * ("title: too long (600 bytes, at most 500)"). */
enum status utf8_check_text(const char *field, const char *s, size_t max);

/* A new NFC copy of s (caller frees), or NULL when s is not valid UTF-8. */
char *utf8_nfc(const char *s);

/* The search fold of s: NFC, lower case, no combining marks, đ/Đ → d,
 * runs of white space collapsed to one space, trimmed. Caller frees; NULL
 * when s is not valid UTF-8. */
char *utf8_fold(const char *s);
/* The same, always through utf8proc: utf8_fold takes a letter-by-letter
 * path for Latin text, and the tests hold the two to the same result. */
char *utf8_fold_full(const char *s);

/* Columns the text takes on a terminal (wide CJK = 2, combining = 0). */
int utf8_width(const char *s);

/* Number of bytes of s that fit in cols columns without cutting a
 * character or separating a base letter from its combining marks. */
size_t utf8_fit_cols(const char *s, int cols);

/* Copies into out (size outsz) the longest prefix of s that fits in cols
 * columns; when s is longer and cols > 0, the last column shows "…". */
void utf8_truncate(const char *s, int cols, char *out, size_t outsz);

/* Byte offset of the next / previous grapheme boundary from pos within the
 * len bytes of s (cursor movement by character). */
size_t utf8_next_char(const char *s, size_t len, size_t pos);
size_t utf8_prev_char(const char *s, size_t len, size_t pos);

/* Number of user-perceived characters (graphemes). */
size_t utf8_char_count(const char *s);

/* A new copy of s with its first letter in upper case ("họ và tên" →
 * "Họ và tên"); caller frees; NULL when out of memory. */
char *utf8_capitalize(const char *s);

/* Encodes code point cp into out (at least 5 bytes); returns the length. */
int utf8_encode(long cp, char *out);

#endif
