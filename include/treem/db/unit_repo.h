/* unit_repo — the shipped list of administrative units (table unit, with
 * its province): one unit by code, and the units whose names hold words. */
#ifndef TREEM_DB_UNIT_REPO_H
#define TREEM_DB_UNIT_REPO_H
#include <stddef.h>
#include "treem/db/db.h"

struct unit_row {
    char *code;          /* 5-digit unit code */
    char *province_code;
    char *full_name;     /* "Phường An Nhơn Đông" */
    char *province_name; /* "Tỉnh Gia Lai" */
};
/* Frees what r holds (not r). */
void unit_row_clear(struct unit_row *r);
/* Frees rows (n of them) and the array. */
void unit_rows_free(struct unit_row *rows, size_t n);

/* The unit with this code in *out (caller clears with unit_row_clear).
 * ST_NOTFOUND (no message) when there is none; ST_NOMEM; the database
 * error otherwise. */
enum status unit_repo_get(struct db *db, const char *code, struct unit_row *out);

/* The units of province_code (NULL: every province) whose folded name or
 * province name has a word starting with each of the nwords folded words,
 * ordered by province code then full name, at most max: *out malloc'd
 * (caller frees with unit_rows_free), *n of them; NULL and 0 on an error. */
enum status unit_repo_search(struct db *db, const char *province_code, const char *const *words,
                             size_t nwords, size_t max, struct unit_row **out, size_t *n);

#endif
