/* transfer_plans — plans, their targets and the departments' tasks as CSV
 * kinds. These records have no uid: a plan is known by its year and title,
 * a target by its plan and text, a task by its plan, department and text
 * (so a retitled record arrives as a new one). A row that differs from the
 * saved record is a conflict unless --prefer-newer (the file wins: these
 * rows carry no change time). */
#include <config.h>
#include "treem/app/transfer_kind.h"
#include "treem/db/department_repo.h"
#include "treem/db/plan_repo.h"
#include "treem/db/target_repo.h"
#include "treem/db/task_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *nz(const char *s) { return s ? s : ""; }

static void show(struct date d, char out[DATE_BUF])
{
    out[0] = '\0';
    if (d.y)
        date_format(d, out);
}

/* The id of the plan of `year` titled `title` (folded compare), or 0. */
static enum status find_plan(struct db *db, int year, const char *title, long long *id)
{
    struct plan *list = NULL;
    size_t n = 0;
    *id = 0;
    char *want = utf8_fold(title);
    enum status rc = want ? plan_repo_list(db, year, &list, &n) : status_set(ST_NOMEM, "%s", _("out of memory"));
    for (size_t i = 0; rc == ST_OK && i < n && !*id; i++) {
        char *f = utf8_fold(nz(list[i].title));
        if (f && strcmp(f, want) == 0)
            *id = list[i].id;
        free(f);
    }
    plan_list_free(list, n);
    free(want);
    return rc;
}

/* The plan named by a row's year and title cells: *id, or an error added. */
static enum status row_plan(struct transfer_import *im, const struct csv_row *row, size_t ycol, size_t tcol,
                            long long *id)
{
    const char *ys = transfer_cell(im, row, ycol), *title = transfer_cell(im, row, tcol);
    long long y = 0;
    int year = number_parse_int(ys, NUM_INT, &y) == ST_OK && y < 10000 ? (int)y : 0;
    enum status rc = find_plan(im->db, year, title, id);
    if (rc == ST_OK && !*id)
        TRANSFER_BAD(tcol, title, TRANSFER_RULE_NOT_FOUND, _("plan: no plan of that year with this title (import the plans first)"));
    return rc;
}

static enum status parse_date(struct transfer_import *im, const struct csv_row *row, size_t col,
                              const char *label, struct date *out)
{
    if (plan_parse_date(label, transfer_cell(im, row, col), out) != ST_OK)
        TRANSFER_BAD(col, transfer_cell(im, row, col), TRANSFER_RULE_FORMAT, status_message());
    return ST_OK;
}

/* A saved record that differs from the file: take the file or report. */
static enum status differs(struct transfer_import *im, const struct csv_row *row, bool *take)
{
    *take = im->opts->prefer_newer;
    if (*take)
        return ST_OK;
    im->counts->conflicts++;
    TRANSFER_BAD(SIZE_MAX, "", TRANSFER_RULE_CONFLICT,
        _("the saved record differs from the file (use --prefer-newer to take the file)"));
    return ST_OK;
}


/* ---------------------------------------------------------------- plans */

enum { P_YEAR, P_TITLE, P_NUMBER, P_ISSUED, P_ISSUER, P_UPSTREAM, P_PURPOSE, P_REQ, P_BUDGET, P_HALF,
       P_YEARREP, P_N };

static const struct csv_column plan_cols[P_N] = {
    {"year", "Năm", "nam ke hoach", true, N_("year the plan covers (required)")},
    {"title", "Tên kế hoạch", "tieu de|ten", true, N_("title of the plan (required); with the year it names the plan")},
    {"number", "Số kế hoạch", "so|so hieu", false, N_("number, e.g. 90/KH-UBND")},
    {"issued_on", "Ngày ban hành", "ngay ban hanh", false, N_("date of the plan, dd/mm/yyyy")},
    {"issuer", "Cơ quan ban hành", "co quan", false, N_("issuing body")},
    {"upstream", "Căn cứ", "can cu", false, N_("plans it implements")},
    {"purpose", "Mục đích", "muc dich", false, N_("purpose")},
    {"requirements", "Yêu cầu", "yeu cau", false, N_("requirements")},
    {"budget", "Kinh phí", "kinh phi", false, N_("budget sources")},
    {"report_half", "Hạn báo cáo 6 tháng", "bao cao 6 thang", false, N_("deadline of the 6-month report, dd/mm/yyyy")},
    {"report_year", "Hạn báo cáo năm", "bao cao nam", false, N_("deadline of the annual report, dd/mm/yyyy")},
};
static const struct csv_kind csv_plans = {"plans", N_("plans"), plan_cols, P_N};

