/* province — the level-above database and receiving packages into the
 * communes' databases beside it. */
#include <config.h>
#include "treem/app/province.h"
#include "treem/app/tx.h"
#include "treem/app/auth.h"
#include "treem/app/handoff.h"
#include "treem/app/session.h"
#include "treem/core/i18n.h"
#include "treem/core/path.h"
#include "treem/db/db_files.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void province_free(struct province *p)
{
    free(p->name);
    memset(p, 0, sizeof *p);
}

/* The province's units (at most 10000: more than any province has). */
enum status province_units(struct db *db, struct commune **out, size_t *n)
{
    struct province p;
    enum status st = province_current(db, &p);
    if (st != ST_OK)
        return st;
    st = commune_search(db, p.code, "", 10000, out, n);
    province_free(&p);
    return st;
}

/* The name of province code from the shipped list; ST_NOTFOUND when none. */
static enum status province_lookup(struct db *db, const char *code, struct province *out)
{
    memset(out, 0, sizeof *out);
    struct commune *list;
    size_t n;
    bool digits = code && strlen(code) == 2 && code[0] >= '0' && code[0] <= '9' && code[1] >= '0'
               && code[1] <= '9';
    enum status st = digits ? commune_search(db, code, "", 1, &list, &n) : ST_OK;
    if (st != ST_OK)
        return st;
    if (!digits || n == 0) {
        if (digits)
            commune_list_free(list, n);
        return status_set(ST_NOTFOUND, _("--province: '%s' is not a province code of the list"),
                          code ? code : "");
    }
    snprintf(out->code, sizeof out->code, "%s", code);
    out->name = strdup(list[0].province_name);
    commune_list_free(list, n);
    return out->name ? ST_OK : status_set(ST_NOMEM, "%s", _("out of memory"));
}

enum status province_current(struct db *db, struct province *out)
{
    memset(out, 0, sizeof *out);
    char *code = NULL;
    enum status st = db_setting_get(db, "province_code", &code);
    if (st == ST_OK && (!code || !code[0]))
        st = status_set(ST_NOTFOUND, "%s", _("this is not a level-above database"));
    if (st == ST_OK)
        st = province_lookup(db, code, out);
    free(code);
    return st;
}

bool province_is(struct db *db)
{
    struct province p;
    bool yes = province_current(db, &p) == ST_OK;
    if (yes)
        province_free(&p);
    else
        status_clear();
    return yes;
}

enum status province_setup(struct db *db, const char *code)
{
    struct province want, cur;
    enum status st = province_lookup(db, code, &want);
    if (st != ST_OK)
        return st;
    struct commune c;
    if (commune_current(db, &c) == ST_OK) {
        st = status_set(ST_CONFLICT, _("this database belongs to %s (%s): a commune database "
                                       "cannot become the level above"), c.full_name, c.code);
        commune_free(&c);
    } else if (status_clear(), province_current(db, &cur) == ST_OK) {
        if (strcmp(cur.code, want.code) != 0)
            st = status_set(ST_CONFLICT, _("this database is the level above for %s (%s), not %s"),
                            cur.name, cur.code, code);
        province_free(&cur);
    } else {
        status_clear();
        st = db_setting_set(db, "province_code", want.code);
        if (st == ST_OK)
            st = db_setting_set(db, "level", "province");
    }
    province_free(&want);
    return st;
}

char *province_commune_path(const struct db *db, const char *commune_code)
{
    size_t n = strlen(db->path) + strlen(commune_code) + 16;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s.communes/%s.db", db->path, commune_code);
    return p;
}

enum status province_open_commune(struct db *db, const char *commune_code, bool create,
                                  struct db **out)
{
    *out = NULL;
    char *path = province_commune_path(db, commune_code);
    if (!path)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    enum status st = session_open(path, create, out);
    free(path);
    if (st == ST_OK && db->actor) /* the signed-in person acts on the commune's file too */
        st = db_set_actor(*out, db->actor);
    if (st == ST_OK) /* … with the same role: a viewer changes nothing there either */
        st = auth_guard(*out);
    if (st == ST_OK && create)
        st = commune_setup(*out, commune_code);
    if (st != ST_OK && *out) {
        db_close(*out);
        *out = NULL;
    }
    return st;
}

