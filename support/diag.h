/* diag.h - diagnostics are data: queued in one list, rendered by one renderer. */
#ifndef BUCKLE_DIAG_H
#define BUCKLE_DIAG_H
#include "arena.h"
#include "codes.h"
#include "source.h"
#include "strbuf.h"
#include <stdint.h>

typedef enum { SEV_ERROR, SEV_WARNING, SEV_INFO, SEV_STYLE, SEV_NOTE } severity;

typedef struct span {
    const source *src;      /* NULL: no location (command line, I/O) */
    uint32_t start, end;    /* byte offsets, end exclusive */
} span;

typedef struct diag_note {
    span at;
    const char *msg;
    struct diag_note *next;
} diag_note;

typedef struct diag {
    severity sev;
    const char *code;       /* BK2005, or NULL for plain I/O errors */
    span at;
    const char *msg;
    const char *help;       /* fix suggestion, may be NULL */
    diag_note *notes, *notes_tail;
    unsigned seq;           /* insertion order, for stable sorting */
    int suppressed;
    struct diag *next;
} diag;

typedef struct diag_list {
    arena *a;
    diag *head, *tail;
    unsigned count, errors, warnings;
    unsigned syntax_errors;  /* BK1001 count, for the recovery limit */
} diag_list;

#define BUCKLE_MAX_SYNTAX_ERRORS 20

void  diag_list_init(diag_list *l, arena *a);
diag *diag_add(diag_list *l, severity sev, const char *code, span at,
               const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
void  diag_note_add(diag_list *l, diag *d, span at, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
void  diag_help(diag_list *l, diag *d, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

typedef enum { DIAG_TEXT, DIAG_GCC, DIAG_JSON, DIAG_SARIF } diag_format;

typedef struct diag_code_info {
    const char *slug;
    const char *summary;       /* one line */
    const char *rationale;
    const char *help_uri;      /* may be NULL */
    severity default_sev;
} diag_code_info;

typedef struct diag_render_opts {
    diag_format format;
    int color;
    /* Looks up a rule code's metadata; NULL when unknown.  The rule table
     * lives in lint/; the renderer only asks. */
    const diag_code_info *(*code_info)(const char *code);
    /* SARIF: the rule codes to list in tool.driver.rules[], NULL past the end */
    const char *(*code_at)(size_t i);
    const char *tool_version;
    /* text and gcc: what a diagnostic without a location is said by
     * ("buckle compile"); NULL: "buckle" */
    const char *who;
} diag_render_opts;

const char *severity_name(severity s);
/* Sorts by file, position and insertion order. */
void diag_sort(diag_list *l);
void diag_render(strbuf *out, const diag_list *l, const diag_render_opts *o);
#endif
