/* main — parse the global options, then run a subcommand or the interface. */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/cli/cli_out.h"
#include "treem/app/session.h"
#include "treem/core/i18n.h"
#include "treem/core/outfile.h"
#include "treem/core/platform.h"
#include "treem/tui/tui.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_help(void)
{
    printf("%s\n\n", _("treem — the commune register of children, cases, plans and criteria"));
    printf("%s\n  treem [%s] [%s [%s]]\n\n", _("Usage:"), _("OPTIONS"), _("COMMAND"), _("ARGS"));
    printf("%s\n", _("Without a command, treem opens the full-screen interface."));
    printf("\n%s\n", _("Options:"));
#ifdef _WIN32
    printf("  --db PATH      %s\n", _("database file (also $TREEM_DB; default %APPDATA%\\treem\\treem.db)"));
#else
    printf("  --db PATH      %s\n", _("database file (also $TREEM_DB; default ~/.local/share/treem/treem.db)"));
#endif
    printf("  --lang vi|en   %s\n", _("interface language (also $TREEM_LANG; default vi)"));
    printf("  --no-color     %s\n", _("no colours (also $NO_COLOR)"));
    printf("  --ascii        %s\n", _("plain ASCII borders and marks"));
    printf("  --read-only    %s\n", _("open the database for viewing only: every change is refused"));
    printf("  --force        %s\n", _("commands may replace an existing output file (export, report, …)"));
    printf("  --user LOGIN   %s\n", _("who signs in, on a database with accounts (also $TREEM_USER; the password "
                                    "is asked, or $TREEM_PASSWORD)"));
    printf("  -h, --help     %s\n", _("show this help"));
    printf("  -V, --version  %s\n", _("show the version"));
    printf("\n%s\n", _("Commands:"));
    for (const struct cli_command *c = cli_commands; c->name; c++)
    {
        printf("  %s ", c->name);
        cli_put_usage(stdout, c);
        printf("\n      %s\n", _(c->summary));
    }
    printf("\n%s\n", _("Environment: TREEM_TODAY=yyyy-mm-dd[ hh:mm] fixes today's date (tests, demos)."));
    printf("%s\n", _("See also: man treem; 'treem COMMAND --help'."));
}

/* `--force` after a command that writes files means "replace an existing
 * output file": taken out of argv here (demo and child have their own
 * --force and keep it; for demo it also allows replacing). Returns argc. */
static int take_force(const char *cmd, int argc, char **argv, bool *force)
{
    bool own = strcmp(cmd, "demo") == 0 || strcmp(cmd, "child") == 0;
    int out = 0;
    for (int i = 0; i < argc; i++) {
        bool is_force = i > 0 && strcmp(argv[i], "--force") == 0;
        if (is_force)
            *force = true;
        if (!is_force || own)
            argv[out++] = argv[i];
        if (strcmp(argv[i], "--") == 0) { /* the rest are arguments */
            while (++i < argc)
                argv[out++] = argv[i];
        }
    }
    argv[out] = NULL;
    return out;
}

static const struct option global_opts[] = {
    {"db", required_argument, NULL, 'd'},
    {"lang", required_argument, NULL, 'L'},
    {"no-color", no_argument, NULL, 'n'},
    {"no-colour", no_argument, NULL, 'n'},
    {"ascii", no_argument, NULL, 'a'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {"read-only", no_argument, NULL, 'R'},
    {"force", no_argument, NULL, 'F'},
    {"user", required_argument, NULL, 'u'},
    {NULL, 0, NULL, 0},
};

int main(int argc, char **argv)
{
    platform_console_setup(); /* UTF-8 locale / console (core/platform.h) */
    if (!platform_args_utf8(&argc, &argv))
        return 1;
    const char *lang = getenv("TREEM_LANG");
    struct tui_options topt = {0};
    if (lang && *lang)
        topt.lang_forced = i18n_set_lang(lang);
    const char *db_opt = NULL, *user_opt = NULL;
    const char *nc = getenv("NO_COLOR");
    topt.no_color = nc && *nc;
    int c;
    bool force = false;
    while ((c = getopt_long(argc, argv, "+hV", global_opts, NULL)) != -1) {
        switch (c) {
        case 'd': db_opt = optarg; break;
        case 'L':
            if (!i18n_set_lang(optarg)) {
                fprintf(stderr, _("treem: --lang: '%s' is not vi or en\n"), optarg);
                return 2;
            }
            topt.lang_forced = true;
            break;
        case 'n': topt.no_color = true; break;
        case 'u': user_opt = optarg; break;
        case 'a': topt.ascii = true; break;
        case 'R': session_set_read_only(true); break;
        case 'F': force = true; break;
        case 'h': print_help(); return 0;
        case 'V': printf("treem %s\n", PACKAGE_VERSION); return 0;
        default:
            fprintf(stderr, "%s\n", _("Try 'treem --help'."));
            return 2;
        }
    }
    char *path = session_default_path(db_opt);
    if (!path) {
        fprintf(stderr, "%s\n", _("treem: no database path: set --db, TREEM_DB or HOME"));
        return 2;
    }
    int rc;
    if (optind < argc) {
        cli_out_filter(); /* names and notes print as text (core/safe_text.h) */
        const struct cli_command *cmd = cli_find(argv[optind]);
        if (!cmd) {
            fprintf(stderr, _("treem: unknown command '%s'. Try 'treem --help'.\n"), argv[optind]);
            free(path);
            return 2;
        }
        struct cli_env env = {path, user_opt};
        int n = take_force(cmd->name, argc - optind, argv + optind, &force);
        /* A command never replaces a file it writes unless told to. */
        outfile_set_replace(force);
        rc = cli_run(cmd, &env, n, argv + optind);
    } else {
        topt.db_path = path;
        rc = tui_main(&topt);
    }
    free(path);
    i18n_free();
    return rc;
}
