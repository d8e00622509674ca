/* demo_cases — the demonstration cases. */
#include <config.h>
#include "treem/app/demo_cases.h"
#include "treem/app/children.h"
#include "treem/db/case_repo.h"
#include "treem/db/case_step_repo.h"
#include "treem/db/child_search.h"
#include "treem/db/department_repo.h"
#include "treem/model/case_rules.h"
#include "treem/core/i18n.h"

#include <stdlib.h>
#include <string.h>

#define HOUR 60LL
#define DAY (24 * HOUR)

/* A step `offset` minutes after the intake (negative = minutes before now
 * when from_now). */
struct demo_step { int kind; long long offset; int emergency; long long end; const char *notes; };

struct demo_case {
    long long ago;             /* minutes between the intake and now */
    int child;                 /* index among the picked children, -1 unidentified */
    int source, kind, injury, level;
    const char *place, *state, *consequence, *actions, *note;
    const struct demo_step *steps;
    size_t nsteps;
    const char *level_reason;  /* below the kind's level: why */
};

static const struct demo_step steps_carrying[] = {
    {CASE_STEP_INITIAL, 2 * HOUR, 1, 0, "Nguy cơ cao: tách trẻ khỏi người bị tố giác ngay"},
    {CASE_STEP_SEPARATION, 3 * HOUR, -1, 10 * DAY, "Trẻ ở với bà ngoại tại thôn bên"},
    {CASE_STEP_DETAILED, 1 * DAY, -1, 0, "Đánh giá theo Mẫu 03"},
    {CASE_STEP_MEETING, 2 * DAY, -1, 0, "Họp do Chủ tịch UBND phường chủ trì"},
    {CASE_STEP_PLAN, 3 * DAY, -1, 0, "Kế hoạch hỗ trợ, can thiệp (Mẫu 04)"},
    {CASE_STEP_APPROVAL, 4 * DAY, -1, 0, "Quyết định phê duyệt (Mẫu 05)"},
    {CASE_STEP_SERVICE, 10 * DAY, -1, 0, "Tư vấn tâm lý lần 1 tại Trạm Y tế"},
    {CASE_STEP_FOLLOW_UP, 20 * DAY, -1, 0, "Thăm gia đình, trẻ đi học lại"},
};
static const struct demo_step steps_planning_overdue[] = {
    {CASE_STEP_INITIAL, 4 * HOUR, 0, 0, "Không cần biện pháp khẩn cấp"},
    {CASE_STEP_DETAILED, 2 * DAY, -1, 0, "Cha thường xuyên đánh trẻ khi say rượu"},
};
static const struct demo_step steps_approval[] = {
    {CASE_STEP_INITIAL, 1 * HOUR, 0, 0, "Trẻ đã qua cơn nguy kịch"},
    {CASE_STEP_DETAILED, 1 * DAY, -1, 0, "Ao sau nhà không có rào chắn"},
    {CASE_STEP_PLAN, 2 * DAY, -1, 0, "Rào ao, dạy bơi cho trẻ trong hè"},
};
static const struct demo_step steps_assessment[] = {
    {CASE_STEP_INITIAL, 5 * HOUR, 0, 0, "Trẻ bán vé số đến khuya, cần đánh giá cụ thể"},
};
static const struct demo_step steps_closed[] = {
    {CASE_STEP_INITIAL, 3 * HOUR, 0, 0, "Trẻ ở một mình nhiều ngày"},
    {CASE_STEP_DETAILED, 2 * DAY, -1, 0, "Mẹ đi làm xa, cha mất"},
    {CASE_STEP_PLAN, 4 * DAY, -1, 0, "Giao trẻ cho chú ruột chăm sóc, trợ cấp"},
    {CASE_STEP_APPROVAL, 5 * DAY, -1, 0, "Phê duyệt"},
    {CASE_STEP_SERVICE, 15 * DAY, -1, 0, "Hồ sơ trợ cấp xã hội hằng tháng"},
    {CASE_STEP_REVIEW, 90 * DAY, -1, 0, "Trẻ ổn định, không còn nguy cơ"},
    {CASE_STEP_CLOSURE, 91 * DAY, -1, 0, "Đóng hồ sơ (Mẫu 06)"},
};

