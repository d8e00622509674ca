/* cmd_case — `treem case add|step|end|link|delete` and the dispatch. */
#include <config.h>
#include "treem/cli/cmd_case.h"
#include "treem/cli/cli_args.h"
#include "treem/app/cases.h"
#include "treem/app/children.h"
#include "treem/db/department_repo.h"
#include "treem/core/i18n.h"

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The date and hour of --date/--time (now when both are missing). */
static enum status when_opt(const char *field, const char *date, const char *time,
                            struct datetime *out)
{
    if (!date && !time) {
        *out = date_now();
        return ST_OK;
    }
    return case_parse_datetime(field, date, time, false, out);
}

enum status cmd_case_child_id(struct db *db, const char *code, long long *id)
{
    struct child c;
    child_init(&c); /* freed also when no child is found */
    enum status st = children_find(db, code, &c);
    if (st == ST_OK)
        *id = c.id;
    child_free(&c);
    return st;
}

/* --injury: also says the injury was given (case edit keeps it then). */
static enum status injury_opt(void *rec, const struct cli_opt *opt, const char *arg)
{
    struct intake_args *a = rec;
    (void)opt;
    a->injury_given = true;
    return cli_parse_enum("--injury", &enum_case_injury, arg, &a->c.injury);
}

/* --age N, or "" for no age. */
static enum status age_opt(void *rec, const struct cli_opt *opt, const char *arg)
{
    struct intake_args *a = rec;
    double age;
    (void)opt;
    if (!*arg) {
        a->c.est_age = -1;
        return ST_OK;
    }
    if (cli_parse_number("--age", arg, &age) != ST_OK)
        return ST_INVALID;
    a->c.est_age = (int)age;
    return ST_OK;
}

#define IN(field) offsetof(struct intake_args, field)
const struct cli_opt cmd_case_intake_opts[CASE_INTAKE_NOPTS] = {
    {"source", CLI_ENUM, .at = IN(c.source), .def = &enum_case_source},
    {"date", CLI_STR, .at = IN(date)},
    {"time", CLI_STR, .at = IN(time)},
    {"child", CLI_STR, .at = IN(child)},
    {"note", CLI_TEXT, .at = IN(c.child_note)},
    {"age", CLI_CALL, .call = age_opt},
    {"sex", CLI_ENUM, .at = IN(c.sex), .def = &enum_child_sex},
    {"place", CLI_TEXT, .at = IN(c.place)},
    {"state", CLI_TEXT, .at = IN(c.current_state)},
    {"consequence", CLI_TEXT, .at = IN(c.consequence)},
    {"parents", CLI_TEXT, .at = IN(c.parents)},
    {"carer", CLI_TEXT, .at = IN(c.carer)},
    {"actions", CLI_TEXT, .at = IN(c.actions_taken)},
    {"kind", CLI_ENUM, .at = IN(c.kind), .def = &enum_case_kind},
    {"injury", CLI_CALL, .call = injury_opt},
    {"died", CLI_FLAG, .at = IN(c.died)},
    {"level", CLI_ENUM, .at = IN(c.level), .def = &enum_case_level},
    {"consent", CLI_FLAG, .at = IN(c.consent)},
    {"reporter-name", CLI_TEXT, .at = IN(c.reporter_name)},
    {"reporter-phone", CLI_TEXT, .at = IN(c.reporter_phone)},
    {"reporter-address", CLI_TEXT, .at = IN(c.reporter_address)},
    {"level-reason", CLI_TEXT, .at = IN(c.level_reason)},
    {0},
};
#undef IN

static int case_add(const struct cli_env *env, const struct cli_command *self, int argc,
                    char **argv)
{
    struct intake_args a = {.date = NULL};
    struct case_file *c = &a.c;
    case_file_init(c);
    int rc = cli_read_opts(self, argc, argv, 0, cmd_case_intake_opts, CLI_ALONE, &a, NULL);
    if (rc == 0 && (c->source < 0 || c->kind < 0))
        rc = cli_usage(self, "%s", _("--source and --kind are required"));
    if (rc == 0 && c->level < 0) /* the kind's level: abuse is at "can thiệp" */
        c->level = case_default_level(c->kind);
    if (rc == 0 && when_opt(_("received"), a.date, a.time, &c->received) != ST_OK)
        rc = cli_fail();
    struct db *db = NULL;
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    if (rc == 0 && a.child && cmd_case_child_id(db, a.child, &c->child_id) != ST_OK)
        rc = cli_fail();
    if (rc == 0 && cases_add(db, c) != ST_OK)
        rc = cli_fail();
    if (rc == 0)
        printf("%s\n", c->code);
    case_file_free(c);
    db_close(db);
    return rc;
}

