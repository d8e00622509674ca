/* score — measure providers, the yearly sheet, typed values. */
#include <config.h>
#include "treem/app/auth.h"
#include "treem/app/score.h"
#include "treem/app/tx.h"
#include "treem/app/commune.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"
#include "treem/db/rubric_repo.h"
#include "treem/model/rubric_text.h"
#include "treem/db/department_repo.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------- providers --- */

#define MAX_PROVIDERS 8
static score_measure_fn providers[MAX_PROVIDERS];
static size_t nproviders;

void score_set_measure_provider(score_measure_fn fn)
{
    nproviders = 0;
    if (fn)
        providers[nproviders++] = fn;
}

bool score_add_measure_provider(score_measure_fn fn)
{
    for (size_t i = 0; fn && i < nproviders; i++)
        if (providers[i] == fn)
            return true; /* already there: adding is idempotent */
    if (!fn || nproviders == MAX_PROVIDERS)
        return false;
    providers[nproviders++] = fn;
    return true;
}

enum status score_compute(struct db *db, enum measure m, int year, struct score_measured *out)
{
    if (auth_require_commune_wide(_("the criteria score sheet")) != ST_OK)
        return ST_DENIED;
    for (size_t i = 0; i < nproviders; i++) {
        memset(out, 0, sizeof *out);
        enum status st = providers[i](db, m, year, out);
        if (st == ST_OK && isfinite(out->value))
            return ST_OK;
        if (st != ST_OK && st != ST_NOTFOUND)
            return st;
    }
    return status_set(ST_NOTFOUND, "%s", _("not computable yet — type the value"));
}

/* -------------------------------------------------------------- sheet --- */

static enum status current_commune(struct db *db, char code[8])
{
    struct commune cm;
    enum status st = commune_current(db, &cm);
    if (st == ST_NOTFOUND)
        return status_set(ST_NOTFOUND, "%s",
                          _("the database has no commune yet: run 'treem init --commune CODE'"));
    if (st != ST_OK)
        return st;
    snprintf(code, 8, "%s", cm.code);
    commune_free(&cm);
    return ST_OK;
}

static const struct assessment_value *stored_value(const struct score_sheet *s, long long ind_id)
{
    for (size_t i = 0; i < s->nvalues; i++)
        if (s->values[i].indicator_id == ind_id)
            return &s->values[i];
    return NULL;
}

/* Fills line i: typed > computed now > computed earlier > none. */
static void fill_line(struct db *db, struct score_sheet *s, size_t i)
{
    const struct rubric_indicator *ind = &s->rubric.ind[i];
    struct score_line *l = &s->line[i];
    const struct assessment_value *v = stored_value(s, ind->id);
    enum measure m = measure_from_code(ind->measure);
    l->measurable = m != MEASURE_NONE;
    struct score_measured got;
    if (l->measurable && score_compute(db, m, s->year, &got) == ST_OK) {
        l->computed_ok = true;
        l->computed = got.value;
        snprintf(l->basis, sizeof l->basis, "%s", got.basis);
    }
    l->evidence = v && v->evidence ? v->evidence : "";
    l->department = v && v->department ? v->department : ind->department;
    l->updated = v ? v->updated : "";
    l->updated_by = v && v->updated_by ? v->updated_by : "";
    if (v && v->has_value && v->origin == ASSESSMENT_TYPED) {
        l->origin = SCORE_TYPED;
        l->value = v->value;
    } else if (l->computed_ok) {
        l->origin = SCORE_COMPUTED;
        l->value = l->computed;
    } else if (v && v->has_value) {
        l->origin = SCORE_STORED;
        l->value = v->value;
    }
    l->has_value = l->origin != SCORE_NONE;
    s->input[i].has_value = l->has_value;
    s->input[i].value = l->value;
}

static enum status sheet_class(struct db *db, struct score_sheet *s, const char *class_code)
{
    char *setting = NULL;
    const char *use = class_code && *class_code ? class_code
                    : s->stored && s->assessment.class_code ? s->assessment.class_code : NULL;
    if (!use && db_setting_get(db, "unit_class", &setting) == ST_OK)
        use = setting;
    bool ok = rubric_str_set(&s->class_code, use);
    free(setting);
    return ok ? ST_OK : status_set(ST_NOMEM, "%s", _("out of memory"));
}

