/* regex.c - Seatbelt-dialect regexes as an NFA (Thompson construction).
 * Bytes are matched one at a time; '.' and classes match one byte, which is
 * what AppleMatch's byte automaton does for ASCII paths. */
#include "regex.h"
#include "regex_nfa.h"
#include "regex_syntax.h"
#include <stdlib.h>
#include <string.h>

typedef struct frag { int start; int *outs; int nouts; } frag;

/* Construction works in memory of its own, freed when the regex is built. */
typedef struct rparser {
    nstate *st;
    int n, cap;
    nclass *cls;
    int ncls, clscap;
    arena scratch;            /* dangling-output lists */
    const char *p, *end;
    const char *err;
    int depth;
} rparser;

static int add_state(rparser *rp, int op)
{
    if (rp->n == rp->cap) {
        rp->cap = rp->cap ? rp->cap * 2 : 32;
        rp->st = xrealloc(rp->st, (size_t)rp->cap * sizeof *rp->st);
    }
    nstate *s = &rp->st[rp->n];
    memset(s, 0, sizeof *s);
    s->op = (unsigned char)op;
    s->x = s->y = -1;
    return rp->n++;
}

static int add_class(rparser *rp, const unsigned char *bm)
{
    if (rp->ncls == rp->clscap) {
        rp->clscap = rp->clscap ? rp->clscap * 2 : 4;
        rp->cls = xrealloc(rp->cls, (size_t)rp->clscap * sizeof *rp->cls);
    }
    memcpy(rp->cls[rp->ncls].b, bm, 32);
    return rp->ncls++;
}

/* Dangling outputs are recorded as (state << 1 | which). */
static int *outs1(rparser *rp, int v)
{
    int *o = arena_alloc(&rp->scratch, sizeof(int));
    o[0] = v;
    return o;
}

static int *outs_cat(rparser *rp, const int *a, int na, const int *b, int nb)
{
    int *o = arena_alloc(&rp->scratch, (size_t)(na + nb + 1) * sizeof(int));
    memcpy(o, a, (size_t)na * sizeof(int));
    memcpy(o + na, b, (size_t)nb * sizeof(int));
    return o;
}

static void patch(rparser *rp, const int *outs, int n, int to)
{
    for (int i = 0; i < n; i++) {
        nstate *s = &rp->st[outs[i] >> 1];
        if (outs[i] & 1) s->y = to; else s->x = to;
    }
}

static frag parse_alt(rparser *rp);

static frag single(rparser *rp, int st)
{
    frag f = { st, outs1(rp, st << 1), 1 };
    return f;
}

static frag parse_atom(rparser *rp, int *ok)
{
    frag f = { -1, NULL, 0 };
    *ok = 1;
    char c = *rp->p;
    if (c == '(') {
        if (++rp->depth > REGEX_MAX_DEPTH) { rp->err = REGEX_TOO_DEEP; *ok = 0; return f; }
        rp->p++;
        if (rp->p < rp->end && *rp->p == '?') { rp->err = "'(?' groups are not supported"; *ok = 0; return f; }
        f = parse_alt(rp);
        if (rp->err) { *ok = 0; return f; }
        if (rp->p >= rp->end || *rp->p != ')') { rp->err = "unbalanced '('"; *ok = 0; return f; }
        rp->p++;
        rp->depth--;
        return f;
    }
    if (c == '[') {
        int st = add_state(rp, N_CLASS);
        unsigned char bm[32];
        size_t end = regex_class_read(rp->p, (size_t)(rp->end - rp->p), 0, bm);
        if (!end) { rp->p = rp->end; rp->err = "unterminated '['"; *ok = 0; return f; }
        rp->p += end;
        rp->st[st].cls = add_class(rp, bm);
        return single(rp, st);
    }
    if (c == '.') { rp->p++; return single(rp, add_state(rp, N_ANY)); }
    if (c == '^') { rp->p++; return single(rp, add_state(rp, N_BOL)); }
    if (c == '$') { rp->p++; return single(rp, add_state(rp, N_EOL)); }
    if (c == '\\') {
        if (rp->p + 1 >= rp->end) { rp->err = "trailing backslash"; *ok = 0; return f; }
        rp->p++;
        c = *rp->p;
    } else if (c == '*' || c == '+' || c == '?' || c == '{' || c == ')' || c == '|') {
        rp->err = c == '{' ? "'{m,n}' is not supported" : "quantifier or ')' with nothing before it";
        *ok = 0;
        return f;
    }
    rp->p++;
    int st = add_state(rp, N_CHAR);
    rp->st[st].c = (unsigned char)c;
    return single(rp, st);
}

