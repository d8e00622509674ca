/* rubric_save — a rule set into the database, diffed and audited. */
#include <config.h>
#include "treem/db/row.h"
#include "treem/db/rubric_save.h"
#include "treem/db/rubric_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/core/i18n.h"
#include "treem/model/rubric_text.h"
#include "treem/model/measure.h"
#include "treem/core/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A number that may be unknown (NULL). */
static struct row_arg opt(bool has, double v)
{
    return has ? ROW_REAL(v) : ROW_NULL;
}

/* Text stored as "" when absent. */
static const char *nz(const char *s)
{
    return s ? s : "";
}

struct saver {
    struct db *db;
    bool audited;               /* false: shipped data being seeded */
    const struct rubric *r;     /* what to store */
    const struct rubric *old;   /* what is stored (empty for a new set) */
    long long set_id;
    struct rubric_save_stats stats;
};

/* An audit line, unless the rule set is shipped data being seeded: the
 * catalogues are not audited either. */
static enum status log_line(struct saver *s, enum audit_action action, const char *entity,
                            const char *entity_id, const char *field, const char *before,
                            const char *after)
{
    if (!s->audited)
        return ST_OK;
    return audit_record(s->db, action, entity, entity_id, field, before, after);
}

static void key_of(const struct saver *s, const char *part, char *buf, size_t n)
{
    snprintf(buf, n, "%s / %s", s->r->name, part);
}

static enum status audit_diff(struct saver *s, const char *entity, const char *part,
                              const char *field, const char *before, const char *after)
{
    const char *a = before ? before : "", *b = after ? after : "";
    if (strcmp(a, b) == 0)
        return ST_OK;
    char key[256];
    key_of(s, part, key, sizeof key);
    s->stats.changed++;
    return log_line(s, AUDIT_CHANGE, entity, key, field, before, after);
}

static void num_or_empty(bool has, double v, char buf[RUBRIC_TEXT_NUM_BUF])
{
    if (has)
        rubric_text_num(v, buf);
    else
        buf[0] = '\0';
}

/* The scale as one line with its sources, for the audit log. */
static char *bands_text(const struct rubric_indicator *ind)
{
    struct strbuf sb = STRBUF_INIT;
    bool ok = true;
    for (size_t i = 0; i < ind->nbands; i++) {
        char iv[64], pts[RUBRIC_TEXT_NUM_BUF];
        rubric_text_interval(&ind->bands[i], iv, sizeof iv);
        rubric_text_num(ind->bands[i].points, pts);
        ok &= strbuf_printf(&sb, "%s%s → %s", i ? "; " : "", iv, pts);
        if (ind->bands[i].source)
            ok &= strbuf_printf(&sb, " (%s)", ind->bands[i].source);
    }
    ok &= strbuf_puts(&sb, ind->bands_known ? "" : (ind->nbands ? "; …" : "…"));
    if (!ok) {
        strbuf_free(&sb);
        return NULL;
    }
    return strbuf_take(&sb);
}

/* The audit line of a new part (counted in the stats). */
static enum status log_created(struct saver *s, const char *entity, const char *key,
                               const char *field, const char *text)
{
    s->stats.created++;
    return log_line(s, AUDIT_CREATE, entity, key, field, NULL, text);
}

static enum status save_set(struct saver *s)
{
    bool is_new = !s->old->name;
    enum status rc = row_exec(s->db, is_new
        ? "INSERT INTO rule_set(name, source, no_zero_rule) VALUES (?1, ?2, ?3)"
        : "UPDATE rule_set SET source = ?2, no_zero_rule = ?3 WHERE name = ?1", _("rule set"),
        ROW_TEXT(s->r->name), ROW_TEXT(nz(s->r->source)), ROW_INT(s->r->no_zero_rule));
    if (rc == ST_OK && is_new) {
        s->set_id = sqlite3_last_insert_rowid(s->db->sql);
        return log_created(s, "rule_set", s->r->name, NULL, NULL);
    }
    if (rc == ST_OK)
        rc = audit_diff(s, "rule_set", "", "source", s->old->source, s->r->source);
    if (rc == ST_OK)
        rc = audit_diff(s, "rule_set", "", "no_zero_rule", s->old->no_zero_rule ? "1" : "0",
                        s->r->no_zero_rule ? "1" : "0");
    return rc;
}

/* Runs the update of the stored row old_id, or the insert when there is
 * none (old_id 0), with ?1 the row, ?2 its parent and the n args from ?3
 * on (both statements use every parameter); *id the row's id. */
