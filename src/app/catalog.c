/* catalog — shipped CSV assets → reference tables. */
#include <config.h>
#include "treem/db/row.h"
#include "treem/app/catalog.h"
#include "treem/db/holiday_repo.h"
#include "treem/core/embed.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"
#include "treem/csv/csv_read.h"
#include "treem/db/row.h"
#include "treem/model/ethnicity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct loader {
    struct db *db;
    sqlite3_stmt *st[2];
    const char *file;
    int min_fields;
    enum status (*row)(struct loader *l, char **f);
};

static enum status step_reset(struct loader *l, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE)
        return db_fail(l->db, l->file);
    return ST_OK;
}

static enum status bind_fold(sqlite3_stmt *st, int idx, const char *s)
{
    char *fold = utf8_fold(s);
    if (!fold)
        return status_set(ST_INVALID, _("text is not valid UTF-8: %s"), s);
    sqlite3_bind_text(st, idx, fold, -1, free);
    return ST_OK;
}

static enum status on_row(const struct csv_row *row, void *ctx)
{
    struct loader *l = ctx;
    if (row->line == 1)
        return ST_OK; /* header */
    if ((int)row->nfields < l->min_fields)
        return status_set(ST_INVALID, _("%s line %zu: expected %d columns"),
                          l->file, row->line, l->min_fields);
    return l->row(l, row->fields);
}

/* province_code,province_name,unit_code,unit_type,unit_name,unit_full_name */
static enum status unit_row(struct loader *l, char **f)
{
    db_bind_text(l->st[0], 1, f[0]);
    db_bind_text(l->st[0], 2, f[1]);
    enum status st = bind_fold(l->st[0], 3, f[1]);
    if (st == ST_OK)
        st = step_reset(l, l->st[0]);
    if (st != ST_OK)
        return st;
    for (int i = 0; i < 5; i++)
        db_bind_text(l->st[1], i + 1, f[i == 0 ? 2 : i == 1 ? 0 : i + 1]);
    st = bind_fold(l->st[1], 6, f[5]);
    return st == ST_OK ? step_reset(l, l->st[1]) : st;
}

/* Legal order of the group letters (đ after d; no f, j). */
static int letter_sort(const char *letter)
{
    static const char *const order[] = {"a", "b", "c", "d", "đ", "e", "g",
                                        "h", "i", "k", "l", "m", "n", "o"};
    for (int i = 0; i < 14; i++)
        if (strcmp(order[i], letter) == 0)
            return i + 1;
    return 99;
}

/* luat_dieu10_diem,nd56_dieu,nhom,nd56_khoan,nhom_con */
static enum status group_row(struct loader *l, char **f)
{
    db_bind_text(l->st[0], 1, f[0]);
    sqlite3_bind_int(l->st[0], 2, atoi(f[1]));
    db_bind_text(l->st[0], 3, f[2]);
    sqlite3_bind_int(l->st[0], 4, letter_sort(f[0]));
    enum status st = step_reset(l, l->st[0]);
    if (st != ST_OK)
        return st;
    char code[16];
    snprintf(code, sizeof code, "%s.%d", f[0], atoi(f[3]));
    db_bind_text(l->st[1], 1, code);
    db_bind_text(l->st[1], 2, f[0]);
    sqlite3_bind_int(l->st[1], 3, atoi(f[3]));
    db_bind_text(l->st[1], 4, f[4]);
    return step_reset(l, l->st[1]);
}

/* ma,ten,do_tin_cay */
static enum status ethnic_row(struct loader *l, char **f)
{
    for (int i = 0; i < 3; i++)
        db_bind_text(l->st[0], i + 1, f[i]);
    return step_reset(l, l->st[0]);
}

/* date,name,note — also code,name,criteria for departments */
static enum status three_row(struct loader *l, char **f)
{
    for (int i = 0; i < 3; i++)
        db_bind_text(l->st[0], i + 1, f[i]);
    return step_reset(l, l->st[0]);
}

struct source {
    const char *file;
    int min_fields;
    const char *sql[2];
    enum status (*row)(struct loader *l, char **f);
    const char *seed_once_key; /* non-NULL: editable list, loaded only once */
};

static const struct source sources[] = {
    {"assets/admin_units_2025.csv", 6,
     {"INSERT INTO province(code, name, name_fold) VALUES (?1, ?2, ?3) "
      "ON CONFLICT(code) DO UPDATE SET name = excluded.name, name_fold = excluded.name_fold "
      "WHERE name IS NOT excluded.name",
      "INSERT INTO unit(code, province_code, type, name, full_name, name_fold) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(code) DO UPDATE SET "
      "province_code = excluded.province_code, type = excluded.type, name = excluded.name, "
      "full_name = excluded.full_name, name_fold = excluded.name_fold "
      "WHERE full_name IS NOT excluded.full_name OR province_code IS NOT excluded.province_code"},
     unit_row, NULL},
    {"assets/special_circumstance_groups.csv", 5,
     {"INSERT INTO sc_group(letter, nd56_article, name, sort) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT(letter) DO UPDATE SET nd56_article = excluded.nd56_article, "
      "name = excluded.name, sort = excluded.sort",
      "INSERT INTO sc_subgroup(code, letter, clause, name) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT(code) DO UPDATE SET name = excluded.name"},
     group_row, NULL},
    {"assets/ethnic_groups_qd121_1979.csv", 3,
     {"INSERT INTO ethnic_group(code, code_list, name, reliability) "
      "VALUES (?1, 'QĐ 121-TCTK/PPCĐ (1979)', ?2, ?3) ON CONFLICT DO UPDATE SET "
      "name = excluded.name, reliability = excluded.reliability", NULL},
     ethnic_row, NULL},
    {"assets/holidays_vn.csv", 3,
     {"INSERT OR IGNORE INTO holiday(date, name, note) VALUES (?1, ?2, ?3)", NULL},
     three_row, "seeded_holidays"},
    {"assets/departments_default.csv", 3,
     {"INSERT OR IGNORE INTO department(code, name, criteria) VALUES (?1, ?2, ?3)", NULL},
     three_row, "seeded_departments"},
};

