/* cmd_child — `treem child ACTION CODE [WORDS] [OPTIONS]` for the facts of
 * a child (group, measure, check: src/cli/cmd_child_facts.c) and the
 * support (risk, help: src/cli/cmd_child_support.c): one runner that finds
 * the child and reports, each action its options and its work. */
#ifndef TREEM_CLI_CMD_CHILD_H
#define TREEM_CLI_CMD_CHILD_H
#include "treem/cli/cli.h"
#include "treem/cli/cli_args.h"
#include "treem/core/date.h"

struct child;
struct child_records;

struct child_action_args {
    struct date from, to, date;
    double weight, height;                  /* measure */
    const char *reason, *kind, *what, *by;  /* risk, help */
    const char *words[3];         /* the action's words after CODE */
    int nwords;
    const char *action, *usage;   /* "group" and its usage in the table, for errors */
};

/* Does the action on child c. */
typedef enum status (*child_act_fn)(struct db *db, const struct child *c,
                                    const struct child_action_args *a);

/* Runs `child ACTION CODE …` (argv[0] is the action): reads the words and
 * options after CODE into a struct child_action_args as opts declares (with
 * flags, see cli_read_opts), finds the child, acts (act, or when it is
 * NULL the form of records the words name: add, end until --to, today when
 * not given, or delete; else the usage error), prints "Saved CODE.";
 * the exit status. */
int cmd_child_action(const struct cli_env *env, const struct cli_command *self, int argc,
                     char **argv, const struct cli_opt *opts, unsigned flags, child_act_fn act,
                     const struct child_records *records);
/* The "" entry of an action's options: a word after CODE into a->words,
 * at most opt->value of them. */
enum status cmd_child_word(void *rec, const struct cli_opt *opt, const char *word);
/* The options every action takes: --from, --to and --date (CLI_ALSO). */
extern const struct cli_opt cmd_child_dates[];
/* The records of a child an action keeps (periods in groups, risks, help):
 * `add …` (add_nwords words with "add"), `end ID` (end; NULL: no such
 * form) and `delete ID`. */
struct child_records {
    int add_nwords;
    child_act_fn add;
    enum status (*end)(struct db *db, long long child_id, long long id, struct date to);
    enum status (*del)(struct db *db, long long child_id, long long id);
};
/* ST_INVALID "expected: ACTION USAGE" for words that fit none of its forms. */
enum status cmd_child_wrong_words(const struct child_action_args *a);
/* The record number a word names ("12" or "#12"), 0 when it names none. */
long long cmd_child_id_word(const char *w);

#endif