static frag parse_repeat(rparser *rp, int *ok)
{
    frag f = parse_atom(rp, ok);
    if (!*ok) return f;
    while (rp->p < rp->end && (*rp->p == '*' || *rp->p == '+' || *rp->p == '?')) {
        char q = *rp->p++;
        int s = add_state(rp, N_SPLIT);
        rp->st[s].x = f.start;
        if (q == '*') {
            patch(rp, f.outs, f.nouts, s);
            f.start = s;
            f.outs = outs1(rp, s << 1 | 1);
            f.nouts = 1;
        } else if (q == '+') {
            patch(rp, f.outs, f.nouts, s);
            f.outs = outs1(rp, s << 1 | 1);
            f.nouts = 1;
        } else {
            int o = s << 1 | 1;
            f.outs = outs_cat(rp, f.outs, f.nouts, &o, 1);
            f.nouts++;
            f.start = s;
        }
        if (rp->p < rp->end && (*rp->p == '*' || *rp->p == '+' || *rp->p == '?')) {
            rp->err = "lazy or repeated quantifiers are not supported";
            *ok = 0;
            return f;
        }
    }
    return f;
}

static frag parse_concat(rparser *rp)
{
    frag f = { -1, NULL, 0 };
    while (rp->p < rp->end && *rp->p != '|' && *rp->p != ')') {
        int ok;
        frag g = parse_repeat(rp, &ok);
        if (!ok) return f;
        if (f.start < 0) f = g;
        else { patch(rp, f.outs, f.nouts, g.start); f.outs = g.outs; f.nouts = g.nouts; }
    }
    if (f.start < 0) {       /* empty: a jump that goes nowhere yet */
        int s = add_state(rp, N_JMP);
        f = single(rp, s);
    }
    return f;
}

static frag parse_alt(rparser *rp)
{
    frag f = parse_concat(rp);
    while (!rp->err && rp->p < rp->end && *rp->p == '|') {
        rp->p++;
        frag g = parse_concat(rp);
        if (rp->err) return f;
        int s = add_state(rp, N_SPLIT);
        rp->st[s].x = f.start;
        rp->st[s].y = g.start;
        f.start = s;
        f.outs = outs_cat(rp, f.outs, f.nouts, g.outs, g.nouts);
        f.nouts += g.nouts;
    }
    return f;
}

/* The bytes every match must start with, read off the automaton into out
 * (room for rp->n bytes); their count.  Only when the start state is '^'
 * (so a match starts at the subject's first byte): from there, the chain of
 * single-byte states each with one successor.  It stops at the first split
 * (a quantifier, an alternative), class, '.' or anything else; a loop back
 * into the chain can only come after it has been walked. */
static size_t literal_prefix(const rparser *rp, int start, char *out)
{
    if (start < 0 || rp->st[start].op != N_BOL) return 0;
    size_t n = 0;
    for (int k = rp->st[start].x; k >= 0 && rp->st[k].op == N_CHAR && n < (size_t)rp->n; k = rp->st[k].x)
        out[n++] = (char)rp->st[k].c;
    return n;
}