void province_receipt_free(struct province_receipt *r)
{
    commune_free(&r->commune);
    manifest_free(&r->manifest);
    transfer_result_free(&r->res);
}

/* The package's commune must be one of the province's. */
static enum status check_commune(struct db *db, const struct manifest *m, struct commune *c)
{
    struct province p;
    enum status st = province_current(db, &p);
    if (st != ST_OK)
        return st;
    st = commune_find(db, m->commune_code, c);
    if (st == ST_OK && strcmp(c->province_code, p.code) != 0)
        st = status_set(ST_CONFLICT,
                        _("the package is from %s (%s) of %s, outside %s: not received"),
                        c->full_name, c->code, c->province_name, p.name);
    province_free(&p);
    return st;
}

/* Refuses a package made before the one already received from the commune. */
static enum status check_newer(struct db *cdb, const struct manifest *m)
{
    char *had = NULL;
    enum status st = db_setting_get(cdb, "package_made_at", &had);
    if (st == ST_NOTFOUND) {
        status_clear();
        return ST_OK;
    }
    if (st == ST_OK && had && strcmp(m->created_at, had) < 0)
        st = status_set(ST_CONFLICT, _("the package was made on %s, before the one already "
                                       "received (made on %s): not received"),
                        m->created_at, had);
    free(had);
    return st;
}

static enum status record_package(struct db *cdb, const struct manifest *m)
{
    struct datetime now = date_now();
    char day[DATE_BUF], at[24];
    date_iso(now.date, day);
    snprintf(at, sizeof at, "%s %02d:%02d", day, now.hour, now.min);
    const char *kv[][2] = {
        {"package_made_at", m->created_at}, {"package_made_by", m->created_by},
        {"package_from", m->period_from},   {"package_to", m->period_to},
        {"package_received_at", at},
    };
    enum status st = db_begin(cdb);
    for (size_t i = 0; i < sizeof kv / sizeof kv[0] && st == ST_OK; i++)
        st = db_setting_set(cdb, kv[i][0], kv[i][1]);
    return tx_end(cdb, st);
}

/* Removes a commune database made for a package that was not received;
 * the message of why it was not stays the one reported. */
static void discard_commune(struct db *db, const char *code)
{
    enum status why = status_last();
    char *msg = strdup(status_message());
    char *path = province_commune_path(db, code);
    if (path && db_remove_files(path) != ST_OK && msg)
        status_set(why, "%s", msg);
    free(path);
    free(msg);
}

static enum status read_manifest(const char *dir, struct manifest *m)
{
    char *path = path_join(dir, MANIFEST_FILE_NAME);
    if (!path)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    enum status st = manifest_read(path, m);
    free(path);
    return st;
}

enum status province_receive(struct db *db, const char *dir, const struct transfer_import_opts *o,
                             struct province_receipt *out)
{
    enum status st = read_manifest(dir, &out->manifest);
    if (st == ST_OK)
        st = check_commune(db, &out->manifest, &out->commune);
    if (st != ST_OK)
        return st;
    char *path = province_commune_path(db, out->commune.code);
    if (!path)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    FILE *f = fopen(path, "rb");
    out->first = f == NULL;
    if (f)
        fclose(f);
    free(path);
    struct db *cdb;
    st = province_open_commune(db, out->commune.code, true, &cdb);
    if (st != ST_OK)
        return st;
    st = check_newer(cdb, &out->manifest);
    struct transfer_import_opts io = {0};
    if (o)
        io = *o;
    io.from_owner = true;   /* the commune's records are the commune's: its file wins */
    io.prefer_newer = true; /* (plans, periods, steps: the same) */
    if (st == ST_OK)
        st = handoff_import(cdb, dir, &io, &out->res, NULL);
    bool dry = o && o->dry_run;
    if (st == ST_OK && !dry)
        st = record_package(cdb, &out->manifest);
    db_close(cdb);
    if (out->first && (st != ST_OK || dry))
        discard_commune(db, out->commune.code);
    return st;
}