#define N(a) (sizeof a / sizeof *a)
static const struct demo_case demo_cases[] = {
    {40 * DAY, 0, CASE_SRC_111, CASE_KIND_SEXUAL, CASE_INJ_NONE, CASE_LEVEL_INTERVENTION,
     "Khóm Xuân Phú", "Hoảng sợ, không muốn đi học", "Tổn thương tâm lý lâu dài",
     "Báo Công an phường", "", steps_carrying, N(steps_carrying), NULL},
    {14 * DAY + 3 * HOUR, 1, CASE_SRC_SCHOOL, CASE_KIND_VIOLENCE, CASE_INJ_NONE,
     CASE_LEVEL_INTERVENTION, "Khóm Sơn Đông", "Vết bầm ở tay", "Bạo lực lặp lại",
     "Cô giáo chủ nhiệm gặp gia đình", "", steps_planning_overdue, N(steps_planning_overdue), NULL},
    {4 * DAY, 2, CASE_SRC_PHONE, CASE_KIND_INJURY, CASE_INJ_DROWNING, CASE_LEVEL_SUPPORT,
     "Kênh Vĩnh Tế, khóm Bình Hòa (mùa nước nổi)", "Đang điều trị tại bệnh viện", "Di chứng",
     "Sơ cứu, đưa đi bệnh viện", "", steps_approval, N(steps_approval), NULL},
    {5 * HOUR, -1, CASE_SRC_IN_PERSON, CASE_KIND_ABANDON, CASE_INJ_NONE, CASE_LEVEL_INTERVENTION,
     "Chợ Nhơn Hưng", "Đói, quần áo bẩn", "Nguy cơ bị bóc lột", "Cho ăn, tạm ở nhà bảo vệ",
     "bé gái, khoảng 8 tuổi, chưa rõ tên", NULL, 0, NULL},
    {2 * DAY, 3, CASE_SRC_VIA, CASE_KIND_LABOUR, CASE_INJ_NONE, CASE_LEVEL_SUPPORT,
     "Khóm Xuân Bình", "Bỏ học, đi bán vé số", "Bỏ học hẳn", "", "",
     steps_assessment, N(steps_assessment),
     "Trẻ bán vé số cùng mẹ vào buổi chiều; gia đình đồng ý cho trẻ đi học lại"},
    {130 * DAY, 4, CASE_SRC_POLICE, CASE_KIND_NEGLECT, CASE_INJ_NONE, CASE_LEVEL_INTERVENTION,
     "Khóm Xuân Hòa", "Suy dinh dưỡng nhẹ", "Bỏ học", "Hàng xóm cho ăn", "",
     steps_closed, N(steps_closed), NULL},
};

/* Ids of the first n children under 12 of the register, spread out. */
static enum status pick_children(struct db *db, long long ids[], size_t n)
{
    long long *all = NULL;
    size_t nall = 0, k = 0;
    enum status rc = child_search_ids_born_after(db, date_add_days(date_today(), -12 * 365), &all,
                                                 &nall);
    for (size_t i = 0; rc == ST_OK && k < n && i < nall; i++)
        if (i % 7 == 3)
            ids[k++] = all[i];
    free(all);
    return rc != ST_OK || k == n ? rc : status_set(ST_INVALID, "%s", _("the demo register is too small"));
}

/* Risk ratings of a detailed assessment, services of a plan. */
static enum status add_details(struct db *db, const struct case_step *s)
{
    static const struct { const char *factor; int rating; } risks[] = {
        {"physical_safety", CASE_RATING_HIGH},     /* the factors of Mẫu 03 */
        {"emotional", CASE_RATING_MEDIUM},
        {"family", CASE_RATING_MEDIUM},
        {"education", CASE_RATING_LOW},
    };
    static const char *const services[] = {"Tư vấn tâm lý cho trẻ và gia đình",
                                           "Kiểm tra sức khỏe, điều trị", "Hỗ trợ trẻ đi học lại"};
    enum status rc = ST_OK;
    long long dept = 0;
    if (s->kind == CASE_STEP_PLAN &&
        department_repo_first_active(db, &dept) != ST_OK)
        dept = 0;
    for (size_t i = 0; rc == ST_OK && s->kind == CASE_STEP_DETAILED && i < N(risks); i++) {
        struct case_risk r = {0, s->id, (char *)risks[i].factor, risks[i].rating};
        rc = case_step_repo_add_risk(db, &r);
    }
    for (size_t i = 0; rc == ST_OK && s->kind == CASE_STEP_PLAN && i < N(services); i++) {
        struct case_service v = {0, s->id, (char *)services[i], i == 1 ? dept : 0,
                                 s->at.date, date_add_days(s->at.date, 30 * (long)(i + 1)),
                                 i == 1 ? 500000 : -1, NULL};
        rc = case_step_repo_add_service(db, &v);
    }
    return rc;
}

