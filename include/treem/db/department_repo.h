/* department_repo — the commune's departments (table department of schema
 * 001, seeded from the shipped defaults): list, read, find by what the
 * officer types, add and edit (name, contact, phone, criteria, active).
 * Writes validate with department_validate, store criteria normalised,
 * append audit lines (entity "department") and run inside the caller's
 * transaction. Departments are deactivated, never deleted: tasks refer to
 * them. */
#ifndef TREEM_DB_DEPARTMENT_REPO_H
#define TREEM_DB_DEPARTMENT_REPO_H
#include "treem/db/db.h"
#include "treem/model/department.h"

/* Departments in id order (the shipped order first); inactive ones only
 * when with_inactive. Caller frees with department_list_free. */
enum status department_repo_list(struct db *db, bool with_inactive, struct department **out,
                                 size_t *n);
/* Reads one department (caller clears with department_clear). */
enum status department_repo_get(struct db *db, long long id, struct department *out);
/* The department the officer means by key: its id, its code ("congan"), or
 * words found in its folded name ("cong an", "y te"). ST_NOTFOUND naming
 * the key when none matches; ST_INVALID listing the candidates when the
 * words match several. */
enum status department_repo_find(struct db *db, const char *key, struct department *out);
/* Adds a department (d->id set); its code may be NULL. */
enum status department_repo_insert(struct db *db, struct department *d);
/* Rewrites name, contact, phone, criteria and active of d->id (not the code),
 * one audit line per changed field. */
enum status department_repo_update(struct db *db, const struct department *d);

/* How many departments there are in *n (only the active ones when
 * active_only); the database error otherwise. */
enum status department_repo_count(struct db *db, bool active_only, long long *n);
/* *known: whether a department has this code. ST_OK or the database error. */
enum status department_repo_code_known(struct db *db, const char *code, bool *known);
/* *active: whether department id takes new tasks. ST_NOTFOUND (no message)
 * when there is no such department; the database error otherwise. */
enum status department_repo_is_active(struct db *db, long long id, bool *active);
/* The id of the first active department in id order; ST_NOTFOUND (no
 * message) when none is active. */
enum status department_repo_first_active(struct db *db, long long *id);

#endif
