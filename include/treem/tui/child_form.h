/* child_form — the screens pushed by the Trẻ em list: the form that adds or
 * edits one child (arg: a long long * holding the id to edit, or 0 for a new
 * child, read at enter time) and the list's filter form (arg: struct
 * child_filter *). */
#ifndef TREEM_TUI_CHILD_FORM_H
#define TREEM_TUI_CHILD_FORM_H
#include "treem/tui/ui.h"
#include "treem/db/child_search.h"

/* The list's filters; the filter screen's arg points to the list's copy and
 * changes it in place (q.group points into group). */
struct child_filter {
    struct child_query q;
    char group[16];
};

extern const struct screen_ops scr_child_form_ops;
extern const struct screen_ops scr_child_filter_ops;
extern const struct screen_ops scr_child_dups_ops;

#endif
