/* demo_support — help records and risk periods of the demo register. */
#include <config.h>
#include "treem/app/demo_support.h"
#include "treem/db/child_support_repo.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N(a) (sizeof a / sizeof *a)

static const struct { int kind; const char *what, *by; } helps[] = {
    {HELP_HOME_VISIT, "Vãng gia, tư vấn cho gia đình", "Cán bộ bảo vệ trẻ em phường"},
    {HELP_MATERIAL, "Học bổng và dụng cụ học tập", "Hội Liên hiệp Phụ nữ phường"},
    {HELP_HEALTH, "Khám sức khỏe, cấp thuốc miễn phí", "Trạm Y tế phường"},
    {HELP_EDUCATION, "Miễn học phí, hỗ trợ sách giáo khoa", "Trường Tiểu học Nhơn Hưng"},
    {HELP_MATERIAL, "Quà Tết (gạo, tiền mặt 500.000 đồng)", "Ủy ban MTTQ phường"},
    {HELP_CARE, "Hướng dẫn người nhận chăm sóc thay thế", "Cán bộ bảo vệ trẻ em phường"},
    {HELP_LEGAL, "Hướng dẫn thủ tục trợ cấp xã hội", "Công chức Tư pháp – Hộ tịch"},
};

static const char *const risk_reasons[] = {
    "Cha mẹ đi làm ăn xa, trẻ ở với ông bà già yếu",
    "Gia đình thường xuyên mâu thuẫn, cha nghiện rượu",
    "Nhà ở ven kênh, mùa lũ không có người trông",
    "Học lực yếu, nghỉ học nhiều, có nguy cơ bỏ học",
};

/* A day between lo and today, spread by k; {0} when lo is after today. */
static struct date spread(struct date lo, struct date today, long long k)
{
    long span = date_to_days(today) - date_to_days(lo);
    if (span < 0)
        return (struct date){0, 0, 0};
    return date_add_days(lo, span ? (long)((k * 37) % (span + 1)) : 0);
}

static enum status add_help(struct db *db, const struct child_support_row *r, struct date on,
                            size_t k)
{
    if (!on.y || (r->birth.y && date_cmp(on, r->birth) < 0))
        return ST_OK;
    struct child_help h = {0, r->id, on, helps[k % N(helps)].kind, (char *)helps[k % N(helps)].what,
                           (char *)helps[k % N(helps)].by};
    return child_help_repo_add(db, &h, r->uid);
}

/* Children in special circumstances this year or last: nine in ten helped
 * this year, one in three also last year. */
static enum status helped(struct db *db, struct date today)
{
    struct child_support_row *rows;
    size_t n;
    enum status rc = child_support_repo_in_groups(db, (struct date){today.y - 1, 1, 1}, today,
                                                  &rows, &n);
    struct date jan1 = {today.y, 1, 1}, last_end = {today.y - 1, 12, 31};
    for (size_t k = 0; rc == ST_OK && k < n; k++) {
        struct date lo = date_cmp(rows[k].from, jan1) > 0 ? rows[k].from : jan1;
        if (k % 10 != 9)
            rc = add_help(db, &rows[k], spread(lo, today, (long long)k), k);
        if (rc == ST_OK && k % 3 == 0 && date_cmp(rows[k].from, last_end) <= 0)
            rc = add_help(db, &rows[k], spread(rows[k].from, last_end, (long long)k + 5), k + 4);
    }
    free(rows);
    return rc;
}

/* One child in seventeen outside the groups is at risk; one in three of
 * those periods has ended. */
static enum status at_risk(struct db *db, struct date today)
{
    struct child_support_row *rows;
    size_t n;
    enum status rc = child_support_repo_outside_groups(db, (struct date){today.y - 1, 1, 1}, today,
                                                       &rows, &n);
    for (size_t k = 16; rc == ST_OK && k < n; k += 17) {
        struct date from = spread(rows[k].from, today, (long long)k);
        if (rows[k].birth.y && date_cmp(from, rows[k].birth) < 0)
            from = rows[k].birth;
        struct child_risk r = {0, rows[k].id, from, {0, 0, 0},
                               (char *)risk_reasons[(k / 17) % N(risk_reasons)]};
        if ((k / 17) % 3 == 2)
            r.to = spread(from, today, (long long)k + 1);
        rc = child_risk_repo_add(db, &r, rows[k].uid);
    }
    free(rows);
    return rc;
}

enum status demo_support_fill(struct db *db)
{
    struct date today = date_today();
    enum status rc = helped(db, today);
    if (rc == ST_OK)
        rc = at_risk(db, today);
    return rc;
}
