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

/* Makes room in *arr (holding n elements of size bytes, room for *cap) for
 * one more: when full, *cap doubles (from `first` when 0). False, with *arr
 * and *cap as they were, when memory runs out. */
bool mem_grow(void *arr, size_t n, size_t *cap, size_t size, size_t first);

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
