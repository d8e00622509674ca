/* audit_repo — the append-only audit log: who did what to which record,
 * when, and which field changed from what to what. Triggers in the schema
 * refuse UPDATE and DELETE on the table. */
#ifndef TREEM_DB_AUDIT_REPO_H
#define TREEM_DB_AUDIT_REPO_H
#include "treem/db/db.h"
#include "treem/core/date.h"
#include <stddef.h>

enum audit_action { AUDIT_CREATE, AUDIT_CHANGE, AUDIT_DELETE };

/* Appends one line by db_actor(db) (the connection's actor: whoever signed
 * in, else the officer's name), stamped with date_now(). field/old_value/new_value may
 * be NULL (a whole-record event). Call inside the caller's transaction so
 * the change and its audit line are saved together. */
enum status audit_record(struct db *db, enum audit_action action,
                         const char *entity, const char *entity_id, const char *field,
                         const char *old_value, const char *new_value);

/* audit_field for each of the n rows {field, old_value, new_value} of f:
 * the audit lines of an update, one per field that changed. */
enum status audit_fields(struct db *db, const char *entity,
                         const char *entity_id, const char *const (*f)[3], size_t n);

/* audit_record and audit_fields for a record known by its number (the id
 * written as decimal text). */
enum status audit_record_id(struct db *db, enum audit_action action,
                            const char *entity, long long id, const char *field,
                            const char *old_value, const char *new_value);
enum status audit_fields_id(struct db *db, const char *entity, long long id,
                            const char *const (*f)[3], size_t n);

/* The stamp audit lines carry now: "yyyy-mm-dd hh:mm". */
void audit_stamp(char at[DATETIME_BUF]);

/* Appends a CHANGE line only when old_value and new_value differ (NULL and
 * "" count as equal). */
enum status audit_field(struct db *db, const char *entity,
                        const char *entity_id, const char *field,
                        const char *old_value, const char *new_value);

/* One line of the log as read back. */
struct audit_row {
    long long id;
    char at[DATETIME_BUF];          /* "yyyy-mm-dd hh:mm" */
    char *who, *action, *entity, *entity_id, *field, *old_value, *new_value; /* "" for NULL */
};
void audit_rows_free(struct audit_row *rows, size_t n);

/* The lines of one record (entity, entity_id), oldest first (free with
 * audit_rows_free). */
enum status audit_repo_history(struct db *db, const char *entity, const char *entity_id,
                               struct audit_row **out, size_t *n);

/* The lines of case case_id and of its steps, also of the steps deleted
 * since, with the deletions of their ratings and plan items; oldest first. */
enum status audit_repo_case_history(struct db *db, long long case_id, struct audit_row **out,
                                    size_t *n);

#endif
