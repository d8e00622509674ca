/* demo_children — a deterministic made-up register (name pools after
 * ../shared/bench/gen_children.py). */
#include <config.h>
#include "treem/app/demo_children.h"
#include "treem/app/who_tables.h"
#include "treem/db/child_facts.h"
#include "treem/db/child_repo.h"
#include "treem/db/village_repo.h"
#include "treem/model/child_rules.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_OF(a) ((int)(sizeof(a) / sizeof *(a)))

struct rng { unsigned long long s; };

static unsigned long long rng_next(struct rng *r) /* splitmix64 */
{
    unsigned long long z = (r->s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int rng_int(struct rng *r, int n) { return (int)(rng_next(r) % (unsigned long long)n); }
static double rng_unit(struct rng *r) { return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0); }
static bool rng_chance(struct rng *r, double p) { return rng_unit(r) < p; }
#define PICK(r, a) ((a)[rng_int((r), N_OF(a))])

/* Kinh family names with rough national shares (percent). */
static const struct { const char *name; int weight; } kinh_family[] = {
    {"Nguyễn", 380}, {"Trần", 110}, {"Lê", 95}, {"Phạm", 70}, {"Hoàng", 40}, {"Huỳnh", 30},
    {"Phan", 45}, {"Vũ", 25}, {"Võ", 15}, {"Đặng", 21}, {"Bùi", 20}, {"Đỗ", 14}, {"Hồ", 13},
    {"Ngô", 13}, {"Dương", 10}, {"Lý", 5}, {"Đinh", 8}, {"Đoàn", 6}, {"Trịnh", 5}, {"Lương", 4},
    {"Mai", 3}, {"Cao", 3}, {"Tạ", 2}, {"Châu", 2}, {"Lâm", 2}, {"Thái", 2},
};
static const char *const kinh_mid_m[] = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thành",
                                         "Ngọc", "Xuân", "Gia", "Tuấn", "Anh", "Đình", "Trọng", "Bảo"};
static const char *const kinh_mid_f[] = {"Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Mai", "Kim",
                                         "Bảo", "Khánh", "Phương", "Diệu", "Minh", "Thùy", "Hoài"};
static const char *const kinh_given_m[] = {
    "Anh", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khang",
    "Khoa", "Kiên", "Long", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài",
    "Thắng", "Thành", "Toàn", "Trung", "Tuấn", "Việt", "Vinh", "Bảo", "Khôi", "Lâm", "Nhật",
    "Phát", "Tùng", "Đăng", "Hưng", "Lộc", "Thịnh", "Đông", "Tiến", "Trí", "Vũ", "Duy", "An"};
static const char *const kinh_given_f[] = {
    "Anh", "Châu", "Chi", "Dung", "Duyên", "Đào", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa",
    "Hương", "Huyền", "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh",
    "Phương", "Quỳnh", "Thảo", "Thư", "Thúy", "Trang", "Trâm", "Uyên", "Vân", "Vy", "Yến", "Ánh",
    "Diệp", "Nhi", "Tâm", "Thủy", "Hòa", "Ly", "Khuê", "Tuyết", "Xuân", "Nguyệt", "Điệp"};

/* An Giang's minority peoples of Tịnh Biên (seed 000): Khơ-me names take
 * Chau (men) or Néang (women) before the name; Hoa families here write
 * their names the Kinh way. Six of each, so the demo draws the same random
 * numbers as before (the children's codes stay stable). */
static const char *const khmer_first[] = {"Sóc", "Sa", "Kim", "Sô", "Ty", "Đa"};
static const char *const khmer_given_m[] = {"Kha", "Ri", "Thiên", "Phol", "Sương", "Ra"};
static const char *const khmer_given_f[] = {"Phi", "Rết", "Thy", "Phia", "Huôl", "Mây"};
static const char *const hoa_given_m[] = {"Hào", "Kiệt", "Vỹ", "Huy", "Phát", "Tài"};
static const char *const hoa_given_f[] = {"Mỹ", "Lệ", "Huệ", "Quyên", "Tú", "Ngọc"};

