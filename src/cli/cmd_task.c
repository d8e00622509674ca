/* cmd_task — `treem task add|edit|list|show|done|reopen|note|delete`. */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/cli/cli_args.h"
#include "treem/app/task.h"
#include "treem/db/department_repo.h"
#include "treem/db/task_repo.h"
#include "treem/model/plan.h"
#include "treem/core/i18n.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct option task_opts[] = {
    {"plan", required_argument, NULL, 'p'},
    {"dept", required_argument, NULL, 'D'},
    {"text", required_argument, NULL, 't'},
    {"criteria", required_argument, NULL, 'c'},
    {"start", required_argument, NULL, 's'},
    {"due", required_argument, NULL, 'u'},
    {"evidence", required_argument, NULL, 'e'},
    {NULL, 0, NULL, 0},
};

/* Applies one task option; the department is looked up by what was typed. */
static enum status task_opt(struct db *db, struct task *t, int c, const char *arg)
{
    switch (c) {
    case 'p': return cli_parse_id(_("plan"), arg, &t->plan_id);
    case 't': return cli_set_text(&t->text, arg);
    case 'c': return cli_set_text(&t->criteria, arg);
    case 's': return plan_parse_date(_("start date"), arg, &t->start_on);
    case 'u': return plan_parse_date(_("due date"), arg, &t->due_on);
    case 'e': return cli_set_text(&t->evidence, arg);
    default: {
        struct department d;
        enum status st = department_repo_find(db, arg, &d);
        if (st == ST_OK)
            t->department_id = d.id;
        department_clear(&d);
        return st;
    }
    }
}

/* Reads the task options into t (db may be NULL for a first check of the
 * options only): 0, or the exit status. */
static int task_read_opts(const struct cli_command *self, struct db *db, struct task *t,
                          int argc, char **argv)
{
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", task_opts, NULL)) != -1) {
        if (c == '?')
            return cli_usage(self, "%s", _("unknown option"));
        if ((db || c != 'D') && task_opt(db, t, c, optarg) != ST_OK)
            return cli_fail();
    }
    return 0;
}

static int one_id(const struct cli_command *self, int argc, char **argv, long long *id)
{
    if (optind + 1 != argc)
        return cli_usage(self, "%s", _("expected one task number (see: treem task list)"));
    return cli_parse_id(_("task"), argv[optind], id) == ST_OK ? 0 : cli_fail();
}

static int task_add(const struct cli_env *env, const struct cli_command *self, int argc,
                    char **argv)
{
    struct task t = {0};
    struct db *db = NULL;
    int rc = task_read_opts(self, NULL, &t, argc, argv);
    if (rc == 0 && optind < argc)
        rc = cli_usage(self, _("unexpected argument '%s'"), argv[optind]);
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    if (rc == 0)
        rc = task_read_opts(self, db, &t, argc, argv);
    if (rc == 0 && task_create(db, &t) != ST_OK)
        rc = cli_fail();
    if (rc == 0)
        printf(_("Added task %lld.\n"), t.id);
    task_clear(&t);
    db_close(db);
    return rc;
}

static int task_edit(const struct cli_env *env, const struct cli_command *self, int argc,
                     char **argv)
{
    struct task scratch = {0}, t = {0};
    struct db *db = NULL;
    long long id = 0;
    int rc = task_read_opts(self, NULL, &scratch, argc, argv);
    task_clear(&scratch);
    if (rc == 0)
        rc = one_id(self, argc, argv, &id);
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    if (rc == 0 && task_repo_get(db, id, &t) != ST_OK)
        rc = cli_fail();
    if (rc == 0)
        rc = task_read_opts(self, db, &t, argc, argv);
    if (rc == 0 && task_save(db, &t) != ST_OK)
        rc = cli_fail();
    if (rc == 0)
        printf(_("Saved task %lld.\n"), id);
    task_clear(&t);
    db_close(db);
    return rc;
}

static void print_task_line(const struct task *t, struct date today)
{
    char due[DATE_BUF];
    date_format(t->due_on, due);
    printf("%lld\t%s\t%s\t%s\t%s\t%s\n", t->id, task_status_label(task_status_on(t, today)), due,
           t->department_name, *t->criteria ? t->criteria : "—", t->text);
}

