/* transfer_case_steps — the steps of the case process (Nghị định 56/2017
 * Điều 25–32) as a CSV kind, after the cases. A step is known by its case's
 * uid, its kind and its date and hour; the end of a separation is what may
 * change (a step's who and notes are kept as recorded here). Each new step
 * is checked with the forms' rules against the case's saved steps (so the
 * file lists them in time order, as the export does), and the case's stage
 * is derived again from its steps. Risk ratings and plan items stay here. */
#include <config.h>
#include "treem/app/transfer_kind.h"
#include "treem/db/case_repo.h"
#include "treem/db/case_step_repo.h"
#include "treem/model/case_rules.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { COL_CASE, COL_KIND, COL_DATE, COL_HOUR, COL_EMERGENCY, COL_END_DATE, COL_END_HOUR, COL_WHO,
       COL_NOTES, NCOLS };

static const struct csv_column columns[NCOLS] = {
    {"case_uid", "Mã định danh vụ việc", "vu viec|ma vu viec", true, N_("uid of the case (as in the cases file)")},
    {"step", "Bước", "buoc|loai buoc", true,
     N_("initial, detailed, meeting, plan, approval, service, follow_up, review, closure, reopen, separation")},
    {"date", "Ngày", "ngay thuc hien", true, N_("day it was done (separation: began), dd/mm/yyyy")},
    {"hour", "Giờ", "gio", true, N_("hour it was done, hh:mm")},
    {"emergency", "Khẩn cấp", "khan cap", false, N_("initial assessment only: 1 when emergency measures apply, else 0")},
    {"end_date", "Ngày kết thúc", "ngay ket thuc", false, N_("separation only: day it ended, dd/mm/yyyy; empty while it lasts")},
    {"end_hour", "Giờ kết thúc", "gio ket thuc", false, N_("separation only: hour it ended, hh:mm")},
    {"who", "Người thực hiện", "nguoi thuc hien", false, N_("who did it (officer, chairman, department)")},
    {"notes", "Ghi chú", "ghi chu|noi dung", false, N_("what was done or decided")},
};

static const struct csv_kind csv_steps = {"case_steps", N_("case steps"), columns, NCOLS};

static const char *nz(const char *s) { return s ? s : ""; }

struct step_cells {
    char date[DATE_BUF], hour[24], end_date[DATE_BUF], end_hour[24];
    const char *cell[NCOLS];
};

static void cells_of(const char *case_uid, const struct case_step *s, struct step_cells *o)
{
    date_format(s->at.date, o->date);
    snprintf(o->hour, sizeof o->hour, "%02d:%02d", s->at.hour, s->at.min);
    o->end_date[0] = o->end_hour[0] = '\0';
    if (s->end.date.y) {
        date_format(s->end.date, o->end_date);
        snprintf(o->end_hour, sizeof o->end_hour, "%02d:%02d", s->end.hour, s->end.min);
    }
    const char *cells[NCOLS] = {case_uid, enum_code(&enum_case_step, s->kind), o->date, o->hour,
                                s->emergency < 0 ? "" : s->emergency ? "1" : "0", o->end_date, o->end_hour,
                                nz(s->who), nz(s->notes)};
    memcpy(o->cell, cells, sizeof cells);
}

static enum status export_case(struct transfer_export *x, long long id)
{
    struct case_file c;
    struct case_step *steps = NULL;
    size_t n = 0;
    case_file_init(&c);
    enum status rc = case_repo_get(x->db, id, &c);
    if (rc == ST_OK)
        rc = case_step_repo_list(x->db, id, &steps, &n);
    char uid[PSEUDONYM_UID_BUF];
    if (rc == ST_OK && x->pseudo) /* anonymised: the case's pseudonym, as in the cases file */
        pseudonym_uid(x->pseudo, "case", c.uid, uid);
    for (size_t i = 0; rc == ST_OK && i < n; i++) {
        struct step_cells sc;
        cells_of(x->pseudo ? uid : c.uid, &steps[i], &sc);
        if (x->pseudo) /* who did it and the notes are free text: dropped */
            sc.cell[COL_WHO] = sc.cell[COL_NOTES] = "";
        rc = transfer_emit(x, sc.cell);
    }
    case_steps_free(steps, n);
    case_file_free(&c);
    return rc;
}

static enum status export_all(struct transfer_export *x)
{
    return transfer_each_case(x, export_case);
}