sb_regex *sb_regex_compile(arena *a, const char *pat, size_t len, const char **err)
{
    rparser rp;
    memset(&rp, 0, sizeof rp);
    arena_init(&rp.scratch);
    rp.p = pat;
    rp.end = pat + len;
    frag f = parse_alt(&rp);
    if (!rp.err && rp.p < rp.end) rp.err = "unbalanced ')'";
    sb_regex *re = NULL;
    if (rp.err) *err = rp.err;
    else {
        int m = add_state(&rp, N_MATCH);
        patch(&rp, f.outs, f.nouts, m);
        re = arena_alloc(a, sizeof *re);
        nstate *st = arena_alloc(a, (size_t)rp.n * sizeof *st);
        memcpy(st, rp.st, (size_t)rp.n * sizeof *st);
        re->st = st;
        if (rp.ncls) {
            nclass *cls = arena_alloc(a, (size_t)rp.ncls * sizeof *cls);
            memcpy(cls, rp.cls, (size_t)rp.ncls * sizeof *cls);
            re->cls = cls;
        }
        re->n = rp.n;
        re->start = f.start;
        char *pre = arena_alloc(&rp.scratch, (size_t)rp.n);
        re->prefix_len = literal_prefix(&rp, f.start, pre);
        re->prefix = re->prefix_len ? arena_strndup(a, pre, re->prefix_len) : NULL;
    }
    free(rp.st);
    free(rp.cls);
    arena_free(&rp.scratch);
    return re;
}

void sb_nfa_add(const sb_regex *re, sb_nfa_set *s, int i, size_t pos, size_t len, int *stack)
{
    int sp = 0;
    stack[sp++] = i;
    while (sp) {
        int k = stack[--sp];
        if (k < 0 || s->mark[k] == s->gen) continue;
        s->mark[k] = s->gen;
        const nstate *st = &re->st[k];
        if (st->op == N_SPLIT) { stack[sp++] = st->y; stack[sp++] = st->x; }
        else if (st->op == N_JMP) stack[sp++] = st->x;
        else if (st->op == N_BOL) { if (pos == 0) stack[sp++] = st->x; }
        else if (st->op == N_EOL) { if (pos == len) stack[sp++] = st->x; }
        else s->v[s->n++] = k;
    }
}

int sb_regex_search(const sb_regex *re, const char *s, size_t len)
{
    if (re->prefix_len && (len < re->prefix_len || memcmp(s, re->prefix, re->prefix_len) != 0)) return 0;
    return sb_regex_search_nfa(re, s, len);
}

const char *sb_regex_prefix(const sb_regex *re, size_t *len)
{
    *len = re->prefix_len;
    return re->prefix_len ? re->prefix : NULL;
}

int sb_regex_search_nfa(const sb_regex *re, const char *s, size_t len)
{
    int n = re->n;
    int *buf = xmalloc((size_t)(4 * n + 4) * sizeof(int));
    unsigned *mark = xcalloc((size_t)n + 1, sizeof(unsigned));
    sb_nfa_set cur = { buf, 0, mark, 1 }, nxt = { buf + n + 1, 0, mark, 0 };
    int *stack = buf + 2 * n + 2;
    int found = 0;
    for (size_t pos = 0;; pos++) {
        /* search: a new thread may start at every position */
        sb_nfa_add(re, &cur, re->start, pos, len, stack);
        for (int i = 0; i < cur.n; i++) if (re->st[cur.v[i]].op == N_MATCH) { found = 1; break; }
        if (found || pos == len) break;
        unsigned char ch = (unsigned char)s[pos];
        nxt.n = 0;
        nxt.gen = cur.gen + 1;
        for (int i = 0; i < cur.n; i++) {
            const nstate *st = &re->st[cur.v[i]];
            int ok = (st->op == N_CHAR && st->c == ch) || (st->op == N_ANY) ||
                     (st->op == N_CLASS && (re->cls[st->cls].b[ch >> 3] >> (ch & 7) & 1));
            if (ok) sb_nfa_add(re, &nxt, st->x, pos + 1, len, stack);
        }
        sb_nfa_set t = cur; cur = nxt; nxt = t;
        nxt.gen = cur.gen;
    }
    free(buf);
    free(mark);
    return found;
}

