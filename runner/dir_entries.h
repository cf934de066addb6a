/* dir_entries.h - the entries of a directory, sorted by name, to be
 * compared with what is there after the run (dir_entries.c). */
#ifndef BUCKLE_DIR_ENTRIES_H
#define BUCKLE_DIR_ENTRIES_H
#include <stddef.h>

/* One entry of a directory. */
typedef struct dir_entry {
    char *name;                   /* malloc'd */
    unsigned long long dev, ino;  /* with DIR_ENTRIES_STAT, lstat's; else the inode readdir gives and dev 0 */
    long long cs, cns;            /* its change time (DIR_ENTRIES_STAT) */
    int dir;                      /* a directory (DIR_ENTRIES_STAT) */
} dir_entry;

enum {
    DIR_ENTRIES_NOFOLLOW = 1,     /* dir itself a link: it cannot be read */
    DIR_ENTRIES_STAT = 2,         /* lstat each entry; one that cannot be is left out */
};

/* dir's entries but "." and "..", and the names of skip (NULL-ended, or
 * NULL), sorted by name, into *out (malloc'd) and *n; -1 when dir cannot be
 * read, or holds more than max entries (0: no bound). */
int runner_dir_entries(const char *dir, unsigned flags, const char *const *skip, size_t max, dir_entry **out,
                       size_t *n);
/* Orders two dir_entry by name (for bsearch in what runner_dir_entries gave). */
int runner_dir_entry_cmp(const void *x, const void *y);
void runner_dir_entries_free(dir_entry *v, size_t n);
#endif
