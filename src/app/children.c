/* children — saving, reading and listing the register. */
#include <config.h>
#include "treem/app/children.h"
#include "treem/app/tx.h"
#include "treem/app/catalog.h"
#include "treem/app/auth.h"
#include "treem/db/child_bulk.h"
#include "treem/db/child_repo.h"
#include "treem/db/village_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_SIMILAR 50

void child_matches_free(struct child_matches *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n; i++)
        child_free(&m->items[i].child);
    free(m->items);
    m->items = NULL;
    m->n = 0;
}

static const char uid_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; /* Crockford base32 */

/* n random characters of uid_alphabet into out. */
static void random_chars(char *out, size_t n)
{
    unsigned char bytes[16];
    if (n > sizeof bytes)
        n = sizeof bytes;
    if (sodium_init() >= 0) {
        randombytes_buf(bytes, n);
    } else { /* no randomness source (odd systems): clock and pid, still unique enough with the UNIQUE index */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        unsigned long long x = (unsigned long long)ts.tv_nsec ^ ((unsigned long long)ts.tv_sec << 20) ^
                               (unsigned long long)getpid() << 40;
        for (size_t i = 0; i < n; i++, x = x * 6364136223846793005ULL + 1442695040888963407ULL)
            bytes[i] = (unsigned char)(x >> 56);
    }
    for (size_t i = 0; i < n; i++)
        out[i] = uid_alphabet[bytes[i] & 31];
}

enum status children_new_uid(const char *commune_code, char out[CHILD_UID_BUF])
{
    char tail[11];
    random_chars(tail, 10);
    tail[10] = '\0';
    snprintf(out, CHILD_UID_BUF, "%.5s-%s", commune_code && *commune_code ? commune_code : "00000", tail);
    return ST_OK;
}

void children_uid_next(struct children_uids *g, const char *commune_code, char out[CHILD_UID_BUF])
{
    if (!g->prefix[0] || g->used >= 1024) {
        random_chars(g->prefix, 8);
        g->prefix[8] = '\0';
        g->used = 0;
    }
    snprintf(out, CHILD_UID_BUF, "%.5s-%s%c%c", commune_code && *commune_code ? commune_code : "00000",
             g->prefix, uid_alphabet[g->used >> 5], uid_alphabet[g->used & 31]);
    g->used++;
}

void children_group_code(const char *text, char *out, size_t n)
{
    char *nfc = utf8_nfc(text ? text : "");
    size_t j = 0;
    for (const char *p = nfc ? nfc : ""; *p && j + 1 < n; p++) {
        if (*p == ' ')
            continue;
        if (strncmp(p, "\xC4\x90", 2) == 0 && j + 2 < n) { /* Đ → đ */
            out[j++] = '\xC4';
            out[j++] = '\x91';
            p++;
            continue;
        }
        out[j++] = (*p >= 'A' && *p <= 'Z') ? (char)(*p - 'A' + 'a') : *p;
    }
    out[j] = '\0';
    free(nfc);
}

/* ------------------------------------------------------------- villages */

static void list_villages(struct db *db, struct strbuf *sb)
{
    char **names = NULL;
    size_t n = 0;
    /* Only the names for a message: a read error leaves the hint out. */
    village_repo_names(db, &names, &n);
    for (size_t i = 0; i < n; i++) {
        strbuf_printf(sb, "%s%s", sb->len ? ", " : "", names[i]);
        free(names[i]);
    }
    free(names);
}

enum status children_find_village(struct db *db, const char *text, long long *id)
{
    char *fold = utf8_fold(text ? text : "");
    if (!fold)
        return status_set(ST_INVALID, "%s", _("village: the text is not valid UTF-8"));
    int found = 0;
    bool exact = false;
    enum status rc = *fold ? village_repo_match(db, fold, id, &found, &exact) : ST_OK;
    free(fold);
    if (rc != ST_OK || exact || found == 1)
        return rc;
    struct strbuf names = STRBUF_INIT;
    list_villages(db, &names);
    rc = status_set(ST_INVALID, found ? _("village: '%s' fits more than one village (%s)")
                                      : _("village: no village called '%s' (villages: %s)"),
                    text ? text : "", names.len ? strbuf_str(&names) : _("none yet"));
    strbuf_free(&names);
    return rc;
}

