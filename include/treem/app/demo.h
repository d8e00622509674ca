/* demo — a realistic demonstration database (Phường An Nhơn Đông, Gia Lai,
 * the ward that took in the former Phường Nhơn Hưng of seed plan 000). Later
 * features add their records here so the demo shows every screen. */
#ifndef TREEM_APP_DEMO_H
#define TREEM_APP_DEMO_H
#include <stdbool.h>
#include "treem/core/status.h"

#define DEMO_COMMUNE_CODE "21934"

/* Writes the demo database at path. An existing file is refused unless
 * replace is true, in which case it is deleted first. */
enum status demo_build(const char *path, bool replace);

#endif
