/* cmd_places — the commune's places and calendar: `treem village
 * add|list|show|rename|merge|delete`, `treem holiday list|add|delete` and
 * `treem commune search|set`. */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/cli/cli_args.h"
#include "treem/app/commune.h"
#include "treem/app/commune_set.h"
#include "treem/app/holiday_table.h"
#include "treem/app/session.h"
#include "treem/app/villages.h"
#include "treem/core/i18n.h"
#include "treem/core/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* `village show NAME`: the village and how many children live there. */
static int show_village(struct db *db, int argc, char **argv)
{
    (void)argc;
    struct village_row *rows = NULL;
    size_t n = 0;
    long long id = 0;
    enum status st = villages_list(db, &rows, &n);
    if (st == ST_OK)
        st = villages_find(db, argv[1], &id);
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

/* `village add NAME…`: all or none. */
static int add_villages(struct db *db, int argc, char **argv)
{
    enum status st = db_begin(db);
    for (int i = 1; st == ST_OK && i < argc; i++)
        st = village_add(db, argv[i]);
    if (st == ST_OK)
        st = db_commit(db);
    else
        db_rollback(db);
    return st == ST_OK ? 0 : cli_fail();
}

static int list_villages(struct db *db, int argc, char **argv)
{
    (void)argc, (void)argv;
    char **names = NULL;
    size_t n = 0;
    if (village_list(db, &names, &n) != ST_OK)
        return cli_fail();
    for (size_t i = 0; i < n; i++)
        printf("%s\n", names[i]);
    string_list_free(names, n);
    return 0;
}

static int rename_village(struct db *db, int argc, char **argv)
{
    (void)argc;
    return cli_done(villages_rename(db, argv[1], argv[2]), _("Renamed village '%s' to '%s'.\n"),
                    argv[1], argv[2]);
}

static int merge_villages(struct db *db, int argc, char **argv)
{
    (void)argc;
    long long moved = 0;
    enum status st = villages_merge(db, argv[1], argv[2], &moved);
    return cli_done(st, _("Merged village '%s' into '%s': %lld children moved (their codes are kept).\n"),
                    argv[1], argv[2], moved);
}

static int delete_village(struct db *db, int argc, char **argv)
{
    (void)argc;
    return cli_done(villages_delete(db, argv[1]), _("Deleted village '%s'.\n"), argv[1]);
}

static CLI_SUB_FN(vil_add, cli_on_db(env, self, argc, argv, argc < 2 ? 2 : argc, add_villages))
static CLI_SUB_FN(vil_list, cli_on_db(env, self, argc, argv, 1, list_villages))
static CLI_SUB_FN(vil_show, cli_on_db(env, self, argc, argv, 2, show_village))
static CLI_SUB_FN(vil_rename, cli_on_db(env, self, argc, argv, 3, rename_village))
static CLI_SUB_FN(vil_merge, cli_on_db(env, self, argc, argv, 3, merge_villages))
static CLI_SUB_FN(vil_delete, cli_on_db(env, self, argc, argv, 2, delete_village))

const struct cli_sub cmd_village_subs[] = {
    {"add", vil_add, "NAME..."},
    {"list", vil_list, ""},
    {"show", vil_show, "NAME"},
    {"rename", vil_rename, "OLD NEW"},
    {"merge", vil_merge, "FROM INTO"},
    {"delete", vil_delete, "NAME"},
    {NULL, NULL, NULL},
};

/* `holiday list [--year Y]`: the table, of one year with --year. */
static int list_holidays(struct db *db, int argc, char **argv)
{
    int year = 0;
    if (argc == 3 && cli_parse_year("--year", argv[2], &year) != ST_OK)
        return cli_fail();
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

/* `holiday add DD/MM/YYYY NAME [--workday]`. */
static int add_holiday(struct db *db, int argc, char **argv)
{
    bool workday = argc == 4;
    return cli_done(holiday_table_add(db, argv[1], argv[2], workday),
                    workday ? _("Added %s as a make-up working day: %s.\n")
                            : _("Added %s as a day off: %s.\n"), argv[1], argv[2]);
}

static int delete_holiday(struct db *db, int argc, char **argv)
{
    (void)argc;
    return cli_done(holiday_table_delete(db, argv[1]), _("Deleted %s from the holiday table.\n"),
                    argv[1]);
}

static CLI_SUB_FN(hol_list, cli_on_db(env, self, argc, argv,
                                      argc == 3 && strcmp(argv[1], "--year") == 0 ? 3 : 1,
                                      list_holidays))
static CLI_SUB_FN(hol_add, cli_on_db(env, self, argc, argv,
                                     argc == 4 && strcmp(argv[3], "--workday") == 0 ? 4 : 3,
                                     add_holiday))
static CLI_SUB_FN(hol_delete, cli_on_db(env, self, argc, argv, 2, delete_holiday))

const struct cli_sub cmd_holiday_subs[] = {
    {"list", hol_list, "[--year Y]"},
    {"add", hol_add, "DD/MM/YYYY NAME [--workday]"},
    {"delete", hol_delete, "DD/MM/YYYY"},
    {NULL, NULL, NULL},
};

/* `commune search TEXT…` (the words joined): works before the commune is
 * chosen (first run). */
static int commune_lookup(const struct cli_env *env, const struct cli_command *self, int argc,
                          char **argv)
{
    if (argc < 2)
        return cli_sub_usage(self, argv[0]);
    struct db *db;
    if (session_open(env->db_path, true, &db) != ST_OK)
        return cli_fail();
    if (cli_sign_in(env, db) != ST_OK) {
        db_close(db);
        return cli_fail();
    }
    struct strbuf text = STRBUF_INIT;
    for (int i = 1; i < argc; i++)
        strbuf_printf(&text, "%s%s", i > 1 ? " " : "", argv[i]);
    struct commune *list;
    size_t n;
    enum status st = commune_search(db, NULL, strbuf_str(&text), 50, &list, &n);
    strbuf_free(&text);
    for (size_t i = 0; st == ST_OK && i < n; i++)
        printf("%s\t%s\t%s\n", list[i].code, list[i].full_name, list[i].province_name);
    commune_list_free(list, n);
    return cli_end(db, st);
}

/* `commune set CODE [--yes]`: with records, only with --yes (app/commune_set.h). */
static int commune_change(const struct cli_env *env, const struct cli_command *self, int argc,
                          char **argv)
{
    int yes = cli_take_yes(&argc, argv);
    struct db *db = NULL;
    int rc = cli_open_args(env, self, argc, argv, 2, &db);
    if (rc != 0)
        return rc;
    struct commune_change ch;
    enum status st = commune_set(db, argv[1], yes > 0, &ch);
    if (st == ST_CONFLICT)
        rc = cli_confirm(yes, 1, "%s", status_message());
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

const struct cli_sub cmd_commune_subs[] = {
    {"search", commune_lookup, "TEXT..."},
    {"set", commune_change, "CODE [--yes]"},
    {NULL, NULL, NULL},
};
