/* row_kind — what the repositories that keep records in one table under
 * their id share beyond row: their get, list, update (with one audit line
 * per changed field) and delete (with an audit line holding what was
 * deleted), declared once per kind of record. */
#ifndef TREEM_DB_ROW_KIND_H
#define TREEM_DB_ROW_KIND_H
#include "treem/db/row.h"

/* The audit lines of an update: old is the stored record, rec the new one. */
typedef enum status (*row_diff_fn)(struct db *db, const void *old,
                                   const void *rec);

/* A record a repository keeps in one table under its id: what the get,
 * list, update and delete the repositories share need to know of it. */
struct row_kind {
    const char *entity;     /* its table, and the entity of its audit lines */
    size_t size;            /* sizeof the record */
    size_t label;           /* offsetof its char * text a deletion's audit line keeps */
    row_read_fn read;
    row_clear_fn clear;
    const char *get_sql;    /* its columns for read, WHERE id = ?1 */
    const char *missing;    /* N_(): "there is no … %lld" (the id) */
    const char *list_sql;   /* its records of the parent ?1, in order (NULL: none) */
    const char *update_sql; /* sets the fields of bind, WHERE id = ?key (NULL: none) */
    row_bind_fn bind;
    int key;
    row_diff_fn diff;
    const char *cannot_save, *cannot_delete; /* N_() texts */
};

/* The record id into out (zero-filled first; k->clear frees it), or
 * ST_NOTFOUND with the message k->missing. */
enum status row_kind_get(struct db *db, const struct row_kind *k, long long id, void *out);
/* The records of parent (list_sql) into *out, a malloc'd array of *n. */
enum status row_kind_list(struct db *db, const struct row_kind *k, long long parent, void **out,
                          size_t *n);
/* Reads the stored record id, rewrites it with rec (update_sql, bind, ?key
 * = id), then writes the audit lines of k->diff. */
enum status row_kind_update(struct db *db, const struct row_kind *k,
                            const void *rec, long long id);
/* Reads the stored record id, deletes it, and records the audit line "who
 * deleted entity id, which was <its label>". */
enum status row_kind_delete(struct db *db, const struct row_kind *k,
                            long long id);

/* The audit lines "who deleted entity <id>, which was <text>" of the
 * records a deletion takes with it: the rows (id, text) of sql with ?1 = id. */
enum status row_audit_deleted(struct db *db, const char *entity,
                              const char *sql, long long id);

/* Runs the DELETE sql with ?1 = id (row_exec_id), then records the audit
 * line "who deleted entity id, which was old_text". */
enum status row_delete_id(struct db *db, const char *sql, const char *entity,
                          long long id, const char *old_text, const char *what);

#endif
