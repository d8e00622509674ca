/* cmd_plan_items — `treem plan target-… | event-… | calendar | measures`. */
#include <config.h>
#include "treem/cli/cmd_plan.h"
#include "treem/cli/cli_args.h"
#include "treem/app/plan.h"
#include "treem/db/event_repo.h"
#include "treem/db/plan_repo.h"
#include "treem/db/target_repo.h"
#include "treem/core/i18n.h"

#include <math.h>
#include <getopt.h>
#include <stddef.h>
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

/* --unit: percent or count, also "%" (plan_unit_parse). */
static enum status unit_opt(void *rec, const struct cli_opt *opt, const char *arg)
{
    (void)opt;
    if (plan_unit_parse(arg, &((struct plan_target *)rec)->unit))
        return ST_OK;
    return status_set(ST_INVALID, _("%s: '%s' is not percent or count"), _("target unit"), arg);
}

/* CLI_CODE writes an int */
_Static_assert(sizeof(enum plan_direction) == sizeof(int), "--direction sets an int");
_Static_assert(sizeof(enum plan_event_kind) == sizeof(int), "--kind sets an int");

static const struct cli_opt target_opts[] = {
    {"text", CLI_TEXT, .at = offsetof(struct plan_target, text)},
    {"value", CLI_NUMBER, .at = offsetof(struct plan_target, value), .label = N_("target value")},
    {"unit", CLI_CALL, .call = unit_opt},
    {"direction", CLI_CODE, .at = offsetof(struct plan_target, direction), .def = &enum_plan_direction,
     .label = N_("target direction"), .bad = N_("%s: '%s' is not at-least or at-most")},
    {"measure", CLI_TEXT, .at = offsetof(struct plan_target, measure)},
    {0},
};

