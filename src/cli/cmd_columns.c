/* cmd_columns — `treem columns`: the column reference of the CSV files as
 * Markdown (doc/csv-columns.md is made with it), and the header-only
 * templates (assets/templates/<kind>.csv). Needs no database. */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/cli/cli_args.h"
#include "treem/app/transfer.h"
#include "treem/core/i18n.h"
#include "treem/csv/csv_map.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static void print_kind(const struct transfer_kind *k)
{
    const struct csv_kind *c = transfer_kind_columns(k);
    printf("## %s (`%s`)\n\n", transfer_kind_title(k), c->name);
    printf("| %s | %s | %s | %s |\n|---|---|---|---|\n", _("column"), _("Vietnamese label"), _("also accepted"),
           _("meaning, format, allowed values"));
    for (size_t i = 0; i < c->ncolumns; i++) {
        const struct csv_column *col = &c->columns[i];
        printf("| `%s`%s | %s | %s | %s |\n", col->name, col->required ? " *" : "", col->label,
               col->aliases ? col->aliases : "", col->doc ? _(col->doc) : "");
    }
    printf("\n");
}

int cmd_columns(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    (void)env;
    static const struct cli_opt opts[] = {{"templates", CLI_STR, .at = 0}, {0}};
    const char *dir = NULL;
    int bad = cli_read_opts(self, argc, argv, 0, opts, 0, &dir, NULL);
    if (bad)
        return bad;
    size_t n;
    const struct transfer_kind *const *kinds = transfer_kinds(&n);
    const struct transfer_kind *only = optind < argc ? transfer_kind_find(argv[optind]) : NULL;
    if (optind < argc && !only)
        return cli_usage(self, _("unknown kind '%s' (children, periods, plans, targets, tasks)"), argv[optind]);
    for (size_t i = 0; i < n; i++) {
        if (only && kinds[i] != only)
            continue;
        if (!dir) {
            print_kind(kinds[i]);
            continue;
        }
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.csv", dir, transfer_kind_name(kinds[i]));
        if (transfer_write_template(kinds[i], path, 0) != ST_OK)
            return cli_fail();
    }
    return 0;
}
