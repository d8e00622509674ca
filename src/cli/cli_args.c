/* cli_args — option values, the declared option parser and aligned output
 * for the commands. */
#include <config.h>
#include "treem/cli/cli_args.h"
#include "treem/cli/cli.h"
#include "treem/model/enums.h"
#include "treem/model/plan.h"
#include "treem/core/date.h"
#include "treem/core/i18n.h"
#include "treem/core/number.h"
#include "treem/core/utf8.h"

#include <errno.h>
#include <getopt.h>
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

bool cli_int_in(const char *s, long long lo, long long hi, int *out)
{
    long long v = 0;
    if (!s || number_parse_int(s, NUM_INT, &v) != ST_OK || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
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

enum status cli_parse_enum(const char *field, const struct enum_def *def, const char *s, int *out)
{
    int v = enum_parse(def, s);
    if (v < 0) {
        char list[512] = "";
        for (size_t i = 0; i < def->n; i++)
            if (*def->items[i].code)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", *list ? ", " : "",
                         def->items[i].code);
        return status_set(ST_INVALID, _("%s: '%s' is not one of: %s"), field, s, list);
    }
    *out = v;
    return ST_OK;
}

/* A date dd/mm/yyyy; ST_INVALID "FIELD: why". */
static enum status parse_date(const char *field, const char *s, struct date *out)
{
    if (date_parse(s, out) == ST_OK)
        return ST_OK;
    char msg[512];
    snprintf(msg, sizeof msg, "%s", status_message());
    return status_set(ST_INVALID, "%s: %s", field, msg);
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

void *cli_opt_field(void *rec, const struct cli_opt *opt)
{
    return (char *)rec + opt->at;
}

/* The field opt's messages name: its label translated, or "--NAME" in buf. */
static const char *opt_label(const struct cli_opt *opt, char *buf, size_t size)
{
    if (opt->label)
        return _(opt->label);
    snprintf(buf, size, "--%s", opt->name);
    return buf;
}

static int has_arg(enum cli_opt_kind kind)
{
    if (kind == CLI_FLAG || kind == CLI_NOT || kind == CLI_SET)
        return no_argument;
    return kind == CLI_MAYBE ? optional_argument : required_argument;
}

/* A code of o's list (CLI_CODE) into *out. */
static enum status parse_code(const struct cli_opt *o, const char *field, const char *arg, int *out)
{
    int k = enum_from_code_dashed(o->def, arg);
    if (k < 0)
        return status_set(ST_INVALID, _(o->bad), field, arg);
    *out = k;
    return ST_OK;
}

/* One option's value into its field of rec. */
static enum status apply(const struct cli_opt *o, void *rec, const char *arg)
{
    void *at = cli_opt_field(rec, o);
    char buf[64];
    const char *field = opt_label(o, buf, sizeof buf);
    switch (o->kind) {
    case CLI_STR: *(const char **)at = arg; return ST_OK;
    case CLI_TEXT: return cli_set_text(at, arg);
    case CLI_FLAG: *(bool *)at = true; return ST_OK;
    case CLI_NOT: *(bool *)at = false; return ST_OK;
    case CLI_BOOL: return cli_parse_bool(field, arg, at);
    case CLI_MAYBE: *(bool *)at = true; return arg ? cli_parse_bool(field, arg, at) : ST_OK;
    case CLI_SET: *(int *)at = o->value; return ST_OK;
    case CLI_YEAR: return cli_parse_year(field, arg, at);
    case CLI_ID: return cli_parse_id(field, arg, at);
    case CLI_NUMBER: return cli_parse_number(field, arg, at);
    case CLI_DATE: return parse_date(field, arg, at);
    case CLI_DATE_OR_NONE: return plan_parse_date(field, arg, at);
    case CLI_ENUM: return cli_parse_enum(field, o->def, arg, at);
    case CLI_CODE: return parse_code(o, field, arg, at);
    case CLI_INT:
        return cli_int_in(arg, o->lo, o->hi, at) ? ST_OK : status_set(ST_INVALID, _(o->bad), arg);
    case CLI_CALL:
    case CLI_REFUSED:
    case CLI_ALSO: break; /* (CLI_ALSO entries are replaced before reading) */
    }
    return o->call(rec, o, arg);
}

/* The first entry of opts that does what opts[i] does: an alias (the same
 * call on the same field and value) answers as the entry it stands for, so
 * getopt does not call a prefix of both ambiguous. */
static size_t first_alike(const struct cli_opt *opts, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (opts[i].kind == CLI_CALL && opts[j].kind == CLI_CALL && opts[j].call == opts[i].call &&
            opts[j].at == opts[i].at && opts[j].value == opts[i].value)
            return j;
    return i;
}

/* getopt_long's tables for opts: the long options, each answering 256 +
 * the index of its entry (see first_alike), and the short forms after the
 * ordering: "-" when a "" entry takes the words, "+" to stop at the first
 * word. NULL when out of memory. */
static struct option *getopt_tables(const struct cli_opt *opts, unsigned flags, char **shorts,
                                    const struct cli_opt **words)
{
    size_t n = 0, k = 0;
    *words = NULL;
    for (; opts[n].name; n++)
        if (!*opts[n].name)
            *words = &opts[n];
    struct option *lo = calloc(n + 1, sizeof *lo);
    char *s = *shorts = calloc(3 * n + 2, 1);
    if (!lo || !s) {
        free(lo);
        free(s);
        return NULL;
    }
    if (*words || (flags & CLI_IN_ORDER))
        *s++ = *words ? '-' : '+';
    for (size_t i = 0; i < n; i++) {
        int arg = has_arg(opts[i].kind);
        if (&opts[i] == *words)
            continue;
        lo[k++] = (struct option){opts[i].name, arg, NULL, 256 + (int)first_alike(opts, i)};
        if (opts[i].key)
            s += sprintf(s, "%c%s", opts[i].key,
                         arg == no_argument ? "" : arg == required_argument ? ":" : "::");
    }
    return lo;
}

static const struct cli_opt *find_key(const struct cli_opt *opts, int c)
{
    for (; opts->name; opts++)
        if (opts->key && opts->key == c)
            return opts;
    return NULL;
}

/* The entry called name (the one typed, not the first alike). */
static const struct cli_opt *find_name(const struct cli_opt *opts, const char *name)
{
    while (opts->name != name)
        opts++;
    return opts;
}

/* The exit status after a bad value (status_message says why). */
static int bad_value(const struct cli_command *cmd, unsigned flags)
{
    if (flags & CLI_BAD_USAGE)
        return cli_usage(cmd, "%s", status_message());
    cli_fail();
    return flags & CLI_BAD_2 ? 2 : 1;
}

static int read_loop(const struct cli_command *cmd, int argc, char **argv, const char *shorts,
                     const struct option *lo, const struct cli_opt *opts, const struct cli_opt *words,
                     unsigned flags, void *rec, int *given)
{
    int at = -1;
    for (int c; (c = getopt_long(argc, argv, shorts, lo, &at)) != -1; at = -1) {
        const struct cli_opt *o = c == 1 ? words : c < 256 ? find_key(opts, c)
                                : at >= 0 ? find_name(opts, lo[at].name) : &opts[c - 256];
        if (o && o->kind == CLI_REFUSED && o->label)
            return cli_usage(cmd, "%s", _(o->label));
        if (!o || o->kind == CLI_REFUSED)
            return cli_usage(cmd, "%s", flags & CLI_SEE_CHILD ? _("unknown option (see treem child --help)")
                                                              : _("unknown option"));
        if (o == words && words->call(rec, words, optarg) != ST_OK)
            return cli_usage(cmd, "%s", status_message());
        if (o != words && apply(o, rec, optarg) != ST_OK)
            return bad_value(cmd, flags);
        if (o != words && given)
            ++*given;
    }
    if ((flags & CLI_ALONE) && optind < argc)
        return cli_usage(cmd, _("unexpected argument '%s'"), argv[optind]);
    return 0;
}

/* How many entries o stands for (those of its table for a CLI_ALSO entry,
 * else itself), copied to out when it is not NULL. */
static size_t expand(const struct cli_opt *o, struct cli_opt *out)
{
    if (o->kind != CLI_ALSO) {
        if (out)
            *out = *o;
        return 1;
    }
    size_t n = 0;
    for (const struct cli_opt *a = o->also; a->name; a++, n++)
        if (out)
            out[n] = *a;
    return n;
}

/* The entries of opts with those of each CLI_ALSO entry's table in its
 * place, ended by a NULL name (malloc'd); NULL when out of memory. */
static struct cli_opt *flatten(const struct cli_opt *opts)
{
    size_t n = 0;
    for (const struct cli_opt *o = opts; o->name; o++)
        n += expand(o, NULL);
    struct cli_opt *flat = calloc(n + 1, sizeof *flat);
    for (size_t k = 0; flat && opts->name; opts++)
        k += expand(opts, flat + k);
    return flat;
}

int cli_read_opts(const struct cli_command *cmd, int argc, char **argv, int first,
                  const struct cli_opt *opts, unsigned flags, void *rec, int *given)
{
    char *shorts = NULL;
    const struct cli_opt *words = NULL;
    struct cli_opt *flat = flatten(opts);
    struct option *lo = flat ? getopt_tables(flat, flags, &shorts, &words) : NULL;
    if (!lo) {
        free(flat);
        fprintf(stderr, "treem: %s\n", _("out of memory"));
        return 1;
    }
    optind = first;
    int rc = read_loop(cmd, argc, argv, shorts, lo, flat, words, flags, rec, given);
    free(lo);
    free(shorts);
    free(flat);
    return rc;
}

int cli_open_opts(const struct cli_env *env, const struct cli_command *cmd, int argc, char **argv,
                  const struct cli_opt *opts, unsigned flags, void *rec, struct db **db)
{
    *db = NULL;
    int rc = cli_read_opts(cmd, argc, argv, 0, opts, flags, rec, NULL);
    if (rc == 0 && cli_open(env, db) != ST_OK)
        rc = cli_fail();
    return rc;
}

int cli_with_db(const struct cli_env *env, int (*act)(struct db *db, const void *rec), const void *rec)
{
    struct db *db;
    if (cli_open(env, &db) != ST_OK)
        return cli_fail();
    int rc = act(db, rec);
    db_close(db);
    return rc;
}

int cli_end(struct db *db, enum status st)
{
    db_close(db);
    return st == ST_OK ? 0 : cli_fail();
}
