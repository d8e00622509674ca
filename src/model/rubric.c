/* rubric — the rule set as data: building, copying, bands, validation. */
#include <config.h>
#include "treem/model/rubric.h"
#include "treem/core/i18n.h"
#include "treem/core/mem.h"
#include "treem/model/rubric_text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EDGE_EPS 1e-9

static const struct {
    const char *code, *word, *label;
} kinds[] = {
#define X(id, code, word, label) {code, word, label},
    RUBRIC_KIND_LIST(X)
#undef X
};

const char *rubric_kind_code(enum rubric_kind k)
{
    return k < RUBRIC_KIND__COUNT ? kinds[k].code : "?";
}

const char *rubric_kind_word(enum rubric_kind k)
{
    return k < RUBRIC_KIND__COUNT ? kinds[k].word : "?";
}

const char *rubric_kind_label(enum rubric_kind k)
{
    return k < RUBRIC_KIND__COUNT ? _(kinds[k].label) : "?";
}

bool rubric_kind_parse(const char *s, enum rubric_kind *out)
{
    for (int k = 0; s && k < RUBRIC_KIND__COUNT; k++) {
        if (strcmp(s, kinds[k].code) == 0 || strcmp(s, kinds[k].word) == 0) {
            *out = (enum rubric_kind)k;
            return true;
        }
    }
    return false;
}

bool rubric_str_set(char **dst, const char *src)
{
    char *copy = NULL;
    if (src && *src && !(copy = strdup(src)))
        return false;
    free(*dst);
    *dst = copy;
    return true;
}

/* Grows *arr (of *n elements of size sz) by one zeroed element. */
static void *grow(void *arr_ptr, size_t *n, size_t sz)
{
    void **arr = arr_ptr;
    char *p = realloc(*arr, (*n + 1) * sz);
    if (!p) {
        status_set(ST_NOMEM, "%s", _("out of memory"));
        return NULL;
    }
    *arr = p;
    memset(p + *n * sz, 0, sz);
    return p + (*n)++ * sz;
}

/* Grows the array by one zeroed element whose string member at offset key
 * is set to a copy of text; NULL (status set) when memory runs out. */
static void *grow_keyed(void *arr_ptr, size_t *n, size_t sz, size_t key, const char *text)
{
    char *el = grow(arr_ptr, n, sz);
    if (el && !rubric_str_set((char **)(el + key), text)) {
        (*n)--;
        status_set(ST_NOMEM, "%s", _("out of memory"));
        return NULL;
    }
    return el;
}

struct rubric_criterion *rubric_criterion_add(struct rubric *r, int number, const char *name)
{
    if (rubric_find_criterion(r, number)) {
        status_set(ST_EXISTS, _("criterion %d is listed twice"), number);
        return NULL;
    }
    struct rubric_criterion *c = grow_keyed(&r->crit, &r->ncrit, sizeof *c,
                                            offsetof(struct rubric_criterion, name), name);
    if (c)
        c->number = number;
    return c;
}

struct rubric_indicator *rubric_indicator_add(struct rubric *r, int criterion, const char *code)
{
    if (!code || !*code) {
        status_set(ST_INVALID, _("indicator of criterion %d: the code is empty"), criterion);
        return NULL;
    }
    if (rubric_find_indicator(r, code)) {
        status_set(ST_EXISTS, _("indicator %s is listed twice"), code);
        return NULL;
    }
    struct rubric_indicator *ind = grow_keyed(&r->ind, &r->nind, sizeof *ind,
                                              offsetof(struct rubric_indicator, code), code);
    if (ind)
        ind->criterion = criterion;
    return ind;
}

struct rubric_band *rubric_band_add(struct rubric_indicator *ind)
{
    struct rubric_band *b = grow(&ind->bands, &ind->nbands, sizeof *b);
    if (b)
        b->lo_incl = b->hi_incl = true;
    return b;
}

struct rubric_threshold *rubric_threshold_add(struct rubric *r, const char *class_code)
{
    if (!class_code || !*class_code) {
        status_set(ST_INVALID, "%s", _("recognition class: the code is empty"));
        return NULL;
    }
    if (rubric_find_threshold(r, class_code)) {
        status_set(ST_EXISTS, _("recognition class %s is listed twice"), class_code);
        return NULL;
    }
    return grow_keyed(&r->thr, &r->nthr, sizeof(struct rubric_threshold),
                      offsetof(struct rubric_threshold, class_code), class_code);
}