static enum status sheet_fill(struct db *db, struct score_sheet *s, const char *class_code)
{
    long long set_id;
    enum status st = s->stored ? ST_OK : rubric_repo_active(db, &set_id);
    if (st == ST_OK)
        st = rubric_repo_load(db, s->stored ? s->assessment.rule_set_id : set_id, &s->rubric);
    if (st == ST_OK && s->stored)
        st = assessment_repo_values(db, s->assessment.id, &s->values, &s->nvalues);
    if (st == ST_OK)
        st = sheet_class(db, s, class_code);
    if (st != ST_OK)
        return st;
    s->input = calloc(s->rubric.nind + 1, sizeof *s->input);
    s->line = calloc(s->rubric.nind + 1, sizeof *s->line);
    if (!s->input || !s->line)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    for (size_t i = 0; i < s->rubric.nind; i++)
        fill_line(db, s, i);
    return rubric_score(&s->rubric, s->input, s->class_code, &s->score);
}

enum status score_sheet_build(struct db *db, int year, const char *class_code,
                              struct score_sheet *out)
{
    memset(out, 0, sizeof *out);
    out->rubric = (struct rubric)RUBRIC_INIT;
    out->year = year;
    if (auth_require_commune_wide(_("the criteria score sheet")) != ST_OK)
        return ST_DENIED;
    if (year < 2000 || year > 2100)
        return status_set(ST_INVALID, _("year: %d is not between 2000 and 2100"), year);
    enum status st = current_commune(db, out->commune_code);
    if (st == ST_OK) {
        st = assessment_repo_find(db, out->commune_code, year, &out->assessment);
        out->stored = st == ST_OK;
        if (st == ST_NOTFOUND)
            st = ST_OK;
    }
    if (st == ST_OK)
        st = sheet_fill(db, out, class_code);
    if (st != ST_OK)
        score_sheet_free(out);
    return st;
}

void score_sheet_free(struct score_sheet *s)
{
    assessment_free(&s->assessment);
    free(s->class_code);
    rubric_free(&s->rubric);
    free(s->input);
    free(s->line);
    assessment_repo_values_free(s->values, s->nvalues);
    rubric_score_free(&s->score);
    memset(s, 0, sizeof *s);
    s->rubric = (struct rubric)RUBRIC_INIT;
}

/* -------------------------------------------------------------- values --- */

const char *score_origin_label(enum score_origin o)
{
    static const char *const labels[] = {N_("no value"), N_("typed"), N_("computed"),
                                         N_("computed earlier")};
    return (size_t)o < sizeof labels / sizeof *labels ? _(labels[o]) : "?";
}

void score_value_text(const struct rubric_indicator *ind, bool has, double v, char *buf, size_t n)
{
    char num[RUBRIC_TEXT_NUM_BUF];
    if (!has)
        snprintf(buf, n, "%s", "");
    else if (ind->kind == RUBRIC_YES_NO)
        snprintf(buf, n, "%s", v >= 0.5 ? _("yes") : _("no"));
    else {
        rubric_text_num(v, num);
        snprintf(buf, n, "%s%s%s", num, ind->unit ? " " : "", ind->unit ? ind->unit : "");
    }
}

void score_value_show(const struct rubric_indicator *ind, bool has, double v, char *buf, size_t n)
{
    char num[RUBRIC_TEXT_NUM_BUF];
    if (!has || ind->kind == RUBRIC_YES_NO) {
        score_value_text(ind, has, v, buf, n);
        return;
    }
    rubric_text_num_show(v, num);
    snprintf(buf, n, "%s%s%s", num, ind->unit ? " " : "", ind->unit ? ind->unit : "");
}

static bool word_is(const char *s, const char *const *words)
{
    for (; *words; words++)
        if (strcmp(s, *words) == 0)
            return true;
    return false;
}

