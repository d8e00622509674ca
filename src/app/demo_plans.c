/* demo_plans — the demo ward's plans for last year and this year. The
 * wording follows the Nhơn Hưng 2024 plan (seeds/000: every department's
 * duties, MTTQ and the mass organisations included), the recurring tasks of
 * the other seeds (satisfaction survey, children's clubs, swimming and
 * drowning prevention, Tổng đài 111, online safety, summer activities,
 * drop-out review) and the targets of seeds 001 and 002; names of people
 * are invented. */
#include <config.h>
#include "treem/app/demo_plans.h"
#include "treem/app/plan.h"
#include "treem/db/department_repo.h"
#include "treem/db/event_repo.h"
#include "treem/db/plan_repo.h"
#include "treem/db/target_repo.h"
#include "treem/db/task_repo.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The plans are dated relative to today: last year's plan is carried out,
 * this year's is its copy carried out up to today. Dates below are
 * "mm-dd" of the plan's year. */
static struct date ymd(int year, const char *md)
{
    struct date out = PLAN_NO_DATE;
    char iso[16];
    if (!md)
        return out;
    snprintf(iso, sizeof iso, "%04d-%s", year, md);
    if (date_parse(iso, &out) != ST_OK)
        out = PLAN_NO_DATE;
    return out;
}

static struct date earlier(struct date a, struct date b)
{
    return date_cmp(a, b) <= 0 ? a : b;
}

/* Tết Trung thu (15/8 of the lunar calendar); {0} outside the table. */
static struct date trung_thu(int year)
{
    static const char *const days[] = {"2024-09-17", "2025-10-06", "2026-09-25", "2027-09-15",
        "2028-10-03", "2029-09-22", "2030-09-12", "2031-10-01", "2032-09-19"};
    struct date out = PLAN_NO_DATE;
    if (year >= 2024 && year < 2024 + (int)(sizeof days / sizeof *days))
        date_parse(days[year - 2024], &out);
    return out;
}

/* The ward's own names and contact persons of a few departments (the
 * shipped list says "xã"; a ward edits it). */
static const struct { const char *code, *name, *contact; } demo_contacts[] = {
    {"bvte", "Cán bộ làm công tác bảo vệ trẻ em (XDGN – GDTE)", "Nguyễn Thị Hồng"},
    {"tuphap", "Công chức Tư pháp – Hộ tịch", "Trần Văn Bình"},
    {"congan", "Công an phường", "Đỗ Quang Huy"},
    {"yte", "Trạm Y tế phường", "Lê Thị Mai"},
    {"doanthanhnien", "Đoàn Thanh niên phường", "Phạm Minh Tuấn"},
    {"vanhoa", "Công chức Văn hóa – Xã hội", "Chau Sóc Kha"},
    {"truyenthanh", "Đài Truyền thanh phường", NULL},
};

/* Targets: text, value, unit, direction, measure, a value typed last year
 * (< 0: none) with its source and day (mm-dd of last year). */
static const struct {
    const char *text;
    double value;
    enum plan_unit unit;
    enum plan_direction dir;
    const char *measure;
    double typed;
    const char *source, *on;
} demo_targets[] = {
    {"100 % trẻ em sinh ra được đăng ký khai sinh đúng hạn", 100, PLAN_UNIT_PERCENT,
     PLAN_AT_LEAST, "birth_reg_on_time_rate", -1, NULL, NULL},
    {"Giảm tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân xuống dưới 9 %", 9,
     PLAN_UNIT_PERCENT, PLAN_AT_MOST, "underweight_u5_rate", 8.6,
     "Báo cáo của Trạm Y tế phường, đợt cân tháng 6", "06-30"},
    {"Trên 98 % trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", 98, PLAN_UNIT_PERCENT, PLAN_AT_LEAST,
     "vaccinated_u1_rate", 97.2, "Sổ tiêm chủng của Trạm Y tế phường", "10-31"},
    {"99 % trẻ em có hoàn cảnh đặc biệt được can thiệp, hỗ trợ", 99, PLAN_UNIT_PERCENT,
     PLAN_AT_LEAST, "sc_children_helped_rate", -1, NULL, NULL},
    {"97 % trẻ em từ 3 đến 5 tuổi được chăm sóc, giáo dục tại trường, lớp mầm non", 97,
     PLAN_UNIT_PERCENT, PLAN_AT_LEAST, "preschool_rate", -1, NULL, NULL},
    {"100 % trẻ em dưới 6 tuổi được cấp thẻ bảo hiểm y tế", 100, PLAN_UNIT_PERCENT,
     PLAN_AT_LEAST, "insurance_rate", -1, NULL, NULL},
    {"Trên 90 % trẻ em được cập nhật thông tin lên phần mềm quản lý trẻ em", 90,
     PLAN_UNIT_PERCENT, PLAN_AT_LEAST, "register_updated_rate", -1, NULL, NULL},
    {"Tổ chức ít nhất 02 hoạt động vui chơi, giải trí, văn hóa, thể thao cho trẻ em trong năm",
     2, PLAN_UNIT_COUNT, PLAN_AT_LEAST, NULL, 4, "Báo cáo của công chức Văn hóa – Xã hội", "11-10"},
};

