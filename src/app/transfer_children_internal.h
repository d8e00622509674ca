/* transfer_children_internal — shared by transfer_children.c (import)
 * and transfer_children_out.c (columns, cells, export). Not public. */
#ifndef TREEM_APP_TRANSFER_CHILDREN_INTERNAL_H
#define TREEM_APP_TRANSFER_CHILDREN_INTERNAL_H
#include <stdbool.h>
#include "treem/app/transfer_kind.h"
#include "treem/core/strbuf.h"
#include "treem/model/child.h"

enum { COL_UID, COL_CODE, COL_FIELD0, COL_UPDATED = COL_FIELD0 + CF__COUNT, COL_HASH,
       NEXPORT, COL_GROUP = NEXPORT, COL_SOURCE, NCOLS };
#define TC_NCOLS NCOLS

extern const struct csv_column transfer_children_columns[TC_NCOLS];
extern const struct csv_kind transfer_children_csv;

/* The cells of a record as exported. */
struct cells {
    struct strbuf sb[NEXPORT];
    const char *cell[NEXPORT];
};

void cells_free(struct cells *cs);
/* The cells of c as exported (anonymised when anon; with labels instead
 * of codes when people). False: no memory. */
struct pseudonym;
bool cells_as(const struct child *c, const struct pseudonym *ps, bool people, struct cells *cs);
bool cells_of(const struct child *c, const struct pseudonym *ps, struct cells *cs);
/* Writes every child (of the export's period) with transfer_emit. */
enum status transfer_children_export_all(struct transfer_export *x);

#endif
