/* session — one entry point to open a database for work. */
#include <config.h>
#include "treem/app/session.h"
#include "treem/app/cases.h"
#include "treem/app/catalog.h"
#include "treem/app/measures.h"
#include "treem/app/score_cases.h"
#include "treem/app/rubric_load.h"
#include "treem/app/score_register.h"
#include "treem/app/transfer.h"
#include "treem/db/migrate.h"
#include "treem/core/strbuf.h"
#include "treem/core/i18n.h"
#include "treem/core/platform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *session_default_path(const char *explicit_path)
{
    if (explicit_path && *explicit_path)
        return strdup(explicit_path);
    const char *env = getenv("TREEM_DB");
    if (env && *env)
        return strdup(env);
    char *dir = platform_data_dir(); /* e.g. ~/.local/share/treem, %APPDATA%\treem */
    struct strbuf sb = STRBUF_INIT;
    char *out = dir && strbuf_printf(&sb, "%s/treem.db", dir) ? strbuf_take(&sb) : NULL;
    free(dir);
    return out;
}

static bool read_only_wanted;

void session_set_read_only(bool on)
{
    read_only_wanted = on;
}

enum status session_open(const char *path, bool create, struct db **out)
{
    struct db *db = NULL;
    enum status st = read_only_wanted ? db_open_read_only(path, &db)
                     : create ? db_open(path, &db) : db_open_existing(path, &db);
    if (st != ST_OK)
        return st;
    st = session_prepare(db);
    if (st != ST_OK) {
        db_close(db);
        return st;
    }
    *out = db;
    return ST_OK;
}

/* A read-only file is read as it is: only when its schema is this treem's. */
static enum status read_only_ready(struct db *db)
{
    int version = 0;
    enum status st = migrate_version(db, &version);
    if (st == ST_OK && version != migrate_latest())
        st = status_set(ST_INVALID, _("%s is open read-only and its schema (version %d) is not this treem's (%d): "
                                      "open it once where it can be written to upgrade it"),
                        db->path, version, migrate_latest());
    return st;
}

enum status session_prepare(struct db *db)
{
    plan_set_measure_provider(measures_plan);
    enum status st = db->read_only ? read_only_ready(db) : migrate_apply(db, true, NULL, NULL);
    if (st == ST_OK && !db->read_only)
        st = catalog_sync(db, NULL);
    if (st == ST_OK && !db->read_only)
        st = rubric_load_seed(db, NULL); /* once: the officer's corrections stay */
    /* the score sheet computes what the register allows (added once) */
    score_add_measure_provider(score_register_measure);
    score_add_measure_provider(score_cases_measure);
    /* anonymised hand-offs hide the names of children in sensitive cases */
    transfer_set_sensitive_hook(cases_child_sensitive, NULL);
    return st;
}
