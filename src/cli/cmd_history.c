/* cmd_history — `treem history KIND KEY`: what the audit log says about one
 * record, oldest first (who, when, created / changed / deleted, old and new
 * values). */
#include <config.h>
#include "treem/cli/cli.h"
#include "treem/app/history.h"
#include "treem/core/i18n.h"

#include <stdio.h>

int cmd_history(const struct cli_env *env, const struct cli_command *self, int argc, char **argv)
{
    if (argc != 3)
        return cli_usage(self, "%s", _("expected: KIND KEY (kinds: child, case, village, "
                                       "holiday, plan, target, event, task, dept)"));
    enum history_kind k;
    if (history_kind_parse(argv[1], &k) != ST_OK)
        return cli_fail();
    struct db *db = NULL;
    if (cli_open(env, &db) != ST_OK)
        return cli_fail();
    struct audit_row *rows = NULL;
    size_t n = 0;
    int rc = history_of(db, k, argv[2], &rows, &n) == ST_OK ? 0 : cli_fail();
    for (size_t i = 0; rc == 0 && i < n; i++) {
        char line[2048];
        history_line(&rows[i], line, sizeof line);
        printf("%s\n", line);
    }
    if (rc == 0 && n == 0)
        printf("%s\n", _("No history recorded for this record."));
    audit_rows_free(rows, n);
    db_close(db);
    return rc;
}
