# landlock_hardlink_denied.sh - under a plan that writes everywhere but a
# few places (default allow with denies), a file in a denied place that has
# another name where the command may write (a dotfiles directory that
# hard-links ~/.bashrc) is written through that name: the denied places
# are walked for such files, and the run is refused (exit 125) naming the
# file (docs/linux.md, "Hard links beneath a write grant").
. tests/lib.sh
skip() { echo "SKIP $1: $2" >>"$RESULTS"; }
agent_setup llhd "landlock hardlink denied"
A="--no-cache --linux-accept=files,new-paths"
H=$U/home
mkdir -p "$U/dotf"
echo orig >"$H/.bashrc"
printf 'default allow;\nfiles { deny write "%s/.bashrc"; }\n' "$H" >"$U/prof/da.buckle"
inrun() {  # ACCEPT PROFILE COMMAND
    run "landlock hardlink denied" sh -c "cd '$U/w' && env HOME='$H' TMPDIR='$U/tmp' '$B' run $1 '$2' -- sh -c '$3'"
}
inrun "$A" "$U/prof/da.buckle" 'echo RAN'
if grep -q "offers no Landlock" "$TMP/err"; then skip "landlock hardlink denied: every check" "this kernel has no Landlock"; exit 0; fi
expect_rc "landlock hardlink denied: default allow denying ~/.bashrc runs while it has one name" 0
expect_out_has "landlock hardlink denied: ... (the command ran)" RAN
# a second name of the denied file where the command may write
ln "$H/.bashrc" "$U/dotf/bashrc"
inrun "$A" "$U/prof/da.buckle" "echo EVIL >>$U/dotf/bashrc; echo RAN"
expect_rc "landlock hardlink denied: a denied file with a name elsewhere refuses the run" 125
expect_out_lacks "landlock hardlink denied: ... before the command starts" RAN
expect_err_has "landlock hardlink denied: ... naming it" "keeps the command from writing has another name (a hard link) where it may write, such as $H/.bashrc"
expect_err_has "landlock hardlink denied: ... with its names" "$H/.bashrc: 2 names, 1 of them where the command may not write"
[ "$(cat "$H/.bashrc")" = orig ] && pass "landlock hardlink denied: ... and ~/.bashrc is unchanged" \
    || fail "landlock hardlink denied: ... and ~/.bashrc is unchanged" "$(cat "$H/.bashrc")"
inrun "$A,hardlinks" "$U/prof/da.buckle" 'echo RAN'
expect_rc "landlock hardlink denied: ... --linux-accept=hardlinks runs it" 0
# both names denied: nothing to write it by
printf 'default allow;\nfiles { deny write "%s/.bashrc", "%s/dotf"; }\n' "$H" "$U" >"$U/prof/both.buckle"
inrun "$A" "$U/prof/both.buckle" 'echo RAN'
expect_rc "landlock hardlink denied: both names denied runs" 0
expect_out_has "landlock hardlink denied: ... (the command ran)" RAN
# a denied directory's files linked to each other only
rm -f "$U/dotf/bashrc"
mkdir -p "$H/.ssh"
echo k >"$H/.ssh/a"; ln "$H/.ssh/a" "$H/.ssh/b"
printf 'default allow;\nfiles { deny write "%s/.ssh"; }\n' "$H" >"$U/prof/ssh.buckle"
inrun "$A" "$U/prof/ssh.buckle" 'echo RAN'
expect_rc "landlock hardlink denied: a denied directory whose files link only to each other runs" 0
ln "$H/.ssh/a" "$U/dotf/key"
inrun "$A" "$U/prof/ssh.buckle" "echo EVIL >>$U/dotf/key; echo RAN"
expect_rc "landlock hardlink denied: ... one linked outside the project refuses the run" 125
expect_err_has "landlock hardlink denied: ... naming it" "3 names, 2 of them where the command may not write"
[ "$(cat "$H/.ssh/a")" = k ] && pass "landlock hardlink denied: ... and the key is unchanged" \
    || fail "landlock hardlink denied: ... and the key is unchanged" "$(cat "$H/.ssh/a")"
exit 0
