/* cmd_case_show — `treem case list|show|due`: never the reporter in lists. */
#include <config.h>
#include "treem/cli/cmd_case.h"
#include "treem/cli/cli_args.h"
#include "treem/app/cases.h"
#include "treem/app/holiday_table.h"
#include "treem/app/children.h"
#include "treem/db/case_step_repo.h"
#include "treem/core/i18n.h"

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *urgency_label(int u)
{
    return u == CASE_OVERDUE ? _("overdue") : u == CASE_SOON ? _("due soon") : _("due");
}

/* "dd/mm/yyyy hh:mm" for hour deadlines, "dd/mm/yyyy" for day ones. */
static void due_text(const struct case_open_item *it, char buf[DATETIME_BUF])
{
    if (it->hourly)
        datetime_format(it->due, buf);
    else
        date_format(it->due.date, buf);
}

static const char *kind_text(int kind, int injury, char *buf, size_t n)
{
    if (kind == CASE_KIND_INJURY && injury > CASE_INJ_NONE)
        snprintf(buf, n, "%s: %s", enum_label(&enum_case_kind, kind), enum_label(&enum_case_injury, injury));
    else
        snprintf(buf, n, "%s", enum_label(&enum_case_kind, kind));
    return buf;
}

/* What `case list` is asked: the filter, and what is looked up or judged later. */
struct list_args {
    struct case_filter f;
    bool overdue;
    const char *child;
};

#define LA(field) offsetof(struct list_args, field)
static const struct cli_opt list_opts[] = {
    {"stage", CLI_ENUM, .at = LA(f.stage), .def = &enum_case_stage},
    {"kind", CLI_ENUM, .at = LA(f.kind), .def = &enum_case_kind},
    {"overdue", CLI_FLAG, .at = LA(overdue)},
    {"open", CLI_FLAG, .at = LA(f.open_only)},
    {"search", CLI_STR, .at = LA(f.search)},
    {"child", CLI_STR, .at = LA(child)},
    {0},
};
#undef LA

static void print_line(const struct case_line *l)
{
    char when[DATETIME_BUF], due[DATETIME_BUF], kind[160], next[256] = "—";
    datetime_format(l->row.received, when);
    if (l->has_next) {
        due_text(&l->next, due);
        snprintf(next, sizeof next, "%s %s %s", case_open_item_label(&l->next),
                 urgency_label(l->next.urgency), due);
    }
    printf("%s\t%s\t%s\t%s\t%s\t%s\n", l->row.code, when, l->child_shown,
           kind_text(l->row.kind, l->row.injury, kind, sizeof kind),
           enum_label(&enum_case_stage, l->row.stage), next);
}

int cmd_case_list(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    struct list_args a = {.overdue = false};
    case_filter_init(&a.f);
    struct db *db;
    int rc = cli_open_opts(env, self, argc, argv, list_opts, CLI_ALONE, &a, &db);
    struct child ch;
    child_init(&ch);
    if (rc == 0 && a.child && children_find(db, a.child, &ch) != ST_OK)
        rc = cli_fail();
    a.f.child_id = ch.id;
    child_free(&ch);
    struct case_line *lines = NULL;
    size_t n = 0;
    if (rc == 0 && cases_list(db, &a.f, a.overdue, date_now(), &lines, &n) != ST_OK)
        rc = cli_fail();
    for (size_t i = 0; rc == 0 && i < n; i++)
        print_line(&lines[i]);
    if (rc == 0 && n == 0)
        fprintf(stderr, "%s\n", _("No cases match."));
    free(lines);
    db_close(db);
    return rc;
}

