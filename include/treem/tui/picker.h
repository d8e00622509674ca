/* picker — chooses the value of a form's choice field from a list of any
 * length, narrowed by typing words (folded: no tone marks, any order).
 * Opened over the form by typing a letter on a choice field (or F4). */
#ifndef TREEM_TUI_PICKER_H
#define TREEM_TUI_PICKER_H
#include "treem/tui/form.h"

extern const struct screen_ops scr_picker_ops;

/* Pushes the picker for choice field `field` of f, its filter holding
 * `typed`. The form must outlive the picker (it is the screen below).
 * False when the field is no choice or the screen stack is full. */
bool picker_open(struct ui *ui, struct form *f, size_t field, const char *typed);

#endif
