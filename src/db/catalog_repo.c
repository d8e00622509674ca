/* catalog_repo — the shipped reference tables' SQL. */
#include <config.h>
#include "treem/db/catalog_repo.h"
#include "treem/db/row.h"

/* Binds the n texts (?1 … ?n) to the cached statement of sql, steps it to
 * its end and resets it. */
static enum status put_texts(struct db *db, const char *what, const char *sql,
                             const char *const *texts, int n)
{
    sqlite3_stmt *st;
    enum status rc = db_prepare_cached(db, sql, &st);
    if (rc != ST_OK)
        return rc;
    for (int i = 0; i < n; i++)
        db_bind_text(st, i + 1, texts[i]);
    rc = db_step_done(db, st, what);
    sqlite3_reset(st);
    return rc;
}

enum status catalog_repo_province(struct db *db, const char *what, const char *code,
                                  const char *name, const char *fold)
{
    const char *const t[] = {code, name, fold};
    return put_texts(db, what,
        "INSERT INTO province(code, name, name_fold) VALUES (?1, ?2, ?3) "
        "ON CONFLICT(code) DO UPDATE SET name = excluded.name, name_fold = excluded.name_fold "
        "WHERE name IS NOT excluded.name", t, 3);
}

enum status catalog_repo_unit(struct db *db, const char *what, const struct catalog_unit *u)
{
    const char *const t[] = {u->code, u->province_code, u->type, u->name, u->full_name, u->fold};
    return put_texts(db, what,
        "INSERT INTO unit(code, province_code, type, name, full_name, name_fold) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(code) DO UPDATE SET "
        "province_code = excluded.province_code, type = excluded.type, name = excluded.name, "
        "full_name = excluded.full_name, name_fold = excluded.name_fold "
        "WHERE full_name IS NOT excluded.full_name OR province_code IS NOT excluded.province_code",
        t, 6);
}

enum status catalog_repo_group(struct db *db, const char *what, const char *letter, int article,
                               const char *name, int sort)
{
    sqlite3_stmt *st;
    enum status rc = db_prepare_cached(db,
        "INSERT INTO sc_group(letter, nd56_article, name, sort) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(letter) DO UPDATE SET nd56_article = excluded.nd56_article, "
        "name = excluded.name, sort = excluded.sort", &st);
    if (rc != ST_OK)
        return rc;
    db_bind_text(st, 1, letter);
    sqlite3_bind_int(st, 2, article);
    db_bind_text(st, 3, name);
    sqlite3_bind_int(st, 4, sort);
    rc = db_step_done(db, st, what);
    sqlite3_reset(st);
    return rc;
}

enum status catalog_repo_subgroup(struct db *db, const char *what, const char *code,
                                  const char *letter, int clause, const char *name)
{
    sqlite3_stmt *st;
    enum status rc = db_prepare_cached(db,
        "INSERT INTO sc_subgroup(code, letter, clause, name) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(code) DO UPDATE SET name = excluded.name", &st);
    if (rc != ST_OK)
        return rc;
    db_bind_text(st, 1, code);
    db_bind_text(st, 2, letter);
    sqlite3_bind_int(st, 3, clause);
    db_bind_text(st, 4, name);
    rc = db_step_done(db, st, what);
    sqlite3_reset(st);
    return rc;
}

enum status catalog_repo_ethnic(struct db *db, const char *what, const char *code,
                                const char *name, const char *reliability)
{
    const char *const t[] = {code, name, reliability};
    return put_texts(db, what,
        "INSERT INTO ethnic_group(code, code_list, name, reliability) "
        "VALUES (?1, 'QĐ 121-TCTK/PPCĐ (1979)', ?2, ?3) ON CONFLICT DO UPDATE SET "
        "name = excluded.name, reliability = excluded.reliability", t, 3);
}

enum status catalog_repo_holiday(struct db *db, const char *what, const char *date,
                                 const char *name, const char *note)
{
    const char *const t[] = {date, name, note};
    return put_texts(db, what, "INSERT OR IGNORE INTO holiday(date, name, note) VALUES (?1, ?2, ?3)",
                     t, 3);
}

enum status catalog_repo_department(struct db *db, const char *what, const char *code,
                                    const char *name, const char *criteria)
{
    const char *const t[] = {code, name, criteria};
    return put_texts(db, what,
                     "INSERT OR IGNORE INTO department(code, name, criteria) VALUES (?1, ?2, ?3)",
                     t, 3);
}

enum status catalog_repo_ethnic_names(struct db *db, char ***names, size_t *n)
{
    sqlite3_stmt *st = NULL;
    *names = NULL;
    *n = 0;
    enum status rc = db_prepare(db, "SELECT name FROM ethnic_group ORDER BY code_list, code", &st);
    if (rc != ST_OK)
        return rc;
    return row_collect_texts(db, st, names, n);
}
