/* cases — case actions (one transaction each) and the role. */
#include <config.h>
#include "treem/app/cases.h"
#include "treem/app/tx.h"
#include "cases_internal.h"
#include "treem/app/auth.h"
#include "treem/app/children.h"
#include "treem/db/user_repo.h"
#include "treem/app/catalog.h"
#include "treem/app/children.h"
#include "treem/db/audit_repo.h"
#include "treem/db/case_step_repo.h"
#include "treem/db/child_repo.h"
#include "treem/model/child_rules.h"
#include "treem/db/transfer_case_repo.h"
#include "treem/db/row.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"
#include "treem/db/case_repo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum user_role cases_role(struct db *db)
{
    if (auth_current()) /* accounts: the signed-in person's role */
        return auth_current()->role;
    char *value = NULL;
    enum status st = db_setting_get(db, "role", &value);
    int role = st == ST_NOTFOUND ? ROLE_OFFICER
             : st == ST_OK ? enum_from_code(&enum_user_role, value) : ROLE_VIEWER;
    free(value);
    status_clear();
    return role < 0 ? ROLE_VIEWER : (enum user_role)role;
}

/* NFC and trimmed copy replacing *s (NULL stays NULL). */
bool cases_tidy(char **s)
{
    if (!*s)
        return true;
    char *nfc = utf8_nfc(*s);
    if (!nfc)
        return false;
    char *b = nfc;
    while (*b == ' ' || *b == '\t' || *b == '\n')
        b++;
    size_t len = strlen(b);
    while (len && (b[len - 1] == ' ' || b[len - 1] == '\t' || b[len - 1] == '\n'))
        len--;
    memmove(nfc, b, len);
    nfc[len] = '\0';
    free(*s);
    *s = nfc;
    return true;
}

/* Every text of the intake tidied; the reporter's empty texts dropped
 * without consent. ST_INVALID for bad UTF-8. */
static enum status tidy_file(struct case_file *c)
{
    char **t[] = {&c->child_note, &c->place, &c->current_state, &c->consequence, &c->parents,
                  &c->carer, &c->actions_taken, &c->reporter_name, &c->reporter_phone,
                  &c->reporter_address, &c->level_reason};
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        if (!cases_tidy(t[i]))
            return status_set(ST_INVALID, "%s", _("the text is not valid UTF-8"));
    if (!c->consent) /* without consent nothing of the reporter is kept */
        for (size_t i = 7; i < 10; i++)
            if (*t[i] && !**t[i]) {
                free(*t[i]);
                *t[i] = NULL;
            }
    return ST_OK;
}

/* ST_OK when the person may see and change case id (a collaborator: the
 * cases they recorded; app/auth.h). */
static enum status visible(struct db *db, long long id)
{
    char owner[USER_LOGIN_MAX + 1];
    if (!auth_village_scope())
        return ST_OK;
    enum status st = user_repo_case_owner(db, id, owner, sizeof owner);
    return st == ST_OK ? auth_check_case(owner) : st;
}

/* The child exists, may be seen by this person (a collaborator: children
 * of their villages), and is under 16 on the day the report came. */
enum status cases_check_child(struct db *db, long long child_id, struct date received)
{
    if (!child_id)
        return ST_OK;
    struct child ch;
    enum status st = children_get(db, child_id, &ch);
    if (st == ST_DENIED)
        return st;
    if (st == ST_NOTFOUND)
        st = status_set(ST_NOTFOUND, _("%s: there is no child %lld in the register"), _("child"),
                        child_id);
    if (st == ST_OK) {
        st = case_check_child_age(child_birth_eff(&ch), received);
        child_free(&ch);
    }
    return st;
}

enum status cases_check_intake(struct case_file *c)
{
    enum status st = tidy_file(c);
    if (st == ST_OK)
        st = case_validate(c, date_now());
    if (st == ST_OK)
        st = case_validate_level(c);
    return st;
}

enum status cases_load(struct db *db, long long case_id, struct case_with_steps *out)
{
    out->steps = NULL;
    out->n = 0;
    enum status st = case_repo_get(db, case_id, &out->c);
    if (st != ST_OK) {
        case_file_init(&out->c);
        return st;
    }
    st = case_step_repo_list(db, case_id, &out->steps, &out->n);
    if (st != ST_OK)
        cases_unload(out);
    return st;
}

void cases_unload(struct case_with_steps *w)
{
    case_steps_free(w->steps, w->n);
    w->steps = NULL;
    w->n = 0;
    case_file_free(&w->c);
}

