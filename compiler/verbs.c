/* verbs.c - the verb table (docs/reference.md lists it for users). */
#include "verbs.h"
#include <string.h>

static const verb_info verbs[] = {
    { SEC_FILES, "read", "file-read*", KS_PATH, NS_NONE, 0 },
    { SEC_FILES, "write", "file-write*", KS_PATH, NS_NONE, 0 },
    { SEC_FILES, "metadata", "file-read-metadata", KS_PATH, NS_NONE, 0 },
    { SEC_FILES, "exec-map", "file-map-executable", KS_PATH, NS_NONE, 0 },
    { SEC_FILES, "ioctl", "file-ioctl", KS_PATH, NS_NONE, 0 },
    { SEC_PROCESS, "exec", "process-exec*", KS_PATH, NS_NONE, 0 },
    { SEC_PROCESS, "fork", "process-fork", KS_NONE, NS_NONE, 0 },
    { SEC_PROCESS, "signal", "signal", KS_TARGET, NS_NONE, 0 },
    { SEC_PROCESS, "info", "process-info*", KS_TARGET, NS_NONE, 0 },
    { SEC_MACH, "lookup", "mach-lookup", KS_MACH, NS_GLOBAL, 0 },
    { SEC_MACH, "register", "mach-register", KS_MACH, NS_GLOBAL, 0 },
    { SEC_SYSCTL, "read", "sysctl-read", KS_NAME, NS_SYSCTL, 0 },
    { SEC_SYSCTL, "write", "sysctl-write", KS_NAME, NS_SYSCTL, 0 },
    { SEC_NETWORK, "outbound", "network-outbound", KS_IP, NS_NONE, 1 },
    { SEC_NETWORK, "inbound", "network-inbound", KS_IP, NS_NONE, 0 },
    { SEC_NETWORK, "bind", "network-bind", KS_IP, NS_NONE, 0 },
    { SEC_NETWORK, "unix-connect", "network-outbound", KS_PATH, NS_NONE, 1 },
    { SEC_NETWORK, "unix-bind", "network-bind", KS_PATH, NS_NONE, 0 },
    { SEC_IPC, "posix-shm", "ipc-posix-shm*", KS_NAME, NS_IPC, 0 },
    { SEC_IPC, "posix-sem", "ipc-posix-sem*", KS_NAME, NS_IPC, 0 },
    { SEC_IPC, "sysv-shm", "ipc-sysv-shm", KS_NONE, NS_NONE, 0 },
    { SEC_IPC, "sysv-sem", "ipc-sysv-sem", KS_NONE, NS_NONE, 0 },
    { SEC_IPC, "sysv-msg", "ipc-sysv-msg", KS_NONE, NS_NONE, 0 },
    { SEC_IOKIT, "open", "iokit-open*", KS_IOKIT, NS_IOKIT, 0 },
    { SEC_IOKIT, "get-properties", "iokit-get-properties", KS_IOKIT, NS_IOKIT, 0 },
    { SEC_IOKIT, "set-properties", "iokit-set-properties", KS_IOKIT, NS_IOKIT, 0 },
};

int verb_resolve(section_t sec, const char *verb, verb_info *out)
{
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
        if (verbs[i].section == sec && strcmp(verbs[i].verb, verb) == 0) {
            *out = verbs[i];
            return 1;
        }
    }
    if (sec == SEC_FILES && strncmp(verb, "file", 4) == 0) {
        int noop;
        int op = op_lookup(verb, &noop);
        if (op < 0 && !noop) return 0;
        out->section = sec;
        out->verb = verb;
        out->op = op >= 0 ? op_get(op)->name : verb;
        out->kinds = KS_PATH;
        out->ns = NS_NONE;
        out->outbound = 0;
        return 1;
    }
    if (sec == SEC_MISC) {
        int noop;
        int op = op_lookup(verb, &noop);
        if ((op < 0 && !noop) || op == op_default()) return 0;
        out->section = sec;
        out->verb = verb;
        out->op = op >= 0 ? op_get(op)->name : verb;
        out->kinds = KS_NONE;
        out->ns = NS_NONE;
        out->outbound = 0;
        return 1;
    }
    return 0;
}

const verb_info *verb_at(size_t i)
{
    return i < sizeof verbs / sizeof verbs[0] ? &verbs[i] : NULL;
}

const char *verb_suggest(section_t sec, const char *verb)
{
    const char *best = NULL;
    int bd = 3;
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
        if (verbs[i].section != sec) continue;
        int d = edit_distance(verb, verbs[i].verb, bd);
        if (d < bd) { bd = d; best = verbs[i].verb; }
    }
    if (!best && (sec == SEC_FILES || sec == SEC_MISC)) best = op_suggest(verb);
    return best;
}

void verb_names(section_t sec, strbuf *out)
{
    size_t n = 0, k = 0;
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) n += verbs[i].section == sec;
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
        if (verbs[i].section != sec) continue;
        if (k) sb_puts(out, k + 1 == n && sec != SEC_FILES ? " or " : ", ");
        sb_puts(out, verbs[i].verb);
        k++;
    }
    if (sec == SEC_FILES) sb_puts(out, " or a file-* operation");
    if (sec == SEC_MISC) sb_puts(out, "SBPL operation names, such as user-preference-read");
}

const char *kinds_describe(unsigned ks)
{
    switch (ks) {
    case KS_PATH: return "subpath, literal, prefix, glob or regex";
    case KS_NAME: return "name, prefix or regex";
    case KS_MACH: return "name, prefix, regex or local";
    case KS_TARGET: return "target";
    case KS_IP: return "a \"host:port\" string";
    case KS_IOKIT: return "class or registry-class";
    default: return "no matcher";
    }
}

matcher_kind kind_for(const verb_info *v, const char *kw, int *ok)
{
    *ok = 1;
    if (v->kinds & KS_PATH) {
        if (!kw || strcmp(kw, "subpath") == 0) return MK_SUBPATH;
        if (strcmp(kw, "literal") == 0) return MK_LITERAL;
        if (strcmp(kw, "prefix") == 0) return MK_PREFIX;
        if (strcmp(kw, "glob") == 0) return MK_GLOB;
        if (strcmp(kw, "regex") == 0) return MK_REGEX;
    }
    if (v->kinds & (KS_NAME | KS_MACH)) {
        if (!kw || strcmp(kw, "name") == 0) return MK_NAME;
        if (strcmp(kw, "prefix") == 0) return MK_NAME_PREFIX;
        if (strcmp(kw, "regex") == 0) return MK_NAME_REGEX;
        if ((v->kinds & KS_MACH) && strcmp(kw, "local") == 0) return MK_NAME;
    }
    if ((v->kinds & KS_TARGET) && (!kw || strcmp(kw, "target") == 0)) return MK_TARGET;
    if ((v->kinds & KS_IP) && !kw) return MK_IP;
    if (v->kinds & KS_IOKIT) {
        if (!kw || strcmp(kw, "class") == 0 || strcmp(kw, "registry-class") == 0) return MK_NAME;
    }
    *ok = 0;
    return MK_NONE;
}