int cmd_case_due(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    bool overdue_only = argc == 2 && strcmp(argv[1], "--overdue") == 0;
    if (argc > 1 && !overdue_only)
        return cli_usage(self, _("unexpected argument '%s'"), argv[1]);
    struct db *db = NULL;
    struct case_due *due = NULL;
    size_t n = 0;
    int rc = cli_open(env, &db) == ST_OK && cases_due(db, date_now(), &due, &n) == ST_OK
             ? 0 : cli_fail();
    size_t shown = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        if (overdue_only && due[i].item.urgency != CASE_OVERDUE)
            continue;
        char when[DATETIME_BUF];
        due_text(&due[i].item, when);
        printf("%s\t%s\t%s\t%s\t%s\n", urgency_label(due[i].item.urgency), when, due[i].code,
               case_open_item_label(&due[i].item), due[i].child_shown);
        if (due[i].item.no_holidays)
            fprintf(stderr, "treem: %s: %s\n", due[i].code,
                    _("warning: the holiday table does not cover this year; "
                      "check the date against the year's holidays"));
        shown++;
    }
    if (rc == 0 && shown == 0)
        fprintf(stderr, "%s\n", _("Nothing is due."));
    free(due);
    db_close(db);
    return rc;
}

static void show_child(struct db *db, const struct case_file *c, enum user_role role)
{
    char buf[CHILD_NAME_BUF + 64];
    struct child ch;
    child_init(&ch);
    if (c->child_id && children_get(db, c->child_id, &ch) == ST_OK) {
        if (case_may_see_child_name(role))
            snprintf(buf, sizeof buf, "%s (%s)", ch.full_name, ch.code);
        else
            snprintf(buf, sizeof buf, "%s", ch.code);
    } else {
        char age[32] = "";
        if (c->est_age >= 0)
            snprintf(age, sizeof age, _(", about %d years"), c->est_age);
        snprintf(buf, sizeof buf, "%s%s, %s%s%s", _("unidentified child"), age,
                 enum_label(&enum_child_sex, c->sex),
                 case_may_see_child_name(role) && *c->child_note ? " — " : "",
                 case_may_see_child_name(role) ? c->child_note : "");
    }
    child_free(&ch);
    cli_print_field(_("Child:"), buf, 22);
}

static void show_intake(struct db *db, const struct case_file *c, enum user_role role)
{
    char when[DATETIME_BUF], kind[160];
    datetime_format(c->received, when);
    printf(_("Case %s\n"), c->code);
    cli_print_field(_("Stage:"), enum_label(&enum_case_stage, c->stage), 22);
    cli_print_field(_("Received:"), when, 22);
    cli_print_field(_("Report came:"), enum_label(&enum_case_source, c->source), 22);
    show_child(db, c, role);
    cli_print_field(_("Kind:"), kind_text(c->kind, c->injury, kind, sizeof kind), 22);
    if (c->died)
        cli_print_field(_("Outcome:"), _("the child died"), 22);
    cli_print_field(_("Protection level:"), enum_label(&enum_case_level, c->level), 22);
    if (c->level_reason && *c->level_reason)
        cli_print_field(_("Reason for the level:"), c->level_reason, 22);
    const struct { const char *label, *text; } t[] = {
        {N_("Place:"), c->place}, {N_("Current state:"), c->current_state},
        {N_("Likely consequence:"), c->consequence}, {N_("Parents:"), c->parents},
        {N_("Carer:"), c->carer}, {N_("Actions taken:"), c->actions_taken},
    };
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        cli_print_field(_(t[i].label), *t[i].text ? t[i].text : "—", 22);
    if (!case_may_see_reporter(role))
        cli_print_field(_("Reporter:"), _("(confidential)"), 22);
    else if (!c->consent)
        cli_print_field(_("Reporter:"), _("not kept (no consent)"), 22);
    else {
        char rep[512] = "";
        const char *parts[] = {c->reporter_name, c->reporter_phone, c->reporter_address};
        for (size_t i = 0; i < 3; i++)
            if (parts[i] && *parts[i])
                snprintf(rep + strlen(rep), sizeof rep - strlen(rep), "%s%s", *rep ? ", " : "",
                         parts[i]);
        cli_print_field(_("Reporter:"), rep, 22);
    }
}

