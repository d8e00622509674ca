/* cmd_plan_items — `treem plan target-… | event-… | calendar | measures`. */
#include <config.h>
#include "treem/cli/cmd_plan.h"
#include "treem/cli/cli_args.h"
#include "treem/app/plan.h"
#include "treem/db/event_repo.h"
#include "treem/db/plan_repo.h"
#include "treem/db/target_repo.h"
#include "treem/core/i18n.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The one positional argument left after the options: a record number. */
static int one_id(const struct cli_command *self, int argc, char **argv, const char *field,
                  long long *id)
{
    if (optind + 1 != argc)
        return cli_usage(self, _("expected one %s number"), field);
    return cli_parse_id(field, argv[optind], id) == ST_OK ? 0 : cli_fail();
}

/* Reports the outcome st of an action, printing ok_fmt with id on success,
 * and closes the database. (Call the action first: an id it sets must not
 * be read in the same argument list.) */
static int finish(struct db *db, enum status st, const char *ok_fmt, long long id)
{
    int rc = st == ST_OK ? 0 : cli_fail();
    if (rc == 0)
        printf(ok_fmt, id);
    db_close(db);
    return rc;
}

static const struct option target_opts[] = {
    {"text", required_argument, NULL, 't'},
    {"value", required_argument, NULL, 'v'},
    {"unit", required_argument, NULL, 'u'},
    {"direction", required_argument, NULL, 'd'},
    {"measure", required_argument, NULL, 'm'},
    {NULL, 0, NULL, 0},
};

static enum status target_opt(struct plan_target *t, int c, const char *arg)
{
    switch (c) {
    case 't': return cli_set_text(&t->text, arg);
    case 'v': return cli_parse_number(_("target value"), arg, &t->value);
    case 'u':
        if (!plan_unit_parse(arg, &t->unit))
            return status_set(ST_INVALID, _("%s: '%s' is not percent or count"),
                              _("target unit"), arg);
        return ST_OK;
    case 'd':
        if (!plan_direction_parse(arg, &t->direction))
            return status_set(ST_INVALID, _("%s: '%s' is not at-least or at-most"),
                              _("target direction"), arg);
        return ST_OK;
    default: return cli_set_text(&t->measure, arg);
    }
}

int cmd_plan_target_add(const struct cli_env *env, const struct cli_command *self, int argc,
                        char **argv)
{
    struct plan_target t = {.unit = PLAN_UNIT_PERCENT, .direction = PLAN_AT_LEAST};
    bool have_value = false;
    int c, rc = 0;
    optind = 0;
    while (rc == 0 && (c = getopt_long(argc, argv, "", target_opts, NULL)) != -1) {
        if (c == '?')
            rc = cli_usage(self, "%s", _("unknown option"));
        else if (target_opt(&t, c, optarg) != ST_OK)
            rc = cli_fail();
        have_value |= c == 'v';
    }
    if (rc == 0)
        rc = one_id(self, argc, argv, _("plan"), &t.plan_id);
    if (rc == 0 && !have_value)
        rc = cli_usage(self, "%s", _("--value is required (the number the target aims at)"));
    struct db *db = NULL;
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    if (rc == 0) {
        enum status st = plan_target_add(db, &t);
        rc = finish(db, st, _("Added target %lld.\n"), t.id);
    } else {
        db_close(db);
    }
    plan_target_clear(&t);
    return rc;
}

