/* cli_args — option values and aligned output for the commands. */
#include <config.h>
#include "treem/cli/cli_args.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/core/utf8.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum status cli_parse_id(const char *field, const char *s, long long *out)
{
    long long v = 0;
    if (!s || number_parse_int(s, NUM_INT, &v) != ST_OK || v <= 0)
        return status_set(ST_INVALID, _("%s: '%s' is not a record number"), field, s ? s : "");
    *out = v;
    return ST_OK;
}

enum status cli_parse_number(const char *field, const char *s, double *out)
{
    if (number_parse(s ? s : "", NUM_DECIMAL | NUM_PERCENT, out) != ST_OK)
        return status_set(ST_INVALID, "%s: %s", field, status_message());
    return ST_OK;
}

enum status cli_parse_year(const char *field, const char *s, int *out)
{
    long long v = 0;
    if (!s || number_parse_int(s, NUM_INT, &v) != ST_OK || v < 1900 || v > 2999)
        return status_set(ST_INVALID, _("%s: '%s' is not a year (1900–2999)"), field, s ? s : "");
    *out = (int)v;
    return ST_OK;
}

enum status cli_parse_bool(const char *field, const char *s, bool *out)
{
    static const char *const yes[] = {"yes", "y", "1", "true", "có", "co"};
    static const char *const no[] = {"no", "n", "0", "false", "không", "khong"};
    for (size_t i = 0; s && i < sizeof yes / sizeof *yes; i++) {
        if (strcmp(s, yes[i]) == 0) {
            *out = true;
            return ST_OK;
        }
        if (strcmp(s, no[i]) == 0) {
            *out = false;
            return ST_OK;
        }
    }
    return status_set(ST_INVALID, _("%s: '%s' is not yes or no"), field, s ? s : "");
}

enum status cli_set_text(char **dst, const char *s)
{
    char *copy = strdup(s ? s : "");
    if (!copy)
        return status_set(ST_NOMEM, "%s", _("out of memory"));
    free(*dst);
    *dst = copy;
    return ST_OK;
}

void cli_print_field(const char *label, const char *value, int col)
{
    int w = utf8_width(label);
    printf("  %s%*s %s\n", label, w < col ? col - w : 0, "", value ? value : "");
}
