/* ethnicity — a typed ethnic group matched to the catalogue the program
 * ships (QĐ 121-TCTK/PPCĐ 1979, table ethnic_group; DOMAIN.md §2): the
 * register stores the catalogue's name, so "Gia Rai", "gia-rai" and
 * "GIA RAI" are one group in the counts. Pure: the caller passes the names. */
#ifndef TREEM_MODEL_ETHNICITY_H
#define TREEM_MODEL_ETHNICITY_H
#include <stddef.h>
#include "treem/core/status.h"

#define ETHNICITY_BUF 64

/* The name stored for a catalogue entry: its name without the part in
 * brackets ("Kinh (Việt)" → "Kinh", "HMông (Mèo)" → "HMông"). */
void ethnicity_stored_name(const char *catalogue_name, char out[ETHNICITY_BUF]);

/* Matches typed against the catalogue's names (n of them): letters only,
 * without diacritics or case, against the name, the part in brackets and a
 * few other spellings (Việt, Khmer, Mông, H'Mông, Hmong, Hoa, Hán…). On a
 * match the stored name goes to out; "" stays "". ST_INVALID naming the
 * field "ethnicity" otherwise. */
enum status ethnicity_match(const char *typed, const char *const *names, size_t n,
                            char out[ETHNICITY_BUF]);

#endif
