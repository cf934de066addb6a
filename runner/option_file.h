/* option_file.h - the file a word of a program's options names in the
 * word itself (option_file.c). */
#ifndef BUCKLE_OPTION_FILE_H
#define BUCKLE_OPTION_FILE_H
#include "../support/arena.h"

/* What the word w may name in itself, each reading in out (the first
 * the one read first), their count returned: after the first '=' that follows an
 * option's name (--require=./x.js, --x.y=./f, -Dk=./f); between a ':'
 * after the name and the next '=' (java's -javaagent:./agent.jar=opts);
 * what follows a one-letter option put right after it when it starts with
 * '.' or '/' (ruby's -r./x.rb: -rjson is a library looked for elsewhere);
 * where two forms fit, both: after the ':' and after the '=' that follows
 * (-javaagent:./a.jar=./b), after a one-letter option and after its '='
 * when that is a path.  A file: URL's path, as node reads it, in place of
 * the URL (--import=file:///x.mjs, file://localhost/x, FILE:/%78).  A
 * word that is no option (no leading '-') is itself, an option that names
 * nothing in its own word (--verbose, -rjson) is itself too: it starts
 * with '-'.  Which of these forms a given program reads is its caller's
 * to say.  In a when a part is cut out, else a pointer into w. */
#define OPTION_FILES_MAX 2
size_t runner_option_files(arena *a, const char *w, const char *out[OPTION_FILES_MAX]);

/* Whether the word v is a file: URL (the scheme in any case) */
int runner_file_url(const char *v);
#endif
