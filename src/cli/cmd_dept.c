/* cmd_dept — `treem dept list|add|edit`: the commune's departments. */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/cli/cli_args.h"
#include "treem/app/task.h"
#include "treem/db/department_repo.h"
#include "treem/core/i18n.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int dept_list(const struct cli_env *env, const struct cli_command *self, int argc,
                     char **argv)
{
    bool all = argc == 2 && strcmp(argv[1], "--all") == 0;
    struct db *db;
    int bad = cli_open_args(env, self, argc, argv, all ? 2 : 1, &db);
    if (bad)
        return bad;
    struct department *list;
    size_t n;
    enum status st = department_repo_list(db, all, &list, &n);
    for (size_t i = 0; st == ST_OK && i < n; i++) {
        const struct department *d = &list[i];
        printf("%lld\t%s\t%s\t%s\t%s\t%s%s\n", d->id, d->code ? d->code : "—", d->name,
               *d->criteria ? d->criteria : "—", *d->contact ? d->contact : "—",
               *d->phone ? d->phone : "—", d->active ? "" : _("\t(no longer active)"));
    }
    if (st == ST_OK)
        department_list_free(list, n);
    db_close(db);
    return st == ST_OK ? 0 : cli_fail();
}

static const struct option dept_opts[] = {
    {"name", required_argument, NULL, 'n'},
    {"code", required_argument, NULL, 'k'},
    {"contact", required_argument, NULL, 'c'},
    {"phone", required_argument, NULL, 'p'},
    {"criteria", required_argument, NULL, 'r'},
    {"active", required_argument, NULL, 'a'},
    {NULL, 0, NULL, 0},
};

/* Reads the options into d (the code only when adding): 0 or exit status. */
static int dept_read_opts(const struct cli_command *self, struct department *d, bool adding,
                          int argc, char **argv)
{
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", dept_opts, NULL)) != -1) {
        enum status st = ST_OK;
        switch (c) {
        case 'n': st = cli_set_text(&d->name, optarg); break;
        case 'c': st = cli_set_text(&d->contact, optarg); break;
        case 'p': st = cli_set_text(&d->phone, optarg); break;
        case 'r': st = cli_set_text(&d->criteria, optarg); break;
        case 'a': st = cli_parse_bool("--active", optarg, &d->active); break;
        case 'k':
            if (!adding)
                return cli_usage(self, "%s", _("the code of a department cannot be changed"));
            st = cli_set_text(&d->code, optarg);
            break;
        default: return cli_usage(self, "%s", _("unknown option"));
        }
        if (st != ST_OK)
            return cli_fail();
    }
    return 0;
}

static int dept_add(const struct cli_env *env, const struct cli_command *self, int argc,
                    char **argv)
{
    struct department d = {.active = true};
    int rc = dept_read_opts(self, &d, true, argc, argv);
    if (rc == 0 && optind < argc)
        rc = cli_usage(self, _("unexpected argument '%s'"), argv[optind]);
    struct db *db = NULL;
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    if (rc == 0 && task_department_add(db, &d) != ST_OK)
        rc = cli_fail();
    if (rc == 0)
        printf(_("Added department %lld: %s.\n"), d.id, d.name);
    department_clear(&d);
    db_close(db);
    return rc;
}

static int dept_edit(const struct cli_env *env, const struct cli_command *self, int argc,
                     char **argv)
{
    struct department scratch = {0}, d = {0};
    int rc = dept_read_opts(self, &scratch, false, argc, argv);
    department_clear(&scratch);
    if (rc == 0 && optind + 1 != argc)
        rc = cli_usage(self, "%s", _("expected one department (number, code or name)"));
    struct db *db = NULL;
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    if (rc == 0 && department_repo_find(db, argv[optind], &d) != ST_OK)
        rc = cli_fail();
    if (rc == 0)
        rc = dept_read_opts(self, &d, false, argc, argv);
    if (rc == 0 && task_department_save(db, &d) != ST_OK)
        rc = cli_fail();
    if (rc == 0)
        printf(_("Saved department %lld: %s.\n"), d.id, d.name);
    department_clear(&d);
    db_close(db);
    return rc;
}

const struct cli_sub cmd_dept_subs[] = {
    {"list", dept_list, "[--all]"},
    {"add", dept_add, "--name N [--code C] [--criteria 3,4,5.1] [--contact C] [--phone P]"},
    {"edit", dept_edit, "DEPT [--name N] [--contact C] [--phone P] [--criteria 3,4,5.1] "
     "[--active yes|no]"},
    {NULL, NULL, NULL},
};