static enum status save_row(struct saver *s, long long old_id, const char *update,
                            const char *insert, long long parent, const char *what,
                            long long *id, const struct row_arg *args, size_t n)
{
    sqlite3_stmt *st;
    enum status rc = row_prepare(s->db, old_id ? update : insert, &st, ROW_INT(old_id),
                                 ROW_INT(parent));
    if (rc != ST_OK)
        return rc;
    rc = row_bind_args(st, 3, args, n);
    if (rc != ST_OK) {
        sqlite3_finalize(st);
        return rc;
    }
    rc = row_write(s->db, st, what);
    /* the update names its row by id and key: one row, or the saved rule set
     * would differ from its audit lines */
    if (rc == ST_OK && old_id && sqlite3_changes(s->db->sql) != 1)
        rc = status_set(ST_DB, _("%s %lld: not found to update"), what, old_id);
    *id = old_id ? old_id : sqlite3_last_insert_rowid(s->db->sql);
    return rc;
}

static enum status save_criterion(struct saver *s, const struct rubric_criterion *c, long long *cid)
{
    const struct rubric_criterion *o = rubric_find_criterion(s->old, c->number);
    enum status rc = save_row(s, o ? o->id : 0,
        "UPDATE criterion SET name = ?3, max_points = ?4, source = ?5 "
        "WHERE id = ?1 AND rule_set_id = ?2 AND number = ?6",
        "INSERT INTO criterion(rule_set_id, number, name, max_points, source) "
        "VALUES (?2, ?6, ?3, ?4, ?5)", s->set_id, _("criterion"), cid,
        ROW_ARGS(ROW_TEXT(c->name), opt(c->max_known, c->max_points), ROW_TEXT(nz(c->source)),
                 ROW_INT(c->number)));
    char part[32], before[RUBRIC_TEXT_NUM_BUF] = "", after[RUBRIC_TEXT_NUM_BUF];
    snprintf(part, sizeof part, "%d", c->number);
    if (rc != ST_OK || !o)
        return rc == ST_OK ? log_created(s, "criterion", part, NULL, c->name) : rc;
    num_or_empty(o->max_known, o->max_points, before);
    num_or_empty(c->max_known, c->max_points, after);
    rc = audit_diff(s, "criterion", part, "name", o->name, c->name);
    if (rc == ST_OK)
        rc = audit_diff(s, "criterion", part, "max_points", before, after);
    if (rc == ST_OK)
        rc = audit_diff(s, "criterion", part, "source", o->source, c->source);
    return rc;
}

static enum status replace_bands(struct saver *s, long long ind_id, const struct rubric_indicator *ind)
{
    enum status rc = row_exec_id(s->db, "DELETE FROM band WHERE indicator_id = ?1", ind_id,
                                 _("band"));
    for (size_t i = 0; rc == ST_OK && i < ind->nbands; i++) {
        const struct rubric_band *b = &ind->bands[i];
        rc = row_exec(s->db, "INSERT INTO band(indicator_id, lower, lower_inclusive, upper, "
                      "upper_inclusive, points, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                      _("band"), ROW_INT(ind_id), opt(b->has_lo, b->lo), ROW_INT(b->lo_incl),
                      opt(b->has_hi, b->hi), ROW_INT(b->hi_incl), ROW_REAL(b->points),
                      ROW_TEXT(nz(b->source)));
    }
    return rc;
}

static enum status save_bands(struct saver *s, long long ind_id, const struct rubric_indicator *o,
                              const struct rubric_indicator *ind)
{
    char *before = o ? bands_text(o) : NULL, *after = bands_text(ind);
    enum status rc = ST_OK;
    if (!after || (o && !before))
        rc = status_set(ST_NOMEM, "%s", _("out of memory"));
    else if (!o || strcmp(before, after) != 0)
        rc = replace_bands(s, ind_id, ind);
    if (rc == ST_OK && o)
        rc = audit_diff(s, "indicator", ind->code, "bands", before, after);
    free(before);
    free(after);
    return rc;
}

static enum status indicator_fields_audit(struct saver *s, const struct rubric_indicator *o,
                                          const struct rubric_indicator *ind)
{
    char was[16], now[16];
    snprintf(was, sizeof was, "%d", o->criterion);
    snprintf(now, sizeof now, "%d", ind->criterion);
    const char *fields[][3] = {
        {"criterion", was, now},
        {"text", o->text, ind->text},
        {"kind", rubric_kind_code(o->kind), rubric_kind_code(ind->kind)},
        {"unit", o->unit, ind->unit},
        {"measure", o->measure, ind->measure},
        {"department", o->department, ind->department},
        {"source", o->source, ind->source},
    };
    enum status rc = ST_OK;
    for (size_t i = 0; rc == ST_OK && i < sizeof fields / sizeof *fields; i++)
        rc = audit_diff(s, "indicator", ind->code, fields[i][0], fields[i][1], fields[i][2]);
    return rc;
}