int sb_regex_meets_prefix(const sb_regex *re, const char *p, size_t n)
{
    int ns = re->n, found = 0, sp = 0;
    int *buf = xmalloc((size_t)(4 * ns + 4) * sizeof(int));
    unsigned *mark = xcalloc((size_t)ns + 1, sizeof(unsigned));
    int *todo = xmalloc((size_t)(4 * ns + 4) * sizeof(int));    /* nodes: state * 4 + past '$' * 2 + past a byte */
    unsigned char *seen = xcalloc((size_t)(4 * ns + 4), 1);
    sb_nfa_set cur = { buf, 0, mark, 1 }, nxt = { buf + ns + 1, 0, mark, 0 };
    int *stack = buf + 2 * ns + 2;
    const size_t never = (size_t)-1;            /* the subject goes on past p: no '$' inside it */
#define PUSH(node) do { int nd_ = (node); if (nd_ >= 0 && !seen[nd_]) { seen[nd_] = 1; todo[sp++] = nd_; } } while (0)
    for (size_t pos = 0; pos < n && !found; pos++) {
        sb_nfa_add(re, &cur, re->start, pos, never, stack);
        for (int i = 0; i < cur.n; i++) if (re->st[cur.v[i]].op == N_MATCH) found = 1;
        if (found) break;
        unsigned char ch = (unsigned char)p[pos];
        nxt.n = 0;
        nxt.gen = cur.gen + 1;
        for (int i = 0; i < cur.n; i++) {
            if (!sb_nfa_accepts(re, cur.v[i], ch)) continue;
            if (pos + 1 < n) sb_nfa_add(re, &nxt, re->st[cur.v[i]].x, pos + 1, never, stack);
            else if (re->st[cur.v[i]].x >= 0) PUSH(re->st[cur.v[i]].x * 4 + 1);   /* the last byte of p: walked below */
        }
        sb_nfa_set t = cur; cur = nxt; nxt = t;
        nxt.gen = cur.gen;
    }
    /* after p: any bytes, a new match starting anywhere, the subject ending
     * where a '$' is passed */
    if (!found) {
        PUSH(re->start * 4 + (n > 0));
        PUSH(re->start * 4 + 1);
    }
    while (!found && sp) {
        int node = todo[--sp], k = node >> 2, ended = (node >> 1) & 1, moved = node & 1;
        const nstate *st = &re->st[k];
        switch (st->op) {
        case N_MATCH: found = 1; break;
        case N_SPLIT: if (st->y >= 0) PUSH(st->y * 4 + (node & 3)); /* fall through */
        case N_JMP: if (st->x >= 0) PUSH(st->x * 4 + (node & 3)); break;
        case N_BOL: if (!moved && st->x >= 0) PUSH(st->x * 4 + (node & 3)); break;
        case N_EOL: if (st->x >= 0) PUSH(st->x * 4 + 2 + moved); break;
        case N_CLASS: {
            int any = 0;
            for (int b = 0; b < 32; b++) any |= re->cls[st->cls].b[b];
            if (!any) break;
        }   /* fall through */
        default: if (!ended && st->x >= 0) PUSH(st->x * 4 + 1); break;
        }
    }
#undef PUSH
    free(buf);
    free(mark);
    free(todo);
    free(seen);
    return found;
}

/* The lazy DFA (regex.h): each state is the set of the NFA's consuming
 * states (CHAR, ANY, CLASS, MATCH) live at a position inside the subject,
 * kept sorted; a transition is computed the first time a byte is seen in
 * a state and kept.  A state at the subject's first byte closes over ^, the
 * state after its last byte over $ (that step is kept as a bit per byte and
 * state: "a match there").  Past DFA_MAX_STATES it answers through the NFA. */
