/* transfer_assessments — the yearly self-assessment values (QĐ 06/QĐ-TTg)
 * as a CSV kind, so the level above can merge the assessments of many
 * communes. A value is known by its year, commune code and indicator code;
 * the year's assessment is created (scored by the active rule set) when the
 * database has none, and the indicator must be in that rule set. A value
 * that differs from the saved one is a conflict unless --prefer-newer (then
 * the newer updated_at wins). */
#include <config.h>
#include "treem/app/transfer_kind.h"
#include "treem/app/score.h"
#include "treem/db/assessment_repo.h"
#include "treem/db/rubric_repo.h"
#include "treem/db/transfer_case_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/core/utf8.h"
#include "treem/db/department_repo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { COL_YEAR, COL_COMMUNE, COL_INDICATOR, COL_VALUE, COL_ORIGIN, COL_EVIDENCE, COL_DEPT, COL_UPDATED,
       NCOLS };

static const struct csv_column columns[NCOLS] = {
    {"year", "Năm", "nam danh gia", true, N_("year assessed, 2000-2100")},
    {"commune_code", "Mã xã", "ma xa|xa", true, N_("code of the commune assessed (5 digits)")},
    {"indicator_code", "Chỉ tiêu", "ma chi tieu|chi so", true, N_("code of the indicator in the rule set, e.g. 6.1")},
    {"value", "Giá trị", "ket qua|gia tri", false,
     N_("rate (%), count, or 1/0 for yes/no; decimal point or comma; empty: not known yet")},
    {"origin", "Nguồn", "nguon|cach co", true, N_("typed (by the officer) or computed (from the register)")},
    {"evidence", "Minh chứng", "minh chung", false, N_("the document or data behind the value")},
    {"department", "Ban ngành", "don vi", false, N_("code of the department that supplied it; empty: the indicator's")},
    {"updated_at", "Cập nhật lúc", "cap nhat", false, N_("last change, dd/mm/yyyy hh:mm")},
};

static const struct csv_kind csv_assessments = {"assessments", N_("assessment values"), columns, NCOLS};

static enum status export_one(const struct transfer_value_row *r, void *ctx)
{
    char year[16], value[32] = "", updated[20];
    snprintf(year, sizeof year, "%d", r->year);
    if (r->has_value)
        snprintf(value, sizeof value, "%.10g", r->value);
    transfer_show_stamp(r->updated, updated);
    const char *cells[NCOLS] = {year, r->commune, r->indicator, value, r->origin, r->evidence, r->department,
                                updated};
    return transfer_emit(ctx, cells);
}

static enum status export_all(struct transfer_export *x)
{
    return transfer_case_repo_values_each(x->db, x->opts->from.y, x->opts->to.y, export_one, x);
}

/* The assessment last used and its rule set (rows come by commune, year). */
struct cache {
    bool open;
    struct assessment a;
    struct rubric r;
};

static void cache_close(struct cache *c)
{
    if (c->open) {
        assessment_free(&c->a);
        rubric_free(&c->r);
    }
    c->open = false;
}

static void done(struct transfer_import *im)
{
    if (im->kind_data)
        cache_close(im->kind_data);
    free(im->kind_data);
    im->kind_data = NULL;
}

/* The assessment of commune for year (created when missing) into the cache. */
static enum status open_year(struct transfer_import *im, const char *commune, int year, struct cache **out)
{
    struct cache *c = im->kind_data;
    if (!c && !(c = im->kind_data = calloc(1, sizeof *c)))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    *out = c;
    if (c->open && c->a.year == year && strcmp(c->a.commune_code, commune) == 0)
        return ST_OK;
    cache_close(c);
    long long set_id;
    enum status rc = assessment_repo_find(im->db, commune, year, &c->a);
    if (rc == ST_NOTFOUND) {
        status_clear();
        rc = rubric_repo_active(im->db, &set_id);
        if (rc == ST_OK)
            rc = assessment_repo_create(im->db, commune, year, set_id, NULL, &c->a);
    }
    c->r = (struct rubric)RUBRIC_INIT;
    if (rc == ST_OK)
        rc = rubric_repo_load(im->db, c->a.rule_set_id, &c->r);
    if (rc == ST_OK)
        c->open = true;
    else
        assessment_free(&c->a);
    return rc;
}