/* Tasks: department code, criteria, text, start, due, done last year (mm-dd;
 * NULL: not done), evidence. */
static const struct {
    const char *dept, *criteria, *text, *start, *due, *done, *evidence;
} demo_tasks[] = {
    /* Cán bộ phụ trách XDGN – GDTE: criteria 1, 6, 13 */
    {"bvte", "1", "Xây dựng Kế hoạch và triển khai thực hiện tại địa phương",
     "01-02", "01-31", "01-15", "Kế hoạch của UBND phường"},
    {"bvte", "1,13", "Tuyên truyền, vận động các tổ chức, đoàn thể và Nhân dân hưởng ứng xây dựng "
     "phường phù hợp với trẻ em tại các khóm", "02-01", "11-30", "11-20", "Biên bản 6 buổi tuyên truyền"},
    {"bvte", "1", "Kiện toàn bộ máy làm công tác bảo vệ, chăm sóc trẻ em và đội ngũ cộng tác viên "
     "ở các khóm", "01-15", "03-31", "03-28", "Quyết định kiện toàn của UBND phường"},
    {"bvte", "3,6", "Phát hiện, ngăn chặn kịp thời và xử lý các hành vi xâm hại, ngược đãi trẻ em",
     "01-02", "12-31", "12-31", "Sổ theo dõi vụ việc"},
    {"bvte", "6", "Vãng gia, tư vấn trực tiếp các gia đình có trẻ em có nguy cơ rơi vào hoàn cảnh "
     "đặc biệt", "01-15", "12-15", "12-12", "Sổ theo dõi vãng gia"},
    {"bvte", "1", "Kiểm tra, giám sát các điểm giữ trẻ mùa lũ và mô hình bảo vệ, chăm sóc trẻ em "
     "tại cộng đồng", "08-01", "11-30", "11-25", "Biên bản kiểm tra điểm giữ trẻ mùa lũ"},
    {"bvte", "13", "Khảo sát mức độ hài lòng của trẻ em và người dân về việc thực hiện quyền trẻ em",
     "09-01", "10-31", "10-28", "Phiếu khảo sát và bảng tổng hợp"},
    {"bvte", "1,6,13", "Tổng hợp hồ sơ tự đánh giá, đề nghị công nhận phường phù hợp với trẻ em",
     "10-01", "11-15", "11-17", "Tờ trình của UBND phường"},
    /* Công chức Tư pháp: criterion 2 */
    {"tuphap", "2", "Đăng ký khai sinh đúng hạn cho trẻ em; rà soát trẻ em chưa được khai sinh",
     "01-02", "12-31", "12-30", "Sổ đăng ký khai sinh"},
    {"tuphap", "2", "Kiểm tra, hướng dẫn các hoạt động trợ giúp pháp lý cho trẻ em", "03-01",
     "10-31", "10-20", "Báo cáo trợ giúp pháp lý"},
    /* Công an phường: criteria 3, 4, 5.1 */
    {"congan", "3,4", "Phòng ngừa, phát hiện, đấu tranh với các hành vi vi phạm pháp luật liên quan "
     "đến trẻ em, nhất là bạo lực, xâm hại tình dục trẻ em", "01-02", "12-31", "12-31",
     "Báo cáo của Công an phường"},
    {"congan", "3", "Phối hợp với cán bộ bảo vệ trẻ em khi xảy ra vụ việc bạo lực, xâm hại trẻ em, "
     "bảo đảm bí mật thông tin của trẻ", "01-02", "12-31", "12-31", "Biên bản phối hợp"},
    {"congan", "5.1", "Theo dõi, thống kê trẻ em bị tai nạn, thương tích dẫn đến tử vong",
     "01-02", "10-31", "11-05", "Bảng thống kê 10 tháng"},
    /* Y tế: criteria 5.2, 7, 8, 9 */
    {"yte", "7", "Tiêm chủng đầy đủ các loại vắc xin cho trẻ em dưới 1 tuổi", "01-02", "12-31",
     "12-31", "Sổ tiêm chủng"},
    {"yte", "8", "Cân, đo trẻ em dưới 5 tuổi (đợt tháng 6 và tháng 12) để đánh giá suy dinh dưỡng "
     "nhẹ cân, thấp còi", "06-01", "12-15", NULL, ""},
    {"yte", "9", "Khám sức khỏe tổng quát cho trẻ em ít nhất một lần trong năm", "03-01", "11-30",
     "11-25", "Danh sách khám sức khỏe"},
    {"yte", "7,9", "Khám, chữa bệnh bằng thẻ BHYT cho trẻ em dưới 6 tuổi, trẻ em có hoàn cảnh đặc "
     "biệt, trẻ em hộ nghèo; phục hồi chức năng cho trẻ em khuyết tật", "01-02", "12-31", "12-31",
     "Báo cáo của Trạm Y tế"},
    {"yte", "5.2", "Hướng dẫn phòng, chống tai nạn thương tích và sơ cứu ban đầu cho trẻ em",
     "04-01", "08-31", "08-20", ""},
    /* Các trường: criterion 10 */
    {"truonghoc", "10", "Vận động trẻ em từ 3 đến 5 tuổi đến trường, lớp mầm non", "07-15",
     "09-30", "09-25", "Báo cáo huy động trẻ đầu năm học"},
    {"truonghoc", "10", "Xây dựng môi trường học đường an toàn, không bạo lực; giáo dục kỹ năng sống "
     "cho học sinh", "01-02", "05-31", "05-28", "Báo cáo tổng kết năm học"},
    {"truonghoc", "10", "Rà soát học sinh bỏ học, có nguy cơ bỏ học và vận động trở lại lớp",
     "08-15", "10-15", "10-10", "Danh sách học sinh bỏ học"},
    {"truonghoc", "5.2", "Dạy bơi, kỹ năng an toàn trong môi trường nước cho học sinh (phòng, chống "
     "đuối nước mùa lũ)", "05-15", "08-15", "08-10", "Danh sách học sinh biết bơi"},
    /* Đoàn Thanh niên: criterion 11 */
    {"doanthanhnien", "11", "Tổ chức Diễn đàn trẻ em cấp phường", "05-15", "06-30", "06-20",
     "Biên bản Diễn đàn trẻ em"},
    {"doanthanhnien", "11", "Duy trì câu lạc bộ quyền trẻ em, nhóm trẻ em nòng cốt ở các khóm",
     "01-02", "12-15", "12-10", "Danh sách câu lạc bộ"},
    {"doanthanhnien", "11,12", "Tổ chức các hoạt động hè cho thiếu nhi", "06-01", "08-31",
     "08-25", "Báo cáo hoạt động hè"},
    /* Công chức Văn hóa – Xã hội: criterion 12 */
    {"vanhoa", "12", "Kiểm tra, quản lý sản phẩm văn hóa (sách, báo, phim, tranh ảnh) để trẻ em "
     "không tiếp cận thông tin không lành mạnh", "01-02", "12-31", "12-31", "Biên bản kiểm tra"},
    {"vanhoa", "12", "Tổ chức hoạt động Tháng hành động vì trẻ em và Ngày Quốc tế thiếu nhi 01/6",
     "05-15", "06-30", "06-30", "Báo cáo Tháng hành động"},
    {"vanhoa", "12", "Tổ chức Tết Trung thu cho trẻ em", "09-01", "10-06", "10-06",
     "Báo cáo Tết Trung thu"},
    /* Đài Truyền thanh phường */
    {"truyenthanh", "3,5", "Tuyên truyền phòng, chống xâm hại, bạo lực và tai nạn thương tích trẻ "
     "em trên Đài Truyền thanh phường", "01-02", "12-31", "12-31", ""},
    {"truyenthanh", "3", "Tuyên truyền Tổng đài quốc gia bảo vệ trẻ em 111 và an toàn cho trẻ em "
     "trên môi trường mạng", "03-01", "11-30", "11-28", "Lịch phát thanh"},
    /* Công chức Tài chính – kế toán */
    {"taichinh", "1", "Tham mưu dự toán kinh phí thực hiện kế hoạch; vận động nguồn lực hỗ trợ",
     "01-02", "02-28", "02-25", "Dự toán kinh phí"},
    {"taichinh", "1", "Đưa chỉ tiêu \"Phường đạt Tiêu chuẩn phù hợp với trẻ em\" vào kế hoạch phát "
     "triển kinh tế – xã hội của phường", "11-01", "12-20", "12-18", "Kế hoạch phát triển KT-XH"},
    /* Ủy ban MTTQ và các đoàn thể */
    {"mttq", "", "Phát động phong trào \"Toàn dân bảo vệ, chăm sóc và giáo dục trẻ em\" gắn với các "
     "phong trào thi đua yêu nước", "03-01", "06-30", "06-15", "Kế hoạch phát động"},
    {"phunu", "", "Tuyên truyền kiến thức, kỹ năng bảo vệ, chăm sóc trẻ em cho hội viên và các gia "
     "đình", "02-01", "11-30", "11-26", "Biên bản sinh hoạt chi hội"},
    {"nongdan", "3", "Vận động hội viên không sử dụng lao động trẻ em trái quy định", "02-01",
     "11-30", "11-26", "Báo cáo của Hội Nông dân"},
    /* Cộng tác viên ở các khóm */
    {"thon", "1,6", "Cập nhật thông tin trẻ em vào sổ theo dõi và phần mềm; báo ngay khi phát hiện "
     "trẻ em bị xâm hại hoặc có nguy cơ", "01-02", "12-31", "12-31", "Sổ theo dõi của cộng tác viên"},
};

