/* cmd_child_support — `treem child risk|help CODE …`: periods at risk of
 * falling into special circumstances and the help a child received. */
#include <config.h>
#include "treem/cli/cmd_child.h"
#include "treem/cli/cli_args.h"
#include "treem/app/child_support.h"
#include "treem/app/children.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct option support_opts[] = {
    {"from", required_argument, NULL, 'f'}, {"to", required_argument, NULL, 't'},
    {"date", required_argument, NULL, 'd'}, {"reason", required_argument, NULL, 'r'},
    {"kind", required_argument, NULL, 'k'}, {"what", required_argument, NULL, 'w'},
    {"by", required_argument, NULL, 'b'}, {NULL, 0, NULL, 0},
};

static enum status date_arg(const char *option, const char *text, struct date *out)
{
    if (date_parse(text, out) == ST_OK)
        return ST_OK;
    char msg[256];
    snprintf(msg, sizeof msg, "%s", status_message());
    return status_set(ST_INVALID, "--%s: %s", option, msg);
}

static enum status read_support(int argc, char **argv, struct child_action_args *a)
{
    int c;
    enum status st = ST_OK;
    optind = 0;
    while (st == ST_OK && (c = getopt_long(argc, argv, "-", support_opts, NULL)) != -1) {
        switch (c) {
        case 1:
            if (a->nwords == 2)
                return status_set(ST_INVALID, _("unexpected argument '%s'"), optarg);
            a->words[a->nwords++] = optarg;
            break;
        case 'f': st = date_arg("from", optarg, &a->from); break;
        case 't': st = date_arg("to", optarg, &a->to); break;
        case 'd': st = date_arg("date", optarg, &a->date); break;
        case 'r': a->reason = optarg; break;
        case 'k': a->kind = optarg; break;
        case 'w': a->what = optarg; break;
        case 'b': a->by = optarg; break;
        default: return status_set(ST_INVALID, "%s", _("unknown option (see treem child --help)"));
        }
    }
    return st;
}

static enum status do_risk(struct db *db, const struct child *c, const struct child_action_args *a)
{
    const char *op = a->nwords ? a->words[0] : "";
    if (strcmp(op, "add") == 0 && a->nwords == 1) {
        struct child_risk r = {0, c->id, a->from.y ? a->from : date_today(), a->to,
                               (char *)(a->reason ? a->reason : "")};
        return child_support_add_risk(db, &r);
    }
    long long id = a->nwords == 2 ? cmd_child_id_word(a->words[1]) : 0;
    if (strcmp(op, "end") == 0 && id)
        return child_support_end_risk(db, c->id, id, a->to.y ? a->to : date_today());
    if (strcmp(op, "delete") == 0 && id)
        return child_support_delete_risk(db, c->id, id);
    return cmd_child_wrong_words(a);
}

static enum status do_help(struct db *db, const struct child *c, const struct child_action_args *a)
{
    const char *op = a->nwords ? a->words[0] : "";
    if (strcmp(op, "add") == 0 && a->nwords == 1) {
        struct child_help h = {0, c->id, a->date.y ? a->date : date_today(),
                               a->kind ? enum_parse(&enum_help_kind, a->kind) : HELP_HOME_VISIT,
                               (char *)(a->what ? a->what : ""), (char *)(a->by ? a->by : "")};
        return child_support_add_help(db, &h);
    }
    long long id = a->nwords == 2 ? cmd_child_id_word(a->words[1]) : 0;
    if (strcmp(op, "delete") == 0 && id)
        return child_support_delete_help(db, c->id, id);
    return cmd_child_wrong_words(a);
}

static int parse_support(const struct cli_command *self, int argc, char **argv,
                         struct child_action_args *a)
{
    return read_support(argc, argv, a) == ST_OK ? 0 : cli_usage(self, "%s", status_message());
}

CLI_SUB_FN(cmd_child_risk, cmd_child_action(env, self, argc, argv, parse_support, do_risk))
CLI_SUB_FN(cmd_child_help_given, cmd_child_action(env, self, argc, argv, parse_support, do_help))
