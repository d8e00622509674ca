/* transfer_cases — case records (Nghị định 56/2017, Mẫu 01) as a CSV kind.
 * A case is known by its uid; its code (VV-nnnn) and change time are kept
 * as the sender had them when free here. Who reported a case (name, phone,
 * address) and their consent are NEVER columns: Nghị định 56/2017 Điều 24 makes
 * the reporter's identity confidential (DOMAIN.md §3). The stage is derived
 * from the steps; the file's stage is kept until the case_steps file brings
 * the steps. An anonymised export blanks the unidentified child's note, the
 * parents and the carer. Conflicts are judged with row_hash like children:
 * a side whose cells still hash to the exported row_hash did not change. */
#include <config.h>
#include "treem/app/transfer_kind.h"
#include "treem/app/cases.h"
#include "treem/app/children.h"
#include "treem/db/case_repo.h"
#include "treem/db/child_repo.h"
#include "treem/db/transfer_case_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { COL_UID, COL_CODE, COL_DATE, COL_HOUR, COL_SOURCE, COL_KIND, COL_INJURY, COL_DIED, COL_LEVEL,
       COL_CHILD, COL_AGE, COL_SEX, COL_NOTE, COL_PLACE, COL_STATE, COL_CONSEQ, COL_PARENTS, COL_CARER,
       COL_ACTIONS, COL_STAGE, COL_UPDATED, COL_HASH, NCOLS };

static const struct csv_column columns[NCOLS] = {
    {"uid", "Mã định danh vụ việc", "ma dinh danh", false,
     N_("uid of the case, stable across machines; empty for a new case")},
    {"code", "Mã vụ việc", "ma vu viec|so vu viec", false, N_("code of the case here (VV-0007); kept when free")},
    {"received_date", "Ngày tiếp nhận", "ngay tiep nhan|ngay nhan", true, N_("day the report was received, dd/mm/yyyy")},
    {"received_hour", "Giờ tiếp nhận", "gio tiep nhan|gio nhan", true, N_("hour it was received, hh:mm")},
    {"source", "Hình thức tiếp nhận", "nguon tin|hinh thuc", true,
     N_("how it came: phone, in_person, via_person, hotline_111, school, police")},
    {"kind", "Loại vụ việc", "loai|loai vu viec", true,
     N_("sexual_abuse, violence, exploitation, neglect, trafficking, injury, law_violation, drugs, illegal_labour, at_risk")},
    {"injury_cause", "Nguyên nhân tai nạn", "nguyen nhan", false,
     N_("for kind injury only (required then): drowning, traffic, other")},
    {"died", "Tử vong", "tu vong", false, N_("1 when the child died, else 0")},
    {"level", "Cấp độ bảo vệ", "cap do", true, N_("prevention, support or intervention (Luật Trẻ em Điều 47)")},
    {"child_uid", "Mã định danh trẻ", "ma tre", false,
     N_("uid of the child in the register (as in the children file); empty: unidentified child")},
    {"est_age", "Tuổi ước tính", "tuoi", false, N_("unidentified child: estimated age 0-17, empty when unknown")},
    {"sex", "Giới tính", "gioi tinh", false, N_("unidentified child: nam, nu or khong_ro")},
    {"child_note", "Thông tin về trẻ", "thong tin tre|mo ta tre", false,
     N_("unidentified child: what is known (blank in anonymised files)")},
    {"place", "Nơi xảy ra", "dia diem|noi xay ra", false, N_("where it happened")},
    {"current_state", "Tình trạng hiện tại", "tinh trang", false, N_("the child's current state")},
    {"consequence", "Hậu quả", "hau qua", false, N_("likely consequence without help")},
    {"parents", "Cha mẹ", "cha me|gia dinh", false, N_("father and mother, family situation (blank in anonymised files)")},
    {"carer", "Người chăm sóc", "nguoi cham soc", false, N_("the current carer (blank in anonymised files)")},
    {"actions_taken", "Biện pháp đã làm", "bien phap|da lam", false, N_("actions already taken")},
    {"stage", "Giai đoạn", "giai doan", false,
     N_("intake, assessment, planning, approval, carrying_out or closed (derived from the steps)")},
    {"updated_at", "Cập nhật lúc", "cap nhat", false, N_("last change, dd/mm/yyyy hh:mm (for conflicts)")},
    {"row_hash", "Mã kiểm tra", "ma kiem tra", false, N_("checksum of the row as exported (for conflicts)")},
};

static const struct csv_kind csv_cases = {"cases", N_("cases"), columns, NCOLS};

static const char *nz(const char *s) { return s ? s : ""; }

