/* cmd_dept — `treem dept list|add|edit|delete`: the commune's departments. */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/cli/cli_args.h"
#include "treem/app/task.h"
#include "treem/db/department_repo.h"
#include "treem/core/i18n.h"

#include <getopt.h>
#include <stddef.h>
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
    return cli_end(db, st);
}

#define DA(field) offsetof(struct department, field)
static const struct cli_opt add_opts[] = {
    {"name", CLI_TEXT, .at = DA(name)},
    {"code", CLI_TEXT, .at = DA(code)},
    {"contact", CLI_TEXT, .at = DA(contact)},
    {"phone", CLI_TEXT, .at = DA(phone)},
    {"criteria", CLI_TEXT, .at = DA(criteria)},
    {"active", CLI_BOOL, .at = DA(active)},
    {0},
};
#undef DA

/* Reads the options of `dept edit` into d (the code is refused): 0 or exit status. */
static int edit_read_opts(const struct cli_command *self, struct department *d, int argc,
                          char **argv)
{
    static struct cli_opt edit_opts[sizeof add_opts / sizeof *add_opts];
    if (!edit_opts[0].name) {
        memcpy(edit_opts, add_opts, sizeof add_opts);
        edit_opts[1].kind = CLI_REFUSED;
        edit_opts[1].label = N_("the code of a department cannot be changed");
    }
    return cli_read_opts(self, argc, argv, 0, edit_opts, 0, d, NULL);
}

static int dept_add(const struct cli_env *env, const struct cli_command *self, int argc,
                    char **argv)
{
    struct department d = {.active = true};
    struct db *db;
    int rc = cli_open_opts(env, self, argc, argv, add_opts, CLI_ALONE, &d, &db);
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
    int rc = edit_read_opts(self, &scratch, argc, argv);
    department_clear(&scratch);
    if (rc == 0 && optind + 1 != argc)
        rc = cli_usage(self, "%s", _("expected one department (number, code or name)"));
    struct db *db = NULL;
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    if (rc == 0 && department_repo_find(db, argv[optind], &d) != ST_OK)
        rc = cli_fail();
    if (rc == 0)
        rc = edit_read_opts(self, &d, argc, argv);
    if (rc == 0)
        rc = cli_done(task_department_save(db, &d), _("Saved department %lld: %s.\n"), d.id, d.name);
    department_clear(&d);
    db_close(db);
    return rc;
}

/* `dept delete DEPT --yes`: only a department nothing uses (app/task.h);
 * one in use is refused, saying what uses it and to deactivate it instead. */
static int dept_delete(const struct cli_env *env, const struct cli_command *self, int argc,
                       char **argv)
{
    int yes = cli_take_yes(&argc, argv);
    if (argc != 2 || argv[1][0] == '-')
        return cli_usage(self, "%s", _("expected one department (number, code or name)"));
    struct db *db = NULL;
    struct department d = {0};
    int rc = cli_open(env, &db) == ST_OK && department_repo_find(db, argv[1], &d) == ST_OK ? 0 : cli_fail();
    if (rc == 0 && task_department_deletable(db, &d) != ST_OK)
        rc = cli_fail(); /* in use: said before asking for --yes */
    if (rc == 0)
        rc = cli_confirm(yes, 1, _("deleting department %s cannot be undone"), d.name);
    if (rc == 0)
        rc = cli_done(task_department_delete(db, d.id), _("Deleted department %lld: %s.\n"), d.id, d.name);
    department_clear(&d);
    db_close(db);
    return rc;
}

const struct cli_sub cmd_dept_subs[] = {
    {"list", dept_list, "[--all]"},
    {"add", dept_add, "--name N [--code C] [--criteria 3,4,5.1] [--contact C] [--phone P]"},
    {"edit", dept_edit, "DEPT [--name N] [--contact C] [--phone P] [--criteria 3,4,5.1] "
     "[--active yes|no]"},
    {"delete", dept_delete, "DEPT --yes"},
    {NULL, NULL, NULL},
};