static enum status parse(struct transfer_import *im, const struct csv_row *row, struct case_file *c,
                         struct case_step *s)
{
    const char *uid = transfer_cell(im, row, COL_CASE), *kind = transfer_cell(im, row, COL_KIND);
    long long id = 0;
    enum status rc = case_repo_id_by_uid(im->db, uid, &id);
    if (rc == ST_NOTFOUND) {
        status_clear();
        TRANSFER_BAD(COL_CASE, uid, TRANSFER_RULE_NOT_FOUND, _("case_uid: no case with this uid (import the cases first)"));
        return ST_OK;
    }
    if (rc != ST_OK || (rc = case_repo_get(im->db, id, c)) != ST_OK)
        return rc;
    s->case_id = id;
    if ((s->kind = enum_from_code(&enum_case_step, kind)) < 0 && (s->kind = enum_parse(&enum_case_step, kind)) < 0)
        TRANSFER_BAD(COL_KIND, kind, TRANSFER_RULE_FORMAT, _("step: not one of the listed steps"));
    if (case_parse_datetime(_("date"), transfer_cell(im, row, COL_DATE), transfer_cell(im, row, COL_HOUR), false,
                            &s->at) != ST_OK)
        TRANSFER_BAD(COL_DATE, transfer_cell(im, row, COL_DATE), TRANSFER_RULE_FORMAT, status_message());
    const char *em = transfer_cell(im, row, COL_EMERGENCY), *end = transfer_cell(im, row, COL_END_DATE);
    if (*em && strcmp(em, "0") != 0 && strcmp(em, "1") != 0)
        TRANSFER_BAD(COL_EMERGENCY, em, TRANSFER_RULE_FORMAT, _("emergency: give 1 or 0"));
    s->emergency = *em ? em[0] == '1' : -1;
    if (*end && case_parse_datetime(_("end"), end, transfer_cell(im, row, COL_END_HOUR), false, &s->end) != ST_OK)
        TRANSFER_BAD(COL_END_DATE, end, TRANSFER_RULE_FORMAT, status_message());
    if (!(s->who = utf8_nfc(transfer_cell(im, row, COL_WHO))) || !(s->notes = utf8_nfc(transfer_cell(im, row, COL_NOTES))))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    char key[160];
    snprintf(key, sizeof key, "%s\x1f%s\x1f%s\x1f%s", uid, kind, transfer_cell(im, row, COL_DATE),
             transfer_cell(im, row, COL_HOUR));
    if (!transfer_seen_add(im, key))
        TRANSFER_BAD(SIZE_MAX, "", TRANSFER_RULE_DUPLICATE, _("the same step is on an earlier line"));
    return ST_OK;
}

static bool same_time(struct datetime a, struct datetime b)
{
    return date_cmp(a.date, b.date) == 0 && a.hour == b.hour && a.min == b.min;
}

/* The file's step against the saved one of the same case, kind and time. */
static enum status merge(struct transfer_import *im, const struct csv_row *row, const struct case_step *s,
                         const struct case_step *old)
{
    bool same_end = (!s->end.date.y && !old->end.date.y) || same_time(s->end, old->end);
    bool same_rest = s->emergency == old->emergency && strcmp(nz(s->who), nz(old->who)) == 0 &&
                     strcmp(nz(s->notes), nz(old->notes)) == 0;
    if (same_end && same_rest) {
        im->counts->unchanged++;
        return ST_OK;
    }
    if (!same_rest && !im->opts->prefer_newer) {
        im->counts->conflicts++;
        return transfer_bad(im, row->line, COL_NOTES, nz(s->notes), TRANSFER_RULE_CONFLICT,
                            _("the saved step differs from the file (use --prefer-newer to keep the one here)"));
    }
    if (same_end || !s->end.date.y) { /* a lasting separation in the file: ours ended it */
        im->counts->kept_local++;
        return ST_OK;
    }
    if (old->end.date.y && !im->opts->prefer_newer) {
        im->counts->conflicts++;
        return transfer_bad(im, row->line, COL_END_DATE, transfer_cell(im, row, COL_END_DATE),
                            TRANSFER_RULE_CONFLICT, _("end_date: the separation ended at another time here"));
    }
    if (datetime_to_minutes(s->end) < datetime_to_minutes(old->at))
        return transfer_bad(im, row->line, COL_END_DATE, transfer_cell(im, row, COL_END_DATE),
                            TRANSFER_RULE_VALIDATION, _("end_date: the end is before the start"));
    enum status rc = case_step_repo_set_end(im->db, s->case_id, old->id, s->end);
    if (rc == ST_OK)
        im->counts->changed++;
    return rc;
}

static enum status add(struct transfer_import *im, const struct csv_row *row, const struct case_file *c,
                       struct case_step *s, struct case_step *steps, size_t n)
{
    if (case_step_validate(c, steps, n, s, date_now()) != ST_OK)
        return transfer_bad(im, row->line, SIZE_MAX, "", TRANSFER_RULE_VALIDATION, status_message());
    enum status rc = case_step_repo_insert(im->db, s);
    struct case_step *all = NULL;
    size_t na = 0;
    if (rc == ST_OK)
        rc = case_step_repo_list(im->db, s->case_id, &all, &na);
    if (rc == ST_OK)
        rc = case_repo_set_stage(im->db, s->case_id, case_stage(all, na));
    case_steps_free(all, na);
    if (rc == ST_OK)
        im->counts->added++;
    return rc;
}

static enum status import_row(struct transfer_import *im, const struct csv_row *row)
{
    struct case_file c;
    struct case_step s, *steps = NULL;
    size_t n = 0, before = im->errs->errors;
    case_file_init(&c);
    case_step_init(&s, CASE_STEP_INITIAL);
    s.end.date.y = 0;
    enum status rc = parse(im, row, &c, &s);
    if (rc == ST_OK && im->errs->errors == before)
        rc = case_step_repo_list(im->db, s.case_id, &steps, &n);
    if (rc == ST_OK && im->errs->errors == before) {
        const struct case_step *old = NULL;
        for (size_t i = 0; i < n && !old; i++)
            if (steps[i].kind == s.kind && same_time(steps[i].at, s.at))
                old = &steps[i];
        rc = old ? merge(im, row, &s, old) : add(im, row, &c, &s, steps, n);
    }
    case_steps_free(steps, n);
    case_step_free(&s);
    case_file_free(&c);
    return rc;
}

const struct transfer_kind transfer_kind_case_steps = {&csv_steps, NCOLS, export_all, import_row, NULL,
                                                      N_("importing cases")};
