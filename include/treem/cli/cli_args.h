/* cli_args — reading the values of command-line options (record ids,
 * numbers, years, texts) with messages that name the option, and printing
 * "label: value" lines aligned by display columns (Vietnamese labels are
 * wider in bytes than on screen). Shared by the plan, task and dept
 * commands. */
#ifndef TREEM_CLI_CLI_ARGS_H
#define TREEM_CLI_CLI_ARGS_H
#include <stdbool.h>
#include "treem/core/status.h"

/* A record id > 0 typed for `field`; ST_INVALID naming the field. */
enum status cli_parse_id(const char *field, const char *s, long long *out);
/* A number ("9", "97.5", also "97,5"); ST_INVALID naming the field. */
enum status cli_parse_number(const char *field, const char *s, double *out);
/* A year 1900–2999; ST_INVALID naming the field. */
enum status cli_parse_year(const char *field, const char *s, int *out);
/* "yes"/"no" (also 1/0, có/không); ST_INVALID naming the field. */
enum status cli_parse_bool(const char *field, const char *s, bool *out);
/* Replaces the malloc'd *dst by a copy of s; ST_NOMEM when out of memory. */
enum status cli_set_text(char **dst, const char *s);

/* Prints "  label   value" with the value starting at column `col`. */
void cli_print_field(const char *label, const char *value, int col);

#endif
