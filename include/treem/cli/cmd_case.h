/* cmd_case — the read-only subcommands of `treem case` (list, show, due;
 * src/cli/cmd_case_show.c), dispatched by cmd_case() in src/cli/cmd_case.c
 * with the writing ones (add, step, end, link, delete). Each takes argv
 * with the subcommand's name in argv[0] and returns the exit status. */
#ifndef TREEM_CLI_CMD_CASE_H
#define TREEM_CLI_CMD_CASE_H
#include "treem/cli/cli.h"
#include "treem/model/enums.h"
#include "treem/model/case.h"
#include "treem/db/db.h"
#include <getopt.h>

int cmd_case_list(const struct cli_env *env, const struct cli_command *self, int argc, char **argv);
int cmd_case_show(const struct cli_env *env, const struct cli_command *self, int argc, char **argv);
int cmd_case_due(const struct cli_env *env, const struct cli_command *self, int argc, char **argv);

/* The options of `case add` (src/cli/cmd_case.c), also those of `case edit`
 * (src/cli/cmd_case_edit.c), where --died and --consent take yes or no. */
enum { CO_SOURCE = 256, CO_DATE, CO_TIME, CO_CHILD, CO_NOTE, CO_AGE, CO_SEX, CO_PLACE, CO_STATE,
       CO_CONSEQ, CO_PARENTS, CO_CARER, CO_ACTIONS, CO_KIND, CO_INJURY, CO_DIED, CO_LEVEL,
       CO_CONSENT, CO_RNAME, CO_RPHONE, CO_RADDR, CO_LEVEL_REASON, CO__END };
extern const struct option cmd_case_intake_opts[CO__END - CO_SOURCE + 1];
/* The case the intake options go into, and what they leave for later: the
 * date and hour, the child. */
struct intake_args {
    struct case_file *c;
    const char *date, *time, *child;
    bool injury_given;
};
/* One intake option into the struct intake_args rec (ST_INVALID naming it);
 * an empty --age clears the age; --died and --consent alone set them. */
enum status cmd_case_intake_opt(void *rec, int opt, const char *arg);

/* Reads a closed-list value for option opt ("--kind"): ST_INVALID naming it. */
enum status cmd_case_enum(const char *opt, const struct enum_def *def, const char *s, int *out);

/* The options of `case step` and `case step-edit` (src/cli/cmd_case.c). */
enum { S_DATE = 300, S_TIME, S_EMERG, S_END_DATE, S_END_TIME, S_WHO, S_NOTES, S_RISK, S_SERVICE,
       S_KIND };
extern const struct option cmd_case_step_opts[];

struct step_args {
    struct case_step s;
    const char *date, *time, *end_date, *end_time;
    struct case_risk risks[16];
    size_t nrisks;
    struct case_service items[16];
    size_t nitems;
    char *item_text[16];          /* "TASK;DEPT;START;END;COST" as typed */
};
/* One option into a (ST_INVALID naming it); --kind sets a->s.kind. */
enum status cmd_case_step_opt(void *rec, int opt, const char *arg);
/* Splits --service text i ("TASK;DEPT;START;END;COST") into a->items[i]. */
enum status cmd_case_service_parse(struct db *db, struct step_args *a, size_t i);
void cmd_case_step_args_free(struct step_args *a);

/* The correcting subcommands (src/cli/cmd_case_edit.c): edit, step-edit,
 * step-delete. */
int cmd_case_edit(const struct cli_env *env, const struct cli_command *self, int argc, char **argv);
int cmd_case_step_edit(const struct cli_env *env, const struct cli_command *self, int argc,
                       char **argv);
int cmd_case_step_delete(const struct cli_env *env, const struct cli_command *self, int argc,
                         char **argv);

#endif
