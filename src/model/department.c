/* department — struct and validation. */
#include <config.h>
#include "treem/model/department.h"
#include "treem/model/task.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void department_clear(struct department *d)
{
    free(d->code);
    free(d->name);
    free(d->contact);
    free(d->phone);
    free(d->criteria);
    memset(d, 0, sizeof *d);
}

void department_list_free(struct department *list, size_t n)
{
    for (size_t i = 0; list && i < n; i++)
        department_clear(&list[i]);
    free(list);
}

static enum status check_text(const char *field, const char *s, size_t max)
{
    size_t len = s ? strlen(s) : 0;
    if (s && !utf8_valid(s, len))
        return status_set(ST_INVALID, _("%s: the text is not valid UTF-8"), field);
    if (len > max)
        return status_set(ST_INVALID, _("%s: too long (%zu bytes, at most %zu)"), field, len, max);
    return ST_OK;
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
    enum status st = check_text(_("department name"), d->name, 200);
    if (st == ST_OK)
        st = check_text(_("contact person"), d->contact, 200);
    if (st == ST_OK)
        st = check_phone(d->phone);
    if (st == ST_OK) {
        char *norm = NULL;
        st = task_criteria_normalize(d->criteria, &norm);
        free(norm);
    }
    return st;
}
