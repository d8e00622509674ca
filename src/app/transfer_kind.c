/* transfer_kind — helpers shared by the record kinds of the CSV transfer. */
#include <config.h>
#include "treem/app/transfer_kind.h"
#include "treem/app/auth.h"
#include "treem/db/transfer_case_repo.h"
#include "treem/db/transfer_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/mem.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool is_meta(const char *name)
{
    return strcmp(name, TRANSFER_COL_CODE) == 0 || strcmp(name, TRANSFER_COL_UPDATED) == 0 ||
           strcmp(name, TRANSFER_COL_HASH) == 0;
}

/* Which columns of a kind the hash skips, and which holds it, found once
 * per kind (they are asked for on every row of an export). */
struct kind_meta {
    const struct csv_kind *kind;
    uint64_t skip;              /* bit i: column i is a meta column */
    size_t hash_col;            /* SIZE_MAX: none */
};

static const struct kind_meta *meta_of(const struct csv_kind *kind)
{
    static struct kind_meta memo[16];
    size_t i = 0;
    while (i < sizeof memo / sizeof *memo && memo[i].kind && memo[i].kind != kind)
        i++;
    if (i == sizeof memo / sizeof *memo || kind->ncolumns > 64)
        return NULL;
    if (!memo[i].kind) {
        memo[i].hash_col = SIZE_MAX;
        for (size_t c = 0; c < kind->ncolumns; c++) {
            if (is_meta(kind->columns[c].name))
                memo[i].skip |= 1ULL << c;
            if (strcmp(kind->columns[c].name, TRANSFER_COL_HASH) == 0)
                memo[i].hash_col = c;
        }
        memo[i].kind = kind;
    }
    return &memo[i];
}

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

void transfer_hash(const struct csv_kind *kind, size_t ncols, const char *const *cells,
                   char out[TRANSFER_HASH_BUF])
{
    uint64_t h = 14695981039346656037ULL;
    const struct kind_meta *m = meta_of(kind);
    for (size_t i = 0; i < ncols; i++) {
        if (m ? (m->skip >> i) & 1 : is_meta(kind->columns[i].name))
            continue;
        const char *s = cells[i] ? cells[i] : "";
        h = fnv(h, s, strlen(s));
        h = fnv(h, "\x1f", 1);
    }
    /* the letter keeps spreadsheets from reading the code as a number */
    snprintf(out, TRANSFER_HASH_BUF, "h%016llx", (unsigned long long)h);
}

bool transfer_hash_equal(const char *computed, const char *cell)
{
    if (!cell || !*cell)
        return false;
    if (cell[0] == 'h' || cell[0] == 'H')
        cell++;
    return strcasecmp(computed + 1, cell) == 0;
}

enum status transfer_emit_hashed(struct transfer_export *x, const char *const *cells,
                                 const char *const *hash_cells)
{
    const struct csv_kind *k = x->kind->csv;
    char hash[TRANSFER_HASH_BUF];
    transfer_hash(k, x->kind->nexport, hash_cells, hash);
    enum status rc = ST_OK;
    const struct kind_meta *m = meta_of(k);
    for (size_t i = 0; rc == ST_OK && i < x->kind->nexport; i++) {
        bool is_hash = m ? i == m->hash_col : strcmp(k->columns[i].name, TRANSFER_COL_HASH) == 0;
        const char *cell = is_hash ? hash : cells[i];
        rc = x->xo ? xlsx_out_cell(x->xo, cell ? cell : "") : csv_write_cell(x->w, cell);
    }
    if (rc == ST_OK)
        rc = x->xo ? xlsx_out_end_row(x->xo) : csv_write_end_row(x->w);
    if (rc == ST_OK)
        x->rows++;
    return rc;
}

enum status transfer_emit(struct transfer_export *x, const char *const *cells)
{
    return transfer_emit_hashed(x, cells, cells);
}

const char *transfer_cell(const struct transfer_import *im, const struct csv_row *row, size_t col)
{
    return csv_map_get(im->map, row, col);
}

