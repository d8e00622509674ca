/* demo_plans — the demo ward's plans for 2025 and 2026. The wording follows
 * the Nhơn Hưng 2024 plan (seeds/000) and the targets seen in seeds 001 and
 * 002; names of people are invented. */
#include <config.h>
#include "treem/app/demo_plans.h"
#include "treem/app/plan.h"
#include "treem/app/session.h"
#include "treem/db/department_repo.h"
#include "treem/db/event_repo.h"
#include "treem/db/plan_repo.h"
#include "treem/db/target_repo.h"
#include "treem/db/task_repo.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct date d(const char *iso)
{
    struct date out = PLAN_NO_DATE;
    if (iso)
        date_parse(iso, &out);
    return out;
}

/* The ward's own names and contact persons of a few departments (the
 * shipped list says "xã"; a ward edits it). */
static const struct { const char *code, *name, *contact; } demo_contacts[] = {
    {"bvte", NULL, "Nguyễn Thị Hồng"},
    {"tuphap", NULL, "Trần Văn Bình"},
    {"congan", "Công an phường", "Đỗ Quang Huy"},
    {"yte", "Trạm Y tế phường", "Lê Thị Mai"},
    {"doanthanhnien", "Đoàn Thanh niên phường", "Phạm Minh Tuấn"},
};

static const struct {
    const char *text;
    double value;
    enum plan_unit unit;
    enum plan_direction dir;
    const char *measure;
    double typed;            /* < 0: none typed for 2025 */
    const char *source, *on;
} demo_targets[] = {
    {"100 % trẻ em sinh ra được đăng ký khai sinh đúng hạn", 100, PLAN_UNIT_PERCENT,
     PLAN_AT_LEAST, "birth_reg_on_time_rate", -1, NULL, NULL},
    {"Giảm tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân xuống dưới 9 %", 9,
     PLAN_UNIT_PERCENT, PLAN_AT_MOST, "underweight_u5_rate", 8.6,
     "Báo cáo của Trạm Y tế phường, đợt cân tháng 6/2025", "2025-06-30"},
    {"Trên 98 % trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", 98, PLAN_UNIT_PERCENT, PLAN_AT_LEAST,
     "vaccinated_u1_rate", 97.2, "Sổ tiêm chủng của Trạm Y tế phường", "2025-10-31"},
    {"99 % trẻ em có hoàn cảnh đặc biệt được can thiệp, hỗ trợ", 99, PLAN_UNIT_PERCENT,
     PLAN_AT_LEAST, "sc_children_helped_rate", -1, NULL, NULL},
    {"97 % trẻ em từ 3 đến 5 tuổi được chăm sóc, giáo dục tại trường, lớp mầm non", 97,
     PLAN_UNIT_PERCENT, PLAN_AT_LEAST, "preschool_rate", -1, NULL, NULL},
    {"100 % trẻ em dưới 6 tuổi được cấp thẻ bảo hiểm y tế", 100, PLAN_UNIT_PERCENT,
     PLAN_AT_LEAST, "insurance_rate", -1, NULL, NULL},
    {"Trên 90 % trẻ em được cập nhật thông tin lên phần mềm quản lý trẻ em", 90,
     PLAN_UNIT_PERCENT, PLAN_AT_LEAST, "register_updated_rate", -1, NULL, NULL},
    {"Tổ chức ít nhất 02 hoạt động vui chơi, giải trí, văn hóa, thể thao cho trẻ em trong năm",
     2, PLAN_UNIT_COUNT, PLAN_AT_LEAST, NULL, 4, "Báo cáo của công chức Văn hóa – Xã hội",
     "2025-11-10"},
};

/* Tasks of the 2025 plan: department code, criteria, text, start, due,
 * done date (NULL: not done), evidence. */
