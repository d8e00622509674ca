/* cmd_case — the read-only subcommands of `treem case` (list, show, due;
 * src/cli/cmd_case_show.c), dispatched by cmd_case() in src/cli/cmd_case.c
 * with the writing ones (add, step, end, link, delete). Each takes argv
 * with the subcommand's name in argv[0] and returns the exit status. */
#ifndef TREEM_CLI_CMD_CASE_H
#define TREEM_CLI_CMD_CASE_H
#include "treem/cli/cli.h"
#include "treem/cli/cli_args.h"
#include "treem/model/enums.h"
#include "treem/model/case.h"
#include "treem/db/db.h"

cli_run_fn cmd_case_list, cmd_case_show, cmd_case_due;

/* The case the intake options go into, and what they leave for later: the
 * date and hour, the child. */
struct intake_args {
    struct case_file c;
    const char *date, *time, *child;
    bool injury_given;
};
/* The options of `case add` into a struct intake_args (src/cli/cmd_case.c),
 * also those of `case edit` (src/cli/cmd_case_edit.c), where the flags
 * (--died, --consent) take yes or no; an empty --age clears the age. */
enum { CASE_INTAKE_NOPTS = 23 };
extern const struct cli_opt cmd_case_intake_opts[CASE_INTAKE_NOPTS];

struct step_args {
    struct case_step s;
    const char *date, *time, *end_date, *end_time;
    struct case_risk risks[16];
    size_t nrisks;
    struct case_service items[16];
    size_t nitems;
    char *item_text[16];          /* "TASK;DEPT;START;END;COST" as typed */
};
/* The options of `case step` and `case step-edit` into a struct step_args
 * (src/cli/cmd_case.c); --kind sets a->s.kind. */
extern const struct cli_opt cmd_case_step_opts[];
/* The id of the child CODE names in the register (ST_NOTFOUND saying so). */
enum status cmd_case_child_id(struct db *db, const char *code, long long *id);
/* Splits --service text i ("TASK;DEPT;START;END;COST") into a->items[i]. */
enum status cmd_case_service_parse(struct db *db, struct step_args *a, size_t i);
void cmd_case_step_args_free(struct step_args *a);

/* The correcting subcommands (src/cli/cmd_case_edit.c): edit, step-edit,
 * step-delete. */
cli_run_fn cmd_case_edit, cmd_case_step_edit, cmd_case_step_delete;

#endif
