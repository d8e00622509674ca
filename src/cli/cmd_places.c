/* cmd_places — corrections of the commune's places and calendar: `treem
 * village show|rename|merge|delete`, `treem holiday list|add|delete` and
 * `treem commune set`. */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/cli/cli_args.h"
#include "treem/app/commune_set.h"
#include "treem/app/holiday_table.h"
#include "treem/app/villages.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* `village show NAME`: the village and how many children live there. */
static int village_show(struct db *db, const char *name)
{
    struct village_row *rows = NULL;
    size_t n = 0;
    long long id = 0;
    enum status st = villages_list(db, &rows, &n);
    if (st == ST_OK)
        st = villages_find(db, name, &id);
    for (size_t i = 0; st == ST_OK && i < n; i++)
        if (rows[i].id == id) {
            char count[24];
            snprintf(count, sizeof count, "%lld", rows[i].children);
            cli_print_field(_("Village:"), rows[i].name, 12);
            cli_print_field(_("Children:"), count, 12);
        }
    village_rows_free(rows, n);
    return st == ST_OK ? 0 : cli_fail();
}

int cmd_village_fix(const struct cli_env *env, const struct cli_command *self, int argc,
                    char **argv)
{
    const char *act = argv[0];
    int want = strcmp(act, "rename") == 0 || strcmp(act, "merge") == 0 ? 3 : 2;
    if (argc != want)
        return cli_usage(self, _("expected: %s %s"), act,
                         want == 3 ? (*act == 'r' ? "OLD NEW" : "FROM INTO") : "NAME");
    struct db *db = NULL;
    if (cli_open(env, &db) != ST_OK)
        return cli_fail();
    long long moved = 0;
    int rc = 0;
    if (strcmp(act, "show") == 0)
        rc = village_show(db, argv[1]);
    else if (strcmp(act, "rename") == 0)
        rc = villages_rename(db, argv[1], argv[2]) == ST_OK
           ? (printf(_("Renamed village '%s' to '%s'.\n"), argv[1], argv[2]), 0) : cli_fail();
    else if (strcmp(act, "merge") == 0)
        rc = villages_merge(db, argv[1], argv[2], &moved) == ST_OK
           ? (printf(_("Merged village '%s' into '%s': %lld children moved (their codes are "
                       "kept).\n"), argv[1], argv[2], moved), 0) : cli_fail();
    else
        rc = villages_delete(db, argv[1]) == ST_OK
           ? (printf(_("Deleted village '%s'.\n"), argv[1]), 0) : cli_fail();
    db_close(db);
    return rc;
}

static int holiday_list(struct db *db, const struct cli_command *self, int argc, char **argv)
{
    int year = 0;
    if (argc == 3 && strcmp(argv[1], "--year") == 0) {
        if (cli_parse_year("--year", argv[2], &year) != ST_OK)
            return cli_fail();
    } else if (argc != 1) {
        return cli_usage(self, "%s", _("expected: list [--year Y]"));
    }
    struct holiday_row *rows = NULL;
    size_t n = 0;
    if (holiday_table_list(db, year, &rows, &n) != ST_OK)
        return cli_fail();
    for (size_t i = 0; i < n; i++) {
        char d[DATE_BUF];
        date_format(rows[i].date, d);
        printf("%s\t%s\t%s%s%s\n", d, rows[i].workday ? _("working day") : _("day off"),
               rows[i].name, *rows[i].note ? "\t" : "", rows[i].note);
    }
    holiday_rows_free(rows, n);
    if (year && !n)
        fprintf(stderr, _("treem: the table holds no holiday in %d: deadlines that year skip "
                          "only weekends\n"), year);
    return 0;
}

static int holiday_add(struct db *db, const struct cli_command *self, int argc, char **argv)
{
    bool workday = argc == 4 && strcmp(argv[3], "--workday") == 0;
    if (argc != 3 && !workday)
        return cli_usage(self, "%s", _("expected: add DD/MM/YYYY NAME [--workday]"));
    if (holiday_table_add(db, argv[1], argv[2], workday) != ST_OK)
        return cli_fail();
    printf(workday ? _("Added %s as a make-up working day: %s.\n")
                   : _("Added %s as a day off: %s.\n"), argv[1], argv[2]);
    return 0;
}

int cmd_holiday(const struct cli_env *env, int argc, char **argv)
{
    const struct cli_command *self = cli_find("holiday");
    if (cli_wants_help(self, argc, argv))
        return 0;
    if (argc < 2)
        return cli_usage(self, "%s", _("expected a subcommand: list, add or delete"));
    const char *act = argv[1];
    if (strcmp(act, "list") && strcmp(act, "add") && strcmp(act, "delete"))
        return cli_usage(self, _("unknown subcommand '%s'"), act);
    if (strcmp(act, "delete") == 0 && argc != 3)
        return cli_usage(self, "%s", _("expected: delete DD/MM/YYYY"));
    struct db *db = NULL;
    if (cli_open(env, &db) != ST_OK)
        return cli_fail();
    int rc;
    if (strcmp(act, "list") == 0)
        rc = holiday_list(db, self, argc - 1, argv + 1);
    else if (strcmp(act, "add") == 0)
        rc = holiday_add(db, self, argc - 1, argv + 1);
    else
        rc = holiday_table_delete(db, argv[2]) == ST_OK
           ? (printf(_("Deleted %s from the holiday table.\n"), argv[2]), 0) : cli_fail();
    db_close(db);
    return rc;
}

int cmd_commune_set(const struct cli_env *env, const struct cli_command *self, int argc,
                    char **argv)
{
    bool yes = argc == 3 && strcmp(argv[2], "--yes") == 0;
    if (argc != 2 && !yes)
        return cli_usage(self, "%s", _("expected: set CODE [--yes]"));
    struct db *db = NULL;
    if (cli_open(env, &db) != ST_OK)
        return cli_fail();
    struct commune_change ch;
    int rc = 0;
    enum status st = commune_set(db, argv[1], yes, &ch);
    if (st == ST_CONFLICT)
        rc = (fprintf(stderr, "treem: %s (--yes)\n", status_message()), 1);
    else if (st != ST_OK)
        rc = cli_fail();
    else if (ch.same)
        printf(_("This database already belongs to commune %s.\n"), argv[1]);
    else
        printf(_("The commune is now %s; re-stamped %lld children, %lld cases and %lld "
                 "self-assessments%s%s.\n"), argv[1], ch.restamped.children, ch.restamped.cases,
               ch.restamped.assessments, ch.backup ? _("; backup: ") : "",
               ch.backup ? ch.backup : "");
    commune_change_free(&ch);
    db_close(db);
    return rc;
}