static const struct {
    const char *dept, *criteria, *text, *start, *due, *done, *evidence;
} demo_tasks[] = {
    {"bvte", "1", "Xây dựng Kế hoạch và triển khai thực hiện tại địa phương",
     "2025-01-02", "2025-01-31", "2025-01-15", "Kế hoạch số 12/KH-UBND ngày 15/01/2025"},
    {"bvte", "1,13", "Tuyên truyền, vận động Nhân dân hưởng ứng xây dựng phường phù hợp với trẻ "
     "em tại các khu phố", "2025-02-01", "2025-11-30", "2025-11-20", "Biên bản 6 buổi tuyên truyền"},
    {"bvte", "1", "Kiện toàn đội ngũ cộng tác viên bảo vệ trẻ em ở các khu phố", "2025-01-15",
     "2025-03-31", "2025-03-28", "Quyết định kiện toàn số 35/QĐ-UBND"},
    {"bvte", "6", "Vãng gia, tư vấn trực tiếp các gia đình có trẻ em có nguy cơ rơi vào hoàn cảnh "
     "đặc biệt", "2025-01-15", "2025-12-15", "2025-12-12", "Sổ theo dõi vãng gia"},
    {"bvte", "1,6,13", "Tổng hợp hồ sơ tự đánh giá, đề nghị công nhận phường phù hợp với trẻ em",
     "2025-10-01", "2025-11-15", "2025-11-17", "Tờ trình số 88/TTr-UBND"},
    {"tuphap", "2", "Đăng ký khai sinh đúng hạn cho trẻ em; rà soát trẻ em chưa được khai sinh",
     "2025-01-02", "2025-12-31", "2025-12-30", "Sổ đăng ký khai sinh năm 2025"},
    {"congan", "3,4", "Phòng ngừa, phát hiện, xử lý các hành vi bạo lực, xâm hại trẻ em; phối hợp "
     "với cán bộ bảo vệ trẻ em khi có vụ việc", "2025-01-02", "2025-12-31", "2025-12-31",
     "Báo cáo của Công an phường"},
    {"congan", "5.1", "Theo dõi, thống kê trẻ em bị tai nạn, thương tích dẫn đến tử vong",
     "2025-01-02", "2025-10-31", "2025-11-05", "Bảng thống kê 10 tháng"},
    {"yte", "7", "Tiêm chủng đầy đủ các loại vắc xin cho trẻ em dưới 1 tuổi", "2025-01-02",
     "2025-12-31", "2025-12-31", "Sổ tiêm chủng"},
    {"yte", "8", "Cân, đo trẻ em dưới 5 tuổi (đợt tháng 6 và tháng 12) để đánh giá suy dinh "
     "dưỡng nhẹ cân, thấp còi", "2025-06-01", "2025-12-15", NULL, ""},
    {"yte", "9", "Khám sức khỏe tổng quát cho trẻ em ít nhất một lần trong năm", "2025-03-01",
     "2025-11-30", "2025-11-25", "Danh sách khám sức khỏe"},
    {"yte", "5.2", "Hướng dẫn phòng, chống tai nạn thương tích và sơ cứu ban đầu cho trẻ em",
     "2025-04-01", "2025-08-31", "2025-08-20", ""},
    {"truonghoc", "10", "Vận động trẻ em từ 3 đến 5 tuổi đến trường, lớp mầm non", "2025-07-15",
     "2025-09-30", "2025-09-25", "Báo cáo huy động trẻ đầu năm học"},
    {"doanthanhnien", "11", "Tổ chức Diễn đàn trẻ em cấp phường", "2025-05-15", "2025-06-30",
     "2025-06-20", "Biên bản Diễn đàn trẻ em"},
    {"vanhoa", "12", "Tổ chức hoạt động Tháng hành động vì trẻ em và Ngày Quốc tế thiếu nhi 01/6",
     "2025-05-15", "2025-06-30", "2025-06-30", "Báo cáo Tháng hành động"},
    {"vanhoa", "12", "Tổ chức Tết Trung thu cho trẻ em", "2025-09-01", "2025-10-06", "2025-10-06",
     "Báo cáo Tết Trung thu"},
    {"truyenthanh", "3,5", "Tuyên truyền phòng, chống xâm hại, bạo lực và tai nạn thương tích trẻ "
     "em trên Đài Truyền thanh phường", "2025-01-02", "2025-12-31", "2025-12-31", ""},
    {"taichinh", "1", "Tham mưu dự toán kinh phí thực hiện kế hoạch", "2025-01-02", "2025-02-28",
     "2025-02-25", "Dự toán kinh phí năm 2025"},
};

