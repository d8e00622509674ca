/* scr_dept_form — a department (ban ngành) in a form: its name, contact
 * person, phone, the criteria it answers for and whether it is still
 * active. Opened by F4 on a department in Nhiệm vụ; saved through
 * app/task (each changed field audited with its old value). */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/formscreen.h"
#include "treem/app/task.h"
#include "treem/db/department_repo.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DF_NAME, DF_CONTACT, DF_PHONE, DF_CRITERIA, DF_ACTIVE, DF__COUNT };

static const char *const active_choices[] = {N_("Yes"), N_("No"), NULL};

static const struct form_def dept_fields[DF__COUNT] = {
    {N_("Department"), FK_TEXT, 200, NULL, N_("e.g. Công an xã")},
    {N_("Contact person"), FK_TEXT, 200, NULL, NULL},
    {N_("Phone"), FK_TEXT, 40, NULL, NULL},
    {N_("Criteria"), FK_TEXT, 100, NULL, N_("the criteria it answers for, e.g. 3,4,5.1")},
    {N_("Active"), FK_CHOICE, 0, active_choices, NULL},
};

static const char *const dept_names[DF__COUNT] = {
    N_("department name"), N_("contact person"), N_("phone"), N_("criteria"), NULL,
};

static bool dept_save(struct ui *ui, struct form *f, void *ctx)
{
    long long id = *(long long *)ctx;
    struct department d = {.id = id, .active = true};
    if (id && department_repo_get(ui->db, id, &d) != ST_OK) {
        ui_status(ui, true, "%s", status_message());
        return false;
    }
    bool ok = form_str_set(&d.name, form_value(f, DF_NAME)) && form_str_set(&d.contact, form_value(f, DF_CONTACT)) &&
              form_str_set(&d.phone, form_value(f, DF_PHONE)) &&
              form_str_set(&d.criteria, form_value(f, DF_CRITERIA));
    d.active = form_choice(f, DF_ACTIVE) == 0;
    enum status st = !ok ? status_set(ST_NOMEM, "%s", _("out of memory"))
                   : id ? task_department_save(ui->db, &d) : task_department_add(ui->db, &d);
    if (st != ST_OK)
        formscreen_error(ui, f, status_message(), dept_names, DF__COUNT, DF__COUNT);
    else
        ui_status(ui, false, _("Saved department %s."), d.name);
    department_clear(&d);
    return st == ST_OK;
}

bool scr_dept_form_open(struct ui *ui, long long dept_id)
{
    struct department d = {0};
    if (dept_id && department_repo_get(ui->db, dept_id, &d) != ST_OK) {
        ui_status(ui, true, "%s", status_message());
        return false;
    }
    char heading[300];
    snprintf(heading, sizeof heading, dept_id ? _("Department: %s") : "%s",
             dept_id ? d.name : _("New department"));
    struct formscreen_spec spec = {dept_fields, DF__COUNT, heading, NULL, dept_save, NULL, NULL,
                                   "Department form"};
    struct form *f = formscreen_open_id(ui, &spec, dept_id);
    if (f && dept_id) {
        form_set(f, DF_NAME, d.name);
        form_set(f, DF_CONTACT, d.contact ? d.contact : "");
        form_set(f, DF_PHONE, d.phone ? d.phone : "");
        form_set(f, DF_CRITERIA, d.criteria ? d.criteria : "");
        form_set_choice(f, DF_ACTIVE, d.active ? 0 : 1);
    }
    department_clear(&d);
    return f != NULL;
}
