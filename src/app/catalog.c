/* catalog — shipped CSV assets → reference tables. */
#include <config.h>
#include "treem/app/catalog.h"
#include "treem/app/tx.h"
#include "treem/db/catalog_repo.h"
#include "treem/db/holiday_repo.h"
#include "treem/core/embed.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/core/utf8.h"
#include "treem/csv/csv_read.h"
#include "treem/model/ethnicity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct loader {
    struct db *db;
    const char *file;
    int min_fields;
    enum status (*row)(struct loader *l, char **f);
};

/* The folded form of s into *fold (malloc'd). */
static enum status fold_of(const char *s, char **fold)
{
    *fold = utf8_fold(s);
    if (!*fold)
        return status_set(ST_INVALID, _("text is not valid UTF-8: %s"), s);
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
    char *fold = NULL;
    enum status st = fold_of(f[1], &fold);
    if (st == ST_OK)
        st = catalog_repo_province(l->db, l->file, f[0], f[1], fold);
    free(fold);
    fold = NULL;
    if (st == ST_OK)
        st = fold_of(f[5], &fold);
    struct catalog_unit u = {f[2], f[0], f[3], f[4], f[5], fold};
    if (st == ST_OK)
        st = catalog_repo_unit(l->db, l->file, &u);
    free(fold);
    return st;
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
    long long article = 0, clause = 0; /* an empty cell: none (0) */
    if ((f[1][0] && number_parse_int(f[1], NUM_INT, &article) != ST_OK)
        || (f[3][0] && number_parse_int(f[3], NUM_INT, &clause) != ST_OK) || article > 1000 || clause > 1000)
        return status_set(ST_INVALID, _("%s: nd56_dieu and nd56_khoan must be small whole numbers (%s, %s)"),
                          l->file, f[1], f[3]);
    enum status st = catalog_repo_group(l->db, l->file, f[0], (int)article, f[2], letter_sort(f[0]));
    if (st != ST_OK)
        return st;
    char code[16];
    snprintf(code, sizeof code, "%s.%lld", f[0], clause);
    return catalog_repo_subgroup(l->db, l->file, code, f[0], (int)clause, f[4]);
}

/* ma,ten,do_tin_cay */
static enum status ethnic_row(struct loader *l, char **f)
{
    return catalog_repo_ethnic(l->db, l->file, f[0], f[1], f[2]);
}

/* date,name,note */
static enum status holiday_row(struct loader *l, char **f)
{
    return catalog_repo_holiday(l->db, l->file, f[0], f[1], f[2]);
}

/* code,name,criteria */
static enum status department_row(struct loader *l, char **f)
{
    return catalog_repo_department(l->db, l->file, f[0], f[1], f[2]);
}

struct source {
    const char *file;
    int min_fields;
    enum status (*row)(struct loader *l, char **f);
    const char *seed_once_key; /* non-NULL: editable list, loaded only once */
};

static const struct source sources[] = {
    {"assets/admin_units_2025.csv", 6, unit_row, NULL},
    {"assets/special_circumstance_groups.csv", 5, group_row, NULL},
    {"assets/ethnic_groups_qd121_1979.csv", 3, ethnic_row, NULL},
    {"assets/holidays_vn.csv", 3, holiday_row, "seeded_holidays"},
    {"assets/departments_default.csv", 3, department_row, "seeded_departments"},
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
    enum status st = csv_read_buffer(f->data, f->len, ',', on_row, &l);
    if (st == ST_OK && src->seed_once_key)
        st = db_setting_set(db, src->seed_once_key, "1");
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
    st = tx_end(db, st);
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
    enum status rc = catalog_repo_ethnic_names(db, &ethnic_names, &ethnic_n);
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
