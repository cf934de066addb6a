# diff_gate.sh - `buckle diff` as the review gate: no widening is "the same
# decisions".  Operations without an object, every process target, samples
# of unanchored regexes, (with no-sandbox), sbpl verbatim blocks where
# Seatbelt reads them, imports that cannot be read, parameters without a
# value; and requests that cannot be decided are never the same (exit 3).
. tests/lib.sh
G=$(scratch_dir diffgate)
printf '(version 1)\n(deny default)\n' >"$G/deny.sb"

# operations that name no object: an unfiltered allow is a widening
printf '(version 1)\n(deny default)\n(allow system-kext-load)\n(allow nvram*)\n(allow pseudo-tty)\n(allow lsopen)\n(allow process-info*)\n' >"$G/misc.sb"
run "diff gate: unfiltered operations" "$BUCKLE" diff "$G/deny.sb" "$G/misc.sb"
expect_rc "diff gate: an unfiltered misc allow is a widening (exit 1)" 1
expect_out_has "diff gate: kext load asked with no object" "system-kext-load (no object)"
expect_out_has "diff gate: nvram asked" "nvram-set (no object)"
expect_out_has "diff gate: pseudo-tty asked" "pseudo-tty (no object)"
expect_out_has "diff gate: lsopen asked" "lsopen (no object)"
printf 'misc { allow system-kext-load; }\n' >"$G/misc.buckle"
run "diff gate: unfiltered, .buckle" "$BUCKLE" diff "$G/deny.sb" "$G/misc.buckle"
expect_rc "diff gate: misc allow in a .buckle is a widening (exit 1)" 1
expect_out_has "diff gate: the .buckle rule named" "allow misc system-kext-load"
# a filtered operation that gains an unfiltered rule
printf '(version 1)\n(deny default)\n(allow mach-lookup (global-name "com.x.a"))\n' >"$G/ml1.sb"
printf '(version 1)\n(deny default)\n(allow mach-lookup (global-name "com.x.a"))\n(allow sysctl-read)\n' >"$G/ml2.sb"
run "diff gate: an unfiltered rule beside filtered ones" "$BUCKLE" diff "$G/ml1.sb" "$G/ml2.sb"
expect_rc "diff gate: an unfiltered sysctl-read is a widening (exit 1)" 1
expect_out_has "diff gate: its request without an object" "sysctl-read (no object)"

# every process target, not only the ones the profiles name
printf 'process { allow signal target "self"; }\n' >"$G/sig-self.buckle"
printf 'process { allow signal; }\n' >"$G/sig-all.buckle"
run "diff gate: signal to every target" "$BUCKLE" diff "$G/sig-self.buckle" "$G/sig-all.buckle"
expect_rc "diff gate: target self -> any target is a widening (exit 1)" 1
expect_out_has "diff gate: signal others asked" "signal others"
expect_out_has "diff gate: signal same-sandbox asked" "signal same-sandbox"

# unanchored regexes: their samples, below "/x/" and below every path named
printf 'files {\n    allow read regex "secret";\n    allow read regex "id_rsa$$";\n}\n' >"$G/unanch.buckle"
run "diff gate: unanchored regex" "$BUCKLE" diff "$G/deny.sb" "$G/unanch.buckle"
expect_rc "diff gate: an unanchored regex allow is a widening (exit 1)" 1
expect_out_has "diff gate: a path the regex matches" "file-read-data /x/id_rsa"
printf '(version 1)\n(deny default)\n(allow file-read* (regex #"\\.pem$"))\n' >"$G/pem.sb"
run "diff gate: unanchored regex, .sb" "$BUCKLE" diff "$G/deny.sb" "$G/pem.sb"
expect_rc "diff gate: (regex #\"\\.pem\$\") is a widening (exit 1)" 1
printf 'files {\n    allow file-read-data regex "b/c";\n    deny read subpath "~/b";\n}\n' >"$G/bc-old.buckle"
printf 'files {\n    allow file-read-data regex "b/c";\n}\n' >"$G/bc-new.buckle"
run "diff gate: unanchored regex below a named path" "$BUCKLE" diff "$G/bc-old.buckle" "$G/bc-new.buckle"
expect_rc "diff gate: a removed deny over an unanchored regex is found (exit 1)" 1
expect_out_has "diff gate: the sample below the deny's path" "file-read-data /Users/test/b/c"

# (with no-sandbox) added to an exec allow
printf '(version 1)\n(deny default)\n(allow process-exec* (subpath "/usr"))\n' >"$G/exec.sb"
printf '(version 1)\n(deny default)\n(allow process-exec* (subpath "/usr") (with no-sandbox))\n' >"$G/exec-ns.sb"
run "diff gate: no-sandbox added" "$BUCKLE" diff "$G/exec.sb" "$G/exec-ns.sb"
expect_rc "diff gate: (with no-sandbox) added is a widening (exit 1)" 1
expect_out_has "diff gate: no-sandbox marked" "WIDENING allow -> allow with no-sandbox:"
run "diff gate: no-sandbox removed" "$BUCKLE" diff "$G/exec-ns.sb" "$G/exec.sb"
expect_rc "diff gate: (with no-sandbox) removed is a narrowing (exit 1)" 1
expect_out_has "diff gate: no-sandbox removal marked" "narrowing allow with no-sandbox -> allow:"
printf '(version 1)\n(deny default)\n(allow process-exec* (subpath "/usr") (with report))\n' >"$G/exec-rep.sb"
run "diff gate: (with report)" "$BUCKLE" diff "$G/exec.sb" "$G/exec-rep.sb"
expect_rc "diff gate: (with report) decides the same (exit 0)" 0