static const struct {
    const char *name, *start, *end;
    enum plan_event_kind kind;
    bool lunar;
} demo_events[] = {
    {"Tháng hành động vì trẻ em", "2025-06-01", "2025-06-30", PLAN_EVENT_CAMPAIGN, false},
    {"Ngày Quốc tế thiếu nhi 01/6", "2025-06-01", NULL, PLAN_EVENT_EVENT, false},
    {"Diễn đàn trẻ em cấp phường", "2025-06-20", NULL, PLAN_EVENT_EVENT, false},
    {"Ngày toàn dân đưa trẻ đến trường", "2025-09-05", NULL, PLAN_EVENT_EVENT, false},
    {"Tết Trung thu (15/8 âm lịch)", "2025-10-06", NULL, PLAN_EVENT_EVENT, true},
    {"Nộp hồ sơ đề nghị công nhận phường phù hợp với trẻ em", "2025-11-15", NULL,
     PLAN_EVENT_DEADLINE, false},
};

static enum status add_plan_2025(struct db *db, const char *who, struct plan *p)
{
    p->number = strdup("12/KH-UBND");
    p->issued_on = d("2025-01-15");
    p->issuer = strdup("UBND phường An Nhơn Đông");
    p->year = 2025;
    p->title = strdup("Kế hoạch duy trì và nâng chất Tiêu chuẩn xã, phường phù hợp với trẻ em "
                      "trên địa bàn phường An Nhơn Đông năm 2025");
    p->upstream = strdup("Căn cứ Quyết định số 06/QĐ-TTg ngày 03/01/2019 của Thủ tướng Chính phủ "
                         "ban hành Quy định về xã, phường, thị trấn phù hợp với trẻ em; "
                         "kế hoạch của cấp trên về thực hiện Tiêu chuẩn năm 2025.");
    p->purpose = strdup("Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy Đảng, chính quyền trong "
                        "việc duy trì và nâng chất Tiêu chuẩn xã, phường phù hợp với trẻ em; bảo "
                        "đảm mọi trẻ em được hưởng các quyền cơ bản và phát triển toàn diện.");
    p->requirements = strdup("Tiếp tục duy trì các Tiêu chí đã đạt và vượt chỉ tiêu; cải thiện "
                             "các Tiêu chí chưa đạt hoặc đạt nhưng chưa bền vững, đặc biệt Tiêu "
                             "chí 3 (xâm hại) và Tiêu chí 5 (tai nạn, thương tích).");
    p->budget = strdup("Ngân sách phường bố trí trong dự toán năm 2025; vận động các tổ chức, cá "
                       "nhân hỗ trợ.");
    p->report_half = d("2025-05-15");
    p->report_year = d("2025-11-15");
    return plan_repo_insert(db, who, p);
}

static enum status add_targets(struct db *db, const char *who, long long plan_id)
{
    enum status st = ST_OK;
    for (size_t i = 0; st == ST_OK && i < sizeof demo_targets / sizeof *demo_targets; i++) {
        struct plan_target t = {
            .plan_id = plan_id, .value = demo_targets[i].value, .unit = demo_targets[i].unit,
            .direction = demo_targets[i].dir, .has_typed = demo_targets[i].typed >= 0,
            .typed_value = demo_targets[i].typed, .typed_on = d(demo_targets[i].on),
        };
        t.text = strdup(demo_targets[i].text);
        t.measure = demo_targets[i].measure ? strdup(demo_targets[i].measure) : NULL;
        t.typed_source = demo_targets[i].source ? strdup(demo_targets[i].source) : NULL;
        st = target_repo_insert(db, who, &t);
        plan_target_clear(&t);
    }
    return st;
}

