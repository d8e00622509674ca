/* commune_set — change the commune, re-stamping the codes. */
#include <config.h>
#include "treem/app/commune_set.h"
#include "treem/app/tx.h"
#include "treem/db/audit_repo.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void commune_change_free(struct commune_change *c)
{
    free(c->backup);
    c->backup = NULL;
}

static bool has_records(const struct commune_records *r)
{
    return r->children || r->cases || r->plans || r->assessments;
}

static enum status change(struct db *db, const struct commune *to, struct commune_change *out)
{
    enum status rc = db_begin(db);
    if (rc != ST_OK)
        return rc;
    if (out->old_code[0])
        rc = commune_repo_restamp(db, out->old_code, to->code, &out->restamped);
    if (rc == ST_OK)
        rc = db_setting_set(db, "commune_code", to->code);
    if (rc == ST_OK)
        rc = audit_field(db, "setting", "commune_code", "commune_code", out->old_code,
                         to->code);
    return tx_end(db, rc);
}

enum status commune_set(struct db *db, const char *code, bool confirmed,
                        struct commune_change *out)
{
    memset(out, 0, sizeof *out);
    struct commune to, cur;
    enum status rc = commune_find(db, code, &to);
    if (rc != ST_OK)
        return rc;
    if (commune_current(db, &cur) == ST_OK) {
        snprintf(out->old_code, sizeof out->old_code, "%s", cur.code);
        out->same = strcmp(cur.code, to.code) == 0;
        commune_free(&cur);
    }
    status_clear();
    rc = out->same ? ST_OK : commune_repo_count(db, &out->held);
    if (rc == ST_OK && !out->same && has_records(&out->held) && !confirmed)
        rc = status_set(ST_CONFLICT, _("the register holds %lld children, %lld cases, %lld plans "
                                       "and %lld self-assessments of commune %s: their codes "
                                       "will carry %s instead (a backup is taken first); "
                                       "confirm to go on"),
                        out->held.children, out->held.cases, out->held.plans,
                        out->held.assessments, out->old_code, to.code);
    if (rc == ST_OK && !out->same && has_records(&out->held))
        rc = db_backup_rotate(db, "commune", 10, &out->backup);
    if (rc == ST_OK && !out->same)
        rc = change(db, &to, out);
    commune_free(&to);
    return rc;
}
