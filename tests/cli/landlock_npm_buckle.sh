# landlock_npm_buckle.sh - npm run, npx, yarn run and pnpm exec put the
# package's node_modules/.bin first in PATH, whatever PATH buckle was
# started with: a `buckle` the command makes in a node_modules/.bin of the
# project, or brings there by renaming a directory, would be the next
# `buckle` a package script starts, outside any sandbox.  The walk after
# the run names it, whatever PATH this run had, and moves it aside; the
# user's own, untouched, stays (docs/linux.md, "buckle found through
# PATH").  Live.
. tests/lib.sh
linux_only "npm buckle"
runner_env
unset BUCKLE_SANDBOX_EXEC
agent_world llnpmbuckle proj
A=--linux-accept=files,new-paths
cd "$R/proj" || exit 1
FAKE='printf "#!/bin/sh\necho FAKE\n" >"$1/buckle" && chmod +x "$1/buckle"'
# buckle started by its absolute path: PATH plays no part
run "npm buckle: top" "$B" run $A "$R/prof/agent.buckle" -- sh -c "mkdir -p node_modules/.bin && set -- node_modules/.bin && $FAKE"
landlock_or_exit "npm buckle"
expect_rc "npm buckle: node_modules/.bin/buckle made by the command fails the run" 125
expect_err_has "npm buckle: ... naming it" "$R/proj/node_modules/.bin/buckle was made, written or moved there during the run"
expect_err_has "npm buckle: ... and moving it aside" "moved aside to $R/proj/node_modules/.bin/buckle.planted-"
if [ -e "$R/proj/node_modules/.bin/buckle" ]; then fail "npm buckle: ... so npm run finds no buckle there" "still there"
else pass "npm buckle: ... so npm run finds no buckle there"; fi
rm -rf "$R/proj/node_modules"
# a package of a monorepo
run "npm buckle: package" "$B" run $A "$R/prof/agent.buckle" -- sh -c "mkdir -p packages/a/node_modules/.bin && set -- packages/a/node_modules/.bin && $FAKE"
expect_rc "npm buckle: one in a package's node_modules/.bin fails the run" 125
expect_err_has "npm buckle: ... naming it" "$R/proj/packages/a/node_modules/.bin/buckle was made, written or moved there"
rm -rf "$R/proj/packages"
# made in one run where no tool looks, renamed into place in the next
run "npm buckle: stash" "$B" run $A "$R/prof/agent.buckle" -- sh -c "mkdir -p stash/x/.bin && set -- stash/x/.bin && $FAKE"
expect_rc "npm buckle: a buckle outside node_modules/.bin: the run goes on" 0
run "npm buckle: rename" "$B" run $A "$R/prof/agent.buckle" -- mv stash/x stash/node_modules
expect_rc "npm buckle: ... renamed into a node_modules/.bin in a later run fails that run" 125
expect_err_has "npm buckle: ... naming it" "$R/proj/stash/node_modules/.bin/buckle was made, written or moved there"
rm -rf "$R/proj/stash"
# the user's own, there before and untouched, while npm fills node_modules
mkdir -p "$R/proj/node_modules/.bin"
set -- "$R/proj/node_modules/.bin" && sh -c "$FAKE" sh "$1"
run "npm buckle: own" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'mkdir -p node_modules/pkg/bin && echo x >node_modules/pkg/bin/tool && ln -s ../pkg/bin/tool node_modules/.bin/tool'
expect_rc "npm buckle: the user's own buckle there, untouched: the run goes on" 0
if [ -e "$R/proj/node_modules/.bin/buckle" ]; then pass "npm buckle: ... and it stays"; else fail "npm buckle: ... and it stays" "moved"; fi
run "npm buckle: own written" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo "echo FAKE2" >>node_modules/.bin/buckle'
expect_rc "npm buckle: the user's own written by the command fails the run" 125
expect_err_has "npm buckle: ... naming it" "$R/proj/node_modules/.bin/buckle was made, written or moved there"
cd / && rm -rf "$R"
