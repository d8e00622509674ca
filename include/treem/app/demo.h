/* demo — a realistic demonstration database: Phường Thới Sơn, An Giang
 * (30502), the ward that took in the former Phường Nhơn Hưng of thị xã Tịnh
 * Biên (seed plan 000) in 07/2025. Its dates are relative to today. Later
 * features add their records here so the demo shows every screen. */
#ifndef TREEM_APP_DEMO_H
#define TREEM_APP_DEMO_H
#include <stdbool.h>
#include "treem/core/status.h"

#define DEMO_COMMUNE_CODE "30502"

/* Writes the demo database at path. An existing file is refused unless
 * replace is true, in which case it is deleted first. */
enum status demo_build(const char *path, bool replace);

#endif