int cmd_plan_target_set(const struct cli_env *env, const struct cli_command *self, int argc,
                        char **argv)
{
    static const struct option opts[] = {
        {"value", required_argument, NULL, 'v'}, {"source", required_argument, NULL, 's'},
        {"date", required_argument, NULL, 'd'}, {"clear", no_argument, NULL, 'c'},
        {NULL, 0, NULL, 0},
    };
    double value = 0;
    const char *source = NULL;
    struct date on = date_today();
    bool have_value = false, clear = false;
    int c, rc = 0;
    long long id = 0;
    optind = 0;
    while (rc == 0 && (c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'v' && cli_parse_number(_("measured value"), optarg, &value) != ST_OK)
            rc = cli_fail();
        else if (c == 'd' && plan_parse_date(_("date of the value"), optarg, &on) != ST_OK)
            rc = cli_fail();
        else if (c == '?')
            rc = cli_usage(self, "%s", _("unknown option"));
        have_value |= c == 'v';
        clear |= c == 'c';
        if (c == 's')
            source = optarg;
    }
    if (rc == 0)
        rc = one_id(self, argc, argv, _("target"), &id);
    if (rc == 0 && clear == have_value)
        rc = cli_usage(self, "%s", _("give --value N --source TEXT, or --clear"));
    struct db *db = NULL;
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    if (rc != 0)
        return rc;
    if (clear)
        return finish(db, plan_target_unset_value(db, id), _("Cleared the value of target %lld.\n"), id);
    return finish(db, plan_target_set_value(db, id, value, source, on),
                  _("Saved the value of target %lld.\n"), id);
}

/* `… ID --yes` deleting one record with remove(). */
static int delete_one(const struct cli_env *env, const struct cli_command *self, int argc,
                      char **argv, const char *field, enum status (*remove)(struct db *, long long),
                      const char *ok_fmt)
{
    static const struct option opts[] = {{NULL, 0, NULL, 0}};
    int yes = cli_take_yes(&argc, argv);
    long long id;
    optind = 0;
    if (getopt_long(argc, argv, "", opts, NULL) != -1)
        return cli_usage(self, "%s", _("unknown option"));
    int rc = one_id(self, argc, argv, field, &id);
    if (rc == 0)
        rc = cli_confirm(yes, 1, _("this deletes %s %lld"), field, id);
    struct db *db = NULL;
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    return rc == 0 ? finish(db, remove(db, id), ok_fmt, id) : rc;
}

int cmd_plan_target_delete(const struct cli_env *env, const struct cli_command *self, int argc,
                           char **argv)
{
    return delete_one(env, self, argc, argv, _("target"), plan_target_remove,
                      _("Deleted target %lld.\n"));
}

static const struct option event_opts[] = {
    {"name", required_argument, NULL, 'n'},
    {"date", required_argument, NULL, 'd'},
    {"end", required_argument, NULL, 'e'},
    {"kind", required_argument, NULL, 'k'},
    {"lunar", optional_argument, NULL, 'l'},
    {NULL, 0, NULL, 0},
};

static enum status event_opt(void *rec, int c, const char *arg)
{
    struct plan_event *e = rec;
    switch (c) {
    case 'n': return cli_set_text(&e->name, arg);
    case 'd': return plan_parse_date(_("event date"), arg, &e->start_on);
    case 'e': return plan_parse_date(_("event end date"), arg, &e->end_on);
    case 'k':
        if (!plan_event_kind_parse(arg, &e->kind))
            return status_set(ST_INVALID, _("%s: '%s' is not event, campaign or deadline"),
                              _("event kind"), arg);
        return ST_OK;
    default:
        e->lunar = true;
        return arg ? cli_parse_bool("--lunar", arg, &e->lunar) : ST_OK;
    }
}

/* Reads event options into e: 0, or the exit status. */
static int event_read_opts(const struct cli_command *self, struct plan_event *e, int argc,
                           char **argv)
{
    return cli_read_opts(self, argc, argv, 0, event_opts, event_opt, e, NULL);
}

int cmd_plan_event_add(const struct cli_env *env, const struct cli_command *self, int argc,
                       char **argv)
{
    struct plan_event e = {.kind = PLAN_EVENT_EVENT};
    int rc = event_read_opts(self, &e, argc, argv);
    if (rc == 0)
        rc = one_id(self, argc, argv, _("plan"), &e.plan_id);
    struct db *db = NULL;
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    if (rc == 0) {
        enum status st = plan_event_add(db, &e);
        rc = finish(db, st, _("Added event %lld.\n"), e.id);
    }
    plan_event_clear(&e);
    return rc;
}