static enum status load_source(struct db *db, const struct source *src)
{
    const struct embedded_file *f = embed_find(src->file);
    if (!f)
        return status_set(ST_NOTFOUND, _("%s is missing from this build"), src->file);
    if (src->seed_once_key) {
        char *v = NULL;
        if (db_setting_get(db, src->seed_once_key, &v) == ST_OK) {
            free(v);
            return ST_OK;
        }
    }
    struct loader l = {.db = db, .file = src->file, .min_fields = src->min_fields, .row = src->row};
    enum status st = ST_OK;
    for (int i = 0; i < 2 && st == ST_OK; i++)
        if (src->sql[i])
            st = db_prepare(db, src->sql[i], &l.st[i]);
    if (st == ST_OK)
        st = csv_read_buffer(f->data, f->len, ',', on_row, &l);
    if (st == ST_OK && src->seed_once_key)
        st = db_setting_set(db, src->seed_once_key, "1");
    sqlite3_finalize(l.st[0]);
    sqlite3_finalize(l.st[1]);
    return st;
}

/* FNV-1a over the shipped files: changes when any asset changes. */
static void fingerprint(char out[17])
{
    unsigned long long h = 1469598103934665603ULL;
    for (size_t i = 0; i < sizeof sources / sizeof *sources; i++) {
        const struct embedded_file *f = embed_find(sources[i].file);
        for (size_t j = 0; f && j < f->len; j++)
            h = (h ^ (unsigned char)f->data[j]) * 1099511628211ULL;
    }
    snprintf(out, 17, "%016llx", h);
}

enum status catalog_sync(struct db *db, bool *changed)
{
    char want[17], *have = NULL;
    fingerprint(want);
    if (changed)
        *changed = false;
    if (db_setting_get(db, "catalog_fingerprint", &have) == ST_OK) {
        bool same = strcmp(have, want) == 0;
        free(have);
        if (same)
            return ST_OK;
    }
    enum status st = db_begin(db);
    for (size_t i = 0; st == ST_OK && i < sizeof sources / sizeof *sources; i++)
        st = load_source(db, &sources[i]);
    if (st == ST_OK)
        st = db_setting_set(db, "catalog_fingerprint", want);
    if (st != ST_OK) {
        db_rollback(db);
        return st;
    }
    st = db_commit(db);
    if (st == ST_OK && changed)
        *changed = true;
    return st;
}

enum status catalog_holidays(struct db *db, struct holidays *h)
{
    return holiday_repo_load(db, h); /* days off and make-up working days */
}

/* The catalogue's names, read once (the shipped list is the same in every
 * database); freed at exit. */
static char **ethnic_names;
static size_t ethnic_n;

static void ethnic_free(void)
{
    for (size_t i = 0; i < ethnic_n; i++)
        free(ethnic_names[i]);
    free(ethnic_names);
    ethnic_names = NULL;
    ethnic_n = 0;
}

static enum status ethnic_load(struct db *db)
{
    sqlite3_stmt *st;
    size_t cap = 0;
    enum status rc = db_prepare(db, "SELECT name FROM ethnic_group ORDER BY code_list, code", &st);
    while (rc == ST_OK && sqlite3_step(st) == SQLITE_ROW) {
        char *name = strdup((const char *)sqlite3_column_text(st, 0));
        if (!name || (ethnic_n == cap && !row_grow(&ethnic_names, &cap, ethnic_n, sizeof *ethnic_names))) {
            free(name);
            rc = status_set(ST_NOMEM, "%s", _("out of memory"));
            break;
        }
        ethnic_names[ethnic_n++] = name;
    }
    sqlite3_finalize(st);
    if (rc != ST_OK || ethnic_n == 0) {
        ethnic_free();
        return rc;
    }
    atexit(ethnic_free);
    return ST_OK;
}

enum status catalog_ethnicity(struct db *db, char **ethnicity)
{
    if (!*ethnicity || !**ethnicity)
        return ST_OK;
    enum status rc = ethnic_n ? ST_OK : ethnic_load(db);
    if (rc != ST_OK)
        return rc;
    if (ethnic_n == 0)
        return ST_OK; /* no catalogue in this database: nothing to match against */
    char name[ETHNICITY_BUF];
    rc = ethnicity_match(*ethnicity, (const char *const *)ethnic_names, ethnic_n, name);
    if (rc != ST_OK)
        return rc;
    char *copy = strdup(name);
    if (!copy)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    free(*ethnicity);
    *ethnicity = copy;
    return ST_OK;
}