static const char *const phone_prefixes[] = {"032", "033", "034", "035", "036", "037", "038",
    "039", "056", "058", "070", "076", "077", "078", "079", "081", "082", "083", "084", "085",
    "086", "088", "089", "090", "091", "093", "094", "096", "097", "098", "099"};

static const char *const subgroups[] = {"a.1", "a.3", "b.1", "b.2", "c.1", "c.4", "d.1", "d.2",
    "d.3", "e.1", "e.2", "g.1", "h.1", "k.1", "k.2", "l.1", "l.3", "n.1", "n.2", "đ.0"};

static const char *const notes[] = {
    "Mồ côi cha, sống với bà ngoại.",
    "Bố mẹ đi làm ăn xa (Bình Dương), ở với ông bà.",
    "Khuyết tật vận động, cần hỗ trợ xe lăn.",
    "Đã bỏ học từ lớp 7, cán bộ đã đến nhà vận động.",
    "Thăm nhà ngày 12/3: tình trạng ổn định, hẹn thăm lại sau 1 tháng.",
    "Đang học lớp 4; học lực trung bình, hay nghỉ học.",
    "Chưa có giấy khai sinh; đã hướng dẫn gia đình làm thủ tục.",
    "Gia đình thuộc diện hộ nghèo, đã được hỗ trợ gạo dịp Tết.",
};
static const char *const disabilities[] = {"Khuyết tật vận động", "Khiếm thính", "Khiếm thị",
                                           "Khuyết tật trí tuệ", "Tự kỷ"};

enum people { KINH, KHMER, HOA };

struct gen {
    struct rng r;
    struct date today;
    long long *villages;
    int nvillages;
    const struct growth_ref *who;
};

static char *dupf(const char *fmt, const char *a, const char *b, const char *c)
{
    char buf[512];
    snprintf(buf, sizeof buf, fmt, a, b, c);
    return strdup(buf);
}

static const char *kinh_surname(struct rng *r)
{
    int total = 0;
    for (int i = 0; i < N_OF(kinh_family); i++)
        total += kinh_family[i].weight;
    int x = rng_int(r, total);
    for (int i = 0; i < N_OF(kinh_family); i++)
        if ((x -= kinh_family[i].weight) < 0)
            return kinh_family[i].name;
    return "Nguyễn";
}

/* A full name of the people, sex (1 male) and family name (NULL = any). */
static char *make_name(struct rng *r, enum people p, bool male, const char *family)
{
    if (p == KHMER)
        return dupf("%s %s %s", male ? "Chau" : "Néang", family ? family : PICK(r, khmer_first),
                    male ? PICK(r, khmer_given_m) : PICK(r, khmer_given_f));
    if (p == HOA)
        return dupf("%s %s %s", family ? family : "Lâm", male ? "Văn" : "Thị",
                    male ? PICK(r, hoa_given_m) : PICK(r, hoa_given_f));
    return dupf("%s %s %s", family ? family : kinh_surname(r),
                male ? PICK(r, kinh_mid_m) : PICK(r, kinh_mid_f),
                male ? PICK(r, kinh_given_m) : PICK(r, kinh_given_f));
}

static char *make_phone(struct rng *r)
{
    char buf[16];
    snprintf(buf, sizeof buf, "%s%07d", PICK(r, phone_prefixes), rng_int(r, 10000000));
    return strdup(buf);
}

static struct date days_before(struct date d, long n) { return date_add_days(d, -n); }

