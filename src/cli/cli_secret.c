/* cli_secret — secrets from the environment or typed without echo. */
#include <config.h>
#include "treem/cli/cli_secret.h"
#include "treem/core/i18n.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>

/* One line typed on tty without echo (NULL at end of input). */
static char *read_hidden(FILE *tty, const char *prompt)
{
    fprintf(stderr, "%s", prompt);
    fflush(stderr);
    struct termios old, quiet;
    bool have = tcgetattr(fileno(tty), &old) == 0;
    if (have) {
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(fileno(tty), TCSAFLUSH, &quiet);
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, tty);
    if (have)
        tcsetattr(fileno(tty), TCSAFLUSH, &old);
    fputc('\n', stderr);
    if (n < 0) {
        free(line);
        return NULL;
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = '\0';
    return line;
}

char *cli_secret(const char *env, const char *prompt, bool confirm)
{
    const char *v = env ? getenv(env) : NULL;
    if (v)
        return strdup(v);
    FILE *tty = fopen("/dev/tty", "r+");
    if (!tty) {
        fprintf(stderr, _("treem: no terminal to ask for it: set %s\n"), env ? env : "");
        return NULL;
    }
    char *a = read_hidden(tty, prompt), *b = NULL;
    if (a && confirm && (b = read_hidden(tty, _("Again: "))) != NULL && strcmp(a, b) != 0) {
        fprintf(stderr, "%s\n", _("treem: the two entries differ"));
        cli_secret_free(a);
        a = NULL;
    }
    if (confirm && a && !b) {
        cli_secret_free(a);
        a = NULL;
    }
    cli_secret_free(b);
    fclose(tty);
    return a;
}

void cli_secret_free(char *s)
{
    if (!s)
        return;
    sodium_memzero(s, strlen(s));
    free(s);
}
