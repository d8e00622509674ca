/* assessment_repo — yearly assessments and their values. */
#include <config.h>
#include "treem/db/row.h"
#include "treem/db/assessment_repo.h"
#include "treem/db/audit_repo.h"
#include "treem/core/date.h"
#include "treem/core/i18n.h"
#include "treem/model/rubric_text.h"
#include "treem/model/rubric.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const origins[] = {"typed", "computed"};

const char *assessment_origin_code(enum assessment_origin o)
{
    return (size_t)o < 2 ? origins[o] : "?";
}

static void stamp_now(char out[ASSESSMENT_STAMP_BUF])
{
    struct datetime now = date_now();
    char iso[DATE_BUF];
    date_iso(now.date, iso);
    snprintf(out, ASSESSMENT_STAMP_BUF, "%s %02d:%02d", iso, now.hour, now.min);
}

static char *dup_col(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    return s ? strdup(s) : NULL;
}

static void year_key(const struct assessment *a, const char *code, char *buf, size_t n)
{
    snprintf(buf, n, "%d / %s", a->year, code);
}

static bool read_assessment(sqlite3_stmt *st, void *elem)
{
    struct assessment *a = elem;
    a->id = sqlite3_column_int64(st, 0);
    a->rule_set_id = sqlite3_column_int64(st, 1);
    a->class_code = dup_col(st, 2);
    row_copy_text(st, 3, a->created, sizeof a->created);
    row_copy_text(st, 4, a->updated, sizeof a->updated);
    return true;
}

enum status assessment_repo_find(struct db *db, const char *commune, int year, struct assessment *out)
{
    memset(out, 0, sizeof *out);
    enum status rc = row_query_one(db, "SELECT id, rule_set_id, class, created, updated "
                                   "FROM assessment WHERE commune_code = ?1 AND year = ?2", out,
                                   read_assessment, NULL, _("assessment"), ROW_TEXT(commune),
                                   ROW_INT(year));
    if (rc == ST_NOTFOUND)
        return status_set(ST_NOTFOUND, _("there is no assessment for %d yet"), year);
    if (rc == ST_OK) {
        snprintf(out->commune_code, sizeof out->commune_code, "%s", commune);
        out->year = year;
    }
    return rc;
}

enum status assessment_repo_create(struct db *db, const char *commune, int year,
                                   long long rule_set_id, const char *class_code,
                                   struct assessment *out)
{
    char now[ASSESSMENT_STAMP_BUF], key[32];
    stamp_now(now);
    sqlite3_stmt *st;
    enum status rc = row_prepare(db, "INSERT INTO assessment(commune_code, year, rule_set_id, class, "
                                     "created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?5)", &st,
                                 ROW_TEXT(commune), ROW_INT(year), ROW_INT(rule_set_id),
                                 ROW_TEXT(class_code), ROW_TEXT(now));
    if (rc != ST_OK)
        return rc;
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = sqlite3_extended_errcode(db->sql) == SQLITE_CONSTRAINT_UNIQUE
            ? status_set(ST_EXISTS, _("there is already an assessment for %d"), year)
            : db_fail(db, _("assessment"));
    sqlite3_finalize(st);
    snprintf(key, sizeof key, "%d", year);
    if (rc == ST_OK)
        rc = audit_record(db, AUDIT_CREATE, "assessment", key, NULL, NULL, NULL);
    return rc == ST_OK ? assessment_repo_find(db, commune, year, out) : rc;
}

static enum status touch(struct db *db, struct assessment *a, const char *class_code, bool set_class)
{
    char now[ASSESSMENT_STAMP_BUF];
    stamp_now(now);
    const struct row_arg args[] = {ROW_INT(a->id), ROW_TEXT(now), ROW_TEXT(class_code)};
    enum status rc = row_exec_args(db, set_class
        ? "UPDATE assessment SET updated = ?2, class = ?3 WHERE id = ?1"
        : "UPDATE assessment SET updated = ?2 WHERE id = ?1", false, _("assessment"), args,
        set_class ? 3 : 2);
    if (rc == ST_OK)
        memcpy(a->updated, now, sizeof now);
    return rc;
}

enum status assessment_repo_set_class(struct db *db, struct assessment *a,
                                      const char *class_code)
{
    char key[32];
    snprintf(key, sizeof key, "%d", a->year);
    enum status rc = touch(db, a, class_code, true);
    if (rc == ST_OK)
        rc = audit_field(db, "assessment", key, "class", a->class_code, class_code);
    if (rc == ST_OK && !rubric_str_set(&a->class_code, class_code))
        rc = status_set(ST_NOMEM, "%s", _("out of memory"));
    return rc;
}

void assessment_free(struct assessment *a)
{
    free(a->class_code);
    a->class_code = NULL;
}

static bool value_from_row(sqlite3_stmt *st, void *elem)
{
    struct assessment_value *v = elem;
    v->indicator_id = sqlite3_column_int64(st, 0);
    v->has_value = sqlite3_column_type(st, 1) != SQLITE_NULL;
    v->value = sqlite3_column_double(st, 1);
    v->origin = strcmp((const char *)sqlite3_column_text(st, 2), "computed") == 0
        ? ASSESSMENT_COMPUTED : ASSESSMENT_TYPED;
    v->evidence = dup_col(st, 3);
    v->department = dup_col(st, 4);
    row_copy_text(st, 5, v->updated, sizeof v->updated);
    v->updated_by = dup_col(st, 6);
    return v->evidence && v->updated_by;
}

