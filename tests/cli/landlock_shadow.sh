# landlock_shadow.sh - buckle found through PATH after a directory the
# command may write (node_modules/.bin first, as `npm run` sets PATH): that
# directory stays open to new entries (npm install fills it, making
# node_modules first when it is missing), and a `buckle` the command makes
# there (a file, a symbolic link, a directory; in the directory an empty
# PATH entry names) is found after the run: the run exits 125 naming it,
# and it is moved aside, so that the next `buckle` is buckle again; one
# that cannot be moved aside (reached through a link the command made)
# stays, and the next run is refused while it is there; one that cannot
# be looked at fails the run; a plan that lets the command end buckle
# (before it could look) closes those directories instead
# (docs/runner.md, "What is protected"; docs/linux.md).  Live.
. tests/lib.sh
linux_only "shadow"
runner_env      # $B the test build, with a run cache of the suite's own
TOP=$(pwd -P)
unset BUCKLE_SANDBOX_EXEC BUCKLE_PATH
agent_world llshadow w sys
ln -s "$B" "$R/sys/buckle"
A=--linux-accept=files,new-paths
NPMPATH="$R/w/node_modules/.bin:$R/sys:$PATH"
cd "$R/w" || exit 1
inrun() {  # NAME PATH COMMAND
    run "$1" env PATH="$2" buckle run $A "$R/prof/agent.buckle" -- sh -c "$3"
}
inrun "shadow: probe" "$NPMPATH" true
landlock_or_exit "shadow"
expect_rc "shadow: a run with node_modules/.bin first in PATH" 0

# what npm install does: node_modules and node_modules/.bin made, a tool put there
inrun "shadow: npm" "$NPMPATH" 'mkdir -p node_modules/.bin && touch node_modules/.bin/tool && echo MADE'
expect_rc "shadow: node_modules/.bin made in the run, with it first in PATH" 0
expect_out_has "shadow: ... the command made it" MADE
[ -e "$R/w/node_modules/.bin/tool" ] && pass "shadow: ... node_modules/.bin/tool is there" \
    || fail "shadow: ... node_modules/.bin/tool is there" "$(cat "$TMP/err")"
inrun "shadow: npm again" "$NPMPATH" 'touch node_modules/.bin/tool2 && ln -s tool node_modules/.bin/tool3 && echo MADE'
expect_rc "shadow: new entries in an existing node_modules/.bin" 0
[ -e "$R/w/node_modules/.bin/tool2" ] && [ -L "$R/w/node_modules/.bin/tool3" ] && pass "shadow: ... they are there" \
    || fail "shadow: ... they are there" "$(ls -la "$R/w/node_modules/.bin"; cat "$TMP/err")"

# aside: the entries named buckle.planted-* in DIR, one a line
aside() { ls -A "$1" | grep '^buckle\.planted-' ; }
# a buckle planted there, node_modules missing at the start: a program, a
# symbolic link, a directory
for kind in file link dir; do
    rm -rf "$R/w/node_modules"
    case $kind in
    file) plant='printf "#!/bin/sh\necho EVIL\n" >node_modules/.bin/buckle; chmod +x node_modules/.bin/buckle' ;;
    link) plant='ln -s /bin/sh node_modules/.bin/buckle' ;;
    dir) plant='mkdir node_modules/.bin/buckle' ;;
    esac
    inrun "shadow: plant $kind" "$NPMPATH" "mkdir -p node_modules/.bin && $plant && echo PLANTED"
    expect_out_has "shadow: ($kind) the command plants node_modules/.bin/buckle" PLANTED
    expect_rc "shadow: ($kind) ... the run fails" 125
    expect_err_has "shadow: ($kind) ... naming it" "$R/w/node_modules/.bin/buckle exists after the run: it did not exist when the command started, and PATH finds it before $R/sys/buckle"
    expect_err_has "shadow: ($kind) ... saying where it was moved" "moved aside to $R/w/node_modules/.bin/buckle.planted-"
    if [ ! -e "$R/w/node_modules/.bin/buckle" ] && [ ! -L "$R/w/node_modules/.bin/buckle" ] && [ -n "$(aside "$R/w/node_modules/.bin")" ]; then
        pass "shadow: ($kind) ... it is moved aside"
    else
        fail "shadow: ($kind) ... it is moved aside" "$(ls -la "$R/w/node_modules/.bin")"
    fi
    inrun "shadow: next $kind" "$NPMPATH" 'echo RAN'
    expect_rc "shadow: ($kind) ... the next run through PATH is buckle's" 0
    expect_out_has "shadow: ($kind) ... and runs the command" RAN
