/* transfer_children — the import of the register of children (its
 * columns, cells and export are transfer_children_out.c).
 *
 * Matching on import: a row with a uid is that record (added with the same
 * uid when this database lacks it); a row without one (files of other
 * programs, e.g. the register generator whose child_id is not ours) is the
 * saved record the duplicate rules call likely (child_dup_score), else a new
 * child with a new uid of this commune. Conflicts: see doc/csv-columns.md. */
#include <config.h>
#include "treem/app/catalog.h"
#include "treem/app/transfer_kind.h"
#include "transfer_children_internal.h"
#include "treem/app/children.h"
#include "treem/app/auth.h"
#include "treem/app/commune.h"
#include "treem/db/child_bulk.h"
#include "treem/db/child_repo.h"
#include "treem/db/transfer_repo.h"
#include "treem/model/child_rules.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- import */

struct import_state {
    struct cells a, b;          /* local and file records as cells */
    struct strbuf sb;
    struct child_bulk bulk;     /* new rows: codes, and the index caught up at the end */
    struct children_uids uids;  /* their uids */
    struct { char *fold; long long id; } villages[64]; /* known villages met so far */
    size_t nvillages;
};

/* The state of this import. */
static struct import_state *state(struct transfer_import *im)
{
    if (!im->kind_data)
        im->kind_data = calloc(1, sizeof(struct import_state));
    return im->kind_data;
}

/* The id of the village whose fold is `fold` (0: none yet), remembering
 * the villages met: a file names the same few on every row. */
static enum status find_village(struct transfer_import *im, const char *fold, long long *id)
{
    struct import_state *s = state(im);
    if (!s)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    for (size_t i = 0; i < s->nvillages; i++) {
        if (strcmp(s->villages[i].fold, fold) == 0) {
            *id = s->villages[i].id;
            return ST_OK;
        }
    }
    enum status rc = transfer_repo_village(im->db, fold, id);
    if (rc == ST_OK && *id && s->nvillages < sizeof s->villages / sizeof *s->villages &&
        (s->villages[s->nvillages].fold = strdup(fold)) != NULL)
        s->villages[s->nvillages++].id = *id;
    return rc;
}


static enum status import_finish(struct transfer_import *im)
{
    struct import_state *s = im->kind_data;
    /* A dry run or a failed import is rolled back: index nothing for it. */
    bool kept = !im->opts->dry_run && (!im->errs->errors || im->opts->skip_bad_rows);
    return s ? child_bulk_end(im->db, &s->bulk, kept ? CHILD_BULK_INDEX_NOW : 0) : ST_OK;
}

/* The state, on the first row also beginning the bulk of new rows. */
static enum status begin(struct transfer_import *im)
{
    bool first = !im->kind_data;
    struct import_state *s = state(im);
    if (!s)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    if (!first)
        return ST_OK;
    im->finish = import_finish;
    return child_bulk_begin(im->db, &s->bulk);
}

static void import_done(struct transfer_import *im)
{
    struct import_state *s = im->kind_data;
    if (s) {
        cells_free(&s->a);
        cells_free(&s->b);
        strbuf_free(&s->sb);
        child_bulk_free(&s->bulk);
        for (size_t i = 0; i < s->nvillages; i++)
            free(s->villages[i].fold);
    }
    free(s);
    im->kind_data = NULL;
}

/* What a row says besides the fields. */
struct row_info {
    size_t line;
    const char *uid, *hash, *group;
    char updated[20];
    char *village_fold;         /* the village to add when its id is 0 */
};