enum status cases_add(struct db *db, struct case_file *c)
{
    enum status st = cases_check_intake(c);
    if (st != ST_OK)
        return st;
    if (!c->uid[0]) {
        char *commune = NULL;
        st = db_setting_get(db, "commune_code", &commune);
        if (st == ST_OK)
            st = children_new_uid(commune, c->uid);
        free(commune);
        if (st != ST_OK)
            return st;
    }
    st = db_begin(db);
    if (st != ST_OK)
        return st;
    st = auth_require_writer(db);
    if (st == ST_OK)
        st = cases_check_child(db, c->child_id, c->received.date);
    if (st == ST_OK)
        st = case_repo_insert(db, c);
    if (st == ST_OK && auth_current()) /* who recorded it: a collaborator sees their own */
        st = user_repo_set_case_owner(db, c->id, auth_case_owner());
    return tx_end(db, st);
}

enum status cases_link_child(struct db *db, long long case_id, long long child_id)
{
    enum status st = db_begin(db);
    if (st != ST_OK)
        return st;
    struct case_file old, c;
    if ((st = visible(db, case_id)) != ST_OK)
        return tx_end(db, st);
    st = case_repo_get(db, case_id, &old);
    if (st != ST_OK)
        return tx_end(db, st);
    st = case_repo_get(db, case_id, &c);
    if (st == ST_OK)
        st = cases_check_child(db, child_id, c.received.date);
    if (st == ST_OK) {
        c.child_id = child_id;
        st = case_repo_update(db, &old, &c);
    }
    case_file_free(&old);
    case_file_free(&c);
    return tx_end(db, st);
}

enum status cases_steps(struct db *db, long long case_id, struct case_step **out, size_t *n)
{
    return case_step_repo_list(db, case_id, out, n);
}

/* Stores the step's ratings and plan items (validated first). */
enum status cases_add_details(struct db *db, const struct case_step *s,
                               struct case_risk *risks, size_t nrisks,
                               struct case_service *items, size_t nitems)
{
    enum status st = ST_OK;
    if (nrisks && s->kind != CASE_STEP_DETAILED && s->kind != CASE_STEP_REVIEW)
        return status_set(ST_INVALID, _("%s: only a detailed assessment or a review rates risks"),
                          _("risk rating"));
    if (nitems && s->kind != CASE_STEP_PLAN)
        return status_set(ST_INVALID, _("%s: only a plan lists services and tasks"),
                          _("service or task"));
    for (size_t i = 0; st == ST_OK && i < nrisks; i++) {
        risks[i].step_id = s->id;
        st = case_risk_validate(&risks[i]);
        if (st == ST_OK)
            st = case_step_repo_add_risk(db, &risks[i]);
    }
    for (size_t i = 0; st == ST_OK && i < nitems; i++) {
        items[i].step_id = s->id;
        st = case_service_validate(&items[i]);
        if (st == ST_OK)
            st = case_step_repo_add_service(db, &items[i]);
    }
    return st;
}

/* Re-derives the stage from the saved steps and stores it. */
enum status cases_refresh_stage(struct db *db, long long case_id)
{
    struct case_step *steps = NULL;
    size_t n = 0;
    enum status st = case_step_repo_list(db, case_id, &steps, &n);
    if (st == ST_OK)
        st = case_repo_set_stage(db, case_id, case_stage(steps, n));
    case_steps_free(steps, n);
    return st;
}

/* The order of the saved steps with s (dated anywhere among them) added. */
static enum status order_with(const struct case_file *c, const struct case_step *steps, size_t n,
                              const struct case_step *s)
{
    struct case_step *all = malloc((n + 1) * sizeof *all);
    if (!all)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    if (n) /* shallow: the texts stay with their owners (steps is NULL when none) */
        memcpy(all, steps, n * sizeof *all);
    all[n] = *s;
    all[n].id = 0;
    enum status st = cases_check_order(c, all, n + 1, 0, NULL);
    free(all);
    return st;
}

enum status cases_add_step(struct db *db, struct case_step *s, struct case_risk *risks,
                           size_t nrisks, struct case_service *items, size_t nitems)
{
    if (!cases_tidy(&s->who) || !cases_tidy(&s->notes))
        return status_set(ST_INVALID, "%s", _("the text is not valid UTF-8"));
    enum status st = db_begin(db);
    if (st != ST_OK)
        return st;
    struct case_with_steps w;
    st = visible(db, s->case_id);
    if (st != ST_OK)
        return tx_end(db, st);
    st = cases_load(db, s->case_id, &w);
    if (st == ST_OK)
        st = case_step_validate(&w.c, w.steps, w.n, s, date_now());
    if (st == ST_OK)
        st = order_with(&w.c, w.steps, w.n, s);
    if (st == ST_OK)
        st = case_step_repo_insert(db, s);
    if (st == ST_OK)
        st = cases_add_details(db, s, risks, nrisks, items, nitems);
    if (st == ST_OK)
        st = cases_refresh_stage(db, s->case_id);
    cases_unload(&w);
    return tx_end(db, st);
}

