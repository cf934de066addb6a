# landlock_stdio.sh - the standard descriptors the command inherits
# (docs/linux.md, "Denies inside a writable directory"): a file of the
# project the profile does not let the command write, given as standard
# input (< .git/config), or a directory above such a file (< .), was opened
# before the command's read-only mounts and is not under them: the command
# could open /proc/self/fd/0 again for writing.  The run is refused and
# nothing runs; a pipe, /dev/null, a file the profile lets it write, and
# standard output redirected to a file by the caller run.  Live.
. tests/lib.sh
agent_setup llstdio "landlock stdio"
A="--no-cache --linux-accept=files,new-paths"
echo notes >"$U/w/notes.txt"
cfg=$(cat "$U/w/.git/config")
# inrun REDIRECTION COMMAND: buckle run in the project, standard input (or
# output) redirected by the caller's shell
inrun() {
    run "landlock stdio" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$P' -- sh -c '$2' $1"
}
inrun "</dev/null" true
landlock_or_exit "landlock stdio"
if ! grep -q "mount" "$TMP/err"; then skip "landlock stdio: every check" "no user namespace here"; exit 0; fi

inrun "<.git/config" 'echo "	fsmonitor = x" >>/proc/self/fd/0 && echo WROTE'
expect_rc "landlock stdio: .git/config as standard input: refused" 125
expect_err_has "landlock stdio: ... naming the descriptor and the file" "standard input (descriptor 0) is $U/w/.git/config"
expect_err_has "landlock stdio: ... and what to do" "cat FILE | buckle run"
expect_out_lacks "landlock stdio: ... and nothing ran" WROTE
[ "$(cat "$U/w/.git/config")" = "$cfg" ] && pass "landlock stdio: ... .git/config unchanged" \
    || fail "landlock stdio: ... .git/config unchanged" "$(cat "$U/w/.git/config")"
inrun "<." 'echo x >/proc/self/fd/0/.git/config; echo WROTE'
expect_rc "landlock stdio: the project's directory as standard input: refused" 125
expect_err_has "landlock stdio: ... naming it" "standard input (descriptor 0) is the directory $U/w"
[ "$(cat "$U/w/.git/config")" = "$cfg" ] && pass "landlock stdio: ... .git/config unchanged" \
    || fail "landlock stdio: ... .git/config unchanged" "$(cat "$U/w/.git/config")"
inrun "1<.git/hooks" true
expect_rc "landlock stdio: .git/hooks as standard output: refused" 125
expect_err_has "landlock stdio: ... naming it" "standard output (descriptor 1) is the directory $U/w/.git/hooks"

# what the command may have: a file it may write, a pipe, output to a file
inrun "<notes.txt" 'cat'
expect_rc "landlock stdio: a file the profile lets it write as standard input: runs" 0
expect_out_has "landlock stdio: ... and reads it" notes
run "landlock stdio" sh -c "cd '$U/w' && cat .git/HEAD | env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$P' -- grep -c refs"
expect_rc "landlock stdio: .git/HEAD through a pipe: runs" 0
inrun ">$U/home/out.txt" 'echo hello'
expect_rc "landlock stdio: standard output redirected by the caller: runs" 0
[ "$(cat "$U/home/out.txt")" = hello ] && pass "landlock stdio: ... and writes there" \
    || fail "landlock stdio: ... and writes there" "$(cat "$U/home/out.txt")"
