/* verbs.h - section verbs and the matcher kinds each accepts (docs/reference.md). */
#ifndef BUCKLE_VERBS_H
#define BUCKLE_VERBS_H
#include "ir.h"

enum {  /* accepted matcher kind sets */
    KS_NONE = 0,
    KS_PATH = 1,      /* subpath literal prefix glob regex */
    KS_NAME = 2,      /* name prefix regex */
    KS_MACH = 4,      /* name prefix regex local */
    KS_TARGET = 8,
    KS_IP = 16,
    KS_IOKIT = 32,    /* class registry-class */
};

typedef struct verb_info {
    section_t section;
    const char *verb;
    const char *op;
    unsigned kinds;
    name_ns ns;       /* for name kinds */
    int outbound;     /* IP: remote (1) or local (0) */
} verb_info;

/* Resolves SECTION VERB.  Files and misc also accept SBPL operation names
 * (files: file-* only).  Fills *out and returns 1, or 0 when unknown. */
int verb_resolve(section_t sec, const char *verb, verb_info *out);
/* The i-th entry of the verb table, or NULL past its end (completion, and
 * the check of docs/reference.md in tests/unit/test_reference.c). */
const verb_info *verb_at(size_t i);
/* Closest verb of the section (or operation name), for did-you-mean. */
const char *verb_suggest(section_t sec, const char *verb);
/* The section's verbs, "lookup or register", for a help line. */
void verb_names(section_t sec, strbuf *out);
/* "subpath, literal, prefix, glob or regex" */
const char *kinds_describe(unsigned ks);
/* Matcher kind for a keyword under a verb; MK_NONE with *ok = 0 if invalid. */
matcher_kind kind_for(const verb_info *v, const char *kw, int *ok);
#endif
