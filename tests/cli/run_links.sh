# run_links.sh - symbolic links on the paths the compilation used
# (docs/runner.md, "What is protected"): the sandbox must be able to neither
# replace a link (the next run would compile what it points the link to)
# nor the file behind it, nor a directory on the way; and the directories
# on the way cannot be moved, mounted over or re-permissioned.
. tests/lib.sh
runner_env
fresh_dir links tmp proj/conf shared
export TMPDIR="$R/tmp"
LOG="$R/log"
XOK='process { allow exec "/usr/bin", "/bin"; }\nfiles { allow read "/usr/bin", "/bin"; }\n'
printf 'extends "lib";\nfiles { allow write "/"; }\n'"$XOK" >"$R/proj/conf/real.buckle"
printf 'files { allow read "/opt/shared"; }\n' >"$R/shared/lib.buckle"
ln -s conf/real.buckle "$R/proj/p.buckle"
ln -s ../shared "$R/proj/incl"
cd "$R/proj" || exit 1
runit() {  # NAME  (STANDIN_CHECK_WRITE and STANDIN_CHECK_FRAME set by the caller)
    : >"$LOG"
    run "$1" env STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run -I "$R/proj/incl" p.buckle -- true
    if [ "$RC" -eq 0 ] && ! grep -q FAILED "$LOG"; then pass "$1"; else fail "$1" "rc $RC: $(cat "$LOG") $(head -c 300 "$TMP/err")"; fi
}
export STANDIN_CHECK_WRITE="$R/proj/p.buckle"
runit "links: the profile's link cannot be replaced"
export STANDIN_CHECK_WRITE="$R/proj/conf/real.buckle"
runit "links: the file behind it cannot be changed"
export STANDIN_CHECK_WRITE="$R/proj/incl"
runit "links: a linked -I directory cannot be replaced"
export STANDIN_CHECK_WRITE="$R/shared/lib.buckle"
runit "links: the base behind the linked directory cannot be changed"
unset STANDIN_CHECK_WRITE
export STANDIN_CHECK_FRAME="$R/proj/conf:$R/proj:$R/shared:$R"
runit "links: the directories on the way cannot be moved, mounted over or re-permissioned"
unset STANDIN_CHECK_FRAME
# a link that points through another link, and a relative .. after a link
mkdir -p "$R/deep/a"
printf 'extends "lib";\nfiles { allow write "/"; }\n'"$XOK" >"$R/deep/a/q.buckle"
ln -s "$R/deep/a" "$R/proj/alink"
ln -s alink/q.buckle "$R/proj/q.buckle"
: >"$LOG"
run "links: chain" env STANDIN_CHECK_WRITE="$R/proj/q.buckle:$R/proj/alink:$R/deep/a/q.buckle" STANDIN_CHECK_FRAME="$R/deep/a:$R/deep" \
    STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run -I "$R/proj/incl/../shared" q.buckle -- true
if [ "$RC" -eq 0 ] && ! grep -q FAILED "$LOG"; then pass "links: every link of a chain and the real path are protected"
else fail "links: every link of a chain and the real path are protected" "rc $RC: $(cat "$LOG") $(head -c 300 "$TMP/err")"; fi
