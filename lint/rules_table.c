/* rules_table.c - the catalogue of lint rules (docs/lint.md). */
#include "rules_table.h"
#include "../support/suggest.h"
#include <string.h>

#define R(id, slug, sev, summary, why, bad, good, fix, unsup) \
    { id, { slug, summary, why, NULL, sev }, bad, good, fix, unsup }

static const lint_rule rules[] = {
    R(BK0001, "unused-suppression", SEV_WARNING, "a suppression silenced nothing",
      "Stale suppressions hide future findings.",
      "# buckle: ignore[BK3002] -- old\nallow lookup \"com.apple.logd\";",
      "allow lookup \"com.apple.logd\";", "delete the suppression", 0),
    R(BK0002, "suppression-without-reason", SEV_ERROR, "a suppression has no `-- reason`",
      "A reviewer must see why a finding is accepted.",
      "# buckle: ignore[BK3002]", "# buckle: ignore[BK3002] -- uv reads proxy settings",
      "add `-- reason` after the rule list", 0),
    R(BK0003, "unknown-rule-id", SEV_ERROR, "a suppression names no known rule",
      "A typo silently suppresses nothing.", "# buckle: ignore[BK9999] -- x",
      "# buckle: ignore[BK3002] -- x", "use an ID or slug from `buckle rules`", 0),
    R(BK1001, "syntax", SEV_ERROR, "the input cannot be read",
      "The profile must be well-formed before anything else can be checked.",
      "files { allow read \"/usr\" }", "files { allow read \"/usr\"; }", "fix the syntax", 1),
    R(BK2001, "unknown-variable", SEV_ERROR, "$NAME is neither built in nor declared",
      "A literal $NAME path never matches anything.", "allow read \"$CACHE\";",
      "param CACHE;\nallow read \"$CACHE\";", "declare it with `param NAME;` or use a built-in", 1),
    R(BK2002, "extends-cycle", SEV_ERROR, "the extends chain loops",
      "A profile cannot extend itself, directly or through others.", "extends \"./a\"; # in a.buckle",
      "extends \"std/base\";", "break the cycle", 1),
    R(BK2003, "extends-not-found", SEV_ERROR, "a base profile cannot be found",
      "The places searched are listed so the path can be fixed.", "extends \"std/nope\";",
      "extends \"std/base\";", "fix the name or add -I DIR", 1),
    R(BK2004, "remove-unmatched", SEV_ERROR, "remove matches no inherited rule",
      "A remove that matches nothing leaves the inherited rule in force.",
      "remove allow read \"/usr/lib\";  # base says /usr", "remove allow read \"/usr\";",
      "spell the rule exactly as the base does", 1),
    R(BK2005, "final-violated", SEV_ERROR, "a rule contradicts a more general final rule",
      "Managed bases must hold: a final rule cannot be overridden or removed.",
      "deny final read \"~/.ssh\";\nallow read literal \"~/.ssh/known_hosts\";",
      "deny final read \"~/.ssh\";", "remove the contradicting rule", 1),
    R(BK2006, "unknown-operation", SEV_ERROR, "verb, SBPL operation, filter or modifier not in buckle's tables",
      "Seatbelt rejects unknown names, and typos grant nothing.", "files { allow raed \"/usr\"; }",
      "files { allow read \"/usr\"; }", "use the suggested name", 1),
    R(BK2007, "invalid-pattern", SEV_ERROR, "a regex outside the Seatbelt dialect, or a malformed glob",
      "Seatbelt regexes support literals, ., classes, * + ?, |, groups and anchors only.",
      "allow read regex \"^/a/\\\\d+$\";", "allow read regex \"^/a/[0-9]+$\";", "rewrite the pattern", 1),
    R(BK2008, "bad-path", SEV_ERROR, "relative path, . or .. component, or a control character",
      "The kernel checks resolved absolute paths.", "allow read \"../x\";", "allow read \"$WORKDIR/x\";",
      "write the resolved absolute path", 1),
    R(BK2009, "shadowed-rule", SEV_STYLE, "a rule never decides anything",
      "Dead policy misleads readers.", "allow read \"/usr\";\nallow read \"/usr/lib\";",
      "allow read \"/usr\";", "delete the rule", 0),
    R(BK2010, "deny-wins-tie", SEV_WARNING, "an allow and a deny of equal specificity cover the same objects",
      "Probably a mistake; deny wins the tie.", "allow read \"/a\";\ndeny read \"/a\";",
      "deny read \"/a\";", "make one rule more specific or delete one", 0),
    R(BK2011, "unfilterable-host", SEV_ERROR, "a network rule names a host other than localhost or *",
      "Seatbelt cannot filter network access by host.", "allow outbound \"github.com:443\";",
      "allow outbound \"localhost:3128\";  # a filtering proxy", "filter hosts with a proxy", 1),
    R(BK2012, "write-only-subtree", SEV_WARNING, "writes allowed on a subtree whose reads are denied",
      "What a program writes there it cannot read back or list, which is rarely meant (a missing read grant).",
      "allow write \"$WORKDIR\";", "allow read \"$WORKDIR\";\nallow write \"$WORKDIR\";",
      "also allow reading it", 0),
    R(BK2013, "param-without-value", SEV_INFO, "a parameter used by a rule has no value and no default",
      "Lint cannot decide the rules that use it; the findings that depend on its value are not reported.",
      "param CACHE;\nfiles { allow write \"$CACHE\"; }",
      "param CACHE = \"~/Library/Caches/tool\";\nfiles { allow write \"$CACHE\"; }",
      "give it a default, or lint with -D NAME=VALUE", 0),
    R(BK2014, "duplicate-param", SEV_WARNING, "a parameter is declared twice in one file",
      "The second declaration silently replaces the first, default included.",
      "param CACHE;\nparam CACHE = \"~/Library/Caches/tool\";", "param CACHE = \"~/Library/Caches/tool\";",
      "keep one declaration", 0),
    R(BK2015, "literal-star-name", SEV_WARNING, "a name filter contains `*`",
      "Mach service and other names are matched literally: `*` matches only a name with a `*` in it.",
      "mach { allow lookup \"com.apple.*\"; }", "mach { allow lookup prefix \"com.apple.\"; }",
      "use prefix (or a regex)", 0),
    R(BK2016, "empty-profile", SEV_WARNING, "the profile has no statements or no rules",
      "An empty profile allows nothing; it is usually a file that was truncated or never filled in.",
      "# nothing yet", "extends \"std/base\";", "write the rules, or delete the file", 0),
    R(BK2017, "remove-drops-several", SEV_WARNING, "a remove drops a rule that more than one place writes",
      "Rules written alike (the same action, operation, matcher and value: `read` and `file-read*` are one rule) "
      "merge into one, so removing it removes it from every base that writes it.",
      "extends \"a.buckle\", \"b.buckle\";   # both deny read \"/secret\"\nfiles { remove deny read \"/secret\"; }",
      "extends \"a.buckle\", \"b.buckle\";\nfiles { remove deny read \"/secret\"; deny read \"/secret/keep\"; }",
      "write again what one base should keep", 0),
    R(BK3001, "profile-dir-writable", SEV_ERROR, "writes allowed where the runner's profile directory lives",
      "A sandboxed process could rewrite the next command's profile: a sandbox escape.",
      "(allow file-write* (subpath \"/private/var/folders\"))",
      "add the profile-directory denies (buckle run does)", "deny writes under the profile directory", 0),
    R(BK3002, "dangerous-mach-service", SEV_WARNING, "mach lookup allows a service known to be risky",
      "Some services launch code outside the sandbox, expose credentials or leak system data.",
      "allow lookup \"com.apple.coreservices.launchservicesd\";", "allow lookup \"com.apple.logd\";",
      "drop the grant or suppress it with a reason", 0),
    R(BK3003, "broad-write", SEV_WARNING, "write allowed on /, /Users, $HOME, /private, /Library or /System",
      "Least privilege.", "allow write \"~\";", "allow write \"$WORKDIR\";", "narrow the path", 0),
    R(BK3004, "protected-file-writable", SEV_WARNING, "write allowed on files that run code later",
      "Shell start-up files, git hooks and config, LaunchAgents and editor tasks run outside the sandbox later.",
      "allow write \"~/.zshrc\";", "deny write \"$WORKDIR/.git/hooks\";", "deny writes there", 0),
    R(BK3005, "default-allow", SEV_WARNING, "default allow, or a child loosens an inherited default deny",
      "An allow-by-default profile grants everything not listed.", "default allow;", "default deny;",
      "use default deny and list what is needed", 0),
    R(BK3006, "escape-operation", SEV_ERROR, "an operation that launches code outside the sandbox is allowed",
      "lsopen, appleevent-send, job-creation and exec with no-sandbox escape the sandbox.",
      "misc { allow lsopen; }", "misc { deny lsopen; }", "deny it", 0),
    R(BK3007, "unfiltered-sensitive", SEV_WARNING, "an unfiltered grant of a sensitive operation",
      "kern.procargs2 leaks other processes' arguments; unfiltered lookup exposes every daemon.",
      "sysctl { allow read; }", "sysctl { allow read prefix \"hw.\"; }", "add a filter", 0),
    R(BK3008, "keychain-exposed", SEV_WARNING, "keychain reachable with keychain files readable and open network",
      "A credential exfiltration path.", "keychain services + ~/Library/Keychains + outbound *:*",
      "drop one of the three", "restrict the network or the keychain", 0),
    R(BK4001, "keychain-missing-secd", SEV_WARNING, "com.apple.SecurityServer allowed without com.apple.secd",
      "On macOS 13+ keychain writes and deletes go to secd; without it they fail silently.",
      "allow lookup \"com.apple.SecurityServer\";",
      "allow lookup \"com.apple.SecurityServer\", \"com.apple.secd\";", "also allow com.apple.secd", 0),
    R(BK4002, "keychain-missing-sentinel", SEV_WARNING, "keychain services allowed without the sandbox sentinel sysctl",
      "The security CLI reads security.mac.sandbox.sentinel first and aborts on EPERM.",
      "allow lookup \"com.apple.SecurityServer\";",
      "sysctl { allow read \"security.mac.sandbox.sentinel\"; }", "allow reading the sysctl", 0),
    R(BK4003, "keychain-db-without-services", SEV_WARNING, "keychain database files without the keychain services, or the reverse",
      "The file grant alone does not make keychain calls work.",
      "allow read \"~/Library/Keychains/login.keychain-db\";", "extends \"std/keychain\";",
      "grant both or neither", 0),
    R(BK4004, "unix-socket-needs-network", SEV_WARNING, "a socket path granted as a file without network-outbound",
      "connect() on a unix socket is network-outbound, not a file operation.",
      "allow read \"/private/var/run/docker.sock\";",
      "network { allow unix-connect \"/private/var/run/docker.sock\"; }", "grant unix-connect", 0),
    R(BK4005, "precedence-dependent", SEV_WARNING, "opposite rules whose outcome depends on Seatbelt's precedence",
      "The evidence on Seatbelt's order rules is thin; make the rules disjoint.",
      "(allow file-read* (subpath \"/a\"))\n(deny file-read-data (literal \"/a/x\"))",
      "(allow file-read* (require-all (subpath \"/a\") (require-not (literal \"/a/x\"))))",
      "make the rules disjoint", 0),
    R(BK4006, "unresolved-alias", SEV_WARNING, "a raw SBPL path or a regex starts with /tmp, /var or /etc",
      "The sandbox sees /private/...; the rule is dead (a literal of exactly /tmp, /var or /etc names the link itself, which lstat and readlink look at: no finding).", "(allow file-read* (subpath \"/tmp\"))",
      "(allow file-read* (subpath \"/private/tmp\"))", "write the /private path", 0),
    R(BK4007, "string-too-long", SEV_ERROR, "an SBPL string literal over 1024 bytes",
      "sandbox-exec rejects it (\"Error reading string\").", "a 2000-byte path literal",
      "(string-append \"...\" \"...\")", "split it with string-append", 0),
    R(BK4008, "root-unreadable", SEV_WARNING, "a deny covers / and (literal \"/\") is not readable",
      "dyld aborts.", "(deny file-read* (subpath \"/\"))",
      "(allow file-read* (literal \"/\"))", "allow reading /", 0),
    R(BK4009, "missing-traversal", SEV_INFO, "an allowed path's ancestors have no file-read-metadata",
      "realpath() and many frameworks stat every ancestor.", "(allow file-read* (subpath \"/a/b\"))",
      "(allow file-read-metadata (literal \"/a\") (literal \"/\"))", "allow metadata on the ancestors", 0),
    R(BK4010, "default-deny-leaks", SEV_INFO, "deny default without explicit denies of operations it may not cover",
      "Several sources report process-info*, nvram*, iokit-get-properties and file-map-executable escape deny default.",
      "(deny default)", "(deny default)\n(deny process-info* nvram* iokit-get-properties)",
      "deny them explicitly", 0),
    R(BK4012, "no-process-exec", SEV_INFO, "a profile for buckle run allows no process-exec at all",
      "buckle run starts the command with exec inside the sandbox: without an exec grant nothing runs.",
      "extends \"std/base\";", "extends \"std/base\";\nprocess { allow exec \"/usr/bin\"; }",
      "allow exec of the programs the profile is for", 0),
    R(BK4011, "missing-version", SEV_ERROR, "an .sb file without (version 1) first",
      "sandbox-exec refuses it.", "(deny default)", "(version 1)\n(deny default)", "add (version 1)", 0),
    R(BK4013, "verbatim-sbpl", SEV_WARNING, "an sbpl verbatim block: buckle does not check what it decides",
      "Its text is copied into the output unevaluated (an import of a file buckle cannot read, a helper, a "
      "conditional): buckle's answers (query, test, diff, why) leave it out, and an allow in it, or in what it "
      "imports, can widen any rule, a final deny included.",
      "sbpl verbatim \"\"\"(import \"system.sb\")\"\"\";", "files { allow read \"/System/Library\"; }",
      "write its rules in sections, or review it by hand and suppress the finding with the reason", 0),
    R(BK4014, "undecidable-sbpl", SEV_WARNING, "part of an .sb profile cannot be evaluated: every answer about it is undecidable",
      "An (import) of a file that cannot be read (Apple's system.sb and bsd.sb exist only on macOS), an import named by a "
      "parameter without a value, or a form buckle cannot evaluate may add rules of any kind, so buckle cannot say what "
      "the profile decides: the other findings are reported, but query, test, diff and why answer undecidable.",
      "(import \"system.sb\")", "(import \"system.sb\") with -I DIR naming a directory that holds it",
      "give the directory with -I DIR (or the parameter with -D), or review the form and suppress the finding with the reason", 0),
};

const lint_rule *lint_rule_find(const char *s)
{
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
        if (strcmp(rules[i].id, s) == 0 || strcmp(rules[i].info.slug, s) == 0) return &rules[i];
    return NULL;
}

const lint_rule *lint_rule_suggest(const char *s, int *exact)
{
    const lint_rule *best = NULL;
    int limit = suggest_limit(s), bd = limit + 1;
    *exact = 0;
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        int d = edit_distance_nocase(s, rules[i].id, limit);
        int e = edit_distance_nocase(s, rules[i].info.slug, limit);
        if (e < d) d = e;
        if (d < bd) { bd = d; best = &rules[i]; }
    }
    *exact = best && bd == 0;
    return best;
}

const diag_code_info *lint_code_info(const char *code)
{
    const lint_rule *r = lint_rule_find(code);
    return r ? &r->info : NULL;
}

const char *lint_code_at(size_t i) { return i < lint_rule_count() ? rules[i].id : NULL; }
size_t lint_rule_count(void) { return sizeof rules / sizeof rules[0]; }
const lint_rule *lint_rule_at(size_t i) { return i < lint_rule_count() ? &rules[i] : NULL; }
