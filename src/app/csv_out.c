/* csv_out — quoting, neutralising and atomic saving of CSV text. */
#include <config.h>
#include "treem/app/csv_out.h"
#include "treem/core/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void csv_out_init(struct csv_out *o, bool bom, bool crlf)
{
    o->sb = (struct strbuf)STRBUF_INIT;
    o->crlf = crlf;
    o->row_started = false;
    if (bom)
        strbuf_puts(&o->sb, "\xEF\xBB\xBF");
}

void csv_out_free(struct csv_out *o)
{
    strbuf_free(&o->sb);
}

/* "-5", "-12.5", "-1,5": a negative number, not a formula. */
static bool negative_number(const char *s)
{
    if (*s != '-' || !(s[1] >= '0' && s[1] <= '9'))
        return false;
    const char *p = s + 1;
    while (*p >= '0' && *p <= '9')
        p++;
    if (*p == '.' || *p == ',') {
        p++;
        if (!(*p >= '0' && *p <= '9'))
            return false;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    return *p == '\0';
}

static bool formula_start(char c)
{
    return c && strchr("=+-@\t\r", c) != NULL;
}

bool csv_out_needs_neutralise(const char *s)
{
    if (!s || !*s)
        return false;
    if (formula_start(*s))
        return !negative_number(s);
    /* so that unneutralise is exact: "'=x" must become "''=x" */
    const char *p = s;
    while (*p == '\'')
        p++;
    return p > s && formula_start(*p);
}

bool csv_out_unneutralise(char *s)
{
    const char *p = s;
    while (*p == '\'')
        p++;
    if (p == s || !formula_start(*p))
        return false;
    memmove(s, s + 1, strlen(s));
    return true;
}

bool csv_out_cell(struct csv_out *o, const char *s)
{
    bool ok = true;
    if (o->row_started)
        ok &= strbuf_puts(&o->sb, ",");
    o->row_started = true;
    if (!s)
        s = "";
    bool quote = strpbrk(s, ",\"\r\n") || *s == ' ' || *s == '\t' ||
                 (*s && (s[strlen(s) - 1] == ' ' || s[strlen(s) - 1] == '\t'));
    if (quote)
        ok &= strbuf_puts(&o->sb, "\"");
    if (csv_out_needs_neutralise(s))
        ok &= strbuf_puts(&o->sb, "'");
    for (const char *p = s; *p; p++)
        ok &= *p == '"' ? strbuf_puts(&o->sb, "\"\"") : strbuf_append(&o->sb, p, 1);
    if (quote)
        ok &= strbuf_puts(&o->sb, "\"");
    return ok;
}

bool csv_out_end(struct csv_out *o)
{
    o->row_started = false;
    return strbuf_puts(&o->sb, o->crlf ? "\r\n" : "\n");
}

bool csv_out_row(struct csv_out *o, const char *const *cells, size_t n)
{
    bool ok = true;
    for (size_t i = 0; i < n; i++)
        ok &= csv_out_cell(o, cells[i]);
    return ok && csv_out_end(o);
}

enum status csv_out_save(const struct csv_out *o, const char *path)
{
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return status_set(ST_IO, _("cannot write %s: %s"), path, strerror(errno));
    const char *p = strbuf_str(&o->sb);
    size_t left = o->sb.len;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            int e = errno;
            close(fd);
            unlink(tmp);
            return status_set(ST_IO, _("cannot write %s: %s"), path, strerror(e));
        }
        p += w;
        left -= (size_t)w;
    }
    int bad = fsync(fd) != 0 ? errno : 0;
    if (close(fd) != 0 && !bad)
        bad = errno;
    if (!bad && rename(tmp, path) != 0)
        bad = errno;
    if (bad) {
        unlink(tmp);
        return status_set(ST_IO, _("cannot write %s: %s"), path, strerror(bad));
    }
    return ST_OK;
}
