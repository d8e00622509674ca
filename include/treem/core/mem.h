/* mem — the memory of the plain arrays and structs of the program, in one
 * place: growing an array by doubling, and freeing the strings a struct
 * owns, described once as data (the offsets of its char * members). */
#ifndef TREEM_CORE_MEM_H
#define TREEM_CORE_MEM_H
#include <stdbool.h>
#include <stddef.h>

/* Reallocates the array *arr (arr is the address of a pointer) to n
 * elements of size bytes. False, with *arr as it was, when memory runs out
 * or n * size overflows. */
bool mem_resize(void *arr, size_t n, size_t size);

/* The capacity for at least need elements: cap doubled (from first when
 * cap is 0; from 1 when first is 0 too) as often as it takes; 0 when that
 * overflows. */
size_t mem_next_cap(size_t cap, size_t need, size_t first);

/* Makes *arr (of size-byte elements, room for *cap) hold at least need:
 * when it does not, *cap grows by mem_next_cap. False, with *arr and *cap
 * as they were, when memory runs out. */
bool mem_reserve(void *arr, size_t *cap, size_t need, size_t size, size_t first);

/* A struct of `size` bytes whose memory is its char * members at the n
 * offsets off[] (offsetof). */
struct mem_strings {
    size_t size;
    size_t n;
    const size_t *off;
};

#define MEM_STRINGS(type, offs) {sizeof(type), sizeof(offs) / sizeof *(offs), offs}

/* Frees the strings of obj (not obj itself) and zeroes it. */
void mem_strings_clear(const struct mem_strings *s, void *obj);
/* Clears each of the n elements of list, then frees list (NULL-safe). */
void mem_strings_list_free(const struct mem_strings *s, void *list, size_t n);

#endif
