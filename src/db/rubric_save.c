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

static void bind_opt(sqlite3_stmt *st, int idx, bool has, double v)
{
    if (has)
        sqlite3_bind_double(st, idx, v);
    else
        sqlite3_bind_null(st, idx);
}

/* Steps a prepared write to completion and finalizes it. */
static enum status step_done(struct db *db, sqlite3_stmt *st, const char *what)
{
    enum status rc = db_step_done(db, st, what);
    sqlite3_finalize(st);
    return rc;
}

struct saver {
    struct db *db;
    const char *who;
    const struct rubric *r;     /* what to store */
    const struct rubric *old;   /* what is stored (empty for a new set) */
    long long set_id;
    struct rubric_save_stats stats;
};

/* An audit line, unless the rule set is shipped data being seeded (who is
 * NULL): the catalogues are not audited either. */
static enum status log_line(struct saver *s, enum audit_action action, const char *entity,
                            const char *entity_id, const char *field, const char *before,
                            const char *after)
{
    if (!s->who)
        return ST_OK;
    return audit_record(s->db, s->who, action, entity, entity_id, field, before, after);
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

static enum status save_set(struct saver *s)
{
    sqlite3_stmt *st;
    bool is_new = !s->old->name;
    enum status rc = db_prepare(s->db, is_new
        ? "INSERT INTO rule_set(name, source, no_zero_rule) VALUES (?1, ?2, ?3)"
        : "UPDATE rule_set SET source = ?2, no_zero_rule = ?3 WHERE name = ?1", &st);
    if (rc != ST_OK)
        return rc;
    db_bind_text(st, 1, s->r->name);
    db_bind_text(st, 2, s->r->source ? s->r->source : "");
    sqlite3_bind_int(st, 3, s->r->no_zero_rule);
    rc = step_done(s->db, st, _("rule set"));
    if (rc == ST_OK && is_new) {
        s->set_id = sqlite3_last_insert_rowid(s->db->sql);
        s->stats.created++;
        rc = log_line(s, AUDIT_CREATE, "rule_set", s->r->name, NULL, NULL, NULL);
    }
    if (rc == ST_OK && !is_new)
        rc = audit_diff(s, "rule_set", "", "source", s->old->source, s->r->source);
    if (rc == ST_OK && !is_new)
        rc = audit_diff(s, "rule_set", "", "no_zero_rule", s->old->no_zero_rule ? "1" : "0",
                        s->r->no_zero_rule ? "1" : "0");
    return rc;
}

static enum status save_criterion(struct saver *s, const struct rubric_criterion *c, long long *cid)
{
    const struct rubric_criterion *o = rubric_find_criterion(s->old, c->number);
    sqlite3_stmt *st;
    enum status rc = db_prepare(s->db, o
        ? "UPDATE criterion SET name = ?3, max_points = ?4, source = ?5 WHERE id = ?1"
        : "INSERT INTO criterion(rule_set_id, number, name, max_points, source) "
          "VALUES (?2, ?6, ?3, ?4, ?5)", &st);
    if (rc != ST_OK)
        return rc;
    sqlite3_bind_int64(st, 1, o ? o->id : 0);
    sqlite3_bind_int64(st, 2, s->set_id);
    db_bind_text(st, 3, c->name);
    bind_opt(st, 4, c->max_known, c->max_points);
    db_bind_text(st, 5, c->source ? c->source : "");
    sqlite3_bind_int(st, 6, c->number);
    rc = step_done(s->db, st, _("criterion"));
    *cid = o ? o->id : sqlite3_last_insert_rowid(s->db->sql);
    char part[32], before[RUBRIC_TEXT_NUM_BUF] = "", after[RUBRIC_TEXT_NUM_BUF];
    snprintf(part, sizeof part, "%d", c->number);
    if (rc == ST_OK && !o) {
        s->stats.created++;
        return log_line(s, AUDIT_CREATE, "criterion", part, NULL, NULL, c->name);
    }
    if (rc != ST_OK)
        return rc;
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
    sqlite3_stmt *st;
    enum status rc = db_prepare(s->db, "DELETE FROM band WHERE indicator_id = ?1", &st);
    if (rc != ST_OK)
        return rc;
    sqlite3_bind_int64(st, 1, ind_id);
    rc = step_done(s->db, st, _("band"));
    for (size_t i = 0; rc == ST_OK && i < ind->nbands; i++) {
        const struct rubric_band *b = &ind->bands[i];
        rc = db_prepare(s->db, "INSERT INTO band(indicator_id, lower, lower_inclusive, upper, "
                        "upper_inclusive, points, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st);
        if (rc != ST_OK)
            break;
        sqlite3_bind_int64(st, 1, ind_id);
        bind_opt(st, 2, b->has_lo, b->lo);
        sqlite3_bind_int(st, 3, b->lo_incl);
        bind_opt(st, 4, b->has_hi, b->hi);
        sqlite3_bind_int(st, 5, b->hi_incl);
        sqlite3_bind_double(st, 6, b->points);
        db_bind_text(st, 7, b->source ? b->source : "");
        rc = step_done(s->db, st, _("band"));
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
    sqlite3_stmt *st;
    enum status rc = db_prepare(s->db, o
        ? "UPDATE indicator SET criterion_id = ?2, text = ?3, kind = ?4, unit = ?5, measure = ?6, "
          "department = ?7, bands_known = ?8, source = ?9, sort = ?10 WHERE id = ?1"
        : "INSERT INTO indicator(criterion_id, code, text, kind, unit, measure, department, "
          "bands_known, source, sort) VALUES (?2, ?11, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", &st);
    if (rc != ST_OK)
        return rc;
    sqlite3_bind_int64(st, 1, o ? o->id : 0);
    sqlite3_bind_int64(st, 2, crit_id);
    db_bind_text(st, 3, ind->text ? ind->text : ind->code);
    db_bind_text(st, 4, rubric_kind_code(ind->kind));
    db_bind_text(st, 5, ind->unit ? ind->unit : "");
    db_bind_text(st, 6, measure_canonical(ind->measure)); /* an alias: its current code */
    db_bind_text(st, 7, ind->department);
    sqlite3_bind_int(st, 8, ind->bands_known);
    db_bind_text(st, 9, ind->source ? ind->source : "");
    sqlite3_bind_int64(st, 10, (long long)idx);
    db_bind_text(st, 11, ind->code);
    rc = step_done(s->db, st, _("indicator"));
    long long id = o ? o->id : sqlite3_last_insert_rowid(s->db->sql);
    if (rc == ST_OK && !o) {
        s->stats.created++;
        char key[256];
        key_of(s, ind->code, key, sizeof key);
        rc = log_line(s, AUDIT_CREATE, "indicator", key, NULL, NULL, ind->text);
    } else if (rc == ST_OK) {
        rc = indicator_fields_audit(s, o, ind);
    }
    return rc == ST_OK ? save_bands(s, id, o, ind) : rc;
}

static enum status save_threshold(struct saver *s, const struct rubric_threshold *t)
{
    const struct rubric_threshold *o = rubric_find_threshold(s->old, t->class_code);
    sqlite3_stmt *st;
    enum status rc = db_prepare(s->db, o
        ? "UPDATE recognition_threshold SET label = ?3, min_total = ?4, source = ?5 WHERE id = ?1"
        : "INSERT INTO recognition_threshold(rule_set_id, class, label, min_total, source) "
          "VALUES (?2, ?6, ?3, ?4, ?5)", &st);
    if (rc != ST_OK)
        return rc;
    sqlite3_bind_int64(st, 1, o ? o->id : 0);
    sqlite3_bind_int64(st, 2, s->set_id);
    db_bind_text(st, 3, t->label ? t->label : t->class_code);
    sqlite3_bind_double(st, 4, t->min_total);
    db_bind_text(st, 5, t->source ? t->source : "");
    db_bind_text(st, 6, t->class_code);
    rc = step_done(s->db, st, _("recognition class"));
    char part[64], before[RUBRIC_TEXT_NUM_BUF], after[RUBRIC_TEXT_NUM_BUF];
    snprintf(part, sizeof part, "class %s", t->class_code);
    rubric_text_num(t->min_total, after);
    if (rc == ST_OK && !o) {
        s->stats.created++;
        return log_line(s, AUDIT_CREATE, "recognition_threshold", part,
                            "min_total", NULL, after);
    }
    if (rc != ST_OK)
        return rc;
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
    enum status rc = db_prepare(s->db,
        "SELECT a.year, v.value, v.evidence FROM assessment_value v "
        "JOIN assessment a ON a.id = v.assessment_id WHERE v.indicator_id = ?1", &st);
    if (rc != ST_OK)
        return rc;
    sqlite3_bind_int64(st, 1, o->id);
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
    sqlite3_stmt *st;
    enum status rc = db_prepare(s->db, sql, &st);
    if (rc != ST_OK)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    rc = step_done(s->db, st, entity);
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

enum status rubric_save(struct db *db, const char *who, const struct rubric *r,
                        long long *id, struct rubric_save_stats *stats)
{
    enum status rc = rubric_validate(r);
    if (rc != ST_OK)
        return rc;
    struct rubric old = RUBRIC_INIT;
    struct saver s = {.db = db, .who = who, .r = r, .old = &old};
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
