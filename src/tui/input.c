/* input — one key from the terminal: Esc told from Alt+digit and from
 * sequences the terminal description does not know, and a bracketed paste
 * (ESC[200~ … ESC[201~) collected whole as text, whatever bytes it holds. */
#include <config.h>
#include "treem/tui/ui.h"
#include "treem/core/utf8.h"

#include <stdlib.h>
#include <string.h>

#define PASTE_WAIT_MS 1000 /* a paste whose end never comes ends here */
#define PASTE_MAX (1u << 20)

/* The parameters and final byte of a CSI sequence after ESC '['. */
static int read_csi(WINDOW *w, char *params, size_t cap)
{
    size_t n = 0;
    wint_t c;
    wtimeout(w, 50);
    int kind;
    while ((kind = wget_wch(w, &c)) == OK && !(c >= 0x40 && c <= 0x7e)) {
        if (n + 1 < cap)
            params[n++] = (char)c;
    }
    wtimeout(w, -1);
    params[n] = '\0';
    return kind == OK ? (int)c : -1;
}

static void paste_add(char **buf, size_t *len, size_t *cap, wint_t c)
{
    char enc[8];
    if (c == '\t' || c == '\n' || c == '\r')
        c = ' ';
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || *len + 8 >= PASTE_MAX)
        return; /* control characters never reach a field */
    int n = utf8_encode((long)c, enc);
    if (n <= 0)
        return;
    if (*len + (size_t)n + 1 > *cap) {
        size_t nc = *cap ? *cap * 2 : 256;
        char *nb = realloc(*buf, nc);
        if (!nb)
            return;
        *buf = nb;
        *cap = nc;
    }
    memcpy(*buf + *len, enc, (size_t)n);
    *len += (size_t)n;
    (*buf)[*len] = '\0';
}

/* After ESC[200~: everything up to ESC[201~ (or a second of silence). */
static char *read_paste(WINDOW *w)
{
    char *buf = NULL, params[16];
    size_t len = 0, cap = 0;
    for (;;) {
        wint_t c;
        wtimeout(w, PASTE_WAIT_MS);
        int kind = wget_wch(w, &c);
        wtimeout(w, -1);
        if (kind == ERR)
            break;
        if (kind == KEY_CODE_YES)
            continue; /* a key sequence inside the paste: dropped */
        if (c == 27) {
            wtimeout(w, 50);
            int k2 = wget_wch(w, &c);
            wtimeout(w, -1);
            if (k2 == OK && c == '[') {
                if (read_csi(w, params, sizeof params) == '~' && strcmp(params, "201") == 0)
                    break;
                continue; /* a control sequence inside the paste: dropped */
            }
            if (k2 == OK)
                paste_add(&buf, &len, &cap, c); /* a lone ESC byte: dropped */
            continue;
        }
        paste_add(&buf, &len, &cap, c);
    }
    return buf ? buf : strdup("");
}

enum ui_key ui_get_key(struct ui *ui, WINDOW *w, wint_t *wc)
{
    int kind = wget_wch(w, wc);
    if (kind == ERR)
        return UK_NONE;
    if (kind == KEY_CODE_YES)
        return UK_CODE;
    if (*wc != 27)
        return UK_CHAR;
    wint_t next;
    wtimeout(w, 0);
    int k2 = wget_wch(w, &next);
    wtimeout(w, -1);
    if (k2 == OK && next >= '1' && next <= '9') {
        *wc = next; /* Alt+digit arrives as ESC and the digit at once */
        return UK_ALT_DIGIT;
    }
    if (k2 == OK && (next == '[' || next == 'O')) {
        /* a paste, or a key the terminal description does not know (e.g.
         * Home under a wrong TERM): never Esc (which would leave) plus text */
        char params[16];
        int final = read_csi(w, params, sizeof params);
        if (next == '[' && final == '~' && strcmp(params, "200") == 0) {
            free(ui->paste);
            ui->paste = read_paste(w);
            return UK_PASTE;
        }
        return UK_SWALLOWED;
    }
    if (k2 == KEY_CODE_YES)
        ungetch((int)next);
    else if (k2 == OK)
        unget_wch(next);
    return UK_ESC;
}