bool transfer_has(const struct transfer_import *im, size_t col)
{
    return csv_map_has(im->map, col);
}

/* The column as the file named it ("Ngày sinh"), else its stable name. */
static const char *col_name(const struct transfer_import *im, size_t col)
{
    const char *text = im->map ? csv_map_header(im->map, col) : NULL;
    if (text)
        return text;
    return col < im->kind->csv->ncolumns ? im->kind->csv->columns[col].name : "";
}

enum status transfer_bad(struct transfer_import *im, size_t line, size_t col, const char *value,
                         const char *rule, const char *message)
{
    return csv_errors_add(im->errs, line, col_name(im, col), value, rule, "%s", message);
}

enum status transfer_note(struct transfer_import *im, size_t line, size_t col, const char *value,
                          const char *message)
{
    return csv_errors_warn(im->errs, line, col_name(im, col), value, TRANSFER_RULE_NOTE, "%s", message);
}

enum status transfer_preview(struct transfer_import *im, size_t line, size_t col, const char *value,
                             const char *message)
{
    if (!im->preview)
        return ST_OK;
    return csv_errors_warn(im->preview, line, col_name(im, col), value, "preview", "%s", message);
}

const char *transfer_date_iso(struct date d, char buf[DATE_BUF])
{
    if (!d.y)
        return NULL;
    date_iso(d, buf);
    return buf;
}

enum status transfer_each_case(struct transfer_export *x,
                               enum status (*fn)(struct transfer_export *x, long long id))
{
    char from[DATE_BUF], to[DATE_BUF];
    long long *ids = NULL;
    size_t n = 0;
    enum status rc = transfer_case_repo_ids(x->db, transfer_date_iso(x->opts->from, from),
                                            transfer_date_iso(x->opts->to, to), &ids, &n);
    for (size_t i = 0; rc == ST_OK && i < n; i++)
        if (auth_case_visible(x->db, ids[i])) /* a collaborator: their own reports only */
            rc = fn(x, ids[i]);
    free(ids);
    return rc;
}

enum transfer_verdict transfer_judge(const struct transfer_import *im, const char *lh, const char *fh,
                                     const char *base, const char *local_updated,
                                     const char *file_updated)
{
    if (strcmp(lh, fh) == 0)
        return TRANSFER_UNCHANGED;
    if (im->opts->from_owner)   /* the commune's own package at the level above */
        return TRANSFER_TAKE_FILE;
    bool file_changed = true, local_changed = true;
    if (*base) {
        file_changed = !transfer_hash_equal(fh, base);
        local_changed = !transfer_hash_equal(lh, base);
    } else if (*file_updated) {
        local_changed = strcmp(local_updated, file_updated) > 0;
    }
    if (!file_changed)
        return TRANSFER_KEEP_LOCAL;
    if (!local_changed)
        return TRANSFER_TAKE_FILE;
    if (!im->opts->prefer_newer)
        return TRANSFER_CONFLICT;
    return !*file_updated || strcmp(file_updated, local_updated) > 0 ? TRANSFER_TAKE_FILE
                                                                     : TRANSFER_KEEP_LOCAL;
}

/* ------------------------------------------------------ identifiers seen */

/* A hash set of 64-bit hashes of the keys, in memory up to SEEN_IN_MEMORY
 * keys (4 MB of slots); the keys after those go to a temporary table
 * (db/transfer_repo.h), so a file of a million rows needs no more memory
 * than one of a hundred thousand. */
#define SEEN_IN_MEMORY (1u << 18)

struct transfer_seen {
    uint64_t *slots;   /* 0 = empty (a real 0 hash is stored as 1) */
    size_t cap, n;
    bool spilled;      /* keys beyond the memory ones are in the table */
    struct db *db;
};

