# diff.sh - `buckle diff OLD NEW`: a refactor that keeps the meaning reports
# nothing; each kind of widening and narrowing is found, widenings first.
. tests/lib.sh
P=$(scratch_dir diff)
cat >"$P/old.buckle" <<'EOF'
files {
    allow read "/usr", "~/project";
    deny read "~/.ssh";
    allow write "~/project";
}
network { allow outbound "localhost:8080"; }
mach { allow lookup "com.apple.fonts"; }
sysctl { allow read prefix "hw."; }
EOF
cat >"$P/base.buckle" <<'EOF'
files { allow read "/usr"; }
EOF
cat >"$P/refactor.buckle" <<'EOF'
# the same rules, reordered, split, and one of them moved to a base
extends "./base";
sysctl { allow read prefix "hw."; }
mach { allow lookup "com.apple.fonts"; }
network { allow outbound "localhost:8080"; }
files {
    allow write "~/project";
    deny read "~/.ssh";
    allow read "~/project";
    allow read literal "/usr";
}
EOF
run "diff: refactor" "$BUCKLE" diff "$P/old.buckle" "$P/refactor.buckle"
expect_rc "diff: a refactor that keeps the meaning exits 0" 0
expect_out_has "diff: says the same" "the same decisions"

# widenings: a broader allow over a deny, a removed deny, a port on any host,
# a new mach service, a prefix made shorter
cat >"$P/wide.buckle" <<'EOF'
files {
    allow read "/usr", "~/project", "~";
    allow write "~/project";
}
network { allow outbound "*:8080"; }
mach { allow lookup "com.apple.fonts", "com.apple.SystemConfiguration.configd"; }
sysctl { allow read prefix "hw"; }
EOF
run "diff: wide" "$BUCKLE" diff "$P/old.buckle" "$P/wide.buckle"
expect_rc "diff: a widening exits 1" 1
expect_out_has "diff: marked" "WIDENING deny -> allow:"
expect_out_has "diff: the deny that no longer decides" "old: decided by $P/old.buckle:3:5: deny files read subpath \"\${HOME}/.ssh\""
expect_out_has "diff: the allow that decides now" "new: decided by $P/wide.buckle:2:37: allow files read subpath \"\${HOME}\""
expect_out_has "diff: a request of it" "file-read-data /Users/test/.ssh/x"
expect_out_has "diff: the port on any host" "network-outbound *:8080"
expect_out_has "diff: the new mach service" "mach-lookup com.apple.SystemConfiguration.configd"
expect_out_has "diff: a shorter prefix, found at its boundary" "sysctl-read hwx"
expect_out_lacks "diff: nothing narrowed" "narrowing"

# narrowings: a new deny under an allow, a removed allow
cat >"$P/narrow.buckle" <<'EOF'
files {
    allow read "/usr", "~/project";
    deny read "~/.ssh";
    allow write "~/project";
    deny write "~/project/.git";
}
mach { allow lookup "com.apple.fonts"; }
sysctl { allow read prefix "hw."; }
EOF
run "diff: narrow" "$BUCKLE" diff "$P/old.buckle" "$P/narrow.buckle"
expect_rc "diff: a narrowing exits 1" 1
expect_out_has "diff: narrowing marked" "narrowing allow -> deny:"
expect_out_has "diff: the new deny" "new: decided by $P/narrow.buckle:5:5: deny files write subpath \"\${HOME}/project/.git\""
expect_out_has "diff: a request under the new deny" "file-write-acl /Users/test/project/.git"
expect_out_has "diff: the removed allow" "network-outbound localhost:8080"
expect_out_lacks "diff: a sibling with a common prefix stays allowed" "/Users/test/project/.gitx"
expect_out_lacks "diff: no widening" "WIDENING"

# both: widenings are listed first
cat >"$P/both.buckle" <<'EOF'
files {
    allow read "/usr";
    deny read "~/.ssh";
    allow write "~/project";
}
network { allow outbound "localhost:8080", "localhost:9090"; }
mach { allow lookup "com.apple.fonts"; }
sysctl { allow read prefix "hw."; }
EOF
run "diff: both" "$BUCKLE" diff "$P/old.buckle" "$P/both.buckle"
first=$(grep -E '^(WIDENING|narrowing)' "$TMP/out" | head -n 1)
case $first in WIDENING*) pass "diff: widenings first" ;; *) fail "diff: widenings first" "first group: $first" ;; esac

