/* rubric_edit — the officer's corrections to the active rule set (the rubric
 * editor in Cài đặt, `treem rubric band-set`): putting or removing a band
 * with its source, saying an indicator's scale is complete, setting a
 * criterion's maximum. Each call is one transaction and is audited; the
 * rule set is reloaded, changed in memory, validated and saved. */
#ifndef TREEM_APP_RUBRIC_EDIT_H
#define TREEM_APP_RUBRIC_EDIT_H
#include <stdbool.h>
#include "treem/db/db.h"
#include "treem/model/rubric.h"

/* The active rule set (free with rubric_free). ST_NOTFOUND with a message
 * when none is active. */
enum status rubric_edit_load_active(struct db *db, struct rubric *out);

/* Adds band b to indicator `code` of the active rule set, or replaces the
 * band with the same interval. b->source must say where the band comes
 * from. complete: 1 marks the scale complete, 0 incomplete, -1 leaves it.
 * ST_INVALID (overlap, bad bounds, no source), ST_NOTFOUND (no such
 * indicator). */
enum status rubric_edit_band_put(struct db *db, const char *code, const struct rubric_band *b,
                                 int complete);

/* Removes the band of `code` with the same interval as b. */
enum status rubric_edit_band_remove(struct db *db, const char *code, const struct rubric_band *b);

/* Says whether the bands of `code` are its whole scale. */
enum status rubric_edit_set_complete(struct db *db, const char *code, bool complete);

/* Sets (known) or clears the maximum of criterion `number`, with its source. */
enum status rubric_edit_set_max(struct db *db, int number, bool known, double max,
                                const char *source);

#endif
