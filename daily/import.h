/* import.h - `buckle import`: an existing profile as a .buckle file.
 *   import_sb:  an SBPL profile, rule by rule into sections, checked to
 *               decide like the original (daily/import_sb.c);
 *   import_srt: srt's settings into a profile extending std/base
 *               (daily/import_srt.c). */
#ifndef BUCKLE_IMPORT_H
#define BUCKLE_IMPORT_H
#include "../compiler/compile.h"
#include "../support/strbuf.h"

/* src holds srt's JSON: a settings.json, or a benchmark configuration with
 * its generatorInput.  Appends the profile to out; 0, or 1 with the errors
 * in dl (file:line:col).  co: where std/ is (the result is linted). */
int import_srt(strbuf *out, diag_list *dl, const source *src, const compile_opts *co);

typedef struct import_sb_opts {
    const compile_opts *copts;   /* for compiling the result to check it */
    const char *const *import_dirs;
    size_t nimport;
} import_sb_opts;

/* src holds SBPL.  Appends the .buckle text to out; 0, or 1 with the errors
 * in dl (the original does not evaluate, or no import decides like it). */
int import_sb(strbuf *out, diag_list *dl, const source *src, const import_sb_opts *o);
#endif
