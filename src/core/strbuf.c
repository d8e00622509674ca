/* strbuf — growable string. */
#include <config.h>
#include "treem/core/strbuf.h"
#include "treem/core/mem.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool strbuf_reserve(struct strbuf *sb, size_t extra)
{
    return extra < SIZE_MAX - sb->len && mem_reserve(&sb->buf, &sb->cap, sb->len + extra + 1, 1, 64);
}

bool strbuf_append(struct strbuf *sb, const char *s, size_t n)
{
    if (!strbuf_reserve(sb, n))
        return false;
    memcpy(sb->buf + sb->len, s, n);
    sb->len += n;
    sb->buf[sb->len] = '\0';
    return true;
}

bool strbuf_puts(struct strbuf *sb, const char *s)
{
    return strbuf_append(sb, s, strlen(s));
}

bool strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, again);
    va_end(again);
    if (n < 0 || !strbuf_reserve(sb, (size_t)n))
        return false;
    va_copy(again, ap);
    vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, again);
    va_end(again);
    sb->len += (size_t)n;
    return true;
}

bool strbuf_printf(struct strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool ok = strbuf_vprintf(sb, fmt, ap);
    va_end(ap);
    return ok;
}

const char *strbuf_str(const struct strbuf *sb)
{
    return sb->buf ? sb->buf : "";
}

char *strbuf_take(struct strbuf *sb)
{
    char *s = sb->buf ? sb->buf : calloc(1, 1);
    sb->buf = NULL;
    sb->len = sb->cap = 0;
    return s;
}

void strbuf_reset(struct strbuf *sb)
{
    sb->len = 0;
    if (sb->buf)
        sb->buf[0] = '\0';
}

void strbuf_free(struct strbuf *sb)
{
    free(sb->buf);
    sb->buf = NULL;
    sb->len = sb->cap = 0;
}
