/* history — a record's lines of the audit log. */
#include <config.h>
#include "treem/app/history.h"
#include "treem/app/cases.h"
#include "treem/app/children.h"
#include "treem/app/villages.h"
#include "treem/db/department_repo.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HISTORY_X_NAME(id, name, entity) name,
#define HISTORY_X_ENTITY(id, name, entity) entity,
static const char *const kind_names[] = {HISTORY_KIND_LIST(HISTORY_X_NAME)};
static const char *const kind_entities[] = {HISTORY_KIND_LIST(HISTORY_X_ENTITY)};

enum status history_kind_parse(const char *text, enum history_kind *out)
{
    for (int k = 0; k < HIST__COUNT; k++)
        if (text && strcmp(text, kind_names[k]) == 0) {
            *out = (enum history_kind)k;
            return ST_OK;
        }
    return status_set(ST_INVALID, _("%s: '%s' is not one of: %s"), "KIND", text ? text : "",
                      "child, case, village, holiday, plan, target, event, task, dept");
}

enum status history_of_entity(struct db *db, const char *entity, const char *entity_id,
                              struct audit_row **out, size_t *n)
{
    return audit_repo_history(db, entity, entity_id, out, n);
}

enum status history_of_case(struct db *db, long long case_id, struct audit_row **out, size_t *n)
{
    return audit_repo_case_history(db, case_id, out, n);
}

/* A record number typed as KEY. */
static enum status number(const char *key, char id[24])
{
    long long v = 0;
    if (!key || number_parse_int(key, NUM_INT, &v) != ST_OK || v <= 0)
        return status_set(ST_INVALID, _("%s: '%s' is not a record number"), "KEY", key ? key : "");
    snprintf(id, 24, "%lld", v);
    return ST_OK;
}

/* The stored key (entity_id) of the record named key. */
static enum status resolve(struct db *db, enum history_kind k, const char *key, char id[64])
{
    enum status rc;
    long long v = 0;
    struct date d;
    switch (k) {
    case HIST_CHILD: {
        struct child c;
        rc = children_find(db, key, &c);
        if (rc == ST_OK)
            snprintf(id, 64, "%s", c.uid);
        child_free(&c);
        return rc;
    }
    case HIST_CASE: {
        struct case_file c;
        case_file_init(&c);
        rc = cases_find(db, key, &c);
        if (rc == ST_OK)
            snprintf(id, 64, "%lld", c.id);
        case_file_free(&c);
        return rc;
    }
    case HIST_VILLAGE:
        rc = villages_find(db, key, &v);
        if (rc == ST_OK)
            snprintf(id, 64, "%lld", v);
        return rc;
    case HIST_HOLIDAY:
        rc = date_parse(key ? key : "", &d);
        if (rc == ST_OK)
            date_iso(d, id);
        return rc;
    case HIST_DEPT: {
        struct department dep;
        rc = department_repo_find(db, key, &dep);
        if (rc == ST_OK)
            snprintf(id, 64, "%lld", dep.id);
        department_clear(&dep);
        return rc;
    }
    default:
        return number(key, id);
    }
}

enum status history_of(struct db *db, enum history_kind k, const char *key,
                       struct audit_row **out, size_t *n)
{
    char id[64];
    *out = NULL;
    *n = 0;
    enum status rc = resolve(db, k, key, id);
    if (rc != ST_OK)
        return rc;
    long long case_id = 0;
    if (k == HIST_CASE && (rc = number_parse_int(id, NUM_INT, &case_id)) != ST_OK)
        return rc;
    if (k == HIST_CASE)
        return audit_repo_case_history(db, case_id, out, n);
    return audit_repo_history(db, kind_entities[k], id, out, n);
}

/* "yyyy-mm-dd hh:mm" → "dd/mm/yyyy hh:mm". */
static void when(const char *iso, char out[DATETIME_BUF])
{
    if (strlen(iso) >= 16)
        snprintf(out, DATETIME_BUF, "%.2s/%.2s/%.4s %.5s", iso + 8, iso + 5, iso, iso + 11);
    else
        snprintf(out, DATETIME_BUF, "%s", iso);
}

void history_line(const struct audit_row *r, char *buf, size_t n)
{
    char at[DATETIME_BUF], what[48] = "";
    when(r->at, at);
    if (strcmp(r->entity, "case_step") == 0)
        snprintf(what, sizeof what, _("step #%s "), r->entity_id);
    else if (strcmp(r->entity, "case_risk") == 0 || strcmp(r->entity, "case_service") == 0)
        snprintf(what, sizeof what, "%s ", strcmp(r->entity, "case_risk") == 0
                 ? _("risk rating") : _("plan item"));
    if (strcmp(r->action, "change") == 0)
        snprintf(buf, n, _("%s  %s  %schanged %s: %s → %s"), at, r->who, what, r->field,
                 *r->old_value ? r->old_value : "—", *r->new_value ? r->new_value : "—");
    else if (strcmp(r->action, "delete") == 0)
        snprintf(buf, n, _("%s  %s  %sdeleted: %s"), at, r->who, what, r->old_value);
    else
        snprintf(buf, n, _("%s  %s  %screated%s%s%s%s"), at, r->who, what, *r->field ? " " : "",
                 r->field, *r->new_value ? ": " : "", r->new_value);
}