static void plan_cells(const struct plan *p, char buf[4][DATE_BUF], const char *cells[P_N])
{
    snprintf(buf[0], DATE_BUF, "%d", p->year);
    show(p->issued_on, buf[1]);
    show(p->report_half, buf[2]);
    show(p->report_year, buf[3]);
    const char *c[P_N] = {buf[0], nz(p->title), nz(p->number), buf[1], nz(p->issuer), nz(p->upstream),
                          nz(p->purpose), nz(p->requirements), nz(p->budget), buf[2], buf[3]};
    memcpy(cells, c, sizeof c);
}

static bool in_period(const struct transfer_export_opts *o, int year)
{
    return (!o->from.y || year >= o->from.y) && (!o->to.y || year <= o->to.y);
}

static enum status plans_export(struct transfer_export *x)
{
    struct plan *list = NULL;
    size_t n = 0;
    enum status rc = plan_repo_list(x->db, 0, &list, &n);
    for (size_t i = n; rc == ST_OK && i-- > 0;) { /* oldest first */
        if (!in_period(x->opts, list[i].year))
            continue;
        char buf[4][DATE_BUF];
        const char *cells[P_N];
        plan_cells(&list[i], buf, cells);
        rc = transfer_emit(x, cells);
    }
    plan_list_free(list, n);
    return rc;
}

static enum status plan_parse(struct transfer_import *im, const struct csv_row *row, struct plan *p)
{
    const char *ys = transfer_cell(im, row, P_YEAR);
    long long y = 0;
    if (number_parse_int(ys, NUM_INT, &y) != ST_OK || y < 1900 || y > 2999)
        TRANSFER_BAD(P_YEAR, ys, TRANSFER_RULE_FORMAT, _("year: give a year, e.g. 2025"));
    p->year = (int)y;
    char **texts[] = {&p->title, &p->number, NULL, &p->issuer, &p->upstream, &p->purpose, &p->requirements,
                      &p->budget};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        if (texts[i] && !(*texts[i] = utf8_nfc(transfer_cell(im, row, P_TITLE + i))))
            return status_set(ST_NOMEM, "%s", _("out of memory"));
    enum status rc = parse_date(im, row, P_ISSUED, _("date of the plan"), &p->issued_on);
    if (rc == ST_OK)
        rc = parse_date(im, row, P_HALF, _("6-month report deadline"), &p->report_half);
    if (rc == ST_OK)
        rc = parse_date(im, row, P_YEARREP, _("annual report deadline"), &p->report_year);
    if (rc == ST_OK && plan_validate(p) != ST_OK)
        TRANSFER_BAD(SIZE_MAX, "", TRANSFER_RULE_VALIDATION, status_message());
    return rc;
}

static bool same_cells(const char *const *a, const char *const *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(a[i], b[i]) != 0)
            return false;
    return true;
}