/* The cells of c (child_uid given) into cells, text in buf. */
struct case_cells {
    char date[DATE_BUF], hour[24], age[16], updated[20];
    char uid[PSEUDONYM_UID_BUF], code[PSEUDONYM_CODE_BUF], child[PSEUDONYM_UID_BUF];
    const char *cell[NCOLS];
};

static void cells_of(const struct case_file *c, const char *child_uid, bool anon, struct case_cells *o)
{
    const char *t[] = {nz(c->child_note), nz(c->place), nz(c->current_state), nz(c->consequence),
                       nz(c->parents), nz(c->carer), nz(c->actions_taken)};
    if (anon) /* free text may name anyone: dropped */
        for (size_t i = 0; i < sizeof t / sizeof *t; i++)
            t[i] = "";
    date_format(c->received.date, o->date);
    snprintf(o->hour, sizeof o->hour, "%02d:%02d", c->received.hour, c->received.min);
    o->age[0] = '\0';
    if (c->est_age >= 0)
        snprintf(o->age, sizeof o->age, "%d", c->est_age);
    transfer_show_stamp(c->updated_at, o->updated);
    const char *cells[NCOLS] = {
        c->uid, c->code, o->date, o->hour, enum_code(&enum_case_source, c->source),
        enum_code(&enum_case_kind, c->kind), enum_code(&enum_case_injury, c->injury), c->died ? "1" : "0",
        enum_code(&enum_case_level, c->level), child_uid, o->age,
        c->child_id ? "" : enum_code(&enum_child_sex, c->sex), t[0], t[1], t[2], t[3], t[4], t[5], t[6],
        enum_code(&enum_case_stage, c->stage),
        o->updated, ""};
    memcpy(o->cell, cells, sizeof cells);
}

/* The uid of child id (out CHILD_UID_BUF bytes), "" for 0. */
static enum status child_uid_of(struct db *db, long long id, char *out, size_t n)
{
    out[0] = '\0';
    if (!id)
        return ST_OK;
    struct child ch;
    child_init(&ch);
    enum status rc = child_repo_get(db, id, &ch);
    if (rc == ST_OK)
        snprintf(out, n, "%s", ch.uid);
    child_free(&ch);
    return rc;
}

/* Anonymised: the case's uid and code become pseudonyms, and its child's
 * uid too when the child is sensitive (as in the children file). */
static void anonymise(struct transfer_export *x, const struct case_file *c, const char *child_uid,
                      struct case_cells *o)
{
    pseudonym_uid(x->pseudo, "case", c->uid, o->uid);
    pseudonym_code(x->pseudo, "case", c->uid, o->code);
    o->cell[COL_UID] = o->uid;
    o->cell[COL_CODE] = o->code;
    if (c->child_id && transfer_child_sensitive(x->db, c->child_id)) {
        pseudonym_uid(x->pseudo, "child", child_uid, o->child);
        o->cell[COL_CHILD] = o->child;
    }
}

static enum status export_case(struct transfer_export *x, long long id)
{
    struct case_file c;
    char uid[CHILD_UID_BUF];
    case_file_init(&c);
    enum status rc = case_repo_get(x->db, id, &c);
    if (rc == ST_OK)
        rc = child_uid_of(x->db, c.child_id, uid, sizeof uid);
    if (rc == ST_OK) {
        struct case_cells cc;
        cells_of(&c, uid, x->pseudo != NULL, &cc);
        if (x->pseudo)
            anonymise(x, &c, uid, &cc);
        rc = transfer_emit(x, cc.cell);
    }
    case_file_free(&c);
    return rc;
}

static enum status export_all(struct transfer_export *x)
{
    return transfer_each_case(x, export_case);
}

/* A closed-list cell: *out the value, or an error naming the column. */
static enum status parse_enum(struct transfer_import *im, const struct csv_row *row, size_t col,
                              const struct enum_def *def, int *out, const char *msg)
{
    const char *text = transfer_cell(im, row, col);
    int v = enum_from_code(def, text);
    if (v < 0)
        v = enum_parse(def, text);
    if (v < 0)
        TRANSFER_BAD(col, text, TRANSFER_RULE_FORMAT, msg);
    *out = v;
    return ST_OK;
}

static enum status parse_texts(struct transfer_import *im, const struct csv_row *row, struct case_file *c)
{
    char **texts[] = {&c->child_note, &c->place, &c->current_state, &c->consequence, &c->parents,
                      &c->carer, &c->actions_taken};
    static const size_t cols[] = {COL_NOTE, COL_PLACE, COL_STATE, COL_CONSEQ, COL_PARENTS, COL_CARER,
                                  COL_ACTIONS};
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
        if (!(*texts[i] = utf8_nfc(transfer_cell(im, row, cols[i]))))
            return status_set(ST_NOMEM, "%s", _("out of memory"));
    return ST_OK;
}

