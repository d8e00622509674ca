/* cmd_child_facts — `treem child group|measure|check CODE …`: periods in
 * special-circumstance sub-groups, weight/height, health checks. */
#include <config.h>
#include "treem/cli/cmd_child.h"
#include "treem/app/children.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --weight, --height: a number more than 0. */
static enum status positive_opt(void *rec, const struct cli_opt *opt, const char *arg)
{
    double *out = cli_opt_field(rec, opt);
    if (number_parse(arg, NUM_DECIMAL, out) == ST_OK && *out > 0)
        return ST_OK;
    char why[512];
    snprintf(why, sizeof why, "%s",
             status_last() == ST_INVALID ? status_message() : _("must be more than 0"));
    return status_set(ST_INVALID, "--%s: %s", opt->name, why);
}

enum status cmd_child_word(void *rec, const struct cli_opt *opt, const char *word)
{
    struct child_action_args *a = rec;
    if (a->nwords == opt->value)
        return status_set(ST_INVALID, _("unexpected argument '%s'"), word);
    a->words[a->nwords++] = word;
    return ST_OK;
}

#define AA(field) offsetof(struct child_action_args, field)
const struct cli_opt cmd_child_dates[] = {
    {"from", CLI_DATE, .at = AA(from)},
    {"to", CLI_DATE, .at = AA(to)},
    {"date", CLI_DATE, .at = AA(date)},
    {0},
};

static const struct cli_opt fact_opts[] = {
    {"", CLI_CALL, .call = cmd_child_word, .value = 3},
    {"dates", CLI_ALSO, .also = cmd_child_dates},
    {"weight", CLI_CALL, .at = AA(weight), .call = positive_opt},
    {"height", CLI_CALL, .at = AA(height), .call = positive_opt},
    {0},
};
#undef AA

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

/* The form of the record action the words name (see cmd_child_action). */
static enum status records_act(struct db *db, const struct child *c, const struct child_action_args *a,
                               const struct child_records *r)
{
    const char *op = a->nwords ? a->words[0] : "";
    if (strcmp(op, "add") == 0 && a->nwords == r->add_nwords)
        return r->add(db, c, a);
    long long id = a->nwords == 2 ? cmd_child_id_word(a->words[1]) : 0;
    if (r->end && strcmp(op, "end") == 0 && id)
        return r->end(db, c->id, id, a->to.y ? a->to : date_today());
    if (strcmp(op, "delete") == 0 && id)
        return r->del(db, c->id, id);
    return cmd_child_wrong_words(a);
}

/* `group CODE add SUBGROUP [--from D] [--to D]`. */
static enum status add_group(struct db *db, const struct child *c, const struct child_action_args *a)
{
    struct child_period p;
    memset(&p, 0, sizeof p);
    p.child_id = c->id;
    snprintf(p.code, sizeof p.code, "%s", a->words[1]);
    p.from = a->from.y ? a->from : date_today();
    p.to = a->to;
    return children_add_period(db, &p);
}

static const struct child_records groups = {2, add_group, children_end_period, children_delete_period};

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
                     char **argv, const struct cli_opt *opts, unsigned flags, child_act_fn act,
                     const struct child_records *records)
{
    if (argc < 2 || argv[1][0] == '-')
        return cli_sub_usage(self, argv[0]);
    struct child_action_args a;
    memset(&a, 0, sizeof a);
    a.action = argv[0];
    a.usage = cli_sub_find(self, argv[0])->usage;
    int rc = cli_read_opts(self, argc - 1, argv + 1, 0, opts, flags | CLI_SEE_CHILD, &a, NULL);
    if (rc != 0)
        return rc;
    struct db *db;
    if (cli_open(env, &db) != ST_OK)
        return cli_fail();
    struct child c;
    enum status st = children_find(db, argv[1], &c);
    if (st == ST_OK) {
        st = act ? act(db, &c, &a) : records_act(db, &c, &a, records);
        if (st == ST_OK)
            printf(_("Saved %s.\n"), c.code);
        child_free(&c);
    }
    return cli_end(db, st);
}

CLI_SUB_FN(cmd_child_group, cmd_child_action(env, self, argc, argv, fact_opts, 0, NULL, &groups))
CLI_SUB_FN(cmd_child_measure, cmd_child_action(env, self, argc, argv, fact_opts, 0, do_measure, NULL))
CLI_SUB_FN(cmd_child_check, cmd_child_action(env, self, argc, argv, fact_opts, 0, do_check, NULL))