done
[ -x /bin/sh ] && [ ! -L "$R/w/node_modules/.bin/$(aside "$R/w/node_modules/.bin")" ] || pass "shadow: (link) ... the link's target is left alone"

# one already there when the command starts, changed in the run (made
# executable: modes are metadata, which Landlock does not control)
rm -rf "$R/w/node_modules"
mkdir -p "$R/w/node_modules/.bin"
printf 'not a program\n' >"$R/w/node_modules/.bin/buckle"
inrun "shadow: chmod" "$NPMPATH" 'chmod +x node_modules/.bin/buckle'
expect_rc "shadow: a buckle there at the start and made executable in the run fails it" 125
expect_err_has "shadow: ... naming it" "$R/w/node_modules/.bin/buckle is not as it was when the command started"
# a link there at the start that led nowhere, whose target the command makes
rm -rf "$R/w/node_modules" "$R/w/tgt"
mkdir -p "$R/w/node_modules/.bin"
ln -s ../../tgt/buckle "$R/w/node_modules/.bin/buckle"
inrun "shadow: link target" "$NPMPATH" 'mkdir tgt && printf "#!/bin/sh\necho EVIL\n" >tgt/buckle && chmod +x tgt/buckle'
expect_rc "shadow: a link there at the start whose missing target the command makes fails the run" 125
expect_err_has "shadow: ... naming it" "$R/w/node_modules/.bin/buckle is not as it was when the command started"
[ ! -L "$R/w/node_modules/.bin/buckle" ] && pass "shadow: ... the link is moved aside" || fail "shadow: ... the link is moved aside" "$(ls -la "$R/w/node_modules/.bin")"
rm -rf "$R/w/tgt"
rm -rf "$R/w/node_modules"
mkdir -p "$R/w/node_modules/.bin"
printf 'not a program\n' >"$R/w/node_modules/.bin/buckle"
inrun "shadow: untouched" "$NPMPATH" 'touch node_modules/.bin/tool'
expect_rc "shadow: one there at the start and left as it was is not named" 0

# reached through a link the command made (node_modules -> elsewhere): not
# moved (the link could lead to a file of the user's), so it stays, and the
# next run is refused while it is there
rm -rf "$R/w/node_modules" "$R/w/elsewhere"
inrun "shadow: through a link" "$NPMPATH" 'mkdir -p elsewhere/.bin && printf "#!/bin/sh\necho EVIL\n" >elsewhere/.bin/buckle && chmod +x elsewhere/.bin/buckle && ln -s elsewhere node_modules'
expect_rc "shadow: a buckle reached through a link the command made fails the run" 125
expect_err_has "shadow: ... naming it and why it stays" "it could not be moved aside (its directory is reached through a symbolic link that did not lead to a directory when the command started)"
[ -x "$R/w/elsewhere/.bin/buckle" ] && pass "shadow: ... it stays" || fail "shadow: ... it stays" "$(ls -la "$R/w/elsewhere/.bin")"
run "shadow: refused next" env PATH="$NPMPATH" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "shadow: ... the next run is refused while it is there" 125
expect_err_has "shadow: ... naming it" "$R/w/node_modules/.bin/buckle was made by the sandboxed command of an earlier run"
rm -rf "$R/w/elsewhere" "$R/w/node_modules"
inrun "shadow: gone" "$NPMPATH" true
expect_rc "shadow: ... once it is gone, runs go on" 0

# an empty PATH entry (leading, "::", trailing) is the current directory
for pv in ":$R/sys:$PATH" "$R/nope::$R/sys:$PATH"; do
    rm -f "$R/w/buckle" "$R/w"/buckle.planted-*
    inrun "shadow: empty PATH entry ($pv)" "$pv" 'printf "#!/bin/sh\necho EVIL\n" >buckle; chmod +x buckle; touch other; echo PLANTED'
    expect_out_has "shadow: ($pv) the command makes files in the working directory" PLANTED
    expect_rc "shadow: ($pv) a buckle made where an empty PATH entry looks fails the run" 125
    expect_err_has "shadow: ($pv) ... naming it" "$R/w/buckle exists after the run"
    [ ! -e "$R/w/buckle" ] && [ -n "$(aside "$R/w")" ] && pass "shadow: ($pv) ... it is moved aside" \
        || fail "shadow: ($pv) ... it is moved aside" "$(ls -la "$R/w")"