# .sb against .buckle, and json
cat >"$P/h.sb" <<'EOF'
(version 1)
(deny default)
(allow file-read* (subpath "/usr"))
(allow file-read* (subpath "/Users/test/project"))
(allow file-read-metadata (literal "/") (literal "/Users") (literal "/Users/test"))
EOF
cat >"$P/h.buckle" <<'EOF'
files { allow read "/usr", "~/project"; }
EOF
# h.sb hard-codes the test HOME: the two decide the same with HOME=/Users/test
# (-D), and differently with a HOME lined up with the paths (without -D)
run "diff: .sb and .buckle" "$BUCKLE" diff -D HOME=/Users/test "$P/h.sb" "$P/h.buckle"
expect_rc "diff: an .sb and its .buckle decide the same" 0
run "diff: .sb and .buckle, HOME lined up" "$BUCKLE" diff "$P/h.sb" "$P/h.buckle"
expect_rc "diff: without -D, a HOME lined up with the .sb's paths differs" 1
expect_out_has "diff: the values are named" "with HOME="
printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/usr"))\n(allow file-read* (subpath "/Users/test"))\n' >"$P/h2.sb"
run "diff: .sb widened" "$BUCKLE" diff "$P/h.sb" "$P/h2.sb"
expect_rc "diff: .sb widening exits 1" 1
expect_out_has "diff: .sb rule shown" "h2.sb:4:1: (allow file-read* (subpath \"/Users/test\"))"
run "diff: json" "$BUCKLE" diff --format json "$P/old.buckle" "$P/wide.buckle"
expect_rc "diff: json exit 1" 1
expect_out_has "diff: json change" '"change": "widening",'
expect_out_has "diff: json same" '"same": false,'
"$BUCKLE" diff "$P/old.buckle" "$P/both.buckle" >"$P/d1" 2>&1
"$BUCKLE" diff "$P/old.buckle" "$P/both.buckle" >"$P/d2" 2>&1
expect_same "diff: same input, same bytes" "$P/d1" "$P/d2"

# errors
run "diff: one argument" "$BUCKLE" diff "$P/old.buckle"
expect_rc "diff: one argument is a usage error" 2
run "diff: missing file" "$BUCKLE" diff "$P/old.buckle" "$P/nope.buckle"
expect_rc "diff: unreadable file exit 2" 2
printf 'files { allow read "/a" }\n' >"$P/broken.buckle"
run "diff: broken" "$BUCKLE" diff "$P/old.buckle" "$P/broken.buckle"
expect_rc "diff: a profile with errors exits 1" 1
expect_err_has "diff: its error" "broken.buckle:1:"
run "diff: --help" "$BUCKLE" diff --help
expect_out_has "diff: usage" "usage: buckle diff"

# OLD as REV:PATH from git, with its base as it was at that revision
B=$(cd "$(dirname "$BUCKLE")" && pwd)/$(basename "$BUCKLE")
G="$P/repo"
mkdir -p "$G/prof"
printf 'files { allow read "/usr"; }\n' >"$G/prof/base.buckle"
printf 'extends "./base";\nfiles {\n    allow read "~/project";\n    deny read "~/.ssh";\n}\n' >"$G/prof/p.buckle"
(cd "$G" && git init -q . && git add -A && git -c user.name=t -c user.email=t@localhost commit -qm one) >/dev/null 2>&1
printf 'files { allow read "/usr", "/opt"; }\n' >"$G/prof/base.buckle"
printf 'extends "./base";\nfiles {\n    allow read "~/project";\n    deny read "~/.ssh";\n}\n' >"$G/prof/p.buckle"
run "diff: REV:PATH" sh -c "cd '$G/prof' && '$B' diff HEAD:p.buckle p.buckle"
expect_rc "diff: a change in the base at REV is found" 1
expect_out_has "diff: the header names REV:PATH" "HEAD:p.buckle -> p.buckle:"
expect_out_has "diff: the base's new rule" "new: decided by base.buckle:1:28: allow files read subpath \"/opt\" (extended from p.buckle:1:9)"
expect_out_has "diff: the request" "file-read-data /opt"
run "diff: REV:PATH same" sh -c "cd '$G/prof' && '$B' diff HEAD:p.buckle HEAD:p.buckle"
expect_rc "diff: the same revision twice exits 0" 0
run "diff: REV:PATH determinism" sh -c "cd '$G/prof' && '$B' diff HEAD:p.buckle p.buckle; '$B' diff HEAD:p.buckle p.buckle"
expect_out_lacks "diff: no temporary directory in the output" "buckle-diff."
run "diff: REV:PATH missing" sh -c "cd '$G/prof' && '$B' diff HEAD:nope.buckle p.buckle"
expect_rc "diff: a path not at REV exits 2" 2
expect_err_has "diff: says so" "nope.buckle does not exist at HEAD"
run "diff: bad revision" sh -c "cd '$G/prof' && '$B' diff nosuchrev:p.buckle p.buckle"
expect_rc "diff: an unknown revision exits 2" 2
expect_err_has "diff: says git failed" "cannot read nosuchrev:p.buckle from git"

