/* action — the key table, its look-up, and the bar/help text built from it. */
#include <config.h>
#include "treem/tui/action.h"
#include "treem/core/i18n.h"
#include "treem/core/utf8.h"

#include <stdio.h>
#include <string.h>

struct action_def { const char *key, *label, *help; };

static const struct action_def defs[ACT__COUNT] = {
    [ACT_NONE] = {"", "", ""},
#define X(id, key, label, help) [id] = {key, label, help},
    TREEM_ACTIONS(X)
#undef X
};

static struct action_keycodes kc = {
    /* sensible defaults (xterm-like curses codes) until set */
    .f1 = 0411, .f2 = 0412, .f3 = 0413, .f4 = 0414, .f5 = 0415, .f6 = 0416, .f7 = 0417,
    .f8 = 0420, .f9 = 0421, .f10 = 0422, .f12 = 0424, .up = 0403, .down = 0402, .left = 0404,
    .right = 0405, .ppage = 0523, .npage = 0522, .home = 0406, .end = 0550, .ic = 0513,
    .dc = 0512, .backspace = 0407, .btab = 0541, .enter = 0527,
};

void action_set_keycodes(const struct action_keycodes *k) { kc = *k; }

static enum action for_keycode(int key)
{
    const struct { int code; enum action a; } map[] = {
        {kc.f1, ACT_HELP}, {kc.f2, ACT_SAVE}, {kc.f3, ACT_NEW}, {kc.f4, ACT_EDIT},
        {kc.f5, ACT_FILTER}, {kc.f6, ACT_COPY}, {kc.f7, ACT_DONE}, {kc.f8, ACT_DELETE},
        {kc.f9, ACT_MENU}, {kc.f10, ACT_QUIT}, {kc.f12, ACT_CALENDAR},
        {kc.up, ACT_UP}, {kc.down, ACT_DOWN}, {kc.left, ACT_LEFT}, {kc.right, ACT_RIGHT},
        {kc.ppage, ACT_PGUP}, {kc.npage, ACT_PGDN}, {kc.home, ACT_HOME}, {kc.end, ACT_END},
        {kc.ic, ACT_NEW}, {kc.dc, ACT_DELETE}, {kc.backspace, ACT_BACKSPACE},
        {kc.btab, ACT_PREV_FIELD}, {kc.enter, ACT_OPEN},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (map[i].code == key)
            return map[i].a;
    return ACT_NONE;
}

enum action action_for_key(int key, bool is_keycode, bool text_mode, int *digit)
{
    if (is_keycode)
        return for_keycode(key);
    switch (key) {
    case 27: return ACT_BACK;
    case '\n': case '\r': return ACT_OPEN;
    case '\t': return ACT_NEXT_FIELD;
    case 127: case 8: return ACT_BACKSPACE;
    case 4: return ACT_DELCHAR;       /* Ctrl-D */
    case 21: return ACT_CLEAR;        /* Ctrl-U */
    case 12: return ACT_REDRAW;       /* Ctrl-L */
    case 7: return ACT_FACTS;         /* Ctrl-G */
    case 18: return ACT_SCALES;       /* Ctrl-R */
    case 1: return ACT_HOME;          /* Ctrl-A */
    case 5: return ACT_END;           /* Ctrl-E */
    default: break;
    }
    if (text_mode)
        return ACT_NONE;
    switch (key) {
    case '?': return ACT_HELP;
    case 'q': case 'Q': return ACT_QUIT;
    case '/': return ACT_SEARCH;
    case 'k': return ACT_UP;
    case 'j': return ACT_DOWN;
    case 'c': case 'C': return ACT_CLASS;
    case '<': case '>':
        if (digit)
            *digit = key == '<' ? -1 : 1;
        return ACT_YEAR;
    default: break;
    }
    if (key >= '1' && key <= '9') {
        if (digit)
            *digit = key - '0';
        return ACT_JUMP;
    }
    return ACT_NONE;
}

const char *action_key(enum action a)
{
    return (unsigned)a < ACT__COUNT ? defs[a].key : "";
}

const char *action_label(enum action a)
{
    return (unsigned)a < ACT__COUNT ? _(defs[a].label) : "";
}

const char *action_help(enum action a)
{
    return (unsigned)a < ACT__COUNT ? _(defs[a].help) : "";
}

/* The first key of a label ("F10 q" → "F10"): the bar shows one key. */
static void first_key(enum action a, char *out, size_t outsz)
{
    const char *k = action_key(a);
    size_t n = strcspn(k, " ");
    if (n >= outsz)
        n = outsz - 1;
    memcpy(out, k, n);
    out[n] = '\0';
}

size_t action_bar(const enum action *acts, size_t n, int width, char *out, size_t outsz)
{
    size_t shown = 0, len = 0;
    int used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        char key[16], entry[128];
        first_key(acts[i], key, sizeof key);
        snprintf(entry, sizeof entry, "%s%s %s", shown ? " " : "", key, action_label(acts[i]));
        int w = utf8_width(entry);
        size_t elen = strlen(entry);
        if (used + w > width || len + elen + 1 > outsz)
            break;
        memcpy(out + len, entry, elen + 1);
        len += elen;
        used += w;
        shown++;
    }
    return shown;
}

bool action_help_line(const enum action *acts, size_t n, size_t i, char *out, size_t outsz)
{
    if (i >= n)
        return false;
    snprintf(out, outsz, "%-8s %s", action_key(acts[i]), action_help(acts[i]));
    return true;
}