int cmd_plan_target_add(const struct cli_env *env, const struct cli_command *self, int argc,
                        char **argv)
{
    /* NAN: no --value given */
    struct plan_target t = {.unit = PLAN_UNIT_PERCENT, .direction = PLAN_AT_LEAST, .value = NAN};
    int rc = cli_read_opts(self, argc, argv, 0, target_opts, 0, &t, NULL);
    if (rc == 0)
        rc = one_id(self, argc, argv, _("plan"), &t.plan_id);
    if (rc == 0 && isnan(t.value))
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

/* `target-set`: a measured value, or --clear. */
struct value_args {
    double value;
    const char *source;
    struct date on;
    bool clear;
};

static const struct cli_opt value_opts[] = {
    {"value", CLI_NUMBER, .at = offsetof(struct value_args, value), .label = N_("measured value")},
    {"source", CLI_STR, .at = offsetof(struct value_args, source)},
    {"date", CLI_DATE_OR_NONE, .at = offsetof(struct value_args, on), .label = N_("date of the value")},
    {"clear", CLI_FLAG, .at = offsetof(struct value_args, clear)},
    {0},
};

int cmd_plan_target_set(const struct cli_env *env, const struct cli_command *self, int argc,
                        char **argv)
{
    struct value_args v = {.value = NAN, .on = date_today()}; /* NAN: no --value */
    long long id = 0;
    int rc = cli_read_opts(self, argc, argv, 0, value_opts, 0, &v, NULL);
    if (rc == 0)
        rc = one_id(self, argc, argv, _("target"), &id);
    if (rc == 0 && v.clear == !isnan(v.value))
        rc = cli_usage(self, "%s", _("give --value N --source TEXT, or --clear"));
    struct db *db = NULL;
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    if (rc != 0)
        return rc;
    if (v.clear)
        return finish(db, plan_target_unset_value(db, id), _("Cleared the value of target %lld.\n"), id);
    return finish(db, plan_target_set_value(db, id, v.value, v.source, v.on),
                  _("Saved the value of target %lld.\n"), id);
}

/* `… ID --yes` deleting one record with remove(). */
static int delete_one(const struct cli_env *env, const struct cli_command *self, int argc,
                      char **argv, const char *field, enum status (*remove)(struct db *, long long),
                      const char *ok_fmt)
{
    static const struct cli_opt none[] = {{0}};
    int yes = cli_take_yes(&argc, argv);
    long long id;
    int rc = cli_read_opts(self, argc, argv, 0, none, 0, NULL, NULL);
    if (rc)
        return rc;
    rc = one_id(self, argc, argv, field, &id);
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

static const struct cli_opt event_opts[] = {
    {"name", CLI_TEXT, .at = offsetof(struct plan_event, name)},
    {"date", CLI_DATE_OR_NONE, .at = offsetof(struct plan_event, start_on), .label = N_("event date")},
    {"end", CLI_DATE_OR_NONE, .at = offsetof(struct plan_event, end_on), .label = N_("event end date")},
    {"kind", CLI_CODE, .at = offsetof(struct plan_event, kind), .def = &enum_plan_event_kind,
     .label = N_("event kind"), .bad = N_("%s: '%s' is not event, campaign or deadline")},
    {"lunar", CLI_MAYBE, .at = offsetof(struct plan_event, lunar)},
    {0},
};

int cmd_plan_event_add(const struct cli_env *env, const struct cli_command *self, int argc,
                       char **argv)
{
    struct plan_event e = {.kind = PLAN_EVENT_EVENT};
    int rc = cli_read_opts(self, argc, argv, 0, event_opts, 0, &e, NULL);
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
    int rc = cli_read_opts(self, argc, argv, 0, event_opts, 0, &scratch, NULL);
    plan_event_clear(&scratch);
    if (rc == 0)
        rc = one_id(self, argc, argv, _("event"), &id);
    struct db *db = NULL;
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    if (rc == 0 && event_repo_get(db, id, &e) != ST_OK)
        rc = cli_fail();
    if (rc == 0)
        rc = cli_read_opts(self, argc, argv, 0, event_opts, 0, &e, NULL);
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

const char *cmd_plan_span(struct date start, struct date end, char buf[PLAN_SPAN_BUF])
{
    date_format(start, buf);
    if (plan_date_set(end)) {
        strcat(buf, " – ");
        date_format(end, buf + strlen(buf));
    }
    return buf;
}

static void print_cal_item(const struct plan_cal_item *it, struct date today)
{
    char span[PLAN_SPAN_BUF];
    const char *mark = "";
    if (it->kind == PLAN_CAL_TASK)
        mark = it->done ? _(" [done]") : date_cmp(it->date, today) < 0 ? _(" [overdue]") : "";
    else if (it->to_check)
        mark = _(" [date to check]");
    printf("%s\t%s\t%s\t%s%s\n", cmd_plan_span(it->date, it->end, span),
           plan_cal_kind_label(it->kind), it->name, it->detail, mark);
}

struct calendar_args {
    int year;
    long long plan_id;
};

static const struct cli_opt calendar_opts[] = {
    {"year", CLI_YEAR, .at = offsetof(struct calendar_args, year)},
    {"plan", CLI_ID, .at = offsetof(struct calendar_args, plan_id)},
    {0},
};

int cmd_plan_calendar(const struct cli_env *env, const struct cli_command *self, int argc,
                      char **argv)
{
    struct date today = date_today();
    struct calendar_args a = {today.y, 0};
    struct db *db;
    int rc = cli_open_opts(env, self, argc, argv, calendar_opts, CLI_ALONE, &a, &db);
    if (rc)
        return rc;
    struct plan_cal_item *items;
    size_t n;
    enum status st = plan_repo_calendar(db, a.year, a.plan_id, &items, &n);
    for (size_t i = 0; st == ST_OK && i < n; i++)
        print_cal_item(&items[i], today);
    if (st == ST_OK)
        plan_cal_list_free(items, n);
    return cli_end(db, st);
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
