/* transfer_browse — the sub-screens of Nhập/Xuất: a simple file browser
 * (directories, *.csv files and hand-off packages) that checks the chosen
 * file with a dry run and shows the summary and the first errors, then
 * imports on confirmation; with the progress of long reads drawn on the
 * status row. */
#ifndef TREEM_TUI_TRANSFER_BROWSE_H
#define TREEM_TUI_TRANSFER_BROWSE_H
#include "treem/tui/ui.h"

/* Pushed with ui_push(ui, &scr_transfer_browse_ops, NULL): starts in the
 * current directory. */
extern const struct screen_ops scr_transfer_browse_ops;

/* A progress callback for csv_read_file that draws "… nn %" on the last
 * row of the terminal (ctx is the struct ui). */
bool transfer_tui_progress(size_t done, size_t total, void *ctx);

#endif
