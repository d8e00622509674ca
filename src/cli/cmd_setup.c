/* cmd_setup — init, demo, info, reindex, setting. */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/model/case.h"
#include "treem/cli/cli_args.h"
#include "treem/app/children.h"
#include "treem/app/commune.h"
#include "treem/app/report.h"
#include "treem/app/province.h"
#include "treem/app/demo.h"
#include "treem/app/session.h"
#include "treem/app/auth.h"
#include "treem/db/db_files.h"
#include "treem/db/department_repo.h"
#include "treem/db/holiday_repo.h"
#include "treem/db/migrate.h"
#include "treem/db/village_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/mem.h"

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The options of `treem init`. */
struct init_args {
    const char *code, *officer, *level_above, *province;
    char **villages; /* as many --village as given */
    size_t nvillages, cap;
};

static enum status village_opt(void *rec, const struct cli_opt *opt, const char *arg)
{
    struct init_args *a = rec;
    (void)opt;
    if (!mem_reserve(&a->villages, &a->cap, a->nvillages + 1, sizeof *a->villages, 8))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    a->villages[a->nvillages++] = (char *)arg;
    return ST_OK;
}

#define IA(field) offsetof(struct init_args, field)
static const struct cli_opt init_opts[] = {
    {"commune", CLI_STR, .at = IA(code), .key = 'c'},
    {"officer", CLI_STR, .at = IA(officer)},
    {"level-above", CLI_STR, .at = IA(level_above)},
    {"village", CLI_CALL, .call = village_opt},
    {"province", CLI_STR, .at = IA(province)},
    {0},
};
#undef IA

static enum status init_apply(struct db *db, const struct init_args *a)
{
    enum status st = db_begin(db);
    if (st != ST_OK)
        return st;
    st = commune_setup(db, a->code);
    if (st == ST_OK && a->officer)
        st = db_setting_set(db, "officer_name", a->officer);
    if (st == ST_OK && a->level_above)
        st = db_setting_set(db, "level_above", a->level_above);
    for (size_t i = 0; st == ST_OK && i < a->nvillages; i++)
        st = village_add(db, a->villages[i]);
    if (st != ST_OK) {
        db_rollback(db);
        return st;
    }
    return db_commit(db);
}

static int init_run(const struct cli_env *env, const struct cli_command *self, int argc, char **argv,
                    struct init_args *args)
{
    int bad = cli_read_opts(self, argc, argv, 0, init_opts, CLI_IN_ORDER | CLI_BAD_USAGE, args, NULL);
    if (bad)
        return bad;
    const struct init_args a = *args;
    const char *code = a.code, *province = a.province;
    if (province && (code || a.nvillages))
        return cli_usage(self, "%s", _("--province makes the level above's database: no --commune nor --village"));
    if (province && optind == argc)
        return cmd_init_province(env, province);
    if (!code)
        return cli_usage(self, "%s", _("--commune CODE is required"));
    if (optind < argc)
        return cli_usage(self, _("unexpected argument '%s'"), argv[optind]);
    bool existed = access(env->db_path, F_OK) == 0;
    struct db *db;
    int from = 0, to = 0;
    enum status st = db_open(env->db_path, &db);
    if (st != ST_OK)
        return cli_fail();
    st = migrate_version(db, &from);
    if (st == ST_OK)
        st = session_prepare(db);
    if (st == ST_OK && auth_has_accounts(db) && (st = cli_sign_in(env, db)) == ST_OK)
        st = auth_require_officer(db, _("changing the commune"));
    if (st == ST_OK)
        st = init_apply(db, &a);
    if (st == ST_OK)
        st = migrate_version(db, &to);
    struct commune cm = {0};
    if (st == ST_OK)
        st = commune_current(db, &cm);
    if (st != ST_OK) {
        int rc = cli_fail();
        db_close(db);
        if (!existed)
            db_remove_files(env->db_path);
        return rc;
    }
    if (!existed)
        printf(_("Created %s for %s (%s), %s.\n"), env->db_path, cm.full_name, cm.code, cm.province_name);
    else if (from != to)
        printf(_("Upgraded %s from schema %d to %d.\n"), env->db_path, from, to);
    else
        printf(_("%s is up to date for %s (%s).\n"), env->db_path, cm.full_name, cm.code);
    commune_free(&cm);
    db_close(db);
    return 0;
}