/* --risk "FACTOR=RATING" (e.g. "An toàn=cao"). */
static enum status risk_opt(void *rec, const struct cli_opt *opt, const char *arg)
{
    struct step_args *a = rec;
    (void)opt;
    const char *eq = strrchr(arg, '=');
    if (!eq || a->nrisks >= 16)
        return status_set(ST_INVALID, _("%s: write FACTOR=RATING (at most 16)"), "--risk");
    struct case_risk *r = &a->risks[a->nrisks];
    if (cli_parse_enum("--risk", &enum_case_rating, eq + 1, &r->rating) != ST_OK)
        return ST_INVALID;
    r->factor = strndup(arg, (size_t)(eq - arg));
    if (!r->factor)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    a->nrisks++;
    return ST_OK;
}

/* --service "TASK;DEPT;START;END;COST", split once the database is open. */
static enum status service_opt(void *rec, const struct cli_opt *opt, const char *arg)
{
    struct step_args *a = rec;
    (void)opt;
    if (a->nitems >= 16)
        return status_set(ST_INVALID, _("%s: at most 16"), "--service");
    return cli_set_text(&a->item_text[a->nitems++], arg);
}

/* --emergency yes|no. */
static enum status emergency_opt(void *rec, const struct cli_opt *opt, const char *arg)
{
    struct step_args *a = rec;
    bool yes;
    (void)opt;
    if (cli_parse_bool("--emergency", arg, &yes) != ST_OK)
        return ST_INVALID;
    a->s.emergency = yes;
    return ST_OK;
}

#define SA(field) offsetof(struct step_args, field)
const struct cli_opt cmd_case_step_opts[] = {
    {"date", CLI_STR, .at = SA(date)},
    {"time", CLI_STR, .at = SA(time)},
    {"emergency", CLI_CALL, .call = emergency_opt},
    {"end-date", CLI_STR, .at = SA(end_date)},
    {"end-time", CLI_STR, .at = SA(end_time)},
    {"who", CLI_TEXT, .at = SA(s.who)},
    {"notes", CLI_TEXT, .at = SA(s.notes)},
    {"risk", CLI_CALL, .call = risk_opt},
    {"service", CLI_CALL, .call = service_opt},
    {"kind", CLI_ENUM, .at = SA(s.kind), .def = &enum_case_step},
    {0},
};

/* `case end` takes the date and hour of the step options, no other. */
static const struct cli_opt end_opts[] = {
    {"date", CLI_STR, .at = SA(date)},
    {"time", CLI_STR, .at = SA(time)},
    {"emergency", .kind = CLI_REFUSED}, {"end-date", .kind = CLI_REFUSED}, {"end-time", .kind = CLI_REFUSED},
    {"who", .kind = CLI_REFUSED}, {"notes", .kind = CLI_REFUSED}, {"risk", .kind = CLI_REFUSED},
    {"service", .kind = CLI_REFUSED}, {"kind", .kind = CLI_REFUSED},
    {0},
};
#undef SA

/* Splits "TASK;DEPT;START;END;COST" (trailing parts optional) into item i. */
enum status cmd_case_service_parse(struct db *db, struct step_args *a, size_t i)
{
    struct case_service *v = &a->items[i];
    char *parts[5] = {NULL, NULL, NULL, NULL, NULL}, *p = a->item_text[i];
    for (int k = 0; k < 5 && p; k++) { /* empty parts are kept: "TASK;;START" */
        parts[k] = p;
        p = strchr(p, ';');
        if (p)
            *p++ = '\0';
    }
    v->task = strdup(parts[0] ? parts[0] : "");
    v->cost = -1;
    enum status st = v->task ? ST_OK : status_set(ST_NOMEM, "%s", _("out of memory"));
    if (st == ST_OK && parts[1] && *parts[1]) {
        struct department d;
        st = department_repo_find(db, parts[1], &d);
        v->department_id = d.id;
        department_clear(&d);
    }
    if (st == ST_OK && parts[2] && *parts[2])
        st = date_parse(parts[2], &v->start_on) == ST_OK ? ST_OK
           : status_set(ST_INVALID, _("%s: the start is not a date"), "--service");
    if (st == ST_OK && parts[3] && *parts[3])
        st = date_parse(parts[3], &v->end_on) == ST_OK ? ST_OK
           : status_set(ST_INVALID, _("%s: the end is not a date"), "--service");
    double cost;
    if (st == ST_OK && parts[4] && *parts[4]) {
        st = cli_parse_number("--service cost", parts[4], &cost);
        v->cost = (long long)cost;
    }
    return st;
}