static enum status check_ids(struct transfer_import *im, const struct csv_row *row, struct row_info *ri)
{
    char key[256];
    if (*ri->uid && !transfer_uid_valid(ri->uid))
        TRANSFER_BAD(COL_UID, ri->uid, TRANSFER_RULE_FORMAT,
            _("uid: not an identifier made by treem (5 digits, '-', 10 letters or digits)"));
    if (*ri->uid && (snprintf(key, sizeof key, "u\x1f%s", ri->uid), !transfer_seen_add(im, key)))
        TRANSFER_BAD(COL_UID, ri->uid, TRANSFER_RULE_DUPLICATE, _("uid: the same identifier is on an earlier line"));
    const char *src = transfer_cell(im, row, COL_SOURCE);
    if (*src && (snprintf(key, sizeof key, "s\x1f%s", src), !transfer_seen_add(im, key)))
        TRANSFER_BAD(COL_SOURCE, src, TRANSFER_RULE_DUPLICATE, _("source_id: the same identifier is on an earlier line"));
    const char *upd = transfer_cell(im, row, COL_UPDATED);
    if (!transfer_parse_stamp(upd, ri->updated))
        TRANSFER_BAD(COL_UPDATED, upd, TRANSFER_RULE_FORMAT, _("updated_at: give dd/mm/yyyy hh:mm"));
    return ST_OK;
}

/* An ID or phone number whose leading 0 a spreadsheet dropped: put back,
 * with a note. */
static enum status restore_zero(struct transfer_import *im, const struct csv_row *row, struct child *c,
                                enum child_field f, const char *cell)
{
    char fixed[32], msg[256];
    snprintf(fixed, sizeof fixed, "0%s", cell);
    enum status rc = child_field_parse(c, f, fixed);
    if (rc != ST_OK)
        return rc == ST_NOMEM ? rc : transfer_bad(im, row->line, COL_FIELD0 + f, cell, TRANSFER_RULE_FORMAT,
                                                  status_message());
    snprintf(msg, sizeof msg, _("%s: the leading 0 was put back (%s); a spreadsheet had dropped it"),
             transfer_children_columns[COL_FIELD0 + f].name, fixed);
    return transfer_note(im, row->line, COL_FIELD0 + f, cell, msg);
}

/* Parses every cell of the row into c with the form's parser. */
static enum status parse_row(struct transfer_import *im, const struct csv_row *row, struct child *c,
                             struct row_info *ri)
{
    ri->line = row->line;
    ri->uid = transfer_cell(im, row, COL_UID);
    ri->hash = transfer_cell(im, row, COL_HASH);
    ri->group = transfer_cell(im, row, COL_GROUP);
    for (int f = 0; f < CF__COUNT; f++) {
        const char *cell = transfer_cell(im, row, COL_FIELD0 + f);
        if (!transfer_has(im, COL_FIELD0 + f))
            continue;
        if (child_field_lost_zero(f, cell)) {
            enum status rc = restore_zero(im, row, c, f, cell);
            if (rc != ST_OK)
                return rc;
        } else if (child_field_parse(c, f, cell) != ST_OK) {
            TRANSFER_BAD(COL_FIELD0 + f, cell, TRANSFER_RULE_FORMAT, status_message());
        }
    }
    enum status rc = check_ids(im, row, ri);
    if (rc != ST_OK || !c->village || !*c->village)
        return rc;
    free(ri->village_fold);
    ri->village_fold = utf8_fold(c->village);
    return ri->village_fold ? find_village(im, ri->village_fold, &c->village_id)
                            : status_set(ST_NOMEM, "%s", _("out of memory"));
}

/* True when this import added the child with this id. */
static bool added_here(struct transfer_import *im, long long id)
{
    struct import_state *s = im->kind_data;
    return s && s->bulk.active && id > s->bulk.first_id;
}

/* The record this row is: by uid, else by the duplicate rules. *found is
 * false for a new child. */
