/* task — task and note structs: validation, status, criteria lists. */
#include <config.h>
#include "treem/model/task.h"
#include "treem/model/plan.h"
#include "treem/core/i18n.h"
#include "treem/core/mem.h"
#include "treem/core/strbuf.h"
#include "treem/core/utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TASK_TEXT_MAX 2000
#define TASK_CRITERIA_MAX 13  /* QĐ 06/QĐ-TTg has criteria 1 to 13 */

static const size_t task_off[] = {
    offsetof(struct task, text), offsetof(struct task, criteria), offsetof(struct task, evidence),
    offsetof(struct task, department_name), offsetof(struct task, plan_label)};
static const size_t note_off[] = {offsetof(struct task_note, text), offsetof(struct task_note, who)};
static const struct mem_strings task_strings = MEM_STRINGS(struct task, task_off),
    note_strings = MEM_STRINGS(struct task_note, note_off);

void task_clear(struct task *t) { mem_strings_clear(&task_strings, t); }
void task_note_clear(struct task_note *n) { mem_strings_clear(&note_strings, n); }

void task_list_free(struct task *list, size_t n) { mem_strings_list_free(&task_strings, list, n); }

void task_note_list_free(struct task_note *list, size_t n)
{
    mem_strings_list_free(&note_strings, list, n);
}

static bool blank(const char *s)
{
    for (; s && *s; s++)
        if (!isspace((unsigned char)*s))
            return false;
    return true;
}

static enum status check_text(const char *field, const char *s, size_t max, bool required)
{
    if (required && blank(s))
        return status_set(ST_INVALID, _("%s: must not be empty"), field);
    return utf8_check_text(field, s, max);
}

static enum status check_date(const char *field, struct date d)
{
    if (plan_date_set(d) && !date_valid(d))
        return status_set(ST_INVALID, _("%s: %02d/%02d/%04d is not a valid date"),
                          field, d.d, d.m, d.y);
    return ST_OK;
}

static enum status check_task_dates(const struct task *t)
{
    if (!plan_date_set(t->due_on))
        return status_set(ST_INVALID, _("%s: a date is required"), _("due date"));
    enum status st = check_date(_("due date"), t->due_on);
    if (st == ST_OK)
        st = check_date(_("start date"), t->start_on);
    if (st == ST_OK)
        st = check_date(_("done date"), t->done_on);
    if (st != ST_OK)
        return st;
    if (plan_date_set(t->start_on) && date_cmp(t->due_on, t->start_on) < 0) {
        char due[DATE_BUF], start[DATE_BUF];
        date_format(t->due_on, due);
        date_format(t->start_on, start);
        return status_set(ST_INVALID, _("%s: %s is before the start date %s"), _("due date"),
                          due, start);
    }
    if (t->done && !plan_date_set(t->done_on))
        return status_set(ST_INVALID, _("%s: a finished task needs the date it was done"),
                          _("done date"));
    if (!t->done && plan_date_set(t->done_on))
        return status_set(ST_INVALID, _("%s: set only when the task is done"), _("done date"));
    return ST_OK;
}

enum status task_validate_done_on(const struct task *t, struct date today)
{
    if (!t->done || !plan_date_set(t->done_on) || date_cmp(t->done_on, today) <= 0)
        return ST_OK;
    char buf[DATE_BUF];
    date_format(t->done_on, buf);
    return status_set(ST_INVALID, _("%s: %s is in the future; mark a task done once it is done"),
                      _("done date"), buf);
}

enum status task_validate(const struct task *t)
{
    enum status st = check_text(_("task text"), t->text, TASK_TEXT_MAX, true);
    if (st != ST_OK)
        return st;
    if (t->department_id <= 0)
        return status_set(ST_INVALID, _("%s: every task needs a department"), _("department"));
    if (t->plan_id <= 0)
        return status_set(ST_INVALID, _("%s: every task belongs to a plan"), _("plan"));
    st = check_task_dates(t);
    if (st == ST_OK)
        st = check_text(_("evidence"), t->evidence, TASK_TEXT_MAX, false);
    if (st == ST_OK && !blank(t->criteria)) {
        char *norm = NULL;
        st = task_criteria_normalize(t->criteria, &norm);
        free(norm);
    }
    return st;
}

