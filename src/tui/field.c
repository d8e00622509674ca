/* field — one-line editor logic (no curses). */
#include <config.h>
#include "treem/tui/field.h"
#include "treem/core/mem.h"
#include "treem/core/utf8.h"

#include <stdlib.h>
#include <string.h>

/* Room for need bytes and a NUL. */
static bool reserve(struct field *f, size_t need)
{
    return mem_reserve(&f->text, &f->cap, need + 1, 1, 32);
}

bool field_init(struct field *f, const char *initial, size_t max_chars)
{
    memset(f, 0, sizeof *f);
    f->max_chars = max_chars;
    if (!reserve(f, 0))
        return false;
    f->text[0] = '\0';
    return field_set(f, initial ? initial : "");
}

void field_free(struct field *f)
{
    free(f->text);
    memset(f, 0, sizeof *f);
}

const char *field_text(const struct field *f) { return f->text ? f->text : ""; }

/* Byte offset of the n-th character boundary of the text. */
static size_t offset_of_char(const struct field *f, size_t n)
{
    size_t pos = 0;
    while (n-- > 0 && pos < f->len)
        pos = utf8_next_char(f->text, f->len, pos);
    return pos;
}

/* Characters in the first `bytes` bytes. */
static size_t chars_before(const char *s, size_t bytes)
{
    size_t pos = 0, n = 0;
    while (pos < bytes) {
        pos = utf8_next_char(s, bytes, pos);
        n++;
    }
    return n;
}

/* Normalises the whole text to NFC, keeping the cursor on the same
 * character; returns false (text unchanged) when it is not valid UTF-8. */
static bool normalise(struct field *f)
{
    size_t at = chars_before(f->text, f->cursor);
    char *nfc = utf8_nfc(f->text);
    if (!nfc)
        return false;
    size_t n = strlen(nfc);
    if (!reserve(f, n)) {
        free(nfc);
        return false;
    }
    memcpy(f->text, nfc, n + 1);
    free(nfc);
    f->len = n;
    f->cursor = offset_of_char(f, at);
    return true;
}

bool field_set(struct field *f, const char *text)
{
    size_t n = strlen(text);
    if (!reserve(f, n))
        return false;
    memcpy(f->text, text, n + 1);
    f->len = n;
    f->cursor = n;
    f->scroll = 0;
    if (!normalise(f)) {
        f->text[0] = '\0';
        f->len = f->cursor = 0;
    }
    f->cursor = f->len;
    f->changed = false;
    return true;
}

bool field_insert(struct field *f, const char *utf8)
{
    /* drop control characters: a field is one line */
    size_t n = 0, in = strlen(utf8);
    char *clean = malloc(in + 1);
    if (!clean)
        return false;
    for (size_t i = 0; i < in; i++)
        if ((unsigned char)utf8[i] >= 0x20 && utf8[i] != 0x7f)
            clean[n++] = utf8[i];
    clean[n] = '\0';
    if (n && f->max_chars && utf8_valid(clean, n)) {
        /* a paste longer than the room left: as much as fits (the caller
         * says so), never nothing */
        size_t have = utf8_char_count(f->text), room = f->max_chars > have ? f->max_chars - have : 0;
        size_t cut = 0;
        for (size_t k = 0; k < room && cut < n; k++)
            cut = utf8_next_char(clean, n, cut);
        n = cut;
        clean[n] = '\0';
    }
    if (n == 0 || !utf8_valid(clean, n) || !reserve(f, f->len + n)) {
        free(clean);
        return false;
    }
    char *saved = strdup(f->text);
    size_t saved_len = f->len, saved_cursor = f->cursor;
    memmove(f->text + f->cursor + n, f->text + f->cursor, f->len - f->cursor + 1);
    memcpy(f->text + f->cursor, clean, n);
    f->len += n;
    f->cursor += n;
    free(clean);
    bool ok = normalise(f) && (f->max_chars == 0 || utf8_char_count(f->text) <= f->max_chars);
    if (!ok && saved) { /* undo */
        memcpy(f->text, saved, saved_len + 1);
        f->len = saved_len;
        f->cursor = saved_cursor;
    }
    free(saved);
    if (ok)
        f->changed = true;
    return ok;
}

bool field_insert_cp(struct field *f, long cp)
{
    char buf[8];
    if (cp <= 0 || cp > 0x10FFFF)
        return false;
    utf8_encode(cp, buf);
    return field_insert(f, buf);
}

void field_left(struct field *f) { f->cursor = utf8_prev_char(f->text, f->len, f->cursor); }
void field_right(struct field *f) { f->cursor = utf8_next_char(f->text, f->len, f->cursor); }
void field_home(struct field *f) { f->cursor = 0; }
void field_end(struct field *f) { f->cursor = f->len; }

static void erase_range(struct field *f, size_t from, size_t to)
{
    if (to <= from)
        return;
    memmove(f->text + from, f->text + to, f->len - to + 1);
    f->len -= to - from;
    f->cursor = from;
    f->changed = true;
}

void field_backspace(struct field *f)
{
    erase_range(f, utf8_prev_char(f->text, f->len, f->cursor), f->cursor);
}

void field_delete(struct field *f)
{
    erase_range(f, f->cursor, utf8_next_char(f->text, f->len, f->cursor));
}

bool field_handle(struct field *f, enum action a)
{
    switch (a) {
    case ACT_LEFT: field_left(f); return true;
    case ACT_RIGHT: field_right(f); return true;
    case ACT_HOME: field_home(f); return true;
    case ACT_END: field_end(f); return true;
    case ACT_BACKSPACE: field_backspace(f); return true;
    case ACT_DELCHAR: field_delete(f); return true;
    case ACT_CLEAR:
        if (f->len)
            erase_range(f, 0, f->len);
        return true;
    default: return false;
    }
}

/* Display columns of the bytes [from, to). */
static int cols_between(const struct field *f, size_t from, size_t to)
{
    char *tmp = strndup(f->text + from, to - from);
    int w = tmp ? utf8_width(tmp) : 0;
    free(tmp);
    return w;
}

void field_view(struct field *f, int width, size_t *start, size_t *end, int *cursor_col)
{
    if (width < 2)
        width = 2;
    if (f->scroll > f->cursor)
        f->scroll = f->cursor;
    /* keep one column free for the cursor after the last character */
    while (cols_between(f, f->scroll, f->cursor) > width - 1)
        f->scroll = utf8_next_char(f->text, f->len, f->scroll);
    *start = f->scroll;
    *end = f->scroll + utf8_fit_cols(f->text + f->scroll, width);
    *cursor_col = cols_between(f, f->scroll, f->cursor);
}
