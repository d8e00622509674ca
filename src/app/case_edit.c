/* case_edit — edit the intake, edit or delete a step, the kinds allowed. */
#include <config.h>
#include "treem/app/case_edit.h"
#include "treem/app/tx.h"
#include "cases_internal.h"
#include "treem/db/case_step_edit.h"
#include "treem/db/case_step_repo.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum status cases_check_order(const struct case_file *c, struct case_step *steps, size_t n,
                              long long changed_id, const char *field)
{
    case_steps_sort(steps, n);
    size_t bad;
    enum status st = case_steps_check(c, steps, n, date_now(), &bad);
    if (st == ST_OK || steps[bad].id == changed_id)
        return st;
    const char *msg = status_message(), *colon = strstr(msg, ": ");
    char *why = strdup(colon ? colon + 2 : msg); /* without its field: named below */
    char when[DATETIME_BUF];
    datetime_format(steps[bad].at, when);
    st = status_set(ST_INVALID, _("%s: step #%lld (%s, %s) would then be out of order — %s"),
                    field ? field : _("step"), steps[bad].id,
                    enum_label(&enum_case_step, steps[bad].kind), when, why ? why : "");
    free(why);
    return st;
}

/* Begins the action's transaction and reads case case_id with its saved
 * steps; on failure the transaction is ended and *w is empty. */
static enum status begin_load(struct db *db, long long case_id, struct case_with_steps *w)
{
    enum status st = db_begin(db);
    if (st != ST_OK)
        return st;
    st = cases_load(db, case_id, w);
    return st == ST_OK ? st : tx_end(db, st);
}

/* True when the saved steps keep the order (records made before the rule
 * may not). */
static bool saved_in_order(const struct case_file *c, const struct case_step *steps, size_t n)
{
    size_t bad;
    bool ok = case_steps_check(c, steps, n, date_now(), &bad) == ST_OK;
    status_clear();
    return ok;
}

static size_t find_step(const struct case_step *steps, size_t n, long long id)
{
    size_t i = 0;
    while (i < n && steps[i].id != id)
        i++;
    return i;
}

static enum status no_step(const struct case_file *c, long long step_id)
{
    return status_set(ST_NOTFOUND, _("%s: case %s has no step #%lld (treem case show %s lists them)"),
                      _("step"), c->code, step_id, c->code);
}

enum status case_edit_intake(struct db *db, struct case_file *c)
{
    struct case_with_steps old;
    enum status st = cases_check_intake(c);
    if (st == ST_OK)
        st = begin_load(db, c->id, &old);
    if (st != ST_OK)
        return st;
    st = cases_check_child(db, c->child_id, c->received.date);
    if (st == ST_OK && saved_in_order(&old.c, old.steps, old.n))
        st = cases_check_order(c, old.steps, old.n, -1, _("received"));
    if (st == ST_OK)
        st = case_repo_update(db, &old.c, c);
    cases_unload(&old);
    return tx_end(db, st);
}

/* What the kind of s cannot hold is dropped. */
static void fit_kind(struct case_step *s)
{
    if (s->kind != CASE_STEP_INITIAL)
        s->emergency = -1;
    if (s->kind != CASE_STEP_SEPARATION)
        memset(&s->end, 0, sizeof s->end);
}

/* The saved steps with s in place of step i, checked in order. */
static enum status order_edited(const struct case_file *c, const struct case_step *steps,
                                size_t n, size_t i, const struct case_step *s)
{
    struct case_step *all = malloc(n * sizeof *all);
    if (!all)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    if (n) /* shallow: the texts stay with their owners (steps is NULL when none) */
        memcpy(all, steps, n * sizeof *all);
    all[i] = *s;
    enum status st = cases_check_order(c, all, n, s->id, NULL);
    free(all);
    return st;
}

