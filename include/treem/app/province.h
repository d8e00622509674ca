/* province — the level above: since 07/2025 the province's Sở Y tế (or any
 * body that gathers communes). `treem init --province CODE` makes its
 * database (settings province_code and level = province; no register of
 * its own). Each commune's hand-off packages are received into that
 * commune's own database in the folder next to it, <db>.communes/<code>.db:
 * every record keeps its commune, villages stay with their commune (two
 * communes' "Thôn 1" never meet), a newer package updates that commune's
 * records through the same import as a commune database (conflicts
 * included), and a package from a commune outside the province, or older
 * than the one already received, is refused. What was received (made on,
 * by whom, period, received on) is kept in the commune database's settings
 * (package_*), so no table is added for it. */
#ifndef TREEM_APP_PROVINCE_H
#define TREEM_APP_PROVINCE_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/app/commune.h"
#include "treem/app/transfer.h"
#include "treem/csv/manifest.h"
#include "treem/db/db.h"
#include "treem/model/rubric_score.h"

struct province {
    char code[4];
    char *name;       /* "Tỉnh Gia Lai" */
};
void province_free(struct province *p);

/* Makes db the level above for province code (2 digits, from the shipped
 * list). Refuses (ST_CONFLICT) a commune database and a database already
 * set up for another province; the same code again changes nothing;
 * ST_NOTFOUND naming the code when no such province. */
enum status province_setup(struct db *db, const char *code);

/* The province of a level-above database; ST_NOTFOUND for any other. */
enum status province_current(struct db *db, struct province *out);
/* True when db was made with province_setup. */
bool province_is(struct db *db);

/* The communes of the province (the shipped list), by name; free with
 * commune_list_free. */
enum status province_units(struct db *db, struct commune **out, size_t *n);

/* The path of a commune's database beside db (malloc'd; NULL: no memory). */
char *province_commune_path(const struct db *db, const char *commune_code);
/* Opens a commune's database (created when create; else ST_NOTFOUND when
 * no package came yet). */
enum status province_open_commune(struct db *db, const char *commune_code, bool create,
                                  struct db **out);

/* What a receive did. */
struct province_receipt {
    struct commune commune;     /* the package's commune */
    struct manifest manifest;   /* the package's manifest */
    struct transfer_result res; /* as for a commune's import */
    bool first;                 /* the commune's first package */
};
void province_receipt_free(struct province_receipt *r);

/* Receives the package in dir into its commune's database: the manifest is
 * read and its commune checked first (not in the shipped list: ST_NOTFOUND;
 * in another province, or older than the package already received:
 * ST_CONFLICT; nothing written), then handoff_import (every file checked
 * against the manifest, one transaction, a backup first) and the package's
 * details recorded. *out must be zeroed; free it with
 * province_receipt_free. */
enum status province_receive(struct db *db, const char *dir, const struct transfer_import_opts *o,
                             struct province_receipt *out);

/* One line of the Tổng hợp: a commune of the province. */
struct commune_summary {
    char code[8];
    char *name;                 /* "Xã …" */
    bool received;              /* a package came */
    char made_at[20];           /* the package: made on "yyyy-mm-dd hh:mm" */
    char period_from[11], period_to[11];  /* its period (ISO) */
    char *made_by;              /* who made it ("" when none) */
    bool late;                  /* no package, or its period ends before the last cut-off */
    long long children, special, open_cases, overdue;   /* -1 when unknown */
    bool scored;                /* the year's self-assessment exists */
    double total;
    enum rubric_verdict verdict;
};
void commune_summary_free(struct commune_summary *s, size_t n);

/* The Tổng hợp of the province on `today`: every commune of the province
 * (those with a package first, by name; then the others), the counts read
 * from each commune's database. */
enum status province_summary(struct db *db, struct date today, struct commune_summary **out,
                             size_t *n);

/* A line of the Tổng hợp as text (translated), for the CLI and the screen. */
struct commune_summary_text {
    char state[48];     /* "no package", "late", "" */
    char made[16];      /* made on, dd/mm/yyyy; "—" */
    char period[32];    /* "15/12/2025–14/06/2026"; "—" */
    char children[24], special[24], open_cases[24], overdue[24];  /* "?" when unknown */
    char total[24];     /* points, "—" when not scored */
    char verdict[96];   /* the verdict's label, "—" when not scored */
};
void commune_summary_format(const struct commune_summary *s, struct commune_summary_text *t);

#endif
