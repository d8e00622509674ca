/* strbuf — a growable NUL-terminated byte buffer. */
#ifndef TREEM_CORE_STRBUF_H
#define TREEM_CORE_STRBUF_H
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>

struct strbuf { char *buf; size_t len, cap; };

#define STRBUF_INIT {NULL, 0, 0}

/* Each returns false when memory runs out (the buffer is left as it was). */
/* Room for extra more bytes and the NUL after them: buf[len .. cap) is the
 * caller's to fill (then it sets len and the NUL). */
bool strbuf_reserve(struct strbuf *sb, size_t extra);
bool strbuf_append(struct strbuf *sb, const char *s, size_t n);
bool strbuf_puts(struct strbuf *sb, const char *s);
bool strbuf_printf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* strbuf_printf with the arguments in ap (which it leaves unused: the
 * caller's va_end ends it). */
bool strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* The text so far ("" when empty); owned by sb. */
const char *strbuf_str(const struct strbuf *sb);
/* Hands the buffer to the caller (who frees it) and empties sb. */
char *strbuf_take(struct strbuf *sb);
void strbuf_reset(struct strbuf *sb);
void strbuf_free(struct strbuf *sb);

#endif