static enum status parse_child(struct transfer_import *im, const struct csv_row *row, struct case_file *c)
{
    const char *uid = transfer_cell(im, row, COL_CHILD), *age = transfer_cell(im, row, COL_AGE);
    if (*uid) {
        struct child ch;
        child_init(&ch);
        enum status rc = child_repo_get_by_uid(im->db, uid, &ch);
        c->child_id = ch.id;
        child_free(&ch);
        if (rc == ST_NOTFOUND)
            TRANSFER_BAD(COL_CHILD, uid, TRANSFER_RULE_NOT_FOUND, _("child_uid: no child with this uid (import the children first)"));
        else if (rc != ST_OK)
            return rc;
    }
    long long a = -1;
    if (*age && (number_parse_int(age, NUM_INT, &a) != ST_OK || a > 17))
        TRANSFER_BAD(COL_AGE, age, TRANSFER_RULE_FORMAT, _("est_age: give an age 0-17 or leave it empty"));
    c->est_age = *age ? (int)a : -1;
    const char *sex = transfer_cell(im, row, COL_SEX);
    if (*sex)
        return parse_enum(im, row, COL_SEX, &enum_child_sex, &c->sex, _("sex: give nam, nu or khong_ro"));
    return ST_OK;
}

static enum status parse(struct transfer_import *im, const struct csv_row *row, struct case_file *c)
{
    const char *uid = transfer_cell(im, row, COL_UID);
    if (*uid && !transfer_uid_valid(uid))
        TRANSFER_BAD(COL_UID, uid, TRANSFER_RULE_FORMAT, _("uid: not a uid written by treem"));
    snprintf(c->uid, sizeof c->uid, "%s", uid);
    if (case_parse_datetime(_("received"), transfer_cell(im, row, COL_DATE), transfer_cell(im, row, COL_HOUR),
                            false, &c->received) != ST_OK)
        TRANSFER_BAD(COL_DATE, transfer_cell(im, row, COL_DATE), TRANSFER_RULE_FORMAT, status_message());
    enum status rc = parse_enum(im, row, COL_SOURCE, &enum_case_source, &c->source,
                                _("source: not one of the listed ways a report comes"));
    if (rc == ST_OK)
        rc = parse_enum(im, row, COL_KIND, &enum_case_kind, &c->kind, _("kind: not one of the listed kinds of case"));
    if (rc == ST_OK)
        rc = parse_enum(im, row, COL_LEVEL, &enum_case_level, &c->level,
                        _("level: give prevention, support or intervention"));
    const char *inj = transfer_cell(im, row, COL_INJURY), *died = transfer_cell(im, row, COL_DIED);
    if (rc == ST_OK && *inj)
        rc = parse_enum(im, row, COL_INJURY, &enum_case_injury, &c->injury,
                        _("injury_cause: give drowning, traffic or other"));
    if (*died && strcmp(died, "0") != 0 && strcmp(died, "1") != 0)
        TRANSFER_BAD(COL_DIED, died, TRANSFER_RULE_FORMAT, _("died: give 1 or 0"));
    c->died = strcmp(died, "1") == 0;
    if (rc == ST_OK)
        rc = parse_child(im, row, c);
    if (rc == ST_OK)
        rc = parse_texts(im, row, c);
    const char *stage = transfer_cell(im, row, COL_STAGE);
    if (rc == ST_OK && *stage)
        rc = parse_enum(im, row, COL_STAGE, &enum_case_stage, &c->stage, _("stage: not one of the listed stages"));
    return rc;
}

static enum status validate(struct transfer_import *im, const struct csv_row *row, const struct case_file *c)
{
    if (case_validate(c, date_now()) != ST_OK)
        TRANSFER_BAD(SIZE_MAX, "", TRANSFER_RULE_VALIDATION, status_message());
    if (*c->uid && !transfer_seen_add(im, c->uid))
        TRANSFER_BAD(COL_UID, c->uid, TRANSFER_RULE_DUPLICATE, _("uid: the same case is on an earlier line"));
    return ST_OK;
}