void cmd_case_step_args_free(struct step_args *a)
{
    case_step_free(&a->s);
    for (size_t i = 0; i < a->nrisks; i++)
        free(a->risks[i].factor);
    for (size_t i = 0; i < 16; i++) {
        free(a->items[i].task);
        free(a->item_text[i]);
    }
}

/* Everything of `case step` that needs the database. */
static int step_record(struct db *db, struct step_args *a, const char *code)
{
    struct case_file c;
    if (cases_find(db, code, &c) != ST_OK)
        return cli_fail();
    a->s.case_id = c.id;
    case_file_free(&c);
    for (size_t i = 0; i < a->nitems; i++)
        if (cmd_case_service_parse(db, a, i) != ST_OK)
            return cli_fail();
    if (cases_add_step(db, &a->s, a->risks, a->nrisks, a->items, a->nitems) != ST_OK)
        return cli_fail();
    printf(_("Recorded step %lld (%s) of %s.\n"), a->s.id, enum_label(&enum_case_step, a->s.kind),
           code);
    return 0;
}

static int case_step(const struct cli_env *env, const struct cli_command *self, int argc,
                     char **argv)
{
    struct step_args a;
    memset(&a, 0, sizeof a);
    case_step_init(&a.s, -1);
    int rc = cli_read_opts(self, argc, argv, 0, cmd_case_step_opts, 0, &a, NULL);
    if (rc == 0 && optind + 2 != argc)
        rc = cli_sub_usage(self, argv[0]);
    if (rc == 0 && cli_parse_enum(_("step"), &enum_case_step, argv[optind + 1], &a.s.kind) != ST_OK)
        rc = cli_fail();
    if (rc == 0 && when_opt(_("step date"), a.date, a.time, &a.s.at) != ST_OK)
        rc = cli_fail();
    if (rc == 0 && (a.end_date || a.end_time) &&
        case_parse_datetime(_("end"), a.end_date, a.end_time, false, &a.s.end) != ST_OK)
        rc = cli_fail();
    struct db *db = NULL;
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    if (rc == 0)
        rc = step_record(db, &a, argv[optind]);
    cmd_case_step_args_free(&a);
    db_close(db);
    return rc;
}

/* `case end CODE STEP [--date D --time T]`: a separation ended. */
static int case_end(const struct cli_env *env, const struct cli_command *self, int argc,
                    char **argv)
{
    struct step_args a;
    memset(&a, 0, sizeof a);
    int rc = cli_read_opts(self, argc, argv, 0, end_opts, 0, &a, NULL);
    long long step_id = 0;
    struct datetime end;
    if (rc == 0 && optind + 2 != argc)
        rc = cli_sub_usage(self, argv[0]);
    if (rc == 0 && cli_parse_id(_("step"), argv[optind + 1], &step_id) != ST_OK)
        rc = cli_fail();
    if (rc == 0 && when_opt(_("end"), a.date, a.time, &end) != ST_OK)
        rc = cli_fail();
    struct db *db = NULL;
    struct case_file c;
    case_file_init(&c);
    if (rc == 0 && (cli_open(env, &db) != ST_OK || cases_find(db, argv[optind], &c) != ST_OK ||
                    cases_end_separation(db, c.id, step_id, end) != ST_OK))
        rc = cli_fail();
    if (rc == 0)
        printf(_("The separation of %s has ended.\n"), c.code);
    case_file_free(&c);
    db_close(db);
    return rc;
}

