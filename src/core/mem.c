/* mem — growing arrays, freeing the strings of plain structs. */
#include <config.h>
#include "treem/core/mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* arr is the address of a T * for any object type T: read and written
 * with memcpy, not through a void ** (which would alias a T *). */
bool mem_resize(void *arr, size_t n, size_t size)
{
    void *old;
    memcpy(&old, arr, sizeof old);
    if (size && n > SIZE_MAX / size)
        return false;
    void *np = realloc(old, n && size ? n * size : 1);
    if (!np)
        return false;
    memcpy(arr, &np, sizeof np);
    return true;
}

size_t mem_next_cap(size_t cap, size_t need, size_t first)
{
    size_t c = cap ? cap : first ? first : 1;
    while (c < need) {
        if (c > SIZE_MAX / 2)
            return 0;
        c *= 2;
    }
    return c;
}

bool mem_reserve(void *arr, size_t *cap, size_t need, size_t size, size_t first)
{
    if (need <= *cap)
        return true;
    size_t c = mem_next_cap(*cap, need, first);
    if (!c || !mem_resize(arr, c, size))
        return false;
    *cap = c;
    return true;
}

void mem_strings_clear(const struct mem_strings *s, void *obj)
{
    char *base = obj;
    for (size_t i = 0; i < s->n; i++)
        free(*(char **)(base + s->off[i]));
    memset(obj, 0, s->size);
}

void mem_strings_list_free(const struct mem_strings *s, void *list, size_t n)
{
    char *base = list;
    for (size_t i = 0; base && i < n; i++)
        mem_strings_clear(s, base + i * s->size);
    free(list);
}
