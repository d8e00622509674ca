/* cmd_child_facts — `treem child group|measure|check CODE …`: periods in
 * special-circumstance sub-groups, weight/height, health checks. */
#include <config.h>
#include "treem/cli/cmd_child.h"
#include "treem/app/children.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct option fact_opts[] = {
    {"from", required_argument, NULL, 'f'}, {"to", required_argument, NULL, 't'},
    {"date", required_argument, NULL, 'd'}, {"weight", required_argument, NULL, 'w'},
    {"height", required_argument, NULL, 'h'}, {NULL, 0, NULL, 0},
};

static bool read_number(const char *option, const char *text, double *out)
{
    if (number_parse(text, NUM_DECIMAL, out) == ST_OK && *out > 0)
        return true;
    fprintf(stderr, "treem: --%s: %s\n", option,
            status_last() == ST_INVALID ? status_message() : _("must be more than 0"));
    return false;
}

static bool read_date(const char *option, const char *text, struct date *out)
{
    if (date_parse(text, out) == ST_OK)
        return true;
    fprintf(stderr, "treem: --%s: %s\n", option, status_message());
    return false;
}

/* Parses the options after CODE; 0 or the exit status. */
static int parse_facts(const struct cli_command *self, int argc, char **argv,
                       struct child_action_args *a)
{
    int c;
    optind = 0;
    /* "-": words between options come back as option 1, in order */
    while ((c = getopt_long(argc, argv, "-", fact_opts, NULL)) != -1) {
        if (c == 1) {
            if (a->nwords == 3)
                return cli_usage(self, _("unexpected argument '%s'"), optarg);
            a->words[a->nwords++] = optarg;
            continue;
        }
        bool ok = true;
        switch (c) {
        case 'f': ok = read_date("from", optarg, &a->from); break;
        case 't': ok = read_date("to", optarg, &a->to); break;
        case 'd': ok = read_date("date", optarg, &a->date); break;
        case 'w': ok = read_number("weight", optarg, &a->weight); break;
        case 'h': ok = read_number("height", optarg, &a->height); break;
        default: return cli_usage(self, "%s", _("unknown option (see treem child --help)"));
        }
        if (!ok)
            return 1;
    }
    return 0;
}

long long cmd_child_id_word(const char *w)
{
    long long v = 0;
    if (!w || number_parse_int(w[0] == '#' ? w + 1 : w, NUM_INT, &v) != ST_OK) {
        status_clear();
        return 0;
    }
    return v > 0 ? v : 0;
}

enum status cmd_child_wrong_words(const struct child_action_args *a)
{
    return status_set(ST_INVALID, _("expected: %s %s"), a->action, a->usage);
}

static enum status do_group(struct db *db, const struct child *c, const struct child_action_args *a)
{
    const char *op = a->nwords ? a->words[0] : "";
    if (strcmp(op, "add") == 0 && a->nwords == 2) {
        struct child_period p;
        memset(&p, 0, sizeof p);
        p.child_id = c->id;
        snprintf(p.code, sizeof p.code, "%s", a->words[1]);
        p.from = a->from.y ? a->from : date_today();
        p.to = a->to;
        return children_add_period(db, &p);
    }
    long long id = a->nwords == 2 ? cmd_child_id_word(a->words[1]) : 0;
    if (strcmp(op, "end") == 0 && id)
        return children_end_period(db, c->id, id, a->to.y ? a->to : date_today());
    if (strcmp(op, "delete") == 0 && id)
        return children_delete_period(db, c->id, id);
    return cmd_child_wrong_words(a);
}

static enum status do_measure(struct db *db, const struct child *c, const struct child_action_args *a)
{
    if (a->nwords == 2 && strcmp(a->words[0], "delete") == 0 && cmd_child_id_word(a->words[1]))
        return children_delete_measure(db, c->id, cmd_child_id_word(a->words[1]));
    if (a->nwords)
        return cmd_child_wrong_words(a);
    struct child_measure m = {0, c->id, a->date.y ? a->date : date_today(), a->weight, a->height};
    return children_add_measure(db, &m);
}

static enum status do_check(struct db *db, const struct child *c, const struct child_action_args *a)
{
    if (a->nwords == 2 && strcmp(a->words[0], "delete") == 0) {
        struct date d;
        if (date_parse(a->words[1], &d) != ST_OK)
            return ST_INVALID;
        return children_delete_check(db, c->id, d);
    }
    if (a->nwords)
        return cmd_child_wrong_words(a);
    return children_add_check(db, c->id, a->date.y ? a->date : date_today());
}

int cmd_child_action(const struct cli_env *env, const struct cli_command *self, int argc,
                     char **argv, child_parse_fn parse, child_act_fn act)
{
    if (argc < 2 || argv[1][0] == '-')
        return cli_sub_usage(self, argv[0]);
    struct child_action_args a;
    memset(&a, 0, sizeof a);
    a.action = argv[0];
    a.usage = cli_sub_find(self, argv[0])->usage;
    int rc = parse(self, argc - 1, argv + 1, &a);
    if (rc != 0)
        return rc;
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

CLI_SUB_FN(cmd_child_group, cmd_child_action(env, self, argc, argv, parse_facts, do_group))
CLI_SUB_FN(cmd_child_measure, cmd_child_action(env, self, argc, argv, parse_facts, do_measure))
CLI_SUB_FN(cmd_child_check, cmd_child_action(env, self, argc, argv, parse_facts, do_check))
