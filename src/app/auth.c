/* auth — accounts, sign-in and the rules of each role. */
#include <config.h>
#include "treem/app/auth.h"
#include "treem/app/pseudonym.h"
#include "treem/db/audit_repo.h"
#include "treem/core/date.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct auth_user current;
static bool signed_in;

/* Tables each role may change (prefixes; db_guard_writes). A collaborator
 * writes children and cases (and their index, audit lines, code counters
 * in setting); the rows are checked here (villages, own cases). Everyone
 * may change their own password (app_user). */
static const char *const collaborator_tables[] = {"child", "case_", "audit_log", "setting", "app_user", NULL};
static const char *const viewer_tables[] = {"app_user", "audit_log", NULL};

const struct auth_user *auth_current(void) { return signed_in ? &current : NULL; }

bool auth_has_accounts(struct db *db)
{
    long long n = 0;
    if (user_repo_count(db, &n) != ST_OK) {
        status_clear();
        return true; /* fail closed: ask for a sign-in */
    }
    return n > 0;
}

static const char *role_label(enum user_role r) { return _(enum_label(&enum_user_role, r)); }

static enum status denied(enum user_role r, const char *what)
{
    return status_set(ST_DENIED, _("%s: not allowed for the role %s"), what, role_label(r));
}

/* "yyyy-mm-dd hh:mm" of now plus minutes. */
static void stamp(long long plus, char out[20])
{
    struct datetime t = datetime_from_minutes(datetime_to_minutes(date_now()) + plus);
    char day[DATE_BUF];
    date_iso(t.date, day);
    snprintf(out, 20, "%s %02d:%02d", day, t.hour, t.min);
}

static enum status install_guard(struct db *db)
{
    if (current.role == ROLE_OFFICER)
        return db_guard_writes(db, NULL, NULL);
    if (current.role == ROLE_COLLABORATOR)
        return db_guard_writes(db, collaborator_tables,
            _("not allowed for the role Village collaborator: a collaborator changes only children of "
              "their villages and the case reports they recorded"));
    return db_guard_writes(db, viewer_tables, _("not allowed for the role Viewer: a viewer changes nothing"));
}

enum status auth_guard(struct db *db)
{
    return signed_in ? install_guard(db) : ST_OK;
}

/* Checks password against u, counting wrong tries and locking. */
static enum status verify(struct db *db, const struct user_row *u, const char *password)
{
    char now[20];
    stamp(0, now);
    if (u->disabled)
        return status_set(ST_DENIED, _("the account %s is disabled"), u->login);
    if (u->locked_until[0] && strcmp(now, u->locked_until) < 0)
        return status_set(ST_DENIED, _("the account %s is locked until %s after %d wrong passwords"), u->login,
                          u->locked_until + 11, AUTH_MAX_FAILURES);
    if (sodium_init() < 0)
        return status_set(ST_IO, "%s", _("cannot start the cryptography library (libsodium)"));
    if (crypto_pwhash_str_verify(u->pass_hash, password, strlen(password)) == 0) {
        enum status rc = u->failed || u->locked_until[0] ? user_repo_set_failures(db, u->id, 0, NULL) : ST_OK;
        return rc;
    }
    int failed = u->failed + 1;
    char until[20] = "";
    if (failed >= AUTH_MAX_FAILURES)
        stamp(AUTH_LOCK_MINUTES, until);
    enum status rc = user_repo_set_failures(db, u->id, failed >= AUTH_MAX_FAILURES ? 0 : failed, until);
    if (rc != ST_OK)
        return rc;
    if (until[0])
        return status_set(ST_DENIED, _("wrong password: the account %s is locked for %d minutes"), u->login,
                          AUTH_LOCK_MINUTES);
    return status_set(ST_DENIED, _("wrong login or password (%d tries left before the account is locked)"),
                      AUTH_MAX_FAILURES - failed);
}

enum status auth_sign_in(struct db *db, const char *login, const char *password)
{
    struct user_row u;
    enum status rc = user_repo_get(db, login ? login : "", &u);
    if (rc == ST_NOTFOUND)
        return status_set(ST_DENIED, "%s", _("wrong login or password"));
    if (rc == ST_OK)
        rc = verify(db, &u, password ? password : "");
    sodium_memzero(u.pass_hash, sizeof u.pass_hash);
    if (rc == ST_OK)
        rc = db_set_actor(db, u.login); /* the audit log names them from now on */
    if (rc != ST_OK)
        return rc;
    int role = enum_from_code(&enum_user_role, u.role);
    current.id = u.id;
    snprintf(current.login, sizeof current.login, "%s", u.login);
    current.role = role < 0 ? ROLE_VIEWER : (enum user_role)role;
    signed_in = true;
    return install_guard(db);
}

enum status auth_unlock(struct db *db, const char *password)
{
    if (!signed_in)
        return ST_OK;
    struct user_row u;
    enum status rc = user_repo_get(db, current.login, &u);
    if (rc == ST_OK)
        rc = verify(db, &u, password ? password : "");
    sodium_memzero(u.pass_hash, sizeof u.pass_hash);
    return rc == ST_NOTFOUND ? status_set(ST_DENIED, "%s", _("wrong login or password")) : rc;
}

void auth_sign_out(struct db *db)
{
    memset(&current, 0, sizeof current);
    signed_in = false;
    if (db) {
        db_guard_writes(db, NULL, NULL);
        db_set_actor(db, NULL); /* never fails */
    }
}

enum status auth_require_officer(struct db *db, const char *what)
{
    (void)db; /* without accounts everything is allowed, as before */
    return !signed_in || current.role == ROLE_OFFICER ? ST_OK : denied(current.role, what);
}

enum status auth_require_writer(struct db *db)
{
    (void)db;
    return signed_in && current.role == ROLE_VIEWER ? denied(current.role, _("changes")) : ST_OK;
}

enum status auth_require_commune_wide(const char *what)
{
    if (!auth_village_scope())
        return ST_OK;
    return status_set(ST_DENIED, _("%s: not allowed for the role %s (it counts the whole commune; a collaborator "
                                   "sees only their villages)"),
                      what, role_label(current.role));
}

long long auth_village_scope(void)
{
    return signed_in && current.role == ROLE_COLLABORATOR ? current.id : 0;
}

enum status auth_check_village(struct db *db, long long village_id)
{
    if (!auth_village_scope())
        return ST_OK;
    bool ok = false; /* a child without a village is no collaborator's */
    enum status rc = village_id ? user_repo_has_village(db, current.id, village_id, &ok) : ST_OK;
    if (rc != ST_OK)
        return rc;
    return ok ? ST_OK : denied(current.role, _("a child of a village that is not yours"));
}

const char *auth_case_owner(void) { return signed_in ? current.login : ""; }

enum status auth_check_case(const char *created_by)
{
    if (!auth_village_scope() || strcmp(created_by ? created_by : "", current.login) == 0)
        return ST_OK;
    return denied(current.role, _("a case recorded by someone else"));
}

bool auth_child_visible(struct db *db, long long child_id)
{
    bool ok = true;
    if (auth_village_scope() && user_repo_child_visible(db, current.id, child_id, &ok) != ST_OK) {
        status_clear();
        return false;
    }
    return ok;
}

bool auth_case_visible(struct db *db, long long case_id)
{
    char owner[USER_LOGIN_MAX + 1];
    if (!auth_village_scope())
        return true;
    bool ok = user_repo_case_owner(db, case_id, owner, sizeof owner) == ST_OK && strcmp(owner, current.login) == 0;
    status_clear();
    return ok;
}