enum status task_note_validate(const struct task_note *n)
{
    enum status st = check_text(_("note"), n->text, TASK_TEXT_MAX, true);
    if (st != ST_OK)
        return st;
    if (!plan_date_set(n->noted_on))
        return status_set(ST_INVALID, _("%s: a date is required"), _("note date"));
    return check_date(_("note date"), n->noted_on);
}

enum task_status task_status_on(const struct task *t, struct date today)
{
    if (t->done)
        return TASK_DONE;
    if (plan_date_set(t->due_on) && date_cmp(today, t->due_on) > 0)
        return TASK_OVERDUE;
    if (plan_date_set(t->start_on) && date_cmp(today, t->start_on) < 0)
        return TASK_NOT_STARTED;
    return TASK_IN_PROGRESS;
}

bool task_done_late(const struct task *t)
{
    return t->done && plan_date_set(t->done_on) && plan_date_set(t->due_on) &&
           date_cmp(t->done_on, t->due_on) > 0;
}

ENUM_DEFINE(task_status, enum_task_status, TASK_STATUS_LIST, TASK_STATUS__COUNT)

const char *task_status_code(enum task_status s) { return enum_code(&enum_task_status, s); }
const char *task_status_label(enum task_status s) { return enum_label(&enum_task_status, s); }

/* Reads one item "N" or "N.M" of len bytes into buf; false when malformed. */
static bool criterion_item(const char *s, size_t len, char *buf, size_t size)
{
    int major = 0, minor = -1;
    size_t i = 0, digits = 0;
    while (i < len && isdigit((unsigned char)s[i]) && digits < 3)
        major = major * 10 + (s[i++] - '0'), digits++;
    if (digits == 0 || major < 1 || major > TASK_CRITERIA_MAX)
        return false;
    if (i < len && s[i] == '.') {
        i++;
        minor = 0;
        digits = 0;
        while (i < len && isdigit((unsigned char)s[i]) && digits < 3)
            minor = minor * 10 + (s[i++] - '0'), digits++;
        if (digits == 0 || minor < 1)
            return false;
    }
    if (i != len)
        return false;
    if (minor < 0)
        snprintf(buf, size, "%d", major);
    else
        snprintf(buf, size, "%d.%d", major, minor);
    return true;
}

/* True when item (NUL-terminated) is already one of the list's items. */
static bool list_has(const char *list, const char *item)
{
    size_t n = strlen(item);
    for (const char *p = list; *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && strncmp(p, item, n) == 0)
            return true;
        p += len + (end != NULL);
    }
    return false;
}

enum status task_criteria_normalize(const char *in, char **out)
{
    struct strbuf sb = STRBUF_INIT;
    const char *p = in ? in : "";
    *out = NULL;
    while (*p) {
        while (*p == ',' || *p == ';' || isspace((unsigned char)*p))
            p++;
        size_t len = strcspn(p, ",; \t\n\r");
        if (len == 0)
            break;
        char item[16];
        if (!criterion_item(p, len, item, sizeof item)) {
            strbuf_free(&sb);
            return status_set(ST_INVALID,
                _("%s: '%.*s' is not a criterion (1 to 13, or a part such as 5.1)"),
                _("criteria"), (int)len, p);
        }
        if (!list_has(strbuf_str(&sb), item) &&
            !strbuf_printf(&sb, "%s%s", sb.len ? "," : "", item)) {
            strbuf_free(&sb);
            return status_set(ST_NOMEM, "%s", _("out of memory"));
        }
        p += len;
    }
    *out = sb.buf ? strbuf_take(&sb) : strdup("");
    if (!*out)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    return ST_OK;
}

/* True when a is b or a part of it: "5.1" is in "5"; "5" is in "5". */
static bool criterion_within(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen == blen)
        return strncmp(a, b, alen) == 0;
    return alen > blen && strncmp(a, b, blen) == 0 && a[blen] == '.';
}

bool task_criteria_match(const char *list, const char *want)
{
    if (!list || !want || !*want)
        return false;
    size_t wlen = strlen(want);
    for (const char *p = list; *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len && (criterion_within(p, len, want, wlen) || criterion_within(want, wlen, p, len)))
            return true;
        p += len + (end != NULL);
    }
    return false;
}