/* ------------------------------------------------------------------ save */

/* Re-reads every text field through child_field_parse (NFC, trimming);
 * the village keeps its resolved id when it has one. */
static enum status tidy_texts(struct child *c, enum child_field *bad)
{
    for (int f = 0; f < CF__COUNT; f++) {
        enum child_field_kind k = child_fields[f].kind;
        if (k != CFK_TEXT && k != CFK_PHONE && k != CFK_PID && k != CFK_VILLAGE)
            continue;
        char **at = (char **)((char *)c + child_fields[f].offset);
        if (!*at)
            continue;
        char *copy = strdup(*at);
        long long village_id = c->village_id;
        enum status st = copy ? child_field_parse(c, f, copy) : status_set(ST_NOMEM, "%s", _("out of memory"));
        free(copy);
        if (k == CFK_VILLAGE)
            c->village_id = village_id;
        if (st != ST_OK) {
            if (bad)
                *bad = f;
            return st;
        }
    }
    return ST_OK;
}

static bool identity_changed(const struct child *a, const struct child *b)
{
    static const enum child_field fields[] = {CF_FULL_NAME, CF_BIRTH_DATE, CF_EST_AGE, CF_VILLAGE,
                                              CF_FATHER_NAME, CF_MOTHER_NAME, CF_CARER_NAME,
                                              CF_PERSONAL_ID};
    bool changed = a->village_id != b->village_id;
    for (size_t i = 0; !changed && i < sizeof fields / sizeof *fields; i++) {
        struct strbuf x = STRBUF_INIT, y = STRBUF_INIT;
        child_field_text(a, fields[i], CHILD_FMT_STORE, &x);
        child_field_text(b, fields[i], CHILD_FMT_STORE, &y);
        changed = strcmp(strbuf_str(&x), strbuf_str(&y)) != 0;
        strbuf_free(&x);
        strbuf_free(&y);
    }
    return changed;
}

static int match_cmp(const void *a, const void *b)
{
    const struct child_match *x = a, *y = b;
    return x->dup.score != y->dup.score ? y->dup.score - x->dup.score
                                        : (x->child.id > y->child.id) - (x->child.id < y->child.id);
}

/* Likely duplicates of c among the saved records, into *out. */
static enum status find_duplicates(struct db *db, const struct child *c, struct child_matches *out)
{
    struct child *similar;
    size_t n;
    enum status rc = child_repo_similar(db, c, MAX_SIMILAR, &similar, &n);
    out->items = rc == ST_OK && n ? calloc(n, sizeof *out->items) : NULL;
    out->n = 0;
    for (size_t i = 0; i < n; i++) {
        struct child_dup d = child_dup_score(c, &similar[i]);
        if (rc == ST_OK && out->items && d.likely) {
            out->items[out->n].child = similar[i];
            out->items[out->n++].dup = d;
        } else {
            child_free(&similar[i]);
        }
    }
    free(similar);
    if (out->n)
        qsort(out->items, out->n, sizeof *out->items, match_cmp);
    return rc;
}

static enum status prepare(struct db *db, struct child *c, const struct child *old,
                           enum child_field *bad)
{
    enum status rc = tidy_texts(c, bad);
    if (rc == ST_OK && c->village_id == 0 && c->village && *c->village &&
        (rc = children_find_village(db, c->village, &c->village_id)) != ST_OK && bad)
        *bad = CF_VILLAGE;
    if (rc == ST_OK && (rc = catalog_ethnicity(db, &c->ethnicity)) != ST_OK && bad)
        *bad = CF_ETHNICITY;
    if (rc != ST_OK)
        return rc;
    struct date today = date_today();
    child_normalize(c, today);
    if (old && !c->uid[0])
        memcpy(c->uid, old->uid, sizeof c->uid);
    return child_validate(c, old, today, bad);
}

