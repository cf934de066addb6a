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
