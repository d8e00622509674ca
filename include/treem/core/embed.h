/* embed — data files compiled into the binary (schema/, assets/, po/).
 * The table is generated at build time by build-aux/embed.sh. */
#ifndef TREEM_CORE_EMBED_H
#define TREEM_CORE_EMBED_H
#include <stddef.h>

struct embedded_file {
    const char *name;  /* path relative to the source tree, e.g. "schema/001_init.sql" */
    const char *data;  /* the bytes, NUL-terminated */
    size_t len;        /* length without the terminating NUL */
};

/* Terminated by an entry whose name is NULL. */
extern const struct embedded_file embedded_files[];

/* The embedded file called name, or NULL. */
const struct embedded_file *embed_find(const char *name);

#endif