static enum status find_local(struct transfer_import *im, const struct child *c, const struct row_info *ri,
                              struct child *local, bool *found)
{
    *found = false;
    if (*ri->uid) {
        enum status rc = child_repo_get_by_uid(im->db, ri->uid, local);
        *found = rc == ST_OK;
        return rc == ST_NOTFOUND ? ST_OK : rc;
    }
    struct child *similar = NULL;
    size_t n = 0;
    int best = -1, score = 0;
    enum status rc = child_repo_similar(im->db, c, 20, &similar, &n);
    for (size_t i = 0; rc == ST_OK && i < n; i++) {
        /* A record this same file added is another row of the file: the
         * file lists them as different children (a note says so). Rows it
         * added are those past the bulk's first id. */
        struct child_dup d = child_dup_score(c, &similar[i]);
        if (d.likely && added_here(im, similar[i].id)) {
            char msg[256];
            snprintf(msg, sizeof msg, _("may be the same child as %s, added from an earlier line"), similar[i].code);
            rc = transfer_note(im, ri->line, COL_FIELD0 + CF_FULL_NAME, c->full_name, msg);
            continue;
        }
        if (d.likely && d.score > score) {
            best = (int)i;
            score = d.score;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if ((int)i == best) {
            *local = similar[i];
            *found = true;
        } else {
            child_free(&similar[i]);
        }
    }
    free(similar);
    return rc;
}

/* merged = local with the file's columns over it. */
static enum status merge(struct transfer_import *im, const struct child *c, const struct child *local,
                         struct child *merged)
{
    struct import_state *s = state(im);
    enum status rc = s ? child_copy(merged, local) : ST_NOMEM;
    for (int f = 0; rc == ST_OK && f < CF__COUNT; f++) {
        if (!transfer_has(im, COL_FIELD0 + f))
            continue;
        strbuf_reset(&s->sb);
        child_field_text(c, f, CHILD_FMT_STORE, &s->sb);
        rc = child_field_parse(merged, f, strbuf_str(&s->sb));
        if (f == CF_VILLAGE)
            merged->village_id = c->village_id;
    }
    return rc == ST_NOMEM ? status_set(ST_NOMEM, "%s", _("out of memory")) : rc;
}

/* A date of birth, not an estimated age (which stays below 16). */
static bool known_birth(const struct child *c)
{
    return c->birth_date.y != 0;
}

static enum status validate(struct transfer_import *im, const struct csv_row *row, struct child *c,
                            const struct child *old)
{
    enum child_field bad = CF_NONE;
    child_normalize(c, im->today);
    /* Aged 16 or over: kept as the register keeps children who reach 16
     * (apart, never counted), with a note; not an error in a file. */
    int age = child_age_on(c, im->today, NULL);
    bool over = age >= CHILD_AGE_LIMIT && known_birth(c);
    if (catalog_ethnicity(im->db, &c->ethnicity) != ST_OK) {
        if (status_last() == ST_NOMEM)
            return ST_NOMEM;
        bad = CF_ETHNICITY;
    } else if (child_validate(c, over ? c : old, im->today, &bad) == ST_OK) {
        if (!over || (old && old != c && child_is_over_16(old, im->today)))
            return ST_OK;
        char msg[256];
        snprintf(msg, sizeof msg, _("aged %d: recorded apart with the children who reached %d (not counted)"),
                 age, CHILD_AGE_LIMIT);
        return transfer_note(im, row->line, COL_FIELD0 + CF_BIRTH_DATE, transfer_cell(im, row, COL_FIELD0 + CF_BIRTH_DATE),
                             msg);
    }
    size_t col = bad == CF_NONE ? SIZE_MAX : (size_t)(COL_FIELD0 + bad);
    TRANSFER_BAD(col, bad == CF_NONE ? "" : transfer_cell(im, row, col), TRANSFER_RULE_VALIDATION, status_message());
    return ST_OK;
}

/* Adds the village named by the row when it is new. */
static enum status ensure_village(struct transfer_import *im, const struct csv_row *row, struct child *c,
                                  const struct row_info *ri)
{
    if (c->village_id || !ri->village_fold || !*ri->village_fold)
        return ST_OK;
    enum status rc = village_add(im->db, c->village);
    if (rc == ST_OK)
        rc = find_village(im, ri->village_fold, &c->village_id);
    if (rc != ST_OK)
        return rc;
    im->counts->villages_added++;
    char msg[512];
    snprintf(msg, sizeof msg, _("village: '%s' was not known and has been added"), c->village);
    return transfer_note(im, row->line, COL_FIELD0 + CF_VILLAGE, c->village, msg);
}

/* Reports a record changed on both sides, naming the first differing field
 * with both values. */
static enum status conflict(struct transfer_import *im, const struct csv_row *row)
{
    struct import_state *s = im->kind_data;
    size_t first = SIZE_MAX, more = 0;
    for (size_t i = COL_FIELD0; i < COL_UPDATED; i++) {
        if (strcmp(s->a.cell[i], s->b.cell[i]) != 0) {
            if (first == SIZE_MAX)
                first = i;
            else
                more++;
        }
    }
    if (first == SIZE_MAX)
        first = COL_FIELD0;
    char msg[1024];
    int len = snprintf(msg, sizeof msg, _("changed here and in the file since the last hand-off: %s here '%s', "
                                          "in the file '%s'"), transfer_children_columns[first].name, s->a.cell[first],
                       s->b.cell[first]);
    if (more && len > 0 && (size_t)len < sizeof msg)
        snprintf(msg + len, sizeof msg - (size_t)len, _(" (and %zu more fields)"), more);
    im->counts->conflicts++;
    TRANSFER_BAD(first, s->b.cell[first], TRANSFER_RULE_CONFLICT, msg);
    return ST_OK;
}

/* Who changed what since the last hand-off (see doc/csv-columns.md). */
static enum transfer_verdict judge(struct transfer_import *im, const struct child *local, const struct child *merged,
                          const struct row_info *ri)
{
    struct import_state *s = im->kind_data;
    char lh[TRANSFER_HASH_BUF], fh[TRANSFER_HASH_BUF];
    if (!cells_of(local, NULL, &s->a) || !cells_of(merged, NULL, &s->b))
        return TRANSFER_CONFLICT;
    transfer_hash(&transfer_children_csv, NEXPORT, s->a.cell, lh);
    transfer_hash(&transfer_children_csv, NEXPORT, s->b.cell, fh);
    return transfer_judge(im, lh, fh, *ri->uid ? ri->hash : "", local->updated_at, ri->updated);
}

/* Opens a period in the row's special-circumstance group unless the child
 * already has one in it. */
static enum status add_group(struct transfer_import *im, const struct csv_row *row, const struct child *c,
                             const char *text)
{
    char code[CHILD_GROUP_CODE_BUF], stored[CHILD_GROUP_CODE_BUF];
    children_group_code(text, code, sizeof code);
    enum status rc = transfer_repo_subgroup(im->db, code, stored);
    if (rc == ST_NOTFOUND)
        return transfer_note(im, row->line, COL_GROUP, text,
                             _("sc_group: not one sub-group; no period opened (choose the sub-group in the form)"));
    struct child_period *list = NULL;
    size_t n = 0;
    if (rc == ST_OK)
        rc = child_facts_periods(im->db, c->id, &list, &n);
    bool have = false;
    for (size_t i = 0; i < n; i++)
        have |= strcmp(list[i].code, stored) == 0;
    free(list);
    if (rc != ST_OK || have)
        return rc;
    struct child_period p = {.child_id = c->id, .from = im->today};
    memcpy(p.code, stored, sizeof p.code);
    return child_facts_period_add(im->db, &p, c->uid);
}

/* A collaborator imports only children of their villages (app/auth.h): a
 * row for another village is a bad row naming the role. */
static enum status role_ok(struct transfer_import *im, const struct csv_row *row, long long village_id)
{
    enum status rc = auth_check_village(im->db, village_id);
    if (rc != ST_DENIED)
        return rc;
    char msg[512];
    snprintf(msg, sizeof msg, "village: %s", status_message());
    status_clear();
    return transfer_bad(im, row->line, COL_FIELD0 + CF_VILLAGE, transfer_cell(im, row, COL_FIELD0 + CF_VILLAGE),
                        TRANSFER_RULE_VALIDATION, msg);
}

static enum status write_new(struct transfer_import *im, const struct csv_row *row, struct child *c,
                             const struct row_info *ri)
{
    enum status rc = ST_OK;
    if (*ri->uid)
        snprintf(c->uid, sizeof c->uid, "%s", ri->uid);
    else
        children_uid_next(&state(im)->uids, im->commune, c->uid);
    size_t before = im->errs->errors;
    if (rc == ST_OK)
        rc = ensure_village(im, row, c, ri);
    if (rc == ST_OK && auth_village_scope() && ((rc = role_ok(im, row, c->village_id)) != ST_OK ||
                                                im->errs->errors > before))
        return rc;
    if (rc == ST_OK)
        rc = child_bulk_insert(im->db, &state(im)->bulk, c, transfer_cell(im, row, COL_CODE), ri->updated);
    if (rc == ST_OK)
        im->counts->added++;
    if (rc == ST_OK && im->preview) {
        char msg[300];
        snprintf(msg, sizeof msg, _("new child: %.250s"), c->full_name);
        rc = transfer_preview(im, row->line, SIZE_MAX, c->full_name, msg);
    }
    return rc;
}

/* Per changed field: "'old' → 'new'" (a preview, when asked for). */
static enum status preview_changes(struct transfer_import *im, const struct csv_row *row)
{
    struct import_state *s = im->kind_data;
    enum status rc = ST_OK;
    for (size_t i = COL_FIELD0; rc == ST_OK && im->preview && i < COL_UPDATED; i++) {
        if (strcmp(s->a.cell[i], s->b.cell[i]) == 0)
            continue;
        char msg[600];
        snprintf(msg, sizeof msg, "%s: '%.250s' \xE2\x86\x92 '%.250s'", s->a.cell[COL_CODE], s->a.cell[i],
                 s->b.cell[i]);
        rc = transfer_preview(im, row->line, i, s->b.cell[i], msg);
    }
    return rc;
}

static enum status write_match(struct transfer_import *im, const struct csv_row *row, struct child *local,
                               struct child *merged, const struct row_info *ri)
{
    size_t before = im->errs->errors;
    enum status rc = validate(im, row, merged, local);
    if (rc != ST_OK || im->errs->errors > before)
        return rc;
    switch (judge(im, local, merged, ri)) {
    case TRANSFER_UNCHANGED: im->counts->unchanged++; return ST_OK;
    case TRANSFER_KEEP_LOCAL: im->counts->kept_local++; return ST_OK;
    case TRANSFER_CONFLICT: return conflict(im, row);
    case TRANSFER_TAKE_FILE: break;
    }
    rc = preview_changes(im, row);
    if (rc != ST_OK)
        return rc;
    if (auth_village_scope() && ((rc = role_ok(im, row, local->village_id)) != ST_OK || im->errs->errors > before))
        return rc;
    rc = ensure_village(im, row, merged, ri);
    if (rc == ST_OK && auth_village_scope() &&
        ((rc = role_ok(im, row, merged->village_id)) != ST_OK || im->errs->errors > before))
        return rc;
    if (rc == ST_OK)
        rc = child_repo_update(im->db, local, merged);
    if (rc == ST_OK)
        rc = transfer_repo_restamp(im->db, merged->id, ri->updated);
    if (rc == ST_OK)
        im->counts->changed++;
    return rc;
}

static enum status import_row(struct transfer_import *im, const struct csv_row *row)
{
    struct child c, local, merged;
    struct row_info ri = {0};
    child_init(&c);
    child_init(&local);
    child_init(&merged);
    size_t before = im->errs->errors;
    bool found = false;
    enum status rc = begin(im);
    if (rc == ST_OK)
        rc = parse_row(im, row, &c, &ri);
    if (rc == ST_OK && im->errs->errors == before)
        rc = find_local(im, &c, &ri, &local, &found);
    if (rc == ST_OK && im->errs->errors == before && found && (rc = merge(im, &c, &local, &merged)) == ST_OK)
        rc = write_match(im, row, &local, &merged, &ri);
    else if (rc == ST_OK && im->errs->errors == before && !found &&
             (rc = validate(im, row, &c, *ri.uid ? &c : NULL)) == ST_OK && im->errs->errors == before)
        rc = write_new(im, row, &c, &ri);
    if (rc == ST_OK && im->errs->errors == before && *ri.group)
        rc = add_group(im, row, found ? &merged : &c, ri.group);
    free(ri.village_fold);
    child_free(&c);
    child_free(&local);
    child_free(&merged);
    return rc;
}

const struct transfer_kind transfer_kind_children = {&transfer_children_csv, NEXPORT, transfer_children_export_all, import_row,
                                                    import_done, NULL};
