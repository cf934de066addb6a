/* import.h - `buckle import`: an existing profile as a .buckle file.
 *   import_sb:  an SBPL profile, rule by rule into sections, checked to
 *               decide like the original (daily/import_sb.c);
 *   import_srt: srt's settings into a profile extending std/base
 *               (daily/import_srt.c). */
#ifndef BUCKLE_IMPORT_H
#define BUCKLE_IMPORT_H
#include "../compiler/compile.h"
#include "../support/strbuf.h"
#include "../seatbelt/request.h"

/* src holds srt's JSON: a settings.json, or a benchmark configuration with
 * its generatorInput.  Appends the profile to out; 0, or 1 with the errors
 * in dl (file:line:col).  co: where std/ is (the result is linted). */
int import_srt(strbuf *out, diag_list *dl, const source *src, const compile_opts *co);

typedef struct import_sb_opts {
    const compile_opts *copts;   /* for compiling the result to check it */
    const char *const *import_dirs;
    size_t nimport;
    const sb_param *given;       /* -D NAME=VALUE: written for these values (expanded) */
    size_t ngiven;
    const char *const *unset;    /* -U NAME: written for NAME not passed ((param "NAME") is #f) */
    size_t nunset;
    source **sources;            /* the files (import ...) read are added here: the
                                    diagnostics may point into them; NULL frees them */
} import_sb_opts;

/* src holds SBPL (or a C++ raw string literal holding it).  Appends the
 * .buckle text to out; 0, or 1 with the errors in dl (the original does not
 * evaluate, its rules depend on a parameter that is not given, or no import
 * decides like it).  (import ...) is followed in the file's directory and
 * the import dirs. */
int import_sb(strbuf *out, diag_list *dl, const source *src, const import_sb_opts *o);
#endif
