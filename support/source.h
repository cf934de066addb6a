/* source.h - a source text kept in memory with a line map.  Locations are
 * byte offsets; line and column (1-based, columns in characters) are computed
 * only when printed. */
#ifndef BUCKLE_SOURCE_H
#define BUCKLE_SOURCE_H
#include <stddef.h>
#include <stdint.h>

#define BUCKLE_MAX_FILE_SIZE (64u << 20)   /* 64 MiB */

typedef struct source {
    char *name;          /* display name (as the user wrote it / repo-relative) */
    char *path;          /* path used to open it ("-" for stdin) */
    char *text;          /* NUL-terminated; may contain NUL bytes (len is exact) */
    size_t len;
    uint32_t *lines;     /* byte offset of each line start */
    size_t nlines;
    struct source *next; /* owner list */
} source;

typedef struct source_pos { uint32_t line, col; } source_pos;

/* Takes ownership of text (malloc'd). */
source *source_new(const char *name, const char *path, char *text, size_t len);
void source_free(source *s);
/* Reads a file ("-" = stdin).  Refuses non-regular files and files larger
 * than BUCKLE_MAX_FILE_SIZE.  On failure returns NULL and sets *err to a
 * static message. */
source *source_read(const char *name, const char *path, const char **err);
/* A NUL byte in the first 8 KiB: an executable, an image, an archive;
 * never a profile. */
int source_is_binary(const source *s);
source_pos source_position(const source *s, uint32_t off);
/* Line numbers for offsets visited mostly in increasing order (a file's
 * statements): counts newlines from the previous offset instead of
 * searching the line map.  Zero-initialise the cursor. */
typedef struct source_cursor { const source *s; uint32_t off, line; } source_cursor;
uint32_t source_line_no(const source *s, uint32_t off, source_cursor *cur);
/* The text of the line holding off, without its line terminator. */
const char *source_line(const source *s, uint32_t off, size_t *len);
#endif
