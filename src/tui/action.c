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

#define TOKEN_IS(tok, len, s) ((len) == sizeof(s) - 1 && memcmp((tok), (s), (len)) == 0)

/* The curses code of a function or named key of a label, 0 for none. */
static int keycode_of(const char *tok, size_t len)
{
    if (len >= 2 && len <= 3 && tok[0] == 'F' && tok[1] >= '1' && tok[1] <= '9') {
        int n = tok[1] - '0';
        if (len == 3)
            n = tok[2] >= '0' && tok[2] <= '9' ? n * 10 + (tok[2] - '0') : 0;
        const int f[] = {0, kc.f1, kc.f2, kc.f3, kc.f4, kc.f5, kc.f6, kc.f7, kc.f8, kc.f9,
                         kc.f10, 0, kc.f12};
        return n >= 1 && n <= 12 ? f[n] : 0;
    }
    const struct { const char *name; int code; } named[] = {
        {"Up", kc.up}, {"Down", kc.down}, {"Left", kc.left}, {"Right", kc.right},
        {"PgUp", kc.ppage}, {"PgDn", kc.npage}, {"Home", kc.home}, {"End", kc.end},
        {"Ins", kc.ic}, {"Del", kc.dc}, {"Backspace", kc.backspace}, {"Shift+Tab", kc.btab},
        {"Enter", kc.enter},
    };
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (strlen(named[i].name) == len && memcmp(tok, named[i].name, len) == 0)
            return named[i].code;
    return 0;
}

/* Whether the label token tok (len bytes) names the character key. */
static bool char_is(const char *tok, size_t len, int key, int *digit)
{
    if (TOKEN_IS(tok, len, "Esc"))
        return key == 27;
    if (TOKEN_IS(tok, len, "Enter"))
        return key == '\r' || key == '\n';
    if (TOKEN_IS(tok, len, "Tab"))
        return key == '\t';
    if (TOKEN_IS(tok, len, "Backspace"))
        return key == 127 || key == 8;
    if (len == 6 && memcmp(tok, "Ctrl-", 5) == 0)
        return key == (tok[5] & 0x1f);
    if (TOKEN_IS(tok, len, "1…9") && key >= '1' && key <= '9') {
        *digit = key - '0';
        return true;
    }
    if (len == 1 && key == (unsigned char)tok[0]) {
        *digit = key == '<' ? -1 : key == '>' ? 1 : 0;
        return true;
    }
    return false;
}

bool action_token_key(const char *token, size_t len, int *key, bool *is_keycode)
{
    int code = keycode_of(token, len), d = 0;
    if (code && !TOKEN_IS(token, len, "Enter") && !TOKEN_IS(token, len, "Backspace")) {
        *key = code;
        *is_keycode = true;
        return true;
    }
    static const int probe[] = {27, '\r', '\t', 127, '1'};
    for (size_t i = 0; i < sizeof probe / sizeof *probe; i++)
        if (char_is(token, len, probe[i], &d)) {
            *key = probe[i];
            *is_keycode = false;
            return true;
        }
    if (len == 6 && memcmp(token, "Ctrl-", 5) == 0) {
        *key = token[5] & 0x1f;
        *is_keycode = false;
        return true;
    }
    if (len == 1) {
        *key = (unsigned char)token[0];
        *is_keycode = false;
        return true;
    }
    return false;
}

enum action action_for_key(int key, bool is_keycode, bool text_mode, int *digit)
{
    int d = 0;
    for (int a = ACT_NONE + 1; a < ACT__COUNT; a++) {
        const char *k = defs[a].key;
        while (*k) {
            size_t len = strcspn(k, " ");
            bool hit = is_keycode ? keycode_of(k, len) == key && key != 0 : char_is(k, len, key, &d);
            if (hit) {
                if (!is_keycode && text_mode && key >= 0x20 && key != 0x7f)
                    return ACT_NONE; /* a character where text is typed is text */
                if (digit && d)
                    *digit = d;
                return (enum action)a;
            }
            k += len;
            k += strspn(k, " ");
        }
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

static int entry_width(const struct bar_entry *e)
{
    return utf8_width(e->key) + 1 + utf8_width(e->label) + 1;
}

size_t action_bar_layout(const enum action *acts, const char *const *labels, size_t n, int width,
                         struct bar_entry *out)
{
    if (!n)
        return 0;
    struct bar_entry last = {.a = acts[n - 1]};
    first_key(last.a, last.key, sizeof last.key);
    last.label = labels && labels[n - 1] ? labels[n - 1] : action_label(last.a);
    int keep = entry_width(&last), x = 0;
    size_t shown = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        struct bar_entry e = {.a = acts[i], .x = x};
        first_key(e.a, e.key, sizeof e.key);
        e.label = labels && labels[i] ? labels[i] : action_label(e.a);
        if (x + entry_width(&e) > width - keep)
            continue; /* left out: Quit keeps its room */
        out[shown++] = e;
        x += entry_width(&e);
    }
    last.x = x + keep > width ? width - keep : x;
    if (last.x >= 0)
        out[shown++] = last;
    return shown;
}

size_t action_bar(const enum action *acts, size_t n, int width, char *out, size_t outsz)
{
    struct bar_entry e[64];
    size_t shown = action_bar_layout(acts, NULL, n < 64 ? n : 64, width, e), len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < shown; i++) {
        int w = snprintf(out + len, outsz - len, "%s%s %s", i ? " " : "", e[i].key, e[i].label);
        if (w < 0 || (size_t)w >= outsz - len) {
            out[len] = '\0';
            return i;
        }
        len += (size_t)w;
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