/* `case link CODE CHILD`: the unidentified child is found in the register. */
static int case_link(const struct cli_env *env, const struct cli_command *self, int argc,
                     char **argv)
{
    if (argc != 3)
        return cli_sub_usage(self, argv[0]);
    struct db *db = NULL;
    struct case_file c;
    long long child_id = 0;
    case_file_init(&c);
    int rc = cli_open(env, &db) == ST_OK && cases_find(db, argv[1], &c) == ST_OK &&
             cmd_case_child_id(db, argv[2], &child_id) == ST_OK &&
             cases_link_child(db, c.id, child_id) == ST_OK ? 0 : cli_fail();
    if (rc == 0)
        printf(_("Case %s is linked to child %s.\n"), c.code, argv[2]);
    case_file_free(&c);
    db_close(db);
    return rc;
}

/* `case delete CODE --yes --yes` (or --yes --confirm CODE): asks twice. */
static int case_delete(const struct cli_env *env, const struct cli_command *self, int argc,
                       char **argv)
{
    int yes = cli_take_yes(&argc, argv);
    const char *code = NULL, *confirm = NULL;
    int bad = cli_code_arg(self, argc, argv, &code, &confirm);
    if (bad)
        return bad;
    struct db *db = NULL;
    struct case_file c;
    case_file_init(&c);
    int rc = cli_open(env, &db) == ST_OK && cases_find(db, code, &c) == ST_OK ? 0 : cli_fail();
    if (rc == 0 && confirm && strcasecmp(confirm, c.code) == 0)
        yes++;   /* --confirm CODE stands for the second --yes */
    if (rc == 0)
        rc = cli_confirm(yes, 2, _("deleting case %s removes its whole file and cannot be undone "
                                   "(--yes --confirm %s also confirms)"), c.code, c.code);
    if (rc == 0)
        rc = cli_done(cases_delete(db, c.id), _("Deleted case %s.\n"), c.code);
    case_file_free(&c);
    db_close(db);
    return rc;
}

/* The texts of a case's intake, in the usage of add and of edit. */
#define INTAKE_TEXTS "[--place T] [--state T] [--consequence T] [--parents T] [--carer T] [--actions T]"

const struct cli_sub cmd_case_subs[] = {
    {"add", case_add, "--source S --kind K [--level L [--level-reason T]] [--date D --time HH:MM] [--child TE-n | "
     "--note T --age N --sex S] " INTAKE_TEXTS " [--injury drowning|traffic|other] [--died] "
     "[--consent --reporter-name T --reporter-phone T --reporter-address T]"},
    {"list", cmd_case_list, "[--stage S] [--kind K] [--overdue] [--open] [--search T] [--child TE-n]"},
    {"show", cmd_case_show, "CODE"},
    {"due", cmd_case_due, "[--overdue]"},
    {"step", case_step, "CODE KIND [--date D --time HH:MM] [--emergency yes|no] [--who T] "
     "[--notes T] [--risk FACTOR=high|medium|low]... [--service 'TASK;DEPT;START;END;COST']... "
     "[--end-date D --end-time HH:MM]"},
    {"end", case_end, "CODE STEP [--date D --time HH:MM]"},
    {"link", case_link, "CODE CHILD"},
    {"delete", case_delete, "CODE --yes --yes | CODE --yes --confirm CODE"},
    {"edit", cmd_case_edit, "CODE [--source S] [--kind K] [--level L [--level-reason T]] [--date D] [--time HH:MM] "
     "[--child TE-n|''] [--note T] [--age N] [--sex S] " INTAKE_TEXTS " [--injury I] [--died yes|no] "
     "[--consent yes|no] [--reporter-name T] [--reporter-phone T] [--reporter-address T]"},
    {"step-edit", cmd_case_step_edit, "CODE STEP [--kind KIND] [--date D] [--time HH:MM] "
     "[--emergency yes|no] [--who T] [--notes T] [--end-date D|'' --end-time HH:MM] "
     "[--risk FACTOR=RATING]... [--service 'TASK;DEPT;START;END;COST']... (given risks or "
     "services replace the step's)"},
    {"step-delete", cmd_case_step_delete, "CODE STEP --yes"},
    {NULL, NULL, NULL},
};

void cmd_case_help(void)
{
    printf("%s\n", _("KIND of a step: initial, detailed, meeting, plan, approval, service, "
                     "follow_up, review, closure, reopen, separation."));
    printf("%s\n", _("Steps follow Nghị định 56/2017: initial assessment first; a detailed "
                     "assessment before a meeting or a plan; an approval for the plan waiting; "
                     "services, follow-ups and reviews after the approval; a reopen (of a "
                     "closed case) starts a new cycle. STEP is the number `case show` lists "
                     "(#n)."));
}