/* Events: name, start, end (mm-dd), kind, lunar. */
static const struct {
    const char *name, *start, *end;
    enum plan_event_kind kind;
    bool lunar;
} demo_events[] = {
    {"Tháng hành động vì trẻ em", "06-01", "06-30", PLAN_EVENT_CAMPAIGN, false},
    {"Ngày Quốc tế thiếu nhi 01/6", "06-01", NULL, PLAN_EVENT_EVENT, false},
    {"Diễn đàn trẻ em cấp phường", "06-20", NULL, PLAN_EVENT_EVENT, false},
    {"Ngày toàn dân đưa trẻ đến trường", "09-05", NULL, PLAN_EVENT_EVENT, false},
    {"Tết Trung thu (15/8 âm lịch)", NULL, NULL, PLAN_EVENT_EVENT, true},
    {"Nộp hồ sơ đề nghị công nhận phường phù hợp với trẻ em", "11-15", NULL,
     PLAN_EVENT_DEADLINE, false},
};

static enum status add_plan(struct db *db, int year, struct plan *p)
{
    char text[512];
    p->number = strdup("12/KH-UBND");
    p->issued_on = ymd(year, "01-15");
    p->issuer = strdup("UBND phường Thới Sơn");
    p->year = year;
    snprintf(text, sizeof text, "Kế hoạch duy trì và nâng chất Tiêu chuẩn xã, phường phù hợp với "
             "trẻ em trên địa bàn phường Thới Sơn năm %d", year);
    p->title = strdup(text);
    snprintf(text, sizeof text, "Căn cứ Quyết định số 06/QĐ-TTg ngày 03/01/2019 của Thủ tướng "
             "Chính phủ ban hành Quy định về xã, phường, thị trấn phù hợp với trẻ em; kế hoạch "
             "của cấp trên về thực hiện Tiêu chuẩn năm %d.", year);
    p->upstream = strdup(text);
    p->purpose = strdup("Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy Đảng, chính quyền trong "
                        "việc duy trì và nâng chất Tiêu chuẩn xã, phường phù hợp với trẻ em; bảo "
                        "đảm mọi trẻ em được hưởng các quyền cơ bản và phát triển toàn diện.");
    p->requirements = strdup("Tiếp tục duy trì các Tiêu chí đã đạt và vượt chỉ tiêu; cải thiện "
                             "các Tiêu chí chưa đạt hoặc đạt nhưng chưa bền vững, đặc biệt Tiêu "
                             "chí 3 (xâm hại) và Tiêu chí 5 (tai nạn, thương tích).");
    p->budget = strdup("Ngân sách phường bố trí trong dự toán hằng năm; vận động các tổ chức, cá "
                       "nhân hỗ trợ.");
    p->report_half = ymd(year, "05-15");
    p->report_year = ymd(year, "11-15");
    return plan_repo_insert(db, p);
}