enum status cases_end_separation(struct db *db, long long case_id, long long step_id,
                                 struct datetime end)
{
    enum status st = db_begin(db);
    if (st != ST_OK)
        return st;
    struct case_step *steps = NULL;
    size_t n = 0;
    st = visible(db, case_id);
    if (st == ST_OK)
        st = case_step_repo_list(db, case_id, &steps, &n);
    const struct case_step *sep = NULL;
    for (size_t i = 0; st == ST_OK && i < n; i++)
        if (steps[i].id == step_id && steps[i].kind == CASE_STEP_SEPARATION)
            sep = &steps[i];
    if (st == ST_OK && !sep)
        st = status_set(ST_NOTFOUND, _("%s: step %lld is not a separation of this case"),
                        _("separation"), step_id);
    if (st == ST_OK && !case_datetime_valid(end))
        st = status_set(ST_INVALID, _("%s: not a valid date and hour"), _("end"));
    if (st == ST_OK && datetime_to_minutes(end) < datetime_to_minutes(sep->at))
        st = status_set(ST_INVALID, _("%s: the end is before the start"), _("end"));
    if (st == ST_OK && datetime_to_minutes(end) > datetime_to_minutes(date_now()))
        st = status_set(ST_INVALID, _("%s: a step cannot be dated in the future"), _("end"));
    if (st == ST_OK)
        st = case_step_repo_set_end(db, case_id, step_id, end);
    case_steps_free(steps, n);
    return tx_end(db, st);
}

enum status cases_delete(struct db *db, long long id)
{
    enum status st = db_begin(db);
    if (st != ST_OK)
        return st;
    st = visible(db, id);
    return tx_end(db, st == ST_OK ? case_repo_delete(db, id) : st);
}

enum status cases_find(struct db *db, const char *code, struct case_file *out)
{
    enum status st = case_repo_get_by_code(db, code, out);
    if (st == ST_OK && (st = visible(db, out->id)) != ST_OK)
        case_file_free(out);
    return st;
}

void cases_child_shown(const struct case_row *r, enum user_role role, char *out, size_t n)
{
    bool names = case_may_see_child_name(role);
    if (r->child_id && names)
        snprintf(out, n, "%s", r->child_name);
    else if (r->child_id)
        snprintf(out, n, "%s", r->child_code);
    else if (names && r->child_name[0])
        snprintf(out, n, "%s (%s)", r->child_name, _("unidentified"));
    else
        snprintf(out, n, "%s", _("unidentified child"));
}

/* The open items of case id on now, with the holidays h. */
static enum status items_of(struct db *db, long long id, const struct holidays *h,
                            struct datetime now, struct case_open_item out[CASE_OPEN_MAX],
                            size_t *nout)
{
    struct case_with_steps w;
    *nout = 0;
    enum status st = cases_load(db, id, &w);
    if (st == ST_OK)
        case_open_items(&w.c, w.steps, w.n, h, now, out, nout);
    cases_unload(&w);
    return st;
}

enum status cases_open_items(struct db *db, const struct case_file *c, struct datetime now,
                             struct case_open_item out[CASE_OPEN_MAX], size_t *n)
{
    struct holidays h = {0};
    enum status st = catalog_holidays(db, &h);
    if (st == ST_OK)
        st = items_of(db, c->id, &h, now, out, n);
    holidays_free(&h);
    return st;
}

/* Earlier urgency group first, then the earlier deadline. */
static int item_cmp(const struct case_open_item *a, const struct case_open_item *b)
{
    if (a->urgency != b->urgency)
        return a->urgency - b->urgency;
    long long x = datetime_to_minutes(a->due), y = datetime_to_minutes(b->due);
    return (x > y) - (x < y);
}

/* Fills line l with its most urgent open deadline. */
static enum status line_next(struct db *db, const struct holidays *h, struct datetime now,
                             struct case_line *l)
{
    struct case_open_item items[CASE_OPEN_MAX];
    size_t n = 0;
    enum status st = items_of(db, l->row.id, h, now, items, &n);
    for (size_t i = 0; i < n; i++)
        if (!l->has_next || item_cmp(&items[i], &l->next) < 0) {
            l->next = items[i];
            l->has_next = true;
        }
    return st;
}

