/* sbpl_file.h - an .sb profile read and evaluated to answer questions about
 * it (query, diff, the test tools): with the values given first, then the
 * built-in test values; (import "x") looked up in the directories given,
 * then beside the file; a profile kept in a C++ raw string is read inside
 * its quotes (docs/lint.md). */
#ifndef BUCKLE_SBPL_FILE_H
#define BUCKLE_SBPL_FILE_H
#include "../compiler/decide.h"
#include "../sbpl/sbpl_eval.h"
#include "../grammar/sexp.h"

typedef struct sbpl_file {
    arena a;
    diag_list dl;             /* what reading and evaluating found */
    source *src;
    source *imported;         /* the files its (import) forms read */
    sb_policy *pol;           /* NULL when it has errors */
    int shared_src;           /* src is an sbpl_forms' (not freed by the close) */
} sbpl_file;
/* A file's text and forms read once, for a file opened again and again
 * (buckle diff under several values): sbpl_file_open_forms with it reads
 * and parses the file the first time only.  Zeroed to start; freed by
 * sbpl_forms_free, after every file opened with it is closed. */
typedef struct sbpl_forms { arena a; source *src; sexp *top; int live; } sbpl_forms;
void sbpl_forms_free(sbpl_forms *fm);

/* Whether a top-level form is left out before evaluation (1: left out; it
 * may say so in dl), for a caller that compares the file with a profile
 * that keeps some forms unevaluated (buckle diff). */
typedef int (*sbpl_form_filter)(void *ud, const source *src, const sexp *form, diag_list *dl);

/* 0 when the file was read (f->pol is NULL if it has errors, in f->dl);
 * -1 when it cannot be read (*err says why).  sbpl_file_close either way.
 * drop: NULL keeps every form. */
int sbpl_file_open(sbpl_file *f, const char *path, const sb_param *given, size_t ngiven,
                   const char *const *dirs, size_t ndirs, sbpl_form_filter drop, void *ud, const char **err);
void sbpl_file_close(sbpl_file *f);
/* The same, with the memory taken first from pool's chunks and given back
 * to it (arena_adopt): a file opened again and again (buckle diff under
 * several values) reuses the pages already touched.  pool NULL: none. */
int sbpl_file_open_from(sbpl_file *f, arena *pool, const char *path, const sb_param *given, size_t ngiven,
                        const char *const *dirs, size_t ndirs, sbpl_form_filter drop, void *ud, const char **err);
void sbpl_file_close_to(sbpl_file *f, arena *pool);
/* sbpl_file_open_from with the text and forms of fm when it holds them
 * (the diagnostics of reading them are not said again), else read into fm
 * for the next (when they have no errors).  fm NULL: as sbpl_file_open_from. */
int sbpl_file_open_forms(sbpl_file *f, arena *pool, sbpl_forms *fm, const char *path, const sb_param *given, size_t ngiven,
                         const char *const *dirs, size_t ndirs, sbpl_form_filter drop, void *ud, const char **err);

/* The forms of src as sbpl_file_eval reads them (inside a C++ raw string
 * when the profile is kept in one), into a and dl. */
sexp *sbpl_file_read(arena *a, diag_list *dl, const source *src);

/* A parameter the forms read, by (param "NAME") or (getenv "NAME"), named
 * without a derived suffix (NAME.re is NAME), with how it is read as a
 * string: a path when its value starts a path or a regex's literal text
 * (the first string of a path filter, after "^"), a port after ':', a word
 * else; and whether it is read otherwise too (a condition, a definition:
 * where a parameter that is not passed counts).  A name bound to a
 * parameter's value, and what a helper returns (the last form of its
 * body), are read where the name is used and where the helper is called. */
typedef enum { SB_PARAM_WORD, SB_PARAM_PORT, SB_PARAM_PATH } sb_param_use;
typedef struct sb_param_read {
    const char *name;
    sb_param_use use;
    int other;                /* read other than inside a filter's string */
    int in_filter;            /* read inside a filter's string */
    span at;                  /* the first form that reads it */
} sb_param_read;
/* Each parameter the forms from top read once; their number, in *out. */
size_t sbpl_file_params(arena *a, const sexp *top, sb_param_read **out);
/* The same over the forms of the files imported (sbpl_file's imported: a
 * helper or a condition of theirs counts) and then top. */
size_t sbpl_file_params_with(arena *a, const sexp *top, const source *imported, sb_param_read **out);
/* Each parameter that src or the files it imported read inside a filter's
 * string, with no value in given nor a built-in test value: an error in dl
 * at the first form that reads it (a .buckle's parameter with no value is
 * one too).  One read only in a condition is not: there, not passed is a
 * value.  1 when there is one. */
int sbpl_file_unvalued(arena *a, diag_list *dl, const source *src, const source *imported, const sb_param *given,
                       size_t ngiven);

/* The evaluation sbpl_file_open does, on a source already read, into the
 * caller's arena and diagnostics: the values given, then the built-in test
 * values; (import) looked up in dirs, then in path's directory; a profile in
 * a C++ raw string read inside its quotes.  The files its imports read are
 * added to *imported.  NULL when it has errors. */
sb_policy *sbpl_file_eval(arena *a, diag_list *dl, const source *src, const char *path,
                          const sb_param *given, size_t ngiven, const char *const *dirs, size_t ndirs,
                          sbpl_form_filter drop, void *ud, source **imported);
#endif
