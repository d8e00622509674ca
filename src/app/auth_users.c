/* auth_users — adding and changing accounts, recovery codes. */
#include <config.h>
#include "treem/app/auth.h"
#include "treem/app/children.h"
#include "treem/app/pseudonym.h"
#include "treem/app/tx.h"
#include "treem/db/audit_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/mem.h"
#include "treem/core/utf8.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char b32[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

enum status auth_password_check(const char *password)
{
    if (!password || utf8_char_count(password) < AUTH_PASSWORD_MIN)
        return status_set(ST_INVALID, _("password: at least %d characters"), AUTH_PASSWORD_MIN);
    return ST_OK;
}

enum status auth_login_check(const char *login)
{
    size_t n = login ? strlen(login) : 0;
    bool ok = n >= 2 && n <= USER_LOGIN_MAX;
    for (size_t i = 0; ok && i < n; i++)
        ok = (login[i] >= 'a' && login[i] <= 'z') || (login[i] >= '0' && login[i] <= '9') || login[i] == '.' ||
             login[i] == '_' || login[i] == '-';
    return ok ? ST_OK
              : status_set(ST_INVALID, _("login: 2 to %d lower-case letters, digits, '.', '_' or '-'"),
                           USER_LOGIN_MAX);
}

/* Argon2id at libsodium's INTERACTIVE limits; only auth_test_weak_hashing
 * (called by the unit tests, never by the program) lowers them. */
static bool weak_hashing;

void auth_test_weak_hashing(bool on) { weak_hashing = on; }

static enum status hash(const char *secret, char out[USER_HASH_BUF])
{
    if (sodium_init() < 0)
        return status_set(ST_IO, "%s", _("cannot start the cryptography library (libsodium)"));
    if (crypto_pwhash_str(out, secret, strlen(secret),
                          weak_hashing ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          weak_hashing ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return status_set(ST_NOMEM, "%s", _("not enough memory to hash the password"));
    return ST_OK;
}

/* A new recovery code "XXXX-XXXX-XXXX-XXXX" (80 random bits) and its hash. */
static enum status recovery_make(char code[AUTH_RECOVERY_BUF], char out_hash[USER_HASH_BUF])
{
    unsigned char r[16];
    char plain[17];
    randombytes_buf(r, sizeof r);
    for (int i = 0; i < 16; i++)
        plain[i] = b32[r[i] & 31];
    plain[16] = '\0';
    snprintf(code, AUTH_RECOVERY_BUF, "%.4s-%.4s-%.4s-%.4s", plain, plain + 4, plain + 8, plain + 12);
    enum status rc = hash(plain, out_hash);
    sodium_memzero(plain, sizeof plain);
    return rc;
}

/* The code as typed: letters upper-cased, '-' and spaces dropped, O→0, I/L→1. */
static void recovery_norm(const char *in, char out[17])
{
    size_t j = 0;
    for (const char *p = in ? in : ""; *p && j < 16; p++) {
        char c = *p >= 'a' && *p <= 'z' ? (char)(*p - 32) : *p;
        if (c == '-' || c == ' ')
            continue;
        out[j++] = c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c;
    }
    out[j] = '\0';
}

/* Village names "A, B" into ids (caller frees *ids). */
static enum status villages_parse(struct db *db, const char *names, long long **ids, size_t *n)
{
    *ids = NULL;
    *n = 0;
    char *copy = strdup(names ? names : "");
    if (!copy)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    enum status rc = ST_OK;
    char *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); rc == ST_OK && tok; tok = strtok_r(NULL, ",", &save)) {
        while (*tok == ' ')
            tok++;
        if (!*tok)
            continue;
        if (!mem_resize(ids, *n + 1, sizeof **ids)) {
            rc = status_set(ST_NOMEM, "%s", _("out of memory"));
            break;
        }
        if ((rc = children_find_village(db, tok, &(*ids)[*n])) != ST_OK)
            rc = status_set(ST_INVALID, "--villages: %s", status_message());
        else
            (*n)++;
    }
    free(copy);
    return rc;
}

