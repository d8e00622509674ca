/* path — file names as people type them in the interface: "~/tre-em.xlsx"
 * means the home folder, and a file written is reported by its full path. */
#ifndef TREEM_CORE_PATH_H
#define TREEM_CORE_PATH_H

/* path with a leading "~" or "~/" replaced by $HOME (the text itself when
 * there is no such prefix or no HOME). Caller frees; NULL: no memory. */
char *path_expand(const char *path);

/* The absolute form of path (the current folder in front of a relative
 * one; "." and ".." parts kept out when the folder exists). Caller frees;
 * NULL: no memory. */
char *path_absolute(const char *path);

/* dir and name with one '/' between them ("/home/an" + "treem.db"; no
 * second '/' after a dir that ends in one: "/" + "tmp" is "/tmp"). Caller
 * frees; NULL: no memory. */
char *path_join(const char *dir, const char *name);

#endif