#define DFA_MAX_STATES 1024
struct sb_regex_dfa {
    const sb_regex *re;
    int n, cap;
    int **set;                /* a state's NFA states, sorted, and how many */
    int *setn;
    int *next;                /* [state * 256 + byte]: the next state, -1 not yet known */
    signed char *endm;        /* [state * 256 + byte]: a match when byte is the last, -1 not yet known */
    unsigned char *match;     /* the state holds MATCH */
    int *tab;                 /* states by set: id + 1, 0 empty */
    size_t mask;
    int init;                 /* the state at the first byte, -1 not yet known */
    sb_nfa_set work;                /* the closure's scratch */
    int *stack, *seeds;
};

sb_regex_dfa *sb_regex_dfa_new(const sb_regex *re)
{
    sb_regex_dfa *d = xcalloc(1, sizeof *d);
    d->re = re;
    d->init = -1;
    d->mask = 63;
    d->tab = xcalloc(d->mask + 1, sizeof *d->tab);
    int n = re->n;
    d->work.v = xmalloc((size_t)(n + 1) * sizeof(int));
    d->work.mark = xcalloc((size_t)n + 1, sizeof(unsigned));
    d->stack = xmalloc((size_t)(2 * n + 2) * sizeof(int));
    d->seeds = xmalloc((size_t)(n + 2) * sizeof(int));
    return d;
}

void sb_regex_dfa_free(sb_regex_dfa *d)
{
    if (!d) return;
    for (int i = 0; i < d->n; i++) free(d->set[i]);
    free(d->set);
    free(d->setn);
    free(d->next);
    free(d->endm);
    free(d->match);
    free(d->tab);
    free(d->work.v);
    free(d->work.mark);
    free(d->stack);
    free(d->seeds);
    free(d);
}

