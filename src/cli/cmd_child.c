/* cmd_child — `treem child add|edit|delete` and the dispatch of the other
 * actions (list and show are in cmd_child_show.c, groups and health facts
 * in cmd_child_facts.c). Every field of the record is an option named after
 * its key (--father-phone …), with short aliases (--name, --dob, --age, --id,
 * --guardian, --phone). */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/cli/cli_args.h"
#include "treem/app/children.h"
#include "treem/core/i18n.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_GROUPS 16

static const struct { const char *name; enum child_field field; } aliases[] = {
    {"name", CF_FULL_NAME}, {"dob", CF_BIRTH_DATE}, {"age", CF_EST_AGE}, {"id", CF_PERSONAL_ID},
    {"guardian", CF_CARER_NAME}, {"carer", CF_CARER_NAME}, {"phone", CF_CARER_PHONE},
    {"relation", CF_CARER_RELATION}, {"father", CF_FATHER_NAME}, {"mother", CF_MOTHER_NAME},
};

#define N_ALIASES (sizeof aliases / sizeof *aliases)
#define N_EXTRA 4

/* What add and edit read: the child's fields, the groups, --force. */
struct edit_args {
    struct child *c;
    bool force, dob, age;
    struct child_period groups[MAX_GROUPS];
    size_t ngroups;
};

/* --FIELD VALUE (or an alias): the field opt->value of the child. */
static enum status field_opt(void *rec, const struct cli_opt *opt, const char *arg)
{
    struct edit_args *a = rec;
    enum child_field f = opt->value;
    a->dob |= f == CF_BIRTH_DATE;
    a->age |= f == CF_EST_AGE;
    if (child_field_parse(a->c, f, arg) == ST_OK)
        return ST_OK;
    char why[512];
    snprintf(why, sizeof why, "%s", status_message());
    return status_set(ST_INVALID, "--%s: %s", opt->name, why);
}

static enum status group_opt(void *rec, const struct cli_opt *opt, const char *arg)
{
    struct edit_args *a = rec;
    (void)opt;
    if (a->ngroups == MAX_GROUPS)
        return status_set(ST_INVALID, _("at most %d --group options"), MAX_GROUPS);
    struct child_period *p = &a->groups[a->ngroups++];
    memset(p, 0, sizeof *p);
    children_group_code(arg, p->code, sizeof p->code);
    return ST_OK;
}

/* --group-from, --group-to: a day of the last --group (opt->value: 0 from, 1 to). */
static enum status group_day_opt(void *rec, const struct cli_opt *opt, const char *arg)
{
    struct edit_args *a = rec;
    if (a->ngroups == 0)
        return status_set(ST_INVALID, _("--%s must follow a --group"), opt->name);
    struct child_period *p = &a->groups[a->ngroups - 1];
    if (date_parse(arg, opt->value ? &p->to : &p->from) == ST_OK)
        return ST_OK;
    char why[512];
    snprintf(why, sizeof why, "%s", status_message());
    return status_set(ST_INVALID, "--%s: %s", opt->name, why);
}

static char opt_names[CF__COUNT][40];
static struct cli_opt opts[CF__COUNT + N_ALIASES + N_EXTRA + 1];

/* The options: one per field, the aliases, then the extras. */
static void build_options(void)
{
    size_t k = 0;
    for (int f = 0; f < CF__COUNT; f++) {
        snprintf(opt_names[f], sizeof opt_names[f], "%s", child_fields[f].key);
        for (char *p = opt_names[f]; *p; p++)
            if (*p == '_')
                *p = '-';
        opts[k++] = (struct cli_opt){opt_names[f], CLI_CALL, .value = f, .call = field_opt};
    }
    for (size_t i = 0; i < N_ALIASES; i++)
        opts[k++] = (struct cli_opt){aliases[i].name, CLI_CALL, .value = (int)aliases[i].field,
                                     .call = field_opt};
    opts[k++] = (struct cli_opt){"group", CLI_CALL, .call = group_opt};
    opts[k++] = (struct cli_opt){"group-from", CLI_CALL, .value = 0, .call = group_day_opt};
    opts[k++] = (struct cli_opt){"group-to", CLI_CALL, .value = 1, .call = group_day_opt};
    opts[k++] = (struct cli_opt){"force", CLI_FLAG, .at = offsetof(struct edit_args, force)};
    opts[k] = (struct cli_opt){0};
}

/* Parses the options of add/edit into a (and its child). Returns 0, or the exit status. */
static int parse_edit(const struct cli_command *self, int argc, char **argv, struct edit_args *a)
{
    cli_take_yes(&argc, argv);   /* accepted, as before; add and edit ask nothing */
    build_options();
    int rc = cli_read_opts(self, argc, argv, 0, opts, CLI_IN_ORDER | CLI_ALONE | CLI_SEE_CHILD, a,
                           NULL);
    if (rc)
        return rc;
    if (a->dob && a->age)
        return cli_usage(self, "%s", _("give --dob or --age, not both"));
    for (size_t i = 0; i < a->ngroups; i++)
        if (!a->groups[i].from.y)
            a->groups[i].from = date_today();
    return 0;
}

