/* catalog_repo — the shipped reference tables' SQL. */
#include <config.h>
#include "treem/db/catalog_repo.h"
#include "treem/db/row.h"

#include <stdarg.h>

/* Binds the parameters ?1, ?2 … to the cached statement of sql, one per
 * letter of types ('t': a const char *, 'i': an int, in the varargs), steps
 * it to its end and resets it. */
static enum status put(struct db *db, const char *what, const char *sql, const char *types, ...)
{
    sqlite3_stmt *st;
    enum status rc = db_prepare_cached(db, sql, &st);
    if (rc != ST_OK)
        return rc;
    va_list ap;
    va_start(ap, types);
    for (int i = 0; types[i]; i++) {
        if (types[i] == 'i')
            sqlite3_bind_int(st, i + 1, va_arg(ap, int));
        else
            db_bind_text(st, i + 1, va_arg(ap, const char *));
    }
    va_end(ap);
    return row_write_cached(db, st, what);
}

enum status catalog_repo_province(struct db *db, const char *what, const char *code,
                                  const char *name, const char *fold)
{
    return put(db, what,
        "INSERT INTO province(code, name, name_fold) VALUES (?1, ?2, ?3) "
        "ON CONFLICT(code) DO UPDATE SET name = excluded.name, name_fold = excluded.name_fold "
        "WHERE name IS NOT excluded.name", "ttt", code, name, fold);
}

enum status catalog_repo_unit(struct db *db, const char *what, const struct catalog_unit *u)
{
    return put(db, what,
        "INSERT INTO unit(code, province_code, type, name, full_name, name_fold) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(code) DO UPDATE SET "
        "province_code = excluded.province_code, type = excluded.type, name = excluded.name, "
        "full_name = excluded.full_name, name_fold = excluded.name_fold "
        "WHERE full_name IS NOT excluded.full_name OR province_code IS NOT excluded.province_code",
        "tttttt", u->code, u->province_code, u->type, u->name, u->full_name, u->fold);
}

enum status catalog_repo_group(struct db *db, const char *what, const char *letter, int article,
                               const char *name, int sort)
{
    return put(db, what,
        "INSERT INTO sc_group(letter, nd56_article, name, sort) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(letter) DO UPDATE SET nd56_article = excluded.nd56_article, "
        "name = excluded.name, sort = excluded.sort", "titi", letter, article, name, sort);
}

enum status catalog_repo_subgroup(struct db *db, const char *what, const char *code,
                                  const char *letter, int clause, const char *name)
{
    return put(db, what,
        "INSERT INTO sc_subgroup(code, letter, clause, name) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(code) DO UPDATE SET name = excluded.name", "ttit", code, letter, clause, name);
}

enum status catalog_repo_ethnic(struct db *db, const char *what, const char *code,
                                const char *name, const char *reliability)
{
    return put(db, what,
        "INSERT INTO ethnic_group(code, code_list, name, reliability) "
        "VALUES (?1, 'QĐ 121-TCTK/PPCĐ (1979)', ?2, ?3) ON CONFLICT DO UPDATE SET "
        "name = excluded.name, reliability = excluded.reliability", "ttt", code, name, reliability);
}

enum status catalog_repo_holiday(struct db *db, const char *what, const char *date,
                                 const char *name, const char *note)
{
    return put(db, what, "INSERT OR IGNORE INTO holiday(date, name, note) VALUES (?1, ?2, ?3)",
               "ttt", date, name, note);
}

enum status catalog_repo_department(struct db *db, const char *what, const char *code,
                                    const char *name, const char *criteria)
{
    return put(db, what, "INSERT OR IGNORE INTO department(code, name, criteria) VALUES (?1, ?2, ?3)",
               "ttt", code, name, criteria);
}

enum status catalog_repo_ethnic_names(struct db *db, char ***names, size_t *n)
{
    return row_query_texts(db, "SELECT name FROM ethnic_group ORDER BY code_list, code", names, n);
}