static enum status write_record(struct db *db, struct child *c, const struct child *old,
                                const struct children_save_opts *opts)
{
    long long rev = c->rev;
    char updated_at[sizeof c->updated_at];
    memcpy(updated_at, c->updated_at, sizeof updated_at);
    enum status rc = db_begin(db);
    if (rc != ST_OK)
        return rc;
    rc = old ? child_repo_update(db, old, c) : child_repo_insert(db, c);
    for (size_t i = 0; rc == ST_OK && opts && i < opts->nperiods; i++) {
        struct child_period p = opts->periods[i];
        p.child_id = c->id;
        children_group_code(opts->periods[i].code, p.code, sizeof p.code);
        rc = child_facts_period_check(db, &p, date_today());
        if (rc == ST_OK)
            rc = child_facts_period_add(db, &p, c->uid);
    }
    if (rc == ST_OK)
        return db_commit(db);
    db_rollback(db);
    if (!old) { /* nothing was saved: the record is still new */
        c->id = 0;
        c->code[0] = '\0';
    }
    c->rev = rev;
    memcpy(c->updated_at, updated_at, sizeof updated_at);
    return rc;
}

static enum status new_uid(struct db *db, struct child *c)
{
    char *commune = NULL;
    if (db_setting_get(db, "commune_code", &commune) != ST_OK)
        return status_set(ST_NOTFOUND, "%s", _("this database has no commune yet"));
    enum status rc = children_new_uid(commune, c->uid);
    free(commune);
    return rc;
}

enum status children_save(struct db *db, struct child *c, const struct children_save_opts *opts,
                          struct child_matches *dups, enum child_field *bad)
{
    if (bad)
        *bad = CF_NONE;
    if (dups)
        *dups = (struct child_matches){NULL, 0};
    struct child old;
    child_init(&old);
    enum status rc = auth_require_writer(db);
    if (rc == ST_OK && c->id && (rc = child_repo_get(db, c->id, &old)) == ST_OK)
        rc = auth_check_village(db, old.village_id); /* a collaborator: their villages only */
    if (rc == ST_OK)
        rc = prepare(db, c, c->id ? &old : NULL, bad);
    if (rc == ST_OK && (rc = auth_check_village(db, c->village_id)) != ST_OK && bad)
        *bad = CF_VILLAGE;
    if (rc == ST_OK && !c->id && !c->uid[0])
        rc = new_uid(db, c);
    if (rc == ST_OK && !(opts && opts->force) && (!c->id || identity_changed(&old, c))) {
        struct child_matches found;
        rc = find_duplicates(db, c, &found);
        if (rc == ST_OK && found.n) {
            rc = status_set(ST_EXISTS, _("%zu saved record(s) may be the same child: %s %s"),
                            found.n, found.items[0].child.code, found.items[0].child.full_name);
            if (dups)
                *dups = found;
            else
                child_matches_free(&found);
        }
    }
    if (rc == ST_OK)
        rc = write_record(db, c, c->id ? &old : NULL, opts);
    child_free(&old);
    return rc;
}

/* ------------------------------------------------------- read and delete */

enum status children_delete(struct db *db, long long id)
{
    struct child c;
    enum status rc = children_get(db, id, &c); /* a collaborator: their villages only */
    if (rc != ST_OK)
        return rc;
    child_free(&c);
    if ((rc = auth_require_writer(db)) != ST_OK || (rc = db_begin(db)) != ST_OK)
        return rc;
    rc = child_repo_delete(db, id);
    return tx_end(db, rc);
}

enum status children_dependents(struct db *db, long long id, long long *facts, long long *cases)
{
    struct child c; /* only of a child this person may see */
    child_init(&c);
    enum status rc = children_get(db, id, &c);
    child_free(&c);
    return rc == ST_OK ? child_repo_dependents(db, id, facts, cases) : rc;
}

