/* status — result codes and the last failure's message. */
#include <config.h>
#include "treem/core/status.h"
#include "treem/core/i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const status_texts[] = {
#define X(code, text) text,
    TREEM_STATUS_LIST(X)
#undef X
};

static char last_msg[1024];
static enum status last_code = ST_OK;

const char *status_str(enum status st)
{
    if ((unsigned)st >= ST__COUNT)
        return "unknown status";
    return status_texts[st];
}

enum status status_set(enum status st, const char *fmt, ...)
{
    /* format into a scratch buffer: the arguments may be status_message()
     * itself, and vsnprintf must not read the buffer it writes */
    char tmp[sizeof last_msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    memcpy(last_msg, tmp, sizeof last_msg);
    last_code = st;
    return st;
}

const char *status_message(void)
{
    if (last_msg[0] == '\0')
        return _(status_str(last_code));
    return last_msg;
}

enum status status_last(void) { return last_code; }

void status_clear(void)
{
    last_msg[0] = '\0';
    last_code = ST_OK;
}