static enum status plans_import(struct transfer_import *im, const struct csv_row *row)
{
    struct plan p = {0}, old = {0};
    size_t before = im->errs->errors;
    long long id = 0;
    enum status rc = plan_parse(im, row, &p);
    char key[64];
    snprintf(key, sizeof key, "%d\x1f", p.year);
    if (rc == ST_OK && im->errs->errors == before) {
        char *k = malloc(strlen(key) + strlen(p.title) + 1);
        if (k && !transfer_seen_add(im, strcat(strcpy(k, key), p.title)))
            rc = transfer_bad(im, row->line, P_TITLE, p.title, TRANSFER_RULE_DUPLICATE,
                              _("title: the same plan is on an earlier line"));
        free(k);
    }
    if (rc == ST_OK && im->errs->errors == before)
        rc = find_plan(im->db, p.year, p.title, &id);
    if (rc == ST_OK && im->errs->errors == before && !id && (rc = plan_repo_insert(im->db, &p)) == ST_OK)
        im->counts->added++;
    else if (rc == ST_OK && im->errs->errors == before && id && (rc = plan_repo_get(im->db, id, &old)) == ST_OK) {
        char b1[4][DATE_BUF], b2[4][DATE_BUF];
        const char *c1[P_N], *c2[P_N];
        plan_cells(&p, b1, c1);
        plan_cells(&old, b2, c2);
        bool take = false;
        if (same_cells(c1, c2, P_N))
            im->counts->unchanged++;
        else if ((rc = differs(im, row, &take)) == ST_OK && take) {
            p.id = id;
            if ((rc = plan_repo_update(im->db, &p)) == ST_OK)
                im->counts->changed++;
        }
    }
    plan_clear(&p);
    plan_clear(&old);
    return rc;
}

const struct transfer_kind transfer_kind_plans = {&csv_plans, P_N, plans_export, plans_import, NULL, NULL};

/* -------------------------------------------------------------- targets */

enum { T_YEAR, T_PLAN, T_SORT, T_TEXT, T_VALUE, T_UNIT, T_DIR, T_MEASURE, T_TVALUE, T_TSOURCE, T_TON, T_N };

static const struct csv_column target_cols[T_N] = {
    {"plan_year", "Năm kế hoạch", NULL, true, N_("year of the plan")},
    {"plan_title", "Kế hoạch", "ten ke hoach", true, N_("title of the plan")},
    {"sort", "Thứ tự", "stt", false, N_("order in the plan, a whole number")},
    {"text", "Chỉ tiêu", "noi dung", true, N_("the target as the plan words it")},
    {"value", "Giá trị", "muc tieu", true, N_("the number aimed at; decimal point or comma")},
    {"unit", "Đơn vị", "don vi tinh", true, N_("percent or count")},
    {"direction", "Chiều", "dat khi", true, N_("at_least or at_most")},
    {"measure", "Số liệu tự tính", "chi so", false, N_("code of a value computed from the register, or empty")},
    {"typed_value", "Giá trị nhập", "ket qua", false, N_("value typed by the officer, or empty")},
    {"typed_source", "Nguồn số liệu", "nguon", false, N_("source of the typed value (required with it)")},
    {"typed_on", "Ngày số liệu", "ngay so lieu", false, N_("date the typed value refers to, dd/mm/yyyy")},
};
static const struct csv_kind csv_targets = {"targets", N_("targets"), target_cols, T_N};

static void num_text(double v, char *out, size_t n)
{
    snprintf(out, n, "%.10g", v);
}

static void target_cells(const struct plan *p, const struct plan_target *t, char buf[5][32],
                         const char *cells[T_N])
{
    snprintf(buf[0], 32, "%d", p->year);
    snprintf(buf[1], 32, "%d", t->sort);
    num_text(t->value, buf[2], 32);
    buf[3][0] = buf[4][0] = '\0';
    if (t->has_typed)
        num_text(t->typed_value, buf[3], 32);
    show(t->typed_on, buf[4]);
    const char *c[T_N] = {buf[0], nz(p->title), buf[1], nz(t->text), buf[2], plan_unit_code(t->unit),
                          plan_direction_code(t->direction), nz(t->measure), buf[3],
                          t->has_typed ? nz(t->typed_source) : "", buf[4]};
    memcpy(cells, c, sizeof c);
}