# a rule by pattern that goes away is seen: diff asks about objects the
# pattern matches (samples of its regex), not only its literal start
DP="$TMP/diffpat"
mkdir -p "$DP"
printf 'files {\n    allow read "~/project";\n    deny read glob "~/project/**/*.pem";\n}\n' >"$DP/old.buckle"
printf 'files {\n    allow read "~/project";\n}\n' >"$DP/new.buckle"
run "diff: a glob deny removed" "$B" diff "$DP/old.buckle" "$DP/new.buckle"
expect_rc "diff: a glob deny removed is a widening (exit 1)" 1
expect_out_has "diff: the glob's rule is named" 'deny files read glob "${HOME}/project/**/*.pem"'
printf '(version 1)\n(deny default)\n(allow mach-lookup (global-name-prefix "com.x."))\n(deny mach-lookup (global-name-regex #"^com\\.x\\.[0-9]+$"))\n' >"$DP/old.sb"
printf 'mach { allow lookup prefix "com.x."; deny lookup regex "^com\\\\.x\\\\.[0-9]+$$"; }\n' >"$DP/sect.buckle"
run "diff: a regex deny that loses in sections" "$B" diff "$DP/old.sb" "$DP/sect.buckle"
expect_rc "diff: the regex's names are asked (exit 1)" 1
expect_out_has "diff: a name the regex matches" "mach-lookup com.x.0"
# and the import sees it too: it keeps the two rules in their order
run "diff: import of the regex after the prefix" "$B" import "$DP/old.sb" -o "$DP/imp.buckle"
expect_rc "diff: the import succeeds" 0
run "diff: the import decides like the original" "$B" diff "$DP/old.sb" "$DP/imp.buckle"
expect_rc "diff: the imported profile decides every request alike (exit 0)" 0
run "diff: query of the import" "$B" query "$DP/imp.buckle" mach lookup com.x.1
expect_out_has "diff: the import denies a name the regex matches" "deny"

# the format: .sb and .sbpl are SBPL, .buckle is buckle, any other name by
# its text; --old-as and --new-as say it
cp "$P/h.sb" "$P/h.sbpl"
run "diff: .sbpl" "$BUCKLE" diff -D HOME=/Users/test "$P/h.sbpl" "$P/h.buckle"
expect_rc "diff: an .sbpl file is read as SBPL" 0
expect_out_has "diff: .sbpl the same" "the same decisions"
cp "$P/h.sb" "$P/h-profile"
cp "$P/h.buckle" "$P/h-source"
run "diff: by the text" "$BUCKLE" diff -D HOME=/Users/test "$P/h-profile" "$P/h-source"
expect_rc "diff: a name without an extension is read by its text" 0
printf '\n  ; a comment first\n' >"$P/h-comment"
cat "$P/h.sb" >>"$P/h-comment"
run "diff: by the text after a comment" "$BUCKLE" diff "$P/h-comment" "$P/h.sbpl"
expect_rc "diff: SBPL text that starts with a comment" 0
run "diff: --old-as buckle" "$BUCKLE" diff --old-as buckle "$P/h-profile" "$P/h-source"
expect_rc "diff: --old-as buckle reads SBPL as buckle: an error" 1
expect_err_has "diff: the buckle parser's error" "h-profile:1:1: error"
cp "$P/h.buckle" "$P/h-as.sb"
run "diff: --new-as buckle" "$BUCKLE" diff -D HOME=/Users/test --new-as buckle "$P/h.sb" "$P/h-as.sb"
expect_rc "diff: --new-as buckle overrides the .sb name" 0
run "diff: --old-as sbpl" "$BUCKLE" diff --old-as sbpl --new-as buckle "$P/h-source" "$P/h-as.sb"
expect_rc "diff: --old-as sbpl reads buckle text as SBPL: nothing it decides, cannot compare" 3
expect_out_has "diff: --old-as sbpl says why" "cannot compare: "
run "diff: --old-as bad" "$BUCKLE" diff --old-as sb "$P/h.sb" "$P/h.buckle"
expect_rc "diff: --old-as takes sbpl or buckle" 2
run "diff: unreadable, by the text" "$BUCKLE" diff "$P/nope" "$P/h.buckle"
expect_rc "diff: an unreadable file exits 2" 2