int cmd_init(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    struct init_args a = {.code = NULL};
    int rc = init_run(env, self, argc, argv, &a);
    free(a.villages);
    return rc;
}

int cmd_demo(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    bool force = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--force") == 0)
            force = true;
        else
            return cli_usage(self, _("unexpected argument '%s'"), argv[i]);
    }
    struct db *old = NULL; /* replacing a database with accounts takes its officer */
    if (force && access(env->db_path, F_OK) == 0 && session_open(env->db_path, false, &old) == ST_OK) {
        enum status st = cli_sign_in(env, old);
        if (st == ST_OK && auth_current())
            st = auth_require_officer(old, _("replacing the database"));
        db_close(old);
        auth_sign_out(NULL);
        if (st != ST_OK)
            return cli_fail();
    }
    if (demo_build(env->db_path, force) != ST_OK)
        return cli_fail();
    printf(_("Demo database written to %s.\n"), env->db_path);
    return 0;
}

/* Prints label and *n when st (the status of counting *n) is ST_OK. */
static void print_count(enum status st, const char *label, const long long *n)
{
    char buf[32];
    if (st == ST_OK) {
        snprintf(buf, sizeof buf, "%lld", *n);
        cli_print_field(label, buf, 28);
    }
}

int cmd_info(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    struct db *db;
    int bad = cli_open_args(env, self, argc, argv, 1, &db);
    if (bad)
        return bad;
    struct commune cm;
    int version = 0;
    migrate_version(db, &version);
    char buf[512];
    cli_print_field(_("Database:"), env->db_path, 28);
    snprintf(buf, sizeof buf, "%d", version);
    cli_print_field(_("Schema version:"), buf, 28);
    if (commune_current(db, &cm) == ST_OK) {
        snprintf(buf, sizeof buf, "%s (%s), %s", cm.full_name, cm.code, cm.province_name);
        cli_print_field(_("Commune:"), buf, 28);
        commune_free(&cm);
    } else if (province_is(db)) {   /* the level above (app/province.h) */
        struct province p;
        if (province_current(db, &p) == ST_OK) {
            snprintf(buf, sizeof buf, _("%s (%s); communes' databases in %s.communes/"), p.name,
                     p.code, env->db_path);
            cli_print_field(_("Level above for:"), buf, 28);
            province_free(&p);
        }
    } else {
        cli_print_field(_("Commune:"), _("not set up yet"), 28);
    }
    long long n = 0;
    print_count(village_repo_count(db, &n), _("Villages:"), &n);
    print_count(department_repo_count(db, true, &n), _("Departments:"), &n);
    print_count(holiday_repo_count(db, &n), _("Holidays:"), &n);
    long long waiting = 0;
    if (children_index_waiting(db, &waiting) == ST_OK && waiting > 0) {
        snprintf(buf, sizeof buf, _("%lld children (treem reindex)"), waiting);
        cli_print_field(_("Waiting for the search index:"), buf, 28);
    }
    db_close(db);
    return 0;
}

#define REINDEX_STEP 5000

int cmd_reindex(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    struct db *db;
    int bad = cli_open_args(env, self, argc, argv, 1, &db);
    if (bad)
        return bad;
    long long total = 0, left = 0;
    enum status rc = children_index_waiting(db, &total);
    left = total;
    bool tty = isatty(2);
    while (rc == ST_OK && left > 0) {
        rc = children_index_step(db, REINDEX_STEP, true, &left);
        if (tty)
            fprintf(stderr, "\r%s %3d%%", _("indexing"), (int)((total - left) * 100 / total));
    }
    if (tty && total)
        fputc('\n', stderr);
    db_close(db);
    return cli_done(rc, _("search index: %lld children indexed, none waiting\n"), total - left);
}

/* Settings a user may change, with what each holds. */
static const struct { const char *key, *help; } setting_keys[] = {
    {"officer_name", N_("name of the commune child-protection officer")},
    {"level_above", N_("the body reports go to (e.g. Sở Y tế tỉnh …)")},
    {"lang", N_("interface language: vi or en")},
    {"unit_class", N_("recognition class: 900, 850 or 800 points")},
    {"role", N_("who uses treem: officer, collaborator or viewer (cases show names to officers only)")},
    {"report_start", N_("first day of the report periods, dd/mm (default 15/12 of the year before)")},
    {"report_half_end", N_("last day of the 6-month report, dd/mm (default 14/06)")},
    {"report_year_end", N_("last day of the annual report, dd/mm (default 14/12)")},
    {"lock_minutes", N_("with accounts: the interface locks after this many idle minutes (default 10, 0: never)")},
};

