/* screens — every screen of the interface, one file each under src/tui/. */
#ifndef TREEM_TUI_SCREENS_H
#define TREEM_TUI_SCREENS_H
#include "treem/tui/ui.h"

extern const struct screen_ops scr_home_ops;      /* Trang chủ */
extern const struct screen_ops scr_children_ops;  /* Trẻ em */
extern const struct screen_ops scr_cases_ops;     /* Vụ việc */
extern const struct screen_ops scr_plans_ops;     /* Kế hoạch */
extern const struct screen_ops scr_tasks_ops;     /* Nhiệm vụ */
extern const struct screen_ops scr_criteria_ops;  /* Tiêu chí */
extern const struct screen_ops scr_reports_ops;   /* Báo cáo */
extern const struct screen_ops scr_transfer_ops;  /* Nhập/Xuất */
extern const struct screen_ops scr_settings_ops;  /* Cài đặt */
extern const struct screen_ops scr_help_ops;      /* F1 */
extern const struct screen_ops scr_setup_ops;     /* first run */

#endif
