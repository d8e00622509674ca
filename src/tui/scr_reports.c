/* scr_reports — placeholder */
typedef int scr_reports_placeholder;