static enum status save_indicator(struct saver *s, size_t idx, long long crit_id)
{
    const struct rubric_indicator *ind = &s->r->ind[idx];
    const struct rubric_indicator *o = rubric_find_indicator(s->old, ind->code);
    long long id;
    enum status rc = save_row(s, o ? o->id : 0,
        "UPDATE indicator SET criterion_id = ?2, text = ?3, kind = ?4, unit = ?5, measure = ?6, "
        "department = ?7, bands_known = ?8, source = ?9, sort = ?10 WHERE id = ?1 AND code = ?11",
        "INSERT INTO indicator(criterion_id, code, text, kind, unit, measure, department, "
        "bands_known, source, sort) VALUES (?2, ?11, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        crit_id, _("indicator"), &id,
        ROW_ARGS(ROW_TEXT(ind->text ? ind->text : ind->code), ROW_TEXT(rubric_kind_code(ind->kind)),
                 ROW_TEXT(nz(ind->unit)),
                 ROW_TEXT(measure_canonical(ind->measure)), /* an alias: its current code */
                 ROW_TEXT(ind->department), ROW_INT(ind->bands_known), ROW_TEXT(nz(ind->source)),
                 ROW_INT((long long)idx), ROW_TEXT(ind->code)));
    if (rc == ST_OK && !o) {
        char key[256];
        key_of(s, ind->code, key, sizeof key);
        rc = log_created(s, "indicator", key, NULL, ind->text);
    } else if (rc == ST_OK) {
        rc = indicator_fields_audit(s, o, ind);
    }
    return rc == ST_OK ? save_bands(s, id, o, ind) : rc;
}

static enum status save_threshold(struct saver *s, const struct rubric_threshold *t)
{
    const struct rubric_threshold *o = rubric_find_threshold(s->old, t->class_code);
    long long id;
    enum status rc = save_row(s, o ? o->id : 0,
        "UPDATE recognition_threshold SET label = ?3, min_total = ?4, source = ?5 "
        "WHERE id = ?1 AND rule_set_id = ?2 AND class = ?6",
        "INSERT INTO recognition_threshold(rule_set_id, class, label, min_total, source) "
        "VALUES (?2, ?6, ?3, ?4, ?5)", s->set_id, _("recognition class"), &id,
        ROW_ARGS(ROW_TEXT(t->label ? t->label : t->class_code), ROW_REAL(t->min_total),
                 ROW_TEXT(nz(t->source)), ROW_TEXT(t->class_code)));
    char part[64], before[RUBRIC_TEXT_NUM_BUF], after[RUBRIC_TEXT_NUM_BUF];
    snprintf(part, sizeof part, "class %s", t->class_code);
    rubric_text_num(t->min_total, after);
    if (rc != ST_OK || !o)
        return rc == ST_OK ? log_created(s, "recognition_threshold", part, "min_total", after) : rc;
    rubric_text_num(o->min_total, before);
    rc = audit_diff(s, "recognition_threshold", part, "min_total", before, after);
    if (rc == ST_OK)
        rc = audit_diff(s, "recognition_threshold", part, "label", o->label, t->label);
    if (rc == ST_OK)
        rc = audit_diff(s, "recognition_threshold", part, "source", o->source, t->source);
    return rc;
}

/* Audits the removal of every value of indicator o (the rows go with it). */
static enum status audit_values_gone(struct saver *s, const struct rubric_indicator *o)
{
    sqlite3_stmt *st;
    enum status rc = row_prepare(s->db,
        "SELECT a.year, v.value, v.evidence FROM assessment_value v "
        "JOIN assessment a ON a.id = v.assessment_id WHERE v.indicator_id = ?1", &st,
        ROW_INT(o->id));
    if (rc != ST_OK)
        return rc;
    while (rc == ST_OK && row_next(s->db, st, &rc)) {
        char key[96], val[RUBRIC_TEXT_NUM_BUF] = "";
        snprintf(key, sizeof key, "%d / %s", sqlite3_column_int(st, 0), o->code);
        num_or_empty(sqlite3_column_type(st, 1) != SQLITE_NULL, sqlite3_column_double(st, 1), val);
        rc = log_line(s, AUDIT_DELETE, "assessment_value", key, "value", val, NULL);
        if (rc == ST_OK && sqlite3_column_text(st, 2)[0])
            rc = log_line(s, AUDIT_DELETE, "assessment_value", key, "evidence",
                              (const char *)sqlite3_column_text(st, 2), NULL);
        s->stats.values_removed++;
    }
    sqlite3_finalize(st);
    return rc;
}

