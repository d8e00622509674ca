/* rubric_load — rule sets as CSV files (the format is described in
 * doc/rubric-csv.md): reading one into a struct rubric, writing one back,
 * seeding the shipped QĐ 06/QĐ-TTg rubric once into a new database, and the
 * explicit import and export commands. Seeding never overwrites what the
 * officer has corrected; only an import changes an existing rule set. */
#ifndef TREEM_APP_RUBRIC_LOAD_H
#define TREEM_APP_RUBRIC_LOAD_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/csv/csv_write.h"
#include "treem/db/db.h"
#include "treem/db/rubric_save.h"
#include "treem/model/rubric.h"

/* The rubric shipped in assets/ and seeded into every database. */
#define RUBRIC_LOAD_SHIPPED "assets/rubric_qd06_2019.csv"

/* Parses len bytes of rubric CSV into *out (initialised here; free with
 * rubric_free). `what` names the source in messages ("rubric.csv line 7,
 * column diem: 'x' is not a number"). ST_INVALID on the first problem. */
enum status rubric_load_parse(const char *data, size_t len, const char *what, struct rubric *out);

/* Writes r as rubric CSV through w (header first). Returns the writer's
 * status (ST_NOMEM, ST_IO). */
enum status rubric_load_format(const struct rubric *r, struct csv_writer *w);

/* Seeds the shipped rubric once per database (setting seeded_rubric): the
 * rule set is created when no rule set of that name exists, and made active
 * when none is. Later calls do nothing, so corrections stay. Own
 * transaction. *seeded (optional) tells whether it wrote. */
enum status rubric_load_seed(struct db *db, bool *seeded);

struct rubric_import {
    char *name;            /* the rule set's name (caller frees) */
    long long id;
    bool created;          /* a new rule set */
    bool activated;        /* it became the active one */
    struct rubric_save_stats stats;
};

/* Imports the rubric CSV at path: a backup of the database first, then one
 * transaction; an existing rule set of the same name is brought to exactly
 * the file's content (see rubric_save). It becomes active when activate is
 * true or no rule set is active. *res (optional) says what happened. */
enum status rubric_load_import(struct db *db, const char *path, bool activate,
                               struct rubric_import *res);

/* Writes r to path as rubric CSV (UTF-8 with BOM, CRLF, formula-like cells
 * neutralised). ST_IO naming the file. */
enum status rubric_load_write_file(const struct rubric *r, const char *path);

/* Writes the rule set called name (NULL: the active one) to path as rubric
 * CSV (UTF-8 with BOM, CRLF), ready to be corrected and imported back. */
enum status rubric_load_export(struct db *db, const char *name, const char *path);

#endif
