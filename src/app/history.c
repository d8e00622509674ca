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

/* The stored key (entity_id) of the record named key: the child's uid, the
 * holiday's ISO date, else the record's number. */
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
    case HIST_HOLIDAY:
        rc = date_parse(key ? key : "", &d);
        if (rc == ST_OK)
            date_iso(d, id);
        return rc;
    case HIST_CASE: {
        struct case_file c;
        case_file_init(&c);
        rc = cases_find(db, key, &c);
        v = c.id;
        case_file_free(&c);
        break;
    }
    case HIST_VILLAGE:
        rc = villages_find(db, key, &v);
        break;
    case HIST_DEPT: {
        struct department dep;
        rc = department_repo_find(db, key, &dep);
        v = dep.id;
        department_clear(&dep);
        if (rc == ST_NOTFOUND && key && *key && !key[strspn(key, "0123456789")] && number(key, id) == ST_OK) {
            status_clear(); /* a deleted department: by its number (treem dept list showed it) */
            return ST_OK;
        }
        break;
    }
    default:
        return number(key, id);
    }
    if (rc == ST_OK)
        snprintf(id, 64, "%lld", v);
    return rc;
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

/* The label of a stored field name, for people ("place" → "Place"). */
static const struct { const char *entity, *key, *label; } field_labels[] = {
    {"case_step", "kind", N_("Step")}, {"case_step", "at", N_("Carried out on")},
    {"case_step", "emergency", N_("Emergency")}, {"case_step", "end_at", N_("Separation ended")},
    {"case_step", "who", N_("Who")}, {"case_step", "notes", N_("Notes")},
    {"case", "source", N_("Report came")}, {"case", "received_at", N_("Received on")},
    {"case", "child_note", N_("child (unidentified)")}, {"case", "est_age", N_("Estimated age")},
    {"case", "sex", N_("Sex")}, {"case", "place", N_("Place")},
    {"case", "current_state", N_("Current state")}, {"case", "consequence", N_("Likely consequence")},
    {"case", "parents", N_("Parents")}, {"case", "carer", N_("Carer")},
    {"case", "actions_taken", N_("Actions taken")}, {"case", "kind", N_("Case kind")},
    {"case", "injury_cause", N_("Injury cause")}, {"case", "level", N_("Protection level")},
    {"case", "stage", N_("Stage")}, {"case", "reporter", N_("Reporter")},
    {"village", "name", N_("Village name")}, {"department", "name", N_("Department")},
    {"department", "contact", N_("Contact person")}, {"department", "phone", N_("Phone")},
    {"department", "criteria", N_("Criteria")}, {"department", "active", N_("Active")},
    {"plan_event", "name", N_("Event")}, {"plan_target", "text", N_("Target")},
    {"plan_target", "value", N_("Value")}, {"plan_target", "unit", N_("Unit")},
    {"plan_target", "direction", N_("Direction")},
};

static const char *field_label(const char *entity, const char *key)
{
    if (strcmp(entity, "child") == 0)
        for (int f = 0; f < CF__COUNT; f++)
            if (strcmp(child_fields[f].key, key) == 0)
                return _(child_fields[f].label);
    for (size_t i = 0; i < sizeof field_labels / sizeof *field_labels; i++)
        if (strcmp(field_labels[i].entity, entity) == 0 && strcmp(field_labels[i].key, key) == 0)
            return _(field_labels[i].label);
    return key;
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
        snprintf(buf, n, _("%s  %s  %schanged %s: %s → %s"), at, r->who, what,
                 field_label(r->entity, r->field),
                 *r->old_value ? r->old_value : "—", *r->new_value ? r->new_value : "—");
    else if (strcmp(r->action, "delete") == 0)
        snprintf(buf, n, _("%s  %s  %sdeleted: %s"), at, r->who, what, r->old_value);
    else
        snprintf(buf, n, _("%s  %s  %screated%s%s%s%s"), at, r->who, what, *r->field ? " " : "",
                 r->field, *r->new_value ? ": " : "", r->new_value);
}
