# why.sh - `buckle why`: every log form, grouping, the deciding rule, the
# narrowest rule and its lint findings, malformed and huge input, formats.
. tests/lib.sh
P="$TMP/why"
mkdir -p "$P"

cat >"$P/base.buckle" <<'EOF'
files {
    allow read "/usr";
    deny final read "~/.aws";
}
EOF
cat >"$P/p.buckle" <<'EOF'
extends "./base";
param WORKDIR;
files {
    allow write "$WORKDIR";
    deny read "~/.ssh";
}
mach {
    allow lookup "com.apple.fonts";
}
sysctl {
    deny read prefix "kern.procargs";
}
EOF

# ---- every plain form
cat >"$P/plain.log" <<'EOF'
Filtering the log data using "composedMessage CONTAINS "deny""
Timestamp                       Thread     Type        Activity             PID    TTL
2026-01-05 10:00:00.123456+0100 0x1a2b     Error       0x0                  0      0    kernel: (Sandbox) Sandbox: node(12345) deny(1) file-read-data /Users/me/.ssh/id_rsa
Sandbox: node(12345) deny(1) file-read-data /Users/me/.ssh/id_rsa
kernel: (Sandbox) Sandbox: curl(5723) deny(1) network-outbound 1.2.3.4:443
kernel: (Sandbox) Sandbox: uv(77) deny(1) mach-lookup com.apple.SystemConfiguration.configd
kernel: (Sandbox) Sandbox: ps(88) deny(1) sysctl-read kern.procargs2
kernel: (Sandbox) System Policy: git(4321) deny(1) file-read-data /usr/lib/libz.dylib
System Policy: deny(1) file-read-data /Users/me/.aws/credentials
kernel: (Sandbox) Sandbox: Google Chrome He(991) deny(1) file-write-create /Users/me/elsewhere/My File (1).txt
kernel: (Sandbox) Sandbox: 3 duplicate reports for node deny(1) file-read-data /Users/me/.ssh/id_rsa
Sandbox: python3(5) deny(1) file-read-metadata /Users/me/work/q$x"y
Sandbox: node(12) deny(1)
Sandbox: node(12 deny(1) file-read-data /x
kernel: (Sandbox) Sandbox: node(1) deny(1) frobnicate-widget /x
EOF
run "why: plain" "$BUCKLE" why -D WORKDIR=/Users/me/project "$P/p.buckle" "$P/plain.log"
expect_rc "why: plain log: exit 0" 0
expect_out_has "why: counts and distinct" "plain.log: 13 denials, 9 distinct, explained by"
expect_out_has "why: lines not read are counted" "2 entries look like a denial but could not be read (-v lists them)"
expect_out_has "why: other lines counted" "2 entries are no sandbox denial"
expect_out_has "why: HOME from the log" "HOME=/Users/me (taken from the log's paths"
expect_out_has "why: grouped with the duplicate report's count" "denied file-read-data /Users/me/.ssh/id_rsa
  5 times: node(12345)"
expect_out_has "why: the deciding rule with file:line:col" 'decided by '"$P"'/p.buckle:5:5: deny files read subpath "${HOME}/.ssh"'
expect_out_has "why: the narrowest rule, in the user's syntax" 'allow file-read-data literal "~/.ssh/id_rsa";'
expect_out_has "why: the default decides" "decided by the default (default deny)"
expect_out_has "why: configd's rule raises BK3002" "lint: info [BK3002 dangerous-mach-service] mach lookup allows com.apple.SystemConfiguration.configd"
expect_out_has "why: network by port only" 'allow outbound "*:443";'
expect_out_has "why: why only the port" "Seatbelt filters remote addresses by port only"
expect_out_has "why: sysctl rule decided in the section" 'decided by '"$P"'/p.buckle:11:5: deny sysctl read prefix "kern.procargs"'
expect_out_has "why: sysctl narrowest rule" 'allow read "kern.procargs2";'
expect_out_has "why: the System Policy form, allowed by the profile" "allowed by the profile: file-read-data /usr/lib/libz.dylib
  1 time: git(4321)
  this profile allows it: the denial came from another layer (TCC, another profile)"
expect_out_has "why: the allowing rule and its extends chain" "base.buckle:2:5: allow files read subpath \"/usr\" (extended from $P/p.buckle:1:9)"
expect_out_has "why: final rule from a base" "deny final files read subpath \"\${HOME}/.aws\" (final) (extended from"
expect_out_has "why: a line without a process" "1 time: (no process named)"
expect_out_has "why: final explained" "the rule is final: no rule added after it can allow this"
expect_out_has "why: the rule a final deny forbids raises BK2005" "lint: error [BK2005 final-violated] allow contradicts a final deny"
expect_out_has "why: a process name with spaces" "1 time: Google Chrome He(991)"
expect_out_has "why: a path with spaces and parentheses" 'allow file-write-create literal "~/elsewhere/My File (1).txt";'
expect_out_has "why: \$ and quotes escaped" 'allow metadata literal "~/work/q$$x\"y";'
expect_out_has "why: an unknown operation" "an operation buckle does not know"
expect_out_lacks "why: malformed lines not listed without -v" "not read:"
run "why: plain -v" "$BUCKLE" why -v -D WORKDIR=/Users/me/project "$P/p.buckle" "$P/plain.log"
expect_out_has "why: -v lists a line without operation" "plain.log:13: not read: no operation after \"deny\": Sandbox: node(12) deny(1)"
expect_out_has "why: -v lists a broken process" "plain.log:14: not read: cannot read the process name and id before \"deny\""
expect_rc "why: malformed lines are not fatal" 0

# the suggested rule really allows it: add it and ask query
sed -n '/^      files {$/,/^      }$/p' "$TMP/out" | grep -F 'elsewhere' >/dev/null
{ cat "$P/p.buckle"; printf 'files {\n    allow file-write-create literal "~/elsewhere/My File (1).txt";\n}\n'; } >"$P/p2.buckle"
cp "$P/base.buckle" "$P/base2.buckle"
run "why: rule added" "$BUCKLE" query -D HOME=/Users/me -D WORKDIR=/Users/me/project "$P/p2.buckle" file-write-create "/Users/me/elsewhere/My File (1).txt"
expect_out_has "why: the suggested rule allows the request" "allow /Users/me/elsewhere/My File (1).txt"
run "why: after" "$BUCKLE" why -D WORKDIR=/Users/me/project "$P/p2.buckle" "$P/plain.log"
expect_out_has "why: after adding it the profile allows it" "allowed by the profile: file-write-create /Users/me/elsewhere/My File (1).txt"

# -D HOME wins over the log's
run "why: -D HOME" "$BUCKLE" why -D HOME=/Users/other -D WORKDIR=/w "$P/p.buckle" "$P/plain.log"
expect_out_lacks "why: no guess when -D HOME is given" "HOME=/Users/me"
expect_out_has "why: with another HOME ~/.ssh does not decide" 'allow file-read-data literal "/Users/me/.ssh/id_rsa";'

# ---- ndjson (log show/stream --style ndjson)
cat >"$P/nd.log" <<'EOF'
Filtering the log data using "sender == "Sandbox""
{"traceID":1,"eventMessage":"Sandbox: uv(77) deny(1) mach-lookup com.apple.SystemConfiguration.configd","processImagePath":"/kernel","processID":0,"backtrace":{"frames":[{"imageOffset":1}]}}
{"eventMessage":"Sandbox: node(1) deny(1) file-read-data \/Users\/me\/caf\u00e9 \"x\"","processID":0}
{"processID":0,"nested":{"eventMessage":"Sandbox: a(1) deny(1) file-read-data /nested"},"eventMessage":"Sandbox: b(2) deny(1) file-read-data /top"}
{"eventMessage":"Sandbox: node(1) deny(1) file-read-data /Users/me/.ssh/id_rsa"
{"eventMessage":"Sandbox: node(1) deny(1) file-read-data /bad \q escape"}
{"eventMessage": 5, "deny": 1}
{"eventMessage":"Sandbox: node(1) deny(1) file-read-data /Users/me/.ssh/config"}
{"finished":1}
EOF
run "why: ndjson" "$BUCKLE" why -v -D WORKDIR=/w "$P/p.buckle" "$P/nd.log"
expect_rc "why: ndjson exit 0" 0
expect_out_has "why: ndjson counts" "nd.log: 4 denials, 4 distinct"
expect_out_has "why: ndjson configd" "denied mach-lookup com.apple.SystemConfiguration.configd"
expect_out_has "why: ndjson escapes decoded by jansson" 'denied file-read-data /Users/me/café "x"'
expect_out_has "why: the top-level eventMessage, not a nested one" "denied file-read-data /top"
expect_out_lacks "why: a nested eventMessage is not the message" "/nested"
expect_out_has "why: an entry not ending on its line" "nd.log:5: not read: a JSON entry that does not end on its line"
expect_out_has "why: an invalid escape" "nd.log:6: not read: the eventMessage is not a valid JSON string"
expect_out_has "why: the entry after a broken one is read" "denied file-read-data /Users/me/.ssh/config"

# ---- json (log show --style json): one array, entries over several lines
cat >"$P/arr.json" <<'EOF'
[{
  "traceID" : 1,
  "eventMessage" : "Sandbox: uv(77) deny(1) mach-lookup com.apple.SystemConfiguration.configd",
  "backtrace" : {
    "frames" : [ { "imageOffset" : 1, "imageUUID" : "X" } ]
  }
},{
  "eventMessage" : "kernel: (Sandbox) Sandbox: ps(88) deny(1) sysctl-read kern.procargs2",
  "note" : "a } and a ] in a string, and \"deny\""
},{
  "eventMessage" : "Sandbox: ps(88) deny(1) sysctl-read kern.procargs2"
}]
EOF
run "why: json" "$BUCKLE" why -D WORKDIR=/w "$P/p.buckle" - <"$P/arr.json"
expect_rc "why: json from stdin exit 0" 0
expect_out_has "why: json counts" "<stdin>: 3 denials, 2 distinct"
expect_out_has "why: json grouped" "denied sysctl-read kern.procargs2
  2 times: ps(88)"
run "why: no LOG reads stdin" "$BUCKLE" why -D WORKDIR=/w "$P/p.buckle" <"$P/arr.json"
expect_out_has "why: stdin without -" "<stdin>: 3 denials, 2 distinct"
printf '[\n{"eventMessage":"Sandbox: a(1) deny(1) file-read-data /x"},\nnot json\n' >"$P/bad.json"
run "why: json with garbage" "$BUCKLE" why -v -D WORKDIR=/w "$P/p.buckle" "$P/bad.json"
expect_out_has "why: text inside an array" "bad.json:3: not read: text where a JSON entry should be"
expect_rc "why: garbage is not fatal" 0
printf '[{"eventMessage":"Sandbox: a(1) deny(1) file-read-data /x",\n' >"$P/cut.json"
run "why: json cut short" "$BUCKLE" why -v -D WORKDIR=/w "$P/p.buckle" "$P/cut.json"
expect_out_has "why: an entry not closed" "cut.json:1: not read: a JSON entry that is not closed before the end"

# ---- --format json
run "why: --format json" "$BUCKLE" why --format json -v -D WORKDIR=/Users/me/project "$P/p.buckle" "$P/plain.log"
expect_rc "why: json format exit 0" 0
expect_out_has "why: json: counts" '"denials": 13,'
expect_out_has "why: json: operation" '"operation": "mach-lookup",'
expect_out_has "why: json: lint finding" '"code": "BK3002",'
expect_out_has "why: json: final" '"final": true'
expect_out_has "why: json: allowed elsewhere" '"verdict": "allowed",'
expect_out_has "why: json: suggestion" '"rule": "allow outbound \"*:443\"",'
expect_out_has "why: json: unparsed lines with -v" '"why": "no operation after \"deny\"",'
expect_out_has "why: json: param guessed" '"HOME": "/Users/me",'
printf 'Sandbox: a(1) deny(1) file-read-data /x\377y\n' >"$P/bin.log"
run "why: not UTF-8" "$BUCKLE" why --format json -D WORKDIR=/w "$P/p.buckle" "$P/bin.log"
expect_rc "why: bytes that are not UTF-8 in JSON output" 0
expect_out_has "why: replaced" '"object": "/x'

# ---- a rule that takes directories and symbolic links only: a log line
# does not name the file type, so each type is asked
cat >"$P/held.buckle" <<'EOF'
files {
    allow write "~/p";
    deny final read glob "~/p/**/secret";
}
EOF
printf 'Sandbox: mv(7) deny(1) file-write-unlink /Users/me/p/a/b\nSandbox: cp(8) deny(1) file-write* /Users/me/p/c\n' >"$P/held.log"
run "why: by file type" "$BUCKLE" why "$P/held.buckle" "$P/held.log"
expect_rc "why: by file type: exit 0" 0
expect_out_has "why: denied for a directory or a link" "denied if it is a directory or a symbolic link: file-write-unlink /Users/me/p/a/b"
expect_out_has "why: by the implied final rule" 'decided by '"$P"'/held.buckle:3:5: deny final files file-write-unlink regex "^${HOME.re}/p(/.*)?$$" of a directory or symbolic link (implied: a final path is not moved, linked or cloned away) (final)'
expect_out_has "why: a regular file's answer too" "the log does not name the file type; if it is a regular file: allowed by $P/held.buckle:2:5: allow files write subpath"
expect_out_has "why: the implied rule is final" "the rule is final: no rule added after it can allow this"
expect_out_has "why: the suggestion cannot override it" "but: still denied by $P/held.buckle:3:5, a final rule"
expect_out_has "why: a family: denied for a directory" "denied if it is a directory or a symbolic link: file-write* /Users/me/p/c"
expect_out_has "why: a family: the operation a directory is denied" "evaluated as file-write-create"
expect_out_lacks "why: not sent to another layer" "another layer"
run "why: by file type, json" "$BUCKLE" why --format json "$P/held.buckle" "$P/held.log"
# one line each (grep reads a pattern of two lines as either line)
expect_out_has "why: json: the types denied" '"file_types": ['
expect_out_has "why: json: a symbolic link" '"SYMLINK"'
expect_out_has "why: json: the others' answer" '"otherwise": {'
expect_out_has "why: json: a regular file" '"REGULAR-FILE"'
expect_out_has "why: json: the family's operation" '"evaluated_as": "file-write-create",'
expect_out_lacks "why: json: no other layer" "another layer"
# the same with a raw sbpl block (each type asked of both sides)
{ cat "$P/held.buckle"; printf 'sbpl """\n(allow mach-lookup (global-name "com.example.x"))\n""";\n'; } >"$P/held-raw.buckle"
run "why: by file type beside raw sbpl" "$BUCKLE" why "$P/held-raw.buckle" "$P/held.log"
expect_out_has "why: raw beside: denied for a directory or a link" "denied if it is a directory or a symbolic link: file-write* /Users/me/p/c"
expect_out_has "why: raw beside: the others' answer" "the log does not name the file type; if it is a regular file: allowed by $P/held-raw.buckle:2:5"
expect_out_lacks "why: raw beside: no disagreement" "compiler bug"
# an .sb profile: a vnode-type filter decides by the type
cat >"$P/held.sb" <<'EOF'
(version 1)
(deny default)
(allow file-write* (subpath "/Users/me/p"))
(deny file-write-unlink (require-all (subpath "/Users/me/p") (require-any (vnode-type DIRECTORY) (vnode-type SYMLINK))))
EOF
run "why: .sb by file type" "$BUCKLE" why "$P/held.sb" "$P/held.log"
expect_out_has "why: .sb: denied for a directory or a link" "denied if it is a directory or a symbolic link: file-write-unlink /Users/me/p/a/b"
expect_out_has "why: .sb: by the vnode-type rule" "decided by $P/held.sb:4:1: (deny file-write-unlink"
expect_out_has "why: .sb: a regular file's answer" "the log does not name the file type; if it is a regular file: allowed by $P/held.sb:3:1: (allow file-write* (subpath \"/Users/me/p\"))"
expect_out_has "why: .sb: the narrowest rule" '(allow file-write-unlink (literal "/Users/me/p/a/b"))'
expect_out_lacks "why: .sb: decided for each type" "undecidable"
expect_out_has "why: .sb: a family, for a directory" "denied if it is a directory or a symbolic link: file-write* /Users/me/p/c"

# std/agent's own rules of this kind (a directory inside .git/modules)
printf 'extends "std/agent";\n' >"$P/agent.buckle"
printf 'Sandbox: git(123) deny(1) file-write-unlink /Users/test/project/.git/modules/lib\n' >"$P/agent.log"
run "why: std/agent by file type" "$BUCKLE" why "$P/agent.buckle" "$P/agent.log"
expect_out_has "why: std/agent: a directory in .git/modules" "denied if it is a directory or a symbolic link: file-write-unlink /Users/test/project/.git/modules/lib"
expect_out_has "why: std/agent: by its final" "decided by std/agent.buckle:"
expect_out_lacks "why: std/agent: not another layer" "another layer"

# ---- determinism
"$BUCKLE" why -D WORKDIR=/w "$P/p.buckle" "$P/plain.log" >"$P/o1" 2>&1
"$BUCKLE" why -D WORKDIR=/w "$P/p.buckle" "$P/plain.log" >"$P/o2" 2>&1
expect_same "why: same input, same bytes" "$P/o1" "$P/o2"

# ---- a hand-written .sb profile
cat >"$P/h.sb" <<'EOF'
(version 1)
(deny default)
(allow file-read* (subpath "/usr"))
(deny file-read* (subpath "/Users/me/.ssh"))
EOF
run "why: .sb" "$BUCKLE" why "$P/h.sb" "$P/plain.log"
expect_rc "why: .sb exit 0" 0
expect_out_has "why: .sb deciding rule" "h.sb:4:1: (deny file-read* (subpath \"/Users/me/.ssh\"))"
expect_out_has "why: .sb narrowest rule in SBPL" '(allow file-read-data (literal "/Users/me/.ssh/id_rsa"))'
expect_out_has "why: .sb mach rule" '(allow mach-lookup (global-name "com.apple.SystemConfiguration.configd"))'
expect_out_has "why: .sb lint of the rule" "[BK3002 dangerous-mach-service]"
expect_out_has "why: .sb allowed by the profile" "allowed by the profile: file-read-data /usr/lib/libz.dylib"
# the same profile kept in a C++ raw string (as lint and query read it): the
# deciding rule is the file's own line, and the suggested rule is checked
# against the profile inside the quotes
{ printf 'R"sbpl(\n'; cat "$P/h.sb"; printf ')sbpl"\n'; } >"$P/raw.sb"
run "why: .sb in a C++ raw string" "$BUCKLE" why "$P/raw.sb" "$P/plain.log"
expect_rc "why: raw string exit 0" 0
expect_out_has "why: raw string deciding rule" "raw.sb:5:1: (deny file-read* (subpath \"/Users/me/.ssh\"))"
expect_out_has "why: raw string narrowest rule" '(allow file-read-data (literal "/Users/me/.ssh/id_rsa"))'
expect_out_lacks "why: raw string: the rule allows it" "still denied"
expect_out_lacks "why: raw string: the profile evaluates with the rule" "does not evaluate"

# ---- huge and odd input: never fatal
{ printf 'Sandbox: a(1) deny(1) file-read-data /'; head -c 1100000 /dev/zero | tr '\0' x; printf '\nSandbox: b(2) deny(1) file-read-data /after\n'; } >"$P/long.log"
run "why: a line over 1 MiB" "$BUCKLE" why -v -D WORKDIR=/w "$P/p.buckle" "$P/long.log"
expect_rc "why: long line exit 0" 0
expect_out_has "why: the long line is counted" "long.log:1: not read: a line longer than 1 MiB"
expect_out_has "why: the line after it is read" "denied file-read-data /after"
printf '' >"$P/empty.log"
run "why: empty log" "$BUCKLE" why -D WORKDIR=/w "$P/p.buckle" "$P/empty.log"
expect_out_has "why: empty log: nothing" "empty.log: 0 denials, 0 distinct"
expect_rc "why: empty log exit 0" 0
printf 'Sandbox: a(1) deny(1) file-read-data /no-newline-at-end' >"$P/nonl.log"
run "why: last line without newline" "$BUCKLE" why -D WORKDIR=/w "$P/p.buckle" "$P/nonl.log"
expect_out_has "why: read" "denied file-read-data /no-newline-at-end"

# ---- errors
run "why: no profile" "$BUCKLE" why
expect_rc "why: no arguments is a usage error" 2
run "why: missing log" "$BUCKLE" why "$P/p.buckle" "$P/nope.log"
expect_rc "why: unreadable log exit 2" 2
expect_err_has "why: unreadable log says so" "cannot read $P/nope.log"
run "why: missing profile" "$BUCKLE" why "$P/nope.buckle" "$P/plain.log"
expect_rc "why: unreadable profile exit 2" 2
run "why: bad format" "$BUCKLE" why --format xml "$P/p.buckle" "$P/plain.log"
expect_rc "why: unknown format exit 2" 2
printf 'files { allow read "/a" }\n' >"$P/broken.buckle"
run "why: broken profile" "$BUCKLE" why "$P/broken.buckle" "$P/plain.log"
expect_rc "why: profile with errors exit 1" 1
expect_err_has "why: its error with file:line:col" "broken.buckle:1:"
printf 'param OUTDIR;\nfiles { allow write "$OUTDIR"; }\n' >"$P/param.buckle"
run "why: missing parameter" "$BUCKLE" why "$P/param.buckle" "$P/plain.log"
expect_rc "why: a parameter without value exit 1" 1
expect_err_has "why: names it" "parameter OUTDIR has no value"
run "why: --help" "$BUCKLE" why --help
expect_rc "why: --help exit 0" 0
expect_out_has "why: --help usage" "usage: buckle why"

# an .sb whose import cannot be read: undecidable in the text too, never
# "denied ... decided by the default"
printf '(version 1)\n(deny default)\n(import "bsd.sb")\n(allow file-read* (subpath "/Users/me/project"))\n' >"$TMP/why-imp.sb"
printf 'Sandbox: node(12345) deny(1) file-read-data /Users/me/project/a\n' >"$TMP/why-imp.log"
run "why: an unreadable import" "$BUCKLE" why "$TMP/why-imp.sb" "$TMP/why-imp.log"
expect_out_has "why: an unreadable import is undecidable" "undecidable: file-read-data /Users/me/project/a"
expect_out_has "why: ... and says why" 'the profile cannot be decided here: (import "bsd.sb") could not be read'
expect_out_lacks "why: ... not decided by the default" "decided by the default"
run "why: an unreadable import, json" "$BUCKLE" why --format json "$TMP/why-imp.sb" "$TMP/why-imp.log"
expect_out_has "why: json: an unreadable import is undecidable" '"verdict": "undecidable",'
expect_out_has "why: json: no rule decides it, as the text says" '"decided_by": null,'
expect_out_lacks "why: json: not the default's" '"rule": "default deny"'

# an .sb profile: network rules name the port on any host or on localhost
# (Seatbelt refuses any other host), and lint flags a rule with another host
cat >"$P/net.sb" <<'EOF2'
(version 1)
(deny default)
(allow file-read* (subpath "/usr"))
EOF2
printf '%s\n' 'Sandbox: curl(5723) deny(1) network-outbound 1.2.3.4:443' \
    'Sandbox: curl(5723) deny(1) network-outbound 127.0.0.1:8080' \
    'Sandbox: srv(7) deny(1) network-bind 0.0.0.0:8080' >"$P/net.log"
run "why: .sb network" "$BUCKLE" why "$P/net.sb" "$P/net.log"
expect_out_has "why: .sb: remote port on any host" '(allow network-outbound (remote ip "*:443"))'
expect_out_has "why: .sb: loopback as localhost" '(allow network-outbound (remote ip "localhost:8080"))'
expect_out_has "why: .sb: local port on any host" '(allow network-bind (local ip "*:8080"))'
expect_out_has "why: .sb: why only the port" "Seatbelt filters remote addresses by port only"
expect_out_lacks "why: .sb: no host Seatbelt refuses" '1.2.3.4:443")'
cat >"$P/nethost.sb" <<'EOF2'
(version 1)
(deny default)
(allow network-outbound (remote ip "1.2.3.4:443"))
(allow network-bind (local tcp "localhost:8080"))
(allow network-inbound (local ip "*:22"))
EOF2
run "lint: .sb host" "$BUCKLE" lint "$P/nethost.sb"
expect_rc "lint: .sb host is an error" 1
expect_out_has "lint: .sb host BK2011" 'nethost.sb:3:36: error: Seatbelt cannot filter network access by host "1.2.3.4" [BK2011 unfilterable-host]'
expect_out_lacks "lint: .sb localhost and * pass" 'by host "localhost"'