static enum status add_targets(struct db *db, long long plan_id, int year)
{
    enum status st = ST_OK;
    for (size_t i = 0; st == ST_OK && i < sizeof demo_targets / sizeof *demo_targets; i++) {
        struct plan_target t = {
            .plan_id = plan_id, .value = demo_targets[i].value, .unit = demo_targets[i].unit,
            .direction = demo_targets[i].dir, .has_typed = demo_targets[i].typed >= 0,
            .typed_value = demo_targets[i].typed, .typed_on = ymd(year, demo_targets[i].on),
        };
        t.text = strdup(demo_targets[i].text);
        t.measure = demo_targets[i].measure ? strdup(demo_targets[i].measure) : NULL;
        t.typed_source = demo_targets[i].source ? strdup(demo_targets[i].source) : NULL;
        st = target_repo_insert(db, &t);
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

/* Last year's tasks, carried out (the Trung thu task on the lunar date). */
static enum status add_tasks(struct db *db, long long plan_id, int year)
{
    enum status st = ST_OK;
    for (size_t i = 0; st == ST_OK && i < sizeof demo_tasks / sizeof *demo_tasks; i++) {
        struct task t = {.plan_id = plan_id, .start_on = ymd(year, demo_tasks[i].start),
                         .due_on = ymd(year, demo_tasks[i].due), .done = demo_tasks[i].done != NULL,
                         .done_on = ymd(year, demo_tasks[i].done)};
        if (strstr(demo_tasks[i].text, "Trung thu") && trung_thu(year).y)
            t.due_on = t.done_on = trung_thu(year);
        st = dept_id(db, demo_tasks[i].dept, &t.department_id);
        t.text = strdup(demo_tasks[i].text);
        t.criteria = strdup(demo_tasks[i].criteria);
        t.evidence = strdup(demo_tasks[i].evidence);
        if (st == ST_OK)
            st = task_repo_insert(db, &t);
        task_clear(&t);
    }
    return st;
}

static enum status add_events(struct db *db, long long plan_id, int year)
{
    enum status st = ST_OK;
    for (size_t i = 0; st == ST_OK && i < sizeof demo_events / sizeof *demo_events; i++) {
        struct plan_event e = {.plan_id = plan_id, .start_on = ymd(year, demo_events[i].start),
                               .end_on = ymd(year, demo_events[i].end), .kind = demo_events[i].kind,
                               .lunar = demo_events[i].lunar};
        if (e.lunar)
            e.start_on = trung_thu(year).y ? trung_thu(year) : ymd(year, "09-15");
        e.name = strdup(demo_events[i].name);
        st = event_repo_insert(db, &e);
        plan_event_clear(&e);
    }
    return st;
}

static enum status set_contacts(struct db *db)
{
    enum status st = ST_OK;
    for (size_t i = 0; st == ST_OK && i < sizeof demo_contacts / sizeof *demo_contacts; i++) {
        struct department dep;
        st = department_repo_find(db, demo_contacts[i].code, &dep);
        if (st == ST_OK) {
            if (demo_contacts[i].contact) {
                free(dep.contact);
                dep.contact = strdup(demo_contacts[i].contact);
            }
            if (demo_contacts[i].name) {
                free(dep.name);
                dep.name = strdup(demo_contacts[i].name);
            }
            st = department_repo_update(db, &dep);
        }
        department_clear(&dep);
    }
    return st;
}

/* The officer's rewrite of the copied plan for this year (issued by today). */
static enum status edit_plan(struct db *db, long long id, int year, struct date today)
{
    struct plan p;
    enum status st = plan_repo_get(db, id, &p);
    if (st != ST_OK)
        return st;
    char text[512];
    free(p.number);
    free(p.upstream);
    p.number = strdup("05/KH-UBND");
    p.issued_on = earlier(ymd(year, "01-12"), today);
    snprintf(text, sizeof text, "Căn cứ Quyết định số 06/QĐ-TTg ngày 03/01/2019 của Thủ tướng "
             "Chính phủ ban hành Quy định về xã, phường, thị trấn phù hợp với trẻ em; kế hoạch "
             "của cấp trên về thực hiện Tiêu chuẩn năm %d.", year);
    p.upstream = strdup(text);
    st = plan_repo_update(db, &p);
    plan_clear(&p);
    return st;
}

/* Confirms the lunar dates the copy moved (Trung thu of this year). */
static enum status fix_events(struct db *db, long long id, int year)
{
    struct plan_event *list;
    size_t n;
    enum status st = event_repo_list(db, id, &list, &n);
    for (size_t i = 0; st == ST_OK && i < n && trung_thu(year).y; i++) {
        if (!list[i].to_check)
            continue;
        list[i].start_on = trung_thu(year);
        list[i].to_check = false;
        st = event_repo_update(db, &list[i]);
    }
    plan_event_list_free(list, n);
    return st;
}

/* A task left overdue on purpose: the statistics of 5.1 and the pre-school
 * drive, the two the notes explain. */
static bool kept_open(const struct task *t)
{
    return strstr(t->criteria, "5.1") || strstr(t->text, "mầm non");
}

/* This year's task t on `today`: done 3 days before its due day (not before
 * it started, never after today) once that day has passed; the Trung thu
 * task on the lunar date. */
static bool carry_out(struct task *t, int year, struct date today)
{
    if (strncmp(t->text, "Tổ chức Tết Trung thu", strlen("Tổ chức Tết Trung thu")) == 0 &&
        trung_thu(year).y)
        t->due_on = trung_thu(year);
    if (date_cmp(t->due_on, today) >= 0 || kept_open(t))
        return strstr(t->text, "Trung thu") != NULL; /* its due date moved */
    struct date done = date_add_days(t->due_on, -3);
    if (t->start_on.y && date_cmp(done, t->start_on) < 0)
        done = t->start_on;
    t->done = true;
    t->done_on = earlier(done, today);
    return true;
}

/* Notes on the two open tasks, dated by today. */
static enum status add_notes(struct db *db, const struct task *list, size_t n,
                             int year, struct date today)
{
    enum status st = ST_OK;
    for (size_t i = 0; st == ST_OK && i < n; i++) {
        if (!kept_open(&list[i]) || (list[i].start_on.y && date_cmp(list[i].start_on, today) > 0))
            continue;
        struct task_note note = {.task_id = list[i].id};
        bool preschool = strstr(list[i].text, "mầm non") != NULL;
        note.noted_on = earlier(ymd(year, preschool ? "10-05" : "10-20"), today);
        note.text = strdup(preschool ? "Còn 12 trẻ ở khóm Xuân Hòa chưa đến lớp; đang vận động."
                                     : "Đã có số liệu đến tháng trước, chờ số liệu của Trạm Y tế.");
        st = task_repo_note_add(db, &note);
        task_note_clear(&note);
    }
    return st;
}

/* This year's plan as carried out up to today. */
static enum status progress(struct db *db, long long id, int year, struct date today)
{
    struct task_filter f = {.plan_id = id};
    struct task *list;
    size_t n;
    enum status st = task_repo_list(db, &f, &list, &n);
    for (size_t i = 0; st == ST_OK && i < n; i++)
        if (carry_out(&list[i], year, today))
            st = task_repo_update(db, &list[i]);
    if (st == ST_OK)
        st = add_notes(db, list, n, year, today);
    task_list_free(list, n);
    return st;
}

/* The value typed this year: the June weighing, once it has happened. */
static enum status values(struct db *db, long long id, int year, struct date today)
{
    struct plan_target *list;
    size_t n;
    struct date june = ymd(year, "06-30");
    enum status st = target_repo_list(db, id, &list, &n);
    for (size_t i = 0; st == ST_OK && i < n && date_cmp(june, today) <= 0; i++) {
        if (!list[i].measure || strcmp(list[i].measure, "underweight_u5_rate") != 0)
            continue;
        list[i].has_typed = true;
        list[i].typed_value = 8.9;
        free(list[i].typed_source);
        list[i].typed_source = strdup("Báo cáo 6 tháng đầu năm của Trạm Y tế phường");
        list[i].typed_on = june;
        st = target_repo_update(db, &list[i]);
    }
    plan_target_list_free(list, n);
    return st;
}

enum status demo_plans_fill(struct db *db)
{
    struct date today = date_today();
    int year = today.y;
    struct plan p = {0};
    enum status st = set_contacts(db);
    if (st == ST_OK)
        st = add_plan(db, year - 1, &p);
    if (st == ST_OK)
        st = add_targets(db, p.id, year - 1);
    if (st == ST_OK)
        st = add_tasks(db, p.id, year - 1);
    if (st == ST_OK)
        st = add_events(db, p.id, year - 1);
    struct plan_copy_result copy;
    if (st == ST_OK)
        st = plan_copy_next_year_in(db, p.id, &copy);
    if (st == ST_OK)
        st = edit_plan(db, copy.new_id, year, today);
    if (st == ST_OK)
        st = fix_events(db, copy.new_id, year);
    if (st == ST_OK)
        st = progress(db, copy.new_id, year, today);
    if (st == ST_OK)
        st = values(db, copy.new_id, year, today);
    plan_clear(&p);
    return st;
}