/* A child just read: refused (and freed) when the person may not see it. */
static enum status visible(struct db *db, enum status rc, struct child *out)
{
    if (rc == ST_OK && (rc = auth_check_village(db, out->village_id)) != ST_OK)
        child_free(out);
    return rc;
}

enum status children_get(struct db *db, long long id, struct child *out)
{
    return visible(db, child_repo_get(db, id, out), out);
}

enum status children_find(struct db *db, const char *code_or_uid, struct child *out)
{
    if (code_or_uid && strchr(code_or_uid, '-') && strlen(code_or_uid) > 12)
        return visible(db, child_repo_get_by_uid(db, code_or_uid, out), out);
    return visible(db, child_repo_get_by_code(db, code_or_uid ? code_or_uid : "", out), out);
}

/* q limited to the person's villages (collaborators). */
static struct child_query scoped(const struct child_query *q)
{
    struct child_query s = *q;
    s.only_user = auth_village_scope();
    return s;
}

enum status children_page(struct db *db, const struct child_query *q, size_t offset, size_t limit,
                          struct child_row *rows, size_t *n)
{
    struct child_query s = scoped(q);
    return child_search_page(db, &s, offset, limit, rows, n);
}

enum status children_each(struct db *db, const struct child_query *q, size_t offset,
                          long long limit, child_row_fn fn, void *ctx)
{
    struct child_query s = scoped(q);
    return child_search_each(db, &s, offset, limit, fn, ctx);
}

enum status children_count_upto(struct db *db, const struct child_query *q, long long cap,
                                long long *n)
{
    struct child_query s = scoped(q);
    return child_search_count_upto(db, &s, cap, n);
}

enum status children_count(struct db *db, const struct child_query *q, long long *n)
{
    struct child_query s = scoped(q);
    return child_search_count(db, &s, n);
}

/* --------------------------------------------- groups, measures, checks */

/* Runs fn for the saved child id inside one transaction. */
static enum status with_child(struct db *db, long long child_id,
                              enum status (*fn)(struct db *, const struct child *, void *), void *arg)
{
    struct child c;
    enum status rc = children_get(db, child_id, &c); /* a collaborator: their villages only */
    if (rc != ST_OK)
        return rc;
    if ((rc = auth_require_writer(db)) == ST_OK && (rc = db_begin(db)) == ST_OK)
        rc = tx_end(db, fn(db, &c, arg));
    child_free(&c);
    return rc;
}

static enum status check_day(const struct child *c, struct date d, const char *field)
{
    char buf[DATE_BUF];
    if (!d.y)
        return status_set(ST_INVALID, _("%s: give a date"), field);
    date_format(d, buf);
    if (date_cmp(d, date_today()) > 0)
        return status_set(ST_INVALID, _("%s: %s is in the future"), field, buf);
    if (c->birth_date.y && date_cmp(d, c->birth_date) < 0)
        return status_set(ST_INVALID, _("%s: %s is before the date of birth"), field, buf);
    return ST_OK;
}

static enum status do_add_period(struct db *db, const struct child *c, void *arg)
{
    struct child_period *p = arg;
    p->child_id = c->id;
    enum status rc = child_facts_period_check(db, p, date_today());
    return rc == ST_OK ? child_facts_period_add(db, p, c->uid) : rc;
}

enum status children_add_period(struct db *db, struct child_period *p)
{
    char code[CHILD_GROUP_CODE_BUF];
    children_group_code(p->code, code, sizeof code);
    memcpy(p->code, code, sizeof code);
    return with_child(db, p->child_id, do_add_period, p);
}

struct period_arg { long long id; struct date to; bool del; };

static enum status do_period(struct db *db, const struct child *c, void *arg)
{
    struct period_arg *a = arg;
    long long owner = 0;
    if (child_facts_period_owner(db, a->id, &owner) != ST_OK ||
        owner != c->id)
        return status_set(ST_NOTFOUND, _("%s has no group period number %lld"), c->code, a->id);
    if (a->del)
        return child_facts_period_delete(db, a->id, c->uid);
    return child_facts_period_end(db, a->id, a->to, c->uid);
}