int cmd_plan_event_edit(const struct cli_env *env, const struct cli_command *self, int argc,
                        char **argv)
{
    struct plan_event scratch = {0}, e = {0};
    long long id = 0;
    int rc = event_read_opts(self, &scratch, argc, argv);
    plan_event_clear(&scratch);
    if (rc == 0)
        rc = one_id(self, argc, argv, _("event"), &id);
    struct db *db = NULL;
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    if (rc == 0 && event_repo_get(db, id, &e) != ST_OK)
        rc = cli_fail();
    if (rc == 0)
        rc = event_read_opts(self, &e, argc, argv);
    /* Saving confirms the date, also one a copy moved by a solar year. */
    e.to_check = false;
    if (rc == 0)
        rc = finish(db, plan_event_save(db, &e), _("Saved event %lld.\n"), id);
    else
        db_close(db);
    plan_event_clear(&e);
    return rc;
}

int cmd_plan_event_delete(const struct cli_env *env, const struct cli_command *self, int argc,
                          char **argv)
{
    return delete_one(env, self, argc, argv, _("event"), plan_event_remove,
                      _("Deleted event %lld.\n"));
}

static void print_cal_item(const struct plan_cal_item *it, struct date today)
{
    char a[DATE_BUF], b[DATE_BUF + 8] = "";
    date_format(it->date, a);
    if (plan_date_set(it->end)) {
        strcpy(b, " – ");
        date_format(it->end, b + strlen(b));
    }
    const char *mark = "";
    if (it->kind == PLAN_CAL_TASK)
        mark = it->done ? _(" [done]") : date_cmp(it->date, today) < 0 ? _(" [overdue]") : "";
    else if (it->to_check)
        mark = _(" [date to check]");
    printf("%s%s\t%s\t%s\t%s%s\n", a, b, plan_cal_kind_label(it->kind), it->name, it->detail,
           mark);
}

int cmd_plan_calendar(const struct cli_env *env, const struct cli_command *self, int argc,
                      char **argv)
{
    static const struct option opts[] = {
        {"year", required_argument, NULL, 'y'}, {"plan", required_argument, NULL, 'p'},
        {NULL, 0, NULL, 0},
    };
    struct date today = date_today();
    int year = today.y, c;
    long long plan_id = 0;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == '?')
            return cli_usage(self, "%s", _("unknown option"));
        if (c == 'y' ? cli_parse_year("--year", optarg, &year) != ST_OK
                     : cli_parse_id("--plan", optarg, &plan_id) != ST_OK)
            return cli_fail();
    }
    if (optind < argc)
        return cli_usage(self, _("unexpected argument '%s'"), argv[optind]);
    struct db *db;
    if (cli_open(env, &db) != ST_OK)
        return cli_fail();
    struct plan_cal_item *items;
    size_t n;
    enum status st = plan_repo_calendar(db, year, plan_id, &items, &n);
    for (size_t i = 0; st == ST_OK && i < n; i++)
        print_cal_item(&items[i], today);
    if (st == ST_OK)
        plan_cal_list_free(items, n);
    db_close(db);
    return st == ST_OK ? 0 : cli_fail();
}

int cmd_plan_measures(const struct cli_env *env, const struct cli_command *self, int argc,
                      char **argv)
{
    (void)env;
    if (argc > 1)
        return cli_usage(self, _("unexpected argument '%s'"), argv[1]);
    for (int m = MEASURE_NONE + 1; m < MEASURE__COUNT; m++) {
        const struct measure_info *info = measure_info((enum measure)m);
        printf("%s\t%s\t%s\t%s\n", info->code, measure_unit_code(info->unit),
               *info->criterion ? info->criterion : "—", _(info->label));
    }
    return 0;
}
