/* villages — correcting the villages (thôn / tổ dân phố) for `treem village
 * rename|merge|delete` and the Thôn screen of Cài đặt: rename ("thôn hòa
 * bình" → "Thôn Hòa Bình"), merge one into another (every child moves, the
 * codes stay), delete one no record uses. Each is one transaction, audited
 * with the old values (db/village_repo.h). Names are found exactly first,
 * then without diacritics or case when that fits one village. */
#ifndef TREEM_APP_VILLAGES_H
#define TREEM_APP_VILLAGES_H
#include "treem/db/village_repo.h"

/* The villages with their counts of children (village_rows_free). */
enum status villages_list(struct db *db, struct village_row **out, size_t *n);

/* Renames village old_name to new_name (NFC, trimmed, not empty). Refused
 * (ST_EXISTS naming it) when another village already has that name up to
 * diacritics and case: merge them instead. */
enum status villages_rename(struct db *db, const char *old_name, const char *new_name);

/* Moves every child of village from into village into and deletes from.
 * *moved (optional) = children moved. */
enum status villages_merge(struct db *db, const char *from, const char *into, long long *moved);

/* The village called name (exactly, else up to diacritics and case). */
enum status villages_find(struct db *db, const char *name, long long *id);

/* Deletes a village no child lives in (ST_CONFLICT naming the count). */
enum status villages_delete(struct db *db, const char *name);

#endif
