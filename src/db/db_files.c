/* db_files — a database's files on disk (see the header). */
#include <config.h>
#include "treem/db/db_files.h"
#include "treem/core/i18n.h"
#include "treem/core/strbuf.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

enum status db_remove_files(const char *path)
{
    static const char *const suffixes[] = {"", "-wal", "-shm"};
    enum status st = ST_OK;
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; st == ST_OK && i < sizeof suffixes / sizeof *suffixes; i++) {
        strbuf_reset(&sb);
        if (!strbuf_printf(&sb, "%s%s", path, suffixes[i]))
            st = status_set(ST_NOMEM, "%s", _("out of memory"));
        else if (remove(strbuf_str(&sb)) != 0 && errno != ENOENT)
            st = status_set(ST_IO, _("cannot remove %s: %s"), strbuf_str(&sb), strerror(errno));
    }
    strbuf_free(&sb);
    return st;
}
