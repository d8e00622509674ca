/* transfer_children_out — the register of children as a CSV kind: its
 * columns (the fields of model/child.h in form order, framed by uid/code
 * and updated_at/row_hash), the cells of a record, and the export (codes
 * for machines, labels for people). The import is transfer_children.c. */
#include <config.h>
#include "transfer_children_internal.h"
#include "treem/app/auth.h"
#include "treem/app/pseudonym.h"
#include "treem/core/i18n.h"
#include "treem/db/child_repo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define C(name, label, aliases, req, doc) {name, label, aliases, req, doc}
const struct csv_column transfer_children_columns[TC_NCOLS] = {
    C("uid", "Mã định danh", "ma dinh danh ban ghi", false,
      N_("stable identifier of the record across machines: commune code, '-', 10 letters or digits; empty for a new child")),
    C("code", "Mã trẻ", "ma|ma so", false, N_("code in the register (TE-0042); kept when free, else a new one")),
    C("full_name", "Họ và tên", "ho ten|ten|ho va ten tre|name", true, N_("full name, at most 100 characters (required)")),
    C("birth_date", "Ngày sinh", "date_of_birth|dob|ngay thang nam sinh", false,
      N_("date of birth, dd/mm/yyyy (or an estimated age)")),
    C("est_age", "Tuổi ước tính", "tuoi|age", false, N_("estimated age in whole years 0-15, when the date of birth is not known")),
    C("est_age_on", "Ngày ước tính tuổi", "ngay uoc tinh", false, N_("day the age was estimated, dd/mm/yyyy")),
    C("sex", "Giới tính", "gioi", false, N_("nam (male), nu (female) or khong_ro; Nam/Nữ also accepted")),
    C("ethnicity", "Dân tộc", NULL, false, N_("ethnic group, e.g. Kinh, Tày, H'Mông")),
    C("personal_id", "Số định danh cá nhân", "so dinh danh|cccd|personal id", false, N_("personal ID number, 12 digits")),
    C("village", "Thôn/Tổ dân phố", "thon|to dan pho|ap|ban", false,
      N_("village name; a village not yet known is added (with a note)")),
    C("address", "Địa chỉ", "dia chi cu the", false, N_("address, at most 200 characters")),
    C("father_name", "Họ tên cha", "ten cha|cha", false, N_("father's full name")),
    C("father_phone", "Điện thoại cha", "sdt cha", false, N_("father's phone, 9-11 digits")),
    C("mother_name", "Họ tên mẹ", "ten me|me", false, N_("mother's full name")),
    C("mother_phone", "Điện thoại mẹ", "sdt me", false, N_("mother's phone, 9-11 digits")),
    C("carer_name", "Người chăm sóc", "guardian_name|guardian|nguoi giam ho|ho ten nguoi cham soc", false,
      N_("current carer or guardian")),
    C("carer_phone", "Điện thoại người chăm sóc", "phone|dien thoai|so dien thoai|sdt", false,
      N_("carer's phone, 9-11 digits")),
    C("carer_relation", "Quan hệ với trẻ", "quan he", false, N_("carer's relation to the child, e.g. bà ngoại")),
    C("birth_registered", "Đã đăng ký khai sinh", "khai sinh|da khai sinh", false, N_("1/0 (also có/không, yes/no)")),
    C("birth_reg_timing", "Khai sinh đúng hạn", "dung han", false, N_("on_time, late or empty")),
    C("birth_reg_date", "Ngày đăng ký khai sinh", "ngay khai sinh", false, N_("day the birth was registered, dd/mm/yyyy")),
    C("bhyt", "Có thẻ BHYT", "health_insurance|the bhyt|bao hiem y te", false, N_("has a health-insurance card: 1/0")),
    C("bhyt_number", "Số thẻ BHYT", "ma the bhyt", false, N_("health-insurance card number")),
    C("disability", "Khuyết tật", "khuyet tat|tre khuyet tat", false, N_("lives with a disability: 1/0")),
    C("disability_note", "Ghi chú khuyết tật", "dang khuyet tat", false, N_("kind of disability, support needed")),
    C("household", "Hộ nghèo/cận nghèo", "ho ngheo|ho can ngheo", false, N_("none, poor, near_poor or empty")),
    C("school", "Đi học", "hoc tap|truong", false,
      N_("not_yet, preschool, primary, lower_secondary, upper_secondary, vocational, out or empty")),
    C("vaccinated_on", "Ngày tiêm chủng đủ", "tiem chung", false, N_("day the under-1 vaccination course was complete, dd/mm/yyyy")),
    C("notes", "Ghi chú", "ghi chu khac", false, N_("notes, at most 2000 characters; line breaks allowed")),
    C("updated_at", "Cập nhật lúc", "cap nhat", false, N_("when the record was last changed, dd/mm/yyyy hh:mm (export)")),
    C("row_hash", "Mã kiểm tra", "ma kiem tra", false,
      N_("check code of the row as exported; tells whether the row was edited since (leave as is)")),
    C("sc_group", "Nhóm hoàn cảnh đặc biệt", "special_circumstance_group|nhom hcdb|hoan canh dac biet", false,
      N_("import only: a special-circumstance sub-group (a.1) or a letter with one sub-group; opens a period from today")),
    C("source_id", "Mã nguồn", "child_id|ma tre nguon|stt", false,
      N_("import only: the sender's own identifier; only checked for duplicates within the file")),
};
#undef C

