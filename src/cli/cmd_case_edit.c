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

enum { E_SOURCE = 400, E_DATE, E_TIME, E_CHILD, E_NOTE, E_AGE, E_SEX, E_PLACE, E_STATE, E_CONSEQ,
       E_PARENTS, E_CARER, E_ACTIONS, E_KIND, E_INJURY, E_DIED, E_LEVEL, E_CONSENT, E_RNAME,
       E_RPHONE, E_RADDR, E_LEVEL_REASON };
static const struct option edit_opts[] = {
    {"source", required_argument, NULL, E_SOURCE}, {"date", required_argument, NULL, E_DATE},
    {"time", required_argument, NULL, E_TIME}, {"child", required_argument, NULL, E_CHILD},
    {"note", required_argument, NULL, E_NOTE}, {"age", required_argument, NULL, E_AGE},
    {"sex", required_argument, NULL, E_SEX}, {"place", required_argument, NULL, E_PLACE},
    {"state", required_argument, NULL, E_STATE}, {"consequence", required_argument, NULL, E_CONSEQ},
    {"parents", required_argument, NULL, E_PARENTS}, {"carer", required_argument, NULL, E_CARER},
    {"actions", required_argument, NULL, E_ACTIONS}, {"kind", required_argument, NULL, E_KIND},
    {"injury", required_argument, NULL, E_INJURY}, {"died", required_argument, NULL, E_DIED},
    {"level", required_argument, NULL, E_LEVEL}, {"consent", required_argument, NULL, E_CONSENT},
    {"reporter-name", required_argument, NULL, E_RNAME},
    {"reporter-phone", required_argument, NULL, E_RPHONE},
    {"reporter-address", required_argument, NULL, E_RADDR},
    {"level-reason", required_argument, NULL, E_LEVEL_REASON}, {NULL, 0, NULL, 0},
};

struct edit_args { const char *date, *time, *child; bool injury_given; };

static enum status text_opt(struct case_file *c, int opt, const char *arg)
{
    char **dst[] = {&c->child_note, NULL, NULL, &c->place, &c->current_state, &c->consequence,
                    &c->parents, &c->carer, &c->actions_taken};
    if (opt >= E_NOTE && opt <= E_ACTIONS && dst[opt - E_NOTE])
        return cli_set_text(dst[opt - E_NOTE], arg);
    char **rep[] = {&c->reporter_name, &c->reporter_phone, &c->reporter_address};
    return cli_set_text(rep[opt - E_RNAME], arg);
}

static enum status flag_opt(const char *opt, const char *arg, bool *out)
{
    return cli_parse_bool(opt, arg, out);
}

/* One option of `case edit` over the saved case c. */
static enum status edit_opt(struct case_file *c, struct edit_args *a, int opt, const char *arg)
{
    double age;
    switch (opt) {
    case E_SOURCE: return cmd_case_enum("--source", &enum_case_source, arg, &c->source);
    case E_KIND: return cmd_case_enum("--kind", &enum_case_kind, arg, &c->kind);
    case E_INJURY: a->injury_given = true;
                   return cmd_case_enum("--injury", &enum_case_injury, arg, &c->injury);
    case E_LEVEL: return cmd_case_enum("--level", &enum_case_level, arg, &c->level);
    case E_LEVEL_REASON: return cli_set_text(&c->level_reason, arg);
    case E_SEX: return cmd_case_enum("--sex", &enum_child_sex, arg, &c->sex);
    case E_DATE: a->date = arg; return ST_OK;
    case E_TIME: a->time = arg; return ST_OK;
    case E_CHILD: a->child = arg; return ST_OK;
    case E_DIED: return flag_opt("--died", arg, &c->died);
    case E_CONSENT: return flag_opt("--consent", arg, &c->consent);
    case E_AGE:
        if (!*arg) {
            c->est_age = -1;
            return ST_OK;
        }
        if (cli_parse_number("--age", arg, &age) != ST_OK)
            return ST_INVALID;
        c->est_age = (int)age;
        return ST_OK;
    default: return text_opt(c, opt, arg);
    }
}

