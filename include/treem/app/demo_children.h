/* demo_children — a realistic, made-up register of children for the demo
 * commune and the benchmarks: Vietnamese names (Kinh and Gia Lai's minority
 * peoples), ages spread over 0–17 years (so some are past 16), birth
 * registration, insurance, schooling, some children in special
 * circumstances with periods, under-5 measurements (a few malnourished) and
 * health checks. Deterministic: the same seed and today give the same
 * register. */
#ifndef TREEM_APP_DEMO_CHILDREN_H
#define TREEM_APP_DEMO_CHILDREN_H
#include <stdbool.h>
#include "treem/db/db.h"
#include "treem/core/date.h"

/* Adds n children spread over the database's villages, ages relative to
 * today, inside the caller's transaction (the commune and villages must be
 * set up), each with its "create" audit line by the officer. Every record
 * passes child_validate(); ST_INVALID (a bug in the generator) otherwise. */
enum status demo_children_add(struct db *db, int n, unsigned long long seed, struct date today);

#endif
