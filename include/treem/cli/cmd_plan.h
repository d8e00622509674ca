/* cmd_plan — the subcommands of `treem plan` about a plan's targets,
 * events and calendar (src/cli/cmd_plan_items.c), dispatched by cmd_plan()
 * in src/cli/cmd_plan.c. Each takes argv with the subcommand's name in
 * argv[0] and returns the exit status (0, 1 failure, 2 usage). */
#ifndef TREEM_CLI_CMD_PLAN_H
#define TREEM_CLI_CMD_PLAN_H
#include "treem/cli/cli.h"

int cmd_plan_target_add(const struct cli_env *env, const struct cli_command *self, int argc,
                        char **argv);
int cmd_plan_target_set(const struct cli_env *env, const struct cli_command *self, int argc,
                        char **argv);
int cmd_plan_target_delete(const struct cli_env *env, const struct cli_command *self, int argc,
                           char **argv);
int cmd_plan_event_add(const struct cli_env *env, const struct cli_command *self, int argc,
                       char **argv);
int cmd_plan_event_edit(const struct cli_env *env, const struct cli_command *self, int argc,
                        char **argv);
int cmd_plan_event_delete(const struct cli_env *env, const struct cli_command *self, int argc,
                          char **argv);
int cmd_plan_calendar(const struct cli_env *env, const struct cli_command *self, int argc,
                      char **argv);
int cmd_plan_measures(const struct cli_env *env, const struct cli_command *self, int argc,
                      char **argv);

#endif