static const struct option list_opts[] = {
    {"dept", required_argument, NULL, 'D'},
    {"plan", required_argument, NULL, 'p'},
    {"criterion", required_argument, NULL, 'c'},
    {"year", required_argument, NULL, 'y'},
    {"search", required_argument, NULL, 's'},
    {"overdue", no_argument, NULL, 'o'},
    {"open", no_argument, NULL, 'O'},
    {NULL, 0, NULL, 0},
};

/* Fills f from the options; dept is left for the caller to look up. */
static int list_read_opts(const struct cli_command *self, struct task_filter *f,
                          const char **dept, int argc, char **argv)
{
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", list_opts, NULL)) != -1) {
        enum status st = ST_OK;
        switch (c) {
        case 'D': *dept = optarg; break;
        case 'p': st = cli_parse_id("--plan", optarg, &f->plan_id); break;
        case 'c': f->criterion = optarg; break;
        case 'y': st = cli_parse_year("--year", optarg, &f->year); break;
        case 's': f->search = optarg; break;
        case 'o': f->overdue_only = true; break;
        case 'O': f->open_only = true; break;
        default: return cli_usage(self, "%s", _("unknown option"));
        }
        if (st != ST_OK)
            return cli_fail();
    }
    if (optind < argc)
        return cli_usage(self, _("unexpected argument '%s'"), argv[optind]);
    if (f->criterion) {
        char *norm = NULL;
        enum status st = task_criteria_normalize(f->criterion, &norm);
        bool one = st == ST_OK && *norm && !strchr(norm, ',');
        free(norm);
        if (st == ST_OK && !one)
            st = status_set(ST_INVALID, _("%s: give one criterion such as 5 or 5.1"),
                            "--criterion");
        if (st != ST_OK)
            return cli_fail();
    }
    return 0;
}

static int task_list(const struct cli_env *env, const struct cli_command *self, int argc,
                     char **argv)
{
    struct date today = date_today();
    struct task_filter f = {.on = today};
    const char *dept = NULL;
    int rc = list_read_opts(self, &f, &dept, argc, argv);
    struct db *db = NULL;
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    if (rc == 0 && dept) {
        struct department d;
        if (department_repo_find(db, dept, &d) != ST_OK)
            rc = cli_fail();
        f.department_id = d.id;
        department_clear(&d);
    }
    struct task *list = NULL;
    size_t n = 0;
    if (rc == 0 && task_repo_list(db, &f, &list, &n) != ST_OK)
        rc = cli_fail();
    for (size_t i = 0; rc == 0 && i < n; i++)
        print_task_line(&list[i], today);
    if (rc == 0 && n == 0)
        fprintf(stderr, "%s\n", _("No tasks match."));
    task_list_free(list, n);
    db_close(db);
    return rc;
}

static void show_task(const struct task *t, struct date today)
{
    char buf[DATE_BUF];
    printf(_("Task %lld: %s\n"), t->id, t->text);
    cli_print_field(_("Status:"), task_status_label(task_status_on(t, today)), 20);
    cli_print_field(_("Department:"), t->department_name, 20);
    cli_print_field(_("Plan:"), t->plan_label, 20);
    cli_print_field(_("Criteria:"), *t->criteria ? t->criteria : "—", 20);
    strcpy(buf, "—");
    if (plan_date_set(t->start_on))
        date_format(t->start_on, buf);
    cli_print_field(_("Start:"), buf, 20);
    date_format(t->due_on, buf);
    cli_print_field(_("Due:"), buf, 20);
    if (t->done) {
        date_format(t->done_on, buf);
        cli_print_field(_("Done on:"), buf, 20);
        if (task_done_late(t))
            cli_print_field("", _("(finished after the due date)"), 20);
    }
    cli_print_field(_("Evidence:"), *t->evidence ? t->evidence : "—", 20);
}