static enum status dept_id(struct db *db, const char *code, long long *id)
{
    struct department dep;
    enum status st = department_repo_find(db, code, &dep);
    *id = dep.id;
    department_clear(&dep);
    return st;
}

static enum status add_tasks(struct db *db, const char *who, long long plan_id)
{
    enum status st = ST_OK;
    for (size_t i = 0; st == ST_OK && i < sizeof demo_tasks / sizeof *demo_tasks; i++) {
        struct task t = {.plan_id = plan_id, .start_on = d(demo_tasks[i].start),
                         .due_on = d(demo_tasks[i].due), .done = demo_tasks[i].done != NULL,
                         .done_on = d(demo_tasks[i].done)};
        st = dept_id(db, demo_tasks[i].dept, &t.department_id);
        t.text = strdup(demo_tasks[i].text);
        t.criteria = strdup(demo_tasks[i].criteria);
        t.evidence = strdup(demo_tasks[i].evidence);
        if (st == ST_OK)
            st = task_repo_insert(db, who, &t);
        task_clear(&t);
    }
    return st;
}

static enum status add_events(struct db *db, const char *who, long long plan_id)
{
    enum status st = ST_OK;
    for (size_t i = 0; st == ST_OK && i < sizeof demo_events / sizeof *demo_events; i++) {
        struct plan_event e = {.plan_id = plan_id, .start_on = d(demo_events[i].start),
                               .end_on = d(demo_events[i].end), .kind = demo_events[i].kind,
                               .lunar = demo_events[i].lunar};
        e.name = strdup(demo_events[i].name);
        st = event_repo_insert(db, who, &e);
        plan_event_clear(&e);
    }
    return st;
}

static enum status set_contacts(struct db *db, const char *who)
{
    enum status st = ST_OK;
    for (size_t i = 0; st == ST_OK && i < sizeof demo_contacts / sizeof *demo_contacts; i++) {
        struct department dep;
        st = department_repo_find(db, demo_contacts[i].code, &dep);
        if (st == ST_OK) {
            free(dep.contact);
            dep.contact = strdup(demo_contacts[i].contact);
            if (demo_contacts[i].name) {
                free(dep.name);
                dep.name = strdup(demo_contacts[i].name);
            }
            st = department_repo_update(db, who, &dep);
        }
        department_clear(&dep);
    }
    return st;
}

/* The officer's rewrite of the copied plan for 2026. */
static enum status edit_plan_2026(struct db *db, const char *who, long long id)
{
    struct plan p;
    enum status st = plan_repo_get(db, id, &p);
    if (st != ST_OK)
        return st;
    free(p.number);
    free(p.upstream);
    free(p.budget);
    p.number = strdup("05/KH-UBND");
    p.issued_on = d("2026-01-12");
    p.upstream = strdup("Căn cứ Quyết định số 06/QĐ-TTg ngày 03/01/2019 của Thủ tướng Chính phủ "
                        "ban hành Quy định về xã, phường, thị trấn phù hợp với trẻ em; "
                        "kế hoạch của cấp trên về thực hiện Tiêu chuẩn năm 2026.");
    p.budget = strdup("Ngân sách phường bố trí trong dự toán năm 2026; vận động các tổ chức, cá "
                      "nhân hỗ trợ.");
    st = plan_repo_update(db, who, &p);
    plan_clear(&p);
    return st;
}