static bool seen_grow(struct transfer_seen *s)
{
    size_t cap = mem_next_cap(s->cap, s->cap + 1, 1024);
    uint64_t *slots = cap ? calloc(cap, sizeof *slots) : NULL;
    if (!slots)
        return false;
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->slots[i])
            continue;
        size_t j = (size_t)(s->slots[i] & (cap - 1));
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = s->slots[i];
    }
    free(s->slots);
    s->slots = slots;
    s->cap = cap;
    return true;
}

static uint64_t key_hash(const char *key)
{
    uint64_t h = fnv(14695981039346656037ULL, key, strlen(key));
    return h ? h : 1;
}

static bool in_memory(const struct transfer_seen *s, uint64_t h)
{
    if (!s->cap)
        return false;
    for (size_t j = (size_t)(h & (s->cap - 1)); s->slots[j]; j = (j + 1) & (s->cap - 1))
        if (s->slots[j] == h)
            return true;
    return false;
}

bool transfer_seen_add(struct transfer_import *im, const char *key)
{
    if (!im->seen && !(im->seen = calloc(1, sizeof *im->seen)))
        return true;
    struct transfer_seen *s = im->seen;
    s->db = im->db;
    uint64_t h = key_hash(key);
    if (in_memory(s, h))
        return false;
    if (s->n >= SEEN_IN_MEMORY) {
        bool added = true;
        s->spilled = true;
        transfer_repo_seen_add(im->db, (long long)h, &added); /* on failure: do not claim a duplicate */
        return added;
    }
    if ((s->n + 1) * 2 > s->cap && !seen_grow(s))
        return true; /* out of memory: do not claim a duplicate */
    size_t j = (size_t)(h & (s->cap - 1));
    while (s->slots[j])
        j = (j + 1) & (s->cap - 1);
    s->slots[j] = h;
    s->n++;
    return true;
}

bool transfer_seen_has(const struct transfer_import *im, const char *key)
{
    const struct transfer_seen *s = im->seen;
    if (!s)
        return false;
    uint64_t h = key_hash(key);
    bool found = in_memory(s, h);
    if (!found && s->spilled)
        transfer_repo_seen_has(im->db, (long long)h, &found);
    return found;
}

void transfer_seen_free(struct transfer_seen *s)
{
    if (s && s->spilled)
        transfer_repo_seen_drop(s->db);
    if (s)
        free(s->slots);
    free(s);
}

/* ------------------------------------------------------------ formats */

bool transfer_uid_valid(const char *uid)
{
    static const char b32[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    if (strlen(uid) != 16 || uid[5] != '-')
        return false;
    for (int i = 0; i < 5; i++)
        if (uid[i] < '0' || uid[i] > '9')
            return false;
    for (int i = 6; i < 16; i++)
        if (!strchr(b32, uid[i]) || !uid[i])
            return false;
    return true;
}

bool transfer_parse_stamp(const char *text, char out[20])
{
    out[0] = '\0';
    if (!*text)
        return true;
    char day[16];
    const char *sp = strchr(text, ' ');
    if (!sp || (size_t)(sp - text) >= sizeof day)
        return false;
    memcpy(day, text, (size_t)(sp - text));
    day[sp - text] = '\0';
    struct date d;
    int h, m;
    if (date_parse(day, &d) != ST_OK || date_parse_time(sp + 1, &h, &m) != ST_OK)
        return false;
    char iso[DATE_BUF];
    date_iso(d, iso);
    snprintf(out, 20, "%s %02d:%02d", iso, h, m);
    return true;
}

void transfer_show_stamp(const char *stored, char out[20])
{
    struct date d;
    out[0] = '\0';
    if (strlen(stored) < 16 || date_parse((char[11]){stored[0], stored[1], stored[2], stored[3], '-',
                                                     stored[5], stored[6], '-', stored[8], stored[9], 0},
                                          &d) != ST_OK)
        return;
    date_format(d, out);            /* "dd/mm/yyyy", then " hh:mm" */
    out[10] = ' ';
    memcpy(out + 11, stored + 11, 5);
    out[16] = '\0';
}