/* Role code → enum, or ST_INVALID naming --role. */
static enum status role_parse(const char *role, enum user_role *out)
{
    int r = enum_from_code(&enum_user_role, role ? role : "");
    if (r < 0)
        return status_set(ST_INVALID, "%s", _("--role: give officer, collaborator or viewer"));
    *out = (enum user_role)r;
    return ST_OK;
}

/* One transaction around fn's changes, with an audit line. */
static enum status audited(struct db *db, const char *login, const char *field, const char *value)
{
    return audit_record(db, field ? AUDIT_CHANGE : AUDIT_CREATE, "user", login, field, NULL,
                        value);
}

static enum status add_checked(struct db *db, const char *login, enum user_role role, const char *villages,
                               const char *password, char *recovery)
{
    long long *ids = NULL;
    size_t nv = 0;
    struct user_row u = {0};
    enum status rc = villages_parse(db, villages, &ids, &nv);
    if (rc == ST_OK && role == ROLE_COLLABORATOR && nv == 0)
        rc = status_set(ST_INVALID, "%s", _("--villages: a collaborator needs at least one village"));
    snprintf(u.login, sizeof u.login, "%s", login);
    snprintf(u.role, sizeof u.role, "%s", enum_code(&enum_user_role, role));
    if (rc == ST_OK)
        rc = hash(password, u.pass_hash);
    if (rc == ST_OK && role == ROLE_OFFICER)
        rc = recovery_make(recovery, u.recovery_hash);
    long long id;
    if (rc == ST_OK && (rc = db_begin(db)) == ST_OK) {
        rc = user_repo_add(db, &u, ids, nv, &id);
        if (rc == ST_OK)
            rc = audited(db, login, NULL, u.role);
        rc = tx_end(db, rc);
    }
    free(ids);
    return rc;
}

enum status auth_user_add(struct db *db, const char *login, const char *role, const char *villages,
                          const char *password, char *recovery)
{
    recovery[0] = '\0';
    enum user_role r = ROLE_VIEWER;
    long long n = 0;
    struct user_row old;
    enum status rc = user_repo_count(db, &n);
    if (rc == ST_OK && n > 0)
        rc = auth_require_officer(db, _("adding an account"));
    if (rc == ST_OK)
        rc = auth_login_check(login);
    if (rc == ST_OK)
        rc = role_parse(role, &r);
    if (rc == ST_OK && n == 0 && r != ROLE_OFFICER)
        rc = status_set(ST_INVALID, "%s", _("--role: the first account must be the officer's"));
    if (rc == ST_OK)
        rc = auth_password_check(password);
    if (rc == ST_OK && (rc = user_repo_get(db, login, &old)) == ST_OK)
        rc = status_set(ST_EXISTS, _("login: %s already exists"), login);
    if (rc == ST_NOTFOUND)
        rc = ST_OK;
    struct pseudonym ps; /* the hand-off key exists before anyone is limited */
    if (rc == ST_OK && (rc = pseudonym_load(db, &ps)) == ST_OK)
        pseudonym_clear(&ps);
    return rc == ST_OK ? add_checked(db, login, r, villages, password, recovery) : rc;
}

/* The account login (ST_NOTFOUND naming it). */
static enum status find(struct db *db, const char *login, struct user_row *u)
{
    enum status rc = user_repo_get(db, login ? login : "", u);
    return rc == ST_NOTFOUND ? status_set(ST_NOTFOUND, _("no account called '%s'"), login ? login : "") : rc;
}

enum status auth_user_passwd(struct db *db, const char *login, const char *password)
{
    const struct auth_user *me = auth_current();
    struct user_row u;
    char h[USER_HASH_BUF];
    enum status rc = me && strcmp(me->login, login ? login : "") == 0 ? ST_OK
                                                                      : auth_require_officer(db, _("another's password"));
    if (rc == ST_OK)
        rc = find(db, login, &u);
    if (rc == ST_OK)
        rc = auth_password_check(password);
    if (rc == ST_OK)
        rc = hash(password, h);
    if (rc == ST_OK)
        rc = user_repo_set_hash(db, u.id, h);
    return rc == ST_OK ? audited(db, login, "password", NULL) : rc;
}