enum status children_end_period(struct db *db, long long child_id, long long period_id, struct date to)
{
    struct period_arg a = {period_id, to, false};
    return with_child(db, child_id, do_period, &a);
}

enum status children_delete_period(struct db *db, long long child_id, long long period_id)
{
    struct period_arg a = {period_id, {0, 0, 0}, true};
    return with_child(db, child_id, do_period, &a);
}

static enum status do_add_measure(struct db *db, const struct child *c, void *arg)
{
    struct child_measure *m = arg;
    m->child_id = c->id;
    enum status rc = check_day(c, m->date, _("measurement date"));
    if (rc != ST_OK)
        return rc;
    if (m->weight_kg <= 0 && m->height_cm <= 0)
        return status_set(ST_INVALID, "%s", _("measurement: give a weight or a height"));
    if (m->weight_kg > 0 && (m->weight_kg < 0.5 || m->weight_kg > 150))
        return status_set(ST_INVALID, _("weight: %.2f kg is not between 0.5 and 150 kg"), m->weight_kg);
    if (m->height_cm > 0 && (m->height_cm < 30 || m->height_cm > 200))
        return status_set(ST_INVALID, _("height: %.1f cm is not between 30 and 200 cm"), m->height_cm);
    return child_facts_measure_add(db, m, c->uid);
}

enum status children_add_measure(struct db *db, struct child_measure *m)
{
    return with_child(db, m->child_id, do_add_measure, m);
}

static enum status do_delete_measure(struct db *db, const struct child *c, void *arg)
{
    long long id = *(long long *)arg, owner = 0;
    if (child_facts_measure_owner(db, id, &owner) != ST_OK ||
        owner != c->id)
        return status_set(ST_NOTFOUND, _("%s has no measurement number %lld"), c->code, id);
    return child_facts_measure_delete(db, id, c->uid);
}

enum status children_delete_measure(struct db *db, long long child_id, long long measure_id)
{
    return with_child(db, child_id, do_delete_measure, &measure_id);
}

struct check_arg { struct date day; bool del; };

static enum status do_check(struct db *db, const struct child *c, void *arg)
{
    struct check_arg *a = arg;
    if (a->del)
        return child_facts_check_delete(db, c->id, a->day, c->uid);
    enum status rc = check_day(c, a->day, _("health check"));
    return rc == ST_OK ? child_facts_check_add(db, c->id, a->day, c->uid) : rc;
}

enum status children_add_check(struct db *db, long long child_id, struct date day)
{
    struct check_arg a = {day, false};
    return with_child(db, child_id, do_check, &a);
}

enum status children_delete_check(struct db *db, long long child_id, struct date day)
{
    struct check_arg a = {day, true};
    return with_child(db, child_id, do_check, &a);
}

enum status children_periods(struct db *db, long long child_id, struct child_period **out, size_t *n)
{
    return child_facts_periods(db, child_id, out, n);
}

enum status children_measures(struct db *db, long long child_id, struct child_measure **out, size_t *n)
{
    return child_facts_measures(db, child_id, out, n);
}

enum status children_checks(struct db *db, long long child_id, struct date **out, size_t *n)
{
    return child_facts_checks(db, child_id, out, n);
}

enum status children_subgroups(struct db *db, struct child_subgroup **out, size_t *n)
{
    return child_facts_subgroups(db, out, n);
}

enum status children_ethnic_names(struct db *db, char ***out, size_t *n)
{
    return child_facts_ethnic_names(db, out, n);
}

enum status children_index_waiting(struct db *db, long long *n)
{
    return child_fts_waiting(db, n);
}

bool children_index_any_waiting(struct db *db)
{
    return child_fts_any_waiting(db);
}

enum status children_index_step(struct db *db, long long step, bool wait, long long *left)
{
    return child_fts_catch_up(db, step, wait, left);
}
