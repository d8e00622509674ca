/* cmd_case_edit — `treem case edit CODE --FIELD VALUE…`, `case step-edit
 * CODE STEP --FIELD VALUE…` and `case step-delete CODE STEP --yes`: the
 * corrections of a case. Options not given keep their saved values. */
#include <config.h>
#include "treem/cli/cmd_case.h"
#include "treem/cli/cli_args.h"
#include "treem/app/case_edit.h"
#include "treem/app/children.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The options of `case add`, with the flags (--died, --consent) taking yes or no. */
static const struct cli_opt *edit_opts(void)
{
    static struct cli_opt opts[CASE_INTAKE_NOPTS];
    memcpy(opts, cmd_case_intake_opts, sizeof opts);
    for (size_t i = 0; i < CASE_INTAKE_NOPTS; i++)
        if (opts[i].kind == CLI_FLAG)
            opts[i].kind = CLI_BOOL;
    return opts;
}

/* *at with the --date and --time given (the saved ones for the other). */
static enum status redate(const char *field, const char *date, const char *time,
                          struct datetime *at)
{
    char d[DATE_BUF], t[8];
    date_format(at->date, d);
    snprintf(t, sizeof t, "%02d:%02d", at->hour, at->min);
    if (!date && !time)
        return ST_OK;
    return case_parse_datetime(field, date ? date : d, time ? time : t, false, at);
}

/* The date received, the child and what follows from the kind and consent. */
static enum status edit_finish(struct db *db, struct case_file *c, const struct intake_args *a)
{
    enum status st = redate(_("received"), a->date, a->time, &c->received);
    if (st == ST_OK && a->child && !*a->child)
        c->child_id = 0;
    else if (st == ST_OK && a->child)
        st = cmd_case_child_id(db, a->child, &c->child_id);
    if (c->kind != CASE_KIND_INJURY && !a->injury_given)
        c->injury = CASE_INJ_NONE;
    if (!c->consent) { /* without consent nothing of the reporter is kept */
        char **rep[] = {&c->reporter_name, &c->reporter_phone, &c->reporter_address};
        for (int i = 0; i < 3; i++) {
            free(*rep[i]);
            *rep[i] = NULL;
        }
    }
    return st;
}

int cmd_case_edit(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    if (argc < 2 || argv[1][0] == '-')
        return cli_sub_usage(self, argv[0]);
    struct db *db = NULL;
    struct intake_args a = {.date = NULL};
    struct case_file *c = &a.c;
    case_file_init(c);
    int rc = cli_open(env, &db) == ST_OK && cases_find(db, argv[1], c) == ST_OK ? 0 : cli_fail();
    int given = 0;
    if (rc == 0)
        rc = cli_read_opts(self, argc, argv, 2, edit_opts(), CLI_ALONE, &a, &given);
    if (rc == 0 && !given)
        rc = cli_usage(self, "%s", _("edit: say what to change (--place T, --kind K, ...)"));
    if (rc == 0 && (edit_finish(db, c, &a) != ST_OK || case_edit_intake(db, c) != ST_OK))
        rc = cli_fail();
    if (rc == 0)
        printf(_("Saved case %s.\n"), c->code);
    case_file_free(c);
    db_close(db);
    return rc;
}

/* The options over the saved step a->s; a changed kind drops what no longer fits. */
static enum status step_finish(struct step_args *a, int kind_before)
{
    enum status st = redate(_("step date"), a->date, a->time, &a->s.at);
    if (st == ST_OK && (a->end_date || a->end_time)) {
        if (a->end_date && !*a->end_date)
            memset(&a->s.end, 0, sizeof a->s.end);
        else
            st = case_parse_datetime(_("end"), a->end_date, a->end_time, false, &a->s.end);
    }
    if (a->s.kind == CASE_STEP_INITIAL && kind_before != CASE_STEP_INITIAL && a->s.emergency < 0)
        st = st != ST_OK ? st : status_set(ST_INVALID, "%s: %s", _("emergency"),
                                           _("say whether emergency measures apply (yes or no)"));
    return st;
}

static int step_edit_run(struct db *db, struct step_args *a, int argc, char **argv,
                         const struct cli_command *self)
{
    int given = 0, kind_before = a->s.kind;
    int rc = cli_read_opts(self, argc, argv, 3, cmd_case_step_opts, CLI_ALONE, a, &given);
    if (rc == 0 && !given)
        rc = cli_usage(self, "%s", _("step-edit: say what to change (--date D, --notes T, ...)"));
    if (rc == 0 && step_finish(a, kind_before) != ST_OK)
        rc = cli_fail();
    for (size_t i = 0; rc == 0 && i < a->nitems; i++)
        if (cmd_case_service_parse(db, a, i) != ST_OK)
            rc = cli_fail();
    bool replace = a->nrisks || a->nitems;
    if (rc == 0 && case_edit_step(db, &a->s, replace, a->risks, a->nrisks, a->items,
                                  a->nitems) != ST_OK)
        rc = cli_fail();
    return rc;
}

int cmd_case_step_edit(const struct cli_env *env, const struct cli_command *self, int argc,
                       char **argv)
{
    if (argc < 3 || argv[1][0] == '-' || argv[2][0] == '-')
        return cli_sub_usage(self, argv[0]);
    struct step_args a;
    memset(&a, 0, sizeof a);
    case_step_init(&a.s, -1);
    struct db *db = NULL;
    struct case_file c;
    case_file_init(&c);
    long long step_id = 0;
    int rc = cli_parse_id(_("step"), argv[2], &step_id) == ST_OK && cli_open(env, &db) == ST_OK &&
             cases_find(db, argv[1], &c) == ST_OK ? 0 : cli_fail();
    if (rc == 0) {
        case_step_free(&a.s);
        rc = case_edit_get_step(db, c.id, step_id, &a.s) == ST_OK ? 0 : cli_fail();
    }
    if (rc == 0)
        rc = step_edit_run(db, &a, argc, argv, self);
    if (rc == 0)
        printf(_("Saved step %lld (%s) of %s.\n"), step_id, enum_label(&enum_case_step, a.s.kind),
               c.code);
    cmd_case_step_args_free(&a);
    case_file_free(&c);
    db_close(db);
    return rc;
}

int cmd_case_step_delete(const struct cli_env *env, const struct cli_command *self, int argc,
                         char **argv)
{
    int yes = cli_take_yes(&argc, argv);
    if (argc != 3)
        return cli_sub_usage(self, argv[0]);
    long long step_id = 0;
    struct db *db = NULL;
    struct case_file c;
    struct case_step s;
    case_file_init(&c);
    case_step_init(&s, -1);
    int rc = cli_parse_id(_("step"), argv[2], &step_id) == ST_OK && cli_open(env, &db) == ST_OK &&
             cases_find(db, argv[1], &c) == ST_OK &&
             case_edit_get_step(db, c.id, step_id, &s) == ST_OK ? 0 : cli_fail();
    char when[DATETIME_BUF];
    if (rc == 0)
        datetime_format(s.at, when);
    if (rc == 0)
        rc = cli_confirm(yes, 1, _("deleting step #%lld (%s, %s) of %s removes it with its risk "
                                   "ratings and plan items (the audit log keeps them)"),
                         step_id, enum_label(&enum_case_step, s.kind), when, c.code);
    if (rc == 0)
        rc = cli_done(case_edit_delete_step(db, c.id, step_id), _("Deleted step %lld (%s, %s) of %s.\n"), step_id,
                           enum_label(&enum_case_step, s.kind), when, c.code);
    case_step_free(&s);
    case_file_free(&c);
    db_close(db);
    return rc;
}
