/* child_search — the register as a list: one page of matching children at a
 * time (never the whole register), and the number of matches. Matching is on
 * the stored search fold: every word of the typed text must appear, in any
 * order, without regard to case or diacritics (đ = d); filters narrow by
 * village, sex, age band, special-circumstance group and the 16-year cut,
 * all "on a given day". Sorted Vietnamese-style: given name, then full name.
 * Rare words (3+ characters) are looked up in a trigram index; otherwise the
 * sorted index is walked until the page is full. */
#ifndef TREEM_DB_CHILD_SEARCH_H
#define TREEM_DB_CHILD_SEARCH_H
#include <stddef.h>
#include "treem/db/db.h"
#include "treem/model/child.h"

/* Which side of the 16-year cut to list. */
enum child_scope {
    CHILD_SCOPE_CHILDREN,  /* under 16 on `day` (and born by then), or age unknown */
    CHILD_SCOPE_OVER16,    /* 16 or older on `day`: "đã quá 16 tuổi", kept but apart */
    CHILD_SCOPE_ALL,
};

struct child_query {
    const char *text;        /* typed search text (any case, marks, NFD); NULL or "" = all */
    long long village_id;    /* 0 = any village */
    int sex;                 /* enum child_sex, or -1 for any */
    int age_from, age_to;    /* completed years on `day`, inclusive; -1 = no bound */
    const char *group;       /* NULL = any child; "*" = in some HCĐB sub-group on `day`;
                              * a letter ("a", "đ") or a sub-group code ("d.2") */
    enum child_scope scope;
    struct date day;         /* the day ages and groups refer to; {0} = date_today() */
    long long only_user;     /* 0 = every village; else only the villages of this
                              * account (a collaborator: app/auth.h) */
};

/* A query matching every child under 16 today. */
void child_query_init(struct child_query *q);

/* One line of the list: what the list shows, in fixed buffers (no frees). */
struct child_row {
    long long id;
    char code[CHILD_CODE_BUF];
    char full_name[CHILD_NAME_BUF];
    struct date birth_date;     /* y == 0 when only an age is known */
    int est_age;                /* -1 unless estimated */
    struct date birth_eff;      /* see child_birth_eff(); y == 0 when unknown */
    int sex;                    /* enum child_sex */
    char village[CHILD_NAME_BUF];
    int age;                    /* completed years on the query's day, -1 unknown */
    /* When the search words are not all in the child's own name, and the
     * rest were found in a parent's, the carer's or a phone: that value and
     * whose ("Nguyễn Thị Lan (mother)"); "" for the name or the village. */
    char why[CHILD_NAME_BUF + 32];
};

/* List order: with search words, the children whose own name, code or ID
 * number hold them all come first (before matches through a parent, the
 * carer, a phone or the village); then by given name. */

/* Rows offset … offset+limit−1 of the matches, in list order, into rows
 * (room for limit rows); *n gets how many were written. Cost grows with the
 * rows walked to reach the page, not with the size of the register.
 * ST_INVALID for a group that is neither a letter nor a sub-group code. */
enum status child_search_page(struct db *db, const struct child_query *q, size_t offset,
                              size_t limit, struct child_row *rows, size_t *n);

/* Every match from offset on (limit < 0: all), in list order, one
 * statement: the cost grows with the matches (candidates from the search
 * index when it is up to date), not with the register or the offset. fn
 * returns false to stop. */
typedef bool (*child_row_fn)(void *ctx, const struct child_row *r);
enum status child_search_each(struct db *db, const struct child_query *q, size_t offset,
                              long long limit, child_row_fn fn, void *ctx);

/* The number of matches of q. On a large register an exact count may read
 * every row (≈ 20 ms at 100k children). */
enum status child_search_count(struct db *db, const struct child_query *q, long long *n);

/* The number of matches, but stops counting at cap (cap < 0: no cap): what
 * a list shows as "1000+" while the user types. Cheap when matches are
 * many or few; cap bounds the work in between. */
enum status child_search_count_upto(struct db *db, const struct child_query *q, long long cap,
                                    long long *n);

/* The ids of the children whose (real or estimated) birth is after born,
 * in id order: *ids malloc'd (caller frees), *n of them; NULL and 0 on an
 * error (the database's or ST_NOMEM). */
enum status child_search_ids_born_after(struct db *db, struct date born, long long **ids,
                                        size_t *n);

#endif
