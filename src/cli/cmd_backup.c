/* cmd_backup — `treem backup [--out FILE]` and `treem restore FILE`. */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/cli/cli_args.h"
#include "treem/app/backups.h"
#include "treem/core/i18n.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

int cmd_backup(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    static const struct cli_opt opts[] = {{"out", CLI_STR, .at = 0}, {0}};
    const char *out = NULL;
    struct db *db;
    int bad = cli_open_opts(env, self, argc, argv, opts, CLI_ALONE, &out, &db);
    if (bad)
        return bad;
    char *made = NULL;
    enum status rc = backups_make(db, out, &made);
    db_close(db);
    if (rc != ST_OK)
        return cli_fail();
    printf(_("backup: %s\n"), made);
    free(made);
    return 0;
}

int cmd_restore(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    if (argc != 2)
        return cli_usage(self, "%s", _("give the backup file to restore"));
    struct db *db;
    if (cli_open(env, &db) != ST_OK)
        return cli_fail();
    char *safety = NULL;
    enum status rc = backups_restore(db, argv[1], &safety);
    db_close(db);
    if (safety)
        printf(_("the database as it was is kept in %s\n"), safety);
    free(safety);
    return cli_done(rc, _("restored from %s\n"), argv[1]);
}
