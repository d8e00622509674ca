/* cmd_case — the read-only subcommands of `treem case` (list, show, due;
 * src/cli/cmd_case_show.c), dispatched by cmd_case() in src/cli/cmd_case.c
 * with the writing ones (add, step, end, link, delete). Each takes argv
 * with the subcommand's name in argv[0] and returns the exit status. */
#ifndef TREEM_CLI_CMD_CASE_H
#define TREEM_CLI_CMD_CASE_H
#include "treem/cli/cli.h"
#include "treem/model/enums.h"

int cmd_case_list(const struct cli_env *env, const struct cli_command *self, int argc, char **argv);
int cmd_case_show(const struct cli_env *env, const struct cli_command *self, int argc, char **argv);
int cmd_case_due(const struct cli_env *env, const struct cli_command *self, int argc, char **argv);

/* Reads a closed-list value for option opt ("--kind"): ST_INVALID naming it. */
enum status cmd_case_enum(const char *opt, const struct enum_def *def, const char *s, int *out);

#endif