/* Refuses to leave the database without an enabled officer. */
static enum status keep_an_officer(struct db *db, const struct user_row *u)
{
    long long n = 0;
    if (strcmp(u->role, "officer") != 0 || u->disabled)
        return ST_OK;
    enum status rc = user_repo_count_officers(db, &n);
    if (rc == ST_OK && n <= 1)
        rc = status_set(ST_INVALID, _("%s is the only officer: add another officer first"), u->login);
    return rc;
}

enum status auth_user_role(struct db *db, const char *login, const char *role, const char *villages)
{
    struct user_row u;
    enum user_role r = ROLE_VIEWER;
    long long *ids = NULL;
    size_t nv = 0;
    enum status rc = auth_require_officer(db, _("changing an account"));
    if (rc == ST_OK)
        rc = find(db, login, &u);
    if (rc == ST_OK)
        rc = role_parse(role, &r);
    if (rc == ST_OK && r != ROLE_OFFICER)
        rc = keep_an_officer(db, &u);
    if (rc == ST_OK)
        rc = villages_parse(db, villages, &ids, &nv);
    if (rc == ST_OK && r == ROLE_COLLABORATOR && nv == 0)
        rc = status_set(ST_INVALID, "%s", _("--villages: a collaborator needs at least one village"));
    if (rc == ST_OK && (rc = db_begin(db)) == ST_OK) {
        rc = user_repo_set_role(db, u.id, enum_code(&enum_user_role, r));
        if (rc == ST_OK)
            rc = user_repo_set_villages(db, u.id, ids, nv);
        if (rc == ST_OK)
            rc = audited(db, login, "role", enum_code(&enum_user_role, r));
        rc = tx_end(db, rc);
    }
    free(ids);
    return rc;
}

enum status auth_user_disable(struct db *db, const char *login, bool disabled)
{
    struct user_row u;
    enum status rc = auth_require_officer(db, _("changing an account"));
    if (rc == ST_OK)
        rc = find(db, login, &u);
    if (rc == ST_OK && disabled)
        rc = keep_an_officer(db, &u);
    if (rc == ST_OK)
        rc = user_repo_set_disabled(db, u.id, disabled);
    return rc == ST_OK ? audited(db, login, "disabled", disabled ? "1" : "0") : rc;
}

enum status auth_user_each(struct db *db, user_row_fn fn, void *ctx)
{
    enum status rc = auth_require_officer(db, _("the list of accounts"));
    return rc == ST_OK ? user_repo_each(db, fn, ctx) : rc;
}

enum status auth_recover(struct db *db, const char *login, const char *code, const char *password,
                         char *new_code)
{
    new_code[0] = '\0';
    struct user_row u;
    char norm[17], h[USER_HASH_BUF], rh[USER_HASH_BUF];
    recovery_norm(code, norm);
    enum status rc = find(db, login, &u);
    if (rc == ST_OK && (!u.recovery_hash[0] || sodium_init() < 0 ||
                        crypto_pwhash_str_verify(u.recovery_hash, norm, strlen(norm)) != 0))
        rc = status_set(ST_DENIED, "%s", _("wrong recovery code"));
    if (rc == ST_OK)
        rc = auth_password_check(password);
    if (rc == ST_OK)
        rc = hash(password, h);
    if (rc == ST_OK)
        rc = recovery_make(new_code, rh);
    if (rc == ST_OK && (rc = db_begin(db)) == ST_OK) {
        rc = user_repo_set_hash(db, u.id, h); /* also unlocks */
        if (rc == ST_OK)
            rc = user_repo_set_recovery(db, u.id, rh);
        if (rc == ST_OK)
            rc = audited(db, login, "recovered", NULL);
        rc = tx_end(db, rc);
    }
    if (rc != ST_OK)
        new_code[0] = '\0';
    return rc;
}
