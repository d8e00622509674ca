/* cli — the non-interactive commands (treem init, demo, …): every user
 * action reachable without the terminal, for scripts and tests. Commands
 * print results on stdout and errors on stderr, and return the exit status
 * (0 success, 1 failure, 2 wrong usage). */
#ifndef TREEM_CLI_CLI_H
#define TREEM_CLI_CLI_H
#include "treem/db/db.h"

#include <stdbool.h>
#include <stdio.h>

struct cli_env {
    const char *db_path;   /* resolved database path */
    const char *user;      /* --user LOGIN (NULL: $TREEM_USER), for databases with accounts */
};

struct cli_command;

/* A command or sub-command: runs it on argv (its name in argv[0]) and
 * returns the exit status. */
typedef int cli_run_fn(const struct cli_env *env, const struct cli_command *self, int argc,
                       char **argv);

/* One sub-command of a command (`child add`, `plan list`, …): a command with
 * a table of them is dispatched by cli_dispatch_sub, which also prints its
 * help from the table. run gets argv with the sub-command's name in argv[0]
 * (the command's name for the sub-command named ""). */
struct cli_sub {
    const char *name;      /* NULL ends the table; "" runs when no sub-command is named
                              (nothing, or an option, follows the command) */
    cli_run_fn *run;
    const char *usage;     /* arguments after the sub-command's name, for --help */
};

struct cli_command {
    const char *name;
    const char *usage;     /* arguments after the name, for --help; NULL: the names of subs */
    const char *summary;   /* one line, English msgid */
    /* NULL: dispatch subs; -h/--help are answered before it runs */
    cli_run_fn *run;
    const struct cli_sub *subs;    /* the sub-commands, or NULL */
    void (*help_more)(void);       /* prints more help after the sub-commands, or NULL */
};

/* NULL-name-terminated table of every subcommand. */
extern const struct cli_command cli_commands[];

const struct cli_command *cli_find(const char *name);

/* Runs cmd: its run function, or cli_dispatch_sub over its sub-commands. */
int cli_run(const struct cli_command *cmd, const struct cli_env *env, int argc, char **argv);
/* Runs the sub-command argv[1] of cmd (argv[0] is the command's name). -h or
 * --help anywhere prints the help (exit 0); no sub-command, or one not in the
 * table, is a usage error naming it and listing the table (exit 2). */
int cli_dispatch_sub(const struct cli_command *cmd, const struct cli_env *env, int argc, char **argv);
/* Writes the arguments of cmd after its name: its usage, or the names of its
 * sub-commands joined with '|' (in [ ] when "" is one) and " …". */
void cli_put_usage(FILE *f, const struct cli_command *cmd);
/* Prints the help of cmd on stdout: usage, summary, one line per sub-command. */
void cli_print_help(const struct cli_command *cmd);

/* Defines the sub-command function `name` as the expression `call`, which
 * may use env, self, argc and argv: for sub-commands that differ only in
 * what they hand a shared runner (`static CLI_SUB_FN(…)` for a local one). */
#define CLI_SUB_FN(name, call)                                                                 \
    int name(const struct cli_env *env, const struct cli_command *self, int argc, char **argv) \
    {                                                                                          \
        return call;                                                                           \
    }

/* The sub-command called name in cmd's table, or NULL. */
const struct cli_sub *cli_sub_find(const struct cli_command *cmd, const char *name);
/* A usage error "expected: SUB USAGE" with the usage of sub-command sub in
 * cmd's table; returns 2. */
int cli_sub_usage(const struct cli_command *cmd, const char *sub);
/* For a command or sub-command taking `want` words (argv[0], its name,
 * included): 0 with *db open, or the exit status after saying what is wrong
 * (for a sub-command its usage line); *db is NULL then. */
int cli_open_args(const struct cli_env *env, const struct cli_command *cmd, int argc, char **argv,
                  int want, struct db **db);

/* cli_open_args, then act(db, argc, argv) (the exit status), then closes. */
int cli_on_db(const struct cli_env *env, const struct cli_command *cmd, int argc, char **argv,
              int want, int (*act)(struct db *db, int argc, char **argv));

/* The one word (CODE) after a sub-command's name into *code, and when
 * confirm is not NULL a `--confirm WORD` into *confirm: 0, or 2 after a
 * usage error (another word or option, or no CODE). */
int cli_code_arg(const struct cli_command *cmd, int argc, char **argv, const char **code,
                 const char **confirm);

/* `--yes`: removes every --yes before "--" from argv (closing the gap) and
 * returns how many there were. */
int cli_take_yes(int *argc, char **argv);
/* The refusal of a change that needs confirming: unless `given` --yes reach
 * `needed`, prints "treem: WHAT; add --yes to confirm" (or "add --yes twice
 * to confirm") on stderr and returns 1; else returns 0. */
int cli_confirm(int given, int needed, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Prints "treem: <last status message>" on stderr; returns 1. */
int cli_fail(void);
/* The outcome of an action that returned st: the message fmt on stdout
 * and 0 when st is ST_OK, else cli_fail(). (The arguments are read before
 * the action runs when it is called in the same argument list.) */
int cli_done(enum status st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
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
cli_run_fn cmd_init, cmd_demo, cmd_info, cmd_reindex, cmd_export, cmd_import, cmd_handoff,
    cmd_columns, cmd_backup, cmd_restore, cmd_history, cmd_report, cmd_receive, cmd_communes;
/* Parts of `treem child` (argv[0] is the action: "list", "show", …). */
cli_run_fn cmd_child_list, cmd_child_show, cmd_child_group, cmd_child_measure, cmd_child_check,
    cmd_child_risk, cmd_child_help_given;

/* The sub-command tables of the commands that have them, each in its
 * command's file, and the help printed after them. */
extern const struct cli_sub cmd_child_subs[], cmd_case_subs[], cmd_plan_subs[], cmd_task_subs[],
    cmd_dept_subs[], cmd_score_subs[], cmd_rubric_subs[], cmd_village_subs[], cmd_commune_subs[],
    cmd_holiday_subs[], cmd_setting_subs[], cmd_user_subs[];
void cmd_child_help(void);
void cmd_case_help(void);
void cmd_plan_help(void);
void cmd_task_help(void);   /* DEPT: also the help of `treem dept` */
/* `treem init --province CODE`: the level above's database (cmd_province.c). */
int cmd_init_province(const struct cli_env *env, const char *code);

#endif
