/* row_kind — the get, list, update and delete the repositories share, and
 * the audit lines of a deletion. */
#include <config.h>
#include "treem/db/row_kind.h"
#include "treem/db/audit_repo.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum status row_kind_get(struct db *db, const struct row_kind *k, long long id, void *out)
{
    enum status rc = row_get_id(db, k->get_sql, id, out, k->size, k->read, k->clear,
                                _("database"));
    if (rc == ST_NOTFOUND)
        rc = status_set(ST_NOTFOUND, _(k->missing), id);
    return rc;
}

enum status row_kind_list(struct db *db, const struct row_kind *k, long long parent, void **out,
                          size_t *n)
{
    return row_list_id(db, k->list_sql, parent, k->size, k->read, k->clear, out, n);
}

/* The stored record id of kind k into a zero-filled copy (*old, malloc'd;
 * k->clear and free it). */
static enum status kind_get(struct db *db, const struct row_kind *k, long long id, void **old)
{
    *old = calloc(1, k->size);
    if (!*old)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    enum status rc = row_kind_get(db, k, id, *old);
    if (rc != ST_OK) {
        free(*old);
        *old = NULL;
    }
    return rc;
}

static void kind_free(const struct row_kind *k, void *old)
{
    k->clear(old);
    free(old);
}

enum status row_kind_update(struct db *db, const struct row_kind *k,
                            const void *rec, long long id)
{
    void *old;
    enum status rc = kind_get(db, k, id, &old);
    if (rc != ST_OK)
        return rc;
    rc = row_write_rec(db, k->update_sql, k->bind, rec, k->key, id, _(k->cannot_save));
    if (rc == ST_OK)
        rc = k->diff(db, old, rec);
    kind_free(k, old);
    return rc;
}

enum status row_kind_delete(struct db *db, const struct row_kind *k,
                            long long id)
{
    void *old;
    enum status rc = kind_get(db, k, id, &old);
    if (rc != ST_OK)
        return rc;
    char sql[128];
    snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id = ?1", k->entity);
    const char *label;
    memcpy(&label, (const char *)old + k->label, sizeof label);
    rc = row_delete_id(db, sql, k->entity, id, label, _(k->cannot_delete));
    kind_free(k, old);
    return rc;
}

enum status row_audit_deleted(struct db *db, const char *entity,
                              const char *sql, long long id)
{
    sqlite3_stmt *st;
    enum status rc = row_prepare(db, sql, &st, ROW_INT(id));
    if (rc != ST_OK)
        return rc;
    while (rc == ST_OK && row_next(db, st, &rc))
        rc = audit_record_id(db, AUDIT_DELETE, entity, sqlite3_column_int64(st, 0), NULL,
                             (const char *)sqlite3_column_text(st, 1), NULL);
    sqlite3_finalize(st);
    return rc;
}

enum status row_delete_id(struct db *db, const char *sql, const char *entity,
                          long long id, const char *old_text, const char *what)
{
    enum status rc = row_exec_id(db, sql, id, what);
    if (rc != ST_OK)
        return rc;
    return audit_record_id(db, AUDIT_DELETE, entity, id, NULL, old_text, NULL);
}
