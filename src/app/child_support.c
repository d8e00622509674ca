/* child_support — risk periods and help records, one transaction each. */
#include <config.h>
#include "treem/app/child_support.h"
#include "treem/app/tx.h"
#include "treem/db/child_repo.h"
#include "treem/db/child_support_repo.h"
#include "treem/model/child_rules.h"

struct job {
    enum { ADD_RISK, ADD_HELP, END_RISK, DELETE_RISK, DELETE_HELP } what;
    void *rec;
    long long id;
    struct date to;
};

static enum status run_job(struct db *db, const struct child *c, struct job *j)
{
    struct date birth = c->birth_date.y ? c->birth_date : child_birth_eff(c);
    switch (j->what) {
    case ADD_RISK: {
        struct child_risk *r = j->rec;
        r->child_id = c->id;
        enum status st = child_risk_validate(r, birth, date_today());
        return st == ST_OK ? child_risk_repo_add(db, r, c->uid) : st;
    }
    case ADD_HELP: {
        struct child_help *h = j->rec;
        h->child_id = c->id;
        enum status st = child_help_validate(h, birth, date_today());
        return st == ST_OK ? child_help_repo_add(db, h, c->uid) : st;
    }
    case END_RISK: return child_risk_repo_end(db, c->id, j->id, j->to, c->uid);
    case DELETE_RISK: return child_risk_repo_delete(db, c->id, j->id, c->uid);
    default: return child_help_repo_delete(db, c->id, j->id, c->uid);
    }
}

static enum status with_child(struct db *db, long long child_id, struct job *j)
{
    struct child c;
    enum status rc = child_repo_get(db, child_id, &c);
    if (rc != ST_OK)
        return rc;
    if ((rc = db_begin(db)) == ST_OK)
        rc = tx_end(db, run_job(db, &c, j));
    child_free(&c);
    return rc;
}

enum status child_support_add_risk(struct db *db, struct child_risk *r)
{
    struct job j = {ADD_RISK, r, 0, {0, 0, 0}};
    return with_child(db, r->child_id, &j);
}

enum status child_support_add_help(struct db *db, struct child_help *h)
{
    struct job j = {ADD_HELP, h, 0, {0, 0, 0}};
    return with_child(db, h->child_id, &j);
}

enum status child_support_end_risk(struct db *db, long long child_id, long long id, struct date to)
{
    struct job j = {END_RISK, NULL, id, to};
    return with_child(db, child_id, &j);
}

enum status child_support_delete_risk(struct db *db, long long child_id, long long id)
{
    struct job j = {DELETE_RISK, NULL, id, {0, 0, 0}};
    return with_child(db, child_id, &j);
}

enum status child_support_delete_help(struct db *db, long long child_id, long long id)
{
    struct job j = {DELETE_HELP, NULL, id, {0, 0, 0}};
    return with_child(db, child_id, &j);
}

enum status child_support_risks(struct db *db, long long child_id, struct child_risk **out, size_t *n)
{
    return child_risk_repo_list(db, child_id, out, n);
}

enum status child_support_helps(struct db *db, long long child_id, struct child_help **out, size_t *n)
{
    return child_help_repo_list(db, child_id, out, n);
}
