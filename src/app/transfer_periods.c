/* transfer_periods — periods of children in special-circumstance
 * sub-groups (Nghị định 56/2017) as a CSV kind. A period is known by its
 * child's uid, its sub-group and its first day; the end and the note are
 * what may change. Import after the children (same file set). */
#include <config.h>
#include "treem/app/transfer_kind.h"
#include "treem/app/children.h"
#include "treem/app/auth.h"
#include "treem/db/child_repo.h"
#include "treem/db/transfer_repo.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { COL_CHILD, COL_CODE, COL_FROM, COL_TO, COL_NOTE, NCOLS };

static const struct csv_column columns[NCOLS] = {
    {"child_uid", "Mã định danh trẻ", "uid|ma dinh danh", true, N_("uid of the child (as in the children file)")},
    {"subgroup_code", "Nhóm con", "nhom|ma nhom|sc_group", true,
     N_("sub-group of Nghị định 56/2017: letter of Luật Trẻ em Điều 10, '.', clause (a.1, đ.0)")},
    {"from_date", "Từ ngày", "tu ngay|bat dau", true, N_("first day in the sub-group, dd/mm/yyyy")},
    {"to_date", "Đến ngày", "den ngay|ket thuc", false, N_("last day, dd/mm/yyyy; empty while it lasts")},
    {"note", "Ghi chú", "ghi chu", false, N_("note, at most 200 characters")},
};

static const struct csv_kind csv_periods = {"periods", N_("special-circumstance periods"), columns, NCOLS};

static void show_date(const char *iso, char out[DATE_BUF])
{
    struct date d;
    out[0] = '\0';
    if (*iso && date_parse(iso, &d) == ST_OK)
        date_format(d, out);
}

/* Anonymised: a sensitive child's uid becomes its pseudonym (the same as
 * in the children file) and every note is dropped. */
static enum status export_one(const struct transfer_period_row *r, void *ctx)
{
    struct transfer_export *x = ctx;
    char from[DATE_BUF], to[DATE_BUF], uid[PSEUDONYM_UID_BUF];
    if (!auth_child_visible(x->db, r->child_id)) /* a collaborator: their villages only */
        return ST_OK;
    show_date(r->from, from);
    show_date(r->to, to);
    const char *cells[NCOLS] = {r->child_uid, r->code, from, to, x->pseudo ? "" : r->note};
    if (x->pseudo && transfer_child_sensitive(x->db, r->child_id)) {
        pseudonym_uid(x->pseudo, "child", r->child_uid, uid);
        cells[COL_CHILD] = uid;
    }
    return transfer_emit(x, cells);
}

static enum status export_all(struct transfer_export *x)
{
    char from[DATE_BUF], to[DATE_BUF];
    return transfer_repo_periods_each(x->db, transfer_date_iso(x->opts->from, from),
                                      transfer_date_iso(x->opts->to, to), export_one, x);
}

static enum status parse(struct transfer_import *im, const struct csv_row *row, struct child_period *p,
                         struct child *c)
{
    const char *uid = transfer_cell(im, row, COL_CHILD);
    enum status rc = child_repo_get_by_uid(im->db, uid, c);
    if (rc == ST_NOTFOUND) {
        TRANSFER_BAD(COL_CHILD, uid, TRANSFER_RULE_NOT_FOUND, _("child_uid: no child with this uid (import the children first)"));
        return ST_OK;
    }
    if (rc != ST_OK)
        return rc;
    p->child_id = c->id;
    children_group_code(transfer_cell(im, row, COL_CODE), p->code, sizeof p->code);
    const char *from = transfer_cell(im, row, COL_FROM), *to = transfer_cell(im, row, COL_TO);
    if (date_parse(from, &p->from) != ST_OK)
        TRANSFER_BAD(COL_FROM, from, TRANSFER_RULE_FORMAT, _("from_date: give a date dd/mm/yyyy"));
    if (*to && date_parse(to, &p->to) != ST_OK)
        TRANSFER_BAD(COL_TO, to, TRANSFER_RULE_FORMAT, _("to_date: give a date dd/mm/yyyy or leave it empty"));
    snprintf(p->note, sizeof p->note, "%s", transfer_cell(im, row, COL_NOTE));
    char key[128];
    snprintf(key, sizeof key, "%s\x1f%s\x1f%s", uid, p->code, from);
    if (!transfer_seen_add(im, key))
        TRANSFER_BAD(SIZE_MAX, "", TRANSFER_RULE_DUPLICATE, _("the same period is on an earlier line"));
    if (child_facts_period_check(im->db, p, im->today) != ST_OK)
        TRANSFER_BAD(COL_CODE, p->code, TRANSFER_RULE_VALIDATION, status_message());
    return ST_OK;
}

/* The file's period against the saved one with the same key. */
static enum status merge(struct transfer_import *im, const struct csv_row *row, const struct child *c,
                         const struct child_period *p, const struct child_period *old)
{
    bool same_to = date_cmp(p->to, old->to) == 0, same_note = strcmp(p->note, old->note) == 0;
    if (same_to && same_note) {
        im->counts->unchanged++;
        return ST_OK;
    }
    /* Ending a period and filling an empty note are one-sided changes. */
    bool take_to = same_to || !old->to.y || im->opts->prefer_newer;
    bool take_note = same_note || !old->note[0] || im->opts->prefer_newer;
    if (!p->to.y && old->to.y && !im->opts->prefer_newer) {
        im->counts->kept_local++;
        return ST_OK;
    }
    if (!take_to || !take_note) {
        im->counts->conflicts++;
        TRANSFER_BAD(take_to ? COL_NOTE : COL_TO, take_to ? p->note : transfer_cell(im, row, COL_TO),
            TRANSFER_RULE_CONFLICT, _("changed here and in the file: the period's end or note differ"));
    }
    enum status rc = same_to ? ST_OK : child_facts_period_end(im->db, old->id, p->to, c->uid);
    if (rc == ST_OK && !same_note)
        rc = transfer_repo_period_note(im->db, old->id, p->note, c->uid);
    if (rc == ST_OK)
        im->counts->changed++;
    return rc;
}

static enum status import_row(struct transfer_import *im, const struct csv_row *row)
{
    struct child c;
    struct child_period p = {0}, old;
    child_init(&c);
    size_t before = im->errs->errors;
    enum status rc = parse(im, row, &p, &c);
    if (rc == ST_OK && im->errs->errors == before) {
        rc = transfer_repo_period_find(im->db, c.id, p.code, p.from, &old);
        if (rc == ST_OK)
            rc = merge(im, row, &c, &p, &old);
        else if (rc == ST_NOTFOUND && (rc = child_facts_period_add(im->db, &p, c.uid)) == ST_OK)
            im->counts->added++;
    }
    child_free(&c);
    return rc;
}

const struct transfer_kind transfer_kind_periods = {&csv_periods, NCOLS, export_all, import_row, NULL, NULL};