/* Deletes one row of table by id and audits it. */
static enum status delete_row(struct saver *s, const char *sql, long long id,
                              const char *entity, const char *part)
{
    enum status rc = row_exec_id(s->db, sql, id, entity);
    char key[256];
    key_of(s, part, key, sizeof key);
    s->stats.removed++;
    return rc == ST_OK ? log_line(s, AUDIT_DELETE, entity, key, NULL, NULL, NULL) : rc;
}

static enum status prune(struct saver *s)
{
    enum status rc = ST_OK;
    for (size_t i = 0; rc == ST_OK && i < s->old->nind; i++) {
        const struct rubric_indicator *o = &s->old->ind[i];
        if (rubric_find_indicator(s->r, o->code))
            continue;
        rc = audit_values_gone(s, o);
        if (rc == ST_OK)
            rc = delete_row(s, "DELETE FROM indicator WHERE id = ?1", o->id, "indicator", o->code);
    }
    for (size_t i = 0; rc == ST_OK && i < s->old->nthr; i++) {
        const struct rubric_threshold *o = &s->old->thr[i];
        char part[64];
        snprintf(part, sizeof part, "class %s", o->class_code);
        if (!rubric_find_threshold(s->r, o->class_code))
            rc = delete_row(s, "DELETE FROM recognition_threshold WHERE id = ?1", o->id,
                            "recognition_threshold", part);
    }
    for (size_t i = 0; rc == ST_OK && i < s->old->ncrit; i++) {
        const struct rubric_criterion *o = &s->old->crit[i];
        char part[32];
        snprintf(part, sizeof part, "%d", o->number);
        if (!rubric_find_criterion(s->r, o->number))
            rc = delete_row(s, "DELETE FROM criterion WHERE id = ?1", o->id, "criterion", part);
    }
    return rc;
}

static enum status save_parts(struct saver *s)
{
    const struct rubric *r = s->r;
    long long *crit_ids = calloc(r->ncrit + 1, sizeof *crit_ids);
    if (!crit_ids)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    enum status rc = save_set(s);
    for (size_t i = 0; rc == ST_OK && i < r->ncrit; i++)
        rc = save_criterion(s, &r->crit[i], &crit_ids[i]);
    for (size_t i = 0; rc == ST_OK && i < r->nind; i++) {
        long long cid = 0;
        for (size_t j = 0; j < r->ncrit; j++)
            if (r->crit[j].number == r->ind[i].criterion)
                cid = crit_ids[j];
        rc = save_indicator(s, i, cid);
    }
    for (size_t i = 0; rc == ST_OK && i < r->nthr; i++)
        rc = save_threshold(s, &r->thr[i]);
    if (rc == ST_OK)
        rc = prune(s);
    free(crit_ids);
    return rc;
}

static enum status save(struct db *db, bool audited, const struct rubric *r, long long *id,
                        struct rubric_save_stats *stats)
{
    enum status rc = rubric_validate(r);
    if (rc != ST_OK)
        return rc;
    struct rubric old = RUBRIC_INIT;
    struct saver s = {.db = db, .audited = audited, .r = r, .old = &old};
    rc = db_query_int(db, "SELECT id FROM rule_set WHERE name = ?1", r->name, &s.set_id);
    if (rc == ST_OK)
        rc = rubric_repo_load(db, s.set_id, &old);
    else if (rc == ST_NOTFOUND)
        rc = ST_OK;
    if (rc == ST_OK)
        rc = save_parts(&s);
    rubric_free(&old);
    if (rc == ST_OK && id)
        *id = s.set_id;
    if (rc == ST_OK && stats)
        *stats = s.stats;
    return rc;
}

enum status rubric_save(struct db *db, const struct rubric *r, long long *id,
                        struct rubric_save_stats *stats)
{
    return save(db, true, r, id, stats);
}

enum status rubric_save_shipped(struct db *db, const struct rubric *r, long long *id,
                                struct rubric_save_stats *stats)
{
    return save(db, false, r, id, stats);
}