# an sbpl verbatim block is compared where Seatbelt reads it (before the
# generated rules), not left out
printf 'files { deny read "/secret"; }\nsbpl verbatim """\n(allow file-read* (subpath "/"))\n""";\n' >"$G/vb.buckle"
printf '(version 1)\n(deny default)\n(deny file-read* (subpath "/secret"))\n(allow file-read* (subpath "/"))\n' >"$G/vb.sb"
run "diff gate: verbatim block's position" "$BUCKLE" diff "$G/vb.buckle" "$G/vb.sb"
expect_rc "diff gate: the later allow of the .sb is a widening (exit 1)" 1
expect_out_has "diff gate: the request under the deny" "file-read-data /secret"
printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/"))\n(deny file-read* (subpath "/secret"))\n' >"$G/vb-same.sb"
run "diff gate: verbatim block, same order" "$BUCKLE" diff "$G/vb.buckle" "$G/vb-same.sb"
expect_rc "diff gate: the same order decides the same (exit 0)" 0

# an import that cannot be read here: left out of both sides when both make
# it, the rest compared; made by one side only, cannot compare (exit 3)
printf '(version 1)\n(deny default)\n(import "system.sb")\n(allow file-read* (subpath "/usr"))\n' >"$G/sys.sb"
cp "$G/sys.sb" "$G/sys-wide.sb"
printf '(allow file-write* (subpath "/"))\n' >>"$G/sys-wide.sb"
run "diff gate: both import system.sb" "$BUCKLE" diff "$G/sys.sb" "$G/sys-wide.sb"
expect_rc "diff gate: a widening beside an unreadable import is found (exit 1)" 1
expect_out_has "diff gate: the write widening" "file-write-data /"
expect_out_has "diff gate: the import left out, said" 'left out of both: (import "system.sb")'
run "diff gate: both import system.sb, the same" "$BUCKLE" diff "$G/sys.sb" "$G/sys.sb"
expect_rc "diff gate: the same file twice with an unreadable import (exit 0)" 0
printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/usr"))\n' >"$G/nosys.sb"
run "diff gate: one side imports" "$BUCKLE" diff "$G/nosys.sb" "$G/sys.sb"
expect_rc "diff gate: an import on one side only cannot be compared (exit 3)" 3
expect_out_has "diff gate: cannot compare said" "cannot compare: "
expect_out_has "diff gate: why" '(import "system.sb") could not be read'
run "diff gate: cannot compare, json" "$BUCKLE" diff --format json "$G/nosys.sb" "$G/sys.sb"
expect_rc "diff gate: json exit 3" 3
expect_out_has "diff gate: json not the same" '"same": false,'
mkdir -p "$G/inc"
printf '(allow file-write* (subpath "/tmp"))\n' >"$G/inc/system.sb"
run "diff gate: -I gives the import" "$BUCKLE" diff -I "$G/inc" "$G/nosys.sb" "$G/sys.sb"
expect_rc "diff gate: with -I the import is compared (exit 1)" 1
expect_out_has "diff gate: the imported rule's widening" "file-write-data /tmp"

# a parameter the .buckle leaves without a value gets one, on both sides,
# said at its declaration
printf '(version 1)\n(deny default)\n(allow file-read* (subpath (string-append (param "HOME_DIR") "/src")))\n' >"$G/app.sb"
printf 'param HOME_DIR;\nfiles { allow read "$HOME_DIR/src"; deny metadata "$HOME_DIR"; }\n' >"$G/app.buckle"
run "diff gate: a parameter without a value" "$BUCKLE" diff "$G/app.sb" "$G/app.buckle"
expect_err_has "diff gate: said at the param line" "app.buckle:1:7: info: parameter HOME_DIR has no value"
expect_out_lacks "diff gate: not an error" "has no value; declare"
printf 'param HOME_DIR;\nfiles { allow read "$HOME_DIR"; }\n' >"$G/app-wide.buckle"
run "diff gate: a parameter without a value, widened" "$BUCKLE" diff "$G/app.sb" "$G/app-wide.buckle"
expect_rc "diff gate: the widening under the filled value is found (exit 1)" 1
expect_out_has "diff gate: under the value" "/Users/test/param-HOME_DIR"

# REV:PATH with a bad revision: git's message and buckle's, not tar's
B=$(cd "$(dirname "$BUCKLE")" && pwd)/$(basename "$BUCKLE")
R="$G/repo"
mkdir -p "$R"
printf 'files { allow read "/usr"; }\n' >"$R/p.buckle"
(cd "$R" && git init -q . && git add -A && git -c user.name=t -c user.email=t@localhost commit -qm one) >/dev/null 2>&1
run "diff gate: bad revision" sh -c "cd '$R' && '$B' diff HEAD~5:p.buckle p.buckle"
expect_rc "diff gate: a bad revision exits 2" 2
expect_err_has "diff gate: buckle's own error" "cannot read HEAD~5:p.buckle from git"
if grep -q 'tar:' "$TMP/err"; then fail "diff gate: no tar noise" "$(cat "$TMP/err")"; else pass "diff gate: no tar noise"; fi
