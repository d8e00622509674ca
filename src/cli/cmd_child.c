/* cmd_child — `treem child add|edit|delete` and the dispatch of the other
 * actions (list and show are in cmd_child_show.c, groups and health facts
 * in cmd_child_facts.c). Every field of the record is an option named after
 * its key (--father-phone …), with short aliases (--name, --dob, --age, --id,
 * --guardian, --phone). */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/app/children.h"
#include "treem/core/i18n.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_FIELD = 1000, OPT_GROUP = 'g', OPT_FROM = 'F', OPT_TO = 'T', OPT_FORCE = 'f' };
#define MAX_GROUPS 16

static const struct { const char *name; enum child_field field; } aliases[] = {
    {"name", CF_FULL_NAME}, {"dob", CF_BIRTH_DATE}, {"age", CF_EST_AGE}, {"id", CF_PERSONAL_ID},
    {"guardian", CF_CARER_NAME}, {"carer", CF_CARER_NAME}, {"phone", CF_CARER_PHONE},
    {"relation", CF_CARER_RELATION}, {"father", CF_FATHER_NAME}, {"mother", CF_MOTHER_NAME},
};

#define N_ALIASES (sizeof aliases / sizeof *aliases)
#define N_EXTRA 4

static char opt_names[CF__COUNT][40];
static struct option opts[CF__COUNT + N_ALIASES + N_EXTRA + 1];

/* The long options: one per field, the aliases, then the extras. */
static void build_options(void)
{
    size_t k = 0;
    for (int f = 0; f < CF__COUNT; f++) {
        snprintf(opt_names[f], sizeof opt_names[f], "%s", child_fields[f].key);
        for (char *p = opt_names[f]; *p; p++)
            if (*p == '_')
                *p = '-';
        opts[k++] = (struct option){opt_names[f], required_argument, NULL, OPT_FIELD + f};
    }
    for (size_t i = 0; i < N_ALIASES; i++)
        opts[k++] = (struct option){aliases[i].name, required_argument, NULL, OPT_FIELD + aliases[i].field};
    opts[k++] = (struct option){"group", required_argument, NULL, OPT_GROUP};
    opts[k++] = (struct option){"group-from", required_argument, NULL, OPT_FROM};
    opts[k++] = (struct option){"group-to", required_argument, NULL, OPT_TO};
    opts[k++] = (struct option){"force", no_argument, NULL, OPT_FORCE};
    opts[k] = (struct option){NULL, 0, NULL, 0};
}

struct edit_args {
    bool force, dob, age;
    struct child_period groups[MAX_GROUPS];
    size_t ngroups;
};

/* Reads a date option into *d; prints the error naming the option. */
static bool date_opt(const char *option, const char *text, struct date *d)
{
    if (date_parse(text, d) == ST_OK)
        return true;
    fprintf(stderr, "treem: --%s: %s\n", option, status_message());
    return false;
}

static int group_opt(struct edit_args *a, int c, const char *arg)
{
    if (c == OPT_GROUP) {
        if (a->ngroups == MAX_GROUPS) {
            fprintf(stderr, _("treem: at most %d --group options\n"), MAX_GROUPS);
            return 1;
        }
        struct child_period *p = &a->groups[a->ngroups++];
        memset(p, 0, sizeof *p);
        children_group_code(arg, p->code, sizeof p->code);
        return 0;
    }
    if (a->ngroups == 0) {
        fprintf(stderr, _("treem: --%s must follow a --group\n"), c == OPT_FROM ? "group-from" : "group-to");
        return 1;
    }
    struct child_period *p = &a->groups[a->ngroups - 1];
    return date_opt(c == OPT_FROM ? "group-from" : "group-to", arg, c == OPT_FROM ? &p->from : &p->to) ? 0 : 1;
}

/* Parses the options of add/edit into c and a. Returns 0, or the exit status. */
static int parse_edit(const struct cli_command *self, int argc, char **argv, struct child *c,
                      struct edit_args *a)
{
    int ch, idx = -1;
    cli_take_yes(&argc, argv);   /* accepted, as before; add and edit ask nothing */
    build_options();
    optind = 0;
    while ((ch = getopt_long(argc, argv, "+", opts, &idx)) != -1) {
        if (ch >= OPT_FIELD && ch < OPT_FIELD + CF__COUNT) {
            enum child_field f = ch - OPT_FIELD;
            a->dob |= f == CF_BIRTH_DATE;
            a->age |= f == CF_EST_AGE;
            if (child_field_parse(c, f, optarg) != ST_OK) {
                fprintf(stderr, "treem: --%s: %s\n", opts[idx].name, status_message());
                return 1;
            }
        } else if (ch == OPT_GROUP || ch == OPT_FROM || ch == OPT_TO) {
            if (group_opt(a, ch, optarg) != 0)
                return 1;
        } else if (ch == OPT_FORCE) {
            a->force = true;
        } else {
            return cli_usage(self, "%s", _("unknown option (see treem child --help)"));
        }
        idx = -1;
    }
    if (optind < argc)
        return cli_usage(self, _("unexpected argument '%s'"), argv[optind]);
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
    int rc = parse_edit(self, argc, argv, &c, &a);
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
    int rc = children_find(db, argv[1], &c) == ST_OK ? 0 : cli_fail();
    if (rc == 0) {
        rc = parse_edit(self, argc - 1, argv + 1, &c, &a);
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
    for (int i = 1; i < argc; i++) {
        if (!code && argv[i][0] != '-')
            code = argv[i];
        else
            return cli_usage(self, _("unexpected argument '%s'"), argv[i]);
    }
    if (!code)
        return cli_sub_usage(self, argv[0]);
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
    if (rc == 0 && children_delete(db, c.id) != ST_OK)
        rc = cli_fail();
    if (rc == 0)
        printf(_("Deleted %s.\n"), c.code);
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
