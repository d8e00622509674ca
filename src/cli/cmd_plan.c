/* cmd_plan — `treem plan …`: plans (add, edit, list, show, copy, delete);
 * their targets, events and the calendar are in cmd_plan_items.c. */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/cli/cli_args.h"
#include "treem/cli/cmd_plan.h"
#include "treem/app/plan.h"
#include "treem/db/event_repo.h"
#include "treem/db/plan_repo.h"
#include "treem/db/target_repo.h"
#include "treem/core/i18n.h"

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PL(field) offsetof(struct plan, field)
static const struct cli_opt plan_opts[] = {
    {"title", CLI_TEXT, .at = PL(title)},
    {"year", CLI_YEAR, .at = PL(year)},
    {"number", CLI_TEXT, .at = PL(number)},
    {"date", CLI_DATE_OR_NONE, .at = PL(issued_on), .label = N_("plan date")},
    {"issuer", CLI_TEXT, .at = PL(issuer)},
    {"upstream", CLI_TEXT, .at = PL(upstream)},
    {"purpose", CLI_TEXT, .at = PL(purpose)},
    {"requirements", CLI_TEXT, .at = PL(requirements)},
    {"budget", CLI_TEXT, .at = PL(budget)},
    {"report-half", CLI_DATE_OR_NONE, .at = PL(report_half), .label = N_("6-month report deadline")},
    {"report-year", CLI_DATE_OR_NONE, .at = PL(report_year), .label = N_("annual report deadline")},
    {0},
};
#undef PL

static int plan_add(const struct cli_env *env, const struct cli_command *self, int argc,
                    char **argv)
{
    struct plan p = {.year = date_today().y};
    struct db *db;
    int rc = cli_open_opts(env, self, argc, argv, plan_opts, CLI_ALONE, &p, &db);
    if (rc == 0 && plan_create(db, &p) != ST_OK)
        rc = cli_fail();
    if (rc == 0) {
        char label[128];
        plan_label(p.number, p.year, label, sizeof label);
        printf(_("Created plan %lld: %s.\n"), p.id, label);
    }
    plan_clear(&p);
    db_close(db);
    return rc;
}

/* Opens the database and reads plan argv[at], the last argument, into *p. */
static int open_plan(const struct cli_env *env, const struct cli_command *self, int argc,
                     char **argv, int at, struct db **db, struct plan *p)
{
    long long id;
    *db = NULL;
    if (at + 1 != argc)
        return cli_usage(self, "%s", _("expected one plan number (see: treem plan list)"));
    if (cli_parse_id(_("plan"), argv[at], &id) != ST_OK)
        return cli_fail();
    if (cli_open(env, db) != ST_OK)
        return cli_fail();
    if (plan_repo_get(*db, id, p) != ST_OK) {
        db_close(*db);
        *db = NULL;
        return cli_fail();
    }
    return 0;
}

static int plan_edit(const struct cli_env *env, const struct cli_command *self, int argc,
                     char **argv)
{
    struct plan scratch = {0}, p = {0};
    /* First pass: check the options and find the plan's number. */
    int rc = cli_read_opts(self, argc, argv, 0, plan_opts, 0, &scratch, NULL);
    plan_clear(&scratch);
    struct db *db = NULL;
    if (rc == 0)
        rc = open_plan(env, self, argc, argv, optind, &db, &p);
    if (rc == 0)
        rc = cli_read_opts(self, argc, argv, 0, plan_opts, 0, &p, NULL);
    if (rc == 0)
        rc = cli_done(plan_save(db, &p), _("Saved plan %lld.\n"), p.id);
    plan_clear(&p);
    db_close(db);
    return rc;
}

