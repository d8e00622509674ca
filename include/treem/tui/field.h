/* field — a one-line text editor that is correct with Vietnamese: the text
 * is kept in NFC (a tone mark typed or pasted separately joins its letter),
 * the cursor moves by user-perceived character, and the visible part is
 * chosen by display columns. The editing logic has no curses in it, so it
 * is tested headless; field_draw() is in field_draw.c. */
#ifndef TREEM_TUI_FIELD_H
#define TREEM_TUI_FIELD_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/tui/action.h"

struct field {
    char *text;        /* NUL-terminated UTF-8, NFC */
    size_t len, cap;
    size_t cursor;     /* byte offset, always on a character boundary */
    size_t scroll;     /* first byte shown */
    size_t max_chars;  /* 0 = no limit */
    bool changed;      /* edited since field_set/field_init */
};

/* initial may be NULL. Returns false when memory runs out. */
bool field_init(struct field *f, const char *initial, size_t max_chars);
void field_free(struct field *f);
/* Replaces the text (normalised) and puts the cursor at its end. */
bool field_set(struct field *f, const char *text);
const char *field_text(const struct field *f);

/* Inserts UTF-8 text at the cursor (control characters dropped), then
 * normalises to NFC keeping the cursor after the inserted characters.
 * Text longer than the room max_chars leaves is cut to fit; false when
 * nothing could be inserted. */
bool field_insert(struct field *f, const char *utf8);
/* Inserts one code point. */
bool field_insert_cp(struct field *f, long cp);

void field_left(struct field *f);
void field_right(struct field *f);
void field_home(struct field *f);
void field_end(struct field *f);
void field_backspace(struct field *f);
void field_delete(struct field *f);

/* Applies an editing action (Left, Right, Home, End, Backspace, Ctrl-D);
 * returns true when the action was an editing one. */
bool field_handle(struct field *f, enum action a);

/* For a box of width columns: adjusts f->scroll so the cursor is visible
 * and returns the byte range to show and the cursor's column in it. */
void field_view(struct field *f, int width, size_t *start, size_t *end, int *cursor_col);

#endif