static void print_matches(const struct child_matches *m)
{
    fprintf(stderr, "%s\n", _("treem: this child may already be in the register:"));
    for (size_t i = 0; i < m->n; i++) {
        const struct child *c = &m->items[i].child;
        struct strbuf sb = STRBUF_INIT;
        child_field_text(c, c->birth_date.y ? CF_BIRTH_DATE : CF_EST_AGE, CHILD_FMT_SHOW, &sb);
        strbuf_puts(&sb, "\t");
        child_dup_reasons_text(m->items[i].dup.reasons, &sb);
        fprintf(stderr, "  %s\t%s\t%s\t%s\n", c->code, c->full_name, c->village ? c->village : "",
                strbuf_str(&sb));
        strbuf_free(&sb);
    }
    fprintf(stderr, "%s\n", _("Nothing saved. Use --force to save it as a new child anyway."));
}

/* Saves c with the periods of a; prints the outcome. */
static int save(struct db *db, struct child *c, struct edit_args *a, bool is_new)
{
    struct child_matches dups;
    struct children_save_opts o = {a->force, a->groups, a->ngroups};
    enum status st = children_save(db, c, &o, &dups, NULL);
    if (st == ST_EXISTS && dups.n) {
        print_matches(&dups);
        child_matches_free(&dups);
        return 1;
    }
    if (st != ST_OK)
        return cli_fail();
    if (is_new)
        printf("%s\n", c->code);
    else
        printf(_("Saved %s.\n"), c->code);
    return 0;
}

static int child_add(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    struct child c;
    struct edit_args a;
    memset(&a, 0, sizeof a);
    child_init(&c);
    a.c = &c;
    int rc = parse_edit(self, argc, argv, &a);
    struct db *db = NULL;
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    if (rc == 0)
        rc = save(db, &c, &a, true);
    db_close(db);
    child_free(&c);
    return rc;
}

static int child_edit(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    if (argc < 2 || argv[1][0] == '-')
        return cli_sub_usage(self, argv[0]);
    struct db *db;
    if (cli_open(env, &db) != ST_OK)
        return cli_fail();
    struct child c;
    struct edit_args a;
    memset(&a, 0, sizeof a);
    a.c = &c;
    int rc = children_find(db, argv[1], &c) == ST_OK ? 0 : cli_fail();
    if (rc == 0) {
        rc = parse_edit(self, argc - 1, argv + 1, &a);
        if (rc == 0 && a.dob) /* a birth date replaces an estimate */
            c.est_age = -1;
        if (rc == 0 && a.age)
            c.birth_date = (struct date){0, 0, 0}, c.est_age_on = (struct date){0, 0, 0};
        if (rc == 0)
            rc = save(db, &c, &a, false);
        child_free(&c);
    }
    db_close(db);
    return rc;
}

static int child_delete(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    int yes = cli_take_yes(&argc, argv);
    const char *code = NULL;
    int bad = cli_code_arg(self, argc, argv, &code, NULL);
    if (bad)
        return bad;
    struct db *db;
    if (cli_open(env, &db) != ST_OK)
        return cli_fail();
    struct child c;
    child_init(&c);
    int rc = children_find(db, code, &c) == ST_OK ? 0 : cli_fail();
    if (rc == 0)
        rc = cli_confirm(yes, 1, _("deleting %s %s removes it with its groups and health records "
                                   "(children who turned 16 stay in the register)"),
                         c.code, c.full_name);
    if (rc == 0)
        rc = cli_done(children_delete(db, c.id), _("Deleted %s.\n"), c.code);
    child_free(&c);
    db_close(db);
    return rc;
}

const struct cli_sub cmd_child_subs[] = {
    {"add", child_add, "--name NAME (--dob DD/MM/YYYY | --age N) [--sex nam|nu|khong-ro] "
     "[--village NAME] [--id 12DIGITS] [--guardian NAME] [--phone PHONE] "
     "[--group CODE [--group-from DATE] [--group-to DATE]]… [--force]"},
    {"list", cmd_child_list, "[--search TEXT] [--village NAME] [--sex S] [--age-from N] [--age-to N] "
     "[--group LETTER|CODE|any] [--over16|--all] [--on DATE] [--limit N]"},
    {"show", cmd_child_show, "CODE"},
    {"edit", child_edit, "CODE --FIELD VALUE…"},
    {"delete", child_delete, "CODE --yes"},
    {"group", cmd_child_group, "CODE add SUBGROUP [--from DATE] [--to DATE] | end ID --to DATE | delete ID"},
    {"measure", cmd_child_measure, "CODE [--date DATE] [--weight KG] [--height CM] | delete ID"},
    {"check", cmd_child_check, "CODE [--date DATE] | delete DATE"},
    {"risk", cmd_child_risk, "CODE add --reason TEXT [--from DATE] [--to DATE] | end ID [--to DATE] | delete ID"},
    {"help", cmd_child_help_given, "CODE add --what TEXT --by TEXT [--kind K] [--date DATE] | delete ID"},
    {NULL, NULL, NULL},
};

void cmd_child_help(void)
{
    printf("%s\n", _("Fields (each is an option --FIELD VALUE):"));
    build_options();
    for (int f = 0; f < CF__COUNT; f++)
        printf("  --%-20s %s\n", opt_names[f], _(child_fields[f].label));
}
