# why_landlock_values.sh - the parameter values `buckle why` evaluates
# Landlock's records with: the ones `buckle run` took (the environment's
# HOME, USER, TMPDIR, the current directory as WORKDIR), or HOME and USER
# from the log's /home/NAME when no path of the log is under the
# environment's HOME; every value chosen is named, and a suggested rule that
# falls inside a final deny is never shown as clean.
. tests/lib.sh
BUCKLE=$(abspath "$BUCKLE")     # the checks below run it from other directories
P="$TMP/why_landlock_values"
rm -rf "$P"
mkdir -p "$P/home/.ssh" "$P/proj" "$P/tmp"
P=$(cd "$P" && pwd -P)
cat >"$P/p.buckle" <<'EOF2'
default deny;
files {
    allow read "/usr", "$WORKDIR";
    deny final read "~/.ssh";
}
EOF2
ll_read() {  # PATH: a Landlock record of a read of PATH by cat
    printf 'type=LANDLOCK_ACCESS msg=audit(1764982800.221:33): domain=1a6fdc679 blockers=fs.read_file path="%s" dev="vda2" ino=9\n' "$1"
    printf 'type=SYSCALL msg=audit(1764982800.221:33): arch=c000003e syscall=257 success=no exit=-13 ppid=272 pid=4242 auid=0 uid=0 gid=0 comm="cat" exe="/usr/bin/cat"\n'
}

# the environment's HOME, as buckle run took it: the key is under the final deny
ll_read "$P/home/.ssh/id_rsa" >"$P/env.log"
(cd "$P/proj" && HOME="$P/home" USER=alex TMPDIR="$P/tmp" "$BUCKLE" why "$P/p.buckle" "$P/env.log") >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc "why values: env exit 0" 0
expect_out_has "why values: HOME from the environment, named" "HOME=$P/home (the environment's, as \`buckle run\` takes it; -D HOME=VALUE to change it)"
expect_out_has "why values: USER from the environment" "USER=alex (the environment's"
expect_out_has "why values: TMPDIR from the environment" "TMPDIR=$P/tmp/buckle-tmp-$(id -u) (the environment's"
expect_out_has "why values: WORKDIR is the current directory" "WORKDIR=$P/proj (the current directory, as \`buckle run\` takes it"
expect_out_has "why values: the final deny decides" 'decided by '"$P"'/p.buckle:4:5: deny final files read subpath "${HOME}/.ssh" (final)'
expect_out_lacks "why values: not the default" "decided by the default"
expect_out_lacks "why values: the rule into the key is not clean" "lint: no findings"

# the log's /home/NAME when no path is under the environment's HOME
ll_read /home/alice/.ssh/id_rsa >"$P/alice.log"
(cd "$P/proj" && HOME="$P/home" USER=alex "$BUCKLE" why "$P/p.buckle" "$P/alice.log") >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc "why values: /home/NAME exit 0" 0
expect_out_has "why values: HOME from /home/NAME" "HOME=/home/alice (taken from the log's paths; -D HOME=VALUE to change it)"
expect_out_has "why values: USER from /home/NAME" "USER=alice (taken from the log's paths"
expect_out_has "why values: /home/NAME final" 'deny final files read subpath "${HOME}/.ssh" (final)'
expect_out_lacks "why values: /home/NAME not clean" "lint: no findings"
run "why values: json names the values" sh -c "cd '$P/proj' && HOME='$P/home' '$BUCKLE' why --format json '$P/p.buckle' '$P/alice.log'"
expect_out_has "why values: json params_chosen" '"params_chosen": {'
expect_out_has "why values: json from" '"from": "taken from the log'

# -D wins, and a test value left is named
run "why values: -D" "$BUCKLE" why -D HOME=/home/alice -D WORKDIR=/srv "$P/p.buckle" "$P/alice.log"
expect_out_lacks "why values: -D HOME not repeated" "HOME=/home/alice ("
expect_out_lacks "why values: -D WORKDIR not repeated" "WORKDIR=/srv ("
printf 'Sandbox: cat(12) deny(1) file-read-data /Users/bob/.ssh/id_rsa\n' >"$P/mac.log"
run "why values: macOS log" "$BUCKLE" why "$P/p.buckle" "$P/mac.log"
expect_out_has "why values: macOS HOME from the log" "HOME=/Users/bob (taken from the log's paths"
expect_out_has "why values: macOS WORKDIR is the test value, named" "WORKDIR=/Users/test/project (the built-in test value; -D WORKDIR=VALUE to change it)"

# a HOME no value names: the rule is still checked against the final deny
# (on Linux /var/lib/svc is no /private alias)
ll_read /var/lib/svc/.ssh/id_rsa >"$P/svc.log"
(cd "$P/proj" && HOME="$P/home" "$BUCKLE" why "$P/p.buckle" "$P/svc.log") >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_out_has "why values: other home, decided by the default" "decided by the default (default deny)"
expect_out_has "why values: other home, the lint sees the final deny" "BK2005 final-violated] allow contradicts a final deny: it falls inside the final rule with HOME=/var/lib/svc"
expect_out_lacks "why values: other home not clean" "lint: no findings"
printf 'default deny;\nfiles {\n    deny final read "~/.ssh";\n    allow read literal "/var/lib/svc/.ssh/id_rsa";\n}\n' >"$P/l.buckle"
run "why values: lint linux" "$BUCKLE" lint --platform linux "$P/l.buckle"
expect_rc "why values: lint linux exit 1" 1
expect_out_has "why values: lint linux BK2005 with a /var value" "it falls inside the final rule with HOME=/var/lib/svc"

# the query command a Landlock denial the profile allows names can be pasted:
# the object quoted for the shell, with the values why used
mkdir -p "$P/proj/a dir"
printf 'default deny;\nfiles {\n    allow read "/usr";\n    allow write "$WORKDIR";\n    deny write glob "$WORKDIR/**/.env";\n}\n' >"$P/q.buckle"
printf 'type=LANDLOCK_ACCESS msg=audit(1764982800.221:33): domain=1a6fdc679 blockers=fs.make_reg path="%s" dev="vda2" ino=9\n' "$P/proj/a dir" >"$P/space.log"
run "why values: query command" "$BUCKLE" why -D WORKDIR="$P/proj" -D HOME="$P/home" "$P/q.buckle" "$P/space.log"
expect_out_has "why values: the query command has the values and the quoted object" "\`buckle query --platform linux -D WORKDIR=$P/proj -D HOME=$P/home"
expect_out_has "why values: ... the object in quotes" "file-write-create '$P/proj/a dir'\` answers as the kernel does"
cmd=$(sed -n 's/.*`\(buckle query [^`]*\)` answers as the kernel does.*/\1/p' "$TMP/out" | head -1)
run "why values: the pasted query" env BQ="$BUCKLE" sh -c "buckle() { \"\$BQ\" \"\$@\"; }; eval \"\$1\"" sh "$cmd"
expect_rc "why values: the pasted query runs" 0
