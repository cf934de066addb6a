# landlock_lefthook.sh - std/agent and lefthook's configurations, live
# (docs/std.md): lefthook reads lefthook.* and .lefthook.* in yml, yaml,
# toml, json and jsonc, the same in .config/, merges lefthook-local.* on
# top (usually ignored by the global gitignore, so git status does not show
# it) and runs the scripts of .lefthook and .lefthook-local; a repository
# using it runs them at the next commit, outside any sandbox.  Each made by
# the command is named after the run, which fails (exit 125); one that
# exists is not writable.
. tests/lib.sh
agent_setup lllh "landlock lefthook"
A="--no-cache --linux-accept=files,new-paths"
mkdir -p "$U/w/.config"
echo "pre-commit: {}" >"$U/w/lefthook.yaml"
inrun() {
    run "landlock lefthook" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$P' -- sh -c '$1'"
}
inrun true
landlock_or_exit "landlock lefthook"
inrun 'J="pre-commit: {jobs: [{run: echo PWNED}]}"; echo "$J" >lefthook-local.yml; echo "$J" >.lefthook-local.jsonc; echo "$J" >.config/lefthook.toml; mkdir -p .lefthook-local/pre-commit; echo "$J" >>lefthook.yaml; echo done'
expect_rc "landlock lefthook: lefthook's configurations made: the run fails" 125
for n in lefthook-local.yml .lefthook-local.jsonc .config/lefthook.toml .lefthook-local; do
    expect_err_has "landlock lefthook: ... naming $n" "$U/w/$n exists after the run"
done
[ "$(cat "$U/w/lefthook.yaml")" = "pre-commit: {}" ] && pass "landlock lefthook: an existing lefthook.yaml is not writable" \
    || fail "landlock lefthook: an existing lefthook.yaml is not writable" "$(cat "$U/w/lefthook.yaml")"
