/* cmd_child_support — `treem child risk|help CODE …`: periods at risk of
 * falling into special circumstances and the help a child received. */
#include <config.h>
#include "treem/cli/cli.h"
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

struct support_args {
    struct date from, to, date;
    const char *reason, *kind, *what, *by;
    const char *words[2];   /* the action's words after CODE: add | end ID | delete ID */
    int nwords;
    const char *action, *usage;   /* "risk" and its usage in the table, for errors */
};

/* The error of words that fit none of the action's forms. */
static enum status wrong_words(const struct support_args *a)
{
    return status_set(ST_INVALID, _("expected: %s %s"), a->action, a->usage);
}

static enum status date_arg(const char *option, const char *text, struct date *out)
{
    if (date_parse(text, out) == ST_OK)
        return ST_OK;
    char msg[256];
    snprintf(msg, sizeof msg, "%s", status_message());
    return status_set(ST_INVALID, "--%s: %s", option, msg);
}

static enum status parse_support(int argc, char **argv, struct support_args *a)
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

static long long id_word(const char *w)
{
    long long v = 0;
    if (!w || number_parse_int(w[0] == '#' ? w + 1 : w, NUM_INT, &v) != ST_OK) {
        status_clear();
        return 0;
    }
    return v > 0 ? v : 0;
}

static enum status do_risk(struct db *db, const struct child *c, const struct support_args *a)
{
    const char *op = a->nwords ? a->words[0] : "";
    if (strcmp(op, "add") == 0 && a->nwords == 1) {
        struct child_risk r = {0, c->id, a->from.y ? a->from : date_today(), a->to,
                               (char *)(a->reason ? a->reason : "")};
        return child_support_add_risk(db, &r);
    }
    long long id = a->nwords == 2 ? id_word(a->words[1]) : 0;
    if (strcmp(op, "end") == 0 && id)
        return child_support_end_risk(db, c->id, id, a->to.y ? a->to : date_today());
    if (strcmp(op, "delete") == 0 && id)
        return child_support_delete_risk(db, c->id, id);
    return wrong_words(a);
}

static enum status do_help(struct db *db, const struct child *c, const struct support_args *a)
{
    const char *op = a->nwords ? a->words[0] : "";
    if (strcmp(op, "add") == 0 && a->nwords == 1) {
        struct child_help h = {0, c->id, a->date.y ? a->date : date_today(),
                               a->kind ? enum_parse(&enum_help_kind, a->kind) : HELP_HOME_VISIT,
                               (char *)(a->what ? a->what : ""), (char *)(a->by ? a->by : "")};
        return child_support_add_help(db, &h);
    }
    long long id = a->nwords == 2 ? id_word(a->words[1]) : 0;
    if (strcmp(op, "delete") == 0 && id)
        return child_support_delete_help(db, c->id, id);
    return wrong_words(a);
}

typedef enum status (*support_action)(struct db *, const struct child *, const struct support_args *);

/* `child risk|help CODE …` with act on the child. */
static int support_run(const struct cli_env *env, const struct cli_command *self, int argc,
                       char **argv, support_action act)
{
    if (argc < 2 || argv[1][0] == '-')
        return cli_sub_usage(self, argv[0]);
    struct support_args a;
    memset(&a, 0, sizeof a);
    a.action = argv[0];
    a.usage = cli_sub_find(self, argv[0])->usage;
    if (parse_support(argc - 1, argv + 1, &a) != ST_OK)
        return cli_usage(self, "%s", status_message());
    struct db *db;
    if (cli_open(env, &db) != ST_OK)
        return cli_fail();
    struct child c;
    enum status st = children_find(db, argv[1], &c);
    if (st == ST_OK) {
        st = act(db, &c, &a);
        if (st == ST_OK)
            printf(_("Saved %s.\n"), c.code);
        child_free(&c);
    }
    db_close(db);
    return st == ST_OK ? 0 : cli_fail();
}

int cmd_child_risk(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    return support_run(env, self, argc, argv, do_risk);
}

int cmd_child_help_given(const struct cli_env *env, const struct cli_command *self, int argc,
                         char **argv)
{
    return support_run(env, self, argc, argv, do_help);
}