static void gen_family(struct gen *g, enum people p, bool male, struct child *c)
{
    struct rng *r = &g->r;
    const char *fam = p == KINH ? kinh_surname(r) : p == KHMER ? PICK(r, khmer_first) : "Lâm";
    c->full_name = make_name(r, p, male, fam);
    /* Kinh and Hoa children take the father's family name; the Khơ-me
     * child's name here shares its first part with the mother's. */
    c->father_name = make_name(r, p, true, p == KHMER ? NULL : fam);
    c->mother_name = make_name(r, p, false, p == KHMER ? fam : NULL);
    c->father_phone = rng_chance(r, 0.8) ? make_phone(r) : NULL;
    c->mother_phone = rng_chance(r, 0.85) ? make_phone(r) : NULL;
    double x = rng_unit(r);
    if (x < 0.78) {
        c->carer_name = strdup(c->mother_name);
        c->carer_relation = strdup("mẹ");
        c->carer_phone = c->mother_phone ? strdup(c->mother_phone) : NULL;
    } else if (x < 0.86) {
        c->carer_name = strdup(c->father_name);
        c->carer_relation = strdup("bố");
        c->carer_phone = c->father_phone ? strdup(c->father_phone) : NULL;
    } else {
        static const char *const rel[] = {"bà ngoại", "bà nội", "ông nội", "ông ngoại", "cô ruột", "dì ruột"};
        int k = rng_int(r, N_OF(rel));
        c->carer_name = make_name(r, p, k == 2 || k == 3, NULL); /* ông nội, ông ngoại */
        c->carer_relation = strdup(rel[k]);
        c->carer_phone = rng_chance(r, 0.6) ? make_phone(r) : NULL;
    }
}

static void gen_birth(struct gen *g, struct child *c, struct date birth, bool kinh)
{
    struct rng *r = &g->r;
    int age = date_age_years(birth, g->today);
    if (age < 15 && rng_chance(r, 0.07)) { /* only an age is known */
        c->est_age_on = days_before(g->today, rng_int(r, 600));
        if (date_cmp(c->est_age_on, birth) < 0)
            c->est_age_on = g->today;
        c->est_age = date_age_years(birth, c->est_age_on);
        c->birth_registered = rng_chance(r, 0.5) ? -1 : 0;
        return;
    }
    c->birth_date = birth;
    if (!rng_chance(r, kinh ? 0.97 : 0.88)) {
        c->birth_registered = 0;
        return;
    }
    long after = rng_chance(r, 0.9) ? 1 + rng_int(r, 60) : 61 + rng_int(r, 840);
    struct date reg = date_add_days(birth, after);
    if (date_cmp(reg, g->today) > 0) {
        c->birth_registered = 0; /* not registered yet */
        return;
    }
    c->birth_registered = 1;
    c->birth_reg_date = reg;
}

static int school_for(struct rng *r, int age)
{
    if (age < 3)
        return SCHOOL_NOT_YET;
    if (age < 6)
        return rng_chance(r, 0.93) ? SCHOOL_PRESCHOOL : SCHOOL_NOT_YET;
    if (age < 11)
        return rng_chance(r, 0.99) ? SCHOOL_PRIMARY : SCHOOL_OUT;
    if (age < 15)
        return rng_chance(r, 0.96) ? SCHOOL_LOWER_SECONDARY : SCHOOL_OUT;
    double x = rng_unit(r);
    return x < 0.8 ? SCHOOL_UPPER_SECONDARY : x < 0.88 ? SCHOOL_VOCATIONAL : SCHOOL_OUT;
}

static void gen_facts(struct gen *g, struct child *c, struct date birth, bool kinh)
{
    struct rng *r = &g->r;
    int age = date_age_years(birth, g->today);
    char buf[64];
    c->bhyt = rng_chance(r, age < 6 ? 0.97 : 0.85) ? 1 : 0;
    if (c->bhyt) {
        snprintf(buf, sizeof buf, "%s452%010d", age < 6 ? "TE1" : "HS4", rng_int(r, 1000000000));
        c->bhyt_number = strdup(buf);
    }
    if (rng_chance(r, 0.025)) {
        c->disability = 1;
        c->disability_note = strdup(PICK(r, disabilities));
    } else {
        c->disability = 0;
    }
    double x = rng_unit(r);
    c->household = x < (kinh ? 0.04 : 0.2) ? HOUSEHOLD_POOR : x < (kinh ? 0.1 : 0.32) ? HOUSEHOLD_NEAR_POOR
                                                                                      : HOUSEHOLD_NONE;
    c->school = school_for(r, age);
    if (c->birth_date.y && age >= 1 && rng_chance(r, 0.95)) {
        c->vaccinated_on = date_add_days(birth, rng_chance(r, 0.96) ? 270 + rng_int(r, 90) : 380 + rng_int(r, 120));
        if (date_cmp(c->vaccinated_on, g->today) > 0)
            c->vaccinated_on = (struct date){0, 0, 0}; /* not complete yet */
    }
    if (c->birth_date.y && rng_chance(r, 0.7)) {
        snprintf(buf, sizeof buf, "052%d%02d%06d", (birth.y >= 2000 ? 2 : 0) + (c->sex == CHILD_SEX_FEMALE),
                 birth.y % 100, rng_int(r, 1000000));
        c->personal_id = strdup(buf);
    }
    snprintf(buf, sizeof buf, rng_chance(r, 0.5) ? "Tổ %d" : "Số %d, tổ %d", 1 + rng_int(r, 12),
             1 + rng_int(r, 12));
    c->address = strdup(buf);
    if (rng_chance(r, 0.12))
        c->notes = strdup(PICK(r, notes));
}

