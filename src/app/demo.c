/* demo — builds the demonstration commune. */
#include <config.h>
#include "treem/app/demo.h"
#include "treem/app/tx.h"
#include "treem/app/demo_plans.h"
#include "treem/app/demo_cases.h"
#include "treem/app/commune.h"
#include "treem/app/demo_children.h"
#include "treem/app/demo_support.h"
#include "treem/app/score.h"
#include "treem/app/session.h"
#include "treem/core/i18n.h"
#include "treem/db/case_repo.h"
#include "treem/db/child_repo.h"
#include "treem/db/db_files.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The demo register: about 400 children, the same every run (for a fixed
 * TREEM_TODAY; ages are counted back from today so the demo never ages). */
#define DEMO_CHILDREN 400
#define DEMO_SEED 20250701ULL
/* The setting that marks a demonstration database. */
#define DEMO_MARK "demo_database"

/* The khóm of the former Phường Nhơn Hưng (thị xã Tịnh Biên, An Giang; seed
 * 000), part of Phường Thới Sơn (30502) since 07/2025. The names are made up
 * for the demo. */
static const char *const demo_villages[] = {
    "Khóm Xuân Hòa", "Khóm Xuân Phú", "Khóm Xuân Bình",
    "Khóm Sơn Đông", "Khóm Sơn Tây", "Khóm Bình Hòa",
};

static enum status fill(struct db *db)
{
    enum status st = commune_setup(db, DEMO_COMMUNE_CODE);
    if (st == ST_OK) /* what lets `demo --force` replace it later */
        st = db_setting_set(db, DEMO_MARK, "1");
    if (st == ST_OK)
        st = db_setting_set(db, "officer_name", "Nguyễn Thị Hồng");
    if (st == ST_OK)
        st = db_setting_set(db, "level_above", "Sở Y tế tỉnh An Giang");
    for (size_t i = 0; st == ST_OK && i < sizeof demo_villages / sizeof *demo_villages; i++)
        st = village_add(db, demo_villages[i]);
    if (st == ST_OK)
        st = demo_children_add(db, DEMO_CHILDREN, DEMO_SEED, date_today());
    if (st == ST_OK)
        st = demo_plans_fill(db);
    if (st == ST_OK)
        st = demo_support_fill(db);
    if (st == ST_OK)
        st = demo_cases_fill(db);
    return st;
}

/* This year's self-assessment as an officer starts it: the resource
 * indicators typed with their evidence, the register's figures stored. Each
 * value is its own transaction (score_set_value), so this runs after the
 * records are committed. */
static enum status fill_scores(struct db *db)
{
    static const struct { const char *code, *value, *evidence, *dept; } typed[] = {
        {"1.1", "có", "Quyết định phân công cán bộ làm công tác bảo vệ trẻ em của UBND phường", "bvte"},
        {"1.2", "có", "Danh sách cộng tác viên 6 khóm", "bvte"},
        {"1.3", "có", "Biên bản giao ban Ban bảo vệ trẻ em quý I", "bvte"},
    };
    int year = date_today().y;
    enum status st = ST_OK;
    for (size_t i = 0; st == ST_OK && i < sizeof typed / sizeof *typed; i++)
        st = score_set_value(db, year, typed[i].code, typed[i].value, typed[i].evidence, typed[i].dept);
    if (st == ST_OK)
        st = score_store_computed(db, year, NULL);
    return st;
}

/* True when the database is a demo (marked so), or holds no child and no
 * case: nothing an officer typed is lost by replacing it. */
static enum status replaceable(struct db *db, const char *path)
{
    char *mark = NULL;
    enum status st = db_setting_get(db, DEMO_MARK, &mark);
    bool demo = st == ST_OK && mark && strcmp(mark, "1") == 0;
    free(mark);
    if (st != ST_OK && st != ST_NOTFOUND)
        return st;
    long long children = 0, cases = 0;
    if (!demo && ((st = child_repo_total(db, &children)) != ST_OK ||
                  (st = case_repo_count(db, false, &cases)) != ST_OK))
        return st;
    long long records = children + cases;
    if (!demo && records > 0)
        return status_set(ST_EXISTS, _("%s is not a demonstration database (it holds %lld records): "
                                       "refused; give another --db"), path, records);
    return ST_OK;
}

/* Checks that the file at path may be replaced by the demo and backs it
 * up first (into its backups folder). */
static enum status make_room(const char *path)
{
    struct db *db = NULL;
    enum status st = session_open(path, false, &db);
    if (st != ST_OK)
        return status_set(st, _("%s cannot be opened as a treem database, so it is not replaced: %s"), path,
                          status_message());
    st = replaceable(db, path);
    if (st == ST_OK)
        st = db_backup_rotate(db, "before-demo", 10, NULL);
    db_close(db);
    return st == ST_OK ? db_remove_files(path) : st;
}

enum status demo_build(const char *path, bool replace)
{
    if (access(path, F_OK) == 0) {
        if (!replace)
            return status_set(ST_EXISTS, _("%s already exists (use --force to replace it)"), path);
        enum status st = make_room(path);
        if (st != ST_OK)
            return st;
    }
    struct db *db;
    enum status st = session_open(path, true, &db);
    if (st != ST_OK)
        return st;
    st = db_begin(db);
    if (st == ST_OK)
        st = tx_end(db, fill(db));
    if (st == ST_OK)
        st = fill_scores(db);
    db_close(db);
    return st;
}