# an (import) that cannot be read here, made by both sides (the .buckle in an
# sbpl verbatim block), is left out of both; the rest is compared as always
cat >"$P/vo.sb" <<'EOF2'
(version 1)
(deny default)
(import "system.sb")
(allow file-read* (subpath "/usr"))
(allow file-read-metadata (literal "/"))
EOF2
cat >"$P/vn.buckle" <<'EOF2'
sbpl verbatim """
(import "system.sb")
""";
files { allow read "/usr"; }
EOF2
run "diff: verbatim left out" "$BUCKLE" diff "$P/vo.sb" "$P/vn.buckle"
expect_rc "diff: an unreadable import on both sides is left out" 0
expect_err_has "diff: and named" 'vo.sb:3:1: info: left out of the comparison: "system.sb" cannot be read here, and the other profile imports it too'
expect_out_has "diff: and said in the answer" 'left out of both: (import "system.sb"), which cannot be read here'
run "diff: verbatim left out, NEW as SBPL" "$BUCKLE" diff "$P/vn.buckle" "$P/vo.sb"
expect_rc "diff: either side" 0
printf 'sbpl verbatim """\n(import "system.sb")\n""";\nfiles { allow read "/usr", "/opt"; }\n' >"$P/vw.buckle"
run "diff: verbatim, and a widening" "$BUCKLE" diff "$P/vo.sb" "$P/vw.buckle"
expect_rc "diff: the rest is still compared" 1
expect_out_has "diff: the widening" "file-read-data /opt"
printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/usr"))\n(allow file-read-metadata (literal "/"))\n' >"$P/vs.sb"
run "diff: verbatim text that the SBPL side lacks" "$BUCKLE" diff "$P/vs.sb" "$P/vn.buckle"
expect_rc "diff: an import only one side makes cannot be compared (exit 3)" 3
expect_out_has "diff: one-sided import, says so" "cannot compare: "
expect_out_lacks "diff: one-sided import, never the same" "the same decisions"

# two regexes whose samples agree but whose languages differ: every path
# either side's regexes tell apart is asked (their atoms), so the widening
# is found whichever sample each regex gives
atom_case() {  # NAME OLD NEW WIDENED-PATH
    run "diff: atoms, $1" "$BUCKLE" diff "$P/$2" "$P/$3"
    expect_rc "diff: atoms, $1: they differ (exit 1)" 1
    expect_out_has "diff: atoms, $1: the widening is named" "$4"
    expect_out_lacks "diff: atoms, $1: never the same" "the same decisions"
}
printf 'files { allow read "/a"; deny read regex "^/a/s.*t$$"; }\n' >"$P/ao.buckle"
printf 'files { allow read "/a"; deny read regex "^/a/s[^x]*t$$"; }\n' >"$P/an.buckle"
atom_case "a class narrowed inside a deny" ao.buckle an.buckle "WIDENING"
printf '(version 1)\n(deny default)\n(allow file-read* (regex "^/a/[a-y]+$"))\n' >"$P/ao1.sb"
printf '(version 1)\n(deny default)\n(allow file-read* (regex "^/a/[a-z]+$"))\n' >"$P/an1.sb"
atom_case "a range widened in an allow" ao1.sb an1.sb "file-read-data /a/z"
printf '(version 1)\n(deny default)\n(allow file-read* (regex "^/a/(b|c)$"))\n' >"$P/ao4.sb"
printf '(version 1)\n(deny default)\n(allow file-read* (regex "^/a/(b|cc*)$"))\n' >"$P/an4.sb"
atom_case "a repeat added to an alternative" ao4.sb an4.sb "file-read-data /a/cc"
printf '(version 1)\n(deny default)\n(allow mach-lookup (global-name-regex "^com\\\\.acme\\\\.[a-m]+$"))\n' >"$P/ano.sb"
printf '(version 1)\n(deny default)\n(allow mach-lookup (global-name-regex "^com\\\\.acme\\\\.[a-n]+$"))\n' >"$P/ann.sb"
atom_case "a name regex widened" ano.sb ann.sb "mach-lookup com.acme.n"
# and a change that keeps the meaning is still "the same"
printf '(version 1)\n(deny default)\n(allow file-read* (regex "^/a/(b|c)$"))\n' >"$P/as1.sb"
printf '(version 1)\n(deny default)\n(allow file-read* (regex "^/a/[bc]$"))\n' >"$P/as2.sb"
run "diff: atoms, the same language" "$BUCKLE" diff "$P/as1.sb" "$P/as2.sb"
expect_rc "diff: atoms: two spellings of one language are the same (exit 0)" 0