static enum status targets_export(struct transfer_export *x)
{
    struct plan *list = NULL;
    size_t n = 0;
    enum status rc = plan_repo_list(x->db, 0, &list, &n);
    for (size_t i = n; rc == ST_OK && i-- > 0;) {
        struct plan_target *ts = NULL;
        size_t nt = 0;
        if (!in_period(x->opts, list[i].year) || (rc = target_repo_list(x->db, list[i].id, &ts, &nt)) != ST_OK)
            continue;
        for (size_t j = 0; rc == ST_OK && j < nt; j++) {
            char buf[5][32];
            const char *cells[T_N];
            target_cells(&list[i], &ts[j], buf, cells);
            rc = transfer_emit(x, cells);
        }
        plan_target_list_free(ts, nt);
    }
    plan_list_free(list, n);
    return rc;
}

static bool parse_num(const char *s, double *out)
{
    return number_parse(s, NUM_DECIMAL | NUM_PERCENT | NUM_DOT_DECIMAL, out) == ST_OK;
}

static enum status target_parse(struct transfer_import *im, const struct csv_row *row, struct plan_target *t)
{
    enum status rc = row_plan(im, row, T_YEAR, T_PLAN, &t->plan_id);
    if (rc != ST_OK)
        return rc;
    long long sort = 0;
    const char *ss = transfer_cell(im, row, T_SORT);
    if (*ss && (number_parse_int(ss, NUM_INT | NUM_SIGNED, &sort) != ST_OK || sort > 1000000 ||
                sort < -1000000))
        TRANSFER_BAD(T_SORT, ss, TRANSFER_RULE_FORMAT, _("sort: give a whole number"));
    t->sort = (int)sort;
    if (!parse_num(transfer_cell(im, row, T_VALUE), &t->value))
        TRANSFER_BAD(T_VALUE, transfer_cell(im, row, T_VALUE), TRANSFER_RULE_FORMAT, _("value: give a number"));
    if (!plan_unit_parse(transfer_cell(im, row, T_UNIT), &t->unit))
        TRANSFER_BAD(T_UNIT, transfer_cell(im, row, T_UNIT), TRANSFER_RULE_FORMAT, _("unit: give percent or count"));
    if (!plan_direction_parse(transfer_cell(im, row, T_DIR), &t->direction))
        TRANSFER_BAD(T_DIR, transfer_cell(im, row, T_DIR), TRANSFER_RULE_FORMAT, _("direction: give at_least or at_most"));
    const char *tv = transfer_cell(im, row, T_TVALUE);
    t->has_typed = *tv != '\0';
    if (t->has_typed && !parse_num(tv, &t->typed_value))
        TRANSFER_BAD(T_TVALUE, tv, TRANSFER_RULE_FORMAT, _("typed value: give a number"));
    const char *m = transfer_cell(im, row, T_MEASURE);
    if (!(t->text = utf8_nfc(transfer_cell(im, row, T_TEXT))) || !(t->measure = *m ? strdup(m) : NULL) != !*m ||
        !(t->typed_source = utf8_nfc(transfer_cell(im, row, T_TSOURCE))))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    if ((rc = parse_date(im, row, T_TON, _("date of the value"), &t->typed_on)) == ST_OK &&
        plan_target_validate(t) != ST_OK)
        TRANSFER_BAD(SIZE_MAX, "", TRANSFER_RULE_VALIDATION, status_message());
    return rc;
}

static enum status targets_import(struct transfer_import *im, const struct csv_row *row)
{
    struct plan_target t = {0}, *ts = NULL;
    struct plan p = {0};
    size_t nt = 0, before = im->errs->errors;
    enum status rc = target_parse(im, row, &t);
    if (rc != ST_OK || im->errs->errors > before || (rc = target_repo_list(im->db, t.plan_id, &ts, &nt)) != ST_OK ||
        (rc = plan_repo_get(im->db, t.plan_id, &p)) != ST_OK)
        goto out;
    const struct plan_target *old = NULL;
    for (size_t i = 0; i < nt && !old; i++)
        if (strcmp(nz(ts[i].text), t.text) == 0)
            old = &ts[i];
    if (!old) {
        if ((rc = target_repo_insert(im->db, &t)) == ST_OK)
            im->counts->added++;
        goto out;
    }
    char b1[5][32], b2[5][32];
    const char *c1[T_N], *c2[T_N];
    target_cells(&p, &t, b1, c1);
    target_cells(&p, old, b2, c2);
    bool take = false;
    if (same_cells(c1, c2, T_N))
        im->counts->unchanged++;
    else if ((rc = differs(im, row, &take)) == ST_OK && take) {
        t.id = old->id;
        if ((rc = target_repo_update(im->db, &t)) == ST_OK)
            im->counts->changed++;
    }
out:
    plan_target_clear(&t);
    plan_target_list_free(ts, nt);
    plan_clear(&p);
    return rc;
}

