/* cli_out — filtered stdout and stderr for the commands. */
#include <config.h>
#include "treem/cli/cli_out.h"
#include "treem/core/platform.h"
#include "treem/core/safe_text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef HAVE_FOPENCOOKIE
struct sink {
    int fd;
    unsigned flags;
    struct safe_text_stream st;
};

static bool write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

static ssize_t sink_write(void *cookie, const char *buf, size_t n)
{
    struct sink *s = cookie;
    char out[4096 + 8];
    for (size_t done = 0; done < n;) {
        size_t part = n - done < 4096 ? n - done : 4096;
        size_t k = safe_text_chunk(&s->st, buf + done, part, out, s->flags);
        if (!write_all(s->fd, out, k))
            return done ? (ssize_t)done : -1;
        done += part;
    }
    return (ssize_t)n;
}

/* One sink per stream, for the life of the process (static: nothing to free). */
static struct sink sinks[2];

static FILE *filtered(FILE *old, struct sink *s, unsigned flags, int mode)
{
    memset(s, 0, sizeof *s);
    s->fd = fileno(old);
    s->flags = flags;
    cookie_io_functions_t io = {NULL, sink_write, NULL, NULL};
    FILE *f = fopencookie(s, "w", io);
    if (!f)
        return old;
    fflush(old);
    setvbuf(f, NULL, mode, BUFSIZ);
    return f;
}
#endif

void cli_out_filter(void)
{
    platform_console_inert();
#ifdef HAVE_FOPENCOOKIE
    stdout = filtered(stdout, &sinks[0], SAFE_TEXT_LINES, isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF);
    stderr = filtered(stderr, &sinks[1], SAFE_TEXT_LINES | SAFE_TEXT_CR, _IONBF);
#endif
}
