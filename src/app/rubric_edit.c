/* rubric_edit — load the active rule set, change it, save it. */
#include <config.h>
#include "treem/app/rubric_edit.h"
#include "treem/app/tx.h"
#include "treem/core/i18n.h"
#include "treem/db/rubric_repo.h"
#include "treem/db/rubric_save.h"

#include <stdlib.h>
#include <string.h>

enum status rubric_edit_load_active(struct db *db, struct rubric *out)
{
    long long id;
    enum status st = rubric_repo_active(db, &id);
    if (st != ST_OK) {
        *out = (struct rubric)RUBRIC_INIT;
        return st;
    }
    return rubric_repo_load(db, id, out);
}

struct edit {
    const char *code;
    const struct rubric_band *band;
    int complete;
    bool remove;
    int number;
    bool known;
    double max;
    const char *source;
};

typedef enum status (*edit_fn)(struct rubric *r, const struct edit *e);

/* One transaction: load the active rule set, apply fn, save. */
static enum status edit_active(struct db *db, edit_fn fn, const struct edit *e)
{
    struct rubric r;
    enum status st = db_begin(db);
    if (st != ST_OK)
        return st;
    st = rubric_edit_load_active(db, &r);
    if (st == ST_OK)
        st = fn(&r, e);
    if (st == ST_OK)
        st = rubric_save(db, &r, NULL, NULL);
    st = tx_end(db, st);
    rubric_free(&r);
    return st;
}

static enum status find_ind(struct rubric *r, const char *code, struct rubric_indicator **out)
{
    *out = rubric_find_indicator(r, code);
    if (!*out)
        return status_set(ST_NOTFOUND, _("indicator %s is not in the rule set %s"),
                          code ? code : "", r->name);
    return ST_OK;
}

static enum status do_band(struct rubric *r, const struct edit *e)
{
    struct rubric_indicator *ind;
    enum status st = find_ind(r, e->code, &ind);
    if (st != ST_OK)
        return st;
    if (e->remove)
        st = rubric_band_remove(ind, e->band);
    else if (e->band)
        st = rubric_band_put(ind, e->band);
    if (st == ST_OK && e->complete >= 0)
        ind->bands_known = e->complete == 1;
    return st;
}

enum status rubric_edit_band_put(struct db *db, const char *code, const struct rubric_band *b,
                                 int complete)
{
    if (!b->source || !*b->source)
        return status_set(ST_INVALID, "%s",
                          _("source: say where the band comes from (decision, guidance, letter)"));
    struct edit e = {.code = code, .band = b, .complete = complete};
    return edit_active(db, do_band, &e);
}

enum status rubric_edit_band_remove(struct db *db, const char *code, const struct rubric_band *b)
{
    struct edit e = {.code = code, .band = b, .complete = -1, .remove = true};
    return edit_active(db, do_band, &e);
}

enum status rubric_edit_set_complete(struct db *db, const char *code, bool complete)
{
    struct edit e = {.code = code, .complete = complete ? 1 : 0};
    return edit_active(db, do_band, &e);
}

static enum status do_max(struct rubric *r, const struct edit *e)
{
    struct rubric_criterion *c = rubric_find_criterion(r, e->number);
    if (!c)
        return status_set(ST_NOTFOUND, _("criterion %d is not in the rule set %s"), e->number, r->name);
    c->max_known = e->known;
    c->max_points = e->known ? e->max : 0;
    if (!rubric_str_set(&c->source, e->source))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    return ST_OK;
}

enum status rubric_edit_set_max(struct db *db, int number, bool known, double max,
                                const char *source)
{
    if (!source || !*source)
        return status_set(ST_INVALID, "%s", _("source: say where the maximum comes from"));
    struct edit e = {.number = number, .known = known, .max = max, .source = source};
    return edit_active(db, do_max, &e);
}