const struct transfer_kind transfer_kind_targets = {&csv_targets, T_N, targets_export, targets_import, NULL, NULL};

/* ---------------------------------------------------------------- tasks */

enum { K_YEAR, K_PLAN, K_DEPT, K_TEXT, K_CRIT, K_START, K_DUE, K_DONE, K_DONE_ON, K_EVIDENCE, K_N };

static const struct csv_column task_cols[K_N] = {
    {"plan_year", "Năm kế hoạch", NULL, true, N_("year of the plan")},
    {"plan_title", "Kế hoạch", "ten ke hoach", true, N_("title of the plan")},
    {"department", "Ban ngành", "don vi|co quan thuc hien", true, N_("department carrying it out (its name or code)")},
    {"text", "Nhiệm vụ", "noi dung", true, N_("what to do")},
    {"criteria", "Tiêu chí", "tieu chi qd06", false, N_("criteria of QĐ 06 it serves, e.g. 3,4,5.1")},
    {"start_on", "Ngày bắt đầu", "bat dau", false, N_("planned start, dd/mm/yyyy")},
    {"due_on", "Hạn", "han hoan thanh", true, N_("due date, dd/mm/yyyy")},
    {"done", "Đã xong", "xong|hoan thanh", false, N_("1 when finished, else 0")},
    {"done_on", "Ngày xong", "ngay hoan thanh", false, N_("day it was finished, dd/mm/yyyy")},
    {"evidence", "Minh chứng", "minh chung", false, N_("reference of the proof")},
};
static const struct csv_kind csv_tasks = {"tasks", N_("tasks"), task_cols, K_N};

static void task_cells(int year, const char *plan_title, const struct task *t, char buf[4][DATE_BUF],
                       const char *cells[K_N])
{
    snprintf(buf[0], DATE_BUF, "%d", year);
    show(t->start_on, buf[1]);
    show(t->due_on, buf[2]);
    show(t->done_on, buf[3]);
    const char *c[K_N] = {buf[0], nz(plan_title), nz(t->department_name), nz(t->text), nz(t->criteria),
                          buf[1], buf[2], t->done ? "1" : "0", buf[3], nz(t->evidence)};
    memcpy(cells, c, sizeof c);
}

static enum status tasks_export(struct transfer_export *x)
{
    struct plan *list = NULL;
    size_t n = 0;
    enum status rc = plan_repo_list(x->db, 0, &list, &n);
    for (size_t i = n; rc == ST_OK && i-- > 0;) {
        struct task *ts = NULL;
        size_t nt = 0;
        struct task_filter f = {.plan_id = list[i].id};
        if (!in_period(x->opts, list[i].year) || (rc = task_repo_list(x->db, &f, &ts, &nt)) != ST_OK)
            continue;
        for (size_t j = 0; rc == ST_OK && j < nt; j++) {
            char buf[4][DATE_BUF];
            const char *cells[K_N];
            task_cells(list[i].year, list[i].title, &ts[j], buf, cells);
            rc = transfer_emit(x, cells);
        }
        task_list_free(ts, nt);
    }
    plan_list_free(list, n);
    return rc;
}