/* The row's cells checked; *year, v (strings borrowed from the row). */
static enum status parse(struct transfer_import *im, const struct csv_row *row, int *year,
                         struct assessment_value *v, char updated[20])
{
    const char *ys = transfer_cell(im, row, COL_YEAR), *commune = transfer_cell(im, row, COL_COMMUNE);
    long long y = 0;
    if (number_parse_int(ys, NUM_INT, &y) != ST_OK || y < 2000 || y > 2100)
        TRANSFER_BAD(COL_YEAR, ys, TRANSFER_RULE_FORMAT, _("year: give a year between 2000 and 2100"));
    *year = (int)y;
    if (strlen(commune) != 5 || strspn(commune, "0123456789") != 5)
        TRANSFER_BAD(COL_COMMUNE, commune, TRANSFER_RULE_FORMAT, _("commune_code: give the 5-digit code of the commune"));
    const char *origin = transfer_cell(im, row, COL_ORIGIN), *up = transfer_cell(im, row, COL_UPDATED);
    if (strcmp(origin, "typed") != 0 && strcmp(origin, "computed") != 0)
        TRANSFER_BAD(COL_ORIGIN, origin, TRANSFER_RULE_FORMAT, _("origin: give typed or computed"));
    v->origin = strcmp(origin, "computed") == 0 ? ASSESSMENT_COMPUTED : ASSESSMENT_TYPED;
    if (!transfer_parse_stamp(up, updated))
        TRANSFER_BAD(COL_UPDATED, up, TRANSFER_RULE_FORMAT, _("updated_at: give dd/mm/yyyy hh:mm or leave it empty"));
    const char *dept = transfer_cell(im, row, COL_DEPT);
    bool known = false;
    if (*dept && (department_repo_code_known(im->db, dept, &known) != ST_OK || !known))
        TRANSFER_BAD(COL_DEPT, dept, TRANSFER_RULE_NOT_FOUND, _("department: not in the list of departments"));
    v->department = *dept ? (char *)dept : NULL;
    v->evidence = (char *)transfer_cell(im, row, COL_EVIDENCE);
    char key[96];
    snprintf(key, sizeof key, "%d\x1f%s\x1f%s", *year, commune, transfer_cell(im, row, COL_INDICATOR));
    if (!transfer_seen_add(im, key))
        TRANSFER_BAD(COL_INDICATOR, transfer_cell(im, row, COL_INDICATOR), TRANSFER_RULE_DUPLICATE,
            _("indicator_code: the same value is on an earlier line"));
    return ST_OK;
}

/* Values compare as the file writes them (10 significant digits). */
static bool same_number(double a, double b)
{
    char x[32], y[32];
    snprintf(x, sizeof x, "%.10g", a);
    snprintf(y, sizeof y, "%.10g", b);
    return strcmp(x, y) == 0;
}

static bool same_value(const struct assessment_value *a, const struct assessment_value *b)
{
    const char *ae = a->evidence ? a->evidence : "", *be = b->evidence ? b->evidence : "";
    const char *ad = a->department ? a->department : "", *bd = b->department ? b->department : "";
    return a->has_value == b->has_value && (!a->has_value || same_number(a->value, b->value)) && a->origin == b->origin &&
           strcmp(ae, be) == 0 && strcmp(ad, bd) == 0;
}

/* Stores v: added / changed / unchanged / kept or a conflict. */
static enum status store(struct transfer_import *im, const struct csv_row *row, struct cache *c,
                         const struct rubric_indicator *ind, struct assessment_value *v, const char *updated)
{
    struct assessment_value *vals = NULL;
    size_t n = 0;
    enum status rc = assessment_repo_values(im->db, c->a.id, &vals, &n);
    const struct assessment_value *old = NULL;
    for (size_t i = 0; rc == ST_OK && i < n && !old; i++)
        if (vals[i].indicator_id == ind->id)
            old = &vals[i];
    bool take = rc == ST_OK && !old;
    if (rc == ST_OK && old && same_value(old, v))
        im->counts->unchanged++;
    else if (rc == ST_OK && old && !im->opts->prefer_newer) {
        im->counts->conflicts++;
        rc = transfer_bad(im, row->line, COL_VALUE, transfer_cell(im, row, COL_VALUE), TRANSFER_RULE_CONFLICT,
                          _("the saved value differs from the file (use --prefer-newer to take the newer)"));
    } else if (rc == ST_OK && old && *updated && strcmp(updated, old->updated) > 0)
        take = true;
    else if (rc == ST_OK && old)
        im->counts->kept_local++;
    if (take && (rc = assessment_repo_put_value(im->db, &c->a, ind->code, v)) == ST_OK && *updated)
        rc = transfer_case_repo_value_stamp(im->db, c->a.id, ind->id, updated);
    if (take && rc == ST_OK)
        *(old ? &im->counts->changed : &im->counts->added) += 1;
    assessment_repo_values_free(vals, n);
    return rc;
}

static enum status import_row(struct transfer_import *im, const struct csv_row *row)
{
    struct assessment_value v = {0};
    char updated[20] = "";
    int year = 0;
    size_t before = im->errs->errors;
    enum status rc = parse(im, row, &year, &v, updated);
    if (rc != ST_OK || im->errs->errors > before)
        return rc;
    struct cache *c = NULL;
    if ((rc = open_year(im, transfer_cell(im, row, COL_COMMUNE), year, &c)) != ST_OK)
        return rc;
    const char *code = transfer_cell(im, row, COL_INDICATOR), *text = transfer_cell(im, row, COL_VALUE);
    const struct rubric_indicator *ind = rubric_find_indicator(&c->r, code);
    if (!ind)
        return transfer_bad(im, row->line, COL_INDICATOR, code, TRANSFER_RULE_NOT_FOUND,
                            _("indicator_code: not in the rule set of the year"));
    v.indicator_id = ind->id;
    v.has_value = *text != '\0';
    if (v.has_value && score_parse_value(ind, text, &v.value) != ST_OK)
        return transfer_bad(im, row->line, COL_VALUE, text, TRANSFER_RULE_VALIDATION, status_message());
    char *ev = utf8_nfc(v.evidence);
    if (!ev)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    v.evidence = ev;
    rc = store(im, row, c, ind, &v, updated);
    free(ev);
    return rc;
}

const struct transfer_kind transfer_kind_assessments = {&csv_assessments, NCOLS, export_all, import_row, done, NULL};
