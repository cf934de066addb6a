# why_params.sh - `buckle why` writes the narrowest rule with `$NAME` for the
# longest parameter value the path starts with (-D, a declared default, a
# value guessed from the log), `~` for HOME, and checks that rule decides.
. tests/lib.sh
P="$TMP/why_params"
mkdir -p "$P"
cat >"$P/w.buckle" <<'EOF2'
param WORKDIR;
param CACHE = "~/.cache/tool";
files {
    allow read "$WORKDIR";
    deny read "$WORKDIR/secret";
}
EOF2
printf 'Sandbox: x(1) deny(1) file-read-data /Users/me/project/secret/a\nSandbox: x(1) deny(1) file-read-data /Users/me/.cache/tool/v1/db\nSandbox: x(1) deny(1) file-read-data /Users/me/other\nSandbox: x(1) deny(1) file-read-data /srv/$odd\n' >"$P/a.log"
run "why params" "$BUCKLE" why -D WORKDIR=/Users/me/project "$P/w.buckle" "$P/a.log"
expect_rc "why params: exit 0" 0
expect_out_has "why params: \$WORKDIR (longer than HOME, given with -D)" 'allow file-read-data literal "$WORKDIR/secret/a";'
expect_out_has "why params: a declared default's value" 'allow file-read-data literal "$CACHE/v1/db";'
expect_out_has "why params: ~ for HOME (guessed from the log)" 'allow file-read-data literal "~/other";'
expect_out_has "why params: no parameter, \$ doubled" 'allow file-read-data literal "/srv/$$odd";'
expect_out_lacks "why params: no hard-coded checkout path" 'literal "/Users/me/project/secret/a"'
expect_out_lacks "why params: every suggestion decides as claimed" 'but:'

# the suggestion pasted into the profile allows the request, and the
# profile still compiles: check it by hand with query
sed -n '/narrowest/,/^  lint/p' "$TMP/out" | grep 'WORKDIR/secret' | sed 's/^ *//' >"$P/rule"
{ sed '$d' "$P/w.buckle"; printf '    %s\n}\n' "$(cat "$P/rule")"; } >"$P/w2.buckle"
run "why params: pasted" "$BUCKLE" query -D WORKDIR=/Users/me/project -D HOME=/Users/me "$P/w2.buckle" file-read-data /Users/me/project/secret/a
expect_out_has "why params: the pasted rule allows it" "allow /Users/me/project/secret/a"

# a std base's built-in WORKDIR: the Linux-like checkout of the report
printf 'extends "std/agent";\n' >"$P/agent.buckle"
printf 'Sandbox: x(1) deny(1) file-write-data /srv/work/.vscode/settings.json\n' >"$P/b.log"
run "why params: std/agent" "$BUCKLE" why -D WORKDIR=/srv/work "$P/agent.buckle" "$P/b.log"
expect_out_has "why params: built-in WORKDIR" 'allow file-write-data literal "$WORKDIR/.vscode/settings.json";'

# a declared default is expanded with the values given: -D HOME moves "~/..."
printf 'param CACHE = "~/.cache/tool";\nfiles { allow read "$CACHE"; }\n' >"$P/c.buckle"
run "query: default under -D HOME" "$BUCKLE" query -D HOME=/Users/me "$P/c.buckle" files read /Users/me/.cache/tool/x
expect_out_has "query: a default follows -D HOME" "allow /Users/me/.cache/tool/x"

# an .sb whose filter reads a parameter with no value: the same answer as a
# .buckle's (named, with -D to give it), for why and query; a parameter read
# only in a condition is not passed
printf '(version 1)\n(deny default)\n(allow file-read* (subpath (string-append (param "APP") "/x")))\n(when (param "DEBUG") (allow network*))\n' >"$P/app.sb"
printf 'Sandbox: node(12345) deny(1) file-read-data /Users/me/.ssh/id_rsa\n' >"$P/c.log"
run "why .sb: a parameter with no value" "$BUCKLE" why "$P/app.sb" "$P/c.log"
expect_rc "why .sb: a parameter with no value: exit 1" 1
expect_err_has "why .sb: ... names it at its place" 'app.sb:3:43: error: parameter APP has no value'
expect_err_has "why .sb: ... says how to give it" '-D APP=VALUE'
if grep -q 'non-string' "$TMP/err"; then fail "why .sb: ... not the evaluator's guess" "$(cat "$TMP/err")"; else pass "why .sb: ... not the evaluator's guess"; fi
run "query .sb: a parameter with no value" "$BUCKLE" query "$P/app.sb" file-read-data /a/x
expect_rc "query .sb: a parameter with no value: exit 1" 1
expect_err_has "query .sb: ... names it" 'parameter APP has no value'
run "why .sb: with -D APP" "$BUCKLE" why -D APP=/a "$P/app.sb" "$P/c.log"
expect_rc "why .sb: with -D APP: exit 0" 0
expect_out_has "why .sb: with -D APP: explained" 'explained by'
# in a helper of an imported file
mkdir -p "$P/inc"
printf '(define (app-dir) (string-append (param "APP2") "/x"))\n' >"$P/inc/h.sb"
printf '(version 1)\n(deny default)\n(import "inc/h.sb")\n(allow file-read* (subpath (app-dir)))\n' >"$P/app2.sb"
run "why .sb: a parameter of an imported helper" "$BUCKLE" why "$P/app2.sb" "$P/c.log"
expect_rc "why .sb: a parameter of an imported helper: exit 1" 1
expect_err_has "why .sb: ... names it" 'parameter APP2 has no value'