static void clear_value(void *elem)
{
    struct assessment_value *v = elem;
    free(v->evidence);
    free(v->department);
    free(v->updated_by);
    v->evidence = v->department = v->updated_by = NULL;
}

#define VALUE_COLS "indicator_id, value, origin, evidence, department, updated, updated_by"

enum status assessment_repo_values(struct db *db, long long assessment_id,
                                   struct assessment_value **out, size_t *n)
{
    return row_list_id(db, "SELECT " VALUE_COLS " FROM assessment_value "
                       "WHERE assessment_id = ?1 ORDER BY indicator_id", assessment_id,
                       sizeof **out, value_from_row, clear_value, (void **)out, n);
}

void assessment_repo_values_free(struct assessment_value *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        clear_value(&v[i]);
    free(v);
}

/* The stored value of one indicator: ST_OK and *found. */
static enum status value_get(struct db *db, long long aid, long long ind_id,
                             struct assessment_value *out, bool *found)
{
    memset(out, 0, sizeof *out);
    enum status rc = row_query_one(db, "SELECT " VALUE_COLS " FROM assessment_value "
                                   "WHERE assessment_id = ?1 AND indicator_id = ?2", out,
                                   value_from_row, clear_value, _("assessment"), ROW_INT(aid),
                                   ROW_INT(ind_id));
    *found = rc == ST_OK;
    return rc == ST_NOTFOUND ? ST_OK : rc;
}

static void value_text(const struct assessment_value *v, char buf[RUBRIC_TEXT_NUM_BUF])
{
    if (v && v->has_value)
        rubric_text_num(v->value, buf);
    else
        buf[0] = '\0';
}

static enum status audit_value(struct db *db, const char *key, bool found,
                               const struct assessment_value *o, const struct assessment_value *v)
{
    char was[RUBRIC_TEXT_NUM_BUF], now[RUBRIC_TEXT_NUM_BUF];
    value_text(found ? o : NULL, was);
    value_text(v, now);
    if (!found) {
        enum status rc = audit_record(db, AUDIT_CREATE, "assessment_value", key, "value", NULL, now);
        if (rc == ST_OK && v->evidence && v->evidence[0])
            rc = audit_record(db, AUDIT_CREATE, "assessment_value", key, "evidence", NULL, v->evidence);
        return rc;
    }
    const char *fields[][3] = {
        {"value", was, now},
        {"origin", assessment_origin_code(o->origin), assessment_origin_code(v->origin)},
        {"evidence", o->evidence, v->evidence},
        {"department", o->department, v->department},
    };
    enum status rc = ST_OK;
    for (size_t i = 0; rc == ST_OK && i < sizeof fields / sizeof *fields; i++)
        rc = audit_field(db, "assessment_value", key, fields[i][0], fields[i][1], fields[i][2]);
    return rc;
}

enum status assessment_repo_put_value(struct db *db, struct assessment *a,
                                      const char *indicator_code, const struct assessment_value *v)
{
    struct assessment_value old;
    bool found;
    char key[96], now[ASSESSMENT_STAMP_BUF];
    enum status rc = value_get(db, a->id, v->indicator_id, &old, &found);
    stamp_now(now);
    if (rc == ST_OK)
        rc = row_exec(db, "INSERT INTO assessment_value(assessment_id, indicator_id, value, origin, "
                      "evidence, department, updated, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                      "ON CONFLICT(assessment_id, indicator_id) DO UPDATE SET value = excluded.value, "
                      "origin = excluded.origin, evidence = excluded.evidence, "
                      "department = excluded.department, updated = excluded.updated, "
                      "updated_by = excluded.updated_by", _("assessment value"), ROW_INT(a->id),
                      ROW_INT(v->indicator_id), v->has_value ? ROW_REAL(v->value) : ROW_NULL,
                      ROW_TEXT(assessment_origin_code(v->origin)),
                      ROW_TEXT(v->evidence ? v->evidence : ""), ROW_TEXT(v->department),
                      ROW_TEXT(now), ROW_TEXT(db_actor(db)));
    year_key(a, indicator_code, key, sizeof key);
    if (rc == ST_OK)
        rc = audit_value(db, key, found, &old, v);
    if (rc == ST_OK)
        rc = touch(db, a, NULL, false);
    clear_value(&old);
    return rc;
}

enum status assessment_repo_delete_value(struct db *db, const struct assessment *a,
                                         long long indicator_id, const char *indicator_code)
{
    struct assessment_value old;
    bool found;
    char key[96], was[RUBRIC_TEXT_NUM_BUF];
    enum status rc = value_get(db, a->id, indicator_id, &old, &found);
    if (rc == ST_OK && !found)
        rc = status_set(ST_NOTFOUND, _("indicator %s has no value for %d"), indicator_code, a->year);
    if (rc == ST_OK)
        rc = row_exec(db, "DELETE FROM assessment_value WHERE assessment_id = ?1 AND indicator_id = ?2",
                      _("assessment value"), ROW_INT(a->id), ROW_INT(indicator_id));
    year_key(a, indicator_code, key, sizeof key);
    value_text(&old, was);
    if (rc == ST_OK)
        rc = audit_record(db, AUDIT_DELETE, "assessment_value", key, "value", was, NULL);
    if (rc == ST_OK && old.evidence && old.evidence[0])
        rc = audit_record(db, AUDIT_DELETE, "assessment_value", key, "evidence", old.evidence, NULL);
    clear_value(&old);
    return rc;
}