static enum status add_steps(struct db *db, const struct case_file *c,
                             const struct demo_case *d)
{
    enum status rc = ST_OK;
    long long start = datetime_to_minutes(c->received);
    struct case_step *done = calloc(d->nsteps + 1, sizeof *done);
    if (!done)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    for (size_t i = 0; rc == ST_OK && i < d->nsteps; i++) {
        struct case_step *s = &done[i];
        case_step_init(s, d->steps[i].kind);
        s->case_id = c->id;
        s->at = datetime_from_minutes(start + d->steps[i].offset);
        s->emergency = d->steps[i].emergency;
        if (d->steps[i].end)
            s->end = datetime_from_minutes(start + d->steps[i].end);
        /* who did the step (data, not the audit's actor): the officer */
        s->who = strdup(d->steps[i].kind == CASE_STEP_APPROVAL ? "Chủ tịch UBND phường"
                                                               : db_actor(db));
        s->notes = strdup(d->steps[i].notes);
        rc = s->who && s->notes ? case_step_validate(c, done, i, s, date_now())
                                : status_set(ST_NOMEM, "%s", _("out of memory"));
        if (rc == ST_OK)
            rc = case_step_repo_insert(db, s);
        if (rc == ST_OK)
            rc = add_details(db, s);
    }
    if (rc == ST_OK)
        rc = case_repo_set_stage(db, c->id, case_stage(done, d->nsteps));
    case_steps_free(done, d->nsteps + 1);
    return rc;
}

static enum status add_case(struct db *db, const char *commune,
                            const struct demo_case *d, long long child_id)
{
    struct case_file c;
    case_file_init(&c);
    c.received = datetime_from_minutes(datetime_to_minutes(date_now()) - d->ago);
    c.received.min = 0; /* reports are noted to the hour */
    c.source = d->source;
    c.kind = d->kind;
    c.injury = d->injury;
    c.level = d->level;
    c.child_id = child_id;
    if (!child_id) {
        c.est_age = 8;
        c.sex = CHILD_SEX_FEMALE;
    }
    const char *texts[] = {d->note, d->place, d->state, d->consequence, d->actions};
    char **dst[] = {&c.child_note, &c.place, &c.current_state, &c.consequence, &c.actions_taken};
    bool ok = true;
    for (size_t i = 0; i < N(texts); i++)
        ok = ok && (*dst[i] = strdup(texts[i])) != NULL;
    if (ok && d->source == CASE_SRC_111) { /* the caller agreed to leave a name */
        c.consent = true;
        ok = (c.reporter_name = strdup("Lê Thị Mai")) && (c.reporter_phone = strdup("0905123456"));
    }
    enum status rc = ok ? children_new_uid(commune, c.uid) : status_set(ST_NOMEM, "%s", _("out of memory"));
    if (rc == ST_OK && d->level_reason && !(c.level_reason = strdup(d->level_reason)))
        rc = status_set(ST_NOMEM, "%s", _("out of memory"));
    if (rc == ST_OK)
        rc = case_validate(&c, date_now());
    if (rc == ST_OK)
        rc = case_validate_level(&c);
    if (rc == ST_OK)
        rc = case_repo_insert(db, &c);
    if (rc == ST_OK)
        rc = add_steps(db, &c, d);
    case_file_free(&c);
    return rc;
}

enum status demo_cases_fill(struct db *db)
{
    long long ids[5];
    char *commune = NULL;
    enum status rc = pick_children(db, ids, 5);
    if (rc == ST_OK)
        rc = db_setting_get(db, "commune_code", &commune);
    /* Oldest first, so that the codes follow the dates of the reports. */
    size_t order[N(demo_cases)];
    for (size_t i = 0; i < N(demo_cases); i++) {
        size_t j = i;
        for (; j > 0 && demo_cases[order[j - 1]].ago < demo_cases[i].ago; j--)
            order[j] = order[j - 1];
        order[j] = i;
    }
    for (size_t i = 0; rc == ST_OK && i < N(demo_cases); i++) {
        const struct demo_case *d = &demo_cases[order[i]];
        rc = add_case(db, commune, d, d->child >= 0 ? ids[d->child] : 0);
    }
    free(commune);
    return rc;
}
