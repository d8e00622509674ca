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
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A task, and the database its --dept is looked up in (NULL for a first
 * check of the options only). */
struct task_args {
    struct task t;
    struct db *db;
};

static enum status dept_opt(void *rec, const struct cli_opt *opt, const char *arg)
{
    struct task_args *a = rec;
    (void)opt;
    if (!a->db)
        return ST_OK;
    struct department d;
    enum status st = department_repo_find(a->db, arg, &d);
    if (st == ST_OK)
        a->t.department_id = d.id;
    department_clear(&d);
    return st;
}

#define TA(field) offsetof(struct task_args, field)
static const struct cli_opt task_opts[] = {
    {"plan", CLI_ID, .at = TA(t.plan_id), .label = N_("plan")},
    {"dept", CLI_CALL, .call = dept_opt},
    {"text", CLI_TEXT, .at = TA(t.text)},
    {"criteria", CLI_TEXT, .at = TA(t.criteria)},
    {"start", CLI_DATE_OR_NONE, .at = TA(t.start_on), .label = N_("start date")},
    {"due", CLI_DATE_OR_NONE, .at = TA(t.due_on), .label = N_("due date")},
    {"evidence", CLI_TEXT, .at = TA(t.evidence)},
    {0},
};
#undef TA

/* Reads the task options into a (its department in a->db): 0, or the exit status. */
static int task_read_opts(const struct cli_command *self, struct db *db, struct task_args *a,
                          int argc, char **argv, unsigned flags)
{
    a->db = db;
    return cli_read_opts(self, argc, argv, 0, task_opts, flags, a, NULL);
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
    struct task_args a = {.db = NULL};
    struct db *db;
    int rc = cli_open_opts(env, self, argc, argv, task_opts, CLI_ALONE, &a, &db);
    if (rc == 0)
        rc = task_read_opts(self, db, &a, argc, argv, 0);
    if (rc == 0 && task_create(db, &a.t) != ST_OK)
        rc = cli_fail();
    if (rc == 0)
        printf(_("Added task %lld.\n"), a.t.id);
    task_clear(&a.t);
    db_close(db);
    return rc;
}

static int task_edit(const struct cli_env *env, const struct cli_command *self, int argc,
                     char **argv)
{
    struct task_args scratch = {.db = NULL}, a = {.db = NULL};
    struct db *db = NULL;
    long long id = 0;
    int rc = task_read_opts(self, NULL, &scratch, argc, argv, 0);
    task_clear(&scratch.t);
    if (rc == 0)
        rc = one_id(self, argc, argv, &id);
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    if (rc == 0 && task_repo_get(db, id, &a.t) != ST_OK)
        rc = cli_fail();
    if (rc == 0)
        rc = task_read_opts(self, db, &a, argc, argv, 0);
    if (rc == 0)
        rc = cli_done(task_save(db, &a.t), _("Saved task %lld.\n"), id);
    task_clear(&a.t);
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

/* The filter of `task list`, and the department typed for it. */
struct list_args {
    struct task_filter f;
    const char *dept;
};

#define LA(field) offsetof(struct list_args, field)
static const struct cli_opt list_opts[] = {
    {"dept", CLI_STR, .at = LA(dept)},
    {"plan", CLI_ID, .at = LA(f.plan_id)},
    {"criterion", CLI_STR, .at = LA(f.criterion)},
    {"year", CLI_YEAR, .at = LA(f.year)},
    {"search", CLI_STR, .at = LA(f.search)},
    {"overdue", CLI_FLAG, .at = LA(f.overdue_only)},
    {"open", CLI_FLAG, .at = LA(f.open_only)},
    {0},
};
#undef LA

/* Fills a from the options; the department is left for the caller to look up. */
static int list_read_opts(const struct cli_command *self, struct list_args *a, int argc,
                          char **argv)
{
    int rc = cli_read_opts(self, argc, argv, 0, list_opts, CLI_ALONE, a, NULL);
    if (rc == 0 && a->f.criterion) {
        char *norm = NULL;
        enum status st = task_criteria_normalize(a->f.criterion, &norm);
        bool one = st == ST_OK && *norm && !strchr(norm, ',');
        free(norm);
        if (st == ST_OK && !one)
            st = status_set(ST_INVALID, _("%s: give one criterion such as 5 or 5.1"),
                            "--criterion");
        if (st != ST_OK)
            return cli_fail();
    }
    return rc;
}

static int task_list(const struct cli_env *env, const struct cli_command *self, int argc,
                     char **argv)
{
    struct date today = date_today();
    struct list_args a = {.f = {.on = today}};
    int rc = list_read_opts(self, &a, argc, argv);
    struct db *db = NULL;
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    if (rc == 0 && a.dept) {
        struct department d;
        if (department_repo_find(db, a.dept, &d) != ST_OK)
            rc = cli_fail();
        a.f.department_id = d.id;
        department_clear(&d);
    }
    struct task *list = NULL;
    size_t n = 0;
    if (rc == 0 && task_repo_list(db, &a.f, &list, &n) != ST_OK)
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

/* `task done|note|reopen`: the day and the evidence; each refuses the
 * options of the others it does not take. */
struct mark_args {
    struct date on;
    const char *evidence;
};

static const struct cli_opt done_opts[] = {
    {"date", CLI_DATE_OR_NONE, .at = offsetof(struct mark_args, on), .label = N_("done date")},
    {"evidence", CLI_STR, .at = offsetof(struct mark_args, evidence)},
    {0},
};
static const struct cli_opt note_opts[] = {
    {"date", CLI_DATE_OR_NONE, .at = offsetof(struct mark_args, on), .label = N_("note date")},
    {"evidence", .kind = CLI_REFUSED},
    {0},
};
static const struct cli_opt reopen_opts[] = {
    {"date", .kind = CLI_REFUSED},
    {"evidence", .kind = CLI_REFUSED},
    {0},
};

/* `task done ID [--date D] [--evidence E]`, `task reopen ID` and
 * `task note ID TEXT [--date D]`. */
static int task_mark(const struct cli_env *env, const struct cli_command *self, int argc,
                     char **argv)
{
    bool note = strcmp(argv[0], "note") == 0, reopen = strcmp(argv[0], "reopen") == 0;
    struct mark_args m = {date_today(), NULL};
    int rc = cli_read_opts(self, argc, argv, 0, note ? note_opts : reopen ? reopen_opts : done_opts,
                           0, &m, NULL);
    if (rc)
        return rc;
    long long id = 0;
    rc = note && optind + 2 != argc ? cli_sub_usage(self, argv[0]) : 0;
    if (rc == 0 && note)
        rc = cli_parse_id(_("task"), argv[optind], &id) == ST_OK ? 0 : cli_fail();
    else if (rc == 0)
        rc = one_id(self, argc, argv, &id);
    struct db *db = NULL;
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    enum status st = ST_OK;
    if (rc == 0)
        st = note ? task_add_note(db, id, m.on, argv[optind + 1], NULL)
           : reopen ? task_reopen(db, id) : task_mark_done(db, id, m.on, m.evidence);
    if (rc == 0)
        rc = cli_done(st, note ? _("Added a note to task %lld.\n")
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
    if (rc == 0)
        rc = cli_done(task_remove(db, id), _("Deleted task %lld.\n"), id);
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