static int plan_list(const struct cli_env *env, const struct cli_command *self, int argc,
                     char **argv)
{
    static const struct cli_opt opts[] = {{"year", CLI_YEAR, .at = 0}, {0}};
    int year = 0;
    struct db *db;
    int rc = cli_open_opts(env, self, argc, argv, opts, CLI_ALONE, &year, &db);
    if (rc)
        return rc;
    struct plan *list;
    size_t n;
    enum status st = plan_repo_list(db, year, &list, &n);
    for (size_t i = 0; st == ST_OK && i < n; i++) {
        struct plan_counts k;
        char label[128];
        st = plan_repo_counts(db, list[i].id, date_today(), &k);
        plan_label(list[i].number, list[i].year, label, sizeof label);
        printf("%lld\t%s\t%s\t", list[i].id, label, list[i].title);
        printf(_("%ld targets, %ld/%ld tasks done, %ld overdue\n"), k.targets,
               k.tasks_done, k.tasks, k.tasks_overdue);
    }
    if (st == ST_OK && n == 0)
        fprintf(stderr, "%s\n", _("No plans yet (add one with: treem plan add --title …)."));
    plan_list_free(list, n);
    return cli_end(db, st);
}

static void show_date(const char *label, struct date d)
{
    char buf[DATE_BUF] = "—";
    if (plan_date_set(d))
        date_format(d, buf);
    cli_print_field(label, buf, 24);
}

static void show_header(const struct plan *p)
{
    char label[128], year[16], from[24];
    plan_label(p->number, p->year, label, sizeof label);
    printf(_("Plan %lld: %s\n"), p->id, label);
    cli_print_field(_("Title:"), p->title, 24);
    cli_print_field(_("Number:"), *p->number ? p->number : "—", 24);
    show_date(_("Date:"), p->issued_on);
    cli_print_field(_("Issuing body:"), *p->issuer ? p->issuer : "—", 24);
    snprintf(year, sizeof year, "%d", p->year);
    cli_print_field(_("Year:"), year, 24);
    cli_print_field(_("Upstream plans:"), p->upstream, 24);
    cli_print_field(_("Purpose:"), p->purpose, 24);
    cli_print_field(_("Requirements:"), p->requirements, 24);
    cli_print_field(_("Budget sources:"), p->budget, 24);
    show_date(_("6-month report by:"), p->report_half);
    show_date(_("Annual report by:"), p->report_year);
    if (p->copied_from) {
        snprintf(from, sizeof from, "%lld", p->copied_from);
        cli_print_field(_("Copied from plan:"), from, 24);
    }
}

static enum status show_targets(struct db *db, const struct plan *p)
{
    struct plan_target *list;
    size_t n;
    enum status st = target_repo_list(db, p->id, &list, &n);
    printf("\n%s\n", _("Targets:"));
    for (size_t i = 0; st == ST_OK && i < n; i++) {
        struct plan_target_view v;
        char want[32], got[32] = "—";
        st = plan_target_view(db, &list[i], p->year, date_today(), &v);
        if (st != ST_OK)
            break;
        plan_format_value(list[i].value, list[i].unit, want, sizeof want);
        if (v.source != PLAN_VALUE_NONE)
            plan_format_value(v.value, list[i].unit, got, sizeof got);
        printf("  [%lld] %s\n", list[i].id, list[i].text);
        printf("       %s %s · %s %s (%s) · %s", plan_direction_label(list[i].direction), want,
               _("measured"), got, v.note, plan_target_result_label(v.result));
        if (list[i].measure)
            printf(" · %s", list[i].measure);
        printf("\n");
    }
    if (st == ST_OK && n == 0)
        printf("  %s\n", _("none yet (add with: treem plan target-add)"));
    plan_target_list_free(list, n);
    return st;
}

static enum status show_events(struct db *db, const struct plan *p)
{
    struct plan_event *list;
    size_t n;
    enum status st = event_repo_list(db, p->id, &list, &n);
    printf("\n%s\n", _("Events:"));
    for (size_t i = 0; st == ST_OK && i < n; i++) {
        char span[PLAN_SPAN_BUF];
        printf("  [%lld] %s  %s  %s%s%s\n", list[i].id,
               cmd_plan_span(list[i].start_on, list[i].end_on, span),
               plan_event_kind_label(list[i].kind), list[i].name,
               list[i].lunar ? _(" (lunar calendar)") : "",
               list[i].to_check ? _(" — date to check") : "");
    }
    plan_event_list_free(list, n);
    return st;
}

