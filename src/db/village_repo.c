/* village_repo — rename, merge and delete villages, audited. */
#include <config.h>
#include "treem/db/village_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/db/row_kind.h"
#include "treem/core/i18n.h"
#include "treem/core/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ENTITY "village"

void village_rows_free(struct village_row *rows, size_t n)
{
    for (size_t i = 0; rows && i < n; i++)
        free(rows[i].name);
    free(rows);
}

static bool read_row(sqlite3_stmt *st, void *elem)
{
    struct village_row *r = elem;
    bool ok = true;
    r->id = sqlite3_column_int64(st, 0);
    r->name = row_text(st, 1, true, &ok);
    r->children = sqlite3_column_int64(st, 2);
    return ok;
}

static void clear_row(void *elem)
{
    free(((struct village_row *)elem)->name);
}

enum status village_repo_list(struct db *db, struct village_row **out, size_t *n)
{
    return row_list(db, "SELECT v.id, v.name, (SELECT count(*) FROM child c WHERE "
                    "c.village_id = v.id) FROM village v ORDER BY v.sort, v.name", sizeof **out,
                    read_row, clear_row, (void **)out, n);
}

/* The text of the query sql (one column of village ?1 = id) into *out (malloc'd). */
static enum status village_text(struct db *db, const char *sql, long long id, char **out)
{
    enum status rc = row_text_id(db, sql, id, out, _("cannot read the villages"));
    if (rc == ST_NOTFOUND)
        rc = status_set(ST_NOTFOUND, _("%s: there is no village %lld"), _("village"), id);
    return rc;
}

/* The name of village id into *name (malloc'd). */
static enum status name_of(struct db *db, long long id, char **name)
{
    return village_text(db, "SELECT name FROM village WHERE id = ?1", id, name);
}

static enum status fold_of(struct db *db, long long id, char **fold)
{
    return village_text(db, "SELECT name_fold FROM village WHERE id = ?1", id, fold);
}

enum status village_repo_find(struct db *db, const char *name, const char *fold, long long *id)
{
    sqlite3_stmt *st = NULL;
    enum status rc = row_prepare(db, "SELECT id, name, name = ?1 FROM village WHERE name = ?1 OR "
                                 "name_fold = ?2 ORDER BY name = ?1 DESC, sort, name", &st,
                                 ROW_TEXT(name), ROW_TEXT(fold));
    if (rc != ST_OK)
        return rc;
    struct strbuf names = STRBUF_INIT;
    int found = 0, step;
    bool exact = false;
    while (!exact && (step = sqlite3_step(st)) == SQLITE_ROW) {
        if (found++ == 0) {
            *id = sqlite3_column_int64(st, 0);
            exact = sqlite3_column_int(st, 2);
        }
        strbuf_printf(&names, "%s'%s'", found > 1 ? ", " : "",
                      (const char *)sqlite3_column_text(st, 1));
    }
    if (!exact && step != SQLITE_DONE)
        rc = db_fail(db, _("cannot read the villages"));
    sqlite3_finalize(st);
    if (rc == ST_OK && !exact && found == 0)
        rc = status_set(ST_NOTFOUND, _("%s: there is no village called '%s' (treem village list)"),
                        _("village"), name);
    else if (rc == ST_OK && !exact && found > 1)
        rc = status_set(ST_INVALID, _("%s: '%s' fits several villages (%s): write the name "
                                      "exactly"), _("village"), name, strbuf_str(&names));
    strbuf_free(&names);
    return rc;
}

enum status village_repo_same_fold(struct db *db, const char *fold, long long except,
                                   long long *id)
{
    sqlite3_stmt *st = NULL;
    *id = 0;
    enum status rc = row_prepare(db, "SELECT id FROM village WHERE name_fold = ?1 AND id <> ?2 "
                                 "LIMIT 1", &st, ROW_TEXT(fold), ROW_INT(except));
    if (rc == ST_OK)
        rc = row_int(db, st, id, _("cannot read the villages"));
    return rc == ST_NOTFOUND ? ST_OK : rc;
}

/* The children of village id: their search text ends with the village's
 * folded name (child_repo_search_text puts it last); old_fold → new_fold. */
static enum status refold_children(struct db *db, long long id, const char *old_fold,
                                   const char *new_fold)
{
    return row_exec(db, "UPDATE child SET search = substr(search, 1, length(search) - "
                    "length(?1)) || ?2 WHERE village_id = ?3 AND substr(search, -length(?1)) = ?1",
                    _("cannot save the children of the village"), ROW_TEXT(old_fold),
                    ROW_TEXT(new_fold), ROW_INT(id));
}

enum status village_repo_rename(struct db *db, long long id, const char *name,
                                const char *fold)
{
    char *old = NULL, *old_fold = NULL, key[24];
    enum status rc = name_of(db, id, &old);
    if (rc == ST_OK)
        rc = fold_of(db, id, &old_fold);
    if (rc == ST_OK)
        rc = row_exec(db, "UPDATE village SET name = ?1, name_fold = ?2 WHERE id = ?3",
                      _("cannot save the village"), ROW_TEXT(name), ROW_TEXT(fold), ROW_INT(id));
    if (rc == ST_OK && strcmp(old_fold, fold) != 0)
        rc = refold_children(db, id, old_fold, fold);
    snprintf(key, sizeof key, "%lld", id);
    if (rc == ST_OK)
        rc = audit_field(db, ENTITY, key, "name", old, name);
    free(old);
    free(old_fold);
    return rc;
}