static int task_show(const struct cli_env *env, const struct cli_command *self, int argc,
                     char **argv)
{
    long long id = 0;
    optind = 1;
    int rc = one_id(self, argc, argv, &id);
    struct db *db = NULL;
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    struct task t = {0};
    if (rc == 0 && task_repo_get(db, id, &t) != ST_OK)
        rc = cli_fail();
    struct task_note *notes = NULL;
    size_t n = 0;
    if (rc == 0 && task_repo_notes(db, id, &notes, &n) != ST_OK)
        rc = cli_fail();
    if (rc == 0) {
        show_task(&t, date_today());
        printf("\n%s\n", _("Progress notes:"));
        for (size_t i = 0; i < n; i++) {
            char d[DATE_BUF];
            date_format(notes[i].noted_on, d);
            printf("  %s  %s  (%s)\n", d, notes[i].text, notes[i].who);
        }
        if (n == 0)
            printf("  %s\n", _("none yet (add with: treem task note ID TEXT)"));
    }
    task_note_list_free(notes, n);
    task_clear(&t);
    db_close(db);
    return rc;
}

static const struct option date_opts[] = {
    {"date", required_argument, NULL, 'd'},
    {"evidence", required_argument, NULL, 'e'},
    {NULL, 0, NULL, 0},
};

/* `task done ID [--date D] [--evidence E]`, `task reopen ID` and
 * `task note ID TEXT [--date D]`. */
static int task_mark(const struct cli_env *env, const struct cli_command *self, int argc,
                     char **argv)
{
    bool note = strcmp(argv[0], "note") == 0, reopen = strcmp(argv[0], "reopen") == 0;
    struct date on = date_today();
    const char *evidence = NULL;
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", date_opts, NULL)) != -1) {
        if (c == '?' || (c == 'e' && note) || reopen)
            return cli_usage(self, "%s", _("unknown option"));
        if (c == 'e')
            evidence = optarg;
        else if (plan_parse_date(note ? _("note date") : _("done date"), optarg, &on) != ST_OK)
            return cli_fail();
    }
    long long id = 0;
    int rc = note && optind + 2 != argc ? cli_sub_usage(self, argv[0]) : 0;
    if (rc == 0 && note)
        rc = cli_parse_id(_("task"), argv[optind], &id) == ST_OK ? 0 : cli_fail();
    else if (rc == 0)
        rc = one_id(self, argc, argv, &id);
    struct db *db = NULL;
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    enum status st = ST_OK;
    if (rc == 0)
        st = note ? task_add_note(db, id, on, argv[optind + 1], NULL)
           : reopen ? task_reopen(db, id) : task_mark_done(db, id, on, evidence);
    if (rc == 0 && st != ST_OK)
        rc = cli_fail();
    if (rc == 0)
        printf(note ? _("Added a note to task %lld.\n")
               : reopen ? _("Task %lld is open again.\n") : _("Task %lld is done.\n"), id);
    db_close(db);
    return rc;
}

static int task_delete(const struct cli_env *env, const struct cli_command *self, int argc,
                       char **argv)
{
    int yes = cli_take_yes(&argc, argv);
    long long id = 0;
    optind = 1;
    int rc = one_id(self, argc, argv, &id);
    if (rc == 0)
        rc = cli_confirm(yes, 1, _("this deletes %s %lld"), _("task"), id);
    struct db *db = NULL;
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    if (rc == 0 && task_remove(db, id) != ST_OK)
        rc = cli_fail();
    if (rc == 0)
        printf(_("Deleted task %lld.\n"), id);
    db_close(db);
    return rc;
}

const struct cli_sub cmd_task_subs[] = {
    {"add", task_add, "--plan PLAN --dept DEPT --text T --due D [--start D] [--criteria 3,4,5.1] "
     "[--evidence E]"},
    {"edit", task_edit, "TASK [the options of add]"},
    {"list", task_list, "[--dept DEPT] [--plan PLAN] [--year Y] [--criterion 5.1] [--overdue] "
     "[--open] [--search TEXT]"},
    {"show", task_show, "TASK"},
    {"done", task_mark, "TASK [--date D] [--evidence E]"},
    {"reopen", task_mark, "TASK"},
    {"note", task_mark, "TASK TEXT [--date D]"},
    {"delete", task_delete, "TASK --yes"},
    {NULL, NULL, NULL},
};

/* Also the help of `treem dept`. */
void cmd_task_help(void)
{
    printf("%s\n", _("DEPT is a department's number, code or name (see: treem dept list)."));
}