struct rubric_criterion *rubric_find_criterion(const struct rubric *r, int number)
{
    for (size_t i = 0; i < r->ncrit; i++)
        if (r->crit[i].number == number)
            return &r->crit[i];
    return NULL;
}

long rubric_indicator_index(const struct rubric *r, const char *code)
{
    for (size_t i = 0; code && i < r->nind; i++)
        if (strcmp(r->ind[i].code, code) == 0)
            return (long)i;
    return -1;
}

struct rubric_indicator *rubric_find_indicator(const struct rubric *r, const char *code)
{
    long i = rubric_indicator_index(r, code);
    return i < 0 ? NULL : &r->ind[i];
}

struct rubric_threshold *rubric_find_threshold(const struct rubric *r, const char *class_code)
{
    for (size_t i = 0; class_code && i < r->nthr; i++)
        if (strcmp(r->thr[i].class_code, class_code) == 0)
            return &r->thr[i];
    return NULL;
}

static const size_t crit_off[] = {offsetof(struct rubric_criterion, name),
                                  offsetof(struct rubric_criterion, source)};
static const size_t ind_off[] = {
    offsetof(struct rubric_indicator, code), offsetof(struct rubric_indicator, text),
    offsetof(struct rubric_indicator, unit), offsetof(struct rubric_indicator, measure),
    offsetof(struct rubric_indicator, department), offsetof(struct rubric_indicator, source)};
static const size_t band_off[] = {offsetof(struct rubric_band, source)};
static const size_t thr_off[] = {offsetof(struct rubric_threshold, class_code),
    offsetof(struct rubric_threshold, label), offsetof(struct rubric_threshold, source)};
static const struct mem_strings crit_strings = MEM_STRINGS(struct rubric_criterion, crit_off),
    ind_strings = MEM_STRINGS(struct rubric_indicator, ind_off),
    band_strings = MEM_STRINGS(struct rubric_band, band_off),
    thr_strings = MEM_STRINGS(struct rubric_threshold, thr_off);

void rubric_free(struct rubric *r)
{
    free(r->name);
    free(r->source);
    mem_strings_list_free(&crit_strings, r->crit, r->ncrit);
    for (size_t i = 0; i < r->nind; i++) {
        mem_strings_list_free(&band_strings, r->ind[i].bands, r->ind[i].nbands);
        mem_strings_clear(&ind_strings, &r->ind[i]);
    }
    free(r->ind);
    mem_strings_list_free(&thr_strings, r->thr, r->nthr);
    *r = (struct rubric)RUBRIC_INIT;
}