# a regex and a subpath (a name prefix) whose scopes meet, the same text on
# both sides but deciding by order in SBPL and by depth in buckle: the
# paths (names) in both are asked
printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/a/x"))\n(deny file-read* (regex "^/a/.*/s[^q]*q$"))\n' >"$P/po.sb"
printf 'default deny;\nfiles { allow read "/a/x"; deny read regex "^/a/.*/s[^q]*q$$"; }\n' >"$P/pn.buckle"
atom_case "a regex deny after a subpath allow, by depth" po.sb pn.buckle "file-read-data /a/x/sq"
printf '(version 1)\n(deny default)\n(allow mach-lookup (global-name-prefix "com.apple."))\n(deny mach-lookup (global-name-regex #"^com\\.[a-z]+\\.securityd$"))\n' >"$P/pno.sb"
printf 'default deny;\nmach { allow lookup prefix "com.apple."; deny lookup regex "^com\\\\.[a-z]+\\\\.securityd$$"; }\n' >"$P/pnn.buckle"
atom_case "a name regex deny after a prefix allow, by depth" pno.sb pnn.buckle "mach-lookup com.apple.securityd"

# an .sb that reads parameters of its own, without -D: they get values as a
# .buckle side's do (the same on both sides, named on standard error), and
# value sets are tried for them too
cat >"$P/own.sb" <<'EOF2'
(version 1)
(deny default)
(allow file-read* (subpath (param "PROJECT")))
(allow file-write* (subpath (string-append (param "PROJECT") "/out")))
(allow network-outbound (remote tcp (string-append "localhost:" (param "PORT"))))
(allow file-read* (regex (string-append "^" (param "PROJECT") "/src/.*\\.c$")))
EOF2
run "diff: .sb parameters, its own import" "$BUCKLE" import -o "$P/own.buckle" "$P/own.sb"
expect_rc "diff: .sb parameters: the import is written" 0
run "diff: .sb parameters without -D" "$BUCKLE" diff --canonical-values "$P/own.sb" "$P/own.buckle"
expect_rc "diff: an .sb that reads parameters and its import are the same (exit 0)" 0
expect_out_has "diff: .sb parameters: the same decisions" "the same decisions"
expect_err_has "diff: .sb parameters: the path value is named" "PROJECT=/Users/test/param-PROJECT"
expect_err_has "diff: .sb parameters: a port gets a port" "PORT=8080"
expect_err_has "diff: .sb parameters: at the (param) form" "own.sb:5:65:"
# an .sb compares a value as the program passes it, a .buckle the canonical
# path: the import of (subpath (param "XX")) allows /private/etc for
# XX=/etc, where the original allows nothing; diff tries such values itself
printf '(version 1)\n(deny default)\n(allow file-read-data (subpath (param "XX")))\n' >"$P/alias.sb"
run "diff alias: the import" "$BUCKLE" import -o "$P/alias.buckle" "$P/alias.sb"
expect_rc "diff alias: the import is written" 0
expect_err_has "diff alias: the import says what it cannot keep" "the original compares the value of XX as the program passes it"
grep -q "^# The original compares the value of XX as the program passes it" "$P/alias.buckle" \
    && pass "diff alias: the import's comment says it" || fail "diff alias: the import's comment says it" "$(head -n 12 "$P/alias.buckle")"