static enum status task_parse(struct transfer_import *im, const struct csv_row *row, struct task *t)
{
    enum status rc = row_plan(im, row, K_YEAR, K_PLAN, &t->plan_id);
    struct department d = {0};
    const char *dept = transfer_cell(im, row, K_DEPT);
    if (rc == ST_OK && *dept && department_repo_find(im->db, dept, &d) != ST_OK) {
        /* A department of the sender's commune not known here: added. */
        department_clear(&d);
        d = (struct department){.name = utf8_nfc(dept), .contact = strdup(""), .phone = strdup(""),
                                .criteria = strdup(""), .active = true};
        char msg[512];
        snprintf(msg, sizeof msg, _("department: '%s' was not known and has been added"), dept);
        if ((rc = department_repo_insert(im->db, &d)) == ST_OK)
            rc = transfer_note(im, row->line, K_DEPT, dept, msg);
    }
    t->department_id = d.id;
    department_clear(&d);
    const char *done = transfer_cell(im, row, K_DONE);
    t->done = strcmp(done, "1") == 0 || strcmp(done, "có") == 0 || strcmp(done, "yes") == 0;
    if (*done && !t->done && strcmp(done, "0") != 0 && strcmp(done, "không") != 0 && strcmp(done, "no") != 0)
        TRANSFER_BAD(K_DONE, done, TRANSFER_RULE_FORMAT, _("done: give 1 or 0"));
    if (rc == ST_OK)
        rc = parse_date(im, row, K_START, _("start date"), &t->start_on);
    if (rc == ST_OK)
        rc = parse_date(im, row, K_DUE, _("due date"), &t->due_on);
    if (rc == ST_OK)
        rc = parse_date(im, row, K_DONE_ON, _("date done"), &t->done_on);
    if (rc == ST_OK && (task_criteria_normalize(transfer_cell(im, row, K_CRIT), &t->criteria) != ST_OK))
        TRANSFER_BAD(K_CRIT, transfer_cell(im, row, K_CRIT), TRANSFER_RULE_FORMAT, status_message());
    if (rc == ST_OK && (!(t->text = utf8_nfc(transfer_cell(im, row, K_TEXT))) ||
                        !(t->evidence = utf8_nfc(transfer_cell(im, row, K_EVIDENCE)))))
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    if (rc == ST_OK && task_validate(t) != ST_OK)
        TRANSFER_BAD(SIZE_MAX, "", TRANSFER_RULE_VALIDATION, status_message());
    return rc;
}

static enum status tasks_import(struct transfer_import *im, const struct csv_row *row)
{
    struct task t = {0}, *ts = NULL;
    size_t nt = 0, before = im->errs->errors;
    struct task_filter f = {0};
    enum status rc = task_parse(im, row, &t);
    f.plan_id = t.plan_id;
    f.department_id = t.department_id;
    if (rc != ST_OK || im->errs->errors > before || (rc = task_repo_list(im->db, &f, &ts, &nt)) != ST_OK)
        goto out;
    const struct task *old = NULL;
    for (size_t i = 0; i < nt && !old; i++)
        if (strcmp(nz(ts[i].text), t.text) == 0)
            old = &ts[i];
    if (!old) {
        if ((rc = task_repo_insert(im->db, &t)) == ST_OK)
            im->counts->added++;
        goto out;
    }
    char b1[4][DATE_BUF], b2[4][DATE_BUF];
    const char *c1[K_N], *c2[K_N];
    t.department_name = old->department_name; /* borrowed for the compare */
    task_cells(0, "", &t, b1, c1);
    task_cells(0, "", old, b2, c2);
    t.department_name = NULL;
    bool take = false;
    if (same_cells(c1, c2, K_N))
        im->counts->unchanged++;
    else if ((rc = differs(im, row, &take)) == ST_OK && take) {
        t.id = old->id;
        if ((rc = task_repo_update(im->db, &t)) == ST_OK)
            im->counts->changed++;
    }
out:
    task_clear(&t);
    task_list_free(ts, nt);
    return rc;
}

const struct transfer_kind transfer_kind_tasks = {&csv_tasks, K_N, tasks_export, tasks_import, NULL, NULL};