const struct csv_kind transfer_children_csv = {"children", N_("children"), transfer_children_columns, TC_NCOLS};

/* -------------------------------------------------------------- cells */


void cells_free(struct cells *cs)
{
    for (size_t i = 0; i < NEXPORT; i++)
        strbuf_free(&cs->sb[i]);
}

/* Blanks the identifying cells of a sensitive child and gives uid, code and
 * name their pseudonyms (ps: this database's key). False: no memory. */
static bool anonymise(const struct child *c, const struct pseudonym *ps, struct cells *cs)
{
    static const enum child_field blank[] = {CF_PERSONAL_ID, CF_ADDRESS, CF_FATHER_NAME, CF_FATHER_PHONE,
        CF_MOTHER_NAME, CF_MOTHER_PHONE, CF_CARER_NAME, CF_CARER_PHONE, CF_CARER_RELATION, CF_BHYT_NUMBER,
        CF_NOTES, CF_DISABILITY_NOTE};
    char uid[PSEUDONYM_UID_BUF], code[PSEUDONYM_CODE_BUF], name[PSEUDONYM_NAME_BUF];
    pseudonym_uid(ps, "child", c->uid, uid);
    pseudonym_code(ps, "child", c->uid, code);
    pseudonym_name(ps, c->uid, name);
    for (size_t i = 0; i < sizeof blank / sizeof *blank; i++)
        strbuf_reset(&cs->sb[COL_FIELD0 + blank[i]]);
    strbuf_reset(&cs->sb[COL_UID]);
    strbuf_reset(&cs->sb[COL_CODE]);
    strbuf_reset(&cs->sb[COL_FIELD0 + CF_FULL_NAME]);
    return strbuf_puts(&cs->sb[COL_UID], uid) && strbuf_puts(&cs->sb[COL_CODE], code) &&
           strbuf_puts(&cs->sb[COL_FIELD0 + CF_FULL_NAME], name);
}

/* The cells of c as exported (anonymised when ps; with labels instead of
 * codes when people). False: no memory. */
bool cells_as(const struct child *c, const struct pseudonym *ps, bool people, struct cells *cs)
{
    bool ok = true;
    for (size_t i = 0; i < NEXPORT; i++)
        strbuf_reset(&cs->sb[i]);
    ok = strbuf_puts(&cs->sb[COL_UID], c->uid) && strbuf_puts(&cs->sb[COL_CODE], c->code);
    for (int f = 0; ok && f < CF__COUNT; f++) {
        enum child_format fmt = people || child_fields[f].kind == CFK_DATE ? CHILD_FMT_SHOW : CHILD_FMT_STORE;
        ok = child_field_text(c, f, fmt, &cs->sb[COL_FIELD0 + f]);
    }
    char stamp[20];
    transfer_show_stamp(c->updated_at, stamp);
    ok = ok && strbuf_puts(&cs->sb[COL_UPDATED], stamp);
    if (ok && ps)
        ok = anonymise(c, ps, cs);
    for (size_t i = 0; i < NEXPORT; i++)
        cs->cell[i] = strbuf_str(&cs->sb[i]);
    cs->cell[COL_HASH] = "";
    return ok;
}

bool cells_of(const struct child *c, const struct pseudonym *ps, struct cells *cs)
{
    return cells_as(c, ps, false, cs);
}

/* ------------------------------------------------------------- export */

struct export_state {
    struct transfer_export *x;
    struct cells cs, people;
    char from[20], to[20];
};

static enum status export_one(const struct child *c, void *ctx)
{
    struct export_state *s = ctx;
    if ((s->from[0] && strcmp(c->updated_at, s->from) < 0) || (s->to[0] && strcmp(c->updated_at, s->to) > 0))
        return ST_OK;
    if (auth_village_scope() && auth_check_village(s->x->db, c->village_id) != ST_OK) {
        status_clear(); /* a collaborator's files hold only their villages */
        return ST_OK;
    }
    const struct pseudonym *ps =
        s->x->pseudo && transfer_child_sensitive(s->x->db, c->id) ? s->x->pseudo : NULL;
    bool ok = cells_of(c, ps, &s->cs);
    if (ok && s->x->people) { /* files for people speak Vietnamese, whatever the interface does */
        char was[4];
        snprintf(was, sizeof was, "%s", i18n_lang());
        i18n_set_lang("vi");
        ok = cells_as(c, ps, true, &s->people);
        i18n_set_lang(was);
    }
    if (!ok)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    return transfer_emit_hashed(s->x, s->x->people ? s->people.cell : s->cs.cell, s->cs.cell);
}

enum status transfer_children_export_all(struct transfer_export *x)
{
    struct export_state s = {.x = x};
    if (x->opts->from.y)
        date_iso(x->opts->from, s.from);
    if (x->opts->to.y) {
        date_iso(x->opts->to, s.to);
        strcat(s.to, " 99:99");
    }
    enum status rc = child_repo_each(x->db, export_one, &s);
    cells_free(&s.cs);
    cells_free(&s.people);
    return rc;
}
