/* department — struct and validation. */
#include <config.h>
#include "treem/model/department.h"
#include "treem/model/task.h"
#include "treem/core/i18n.h"
#include "treem/core/mem.h"
#include "treem/core/utf8.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const size_t department_off[] = {
    offsetof(struct department, code), offsetof(struct department, name),
    offsetof(struct department, contact), offsetof(struct department, phone),
    offsetof(struct department, criteria)};
static const struct mem_strings department_strings =
    MEM_STRINGS(struct department, department_off);

void department_clear(struct department *d) { mem_strings_clear(&department_strings, d); }

void department_list_free(struct department *list, size_t n)
{
    mem_strings_list_free(&department_strings, list, n);
}

static enum status check_phone(const char *phone)
{
    int digits = 0;
    for (const char *p = phone ? phone : ""; *p; p++) {
        if (isdigit((unsigned char)*p))
            digits++;
        else if (!strchr(" .-+()", *p))
            return status_set(ST_INVALID, _("%s: '%s' is not a phone number"), _("phone"), phone);
    }
    if (phone && *phone && (digits < 3 || digits > 15))
        return status_set(ST_INVALID, _("%s: '%s' is not a phone number"), _("phone"), phone);
    return ST_OK;
}

enum status department_validate(const struct department *d)
{
    const char *name = d->name ? d->name : "";
    while (isspace((unsigned char)*name))
        name++;
    if (!*name)
        return status_set(ST_INVALID, _("%s: must not be empty"), _("department name"));
    enum status st = utf8_check_text(_("department name"), d->name, 200);
    if (st == ST_OK)
        st = utf8_check_text(_("contact person"), d->contact, 200);
    if (st == ST_OK)
        st = check_phone(d->phone);
    if (st == ST_OK) {
        char *norm = NULL;
        st = task_criteria_normalize(d->criteria, &norm);
        free(norm);
    }
    return st;
}