/* One made-up child; i == 0 is always "Nguyễn Thị Đào" (the search example). */
static void gen_child(struct gen *g, int i, struct child *c)
{
    struct rng *r = &g->r;
    child_init(c);
    double x = rng_unit(r);
    enum people p = x < 0.88 ? KINH : x < 0.95 ? KHMER : HOA;
    x = rng_unit(r);
    c->sex = x < 0.505 ? CHILD_SEX_MALE : x < 0.993 ? CHILD_SEX_FEMALE : CHILD_SEX_UNKNOWN;
    gen_family(g, p, c->sex == CHILD_SEX_MALE || (c->sex == CHILD_SEX_UNKNOWN && rng_chance(r, 0.5)), c);
    if (i == 0) {
        p = KINH;
        c->sex = CHILD_SEX_FEMALE;
        free(c->full_name);
        c->full_name = strdup("Nguyễn Thị Đào");
    }
    c->ethnicity = strdup(p == KINH ? "Kinh" : p == KHMER ? "Khơ-me" : "Hoa"); /* QĐ 121 */
    c->village_id = g->villages[rng_int(r, g->nvillages)];
    struct date birth = days_before(g->today, rng_int(r, 17 * 365 + 180));
    gen_birth(g, c, birth, p == KINH);
    gen_facts(g, c, birth, p == KINH);
}

static enum status add_periods(struct gen *g, const struct child *c, struct db *db)
{
    struct rng *r = &g->r;
    int age = child_age_on(c, g->today, NULL);
    if (age < 1 || age >= 16 || !rng_chance(r, 0.07))
        return ST_OK;
    struct date birth = child_birth_eff(c);
    int periods = rng_chance(r, 0.2) ? 2 : 1;
    enum status rc = ST_OK;
    for (int k = 0; rc == ST_OK && k < periods; k++) {
        struct child_period p;
        memset(&p, 0, sizeof p);
        p.child_id = c->id;
        snprintf(p.code, sizeof p.code, "%s", PICK(r, subgroups));
        long span = date_to_days(g->today) - date_to_days(birth);
        p.from = days_before(g->today, rng_int(r, (int)(span < 1500 ? span : 1500)));
        if (rng_chance(r, 0.25))
            p.to = date_add_days(p.from, rng_int(r, (int)(date_to_days(g->today) - date_to_days(p.from)) + 1));
        rc = child_facts_period_add(db, &p, c->uid);
    }
    return rc;
}

