/* rubric_text — the rubric's numbers as people read and type them: points
 * and totals without trailing zeros, decimals with ',' or '.', band bounds
 * in the ">=95" / "<100" notation of the rubric CSV, intervals such as
 * "[95; ∞)" and a whole scale on one line. */
#ifndef TREEM_MODEL_RUBRIC_TEXT_H
#define TREEM_MODEL_RUBRIC_TEXT_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/status.h"
#include "treem/model/rubric.h"

#define RUBRIC_TEXT_NUM_BUF 32

/* Interval as text, e.g. "[95; ∞)", "[90; 95)", "= 1" (buf of size n). */
void rubric_text_interval(const struct rubric_band *b, char *buf, size_t n);
/* All bands of ind as one line, e.g. "[95; ∞) → 50; [90; 95) → 40",
 * with "…" appended when the scale is incomplete. Caller frees. */
char *rubric_text_bands(const struct rubric_indicator *ind);

/* Parses a decimal number as people type it: "95", "94.9", "94,9", with
 * optional spaces and a trailing "%" or "‰". False for anything else. */
bool rubric_text_parse_number(const char *s, double *out);

/* Parses one bound of a band as written in the rubric CSV and on the
 * command line: "" (none), "95" (inclusive), ">=95" / "≥95" / ">95" for a
 * lower bound, "<=100" / "≤100" / "<100" for an upper one. Sets the
 * has_/lo/hi/_incl fields of b. ST_INVALID naming `what`. */
enum status rubric_text_parse_bound(const char *s, bool upper, const char *what, struct rubric_band *b);
/* Writes a bound back in that notation (">=95", "<100", "" when open). */
void rubric_text_bound(const struct rubric_band *b, bool upper, char *buf, size_t n);

/* A number for people: at most 2 decimals, no trailing zeros ("812",
 * "97.5"). */
void rubric_text_num(double v, char buf[RUBRIC_TEXT_NUM_BUF]);
/* The same for the screen and the terminal, in the interface language
 * (core/number.h): "97,5" and "1.500" in Vietnamese, "97.5" and "1,500" in
 * English. Files keep rubric_text_num. */
void rubric_text_num_show(double v, char buf[RUBRIC_TEXT_NUM_BUF]);

#endif
