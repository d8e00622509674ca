/* cmd_plan — the subcommands of `treem plan` about a plan's targets,
 * events and calendar (src/cli/cmd_plan_items.c), dispatched by cmd_plan()
 * in src/cli/cmd_plan.c. Each takes argv with the subcommand's name in
 * argv[0] and returns the exit status (0, 1 failure, 2 usage). */
#ifndef TREEM_CLI_CMD_PLAN_H
#define TREEM_CLI_CMD_PLAN_H
#include "treem/cli/cli.h"
#include "treem/core/date.h"

cli_run_fn cmd_plan_target_add, cmd_plan_target_set, cmd_plan_target_delete, cmd_plan_event_add,
    cmd_plan_event_edit, cmd_plan_event_delete, cmd_plan_calendar, cmd_plan_measures;

/* "dd/mm/yyyy", or "dd/mm/yyyy – dd/mm/yyyy" when end is set: the days of an
 * event or a calendar line, in buf. */
#define PLAN_SPAN_BUF (2 * DATE_BUF + 8)
const char *cmd_plan_span(struct date start, struct date end, char buf[PLAN_SPAN_BUF]);

#endif