static int cmp_int(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

static size_t set_hash(const int *v, int n)
{
    size_t h = 1469598103934665603ull;
    for (int i = 0; i < n; i++) h = (h ^ (size_t)(unsigned)v[i]) * 1099511628211ull;
    return h;
}

/* the closure of seeds[0..ns) at position pos of a subject of length len,
 * in d->work (sorted) */
static void dfa_close(sb_regex_dfa *d, int ns, size_t pos, size_t len)
{
    sb_nfa_set *w = &d->work;
    w->n = 0;
    if (++w->gen == 0) { memset(w->mark, 0, (size_t)(d->re->n + 1) * sizeof(unsigned)); w->gen = 1; }
    for (int i = 0; i < ns; i++) sb_nfa_add(d->re, w, d->seeds[i], pos, len, d->stack);
    qsort(w->v, (size_t)w->n, sizeof(int), cmp_int);
}

/* the state of d->work's set: found or added; -1 when d is full */
static int dfa_state(sb_regex_dfa *d)
{
    const int *v = d->work.v;
    int n = d->work.n;
    size_t h = set_hash(v, n);
    for (size_t i = h & d->mask;; i = (i + 1) & d->mask) {
        int id = d->tab[i] - 1;
        if (id < 0) break;
        if (d->setn[id] == n && !memcmp(d->set[id], v, (size_t)n * sizeof(int))) return id;
    }
    if (d->n == DFA_MAX_STATES) return -1;
    if (d->n == d->cap) {
        d->cap = d->cap ? 2 * d->cap : 16;
        d->set = xrealloc(d->set, (size_t)d->cap * sizeof *d->set);
        d->setn = xrealloc(d->setn, (size_t)d->cap * sizeof *d->setn);
        d->next = xrealloc(d->next, (size_t)d->cap * 256 * sizeof *d->next);
        d->endm = xrealloc(d->endm, (size_t)d->cap * 256);
        d->match = xrealloc(d->match, (size_t)d->cap);
    }
    int id = d->n++;
    d->set[id] = xmalloc((size_t)(n + 1) * sizeof(int));
    memcpy(d->set[id], v, (size_t)n * sizeof(int));
    d->setn[id] = n;
    memset(d->next + (size_t)id * 256, 0xff, 256 * sizeof *d->next);
    memset(d->endm + (size_t)id * 256, 0xff, 256);
    d->match[id] = 0;
    for (int i = 0; i < n; i++) if (d->re->st[v[i]].op == N_MATCH) d->match[id] = 1;
    if (2 * (size_t)d->n > d->mask) {               /* grow the table */
        d->mask = 2 * d->mask + 1;
        free(d->tab);
        d->tab = xcalloc(d->mask + 1, sizeof *d->tab);
        for (int k = 0; k < d->n; k++) {
            size_t j = set_hash(d->set[k], d->setn[k]) & d->mask;
            while (d->tab[j]) j = (j + 1) & d->mask;
            d->tab[j] = k + 1;
        }
    } else {
        size_t j = h & d->mask;
        while (d->tab[j]) j = (j + 1) & d->mask;
        d->tab[j] = id + 1;
    }
    return id;
}

/* the seeds after reading ch in state k: the successors of its states
 * that accept ch, and the start (a search may begin anywhere) */
static int dfa_step_seeds(sb_regex_dfa *d, int k, unsigned char ch)
{
    const sb_regex *re = d->re;
    int ns = 0;
    for (int i = 0; i < d->setn[k]; i++) {
        const nstate *st = &re->st[d->set[k][i]];
        int ok = (st->op == N_CHAR && st->c == ch) || st->op == N_ANY ||
                 (st->op == N_CLASS && (re->cls[st->cls].b[ch >> 3] >> (ch & 7) & 1));
        if (ok) d->seeds[ns++] = st->x;
    }
    d->seeds[ns++] = re->start;
    return ns;
}

int sb_regex_dfa_search(sb_regex_dfa *d, const char *s, size_t len)
{
    const sb_regex *re = d->re;
    if (re->prefix_len && (len < re->prefix_len || memcmp(s, re->prefix, re->prefix_len) != 0)) return 0;
    if (len == 0) return sb_regex_search_nfa(re, s, len);
    int k = d->init;
    if (k < 0) {
        d->seeds[0] = re->start;
        dfa_close(d, 1, 0, 2);                  /* at the first byte, not the last */
        k = d->init = dfa_state(d);
        if (k < 0) return sb_regex_search_nfa(re, s, len);
    }
    for (size_t pos = 0; pos < len; pos++) {
        if (d->match[k]) return 1;
        unsigned char ch = (unsigned char)s[pos];
        size_t at = (size_t)k * 256 + ch;
        if (pos + 1 == len) {                   /* the last byte: is there a match after it? */
            if (d->endm[at] < 0) {
                int ns = dfa_step_seeds(d, k, ch);
                dfa_close(d, ns, 1, 1);
                int m = 0;
                for (int i = 0; i < d->work.n; i++) if (re->st[d->work.v[i]].op == N_MATCH) m = 1;
                d->endm[at] = (signed char)m;
            }
            return d->endm[at];
        }
        int nx = d->next[at];
        if (nx < 0) {
            int ns = dfa_step_seeds(d, k, ch);
            dfa_close(d, ns, 1, 2);             /* inside the subject */
            nx = dfa_state(d);
            if (nx < 0) return sb_regex_search_nfa(re, s, len);
            d->next[at] = nx;
        }
        k = nx;
    }
    return d->match[k];
}

/* ---- samples ---------------------------------------------------------
 * A short subject the automaton accepts from its first byte, found by a
 * breadth-first walk over (state, past '$', last byte a '/'): '^' only
 * before the first byte, nothing consumed after '$'.  A byte of '.' or a
 * class is chosen by preference (letters, digits, then the rest of
 * printable ASCII, then any byte); variant 1 takes the second choice, so
 * that two samples differ where the pattern lets them.  SB_SAMPLE_PATH:
 * no '/' right after a '/', and no '/' at the end but for "/" itself. */
static int pick_byte(const unsigned char *bm, int variant, int no_slash)
{
    static const char order[] = "xyabcdefghijklmnopqrstuvwz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ._-~+=,:@%/!#&'()*;<>?[]^`{|}\"$\\";
    int seen = 0;
    for (const char *o = order; *o; o++) {
        unsigned c = (unsigned char)*o;
        if (no_slash && c == '/') continue;
        if (!bm || (bm[c >> 3] & (1u << (c & 7)))) { if (seen++ == variant) return (int)c; }
    }
    for (unsigned c = 1; c < 256; c++) {
        if (no_slash && c == '/') continue;
        if (!bm || (bm[c >> 3] & (1u << (c & 7)))) { if (seen++ == variant) return (int)c; }
    }
    return seen ? pick_byte(bm, 0, no_slash) : -1;
}

long sb_regex_sample(const sb_regex *re, int variant, char *out, size_t cap)
{
    int path = (variant & SB_SAMPLE_PATH) != 0;
    variant &= ~SB_SAMPLE_PATH;
    int n = re->n, nn = 4 * n;                  /* node: state * 4 + past '$' * 2 + after '/' */
    int *dist = xmalloc((size_t)nn * sizeof(int));
    int *from = xmalloc((size_t)nn * sizeof(int));
    int *byte = xmalloc((size_t)nn * sizeof(int));
    int qcap = 4 * nn + 4;
    int *dq = xmalloc((size_t)qcap * sizeof(int));               /* a deque of nodes, 0-1 weights */
    for (int i = 0; i < nn; i++) { dist[i] = -1; from[i] = -1; byte[i] = -1; }
    int head = qcap / 2, tail = qcap / 2, found = -1, open_end = -1;
    dist[re->start * 4] = 0;
    dq[tail++] = re->start * 4;
    while (head < tail && found < 0) {
        int node = dq[head++], k = node >> 2, ended = (node >> 1) & 1, slash = node & 1, d = dist[node];
        /* a match ending in '/' without '$' ("^/a/") goes on with any byte:
         * one more makes a path, unless a path as short is found first */
        if (open_end >= 0 && d > dist[open_end]) break;
        const nstate *st = &re->st[k];
        int next[2] = { -1, -1 }, nb = -1, eps = 1, keep = ended * 2 + slash;
        switch (st->op) {
        case N_MATCH:
            if (!(path && slash && d > 1)) found = node;
            else if (!ended && open_end < 0 && (size_t)d + 1 < cap) open_end = node;
            continue;
        case N_SPLIT: next[0] = st->x * 4 + keep; next[1] = st->y * 4 + keep; break;
        case N_JMP: next[0] = st->x * 4 + keep; break;
        case N_BOL: if (d == 0) next[0] = st->x * 4 + keep; break;
        case N_EOL: next[0] = st->x * 4 + 2 + slash; break;
        case N_CHAR: if (!ended && !(path && slash && st->c == '/')) { nb = st->c; eps = 0; } break;
        case N_ANY: if (!ended) { nb = pick_byte(NULL, variant, path && slash); eps = 0; } break;
        case N_CLASS:
            if (!ended) { nb = pick_byte(re->cls[st->cls].b, variant, path && slash); eps = 0; }
            break;
        }
        if (!eps) next[0] = nb >= 0 ? st->x * 4 + (nb == '/') : -1;
        for (int j = 0; j < 2; j++) {
            int t = next[j];
            if (t < 0 || t >= nn) continue;
            int nd = d + (eps ? 0 : 1);
            if (dist[t] >= 0 && dist[t] <= nd) continue;
            if ((size_t)nd >= cap) continue;
            dist[t] = nd;
            from[t] = node;
            byte[t] = eps ? -1 : nb;
            if (eps ? head == 0 : tail == qcap) continue;   /* cannot happen: each node is queued at most twice */
            if (eps) dq[--head] = t; else dq[tail++] = t;
        }
    }
    long len = -1;
    int extra = found < 0 && open_end >= 0;
    if (extra) found = open_end;
    if (found >= 0) {
        len = dist[found];
        out[len] = 0;
        long at = len;
        for (int v = found; v >= 0 && from[v] >= 0; v = from[v])
            if (byte[v] >= 0) out[--at] = (char)byte[v];
        if (extra) { out[len++] = (char)pick_byte(NULL, variant, 1); out[len] = 0; }
    }
    free(dist);
    free(from);
    free(byte);
    free(dq);
    return len;
}