static enum status parse_yes_no(const struct rubric_indicator *ind, const char *text, double *out)
{
    static const char *const yes[] = {"co", "yes", "1", "x", "dat", NULL};
    static const char *const no[] = {"khong", "no", "0", "chua", NULL};
    char *f = utf8_fold(text);
    enum status st = ST_OK;
    if (f && word_is(f, yes))
        *out = 1;
    else if (f && word_is(f, no))
        *out = 0;
    else
        st = status_set(ST_INVALID, _("indicator %s: '%s' is not có or không"), ind->code, text);
    free(f);
    return st;
}

enum status score_parse_value(const struct rubric_indicator *ind, const char *text, double *out)
{
    if (ind->kind == RUBRIC_YES_NO)
        return parse_yes_no(ind, text, out);
    double v;
    if (!rubric_text_parse_number(text, &v))
        return status_set(ST_INVALID, _("indicator %s: '%s' is not a number"), ind->code, text);
    if (v < 0)
        return status_set(ST_INVALID, _("indicator %s: the value cannot be negative"), ind->code);
    if (ind->kind == RUBRIC_RATE && ind->unit && strcmp(ind->unit, "%") == 0 && v > 100)
        return status_set(ST_INVALID, _("indicator %s: a percentage cannot exceed 100"), ind->code);
    if (ind->kind == RUBRIC_COUNT && v != floor(v))
        return status_set(ST_INVALID, _("indicator %s: a count is a whole number"), ind->code);
    *out = v;
    return ST_OK;
}

/* The year's assessment, created (active rule set, no class) when missing;
 * its rule set loaded into *r. Inside the caller's transaction. */
static enum status year_open(struct db *db, int year, struct assessment *a, struct rubric *r)
{
    char commune[8];
    long long set_id;
    *r = (struct rubric)RUBRIC_INIT;
    memset(a, 0, sizeof *a);
    if (year < 2000 || year > 2100)
        return status_set(ST_INVALID, _("year: %d is not between 2000 and 2100"), year);
    enum status st = current_commune(db, commune);
    if (st == ST_OK)
        st = assessment_repo_find(db, commune, year, a);
    if (st == ST_NOTFOUND) {
        st = rubric_repo_active(db, &set_id);
        if (st == ST_OK)
            st = assessment_repo_create(db, commune, year, set_id, NULL, a);
    }
    if (st == ST_OK)
        st = rubric_repo_load(db, a->rule_set_id, r);
    return st;
}

typedef enum status (*year_fn)(struct db *db, struct assessment *a, const struct rubric *r, void *ctx);

/* One transaction around fn on the year's assessment. */
static enum status in_year(struct db *db, int year, year_fn fn, void *ctx)
{
    struct assessment a;
    struct rubric r;
    enum status st = db_begin(db);
    if (st != ST_OK)
        return st;
    st = year_open(db, year, &a, &r);
    if (st == ST_OK)
        st = fn(db, &a, &r, ctx);
    st = tx_end(db, st);
    assessment_free(&a);
    rubric_free(&r);
    return st;
}

/* The stored value of ind_id (copied into *out, strings borrowed from vals). */
static bool find_value(struct assessment_value *vals, size_t n, long long ind_id,
                       struct assessment_value *out)
{
    for (size_t i = 0; i < n; i++) {
        if (vals[i].indicator_id == ind_id) {
            *out = vals[i];
            return true;
        }
    }
    memset(out, 0, sizeof *out);
    out->indicator_id = ind_id;
    return false;
}

struct set_args {
    const char *code, *text, *evidence, *department;
};

static enum status indicator_in(const struct rubric *r, const char *code,
                                const struct rubric_indicator **out)
{
    *out = rubric_find_indicator(r, code);
    return *out ? ST_OK
                : status_set(ST_NOTFOUND, _("indicator: '%s' is not in the rule set %s"),
                             code ? code : "", r->name);
}