/* A measurement around the WHO median, or below −2 SD for a few children. */
static enum status add_measures(struct gen *g, const struct child *c, struct db *db)
{
    struct rng *r = &g->r;
    if (!g->who || !c->birth_date.y || c->sex == CHILD_SEX_UNKNOWN ||
        date_age_months(c->birth_date, g->today) >= 60 || !rng_chance(r, 0.6))
        return ST_OK;
    bool boy = c->sex == CHILD_SEX_MALE, thin = rng_chance(r, 0.09), short_ = rng_chance(r, 0.12);
    int count = 1 + rng_int(r, 3);
    enum status rc = ST_OK;
    for (int k = 0; rc == ST_OK && k < count; k++) {
        struct child_measure m = {0, c->id, days_before(g->today, rng_int(r, 500)), 0, 0};
        if (date_cmp(m.date, c->birth_date) < 0)
            m.date = g->today;
        int months = date_age_months(c->birth_date, m.date);
        const struct growth_point *w = growth_point_at(&g->who->t[boy ? GROWTH_WFA_BOYS : GROWTH_WFA_GIRLS], months);
        const struct growth_point *h = growth_point_at(
            &g->who->t[months < 24 ? (boy ? GROWTH_LHFA_BOYS_0_2 : GROWTH_LHFA_GIRLS_0_2)
                                   : (boy ? GROWTH_LHFA_BOYS_2_5 : GROWTH_LHFA_GIRLS_2_5)], months);
        double spread = (rng_unit(r) + rng_unit(r) + rng_unit(r) - 1.5) / 1.5; /* about −1…1 */
        if (w)
            m.weight_kg = thin ? w->sd2neg * (0.9 + 0.09 * rng_unit(r)) : w->m * (1 + 0.12 * spread);
        if (h)
            m.height_cm = short_ ? h->sd2neg * (0.96 + 0.035 * rng_unit(r)) : h->m * (1 + 0.04 * spread);
        m.weight_kg = (double)(long)(m.weight_kg * 10 + 0.5) / 10;  /* scales read to 0.1 kg */
        m.height_cm = (double)(long)(m.height_cm * 10 + 0.5) / 10;
        if (m.weight_kg > 0 || m.height_cm > 0)
            rc = child_facts_measure_add(db, &m, c->uid);
    }
    return rc;
}

static enum status add_checks(struct gen *g, const struct child *c, struct db *db)
{
    struct rng *r = &g->r;
    struct date birth = child_birth_eff(c);
    if (!birth.y || !rng_chance(r, 0.65))
        return ST_OK;
    struct date d = days_before(g->today, rng_int(r, 330));
    if (date_cmp(d, birth) < 0)
        return ST_OK;
    return child_facts_check_add(db, c->id, d, c->uid);
}

static void make_uid(struct rng *r, const char *commune, char out[CHILD_UID_BUF])
{
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    char tail[11];
    for (int i = 0; i < 10; i++)
        tail[i] = alphabet[rng_int(r, 32)];
    tail[10] = '\0';
    snprintf(out, CHILD_UID_BUF, "%.5s-%s", commune, tail);
}

static enum status load_villages(struct db *db, struct gen *g)
{
    size_t n = 0;
    enum status rc = village_repo_ids(db, &g->villages, &n);
    g->nvillages = (int)n;
    if (rc == ST_OK && g->nvillages == 0)
        rc = status_set(ST_NOTFOUND, "%s", _("the commune has no villages yet"));
    return rc;
}

static enum status add_one(struct db *db, struct gen *g, int i, const char *commune)
{
    struct child c;
    gen_child(g, i, &c);
    make_uid(&g->r, commune, c.uid);
    child_normalize(&c, g->today);
    /* Those past 16 were entered years ago, when they were still children. */
    bool past16 = child_is_over_16(&c, g->today);
    enum status rc = child_validate(&c, past16 ? &c : NULL, g->today, NULL);
    if (rc == ST_OK)
        rc = child_repo_insert(db, &c);
    if (rc == ST_OK)
        rc = add_periods(g, &c, db);
    if (rc == ST_OK)
        rc = add_measures(g, &c, db);
    if (rc == ST_OK)
        rc = add_checks(g, &c, db);
    child_free(&c);
    return rc;
}

enum status demo_children_add(struct db *db, int n, unsigned long long seed, struct date today)
{
    struct gen g = {{seed}, today, NULL, 0, who_tables_shared()};
    char *commune = NULL;
    enum status rc = db_setting_get(db, "commune_code", &commune);
    if (rc != ST_OK)
        return status_set(ST_NOTFOUND, "%s", _("this database has no commune yet"));
    rc = load_villages(db, &g);
    for (int i = 0; rc == ST_OK && i < n; i++)
        rc = add_one(db, &g, i, commune);
    free(g.villages);
    free(commune);
    return rc;
}
