/* cli_secret — passphrases and passwords for the commands: from an
 * environment variable (scripts, tests) or typed at the terminal without
 * echo. */
#ifndef TREEM_CLI_CLI_SECRET_H
#define TREEM_CLI_CLI_SECRET_H
#include <stdbool.h>

/* The secret: the value of environment variable env when set, else typed
 * on /dev/tty after prompt, without echo (twice when confirm, and both must
 * match). Returns a new string (free with cli_secret_free), or NULL after
 * printing why (no terminal, the two differ, end of input). */
char *cli_secret(const char *env, const char *prompt, bool confirm);
/* Wipes and frees a secret. */
void cli_secret_free(char *s);

#endif