static enum status do_set(struct db *db, struct assessment *a, const struct rubric *r, void *ctx)
{
    const struct set_args *args = ctx;
    const struct rubric_indicator *ind;
    struct assessment_value *vals = NULL, v;
    size_t n = 0;
    enum status st = indicator_in(r, args->code, &ind);
    if (st == ST_OK)
        st = assessment_repo_values(db, a->id, &vals, &n);
    if (st != ST_OK)
        return st;
    bool found = find_value(vals, n, ind->id, &v);
    if (args->text) {
        v.origin = ASSESSMENT_TYPED;
        v.has_value = *args->text != '\0';
        if (v.has_value)
            st = score_parse_value(ind, args->text, &v.value);
    } else if (!found) {
        v.origin = ASSESSMENT_TYPED;
    }
    char *evidence = args->evidence ? utf8_nfc(args->evidence) : NULL;
    if (args->evidence && !evidence)
        st = status_set(ST_INVALID, "%s", _("evidence: the text is not valid UTF-8"));
    if (evidence)
        v.evidence = evidence;
    bool known = false;
    if (st == ST_OK && args->department && *args->department &&
        (department_repo_code_known(db, args->department, &known) != ST_OK || !known))
        st = status_set(ST_INVALID, _("department: '%s' is not in the list of departments"),
                        args->department);
    if (args->department)
        v.department = *args->department ? (char *)args->department : NULL;
    if (st == ST_OK)
        st = assessment_repo_put_value(db, a, ind->code, &v);
    free(evidence);
    assessment_repo_values_free(vals, n);
    return st;
}

enum status score_set_value(struct db *db, int year, const char *code, const char *text,
                            const char *evidence, const char *department)
{
    struct set_args args = {code, text, evidence, department};
    return in_year(db, year, do_set, &args);
}

static enum status do_clear(struct db *db, struct assessment *a, const struct rubric *r, void *ctx)
{
    const struct rubric_indicator *ind;
    enum status st = indicator_in(r, ctx, &ind);
    return st == ST_OK ? assessment_repo_delete_value(db, a, ind->id, ind->code) : st;
}

enum status score_clear_value(struct db *db, int year, const char *code)
{
    return in_year(db, year, do_clear, (void *)code);
}

static enum status do_class(struct db *db, struct assessment *a, const struct rubric *r, void *ctx)
{
    const char *code = ctx;
    if (code && !rubric_find_threshold(r, code))
        return status_set(ST_INVALID, _("class: the rule set %s has no recognition class '%s'"),
                          r->name, code);
    return assessment_repo_set_class(db, a, code);
}

enum status score_set_class(struct db *db, int year, const char *class_code)
{
    return in_year(db, year, do_class, (void *)class_code);
}

static enum status do_store(struct db *db, struct assessment *a, const struct rubric *r, void *ctx)
{
    size_t *stored = ctx, n = 0;
    struct assessment_value *vals = NULL, v;
    enum status st = assessment_repo_values(db, a->id, &vals, &n);
    for (size_t i = 0; st == ST_OK && i < r->nind; i++) {
        const struct rubric_indicator *ind = &r->ind[i];
        enum measure m = measure_from_code(ind->measure);
        struct score_measured got;
        bool found = find_value(vals, n, ind->id, &v);
        if (m == MEASURE_NONE ||
            (found && v.origin == ASSESSMENT_TYPED && v.has_value) ||
            score_compute(db, m, a->year, &got) != ST_OK)
            continue;
        v.origin = ASSESSMENT_COMPUTED;
        v.has_value = true;
        v.value = got.value;
        if (!v.evidence || !*v.evidence)
            v.evidence = got.basis;
        st = assessment_repo_put_value(db, a, ind->code, &v);
        (*stored)++;
    }
    assessment_repo_values_free(vals, n);
    return st;
}

enum status score_store_computed(struct db *db, int year, size_t *n)
{
    size_t stored = 0;
    if (n)
        *n = 0;
    if (auth_require_commune_wide(_("the criteria score sheet")) != ST_OK)
        return ST_DENIED;
    enum status st = in_year(db, year, do_store, &stored);
    if (n)
        *n = st == ST_OK ? stored : 0;
    return st;
}

enum status score_compare_previous(struct db *db, const struct score_sheet *cur,
                                   struct rubric_change **out, size_t *n, bool *have_prev)
{
    struct score_sheet prev;
    /* a previous year that cannot be built (none stored, before 2000) is
     * simply not there to compare with */
    bool have = score_sheet_build(db, cur->year - 1, cur->class_code, &prev) == ST_OK && prev.stored;
    enum status st = rubric_compare(have ? &prev.score : NULL, &cur->score, out, n);
    score_sheet_free(&prev);
    if (have_prev)
        *have_prev = have;
    return st;
}
