/* rules_keychain.c - BK4001, BK4002, BK4003, BK3008: what keychain access
 * needs on macOS 13+ (docs/lint.md; srt PR 215). */
#include "../grammar/builtin_params.h"
#include "rules.h"

static const char *const services[] = {
    "com.apple.SecurityServer", "com.apple.secd", "com.apple.securityd.xpc", "com.apple.security.keychaind",
};

void lint_pass_keychain(lint_ctx *lc)
{
    const lrule *ss_who, *secd_who, *w;
    int ss = lint_decide(lc, "mach-lookup", "com.apple.SecurityServer", &ss_who) == 0;
    int secd_d = lint_decide(lc, "mach-lookup", "com.apple.secd", &secd_who);
    int secd = secd_d == 0;
    if (ss && secd_d == 1) {
        diag *d = lint_report_at_rule(lc, BK4001, ss_who,
            "com.apple.SecurityServer is allowed but com.apple.secd is not: on macOS 13+ keychain writes and "
            "deletes go to secd and fail silently (\"Failed to delete keychain entry\")");
        diag_help(lc->dl, d, "also allow mach lookup \"com.apple.secd\" (or extend std/keychain)");
    }
    const lrule *any_who = NULL;
    const char *any = NULL;
    for (size_t i = 0; i < sizeof services / sizeof services[0] && !any; i++)
        if (lint_decide(lc, "mach-lookup", services[i], &w) == 0) { any = services[i]; any_who = w; }
    if (any && lint_decide(lc, "sysctl-read", "security.mac.sandbox.sentinel", &w) == 1) {
        diag *d = lint_report_at_rule(lc, BK4002, any_who,
            "keychain service %s is allowed but the sysctl security.mac.sandbox.sentinel is not readable: "
            "the security CLI reads it before any keychain call and aborts on EPERM", any);
        diag_help(lc->dl, d, "add sysctl { allow read \"security.mac.sandbox.sentinel\"; } (or extend std/keychain)");
    }
    const lrule *db_who;
    int db = lint_decide(lc, "file-read-data", BUILTIN_TEST_HOME "/Library/Keychains/login.keychain-db", &db_who) == 0 ||
             lint_decide(lc, "file-read-data", BUILTIN_TEST_HOME "/Library/Keychains/metadata.keychain-db", &db_who) == 0;
    int svc = ss || secd;
    if (db && !svc)
        lint_report_at_rule(lc, BK4003, db_who,
            "the keychain database files are readable but the keychain services (SecurityServer, secd) are not "
            "allowed: the file grant alone does not make keychain calls work");
    else if (svc && !db)
        lint_report_at_rule(lc, BK4003, ss ? ss_who : secd_who,
            "keychain services are allowed but ~/Library/Keychains/login.keychain-db is not readable");
    if (svc && db && lint_decide(lc, "network-outbound", "*:443", &w) == 0)
        lint_report_at_rule(lc, BK3008, w,
            "keychain services, the keychain files and unrestricted outbound network are all allowed: "
            "a credential exfiltration path");
}
