/* filters.c - the filter name table and the modifier table. */
#include "filters.h"
#include "ops.h"
#include "../support/suggest.h"
#include <string.h>

static const char *const filters[] = {
    /* catalina filter table */
    "path", "mount-relative-path", "xattr", "file-mode", "ipc-posix-name", "global-name",
    "local-name", "local", "remote", "control-name", "socket-domain", "socket-type",
    "socket-protocol", "target", "fsctl-command", "ioctl-command", "iokit-registry-entry-class",
    "iokit-property", "iokit-connection", "device-major", "device-minor", "device-conforms-to",
    "extension", "extension-class", "appleevent-destination", "system-attribute", "right-name",
    "preference-domain", "vnode-type", "%entitlement-load", "%entitlement-boolean",
    "%entitlement-string", "kext-bundle-id", "info-type", "notification-name",
    "notification-payload", "semaphore-owner", "sysctl-name", "process-path",
    "rootless-boot-device-filter", "rootless-disk-filter", "privilege-id", "process-attribute",
    "uid", "nvram-variable", "csr", "host-special-port", "filesystem-name", "boot-arg",
    "xpc-service-name", "signing-identifier", "signal-number", "target-signing-identifier",
    "reboot-flags", "datavault-disk-filter", "extension-path-ancestor", "file-attribute",
    "storage-class", "storage-class-extension", "iokit-usb-interface-class",
    "iokit-usb-interface-subclass", "ancestor-signing-identifier",
    "require-ancestor-with-entitlement", "persona-type", "syscall-number", "syscall-mask",
    "require-target-with-entitlement", "iokit-registry-entry-attribute", "user-intent-extension",
    /* prelude aliases and pattern variants */
    "literal", "subpath", "prefix", "regex", "path-prefix", "path-regex", "path-literal",
    "mount-relative-literal", "mount-relative-regex", "mount-relative-path-regex",
    "path-ancestors", "unix-socket", "from", "to", "tty", "iokit-user-client-class",
    "iokit-user-client-class-regex", "iokit-registry-entry-class-regex",
    "global-name-prefix", "global-name-regex", "local-name-prefix", "local-name-regex",
    "xpc-service-name-prefix", "xpc-service-name-regex", "sysctl-name-prefix", "sysctl-name-regex",
    "ipc-posix-name-prefix", "ipc-posix-name-regex", "xattr-prefix", "xattr-regex",
    "preference-domain-prefix", "preference-domain-regex", "notification-name-prefix",
    "process-is-plugin", "process-is-installer", "require-entitlement", "entitlement-value",
    "entitlement-value-regex", "require-all", "require-any", "require-not", "with",
    "container", "executable-bundle", "application-group",
};

int filter_known(const char *name)
{
    for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++)
        if (strcmp(filters[i], name) == 0) return 1;
    return 0;
}

const char *filter_suggest(const char *name)
{
    const char *best = NULL;
    int bd = 4;
    for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++) {
        int d = edit_distance(name, filters[i], bd);
        if (d < bd) { bd = d; best = filters[i]; }
    }
    return best;
}

/* the modifiers Seatbelt knows (docs/sbpl.md): no-log is no-report's other
 * name, no-profile no-sandbox's; no-sandbox and default-sandbox (the child
 * runs under another, named profile) are for exec; partial-symbolication
 * is deprecated; the rest after it are Apple-internal */
static const sb_modifier modifiers[] = {
    { .name = "report", .arg = MOD_ARG_NONE },
    { .name = "no-report", .arg = MOD_ARG_NONE },
    { .name = "no-log", .arg = MOD_ARG_NONE },
    { .name = "send-signal", .arg = MOD_ARG_ONE },
    { .name = "message", .arg = MOD_ARG_ONE },
    { .name = "no-sandbox", .arg = MOD_ARG_NONE, .leaves_profile = 1 },
    { .name = "no-profile", .arg = MOD_ARG_NONE, .leaves_profile = 1 },
    { .name = "default-sandbox", .arg = MOD_ARG_ONE, .leaves_profile = 1 },
    { .name = "no-times", .arg = MOD_ARG_NONE },
    { .name = "termination", .arg = MOD_ARG_NONE },
    { .name = "no-callout", .arg = MOD_ARG_NONE },
    { .name = "partial-symbolication", .arg = MOD_ARG_NONE },
    { .name = "grant", .arg = MOD_ARG_ANY },
    { .name = "rootless", .arg = MOD_ARG_ANY },
    { .name = "user-approval", .arg = MOD_ARG_ANY },
    { .name = "no-approval-prompt", .arg = MOD_ARG_ANY },
    { .name = "authority", .arg = MOD_ARG_ANY },
    { .name = "telemetry", .arg = MOD_ARG_ANY },
    { .name = "telemetry-backtrace", .arg = MOD_ARG_ANY },
    { .name = "assign-storage-class", .arg = MOD_ARG_ANY },
    { .name = "enable-state-flag", .arg = MOD_ARG_ANY },
    { .name = "errno", .arg = MOD_ARG_ANY },
    { .name = "message-filter", .arg = MOD_ARG_ANY },
    { .name = "no-storage-class", .arg = MOD_ARG_ANY },
};

const sb_modifier *modifier_find(const char *name)
{
    for (size_t i = 0; i < sizeof modifiers / sizeof modifiers[0]; i++)
        if (!strcmp(modifiers[i].name, name)) return &modifiers[i];
    return NULL;
}

const sb_modifier *modifier_find_nocase(const char *name)
{
    for (size_t i = 0; i < sizeof modifiers / sizeof modifiers[0]; i++)
        if (!edit_distance_nocase(modifiers[i].name, name, 0)) return &modifiers[i];
    return NULL;
}

const char *modifier_suggest(const char *name)
{
    const char *best = NULL;
    int bd = suggest_limit(name) + 1;
    for (size_t i = 0; i < sizeof modifiers / sizeof modifiers[0]; i++) {
        int d = edit_distance_nocase(name, modifiers[i].name, bd - 1);
        if (d < bd) { bd = d; best = modifiers[i].name; }
    }
    return best;
}
