/* commune — which commune a database belongs to, its villages and the
 * officer's settings; look-ups in the shipped list of 3,321 units. */
#ifndef TREEM_APP_COMMUNE_H
#define TREEM_APP_COMMUNE_H
#include <stddef.h>
#include "treem/db/db.h"

struct commune {
    char code[8];        /* 5-digit unit code */
    char province_code[4];
    char *full_name;     /* "Phường An Nhơn Đông" */
    char *province_name; /* "Tỉnh Gia Lai" */
};

void commune_free(struct commune *c);

/* The shipped unit with this code; ST_NOTFOUND with a message naming the code. */
enum status commune_find(struct db *db, const char *code, struct commune *out);

/* The commune this database was set up for; ST_NOTFOUND before set-up. */
enum status commune_current(struct db *db, struct commune *out);

/* Sets the database's commune. Refuses a code that is not in the list and
 * a database already set up for another commune; the same code again
 * changes nothing. */
enum status commune_setup(struct db *db, const char *code);

/* Units whose folded full name or province name has a word starting with
 * each word of the folded query (any order), at most max, in *out (caller frees with
 * commune_list_free). province_code may be NULL for all provinces. */
enum status commune_search(struct db *db, const char *province_code, const char *query,
                           size_t max, struct commune **out, size_t *n);
void commune_list_free(struct commune *list, size_t n);

/* The officer's side of the set-up: who keeps the register, which body
 * reports go to ("cấp trên", never assumed to be a district), and villages
 * to add, as one text separated by ';' or ','. */
struct commune_profile {
    const char *officer_name;
    const char *level_above;
    const char *villages;      /* may be NULL or "" */
};
enum profile_field { PROFILE_NONE, PROFILE_OFFICER, PROFILE_LEVEL, PROFILE_VILLAGES };

/* Saves the profile inside the caller's transaction: both names required
 * (ST_INVALID naming the field, *bad set to it), villages added (existing
 * ones are kept). */
enum status commune_profile_save(struct db *db, const struct commune_profile *p,
                                 enum profile_field *bad);

/* Villages (thôn / tổ dân phố). */
enum status village_add(struct db *db, const char *name);
enum status village_list(struct db *db, char ***names, size_t *n);
void string_list_free(char **list, size_t n);

#endif
