/* catalog_repo — the shipped reference tables' SQL. */
#include <config.h>
#include "treem/db/catalog_repo.h"
#include "treem/db/row.h"

enum status catalog_repo_province(struct db *db, const char *what, const char *code,
                                  const char *name, const char *fold)
{
    return row_exec_cached(db,
        "INSERT INTO province(code, name, name_fold) VALUES (?1, ?2, ?3) "
        "ON CONFLICT(code) DO UPDATE SET name = excluded.name, name_fold = excluded.name_fold "
        "WHERE name IS NOT excluded.name", what,
        ROW_TEXT(code), ROW_TEXT(name), ROW_TEXT(fold));
}

enum status catalog_repo_unit(struct db *db, const char *what, const struct catalog_unit *u)
{
    return row_exec_cached(db,
        "INSERT INTO unit(code, province_code, type, name, full_name, name_fold) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(code) DO UPDATE SET "
        "province_code = excluded.province_code, type = excluded.type, name = excluded.name, "
        "full_name = excluded.full_name, name_fold = excluded.name_fold "
        "WHERE full_name IS NOT excluded.full_name OR province_code IS NOT excluded.province_code",
        what, ROW_TEXT(u->code), ROW_TEXT(u->province_code), ROW_TEXT(u->type), ROW_TEXT(u->name),
        ROW_TEXT(u->full_name), ROW_TEXT(u->fold));
}

enum status catalog_repo_group(struct db *db, const char *what, const char *letter, int article,
                               const char *name, int sort)
{
    return row_exec_cached(db,
        "INSERT INTO sc_group(letter, nd56_article, name, sort) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(letter) DO UPDATE SET nd56_article = excluded.nd56_article, "
        "name = excluded.name, sort = excluded.sort", what,
        ROW_TEXT(letter), ROW_INT(article), ROW_TEXT(name), ROW_INT(sort));
}

enum status catalog_repo_subgroup(struct db *db, const char *what, const char *code,
                                  const char *letter, int clause, const char *name)
{
    return row_exec_cached(db,
        "INSERT INTO sc_subgroup(code, letter, clause, name) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(code) DO UPDATE SET name = excluded.name", what,
        ROW_TEXT(code), ROW_TEXT(letter), ROW_INT(clause), ROW_TEXT(name));
}

enum status catalog_repo_ethnic(struct db *db, const char *what, const char *code,
                                const char *name, const char *reliability)
{
    return row_exec_cached(db,
        "INSERT INTO ethnic_group(code, code_list, name, reliability) "
        "VALUES (?1, 'QĐ 121-TCTK/PPCĐ (1979)', ?2, ?3) ON CONFLICT DO UPDATE SET "
        "name = excluded.name, reliability = excluded.reliability", what,
        ROW_TEXT(code), ROW_TEXT(name), ROW_TEXT(reliability));
}

enum status catalog_repo_holiday(struct db *db, const char *what, const char *date,
                                 const char *name, const char *note)
{
    return row_exec_cached(db, "INSERT OR IGNORE INTO holiday(date, name, note) VALUES (?1, ?2, ?3)",
                           what,
        ROW_TEXT(date), ROW_TEXT(name), ROW_TEXT(note));
}

enum status catalog_repo_department(struct db *db, const char *what, const char *code,
                                    const char *name, const char *criteria)
{
    return row_exec_cached(db,
        "INSERT OR IGNORE INTO department(code, name, criteria) VALUES (?1, ?2, ?3)", what,
        ROW_TEXT(code), ROW_TEXT(name), ROW_TEXT(criteria));
}

enum status catalog_repo_ethnic_names(struct db *db, char ***names, size_t *n)
{
    return row_query_texts(db, "SELECT name FROM ethnic_group ORDER BY code_list, code", names, n);
}
