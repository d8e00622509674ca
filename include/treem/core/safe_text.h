/* safe_text — what reaches the terminal is text. Names and notes come from
 * typists and imported files and may hold control characters: ESC starts
 * sequences that move the cursor, set the window title or write the
 * clipboard (OSC 52), C1 controls (U+0080–U+009F, e.g. CSI U+009B) do the
 * same on some terminals, and bidirectional overrides reorder what is
 * shown. Every output point (the interface's drawing functions, the
 * commands' stdout and stderr) passes text through here. */
#ifndef TREEM_CORE_SAFE_TEXT_H
#define TREEM_CORE_SAFE_TEXT_H
#include <stdbool.h>
#include <stddef.h>

enum safe_text_flags {
    SAFE_TEXT_LINES = 1 << 0, /* keep '\n' and '\t' (else each becomes a space) */
    SAFE_TEXT_CR = 1 << 1,    /* keep '\r' (a progress line rewriting itself) */
};

/* True when the code point is stripped: C0 controls (but see flags), DEL,
 * C1 controls, and the bidirectional embedding/override/isolate marks
 * U+202A–U+202E and U+2066–U+2069. */
bool safe_text_stripped(long cp, unsigned flags);

/* State of a stream cut into chunks anywhere (even inside a character). */
struct safe_text_stream {
    unsigned char held[4];
    size_t nheld;
};

/* Filters n bytes of in into out (at least n + 4 bytes); returns the bytes
 * written. A character cut at the end of in is held back for the next
 * call; safe_text_flush gives back what is held at the end of the stream.
 * A byte that is not UTF-8 becomes '?'. */
size_t safe_text_chunk(struct safe_text_stream *st, const char *in, size_t n, char *out, unsigned flags);
size_t safe_text_flush(struct safe_text_stream *st, char *out);

/* A filtered copy of the first n bytes of s (caller frees; NULL: no memory). */
char *safe_text_dup(const char *s, size_t n, unsigned flags);

#endif