run "diff alias: without -D" "$BUCKLE" diff "$P/alias.sb" "$P/alias.buckle"
expect_rc "diff alias: a value through /tmp widens the import (exit 1)" 1
expect_out_has "diff alias: the widening" "WIDENING deny -> allow"
expect_out_has "diff alias: at the canonical path" "file-read-data /private/tmp/Users/test/param-XX"
expect_out_has "diff alias: the value named" "with XX=/tmp/Users/test/param-XX: a value through /tmp, /var or /etc"
run "diff alias: json" "$BUCKLE" diff --format json "$P/alias.sb" "$P/alias.buckle"
expect_out_has "diff alias: json says so" '"values_alias": true'
run "diff alias: the other way" "$BUCKLE" diff "$P/alias.buckle" "$P/alias.sb"
expect_rc "diff alias: the .buckle first (exit 1)" 1
expect_out_has "diff alias: the other way, narrowed" "file-read-data /private/tmp/Users/test/param-XX"
run "diff alias: a value under /private" "$BUCKLE" diff -D XX=/Users/x "$P/alias.sb" "$P/alias.buckle"
expect_rc "diff alias: with -D the value is fixed (exit 0)" 0
# a value given through /tmp: the sides differ there, and one line says why
run "diff alias: -D through /tmp" "$BUCKLE" diff -D XX=/tmp/w "$P/alias.sb" "$P/alias.buckle"
expect_rc "diff alias: -D through /tmp differs (exit 1)" 1
expect_out_has "diff alias: -D through /tmp, the line says why" "with XX=/tmp/w given: a value through /tmp, /var or /etc (an .sb compares it as the program passes it, a .buckle as the canonical path, which buckle run passes: -D XX=/private/tmp/w compares them as it runs)"
run "diff alias: -D through /etc, json" "$BUCKLE" diff --format json -D XX=/etc "$P/alias.sb" "$P/alias.buckle"
expect_out_has "diff alias: json names the value" '"given_alias": "XX=/etc"'
expect_out_has "diff alias: json names the canonical value" '"given_canonical": "XX=/private/etc"'
run "diff alias: -D the canonical value" "$BUCKLE" diff -D XX=/private/tmp/w "$P/alias.sb" "$P/alias.buckle"
expect_rc "diff alias: -D the canonical value, the same (exit 0)" 0
expect_out_lacks "diff alias: -D the canonical value, no such line" "given:"
run "diff alias: canonical values" "$BUCKLE" diff --canonical-values "$P/alias.sb" "$P/alias.buckle"
expect_rc "diff alias: --canonical-values leaves the aliases out (exit 0)" 0
expect_out_has "diff alias: --canonical-values, the same" "the same decisions"
run "diff alias: both .sb" "$BUCKLE" diff "$P/alias.sb" "$P/alias.sb"
expect_rc "diff alias: both .sb read values alike (exit 0)" 0
# a deny on the parameter: the import denies /private/etc/x, the original
# (XX=/etc) lets the allow around it decide
printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/private"))\n(deny file-read-data (subpath (param "XX")))\n' >"$P/alias-deny.sb"
run "diff alias: a deny, imported" "$BUCKLE" import -o "$P/alias-deny.buckle" "$P/alias-deny.sb"
run "diff alias: a deny" "$BUCKLE" diff "$P/alias-deny.sb" "$P/alias-deny.buckle"
expect_rc "diff alias: a deny on the parameter differs (exit 1)" 1
expect_out_has "diff alias: a deny narrows" "narrowing allow -> deny"
run "diff: .sb parameters, both .sb" "$BUCKLE" diff "$P/own.sb" "$P/own.sb"
expect_rc "diff: an .sb with parameters against itself (exit 0)" 0
sed 's|"/out"|"/outx"|' "$P/own.sb" >"$P/own2.sb"
run "diff: .sb parameters, a change" "$BUCKLE" diff "$P/own2.sb" "$P/own.buckle"
expect_rc "diff: .sb parameters: a changed subpath differs (exit 1)" 1
expect_out_has "diff: .sb parameters: the widening is found" "file-write-data /Users/test/param-PROJECT/out"
# a deny that matters only where PROJECT is /Users/me/proj: found under the
# value lined up with it
printf '(version 1)\n(deny default)\n(allow file-read* (subpath (param "PROJECT")))\n' >"$P/lo.sb"
printf '(version 1)\n(deny default)\n(allow file-read* (subpath (param "PROJECT")))\n(deny file-read* (literal "/Users/me/proj/.env"))\n' >"$P/ln.sb"
run "diff: .sb parameters, lined up" "$BUCKLE" diff "$P/lo.sb" "$P/ln.sb"
expect_rc "diff: .sb parameters: a deny at a lined-up value differs (exit 1)" 1
expect_out_has "diff: .sb parameters: under a value lined up with the deny" "with PROJECT=/Users"
expect_out_has "diff: .sb parameters: the deny is named" "file-read-data /Users/me/proj/.env"
# a parameter read in a condition keeps what the rules do when it is not
# passed: no value is made up for it (that would compare one branch only)
printf '(version 1)\n(deny default)\n(when (param "FLAG") (allow file-write* (subpath (param "PROJECT"))))\n' >"$P/cond.sb"
printf '(version 1)\n(deny default)\n(allow file-write* (subpath (param "PROJECT")))\n' >"$P/cond2.sb"
run "diff: .sb parameter in a condition" "$BUCKLE" diff "$P/cond.sb" "$P/cond2.sb"
grep -q "FLAG=" "$TMP/err" && fail "diff: .sb parameters: none made up for one in a condition" "$(cat "$TMP/err")" \
    || pass "diff: .sb parameters: none made up for one in a condition"
