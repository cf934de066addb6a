/* profile_cache.h - compiled profiles kept in the protected run cache directory
 * so that `buckle run` does not lint and compile an unchanged profile again
 * (docs/runner.md, "The run cache").  An entry records every input the
 * compilation depended on: each file read (path, size, digest of its bytes)
 * and each extends candidate looked at (present or not).  It is used only when
 * every one of them is unchanged; anything unreadable or malformed is a miss. */
#ifndef BUCKLE_PROFILE_CACHE_H
#define BUCKLE_PROFILE_CACHE_H
#include "../support/arena.h"
#include "../compiler/compile.h"
#include <stddef.h>
#include <stdint.h>

#define CACHE_MAX_AGE_SECONDS (24 * 60 * 60)

typedef struct cache_param {
    const char *name;
    const char *def;              /* declared default (a template), or NULL */
} cache_param;

typedef struct cache_entry {
    const char *profile;          /* the compiled SBPL, without the protection (to store) */
    size_t len;
    int fd;                       /* a loaded entry: open, the profile at body_off */
    uint64_t body_off;
    uint64_t body_digest;         /* a loaded entry: what the profile's bytes must digest to */
    uint64_t state;               /* a loaded entry: its file as it is now (key, digest, device,
                                   * inode, size, mtime, ctime), the name of its "vb-" mark */
    cache_param *params;          /* the parameters the profile uses */
    size_t nparams;
    const char **files;           /* the files read, with size and digest */
    uint64_t *digests;
    size_t *sizes;
    size_t nfiles;
    file_probe *probes;           /* extends candidates looked at */
    size_t nprobes;
} cache_entry;

/* The key: a digest of the strings that decide the result besides the files
 * (version, executable, working directory, profile, options, -D values). */
uint64_t cache_key(const char *const *parts, size_t n);

/* 0 and *out filled (in a) when DIR holds a valid entry for key whose inputs
 * are all unchanged: out->fd is open (the caller closes it) and the profile
 * is its len bytes at body_off.  -1 otherwise. */
int cache_load(int dirfd, uint64_t key, arena *a, cache_entry *out);

/* Writes the entry under a temporary name and renames it into place, so a
 * reader sees a whole entry or none.  0, or -1 (the run goes on without). */
int cache_store(int dirfd, uint64_t key, const cache_entry *e);

/* "ok-V" marks: the profile text, parameters and command digested to v were
 * checked by the evaluator before (see profile_cache.c). */
int cache_verdict_has(int dirfd, uint64_t v);
void cache_verdict_put(int dirfd, uint64_t v);

/* "vb-" marks: the entry file in exactly the state e.state names had a
 * profile that matched its digest, so a run that finds the mark copies the
 * profile without digesting it again.  Any change to the file moves its
 * ctime, which no user can set, so a changed or replaced entry never finds
 * a mark (see profile_cache.c). */
int cache_body_checked(int dirfd, const cache_entry *e);
void cache_body_checked_put(int dirfd, const cache_entry *e);

/* "cache-HEX16.bc", that with ".tmp-HEX16" (an interrupted store), "ok-HEX16",
 * "vb-HEX16", "vs-HEX16" (the files an entry depends on, unchanged since they
 * were read whole: cache_load). */
int cache_name_matches(const char *name);
#endif