enum status cases_list(struct db *db, const struct case_filter *f, bool overdue_only,
                       struct datetime now, struct case_line **out, size_t *n)
{
    struct case_row *rows = NULL;
    size_t nrows = 0, k = 0;
    struct holidays h = {0};
    *out = NULL;
    *n = 0;
    struct case_filter mine = *f;
    if (auth_village_scope()) /* a collaborator: the cases they recorded */
        mine.created_by = auth_case_owner();
    enum status st = case_repo_list(db, &mine, &rows, &nrows);
    if (st == ST_OK)
        st = catalog_holidays(db, &h);
    struct case_line *lines = st == ST_OK && nrows ? calloc(nrows, sizeof *lines) : NULL;
    if (st == ST_OK && nrows && !lines)
        st = status_set(ST_NOMEM, "%s", _("out of memory"));
    enum user_role role = st == ST_OK ? cases_role(db) : ROLE_VIEWER;
    for (size_t i = 0; st == ST_OK && i < nrows; i++) {
        struct case_line *l = &lines[k];
        memset(l, 0, sizeof *l);
        l->row = rows[i];
        cases_child_shown(&rows[i], role, l->child_shown, sizeof l->child_shown);
        st = line_next(db, &h, now, l);
        if (!overdue_only || (l->has_next && l->next.urgency == CASE_OVERDUE))
            k++;
    }
    free(rows);
    holidays_free(&h);
    if (st != ST_OK) {
        free(lines);
        return st;
    }
    *out = lines;
    *n = k;
    return ST_OK;
}

static int due_cmp(const void *a, const void *b)
{
    const struct case_due *x = a, *y = b;
    int c = item_cmp(&x->item, &y->item);
    return c ? c : strcmp(x->code, y->code);
}

enum status cases_due(struct db *db, struct datetime now, struct case_due **out, size_t *n)
{
    struct case_filter f;
    case_filter_init(&f);
    f.open_only = true;
    struct case_line *lines = NULL;
    size_t nlines = 0, cap = 0;
    struct holidays h = {0};
    *out = NULL;
    *n = 0;
    enum status st = cases_list(db, &f, false, now, &lines, &nlines);
    if (st == ST_OK)
        st = catalog_holidays(db, &h);
    for (size_t i = 0; st == ST_OK && i < nlines; i++) {
        struct case_open_item items[CASE_OPEN_MAX];
        size_t m = 0;
        st = items_of(db, lines[i].row.id, &h, now, items, &m);
        for (size_t j = 0; st == ST_OK && j < m; j++) {
            if (!row_grow(out, &cap, *n, sizeof **out)) {
                st = status_set(ST_NOMEM, "%s", _("out of memory"));
                break;
            }
            struct case_due *d = &(*out)[(*n)++];
            d->case_id = lines[i].row.id;
            snprintf(d->code, sizeof d->code, "%s", lines[i].row.code);
            snprintf(d->child_shown, sizeof d->child_shown, "%s", lines[i].child_shown);
            d->kind = lines[i].row.kind;
            d->item = items[j];
        }
    }
    free(lines);
    holidays_free(&h);
    if (st != ST_OK) {
        free(*out);
        *out = NULL;
        *n = 0;
        return st;
    }
    if (*n)
        qsort(*out, *n, sizeof **out, due_cmp);
    return ST_OK;
}

/* Open cases this person sees: a collaborator's are the ones they recorded. */
static enum status scoped_open_count(struct db *db, long long *open)
{
    if (!auth_village_scope())
        return case_repo_count(db, true, open);
    struct case_filter f;
    case_filter_init(&f);
    f.open_only = true;
    f.created_by = auth_case_owner();
    struct case_row *rows = NULL;
    size_t n = 0;
    enum status st = case_repo_list(db, &f, &rows, &n);
    free(rows);
    *open = st == ST_OK ? (long long)n : 0;
    return st;
}

enum status cases_counts(struct db *db, struct datetime now, long *open_cases, long *overdue)
{
    struct case_due *due = NULL;
    size_t n = 0;
    long long open = 0;
    enum status st = scoped_open_count(db, &open);
    if (st == ST_OK)
        st = cases_due(db, now, &due, &n);
    *open_cases = st == ST_OK ? (long)open : -1;
    *overdue = 0;
    for (size_t i = 0; st == ST_OK && i < n; i++)
        if (due[i].item.urgency == CASE_OVERDUE)
            (*overdue)++;
    if (st != ST_OK)
        *overdue = -1;
    free(due);
    return st;
}

bool cases_child_sensitive(struct db *db, long long child_id, void *ctx)
{
    (void)ctx;
    bool sensitive = true;
    if (transfer_case_repo_child_sensitive(db, child_id, &sensitive) != ST_OK)
        status_clear();
    return sensitive;
}
