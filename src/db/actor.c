/* actor — who is acting on a connection, for the audit log (db.h). */
#include <config.h>
#include "treem/db/db.h"
#include "treem/core/i18n.h"
#include "treem/core/platform.h"

#include <stdlib.h>
#include <string.h>

enum status db_set_actor(struct db *db, const char *name)
{
    char *copy = NULL;
    if (name && !(copy = strdup(name)))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    free(db->actor);
    db->actor = copy;
    return ST_OK;
}

/* Keeps name (malloc'd, taken) as the default unless it is the same text.
 * An earlier default is kept until db_close (the officer's name changes a
 * handful of times at most), so a pointer returned earlier stays valid
 * even when the name changed in between. */
static const char *keep_default(struct db *db, char *name)
{
    if (db->actor_default && strcmp(db->actor_default, name) == 0) {
        free(name);
        return db->actor_default;
    }
    if (db->actor_default) {
        char **old = realloc(db->actor_old, (db->nactor_old + 1) * sizeof *old);
        if (!old) {
            free(name);
            return db->actor_default; /* no memory: the name as it was */
        }
        old[db->nactor_old++] = db->actor_default;
        db->actor_old = old;
    }
    db->actor_default = name;
    return db->actor_default;
}

const char *db_actor(struct db *db)
{
    const char *user = platform_user(); /* $USER; Windows %USERNAME% */
    if (!db)
        return user && *user ? user : "treem";
    if (db->actor)
        return db->actor;
    char *v = NULL;
    if (db_setting_get(db, "officer_name", &v) == ST_OK && v[0])
        return keep_default(db, v);
    free(v);
    char *name = strdup(user && *user ? user : "treem");
    return name ? keep_default(db, name) : "treem";
}