enum status case_edit_step(struct db *db, struct case_step *s, bool replace,
                           struct case_risk *risks, size_t nrisks,
                           struct case_service *items, size_t nitems)
{
    if (!cases_tidy(&s->who) || !cases_tidy(&s->notes))
        return status_set(ST_INVALID, "%s", _("the text is not valid UTF-8"));
    fit_kind(s);
    struct case_with_steps w;
    enum status st = begin_load(db, s->case_id, &w);
    if (st != ST_OK)
        return st;
    size_t i = find_step(w.steps, w.n, s->id);
    if (i == w.n)
        st = no_step(&w.c, s->id);
    if (st == ST_OK)
        st = case_step_validate(&w.c, w.steps, i, s, date_now());
    if (st == ST_OK && saved_in_order(&w.c, w.steps, w.n))
        st = order_edited(&w.c, w.steps, w.n, i, s);
    if (st == ST_OK)
        st = case_step_edit_update(db, &w.steps[i], s);
    if (st == ST_OK && (replace || w.steps[i].kind != s->kind))
        st = case_step_edit_clear_details(db, s->id);
    if (st == ST_OK && replace)
        st = cases_add_details(db, s, risks, nrisks, items, nitems);
    if (st == ST_OK)
        st = cases_refresh_stage(db, s->case_id);
    cases_unload(&w);
    return tx_end(db, st);
}

enum status case_edit_delete_step(struct db *db, long long case_id, long long step_id)
{
    struct case_with_steps w;
    enum status st = begin_load(db, case_id, &w);
    if (st != ST_OK)
        return st;
    struct case_step *steps = w.steps;
    size_t n = w.n, i = find_step(steps, n, step_id);
    if (i == n)
        st = no_step(&w.c, step_id);
    if (st == ST_OK && saved_in_order(&w.c, steps, n)) {
        struct case_step gone = steps[i];
        memmove(&steps[i], &steps[i + 1], (n - i - 1) * sizeof *steps);
        st = cases_check_order(&w.c, steps, n - 1, -1, NULL);
        memmove(&steps[i + 1], &steps[i], (n - i - 1) * sizeof *steps);
        steps[i] = gone;
    }
    if (st == ST_OK)
        st = case_step_edit_delete(db, &steps[i]);
    if (st == ST_OK)
        st = cases_refresh_stage(db, case_id);
    cases_unload(&w);
    return tx_end(db, st);
}

/* A deep copy of step src into out. */
static enum status copy_step(const struct case_step *src, struct case_step *out)
{
    *out = *src;
    out->who = strdup(src->who ? src->who : "");
    out->notes = strdup(src->notes ? src->notes : "");
    if (out->who && out->notes)
        return ST_OK;
    case_step_free(out);
    return status_set(ST_NOMEM, "%s", _("out of memory"));
}

enum status case_edit_get_step(struct db *db, long long case_id, long long step_id,
                               struct case_step *out)
{
    struct case_with_steps w;
    case_step_init(out, -1);
    enum status st = cases_load(db, case_id, &w);
    if (st != ST_OK)
        return st;
    size_t i = find_step(w.steps, w.n, step_id);
    st = i == w.n ? no_step(&w.c, step_id) : copy_step(&w.steps[i], out);
    cases_unload(&w);
    return st;
}

enum status case_edit_next_kinds(struct db *db, long long case_id, long long step_id,
                                 int out[CASE_STEP__COUNT], size_t *n)
{
    struct case_with_steps w;
    *n = 0;
    enum status st = cases_load(db, case_id, &w);
    if (st != ST_OK)
        return st;
    const struct case_step *steps = w.steps;
    size_t i = step_id ? find_step(steps, w.n, step_id) : w.n;
    if (step_id && i == w.n)
        st = no_step(&w.c, step_id);
    if (st == ST_OK) {
        *n = case_next_kinds(steps, i, out);
        bool has = !step_id;
        for (size_t k = 0; k < *n; k++)
            has = has || out[k] == steps[i].kind;
        if (!has) { /* its own kind, in list order */
            size_t k = *n;
            while (k > 0 && out[k - 1] > steps[i].kind) {
                out[k] = out[k - 1];
                k--;
            }
            out[k] = steps[i].kind;
            (*n)++;
        }
    }
    cases_unload(&w);
    return st;
}