static enum status write_new(struct transfer_import *im, const struct csv_row *row, struct case_file *c,
                             const char *updated)
{
    enum status rc = ST_OK;
    int stage = c->stage;
    if (!*c->uid)
        rc = children_new_uid(im->commune, c->uid);
    if (rc == ST_OK)
        rc = case_repo_insert(im->db, c);
    if (rc == ST_OK && stage != CASE_STAGE_INTAKE)
        rc = case_repo_set_stage(im->db, c->id, stage);
    if (rc == ST_OK)
        rc = transfer_case_repo_restamp(im->db, c->id, transfer_cell(im, row, COL_CODE), updated);
    if (rc == ST_OK)
        im->counts->added++;
    return rc;
}

/* Who changed what since the export that wrote the row (see children). */
static enum transfer_verdict judge(struct transfer_import *im, const struct csv_row *row, const struct case_file *local,
                          const struct case_file *file, const char *child_uid, const char *updated)
{
    struct case_cells a, b;
    char lh[TRANSFER_HASH_BUF], fh[TRANSFER_HASH_BUF];
    cells_of(local, child_uid, false, &a);
    cells_of(file, child_uid, false, &b);
    transfer_hash(&csv_cases, NCOLS, a.cell, lh);
    transfer_hash(&csv_cases, NCOLS, b.cell, fh);
    return transfer_judge(im, lh, fh, transfer_cell(im, row, COL_HASH), local->updated_at, updated);
}

static enum status write_match(struct transfer_import *im, const struct csv_row *row, struct case_file *old,
                               struct case_file *c, const char *updated)
{
    char uid[CHILD_UID_BUF];
    enum status rc = child_uid_of(im->db, old->child_id, uid, sizeof uid);
    if (rc != ST_OK)
        return rc;
    if (c->child_id != old->child_id) /* compare with the file's child */
        snprintf(uid, sizeof uid, "%s", transfer_cell(im, row, COL_CHILD));
    switch (judge(im, row, old, c, uid, updated)) {
    case TRANSFER_UNCHANGED: im->counts->unchanged++; return ST_OK;
    case TRANSFER_KEEP_LOCAL: im->counts->kept_local++; return ST_OK;
    case TRANSFER_CONFLICT:
        im->counts->conflicts++;
        TRANSFER_BAD(SIZE_MAX, "", TRANSFER_RULE_CONFLICT,
            _("changed here and in the file since the last hand-off (use --prefer-newer to take the newer)"));
        return ST_OK;
    case TRANSFER_TAKE_FILE: break;
    }
    /* The reporter is never in a file: keep what is stored here. */
    c->consent = old->consent;
    c->reporter_name = old->reporter_name ? strdup(old->reporter_name) : NULL;
    c->reporter_phone = old->reporter_phone ? strdup(old->reporter_phone) : NULL;
    c->reporter_address = old->reporter_address ? strdup(old->reporter_address) : NULL;
    c->id = old->id;
    c->rev = old->rev;
    snprintf(c->code, sizeof c->code, "%s", old->code);
    int stage = c->stage;
    rc = case_repo_update(im->db, old, c);
    if (rc == ST_OK && stage != old->stage)
        rc = case_repo_set_stage(im->db, c->id, stage);
    if (rc == ST_OK)
        rc = transfer_case_repo_restamp(im->db, c->id, NULL, updated);
    if (rc == ST_OK)
        im->counts->changed++;
    return rc;
}

static enum status import_row(struct transfer_import *im, const struct csv_row *row)
{
    struct case_file c, old;
    case_file_init(&c);
    case_file_init(&old);
    size_t before = im->errs->errors;
    char updated[20] = "";
    enum status rc = parse(im, row, &c);
    const char *up = transfer_cell(im, row, COL_UPDATED);
    if (rc == ST_OK && !transfer_parse_stamp(up, updated))
        rc = transfer_bad(im, row->line, COL_UPDATED, up, TRANSFER_RULE_FORMAT,
                          _("updated_at: give dd/mm/yyyy hh:mm or leave it empty"));
    if (rc == ST_OK && im->errs->errors == before)
        rc = validate(im, row, &c);
    if (rc != ST_OK || im->errs->errors > before)
        goto out;
    long long id = 0;
    if (*c.uid)
        rc = case_repo_id_by_uid(im->db, c.uid, &id);
    if (rc == ST_NOTFOUND || !id) {
        status_clear();
        rc = write_new(im, row, &c, updated);
    } else if (rc == ST_OK && (rc = case_repo_get(im->db, id, &old)) == ST_OK) {
        rc = write_match(im, row, &old, &c, updated);
    }
out:
    case_file_free(&c);
    case_file_free(&old);
    return rc;
}

const struct transfer_kind transfer_kind_cases = {&csv_cases, NCOLS, export_all, import_row, NULL,
                                                 N_("importing cases")};
