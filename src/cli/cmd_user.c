/* cmd_user — `treem user`: accounts, roles and passwords (app/auth.h). */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/cli/cli_args.h"
#include "treem/cli/cli_secret.h"
#include "treem/app/auth.h"
#include "treem/app/session.h"
#include "treem/core/i18n.h"
#include "treem/core/strbuf.h"

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct user_args {
    const char *role, *villages;
    bool enable;
};

static const struct cli_opt user_opts[] = {
    {"role", CLI_STR, .at = offsetof(struct user_args, role)},
    {"villages", CLI_STR, .at = offsetof(struct user_args, villages)},
    {"enable", CLI_FLAG, .at = offsetof(struct user_args, enable)},
    {0},
};

/* A new password: $env_name (or $TREEM_NEW_PASSWORD), else typed twice. */
static char *new_password(const char *env_name, const char *login)
{
    struct strbuf prompt = STRBUF_INIT; /* a login of any length */
    char *pass = strbuf_printf(&prompt, _("New password for %s: "), login)
                     ? cli_secret(getenv("TREEM_NEW_PASSWORD") || !env_name ? "TREEM_NEW_PASSWORD" : env_name,
                                  strbuf_str(&prompt), true)
                     : NULL;
    strbuf_free(&prompt);
    return pass;
}

static void show_recovery(const char *login, const char *code)
{
    if (code[0])
        printf(_("Recovery code of %s (write it down and keep it safe; it is shown only this once and "
                 "resets a forgotten password: treem user recover %s):\n  %s\n"), login, login, code);
}

static enum status do_add(struct db *db, bool first, const char *login, const struct user_args *a)
{
    char code[AUTH_RECOVERY_BUF] = "";
    char *pass = new_password(first ? "TREEM_PASSWORD" : NULL, login);
    if (!pass)
        return status_set(ST_CANCELLED, "%s", _("no password given"));
    enum status rc = auth_user_add(db, login, a->role, a->villages, pass, code);
    cli_secret_free(pass);
    if (rc == ST_OK) {
        printf(_("account %s added (%s)\n"), login, a->role);
        show_recovery(login, code);
    }
    return rc;
}

static enum status print_user(const struct user_row *u, void *ctx)
{
    (void)ctx;
    printf("%s\t%s\t%s\t%s\n", u->login, u->role, u->villages[0] ? u->villages : "-",
           u->disabled ? _("disabled") : u->locked_until[0] ? _("locked") : _("active"));
    return ST_OK;
}

static enum status do_recover(struct db *db, const char *login)
{
    char code[AUTH_RECOVERY_BUF] = "";
    char *typed = cli_secret("TREEM_RECOVERY_CODE", _("Recovery code: "), false);
    char *pass = typed ? new_password(NULL, login) : NULL;
    enum status rc = typed && pass ? auth_recover(db, login, typed, pass, code)
                                   : status_set(ST_CANCELLED, "%s", _("no recovery code or password given"));
    cli_secret_free(typed);
    cli_secret_free(pass);
    if (rc == ST_OK) {
        printf(_("the password of %s is changed and the account unlocked\n"), login);
        show_recovery(login, code);
    }
    return rc;
}

static enum status do_list(struct db *db, bool first, const char *login, const struct user_args *a)
{
    (void)first, (void)login, (void)a;
    return auth_user_each(db, print_user, NULL);
}

static enum status do_passwd(struct db *db, bool first, const char *login, const struct user_args *a)
{
    (void)first, (void)a;
    char *pass = new_password(NULL, login);
    enum status rc = pass ? auth_user_passwd(db, login, pass) : status_set(ST_CANCELLED, "%s", _("no password given"));
    cli_secret_free(pass);
    if (rc == ST_OK)
        printf(_("the password of %s is changed\n"), login);
    return rc;
}

static enum status do_disable(struct db *db, bool first, const char *login, const struct user_args *a)
{
    (void)first;
    return auth_user_disable(db, login, !a->enable);
}

static enum status do_role(struct db *db, bool first, const char *login, const struct user_args *a)
{
    (void)first;
    return auth_user_role(db, login, a->role, a->villages);
}

static enum status do_recover_login(struct db *db, bool first, const char *login,
                                    const struct user_args *a)
{
    (void)first, (void)a;
    return do_recover(db, login);
}

/* What an action needs: no LOGIN (list), --role (add, role); may run on a
 * database without accounts (add); needs no sign-in (recover). */
enum { U_NO_LOGIN = 1, U_ROLE = 2, U_FIRST = 4, U_NO_SIGN_IN = 8 };
typedef enum status (*user_action)(struct db *, bool, const char *, const struct user_args *);

static int user_run(const struct cli_env *env, const struct cli_command *self, int argc,
                    char **argv, user_action act, int needs)
{
    struct user_args a = {0};
    int bad = cli_read_opts(self, argc, argv, 0, user_opts, 0, &a, NULL);
    if (bad)
        return bad;
    bool list = needs & U_NO_LOGIN;
    const char *login = optind < argc ? argv[optind] : NULL;
    if ((list && login) || (!list && (!login || optind + 1 != argc)))
        return cli_usage(self, "%s", list ? _("list takes no login") : _("give one LOGIN"));
    if ((needs & U_ROLE) && !a.role)
        return cli_usage(self, "%s", _("--role officer|collaborator|viewer is required"));
    struct db *db;
    if (session_open(env->db_path, false, &db) != ST_OK)
        return cli_fail();
    bool first = !auth_has_accounts(db);
    enum status rc = ST_OK;
    if (first && !(needs & U_FIRST))
        rc = status_set(ST_NOTFOUND, "%s", _("this database has no accounts yet: treem user add LOGIN --role officer"));
    else if (!first && !(needs & U_NO_SIGN_IN))
        rc = cli_sign_in(env, db);
    if (rc == ST_OK)
        rc = act(db, first, login, &a);
    return cli_end(db, rc);
}

static CLI_SUB_FN(run_add, user_run(env, self, argc, argv, do_add, U_ROLE | U_FIRST))
static CLI_SUB_FN(run_list, user_run(env, self, argc, argv, do_list, U_NO_LOGIN))
static CLI_SUB_FN(run_passwd, user_run(env, self, argc, argv, do_passwd, 0))
static CLI_SUB_FN(run_disable, user_run(env, self, argc, argv, do_disable, 0))
static CLI_SUB_FN(run_role, user_run(env, self, argc, argv, do_role, U_ROLE))
static CLI_SUB_FN(run_recover, user_run(env, self, argc, argv, do_recover_login, U_NO_SIGN_IN))

const struct cli_sub cmd_user_subs[] = {
    {"add", run_add, "LOGIN --role officer|collaborator|viewer [--villages NAME,NAME]"},
    {"list", run_list, ""},
    {"passwd", run_passwd, "LOGIN"},
    {"disable", run_disable, "LOGIN [--enable]"},
    {"role", run_role, "LOGIN --role R [--villages …]"},
    {"recover", run_recover, "LOGIN"},
    {NULL, NULL, NULL},
};
