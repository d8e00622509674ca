/* who_tables — loads the WHO 2006 growth tables shipped in assets/who2006/
 * (compiled into the binary) for the growth model. */
#ifndef TREEM_APP_WHO_TABLES_H
#define TREEM_APP_WHO_TABLES_H
#include "treem/model/growth.h"

/* Parses the six embedded tables into *out (free with growth_ref_free).
 * ST_INVALID naming the file and line for a malformed table. */
enum status who_tables_load(struct growth_ref *out);

/* The tables, loaded on first use and kept for the whole run; NULL (with a
 * status message) if they cannot be read. Not thread-safe. */
const struct growth_ref *who_tables_shared(void);

#endif
