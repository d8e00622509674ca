/* csv_file — a CSV file written whole or not at all. */
#include <config.h>
#include "treem/app/csv_file.h"
#include "treem/core/i18n.h"
#include "treem/core/outfile.h"

#include <stdlib.h>

enum status csv_file_write(const char *path, unsigned flags, csv_file_fill fill, const void *arg)
{
    struct outfile o;
    enum status st = outfile_open(&o, path);
    if (st != ST_OK)
        return st;
    struct csv_writer *w = malloc(sizeof *w); /* holds a 32 KiB buffer: not on the stack */
    if (!w)
        return outfile_close(&o, status_set(ST_NOMEM, "%s", _("out of memory")));
    csv_writer_init_file(w, o.f, ',', flags ? flags : CSV_WRITE_DEFAULT);
    st = fill(w, arg);
    if (st == ST_OK)
        st = csv_writer_flush(w);
    free(w);
    return outfile_close(&o, st);
}