/* strdup that keeps NULL; sets *ok false when memory runs out. */
static char *dup_or_null(const char *s, bool *ok)
{
    if (!s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        *ok = false;
    return d;
}

static bool copy_indicator(struct rubric_indicator *d, const struct rubric_indicator *s)
{
    bool ok = true;
    *d = *s;
    d->code = dup_or_null(s->code, &ok);
    d->text = dup_or_null(s->text, &ok);
    d->unit = dup_or_null(s->unit, &ok);
    d->measure = dup_or_null(s->measure, &ok);
    d->department = dup_or_null(s->department, &ok);
    d->source = dup_or_null(s->source, &ok);
    d->bands = NULL;
    d->nbands = 0;
    if (s->nbands && !(d->bands = calloc(s->nbands, sizeof *d->bands)))
        return false;
    d->nbands = s->nbands;
    for (size_t j = 0; j < s->nbands; j++) {
        d->bands[j] = s->bands[j];
        d->bands[j].source = dup_or_null(s->bands[j].source, &ok);
    }
    return ok;
}

enum status rubric_copy(struct rubric *dst, const struct rubric *src)
{
    bool ok = true;
    *dst = *src;
    dst->name = dup_or_null(src->name, &ok);
    dst->source = dup_or_null(src->source, &ok);
    dst->crit = calloc(src->ncrit + 1, sizeof *dst->crit);
    dst->ind = calloc(src->nind + 1, sizeof *dst->ind);
    dst->thr = calloc(src->nthr + 1, sizeof *dst->thr);
    dst->ncrit = dst->nind = dst->nthr = 0;
    if (!dst->crit || !dst->ind || !dst->thr)
        ok = false;
    for (size_t i = 0; ok && i < src->ncrit; i++, dst->ncrit++) {
        dst->crit[i] = src->crit[i];
        dst->crit[i].name = dup_or_null(src->crit[i].name, &ok);
        dst->crit[i].source = dup_or_null(src->crit[i].source, &ok);
    }
    for (size_t i = 0; ok && i < src->nind; i++, dst->nind++)
        ok = copy_indicator(&dst->ind[i], &src->ind[i]);
    for (size_t i = 0; ok && i < src->nthr; i++, dst->nthr++) {
        dst->thr[i] = src->thr[i];
        dst->thr[i].class_code = dup_or_null(src->thr[i].class_code, &ok);
        dst->thr[i].label = dup_or_null(src->thr[i].label, &ok);
        dst->thr[i].source = dup_or_null(src->thr[i].source, &ok);
    }
    if (!ok) {
        rubric_free(dst);
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    }
    return ST_OK;
}

bool rubric_band_contains(const struct rubric_band *b, double v)
{
    if (b->has_lo && (b->lo_incl ? v < b->lo - EDGE_EPS : v <= b->lo + EDGE_EPS))
        return false;
    if (b->has_hi && (b->hi_incl ? v > b->hi + EDGE_EPS : v >= b->hi - EDGE_EPS))
        return false;
    return true;
}

const struct rubric_band *rubric_band_find(const struct rubric_indicator *ind, double v)
{
    for (size_t i = 0; i < ind->nbands; i++)
        if (rubric_band_contains(&ind->bands[i], v))
            return &ind->bands[i];
    return NULL;
}

/* Does a's upper end lie strictly below b's lower end (no shared value)? */
static bool ends_before(const struct rubric_band *a, const struct rubric_band *b)
{
    if (!a->has_hi || !b->has_lo)
        return false;
    if (a->hi < b->lo - EDGE_EPS)
        return true;
    if (fabs(a->hi - b->lo) <= EDGE_EPS)
        return !(a->hi_incl && b->lo_incl);
    return false;
}

bool rubric_bands_overlap(const struct rubric_band *a, const struct rubric_band *b)
{
    return !ends_before(a, b) && !ends_before(b, a);
}

static bool same_bound(bool has_a, double a, bool incl_a, bool has_b, double b, bool incl_b)
{
    if (has_a != has_b)
        return false;
    return !has_a || (fabs(a - b) <= EDGE_EPS && incl_a == incl_b);
}

bool rubric_bands_same_interval(const struct rubric_band *a, const struct rubric_band *b)
{
    return same_bound(a->has_lo, a->lo, a->lo_incl, b->has_lo, b->lo, b->lo_incl) &&
           same_bound(a->has_hi, a->hi, a->hi_incl, b->has_hi, b->hi, b->hi_incl);
}

enum status rubric_band_check(const struct rubric_indicator *ind, const struct rubric_band *b)
{
    char iv[64];
    rubric_text_interval(b, iv, sizeof iv);
    if (!isfinite(b->points) || b->points < 0)
        return status_set(ST_INVALID, _("indicator %s, band %s: points must be 0 or more"),
                          ind->code, iv);
    if ((b->has_lo && !isfinite(b->lo)) || (b->has_hi && !isfinite(b->hi)))
        return status_set(ST_INVALID, _("indicator %s, band %s: a bound is not a number"),
                          ind->code, iv);
    if (b->has_lo && b->has_hi &&
        (b->lo > b->hi || (b->lo == b->hi && !(b->lo_incl && b->hi_incl))))
        return status_set(ST_INVALID, _("indicator %s, band %s: the lower bound is above the upper"),
                          ind->code, iv);
    if (ind->kind == RUBRIC_YES_NO &&
        ((b->has_lo && (b->lo < 0 || b->lo > 1)) || (b->has_hi && (b->hi < 0 || b->hi > 1))))
        return status_set(ST_INVALID, _("indicator %s, band %s: a yes/no value is 1 (yes) or 0 (no)"),
                          ind->code, iv);
    return ST_OK;
}

/* Lowest band first (no lower bound before any), as the database lists them. */
static int band_order(const void *pa, const void *pb)
{
    const struct rubric_band *a = pa, *b = pb;
    if (a->has_lo != b->has_lo)
        return a->has_lo ? 1 : -1;
    if (a->has_lo && a->lo != b->lo)
        return a->lo < b->lo ? -1 : 1;
    if (a->has_lo && a->lo_incl != b->lo_incl)
        return a->lo_incl ? -1 : 1;
    return 0;
}

enum status rubric_band_put(struct rubric_indicator *ind, const struct rubric_band *b)
{
    enum status st = rubric_band_check(ind, b);
    if (st != ST_OK)
        return st;
    struct rubric_band *same = NULL;
    for (size_t i = 0; i < ind->nbands; i++) {
        if (rubric_bands_same_interval(&ind->bands[i], b)) {
            same = &ind->bands[i];
        } else if (rubric_bands_overlap(&ind->bands[i], b)) {
            char a[64], c[64];
            rubric_text_interval(b, a, sizeof a);
            rubric_text_interval(&ind->bands[i], c, sizeof c);
            return status_set(ST_INVALID, _("indicator %s: band %s overlaps band %s"),
                              ind->code, a, c);
        }
    }
    if (!same && !(same = rubric_band_add(ind)))
        return ST_NOMEM;
    char *src = same->source;
    *same = *b;
    same->source = src;
    if (!rubric_str_set(&same->source, b->source))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    qsort(ind->bands, ind->nbands, sizeof *ind->bands, band_order);
    return ST_OK;
}

enum status rubric_band_remove(struct rubric_indicator *ind, const struct rubric_band *b)
{
    for (size_t i = 0; i < ind->nbands; i++) {
        if (!rubric_bands_same_interval(&ind->bands[i], b))
            continue;
        free(ind->bands[i].source);
        memmove(&ind->bands[i], &ind->bands[i + 1], (ind->nbands - i - 1) * sizeof *ind->bands);
        ind->nbands--;
        return ST_OK;
    }
    char iv[64];
    rubric_text_interval(b, iv, sizeof iv);
    return status_set(ST_NOTFOUND, _("indicator %s has no band %s"), ind->code, iv);
}

static enum status indicator_validate(const struct rubric *r, const struct rubric_indicator *ind)
{
    if (!rubric_find_criterion(r, ind->criterion))
        return status_set(ST_INVALID, _("indicator %s: criterion %d is not listed"),
                          ind->code, ind->criterion);
    if (ind->kind >= RUBRIC_KIND__COUNT)
        return status_set(ST_INVALID, _("indicator %s: unknown way of measuring"), ind->code);
    for (size_t j = 0; j < ind->nbands; j++) {
        enum status st = rubric_band_check(ind, &ind->bands[j]);
        if (st != ST_OK)
            return st;
        for (size_t k = j + 1; k < ind->nbands; k++) {
            if (!rubric_bands_overlap(&ind->bands[j], &ind->bands[k]))
                continue;
            char a[64], b[64];
            rubric_text_interval(&ind->bands[j], a, sizeof a);
            rubric_text_interval(&ind->bands[k], b, sizeof b);
            return status_set(ST_INVALID, _("indicator %s: band %s overlaps band %s"),
                              ind->code, a, b);
        }
    }
    return ST_OK;
}

enum status rubric_validate(const struct rubric *r)
{
    if (!r->name || !*r->name)
        return status_set(ST_INVALID, "%s", _("the rule set has no name"));
    for (size_t i = 0; i < r->ncrit; i++) {
        const struct rubric_criterion *c = &r->crit[i];
        if (c->number < 1)
            return status_set(ST_INVALID, _("criterion number %d: must be 1 or more"), c->number);
        if (!c->name || !*c->name)
            return status_set(ST_INVALID, _("criterion %d has no name"), c->number);
        if (c->max_known && (!isfinite(c->max_points) || c->max_points < 0))
            return status_set(ST_INVALID, _("criterion %d: the maximum must be 0 or more"), c->number);
    }
    for (size_t i = 0; i < r->nind; i++) {
        enum status st = indicator_validate(r, &r->ind[i]);
        if (st != ST_OK)
            return st;
    }
    for (size_t i = 0; i < r->nthr; i++)
        if (!isfinite(r->thr[i].min_total) || r->thr[i].min_total < 0)
            return status_set(ST_INVALID, _("recognition class %s: the minimum total must be 0 or more"),
                              r->thr[i].class_code);
    return ST_OK;
}