expect_out_lacks "diff: .sb parameter in a condition: never the same" "the same decisions"
# ... and so for one a helper reads, when the helper's value is the
# condition, while one its value puts in a path gets a value
printf '(version 1)\n(deny default)\n(define (flag?) (param "FLAG"))\n(define (proj rel) (string-append (param "PROJECT") rel))\n(when (flag?) (allow file-write* (subpath (proj "/out"))))\n' >"$P/hcond.sb"
printf '(version 1)\n(deny default)\n(allow file-write* (subpath (string-append (param "PROJECT") "/out")))\n' >"$P/hcond2.sb"
run "diff: .sb parameter in a helper's condition" "$BUCKLE" diff "$P/hcond.sb" "$P/hcond2.sb"
grep -q "FLAG=" "$TMP/err" && fail "diff: .sb parameters: none made up for a helper's condition" "$(cat "$TMP/err")" \
    || pass "diff: .sb parameters: none made up for a helper's condition"
expect_err_has "diff: .sb parameters: one a helper puts in a path gets a path" "hcond.sb:4:35: info: parameter PROJECT has no value: both profiles are compared with PROJECT=/Users/test/param-PROJECT"
expect_out_lacks "diff: .sb parameter in a helper's condition: never the same" "the same decisions"
# a regex both sides hold is asked by samples that are paths: "^/a/.*/c$"
# is shortest as "/a//c", which no request holds, and /a/x/c is asked
printf '(version 1) (deny default) (allow file-read* (regex #"^/a/.*/c$"))\n' >"$P/rx-all.sb"
printf '(version 1) (deny default) (allow file-read-data (regex #"^/a/.*/c$"))\n' >"$P/rx-data.sb"
run "diff: a shared regex's path samples" "$BUCKLE" diff "$P/rx-all.sb" "$P/rx-data.sb"
expect_rc "diff: a shared regex used on fewer operations differs (exit 1)" 1
expect_out_has "diff: ... at a path the regex matches" "file-read-metadata /a/x/c"
# the same regexes on both sides, used differently: a deny by one is
# dropped while an allow by it stays; what tells them apart is a path both
# patterns match (/a/b.b), which only a walk of the two together finds
printf 'default deny;\nfiles {\n  deny file-write-data glob "/a/[bc]*";\n  allow metadata glob "/a/[bc]*";\n  allow write glob "/a/*.b";\n}\n' >"$P/rx-rule-a.buckle"
printf 'default deny;\nfiles {\n  allow metadata glob "/a/[bc]*";\n  allow write glob "/a/*.b";\n}\n' >"$P/rx-rule-b.buckle"
run "diff: shared regexes, a rule dropped" "$BUCKLE" diff "$P/rx-rule-a.buckle" "$P/rx-rule-b.buckle"
expect_rc "diff: shared regexes, a deny dropped: a widening (exit 1)" 1
expect_out_has "diff: ... at a path both patterns match" "file-write-data /a/b.b"
