/* cli — the table of subcommands and their shared helpers. */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/app/auth.h"
#include "treem/app/session.h"
#include "treem/cli/cli_secret.h"
#include "treem/core/i18n.h"
#include "treem/core/strbuf.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Commands without sub-commands leave subs and help_more out; the usage of
 * those with sub-commands is NULL: the names in their table (cli_put_usage). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
const struct cli_command cli_commands[] = {
    {"init", "--commune CODE | --province CODE",
     N_("create or upgrade the database for a commune, or for the level above (a province)"), cmd_init},
    {"demo", "[--force]", N_("write the demonstration database (at --db) and exit"), cmd_demo},
    {"info", "", N_("show the commune, the schema version and the counts"), cmd_info},
    {"reindex", "", N_("bring the search index up to date after a large import"), cmd_reindex},
    {"commune", NULL,
     N_("find a commune or ward in the shipped list; change the database's commune"), NULL, cmd_commune_subs, NULL},
    {"village", NULL,
     N_("the villages (thôn, tổ dân phố): add, list, rename, merge, delete"), NULL, cmd_village_subs, NULL},
    {"child", NULL,
     N_("the register of children: add, list and search, show, edit, delete; groups and health"), NULL, cmd_child_subs, cmd_child_help},
    {"setting", NULL, N_("read or change a setting (officer_name, level_above, lang, …)"), NULL, cmd_setting_subs, NULL},
    {"plan", NULL,
     N_("plans with their targets and calendar; copy a plan to the next year"), NULL, cmd_plan_subs, cmd_plan_help},
    {"task", NULL, N_("the departments' tasks under the plans"), NULL, cmd_task_subs, cmd_task_help},
    {"case", NULL,
     N_("case records (Nghị định 56/2017): intake, steps, deadlines, the due list"), NULL, cmd_case_subs, cmd_case_help},
    {"dept", NULL, N_("the commune's departments and the criteria they answer for"), NULL, cmd_dept_subs, cmd_task_help},
    {"score", NULL,
     N_("print the year's scoring sheet of the 13 criteria, or type a value and its evidence"), NULL, cmd_score_subs, NULL},
    {"rubric", NULL,
     N_("show or correct the rule set (criteria, indicators, bands), import or export it as CSV"), NULL, cmd_rubric_subs, NULL},
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
    {"holiday", NULL,
     N_("the holiday table the deadlines count with: days off and make-up working days"), NULL, cmd_holiday_subs, NULL},
    {"history", "KIND KEY",
     N_("who changed what and when, with the old values: KIND child, case, village, holiday, "
        "plan, target, event, task or dept"), cmd_history},
    {"user", NULL,
     N_("accounts: who signs in, their role and villages; passwords and the officer's recovery code"), NULL, cmd_user_subs, NULL},
    {NULL, NULL, NULL, NULL},
};
#pragma GCC diagnostic pop

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

int cli_done(enum status st, const char *fmt, ...)
{
    if (st != ST_OK)
        return cli_fail();
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    return 0;
}

void cli_put_usage(FILE *f, const struct cli_command *cmd)
{
    if (!cmd->subs) {
        fputs(cmd->usage, f);
        return;
    }
    bool implied = false, first = true;
    for (const struct cli_sub *s = cmd->subs; s->name; s++)
        implied |= !*s->name;
    fputs(implied ? "[" : "", f);
    for (const struct cli_sub *s = cmd->subs; s->name; s++)
        if (*s->name) {
            fprintf(f, "%s%s", first ? "" : "|", s->name);
            first = false;
        }
    fputs(implied ? "] …" : " …", f);
}

int cli_usage(const struct cli_command *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "treem %s: ", cmd->name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n%s: treem %s ", _("usage"), cmd->name);
    cli_put_usage(stderr, cmd);
    fputc('\n', stderr);
    return 2;
}

void cli_print_help(const struct cli_command *cmd)
{
    printf("%s: treem %s ", _("usage"), cmd->name);
    cli_put_usage(stdout, cmd);
    printf("\n  %s\n", _(cmd->summary));
    for (const struct cli_sub *s = cmd->subs; s && s->name; s++)
        printf("  treem %s%s%s%s%s\n", cmd->name, *s->name ? " " : "", s->name, *s->usage ? " " : "",
               s->usage);
    if (cmd->help_more)
        cmd->help_more();
}

