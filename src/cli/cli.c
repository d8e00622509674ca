/* cli — the table of subcommands and their shared helpers. */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/app/auth.h"
#include "treem/app/session.h"
#include "treem/cli/cli_secret.h"
#include "treem/core/i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct cli_command cli_commands[] = {
    {"init", "--commune CODE | --province CODE",
     N_("create or upgrade the database for a commune, or for the level above (a province)"), cmd_init},
    {"demo", "[--force]", N_("write the demonstration database (at --db) and exit"), cmd_demo},
    {"info", "", N_("show the commune, the schema version and the counts"), cmd_info},
    {"reindex", "", N_("bring the search index up to date after a large import"), cmd_reindex},
    {"commune", "search TEXT | set CODE [--yes]",
     N_("find a commune or ward in the shipped list; change the database's commune"), cmd_commune},
    {"village", "add NAME... | list | show | rename OLD NEW | merge FROM INTO | delete NAME",
     N_("the villages (thôn, tổ dân phố): add, list, rename, merge, delete"), cmd_village},
    {"child", "add|list|show|edit|delete|group|measure|check …",
     N_("the register of children: add, list and search, show, edit, delete; groups and health"), cmd_child},
    {"setting", "get KEY | set KEY VALUE | list", N_("read or change a setting (officer_name, level_above, lang, …)"), cmd_setting},
    {"plan", "add|list|show|copy|...",
     N_("plans with their targets and calendar; copy a plan to the next year"), cmd_plan},
    {"task", "add|list|show|done|...", N_("the departments' tasks under the plans"), cmd_task},
    {"case", "add|list|show|due|step|end|link|delete|edit|step-edit|step-delete …",
     N_("case records (Nghị định 56/2017): intake, steps, deadlines, the due list"), cmd_case},
    {"dept", "list|add|edit ...", N_("the commune's departments and the criteria they answer for"), cmd_dept},
    {"score", "[set|clear|refresh] --year YYYY ...",
     N_("print the year's scoring sheet of the 13 criteria, or type a value and its evidence"), cmd_score},
    {"rubric", "show|band-set|band-del|max-set|import|export ...",
     N_("show or correct the rule set (criteria, indicators, bands), import or export it as CSV"), cmd_rubric},
    {"export", "KIND FILE[.xlsx] [--people|--codes] [--plain] [--anonymise] [--force]",
     N_("write one kind of records to a CSV file or an .xlsx workbook (for people: Vietnamese headers and labels)"),
     cmd_export},
    {"import", "KIND FILE[.xlsx] | DIR | SEALED-FILE [--dry-run] [--errors FILE [--force]] [--skip-bad-rows] [--prefer-newer] [--progress] "
               "[--encoding tcvn3|vni|cp1258|utf-8] [--sheet NAME]",
     N_("read a CSV file, an .xlsx workbook or a hand-off package; all or nothing unless --skip-bad-rows"),
     cmd_import},
    {"handoff", "--out DIR|FILE [--from DATE --to DATE] [--with-names] [--encrypt] [--plain] [--force]",
     N_("write the hand-off package for the level above (one CSV per kind and a manifest); anonymised "
        "unless --with-names"), cmd_handoff},
    {"columns", "[KIND] [--templates DIR]",
     N_("print the column reference of the CSV files, or write header-only templates"), cmd_columns},
    {"report", "[--half YEAR | --year YEAR | --from D --to D] [--csv FILE] [--xlsx FILE] [--number N] [--signer NAME] [--force]",
     N_("the periodic report to the level above (6-month, annual), as text, CSV or an Excel workbook"), cmd_report},
    {"receive", "DIR... [--dry-run] [--prefer-newer]",
     N_("level above: receive communes' hand-off packages, each into its commune's database"), cmd_receive},
    {"communes", "", N_("level above: one line per commune with its last package, counts and score"),
     cmd_communes},
    {"backup", "[--out FILE [--force]]",
     N_("write a checked copy of the database (default: into the backups folder beside it)"), cmd_backup},
    {"restore", "FILE",
     N_("put a backup back: checks it, backs up the database as it is, then replaces it"), cmd_restore},
    {"holiday", "list [--year Y] | add DD/MM/YYYY NAME [--workday] | delete DD/MM/YYYY",
     N_("the holiday table the deadlines count with: days off and make-up working days"),
     cmd_holiday},
    {"history", "KIND KEY",
     N_("who changed what and when, with the old values: KIND child, case, village, holiday, "
        "plan, target, event, task or dept"), cmd_history},
    {"user", "add LOGIN --role officer|collaborator|viewer [--villages NAME,NAME] | list | passwd LOGIN | "
             "disable LOGIN [--enable] | role LOGIN --role R [--villages …] | recover LOGIN",
     N_("accounts: who signs in, their role and villages; passwords and the officer's recovery code"), cmd_user},
    {NULL, NULL, NULL, NULL},
};

const struct cli_command *cli_find(const char *name)
{
    for (const struct cli_command *c = cli_commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

int cli_fail(void)
{
    fprintf(stderr, "treem: %s\n", status_message());
    return 1;
}

int cli_usage(const struct cli_command *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "treem %s: ", cmd->name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n%s: treem %s %s\n", _("usage"), cmd->name, cmd->usage);
    return 2;
}

int cli_wants_help(const struct cli_command *cmd, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            printf("%s: treem %s %s\n  %s\n", _("usage"), cmd->name, cmd->usage, _(cmd->summary));
            return 1;
        }
    }
    return 0;
}

enum status cli_sign_in(const struct cli_env *env, struct db *db)
{
    if (!auth_has_accounts(db))
        return ST_OK;
    const char *login = env->user ? env->user : getenv("TREEM_USER");
    if (!login || !*login)
        return status_set(ST_DENIED, "%s",
                          _("this database has accounts: give --user LOGIN (or TREEM_USER) and the password"));
    char prompt[128];
    snprintf(prompt, sizeof prompt, _("Password for %s: "), login);
    char *pass = cli_secret("TREEM_PASSWORD", prompt, false);
    if (!pass)
        return status_set(ST_DENIED, "%s", _("no password given"));
    enum status rc = auth_sign_in(db, login, pass);
    cli_secret_free(pass);
    return rc;
}

enum status cli_open(const struct cli_env *env, struct db **out)
{
    enum status rc = session_open(env->db_path, false, out);
    if (rc == ST_OK && (rc = cli_sign_in(env, *out)) != ST_OK) {
        char *msg = strdup(status_message());
        db_close(*out);
        *out = NULL;
        status_set(rc, "%s", msg ? msg : "");
        free(msg);
    }
    return rc;
}
