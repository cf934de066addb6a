# landlock_worktree.sh - std/agent and `git worktree add`, live
# (docs/std.md): git in a linked worktree reads the commondir (the directory
# it takes config and hooks from) and config.worktree of its directory in
# .git/worktrees, which std/agent denies.  Made by the command, .git/worktrees
# fails the run and is remembered (a later run is refused while it is
# there); both say that git worktree add makes it and how to keep it: remove
# the worktree and add it again outside the sandbox.  Then the next run
# runs, with .git/worktrees read only.
. tests/lib.sh
agent_setup llwt "landlock worktree"
runner_env      # $B the test build, with a run cache of the suite's own
A="--linux-accept=files,new-paths"
G="env GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com HOME=$U/home GIT_CONFIG_NOSYSTEM=1"
echo top >"$U/w/top.txt"
$G git -C "$U/w" add top.txt && $G git -C "$U/w" commit -qm top
inrun() {
    run "landlock worktree" sh -c "cd '$U/w' && $G TMPDIR='$U/tmp' '$B' run $A '$P' -- sh -c '$1'"
}
inrun true
landlock_or_exit "landlock worktree"
expect_rc "landlock worktree: std/agent runs" 0
# the command's TMPDIR: a directory of its own in $U/tmp
inrun 'echo $TMPDIR'
RT=$OUT
inrun 'git worktree add -q "$TMPDIR/wt1" -b feat && echo WT-ADDED'
expect_out_has "landlock worktree: git worktree add runs inside" WT-ADDED
expect_rc "landlock worktree: ... and the run fails: .git/worktrees is denied" 125
expect_err_has "landlock worktree: ... naming it" "$U/w/.git/worktrees exists after the run"
expect_err_has "landlock worktree: ... saying git worktree add makes it and how to keep it" \
    "git worktree add makes it, and git in a linked worktree reads the commondir"
expect_err_has "landlock worktree: ... (remove the worktree and add it again outside)" \
    "remove the worktree (git worktree remove) and add it again outside the sandbox"
inrun true
expect_rc "landlock worktree: the next run is refused while it is there" 125
expect_err_has "landlock worktree: ... naming it as made by an earlier run" "$U/w/.git/worktrees was made by the sandboxed command of an earlier run"
expect_err_has "landlock worktree: ... with the same advice" "git worktree add makes it"
# the advice, followed: the worktree removed and added again outside
$G git -C "$U/w" worktree remove --force "$RT/wt1"
$G git -C "$U/w" worktree add -q "$RT/wt1" feat
inrun 'git -C "$TMPDIR/wt1" status --short >/dev/null && echo WT-STATUS; (echo x >.git/worktrees/wt1/commondir) 2>/dev/null && echo COMMONDIR-WRITTEN; exit 0'
expect_rc "landlock worktree: after it is added again outside, the next run runs" 0
expect_out_has "landlock worktree: ... git status works in the worktree" WT-STATUS
expect_out_lacks "landlock worktree: ... and its commondir is read only" COMMONDIR-WRITTEN
# run in the linked worktree itself: its repository (the index, HEAD, the
# objects) is in the main checkout's .git, outside what std/agent lets the
# command reach; buckle says so before the command starts, naming the fix
run "landlock worktree" sh -c "cd '$RT/wt1' && $G TMPDIR='$U/tmp' '$B' run $A '$P' -- sh -c 'echo RAN'"
expect_rc "landlock worktree: run in the linked worktree: the command runs" 0
expect_out_has "landlock worktree: ... (it ran)" RAN
expect_err_has "landlock worktree: ... saying its repository is out of the command's reach" \
    "warning: $RT/wt1/.git names the repository $U/w/.git/worktrees/wt1, outside what the plan lets the command read"
expect_err_has "landlock worktree: ... naming the fix" "git clone --no-hardlinks $U/w DIR, in place of git worktree add"
run "landlock worktree" sh -c "cd '$U/w' && $G TMPDIR='$U/tmp' '$B' run $A '$P' -- true"
if grep -q "names the repository" "$TMP/err"; then fail "landlock worktree: in the main checkout: no such warning" "$(cat "$TMP/err")"
else pass "landlock worktree: in the main checkout: no such warning"; fi
# a profile that lets the command write nothing in the work tree: no word
cat >"$U/prof/ro.buckle" <<'EOP'
default deny;
files { allow read "/"; allow write literal "/dev/null"; }
process { allow exec "/"; allow fork; }
EOP
run "landlock worktree" sh -c "cd '$RT/wt1' && $G '$B' run --linux-accept=files '$U/prof/ro.buckle' -- sh -c 'echo RAN'"
expect_out_has "landlock worktree: read only, in the linked worktree: the command runs" RAN
if grep -q "names the repository" "$TMP/err"; then fail "landlock worktree: ... and nothing is said of git's writes" "$(cat "$TMP/err")"
else pass "landlock worktree: ... and nothing is said of git's writes"; fi
