/* option_file.h - the file a word of a program's options names in the
 * word itself (option_file.c). */
#ifndef BUCKLE_OPTION_FILE_H
#define BUCKLE_OPTION_FILE_H
#include "../support/arena.h"

/* What the word w names in itself: after the first '=' that follows an
 * option's name (--require=./x.js, --x.y=./f, -Dk=./f); between a ':'
 * after the name and the next '=' (java's -javaagent:./agent.jar=opts);
 * what follows a one-letter option put right after it when it starts with
 * '.' or '/' (ruby's -r./x.rb: -rjson is a library looked for elsewhere).
 * A file: URL's path in place of the URL (--import=file:///x.mjs).  A
 * word that is no option (no leading '-') is itself, an option that names
 * nothing in its own word (--verbose, -rjson) is itself too: it starts
 * with '-'.  Which of these forms a given program reads is its caller's
 * to say.  In a when a part is cut out, else a pointer into w. */
const char *runner_option_file(arena *a, const char *w);
#endif