/* Confirms the lunar dates the copy moved: Trung thu 2026 is 25/09. */
static enum status fix_events_2026(struct db *db, const char *who, long long id)
{
    struct plan_event *list;
    size_t n;
    enum status st = event_repo_list(db, id, &list, &n);
    for (size_t i = 0; st == ST_OK && i < n; i++) {
        if (!list[i].to_check)
            continue;
        list[i].start_on = d("2026-09-25");
        list[i].to_check = false;
        st = event_repo_update(db, who, &list[i]);
    }
    plan_event_list_free(list, n);
    return st;
}

/* 2026 as carried out by late November: what was due before September
 * is done, the Trung thu task moved to the lunar date and done, the
 * recognition dossier sent; two tasks are left overdue. */
static enum status progress_2026(struct db *db, const char *who, long long id)
{
    struct task_filter f = {.plan_id = id};
    struct task *list;
    size_t n;
    enum status st = task_repo_list(db, &f, &list, &n);
    struct date sep = d("2026-09-01"), dossier = d("2026-11-15");
    for (size_t i = 0; st == ST_OK && i < n; i++) {
        struct task *t = &list[i];
        if (strncmp(t->text, "Tổ chức Tết Trung thu", strlen("Tổ chức Tết Trung thu")) == 0) {
            t->due_on = t->done_on = d("2026-09-25");
        } else if (date_cmp(t->due_on, sep) < 0) {
            t->done_on = date_add_days(t->due_on, -3);
        } else if (date_cmp(t->due_on, dossier) == 0) {
            t->done_on = d("2026-11-13");
        } else {
            continue;
        }
        t->done = true;
        st = task_repo_update(db, who, t);
    }
    for (size_t i = 0; st == ST_OK && i < n; i++) {
        struct task_note note = {.task_id = list[i].id};
        if (strstr(list[i].text, "mầm non")) {
            note.noted_on = d("2026-10-05");
            note.text = strdup("Còn 12 trẻ ở khu phố Liêm Định chưa đến lớp; đang vận động.");
        } else if (strstr(list[i].criteria, "5.1")) {
            note.noted_on = d("2026-10-20");
            note.text = strdup("Đã có số liệu 9 tháng, chờ số liệu tháng 10 của Trạm Y tế.");
        } else {
            continue;
        }
        st = task_repo_note_add(db, who, &note);
        task_note_clear(&note);
    }
    task_list_free(list, n);
    return st;
}

/* The one value typed so far for 2026. */
static enum status values_2026(struct db *db, const char *who, long long id)
{
    struct plan_target *list;
    size_t n;
    enum status st = target_repo_list(db, id, &list, &n);
    for (size_t i = 0; st == ST_OK && i < n; i++) {
        if (!list[i].measure || strcmp(list[i].measure, "underweight_u5_rate") != 0)
            continue;
        list[i].has_typed = true;
        list[i].typed_value = 8.9;
        list[i].typed_source = strdup("Báo cáo 6 tháng đầu năm 2026 của Trạm Y tế phường");
        list[i].typed_on = d("2026-06-30");
        st = target_repo_update(db, who, &list[i]);
    }
    plan_target_list_free(list, n);
    return st;
}

enum status demo_plans_fill(struct db *db)
{
    char who[256];
    snprintf(who, sizeof who, "%s", session_user(db));
    struct plan p = {0};
    enum status st = set_contacts(db, who);
    if (st == ST_OK)
        st = add_plan_2025(db, who, &p);
    if (st == ST_OK)
        st = add_targets(db, who, p.id);
    if (st == ST_OK)
        st = add_tasks(db, who, p.id);
    if (st == ST_OK)
        st = add_events(db, who, p.id);
    struct plan_copy_result copy;
    if (st == ST_OK)
        st = plan_copy_next_year_in(db, who, p.id, &copy);
    if (st == ST_OK)
        st = edit_plan_2026(db, who, copy.new_id);
    if (st == ST_OK)
        st = fix_events_2026(db, who, copy.new_id);
    if (st == ST_OK)
        st = progress_2026(db, who, copy.new_id);
    if (st == ST_OK)
        st = values_2026(db, who, copy.new_id);
    plan_clear(&p);
    return st;
}