static bool is_help(const char *arg)
{
    return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

int cli_wants_help(const struct cli_command *cmd, int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (is_help(argv[i])) {
            cli_print_help(cmd);
            return 1;
        }
    return 0;
}

int cli_dispatch_sub(const struct cli_command *cmd, const struct cli_env *env, int argc, char **argv)
{
    if (cli_wants_help(cmd, argc, argv))
        return 0;
    const char *name = argc > 1 ? argv[1] : NULL;
    bool named = name && name[0] != '-';
    const struct cli_sub *s = cli_sub_find(cmd, named ? name : "");
    if (s)
        return named ? s->run(env, cmd, argc - 1, argv + 1) : s->run(env, cmd, argc, argv);
    return named ? cli_usage(cmd, _("unknown subcommand '%s'"), name)
                 : cli_usage(cmd, "%s", _("expected a subcommand"));
}

int cli_run(const struct cli_command *cmd, const struct cli_env *env, int argc, char **argv)
{
    if (!cmd->run)
        return cli_dispatch_sub(cmd, env, argc, argv);
    return cli_wants_help(cmd, argc, argv) ? 0 : cmd->run(env, cmd, argc, argv);
}

const struct cli_sub *cli_sub_find(const struct cli_command *cmd, const char *name)
{
    for (const struct cli_sub *s = cmd->subs; s && s->name; s++)
        if (strcmp(s->name, name) == 0)
            return s;
    return NULL;
}

int cli_sub_usage(const struct cli_command *cmd, const char *sub)
{
    const struct cli_sub *s = cli_sub_find(cmd, sub);
    if (s && !*s->usage)
        return cli_usage(cmd, _("expected: %s alone"), sub);
    if (s)
        return cli_usage(cmd, _("expected: %s %s"), sub, s->usage);
    return cli_usage(cmd, "%s", _("expected a subcommand"));
}

int cli_open_args(const struct cli_env *env, const struct cli_command *cmd, int argc, char **argv,
                  int want, struct db **db)
{
    *db = NULL;
    if (argc != want && cli_sub_find(cmd, argv[0]))
        return cli_sub_usage(cmd, argv[0]);
    if (argc > want)
        return cli_usage(cmd, _("unexpected argument '%s'"), argv[want]);
    if (argc < want)
        return cli_usage(cmd, "%s", _("expected more arguments"));
    return cli_open(env, db) == ST_OK ? 0 : cli_fail();
}

int cli_on_db(const struct cli_env *env, const struct cli_command *cmd, int argc, char **argv,
              int want, int (*act)(struct db *db, int argc, char **argv))
{
    struct db *db = NULL;
    int rc = cli_open_args(env, cmd, argc, argv, want, &db);
    if (rc == 0)
        rc = act(db, argc, argv);
    db_close(db);
    return rc;
}

int cli_code_arg(const struct cli_command *cmd, int argc, char **argv, const char **code,
                 const char **confirm)
{
    for (int i = 1; i < argc; i++) {
        if (confirm && strcmp(argv[i], "--confirm") == 0 && i + 1 < argc)
            *confirm = argv[++i];
        else if (!*code && argv[i][0] != '-')
            *code = argv[i];
        else
            return cli_usage(cmd, _("unexpected argument '%s'"), argv[i]);
    }
    return *code ? 0 : cli_sub_usage(cmd, argv[0]);
}

int cli_take_yes(int *argc, char **argv)
{
    int n = 0, keep = 1, i = 1;
    for (; i < *argc && strcmp(argv[i], "--") != 0; i++) {
        if (strcmp(argv[i], "--yes") == 0)
            n++;
        else
            argv[keep++] = argv[i];
    }
    while (i < *argc)
        argv[keep++] = argv[i++];
    *argc = keep;
    return n;
}

int cli_confirm(int given, int needed, const char *fmt, ...)
{
    if (given >= needed)
        return 0;
    va_list ap;
    fputs("treem: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "; %s\n", needed > 1 ? _("add --yes twice to confirm") : _("add --yes to confirm"));
    return 1;
}

enum status cli_sign_in(const struct cli_env *env, struct db *db)
{
    if (!auth_has_accounts(db))
        return ST_OK;
    const char *login = env->user ? env->user : getenv("TREEM_USER");
    if (!login || !*login)
        return status_set(ST_DENIED, "%s",
                          _("this database has accounts: give --user LOGIN (or TREEM_USER) and the password"));
    struct strbuf prompt = STRBUF_INIT; /* a login of any length */
    char *pass = strbuf_printf(&prompt, _("Password for %s: "), login)
                     ? cli_secret("TREEM_PASSWORD", strbuf_str(&prompt), false) : NULL;
    strbuf_free(&prompt);
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
