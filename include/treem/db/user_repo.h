/* user_repo — the accounts (schema 010): login, role, password hash,
 * lock after wrong passwords, one-time recovery code, the villages of a
 * collaborator; and the write guard the app layer installs for a role. */
#ifndef TREEM_DB_USER_REPO_H
#define TREEM_DB_USER_REPO_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/db/db.h"

#define USER_LOGIN_MAX 32
#define USER_HASH_BUF 160     /* crypto_pwhash_STRBYTES is 128 */

struct user_row {
    long long id;
    char login[USER_LOGIN_MAX + 1];
    char role[16];                     /* officer | collaborator | viewer */
    char pass_hash[USER_HASH_BUF];
    char recovery_hash[USER_HASH_BUF]; /* "" once used */
    bool disabled;
    int failed;                        /* wrong passwords in a row */
    char locked_until[20];             /* "yyyy-mm-dd hh:mm" or "" */
    char villages[512];                /* village names, ", "-separated (list only) */
};

/* How many accounts there are (0: the database works without sign-in). */
enum status user_repo_count(struct db *db, long long *n);
/* The account login (ST_NOTFOUND when none). */
enum status user_repo_get(struct db *db, const char *login, struct user_row *out);
/* Adds an account (created_at now) and its villages; *id gets its id. */
enum status user_repo_add(struct db *db, const struct user_row *u, const long long *villages, size_t nv,
                          long long *id);
/* Every account, by login, villages filled. */
typedef enum status (*user_row_fn)(const struct user_row *u, void *ctx);
enum status user_repo_each(struct db *db, user_row_fn fn, void *ctx);

/* Changes of one account (id). */
enum status user_repo_set_hash(struct db *db, long long id, const char *hash);
enum status user_repo_set_recovery(struct db *db, long long id, const char *hash_or_null);
enum status user_repo_set_role(struct db *db, long long id, const char *role);
enum status user_repo_set_disabled(struct db *db, long long id, bool disabled);
enum status user_repo_set_villages(struct db *db, long long id, const long long *villages, size_t nv);
/* Wrong-password bookkeeping: failed count and lock (NULL or "": none). */
enum status user_repo_set_failures(struct db *db, long long id, int failed, const char *locked_until);
/* Who recorded case case_id (login, "" before accounts; out n bytes), and
 * setting it. */
enum status user_repo_case_owner(struct db *db, long long case_id, char *out, size_t n);
enum status user_repo_set_case_owner(struct db *db, long long case_id, const char *login);

/* True when child_id lives in one of account id's villages. */
enum status user_repo_child_visible(struct db *db, long long id, long long child_id, bool *out);

/* Enabled officer accounts. */
enum status user_repo_count_officers(struct db *db, long long *n);
/* True when account id may see village_id (it is one of its villages). */
enum status user_repo_has_village(struct db *db, long long id, long long village_id, bool *out);

#endif
