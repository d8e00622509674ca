/* department — a department or body of the commune (ban ngành) that carries
 * out tasks and answers for criteria of QĐ 06: the struct and its
 * validation. The list itself is data (table department of schema 001),
 * seeded from assets/departments_default.csv and edited by the officer. */
#ifndef TREEM_MODEL_DEPARTMENT_H
#define TREEM_MODEL_DEPARTMENT_H
#include <stdbool.h>
#include <stddef.h>
#include "treem/core/status.h"

struct department {
    long long id;
    char *code;       /* short stable code ("congan"), may be NULL */
    char *name;       /* "Công an xã" */
    char *contact;    /* contact person, may be "" */
    char *phone;      /* may be "" */
    char *criteria;   /* criteria it answers for, normalised "3,4,5.1" */
    bool active;
};

void department_clear(struct department *d);
void department_list_free(struct department *list, size_t n);

/* Checks a department before saving: name present, texts valid UTF-8 and
 * not over-long, phone made of digits (with spaces, '.', '-', '+', '(' and
 * ')'), criteria well formed (task_criteria_normalize). ST_INVALID with a
 * message starting with the field's name. */
enum status department_validate(const struct department *d);

#endif