/* One "child" audit line per child of village from: village old → new. */
static enum status audit_moves(struct db *db, long long from, const char *old,
                               const char *new_name, long long *moved)
{
    sqlite3_stmt *st = NULL;
    enum status rc = row_prepare(db, "SELECT uid FROM child WHERE village_id = ?1 ORDER BY id", &st,
                                 ROW_INT(from));
    if (rc != ST_OK)
        return rc;
    int step;
    long long n = 0;
    while (rc == ST_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        rc = audit_record(db, AUDIT_CHANGE, "child", (const char *)sqlite3_column_text(st, 0),
                          "village", old, new_name);
        n++;
    }
    if (rc == ST_OK && step != SQLITE_DONE)
        rc = db_fail(db, _("cannot read the children of the village"));
    sqlite3_finalize(st);
    if (moved)
        *moved = n;
    return rc;
}

static enum status move_children(struct db *db, long long from, long long into)
{
    char at[DATETIME_BUF];
    audit_stamp(at);
    return row_exec(db, "UPDATE child SET village_id = ?1, rev = rev + 1, updated_at = ?2 "
                    "WHERE village_id = ?3", _("cannot move the children of the village"),
                    ROW_INT(into), ROW_TEXT(at), ROW_INT(from));
}

enum status village_repo_merge(struct db *db, long long from, long long into,
                               long long *moved)
{
    if (from == into)
        return status_set(ST_INVALID, "%s: %s", _("village"), _("a village cannot be merged "
                                                               "into itself"));
    char *a = NULL, *b = NULL, *fa = NULL, *fb = NULL, key[24], what[512];
    enum status rc = name_of(db, from, &a);
    if (rc == ST_OK)
        rc = name_of(db, into, &b);
    if (rc == ST_OK)
        rc = fold_of(db, from, &fa);
    if (rc == ST_OK)
        rc = fold_of(db, into, &fb);
    if (rc == ST_OK)
        rc = audit_moves(db, from, a, b, moved);
    if (rc == ST_OK && strcmp(fa, fb) != 0)
        rc = refold_children(db, from, fa, fb);
    if (rc == ST_OK)
        rc = move_children(db, from, into);
    if (rc == ST_OK)
        rc = row_exec_id(db, "DELETE FROM village WHERE id = ?1", from,
                         _("cannot delete the village"));
    snprintf(key, sizeof key, "%lld", from);
    snprintf(what, sizeof what, "%s (merged into %s)", a ? a : "", b ? b : "");
    if (rc == ST_OK)
        rc = audit_record(db, AUDIT_DELETE, ENTITY, key, NULL, what, NULL);
    free(a);
    free(b);
    free(fa);
    free(fb);
    return rc;
}

enum status village_repo_delete(struct db *db, long long id)
{
    char *name = NULL, key[24];
    snprintf(key, sizeof key, "%lld", id);
    long long used = 0;
    enum status rc = name_of(db, id, &name);
    if (rc == ST_OK)
        rc = db_query_int(db, "SELECT count(*) FROM child WHERE village_id = ?1", key, &used);
    if (rc == ST_OK && used)
        rc = status_set(ST_CONFLICT, _("%s: %lld children of the register live in '%s'; move them "
                                       "first (treem village merge)"), _("village"), used, name);
    if (rc == ST_OK)
        rc = row_delete_id(db, "DELETE FROM village WHERE id = ?1", ENTITY, id, name,
                           _("cannot delete the village"));
    free(name);
    return rc;
}

/* ------------------------------------------------- look-ups of the app */

enum status village_repo_count(struct db *db, long long *n)
{
    return db_query_int(db, "SELECT count(*) FROM village", NULL, n);
}

enum status village_repo_names(struct db *db, char ***names, size_t *n)
{
    return row_query_texts(db, "SELECT name FROM village ORDER BY sort, name", names, n);
}

enum status village_repo_ids(struct db *db, long long **ids, size_t *n)
{
    sqlite3_stmt *st = NULL;
    *ids = NULL;
    *n = 0;
    enum status rc = db_prepare(db, "SELECT id FROM village ORDER BY sort, id", &st);
    if (rc != ST_OK)
        return rc;
    return row_collect_ids(db, st, ids, n);
}

enum status village_repo_add(struct db *db, const char *name, const char *fold)
{
    sqlite3_stmt *st;
    enum status rc = row_prepare(db,
        "INSERT INTO village(name, name_fold, sort) "
        "VALUES (?1, ?2, (SELECT coalesce(max(sort), 0) + 1 FROM village)) "
        "ON CONFLICT(name) DO NOTHING", &st, ROW_TEXT(name), ROW_TEXT(fold));
    if (rc != ST_OK)
        return rc;
    rc = db_step_done(db, st, _("cannot save village"));
    sqlite3_finalize(st);
    return rc;
}

enum status village_repo_match(struct db *db, const char *fold, long long *id, int *found,
                               bool *exact)
{
    sqlite3_stmt *st;
    *found = 0;
    *exact = false;
    enum status rc = row_prepare(db,
        "SELECT id, name_fold = ?1 FROM village WHERE instr(name_fold, ?1) > 0 "
        "ORDER BY name_fold = ?1 DESC LIMIT 2", &st, ROW_TEXT(fold));
    if (rc != ST_OK)
        return rc;
    while (!*exact && rc == ST_OK && row_next(db, st, &rc)) {
        if ((*found)++ == 0) {
            *id = sqlite3_column_int64(st, 0);
            *exact = sqlite3_column_int(st, 1);
        }
    }
    sqlite3_finalize(st);
    return rc;
}
