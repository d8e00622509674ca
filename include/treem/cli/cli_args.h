/* cli_args — reading the values of command-line options (record ids,
 * numbers, years, texts) with messages that name the option, the one
 * declared option parser every command reads its options with, and
 * printing "label: value" lines aligned by display columns (Vietnamese
 * labels are wider in bytes than on screen). */
#ifndef TREEM_CLI_CLI_ARGS_H
#define TREEM_CLI_CLI_ARGS_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/status.h"

struct cli_command;
struct cli_env;
struct db;
struct enum_def;

/* A record id > 0 typed for `field`; ST_INVALID naming the field. */
enum status cli_parse_id(const char *field, const char *s, long long *out);
/* A whole number from lo to hi into *out: true, or false (no message). */
bool cli_int_in(const char *s, long long lo, long long hi, int *out);
/* A number ("9", "97.5", also "97,5"); ST_INVALID naming the field. */
enum status cli_parse_number(const char *field, const char *s, double *out);
/* A year 1900–2999; ST_INVALID naming the field. */
enum status cli_parse_year(const char *field, const char *s, int *out);
/* "yes"/"no" (also 1/0, có/không); ST_INVALID naming the field. */
enum status cli_parse_bool(const char *field, const char *s, bool *out);
/* A code of the closed list def; ST_INVALID naming the field and the codes. */
enum status cli_parse_enum(const char *field, const struct enum_def *def, const char *s, int *out);
/* Replaces the malloc'd *dst by a copy of s; ST_NOMEM when out of memory. */
enum status cli_set_text(char **dst, const char *s);

/* What an option's value is, and the type of the field it goes into. */
enum cli_opt_kind {
    CLI_STR,     /* const char *: the value as typed */
    CLI_TEXT,    /* char * (malloc'd, the record's owner frees it): a copy */
    CLI_FLAG,    /* bool: true; the option takes no value */
    CLI_NOT,     /* bool: false; the option takes no value */
    CLI_BOOL,    /* bool: yes or no */
    CLI_MAYBE,   /* bool: alone true, or --NAME=yes|no */
    CLI_SET,     /* int (or unsigned, or an enum of an int's size): `value`; the
                    option takes no value */
    CLI_YEAR,    /* int: 1900–2999 */
    CLI_ID,      /* long long: a record number > 0 */
    CLI_NUMBER,  /* double */
    CLI_DATE,    /* struct date: dd/mm/yyyy */
    CLI_DATE_OR_NONE, /* struct date: dd/mm/yyyy, or "" for none (plan_parse_date) */
    CLI_ENUM,    /* int: a code of the closed list `def` */
    CLI_CODE,    /* int (or an enum of an int's size): a code of the closed list
                    `def`, its '_' typed as '-' (enum_from_code_dashed); else
                    the message `bad` with the field's name and the value */
    CLI_INT,     /* int: a whole number from lo to hi; else the message `bad`
                    with the value */
    CLI_CALL,    /* call(rec, opt, value) does it (a value is required) */
    CLI_REFUSED, /* an option this (sub-)command refuses: a usage error saying
                    label, or "unknown option" (getopt knows it and says nothing) */
    CLI_ALSO,    /* not an option: the entries of the table `also` stand here
                    (options several tables share; one level) */
};

/* One option of a command: --NAME (and -KEY), the kind of its value and
 * where in the record it goes. A table ends with a NULL name; an entry
 * named "" takes the words between the options, in order (through call);
 * a CLI_ALSO entry (any other name) brings in another table's entries. */
struct cli_opt {
    const char *name;
    enum cli_opt_kind kind;
    size_t at;                  /* offsetof the field in the record */
    const char *label;          /* N_(): the field its messages name; NULL: "--NAME" */
    char key;                   /* also -KEY; 0: no short form */
    int value;                  /* CLI_SET: the value; CLI_CALL: what call makes of it */
    const struct enum_def *def; /* CLI_ENUM, CLI_CODE: the list */
    int lo, hi;                 /* CLI_INT: the bounds */
    const char *bad;            /* CLI_CODE, CLI_INT: N_(), the message of a value refused */
    enum status (*call)(void *rec, const struct cli_opt *opt, const char *arg);
    const struct cli_opt *also; /* CLI_ALSO: the table */
};

/* How cli_read_opts reads: stop at the first word (getopt "+"); no word may
 * follow the options ("unexpected argument"); a bad value is a usage error
 * (exit 2 with the usage line), or a failure with exit 2, instead of a
 * failure (exit 1); an unknown option points at `treem child --help`. */
enum { CLI_IN_ORDER = 1, CLI_ALONE = 2, CLI_BAD_USAGE = 4, CLI_BAD_2 = 8, CLI_SEE_CHILD = 16 };

/* Reads the options of argv from optind `first` on (0: from the start)
 * into rec as the table opts declares, in the order given; the words stay
 * from optind on. 0; 2 after an unknown option or a word the "" entry
 * refuses; else the exit status after a bad value (see the flags). *given
 * (when not NULL) counts the options read. */
int cli_read_opts(const struct cli_command *cmd, int argc, char **argv, int first,
                  const struct cli_opt *opts, unsigned flags, void *rec, int *given);
/* cli_read_opts from the start, then (when that went well) opens the
 * database of env: 0 with *db open, or the exit status with *db NULL. */
int cli_open_opts(const struct cli_env *env, const struct cli_command *cmd, int argc, char **argv,
                  const struct cli_opt *opts, unsigned flags, void *rec, struct db **db);
/* Opens the database of env, runs act(db, rec) and closes it: the exit
 * status act returns, or 1 (said) when the database cannot be opened. For
 * sub-commands whose options are read and checked before. */
int cli_with_db(const struct cli_env *env, int (*act)(struct db *db, const void *rec), const void *rec);
/* The end of a command that worked on db with the outcome st: closes db
 * (NULL-safe), then the exit status: 0 when st is ST_OK, else cli_fail(). */
int cli_end(struct db *db, enum status st);
/* The field of opt in rec. */
void *cli_opt_field(void *rec, const struct cli_opt *opt);

/* Prints "  label   value" with the value starting at column `col`. */
void cli_print_field(const char *label, const char *value, int col);

#endif