static bool setting_known(const char *key)
{
    for (size_t i = 0; i < sizeof setting_keys / sizeof *setting_keys; i++)
        if (strcmp(setting_keys[i].key, key) == 0)
            return true;
    return false;
}

static enum status setting_check(const char *key, const char *value)
{
    if (strcmp(key, "lang") == 0 && strcmp(value, "vi") != 0 && strcmp(value, "en") != 0)
        return status_set(ST_INVALID, _("lang: '%s' is not vi or en"), value);
    if (strcmp(key, "unit_class") == 0 && strcmp(value, "900") != 0 &&
        strcmp(value, "850") != 0 && strcmp(value, "800") != 0)
        return status_set(ST_INVALID, _("unit_class: '%s' is not 900, 850 or 800"), value);
    if (strcmp(key, "lock_minutes") == 0 && (strspn(value, "0123456789") != strlen(value) || !*value ||
                                             strlen(value) > 4))
        return status_set(ST_INVALID, _("lock_minutes: '%s' is not a number of minutes (0-9999)"), value);
    if (strcmp(key, "role") == 0 && enum_from_code(&enum_user_role, value) < 0)
        return status_set(ST_INVALID, _("role: '%s' is not officer, collaborator or viewer"), value);
    int d, m;
    if (strncmp(key, "report_", 7) == 0)
        return report_cutoff_parse(key, value, &d, &m);
    return ST_OK;
}

/* 0 when key is a known setting, else 2 after listing them. */
static int setting_named(const char *key)
{
    if (setting_known(key))
        return 0;
    fprintf(stderr, _("treem: unknown setting '%s'; known settings:\n"), key);
    for (size_t i = 0; i < sizeof setting_keys / sizeof *setting_keys; i++)
        fprintf(stderr, "  %-14s %s\n", setting_keys[i].key, _(setting_keys[i].help));
    return 2;
}

/* Prints every setting as KEY=VALUE, or the value of key. */
static int print_settings(const struct cli_env *env, const char *key)
{
    struct db *db = NULL;
    if (cli_open(env, &db) != ST_OK)
        return cli_fail();
    for (size_t i = 0; i < sizeof setting_keys / sizeof *setting_keys; i++) {
        char *v = NULL;
        if ((key && strcmp(setting_keys[i].key, key) != 0) ||
            db_setting_get(db, setting_keys[i].key, &v) != ST_OK)
            continue;
        if (key)
            printf("%s\n", v);
        else
            printf("%s=%s\n", setting_keys[i].key, v);
        free(v);
    }
    db_close(db);
    return 0;
}

static int setting_get(const struct cli_env *env, const struct cli_command *self, int argc,
                       char **argv)
{
    int rc = argc == 2 ? setting_named(argv[1]) : cli_sub_usage(self, argv[0]);
    return rc ? rc : print_settings(env, argv[1]);
}

static int setting_list(const struct cli_env *env, const struct cli_command *self, int argc,
                        char **argv)
{
    return argc == 1 ? print_settings(env, NULL) : cli_sub_usage(self, argv[0]);
}

static int setting_set(const struct cli_env *env, const struct cli_command *self, int argc,
                       char **argv)
{
    int rc = argc == 3 ? setting_named(argv[1]) : cli_sub_usage(self, argv[0]);
    struct db *db = NULL;
    if (rc == 0 && cli_open(env, &db) != ST_OK)
        rc = cli_fail();
    enum status st = ST_OK;
    if (rc == 0)
        st = auth_require_officer(db, _("changing settings"));
    if (rc == 0 && st == ST_OK)
        st = setting_check(argv[1], argv[2]);
    if (rc == 0 && st == ST_OK)
        st = db_setting_set(db, argv[1], argv[2]);
    if (rc == 0 && st != ST_OK)
        rc = cli_fail();
    db_close(db);
    return rc;
}

const struct cli_sub cmd_setting_subs[] = {
    {"get", setting_get, "KEY"},
    {"set", setting_set, "KEY VALUE"},
    {"list", setting_list, ""},
    {NULL, NULL, NULL},
};