done
rm -f "$R/w"/buckle.planted-* "$R/w/other"
# a relative entry lies below the working directory
rm -rf "$R/w/node_modules"
inrun "shadow: relative PATH entry" "node_modules/.bin:$R/sys:$PATH" 'mkdir -p node_modules/.bin && ln -s /bin/sh node_modules/.bin/buckle'
expect_rc "shadow: a buckle made where a relative PATH entry looks fails the run" 125
expect_err_has "shadow: ... naming it" "$R/w/node_modules/.bin/buckle exists after the run"
rm -rf "$R/w/node_modules"
inrun "shadow: trailing empty entry" "$R/sys:$PATH:" 'printf "#!/bin/sh\necho EVIL\n" >buckle; chmod +x buckle'
expect_rc "shadow: an empty entry after buckle's directory is not looked at" 0
rm -f "$R/w/buckle"

# a plan that lets the command end buckle (writing a control group's
# files) would keep it from looking after the run: the directories are
# closed to new entries instead, and it says so
printf 'extends "std/agent";\nfiles { allow write subpath "/sys/fs/cgroup"; }\n' >"$R/prof/cg.buckle"
rm -rf "$R/w/node_modules"
mkdir -p "$R/w/node_modules/.bin"
run "shadow: cgroup" env PATH="$NPMPATH" buckle run $A "$R/prof/cg.buckle" -- sh -c 'touch node_modules/.bin/buckle || echo REFUSED'
expect_err_has "shadow: a plan that lets the command end buckle: said" "the plan lets the command write /sys/fs/cgroup, through which it could end buckle"
expect_out_has "shadow: ... the buckle cannot be made" REFUSED
[ ! -e "$R/w/node_modules/.bin/buckle" ] && pass "shadow: ... and is not there" || fail "shadow: ... and is not there" "$(ls -la "$R/w/node_modules/.bin")"
rm -rf "$R/w/node_modules"

# a candidate that cannot be looked at after the run (a directory on its
# way made unsearchable: modes are metadata) fails the run; as an
# unprivileged user, since root searches every directory
as=
if [ "$(id -u)" = 0 ]; then
    if command -v setpriv >/dev/null 2>&1; then as="setpriv --reuid=65534 --regid=65534 --clear-groups"; else as=none; fi
fi
if [ "$as" = none ]; then
    skip "shadow: unreadable" "root without setpriv"
else
    U=$(mktemp -d /var/tmp/buckle-llsh.XXXXXX)
    chmod 755 "$U"
    U=$(cd "$U" && pwd -P)
    mkdir -p "$U/corpus" "$U/prof" "$U/w" "$U/home" "$U/tmp" "$U/cp" "$U/sys"
    cp "$B" "$U/sys/buckle"
    cp -R "$TOP/corpus/std" "$U/corpus/std"
    printf 'extends "std/agent";\n' >"$U/prof/agent.buckle"
    chmod -R a+rX "$U"
    [ -n "$as" ] && chown -R 65534:65534 "$U/w" "$U/home" "$U/tmp" "$U/cp"
    run "shadow: unreadable" sh -c "cd '$U/w' && $as env PATH='$U/w/node_modules/.bin:$U/sys:/usr/bin:/bin' HOME='$U/home' TMPDIR='$U/tmp' BUCKLE_TEST_CACHE_PARENT='$U/cp' buckle run $A '$U/prof/agent.buckle' -- sh -c 'mkdir -p node_modules/.bin && touch node_modules/.bin/buckle && chmod 000 node_modules/.bin && echo HIDDEN'"
    expect_out_has "shadow: a command plants node_modules/.bin/buckle and makes its directory unsearchable" HIDDEN
    expect_rc "shadow: ... the run fails" 125
    expect_err_has "shadow: ... naming it" "$U/w/node_modules/.bin/buckle cannot be looked at after the run"
    chmod -R u+rwx "$U" 2>/dev/null
    rm -rf "$U"
fi
cd / && rm -rf "$R"
