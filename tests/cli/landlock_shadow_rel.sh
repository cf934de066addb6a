# landlock_shadow_rel.sh - a relative or empty PATH entry before buckle's
# directory is looked in from whichever directory buckle is started in:
# PATH=node_modules/.bin:... started in src/ takes src/node_modules/.bin/
# buckle first.  A `buckle` the command makes beneath such an entry in any
# directory of the project (not only the working directory's) fails the
# run and is moved aside; one that was there before the run is the user's
# (docs/linux.md, "buckle found through PATH").  Live.
. tests/lib.sh
linux_only "shadow rel"
runner_env
unset BUCKLE_SANDBOX_EXEC BUCKLE_PATH
agent_world llshadowrel w/src/deep sys
ln -s "$B" "$R/sys/buckle"
A=--linux-accept=files,new-paths
cd "$R/w" || exit 1
inrun() {  # NAME PATH COMMAND
    run "$1" env PATH="$2" buckle run $A "$R/prof/agent.buckle" -- sh -c "$3"
}
aside() { ls "$1" 2>/dev/null | grep '^buckle\.planted-' | head -1; }
inrun "shadow rel: probe" "node_modules/.bin:$R/sys:$PATH" true
landlock_or_exit "shadow rel"
expect_rc "shadow rel: a run with a relative PATH entry first" 0
# a relative entry: in a directory of the project that was there, and in one the command makes
for d in src src/deep new/dir; do
    inrun "shadow rel: $d" "node_modules/.bin:$R/sys:$PATH" \
        "mkdir -p $d/node_modules/.bin && printf '#!/bin/sh\necho EVIL\n' >$d/node_modules/.bin/buckle && chmod +x $d/node_modules/.bin/buckle && echo PLANTED"
    expect_out_has "shadow rel: ($d) the command ran" PLANTED
    expect_rc "shadow rel: a buckle made in $d/node_modules/.bin fails the run" 125
    expect_err_has "shadow rel: ($d) ... naming it" "$R/w/$d/node_modules/.bin/buckle exists after the run"
    [ ! -e "$R/w/$d/node_modules/.bin/buckle" ] && [ -n "$(aside "$R/w/$d/node_modules/.bin")" ] &&
        pass "shadow rel: ($d) ... it is moved aside" || fail "shadow rel: ($d) ... it is moved aside" "$(ls -la "$R/w/$d/node_modules/.bin")"
    rm -rf "$R/w/$d/node_modules" "$R/w/new"
done
# an empty entry: the directory buckle is started in, wherever that is
inrun "shadow rel: empty" ":$R/sys:$PATH" "printf '#!/bin/sh\necho EVIL\n' >src/buckle && chmod +x src/buckle && echo PLANTED"
expect_rc "shadow rel: a buckle made in src/ with an empty PATH entry fails the run" 125
expect_err_has "shadow rel: ... naming it" "$R/w/src/buckle exists after the run"
[ ! -e "$R/w/src/buckle" ] && pass "shadow rel: ... it is moved aside" || fail "shadow rel: ... it is moved aside" "$(ls -la "$R/w/src")"
rm -f "$R/w/src"/buckle*
# one that was there before the run is the user's; other programs there are not looked at
mkdir -p "$R/w/src/node_modules/.bin"
printf '#!/bin/sh\necho MINE\n' >"$R/w/src/node_modules/.bin/buckle"
chmod +x "$R/w/src/node_modules/.bin/buckle"
inrun "shadow rel: mine" "node_modules/.bin:$R/sys:$PATH" "touch src/node_modules/.bin/tool; mkdir -p src/x/node_modules/.bin && touch src/x/node_modules/.bin/tool"
expect_rc "shadow rel: a buckle there before the run, and other programs made: the run goes on" 0
# the same under a profile that keeps no repository configuration from the
# command (no search for repositories): what was there is still the user's,
# what the command makes still fails the run
printf 'default allow;\n' >"$R/prof/all.buckle"
run "shadow rel: mine, default allow" env PATH="node_modules/.bin:$R/sys:$PATH" buckle run $A "$R/prof/all.buckle" -- sh -c "mkdir -p src/deep/node_modules/.bin && touch src/deep/node_modules/.bin/buckle"
expect_rc "shadow rel: default allow: a buckle made in src/deep/node_modules/.bin fails the run" 125
expect_err_has "shadow rel: (default allow) ... naming it" "$R/w/src/deep/node_modules/.bin/buckle exists after the run"
grep -qF "$R/w/src/node_modules/.bin/buckle" "$TMP/err" && fail "shadow rel: (default allow) ... and not the user's" "$ERR" \
    || pass "shadow rel: (default allow) ... and not the user's"
rm -rf "$R/w/src/deep/node_modules"
# made in a directory of another name in one run, renamed into place in the next: the file keeps
# its old change time, but it was not at that path when the second run started
rm -rf "$R/w/src/node_modules" "$R/w/src/x"
inrun "shadow rel: rename 1" "node_modules/.bin:$R/sys:$PATH" \
    "mkdir -p stash/x/.bin && printf '#!/bin/sh\necho EVIL\n' >stash/x/.bin/buckle && chmod +x stash/x/.bin/buckle"
expect_rc "shadow rel: a buckle made under another directory name: the run goes on" 0
inrun "shadow rel: rename 2" "node_modules/.bin:$R/sys:$PATH" "mv stash/x stash/node_modules"
expect_rc "shadow rel: a directory renamed to node_modules during the run, around an older buckle, fails the run" 125
expect_err_has "shadow rel: ... naming it" "$R/w/stash/node_modules/.bin/buckle exists after the run"
[ ! -e "$R/w/stash/node_modules/.bin/buckle" ] && pass "shadow rel: ... it is moved aside" || fail "shadow rel: (rename) ... it is moved aside" "$(ls -la "$R/w/stash/node_modules/.bin")"
rm -rf "$R/w/stash"
# after buckle's own directory, a relative entry is never looked in first
# (tools/bin: a node_modules/.bin is looked at whatever PATH is, since npm
# run puts it first; landlock_npm_buckle.sh)
rm -rf "$R/w/src/node_modules" "$R/w/src/x"
inrun "shadow rel: after" "$R/sys:tools/bin:$PATH" "mkdir -p src/tools/bin && touch src/tools/bin/buckle && chmod +x src/tools/bin/buckle"
expect_rc "shadow rel: a relative entry after buckle's directory is not looked at" 0
rm -rf "$R/w/src/tools"
# a literal ~ leading an entry: bash takes it as $HOME (dash as a directory named ~): both are looked at
mkdir -p "$R/home/tbin"
printf 'extends "std/agent";\nfiles { allow write "~/tbin"; }\n' >"$R/prof/tbin.buckle"
run "shadow rel: tilde" env PATH="~/tbin:$R/sys:$PATH" buckle run $A "$R/prof/tbin.buckle" -- sh -c \
    "printf '#!/bin/sh\necho EVIL\n' >\"\$HOME/tbin/buckle\" && chmod +x \"\$HOME/tbin/buckle\""
expect_rc "shadow rel: a buckle made in \$HOME/tbin with ~/tbin in PATH fails the run" 125
expect_err_has "shadow rel: ... naming it" "$R/home/tbin/buckle exists after the run"
[ ! -e "$R/home/tbin/buckle" ] && pass "shadow rel: (tilde) ... it is moved aside" || fail "shadow rel: (tilde) ... it is moved aside" "$(ls -la "$R/home/tbin")"
cd / && rm -rf "$R"
