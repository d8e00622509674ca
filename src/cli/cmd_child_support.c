/* cmd_child_support — `treem child risk|help CODE …`: periods at risk of
 * falling into special circumstances and the help a child received. */
#include <config.h>
#include "treem/cli/cmd_child.h"
#include "treem/cli/cli_args.h"
#include "treem/app/child_support.h"
#include "treem/app/children.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AA(field) offsetof(struct child_action_args, field)
static const struct cli_opt support_opts[] = {
    {"", CLI_CALL, .call = cmd_child_word, .value = 2},
    {"dates", CLI_ALSO, .also = cmd_child_dates},
    {"reason", CLI_STR, .at = AA(reason)},
    {"kind", CLI_STR, .at = AA(kind)},
    {"what", CLI_STR, .at = AA(what)},
    {"by", CLI_STR, .at = AA(by)},
    {0},
};
#undef AA

/* `risk CODE add --reason T [--from D] [--to D]`. */
static enum status add_risk(struct db *db, const struct child *c, const struct child_action_args *a)
{
    struct child_risk r = {0, c->id, a->from.y ? a->from : date_today(), a->to,
                           (char *)(a->reason ? a->reason : "")};
    return child_support_add_risk(db, &r);
}

static const struct child_records risks = {1, add_risk, child_support_end_risk,
                                           child_support_delete_risk};

/* `help CODE add --what T --by T [--kind K] [--date D]`. */
static enum status add_help(struct db *db, const struct child *c, const struct child_action_args *a)
{
    struct child_help h = {0, c->id, a->date.y ? a->date : date_today(),
                           a->kind ? enum_parse(&enum_help_kind, a->kind) : HELP_HOME_VISIT,
                           (char *)(a->what ? a->what : ""), (char *)(a->by ? a->by : "")};
    return child_support_add_help(db, &h);
}

static const struct child_records helps = {1, add_help, NULL, child_support_delete_help};

CLI_SUB_FN(cmd_child_risk, cmd_child_action(env, self, argc, argv, support_opts, CLI_BAD_USAGE, NULL, &risks))
CLI_SUB_FN(cmd_child_help_given, cmd_child_action(env, self, argc, argv, support_opts, CLI_BAD_USAGE, NULL, &helps))