static void show_step(const struct case_step *s, const struct case_risk *r, size_t nr,
                      const struct case_service *v, size_t nv)
{
    char when[DATETIME_BUF], end[DATETIME_BUF], d1[DATE_BUF], d2[DATE_BUF];
    datetime_format(s->at, when);
    printf("  %s  #%lld %s", when, s->id, enum_label(&enum_case_step, s->kind));
    if (s->emergency >= 0)
        printf(" — %s", s->emergency ? _("emergency measures") : _("no emergency"));
    if (s->kind == CASE_STEP_SEPARATION) {
        datetime_format(s->end, end);
        printf(" — %s %s", _("until"), s->end.date.y ? end : _("(still lasting)"));
    }
    printf("%s%s%s%s\n", *s->who ? " (" : "", s->who, *s->who ? ")" : "",
           "");
    if (*s->notes)
        printf("      %s\n", s->notes);
    for (size_t i = 0; i < nr; i++)
        if (r[i].step_id == s->id)
            printf("      %s: %s\n", case_factor_label(r[i].factor), enum_label(&enum_case_rating, r[i].rating));
    for (size_t i = 0; i < nv; i++) {
        if (v[i].step_id != s->id)
            continue;
        strcpy(d1, "—");
        strcpy(d2, "—");
        if (v[i].start_on.y)
            date_format(v[i].start_on, d1);
        if (v[i].end_on.y)
            date_format(v[i].end_on, d2);
        printf("      - %s [%s] %s → %s", v[i].task, *v[i].department_name ? v[i].department_name
               : "—", d1, d2);
        if (v[i].cost >= 0)
            printf(_(", %lld đồng"), v[i].cost);
        printf("\n");
    }
}

static int show_rest(struct db *db, const struct case_file *c)
{
    struct case_step *steps = NULL;
    struct case_risk *risks = NULL;
    struct case_service *items = NULL;
    size_t n = 0, nr = 0, nv = 0, no = 0;
    struct case_open_item open[CASE_OPEN_MAX];
    int rc = cases_steps(db, c->id, &steps, &n) == ST_OK &&
             case_step_repo_risks(db, c->id, &risks, &nr) == ST_OK &&
             case_step_repo_services(db, c->id, &items, &nv) == ST_OK &&
             cases_open_items(db, c, date_now(), open, &no) == ST_OK ? 0 : cli_fail();
    if (rc == 0) {
        printf("\n%s\n", _("Deadlines:"));
        for (size_t i = 0; i < no; i++) {
            char due[DATETIME_BUF];
            due_text(&open[i], due);
            printf("  %s  %s (%s)\n", due, case_open_item_label(&open[i]),
                   urgency_label(open[i].urgency));
            if (open[i].no_holidays)
                printf("    %s\n", _("warning: the holiday table does not cover this year; "
                                     "check the date against the year's holidays"));
        }
        if (no == 0)
            printf("  %s\n", _("none open"));
        char warn[256];
        if (holiday_table_warning(db, open, no, warn, sizeof warn) == ST_OK && *warn)
            printf("  %s %s\n", _("Warning:"), warn);
        printf("\n%s\n", _("Timeline:"));
        for (size_t i = 0; i < n; i++)
            show_step(&steps[i], risks, nr, items, nv);
        if (n == 0)
            printf("  %s\n", _("no steps yet (record one with: treem case step CODE KIND)"));
    }
    case_steps_free(steps, n);
    case_risks_free(risks, nr);
    case_services_free(items, nv);
    return rc;
}

int cmd_case_show(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    if (argc != 2)
        return cli_sub_usage(self, argv[0]);
    struct db *db = NULL;
    struct case_file c;
    case_file_init(&c);
    int rc = cli_open(env, &db) == ST_OK && cases_find(db, argv[1], &c) == ST_OK ? 0 : cli_fail();
    if (rc == 0) {
        show_intake(db, &c, cases_role(db));
        rc = show_rest(db, &c);
    }
    case_file_free(&c);
    db_close(db);
    return rc;
}
