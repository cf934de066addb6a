# landlock_submodule.sh - std/agent in a repository with a submodule, live
# (docs/std.md): a submodule's repository (.git/modules/NAME: its hooks,
# config and commondir, which git runs and reads at the next command) is
# denied whole, a read-only mount, so the rest of .git and the project are
# granted whole with --linux-accept=files,new-paths: git add and git commit
# work in the superproject (a pattern of the submodule's hooks and config
# had left every directory on its way granted entry by entry: no
# .git/index.lock, nothing new at the project's top level).
. tests/lib.sh
agent_setup llsubm "landlock submodule"
A="--no-cache --linux-accept=files,new-paths"
G="env GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com HOME=$U/home GIT_CONFIG_NOSYSTEM=1"
git init -q "$U/src"
echo one >"$U/src/l.txt"
$G git -C "$U/src" add l.txt && $G git -C "$U/src" commit -qm one
echo top >"$U/w/top.txt"
$G git -C "$U/w" add top.txt && $G git -C "$U/w" commit -qm top
if ! (cd "$U/w" && $G git -c protocol.file.allow=always submodule add -q "file://$U/src" lib >/dev/null 2>&1 && $G git commit -qm sm); then
    skip "landlock submodule: every check" "git submodule add failed"; exit 0
fi
# the submodule moves on outside the sandbox: the superproject's commit
# records it inside
echo two >>"$U/w/lib/l.txt"
$G git -C "$U/w/lib" commit -qam two
cp "$U/w/.git/modules/lib/config" "$U/config.before"
inrun() {
    run "landlock submodule" sh -c "cd '$U/w' && $G TMPDIR='$U/tmp' '$B' run $A '$P' -- sh -c '$1'"
}
inrun true
landlock_or_exit "landlock submodule"
expect_rc "landlock submodule: std/agent runs in a repository with a submodule" 0
inrun 'git add lib && git commit -qm bump && echo BUMP-OK; echo new >new.txt && echo TOP-NEW-OK
  (echo "#!/bin/sh" >.git/modules/lib/hooks/post-checkout) 2>/dev/null && echo HOOK-WRITTEN
  (printf "[core]\n\tfsmonitor = /bin/true\n" >>.git/modules/lib/config) 2>/dev/null && echo CONFIG-WRITTEN
  (echo x >.git/modules/lib/commondir) 2>/dev/null && echo COMMONDIR-WRITTEN
  (mkdir -p .git/modules/evil/hooks) 2>/dev/null && echo NEW-GITDIR-MADE
  (mv .git/modules/lib .git/modules/lib2) 2>/dev/null && echo GITDIR-MOVED
  git -C lib status --short >/dev/null 2>&1 && echo SUB-STATUS-OK; exit 0'
expect_rc "landlock submodule: the run ends with the command's status" 0
expect_out_has "landlock submodule: git add and git commit in the superproject work" BUMP-OK
expect_out_has "landlock submodule: a new file at the project's top level can be made" TOP-NEW-OK
expect_out_has "landlock submodule: git status in the submodule works" SUB-STATUS-OK
for w in HOOK-WRITTEN CONFIG-WRITTEN COMMONDIR-WRITTEN NEW-GITDIR-MADE GITDIR-MOVED; do
    expect_out_lacks "landlock submodule: the submodule's repository is not written: $w" "$w"
done
expect_same "landlock submodule: the submodule's config is as it was" "$U/config.before" "$U/w/.git/modules/lib/config"
[ -z "$($G git -C "$U/w" status --porcelain --ignore-submodules=none -- lib)" ] \
    && pass "landlock submodule: the superproject's commit recorded the submodule's new commit" \
    || fail "landlock submodule: the superproject's commit recorded the submodule's new commit" "$($G git -C "$U/w" status --porcelain)"
