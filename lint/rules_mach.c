/* rules_mach.c - BK3002: mach services listed in
 * the risk table below, with their risk class, reason and
 * suggested severity.  A prefix or regex grant counts when it covers one. */
#include "rules.h"
#include <string.h>

typedef struct danger { const char *name, *risk; severity sev; const char *why; } danger;

static const danger table[] = {
    { "com.apple.coreservices.launchservicesd", "escape", SEV_ERROR,
      "LaunchServices launches apps and opens documents outside the sandbox (safehouse #181)" },
    { "com.apple.lsd.open", "escape", SEV_ERROR, "opens apps and URLs outside the sandbox" },
    { "com.apple.lsd.openurl", "escape", SEV_ERROR, "opens URLs with apps outside the sandbox" },
    { "com.apple.lsd.modifydb", "escape", SEV_WARNING, "modifies the LaunchServices database" },
    { "com.apple.coreservices.appleevents", "escape", SEV_ERROR,
      "Apple Events drive other apps with their unsandboxed rights" },
    { "com.apple.coreservices.sharedfilelistd.xpc", "escape", SEV_ERROR,
      "shared file lists: a sandbox escape (CVE-2024-54498)" },
    { "com.apple.scopedbookmarksagent.xpc", "escape", SEV_ERROR,
      "security-scoped bookmarks gave sandboxed apps arbitrary file access (CVE-2025-31191)" },
    { "com.apple.DiskArbitration.diskarbitrationd", "escape", SEV_WARNING,
      "mounts volumes through a root daemon (CVE-2024-44175, CVE-2024-40855)" },
    { "com.apple.windowserver.active", "escape", SEV_WARNING,
      "WindowServer: screen content, event posting, a large privileged parser (CVE-2018-4193)" },
    { "com.apple.windowserver", "escape", SEV_WARNING, "WindowServer connection (CVE-2018-4193)" },
    { "com.apple.CARenderServer", "escape", SEV_WARNING, "render server: privileged attack surface" },
    { "com.apple.pasteboard.1", "exfil", SEV_WARNING,
      "reads and writes the clipboard, including passwords just copied (navikt/cplt #85)" },
    { "com.apple.pboard", "exfil", SEV_WARNING, "legacy clipboard service" },
    { "com.apple.SecurityServer", "exfil", SEV_WARNING,
      "keychain items can be fetched over IPC even when the keychain files are denied (nono)" },
    { "com.apple.securityd", "exfil", SEV_WARNING, "keychain access" },
    { "com.apple.securityd.xpc", "exfil", SEV_WARNING, "keychain access" },
    { "com.apple.security.keychaind", "exfil", SEV_WARNING, "legacy keychain calls on macOS 13+" },
    { "com.apple.secd", "exfil", SEV_WARNING, "SecItem keychain calls on macOS 13+" },
    { "com.apple.security.agent", "exfil", SEV_WARNING, "authorization prompts and keychain UI" },
    { "com.apple.security.authhost", "exfil", SEV_WARNING, "authorization host" },
    { "com.apple.metadata.mds", "privacy", SEV_WARNING,
      "Spotlight queries reveal names and attributes of files outside the read allow-list" },
    { "com.apple.metadata.mds.legacy", "privacy", SEV_WARNING, "Spotlight queries" },
    { "com.apple.distributed_notifications@Uv3", "privacy", SEV_INFO,
      "observes other apps' distributed notifications (Wardle 2018)" },
    { "com.apple.SystemConfiguration.configd", "info", SEV_INFO,
      "configd exposes network interfaces and addresses, DNS and proxy settings, host and user names, "
      "and a write surface that the lookup grant does not distinguish (needed by uv and reqwest proxy detection)" },
    { "com.apple.tccd", "privacy", SEV_INFO, "the TCC daemon (watch-list)" },
    { "com.apple.tccd.system", "privacy", SEV_INFO, "the system TCC daemon (watch-list)" },
    { "com.apple.system.opendirectoryd.api", "info", SEV_INFO, "the full directory API (watch-list)" },
    { "com.apple.backgroundtaskmanagementagent", "persist", SEV_INFO, "background task registration (watch-list)" },
    { "com.apple.xpc.smd", "persist", SEV_INFO, "login items and launchd jobs (watch-list)" },
};

const char *lint_mach_risk(const char *name, const char **risk, severity *sev)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (strcmp(table[i].name, name) != 0) continue;
        if (risk) *risk = table[i].risk;
        if (sev) *sev = table[i].sev;
        return table[i].why;
    }
    return NULL;
}

const char *lint_mach_service_at(size_t i)
{
    return i < sizeof table / sizeof table[0] ? table[i].name : NULL;
}

/* One finding per deciding rule: a broad grant (a prefix, or the default)
 * names every risky service it reaches, at the highest severity among them. */
void lint_pass_mach(lint_ctx *lc)
{
    const size_t n = sizeof table / sizeof table[0];
    const lrule *who[sizeof table / sizeof table[0]];
    int allowed[sizeof table / sizeof table[0]], done[sizeof table / sizeof table[0]];
    for (size_t i = 0; i < n; i++) {
        allowed[i] = lint_decide(lc, "mach-lookup", table[i].name, &who[i]) == 0;
        done[i] = 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (!allowed[i] || done[i]) continue;
        size_t count = 0;
        severity sev = SEV_STYLE;
        for (size_t k = i; k < n; k++) {
            if (!allowed[k] || done[k] || who[k] != who[i]) continue;
            count++;
            if (table[k].sev < sev) sev = table[k].sev;
        }
        const lrule *w = who[i];
        span at = w ? w->at : lc->v->default_at;
        if (!at.src) at = (span){ lc->v->main, 0, 0 };
        diag *d;
        if (count == 1) {
            const char *how = w && w->kind == LK_PREFIX ? " (through a prefix)" :
                              w && w->kind == LK_PATTERN ? " (through a regex)" :
                              w && w->kind == LK_NONE ? " (through an unfiltered grant)" : !w ? " (by the default)" : "";
            d = lint_report_sev(lc, sev, BK3002, at, "mach lookup allows %s%s (risk: %s): %s",
                                table[i].name, how, table[i].risk, table[i].why);
            done[i] = 1;
        } else {
            strbuf b;
            sb_init(&b);
            for (size_t k = i; k < n; k++) {
                if (!allowed[k] || done[k] || who[k] != who[i]) continue;
                sb_printf(&b, "%s%s (%s)", b.len ? ", " : "", table[k].name, table[k].risk);
                done[k] = 1;
            }
            d = lint_report_sev(lc, sev, BK3002, at, "%s allows %zu risky mach services: %s",
                                w ? "this grant" : "the default", count, sb_cstr(&b));
            sb_free(&b);
        }
        (void)d;
    }
}
