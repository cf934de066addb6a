# precommit.sh - the pre-commit hook with the real framework: the README's
# `repo: local` recipe as written, and this checkout's .pre-commit-hooks.yaml
# through `repo: PATH` with a real rev.  In a throw-away git repository each
# commits a bad profile (SecurityServer without secd: the hook fails and shows
# BK4001), a good one (passes) and a compiled .sb next to its source (passes).
. tests/lib.sh
if ! sh tools/setup-precommit.sh; then
    fail "precommit: set-up" "pre-commit is not installed and tools/setup-precommit.sh could not install it"
    exit 0
fi
runner_env
W="$TMP/precommit"
rm -rf "$W"
mkdir -p "$W/bin"
ln -s "$B" "$W/bin/buckle"
# no network, no user configuration: a private cache and git identity
PATH="$W/bin:$PATH" PRE_COMMIT_HOME="$W/cache" HOME="$W"
GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@localhost GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@localhost
GIT_CONFIG_NOSYSTEM=1
export PATH PRE_COMMIT_HOME HOME GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_CONFIG_NOSYSTEM
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

# the hook repository: this checkout's manifest, committed, at a real rev
mkdir -p "$W/hooks"
cp .pre-commit-hooks.yaml "$W/hooks/"
(cd "$W/hooks" && git init -q && git add .pre-commit-hooks.yaml && git commit -q -m hooks) || fail "precommit: hook repository" "git failed"
REV=$(git -C "$W/hooks" rev-parse HEAD)

# the README recipe, extracted as written
sed -n '/<!-- precommit-local -->/,/^```$/p' README.md | sed '1,2d;$d' >"$W/local.yaml"
grep -q 'repo: local' "$W/local.yaml" && pass "precommit: README recipe found" || fail "precommit: README recipe found" "no repo: local block after <!-- precommit-local -->"
printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: buckle-lint\n' "$W/hooks" "$REV" >"$W/remote.yaml"

for form in local remote; do
    P="$W/proj-$form"
    mkdir -p "$P"
    (cd "$P" && git init -q && cp "$W/$form.yaml" .pre-commit-config.yaml && git add .pre-commit-config.yaml &&
        git commit -q --no-verify -m config) || fail "precommit $form: project repository" "git failed"
    run "precommit $form: install" sh -c "cd '$P' && pre-commit install"
    expect_rc "precommit $form: pre-commit install" 0

    # bad: SecurityServer without secd
    cat >"$P/bad.buckle" <<'PROFILE'
extends "std/base";

mach {
    allow lookup "com.apple.SecurityServer";  # buckle: ignore[BK3002] -- the CLI keeps its token in the keychain
}
sysctl { allow read "security.mac.sandbox.sentinel"; }
PROFILE
    run "precommit $form: bad" sh -c "cd '$P' && git add bad.buckle && git commit -m bad"
    expect_rc "precommit $form: a warning fails the commit" 1
    if grep -q 'bad.buckle:4:18: warning: com.apple.SecurityServer is allowed but com.apple.secd is not' "$TMP/out" "$TMP/err"; then
        pass "precommit $form: the finding is shown"; else fail "precommit $form: the finding is shown" "$(cat "$TMP/out" "$TMP/err" | head -c 800)"; fi
    if grep -q 'buckle lint.*Failed' "$TMP/out" "$TMP/err"; then
        pass "precommit $form: the hook is reported failed"; else fail "precommit $form: the hook is reported failed" "$(head -c 400 "$TMP/out")"; fi
    git -C "$P" log --format=%s | grep -qx bad && fail "precommit $form: the bad commit is refused" "it was committed" \
        || pass "precommit $form: the bad commit is refused"
    git -C "$P" reset -q

    # good: passes
    cat >"$P/good.buckle" <<'PROFILE'
extends "std/base";

param WORKDIR;

files {
    allow read "$WORKDIR";
    allow write "$WORKDIR/build";
}
process { allow exec "/bin", "/usr/bin"; }
PROFILE
    run "precommit $form: good" sh -c "cd '$P' && git add good.buckle && git commit -m good"
    expect_rc "precommit $form: a clean profile commits" 0
    if grep -q 'buckle lint.*Passed' "$TMP/out" "$TMP/err"; then
        pass "precommit $form: the hook ran and passed"; else fail "precommit $form: the hook ran and passed" "$(head -c 400 "$TMP/out")"; fi

    # the compiled .sb next to its source, and the flagship example with its output
    "$BUCKLE" compile "$P/good.buckle" -o "$P/good.sb" || fail "precommit $form: compile" "buckle compile failed"
    cp corpus/examples/agent.buckle corpus/examples/agent.sb "$P/"
    run "precommit $form: compiled" sh -c "cd '$P' && git add good.sb agent.buckle agent.sb && git commit -m compiled"
    expect_rc "precommit $form: compiled output next to its source commits" 0
    git -C "$P" log --format=%s | grep -qx compiled && pass "precommit $form: compiled output is committed" \
        || fail "precommit $form: compiled output is committed" "$(head -c 600 "$TMP/out")"
done