/* The date received, the child and what follows from the kind and consent. */
static enum status edit_finish(struct db *db, struct case_file *c, const struct edit_args *a)
{
    char d[DATE_BUF], t[8];
    date_format(c->received.date, d);
    snprintf(t, sizeof t, "%02d:%02d", c->received.hour, c->received.min);
    enum status st = a->date || a->time
        ? case_parse_datetime(_("received"), a->date ? a->date : d, a->time ? a->time : t, false,
                              &c->received) : ST_OK;
    if (st == ST_OK && a->child && !*a->child)
        c->child_id = 0;
    else if (st == ST_OK && a->child) {
        struct child ch;
        st = children_find(db, a->child, &ch);
        if (st == ST_OK)
            c->child_id = ch.id;
        child_free(&ch);
    }
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
        return cli_usage(self, "%s", _("expected: edit CODE --FIELD VALUE..."));
    struct db *db = NULL;
    struct case_file c;
    case_file_init(&c);
    int rc = cli_open(env, &db) == ST_OK && cases_find(db, argv[1], &c) == ST_OK ? 0 : cli_fail();
    struct edit_args a = {NULL, NULL, NULL, false};
    int opt, given = 0;
    optind = 2;
    while (rc == 0 && (opt = getopt_long(argc, argv, "", edit_opts, NULL)) != -1) {
        given++;
        rc = opt == '?' ? cli_usage(self, "%s", _("unknown option"))
           : edit_opt(&c, &a, opt, optarg) != ST_OK ? cli_fail() : 0;
    }
    if (rc == 0 && optind < argc)
        rc = cli_usage(self, _("unexpected argument '%s'"), argv[optind]);
    if (rc == 0 && !given)
        rc = cli_usage(self, "%s", _("edit: say what to change (--place T, --kind K, ...)"));
    if (rc == 0 && (edit_finish(db, &c, &a) != ST_OK || case_edit_intake(db, &c) != ST_OK))
        rc = cli_fail();
    if (rc == 0)
        printf(_("Saved case %s.\n"), c.code);
    case_file_free(&c);
    db_close(db);
    return rc;
}

/* The options over the saved step a->s; a changed kind drops what no longer fits. */
static enum status step_finish(struct step_args *a, int kind_before)
{
    char d[DATE_BUF], t[8];
    date_format(a->s.at.date, d);
    snprintf(t, sizeof t, "%02d:%02d", a->s.at.hour, a->s.at.min);
    enum status st = a->date || a->time
        ? case_parse_datetime(_("step date"), a->date ? a->date : d, a->time ? a->time : t, false,
                              &a->s.at) : ST_OK;
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
    int opt, rc = 0, given = 0, kind_before = a->s.kind;
    optind = 3;
    while (rc == 0 && (opt = getopt_long(argc, argv, "", cmd_case_step_opts, NULL)) != -1) {
        given++;
        rc = opt == '?' ? cli_usage(self, "%s", _("unknown option"))
           : cmd_case_step_opt(a, opt, optarg) != ST_OK ? cli_fail() : 0;
    }
    if (rc == 0 && optind < argc)
        rc = cli_usage(self, _("unexpected argument '%s'"), argv[optind]);
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
        return cli_usage(self, "%s", _("expected: step-edit CODE STEP --FIELD VALUE..."));
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
        return cli_usage(self, "%s", _("expected: step-delete CODE STEP --yes"));
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
    if (rc == 0 && case_edit_delete_step(db, c.id, step_id) != ST_OK)
        rc = cli_fail();
    if (rc == 0)
        printf(_("Deleted step %lld (%s, %s) of %s.\n"), step_id,
               enum_label(&enum_case_step, s.kind), when, c.code);
    case_step_free(&s);
    case_file_free(&c);
    db_close(db);
    return rc;
}
