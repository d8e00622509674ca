/* cli — the non-interactive commands (treem init, demo, …): every user
 * action reachable without the terminal, for scripts and tests. Commands
 * print results on stdout and errors on stderr, and return the exit status
 * (0 success, 1 failure, 2 wrong usage). */
#ifndef TREEM_CLI_CLI_H
#define TREEM_CLI_CLI_H
#include "treem/db/db.h"

struct cli_env {
    const char *db_path;   /* resolved database path */
    const char *user;      /* --user LOGIN (NULL: $TREEM_USER), for databases with accounts */
};

struct cli_command {
    const char *name;
    const char *usage;     /* arguments after the name, for --help */
    const char *summary;   /* one line, English msgid */
    int (*run)(const struct cli_env *env, int argc, char **argv);
};

/* NULL-name-terminated table of every subcommand. */
extern const struct cli_command cli_commands[];

const struct cli_command *cli_find(const char *name);

/* Prints "treem: <last status message>" on stderr; returns 1. */
int cli_fail(void);
/* Prints a usage error for cmd on stderr; returns 2. */
int cli_usage(const struct cli_command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* True when argv holds -h/--help: prints the command's usage. */
int cli_wants_help(const struct cli_command *cmd, int argc, char **argv);

/* Opens the existing database of env for a command (migrating it). */
enum status cli_open(const struct cli_env *env, struct db **out);
/* On a database with accounts (app/auth.h), signs in the person named by
 * --user or $TREEM_USER with the password of $TREEM_PASSWORD or typed at
 * the terminal; ST_DENIED saying what is missing or wrong. Without accounts
 * does nothing (the program works as before). cli_open calls it. */
enum status cli_sign_in(const struct cli_env *env, struct db *db);

/* The commands. */
int cmd_init(const struct cli_env *env, int argc, char **argv);
int cmd_demo(const struct cli_env *env, int argc, char **argv);
int cmd_info(const struct cli_env *env, int argc, char **argv);
int cmd_reindex(const struct cli_env *env, int argc, char **argv);
int cmd_village(const struct cli_env *env, int argc, char **argv);
int cmd_setting(const struct cli_env *env, int argc, char **argv);
int cmd_commune(const struct cli_env *env, int argc, char **argv);
int cmd_plan(const struct cli_env *env, int argc, char **argv);
int cmd_task(const struct cli_env *env, int argc, char **argv);
int cmd_dept(const struct cli_env *env, int argc, char **argv);
int cmd_child(const struct cli_env *env, int argc, char **argv);
int cmd_case(const struct cli_env *env, int argc, char **argv);
int cmd_export(const struct cli_env *env, int argc, char **argv);
int cmd_import(const struct cli_env *env, int argc, char **argv);
int cmd_handoff(const struct cli_env *env, int argc, char **argv);
int cmd_columns(const struct cli_env *env, int argc, char **argv);
int cmd_backup(const struct cli_env *env, int argc, char **argv);
int cmd_restore(const struct cli_env *env, int argc, char **argv);
int cmd_holiday(const struct cli_env *env, int argc, char **argv);
int cmd_history(const struct cli_env *env, int argc, char **argv);
/* `village show|rename|merge|delete` and `commune set` (src/cli/cmd_places.c);
 * argv[0] is the action. */
int cmd_village_fix(const struct cli_env *env, const struct cli_command *self, int argc,
                    char **argv);
int cmd_commune_set(const struct cli_env *env, const struct cli_command *self, int argc,
                    char **argv);
int cmd_user(const struct cli_env *env, int argc, char **argv);

/* Parts of `treem child` (argv[0] is the action: "list", "show", …). */
int cmd_child_list(const struct cli_env *env, int argc, char **argv);
int cmd_child_show(const struct cli_env *env, int argc, char **argv);
int cmd_child_facts(const struct cli_env *env, int argc, char **argv);
int cmd_child_support(const struct cli_env *env, int argc, char **argv);
int cmd_score(const struct cli_env *env, int argc, char **argv);
int cmd_rubric(const struct cli_env *env, int argc, char **argv);
int cmd_report(const struct cli_env *env, int argc, char **argv);
/* The level above (cmd_province.c). */
int cmd_init_province(const struct cli_env *env, const char *code);
int cmd_receive(const struct cli_env *env, int argc, char **argv);
int cmd_communes(const struct cli_env *env, int argc, char **argv);

#endif
