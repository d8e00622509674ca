/* demo_plans — the plans of the demonstration ward: a 2025 plan modelled on
 * the real plan of Phường Nhơn Hưng for 2024 (seeds/000) — targets, the
 * tasks of each department with the criteria it answers for, the year's
 * events, report deadlines 15/5 and 15/11 — and its copy for 2026, partly
 * carried out. Deterministic: the same records every time. */
#ifndef TREEM_APP_DEMO_PLANS_H
#define TREEM_APP_DEMO_PLANS_H
#include "treem/db/db.h"

/* Adds the demo plans, inside the caller's transaction (demo_build). */
enum status demo_plans_fill(struct db *db);

#endif
