/* auth — who is using the program: accounts (login, role, villages),
 * sign-in with libsodium password hashes (crypto_pwhash_str, Argon2id),
 * five wrong passwords lock an account for AUTH_LOCK_MINUTES, a one-time
 * recovery code for officers, and the rules of each role, checked here so
 * that the interface, every command and every import obey them:
 *   officer       everything;
 *   collaborator  sees and changes only children of their villages and only
 *                 the case reports they recorded; nothing else changes;
 *   viewer        sees, changes nothing (but their own password).
 * A database without accounts works as before: no sign-in, the role from the
 * setting "role" (cases_role). Once an account exists every use needs one.
 * The signed-in person is process-wide (one per program run); signing in
 * also makes them the connection's actor, whom the audit log names
 * (db_set_actor, db/db.h). */
#ifndef TREEM_APP_AUTH_H
#define TREEM_APP_AUTH_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/db/db.h"
#include "treem/db/user_repo.h"
#include "treem/model/case.h"

#define AUTH_MAX_FAILURES 5
#define AUTH_LOCK_MINUTES 15
#define AUTH_PASSWORD_MIN 8
#define AUTH_RECOVERY_BUF 24   /* "XXXX-XXXX-XXXX-XXXX" + NUL */

struct auth_user {
    long long id;
    char login[USER_LOGIN_MAX + 1];
    enum user_role role;
};

/* The signed-in person, or NULL (no accounts, or not signed in yet). */
const struct auth_user *auth_current(void);
/* True when the database has accounts (then a sign-in is needed). */
bool auth_has_accounts(struct db *db);

/* Signs login in with password: ST_DENIED "wrong login or password",
 * "account disabled" or "locked until …" (after AUTH_MAX_FAILURES wrong
 * passwords in a row, for AUTH_LOCK_MINUTES); on success installs the
 * role's write guard (db_guard_writes) and becomes auth_current(). */
enum status auth_sign_in(struct db *db, const char *login, const char *password);
/* Checks the signed-in person's password again (the interface's idle lock):
 * ST_DENIED as auth_sign_in (wrong tries count and lock too). */
enum status auth_unlock(struct db *db, const char *password);
/* Forgets the signed-in person and removes the guard. */
void auth_sign_out(struct db *db);

/* ST_DENIED naming the role unless the signed-in person is an officer
 * (without accounts: allowed); what says what was refused. */
enum status auth_require_officer(struct db *db, const char *what);
/* ST_DENIED naming the role unless the person may change children and
 * cases (officer, collaborator). */
enum status auth_require_writer(struct db *db);

/* The commune-wide figures (report, score sheet, summary of the level
 * above) are the officer's work: ST_DENIED naming the role and what for a
 * collaborator, who sees only their villages; ST_OK for everyone else. */
enum status auth_require_commune_wide(const char *what);
/* The signed-in person's write guard (as at sign-in) on another connection
 * they act through: a commune's file opened from the level above's. ST_OK
 * and nothing when nobody is signed in. */
enum status auth_guard(struct db *db);
/* Collaborators: 0 for everyone else (no limit), else the account id whose
 * villages limit the children seen (child_query.only_user). */
long long auth_village_scope(void);
/* ST_OK when the person may see and change a child of village_id (for a
 * collaborator: one of their villages, so not 0); ST_DENIED naming the
 * role else; db errors. */
enum status auth_check_village(struct db *db, long long village_id);
/* For exports: true when the person may see child_id / case case_id
 * (always true but for collaborators; false on a database error). */
bool auth_child_visible(struct db *db, long long child_id);
bool auth_case_visible(struct db *db, long long case_id);
/* The login recorded as who made a case ("" without accounts). */
const char *auth_case_owner(void);
/* ST_OK when the person may see and change a case recorded by created_by;
 * ST_DENIED naming the role else. */
enum status auth_check_case(const char *created_by);

/* Account management (officer only once accounts exist; the first account
 * needs no sign-in and must be an officer). villages: names, comma-separated
 * (collaborators: at least one). An officer account gets a one-time
 * recovery code, written into recovery (AUTH_RECOVERY_BUF; "" for others)
 * to be shown once. ST_INVALID naming the field or argument. */
enum status auth_user_add(struct db *db, const char *login, const char *role, const char *villages,
                          const char *password, char *recovery);
/* The signed-in person's own password, or (officer) anyone's. */
enum status auth_user_passwd(struct db *db, const char *login, const char *password);
enum status auth_user_role(struct db *db, const char *login, const char *role, const char *villages);
enum status auth_user_disable(struct db *db, const char *login, bool disabled);
enum status auth_user_each(struct db *db, user_row_fn fn, void *ctx);
/* A forgotten password: the officer's recovery code sets a new password,
 * unlocks the account, and is used up; a new code goes to new_code. */
enum status auth_recover(struct db *db, const char *login, const char *code, const char *password,
                         char *new_code);

/* Checks a new password (at least AUTH_PASSWORD_MIN characters), and a
 * login (2 to USER_LOGIN_MAX lower-case letters, digits, '.', '_', '-'). */
enum status auth_password_check(const char *password);
enum status auth_login_check(const char *login);

/* For the unit tests only (the program never calls it): hash new passwords
 * and recovery codes at libsodium's minimum Argon2id limits, so that the
 * tests run fast (false: back to the real limits). Verifying reads the
 * limits from the hash itself. */
void auth_test_weak_hashing(bool on);

#endif
