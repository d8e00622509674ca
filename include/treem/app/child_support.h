/* child_support — the use cases of a child's risk periods and help records
 * (model/child_support.h): each is one transaction with its audit line
 * (by db_actor(db)), the record checked against the child's birth and
 * today. */
#ifndef TREEM_APP_CHILD_SUPPORT_H
#define TREEM_APP_CHILD_SUPPORT_H
#include <stddef.h>
#include "treem/db/db.h"
#include "treem/model/child_support.h"

/* Adds r / h for child r->child_id (its id set); ST_INVALID naming the
 * field, ST_NOTFOUND for an unknown child. Texts are stored in NFC. */
enum status child_support_add_risk(struct db *db, struct child_risk *r);
enum status child_support_add_help(struct db *db, struct child_help *h);
/* Ends (to.y == 0 reopens) / deletes a risk period; deletes a help record.
 * ST_NOTFOUND when the child has no record with that number. */
enum status child_support_end_risk(struct db *db, long long child_id, long long id, struct date to);
enum status child_support_delete_risk(struct db *db, long long child_id, long long id);
enum status child_support_delete_help(struct db *db, long long child_id, long long id);
/* A child's records, oldest first (free with child_risks_free /
 * child_helps_free). */
enum status child_support_risks(struct db *db, long long child_id, struct child_risk **out, size_t *n);
enum status child_support_helps(struct db *db, long long child_id, struct child_help **out, size_t *n);

#endif