/* `plan show|copy|delete PLAN`: act on the plan, then close. */
static int on_plan(const struct cli_env *env, const struct cli_command *self, int argc,
                   char **argv, int (*act)(struct db *db, const struct plan *p))
{
    struct plan p = {0};
    struct db *db;
    int rc = open_plan(env, self, argc, argv, 1, &db, &p);
    if (rc == 0)
        rc = act(db, &p);
    plan_clear(&p);
    db_close(db);
    return rc;
}

static int show_plan(struct db *db, const struct plan *p)
{
    show_header(p);
    enum status st = show_targets(db, p);
    if (st == ST_OK)
        st = show_events(db, p);
    struct plan_counts k;
    if (st == ST_OK)
        st = plan_repo_counts(db, p->id, date_today(), &k);
    if (st != ST_OK)
        return cli_fail();
    printf("\n");
    printf(_("Tasks: %ld, %ld done, %ld overdue (see: treem task list --plan %lld)\n"),
           k.tasks, k.tasks_done, k.tasks_overdue, p->id);
    return 0;
}

static CLI_SUB_FN(plan_show, on_plan(env, self, argc, argv, show_plan))

static int copy_plan(struct db *db, const struct plan *p)
{
    struct plan_copy_result r;
    if (plan_copy_next_year(db, p->id, &r) != ST_OK)
        return cli_fail();
    printf(_("Copied plan %lld to %d as plan %lld: %zu targets, %zu tasks, %zu events.\n"),
           p->id, r.year, r.new_id, r.targets, r.tasks, r.events);
    if (r.tasks_skipped)
        printf(_("%zu tasks of departments no longer active were not copied.\n"),
               r.tasks_skipped);
    if (r.events_to_check)
        printf(_("%zu events follow the lunar calendar: check their dates "
                 "(treem plan event-edit ID --date …).\n"), r.events_to_check);
    printf(_("Give the new plan its number and date: treem plan edit %lld --number … "
             "--date …\n"), r.new_id);
    return 0;
}

static CLI_SUB_FN(plan_copy, on_plan(env, self, argc, argv, copy_plan))

static int delete_plan(struct db *db, const struct plan *p)
{
    if (plan_remove(db, p->id) != ST_OK)
        return cli_fail();
    printf(_("Deleted plan %lld.\n"), p->id);
    return 0;
}

static int plan_delete(const struct cli_env *env, const struct cli_command *self, int argc,
                       char **argv)
{
    int yes = cli_take_yes(&argc, argv);
    if (cli_confirm(yes, 1, "%s", _("deleting a plan deletes its targets, tasks and events")))
        return 1;
    return on_plan(env, self, argc, argv, delete_plan);
}

const struct cli_sub cmd_plan_subs[] = {
    {"add", plan_add, "--title T [--year Y] [--number N] [--date D] [--issuer I] [--upstream U] "
     "[--purpose P] [--requirements R] [--budget B] [--report-half D] [--report-year D]"},
    {"edit", plan_edit, "PLAN [the options of add]"},
    {"list", plan_list, "[--year Y]"},
    {"show", plan_show, "PLAN"},
    {"copy", plan_copy, "PLAN"},
    {"delete", plan_delete, "PLAN --yes"},
    {"target-add", cmd_plan_target_add, "PLAN --text T --value N [--unit percent|count] "
     "[--direction at-least|at-most] [--measure CODE]"},
    {"target-set", cmd_plan_target_set, "TARGET --value N --source TEXT [--date D] | TARGET --clear"},
    {"target-delete", cmd_plan_target_delete, "TARGET --yes"},
    {"event-add", cmd_plan_event_add, "PLAN --name N --date D [--end D] "
     "[--kind event|campaign|deadline] [--lunar]"},
    {"event-edit", cmd_plan_event_edit, "EVENT [--name N] [--date D] [--end D] [--kind K] "
     "[--lunar=yes|no]"},
    {"event-delete", cmd_plan_event_delete, "EVENT --yes"},
    {"calendar", cmd_plan_calendar, "[--year Y] [--plan PLAN]"},
    {"measures", cmd_plan_measures, ""},
    {NULL, NULL, NULL},
};

void cmd_plan_help(void)
{
    printf("%s\n", _("Dates are dd/mm/yyyy; an empty date (\"\") clears it."));
}
