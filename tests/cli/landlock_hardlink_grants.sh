# landlock_hardlink_grants.sh - a file in a write grant outside the project
# (a package store, a cache, $TMPDIR) with another name where the profile
# does not let the command write (another project's node_modules or venv,
# linked to the store by pnpm or uv): the write would land there too, so
# the run is refused (exit 125), naming the file, as for a link in the
# project (docs/linux.md, "Hard links beneath a write grant").
. tests/lib.sh
agent_setup llhg "landlock hardlink grants"
A="--no-cache --linux-accept=files,new-paths"
inrun() {  # ACCEPT PROFILE COMMAND
    run "landlock hardlink grants" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $1 '$2' -- sh -c '$3'"
}
inrun "$A" "$P" true
landlock_or_exit "landlock hardlink grants"
expect_rc "landlock hardlink grants: a project without links runs" 0

# a package store the profile lets the command write, linked into another
# project that it does not
mkdir -p "$U/store/v3/aa" "$U/other/node_modules/x"
echo 'module.exports=1' >"$U/store/v3/aa/bbcc"
ln "$U/store/v3/aa/bbcc" "$U/other/node_modules/x/index.js"
printf 'extends "std/agent";\nfiles { allow write "%s/store"; }\n' "$U" >"$U/prof/store.buckle"
inrun "$A" "$U/prof/store.buckle" "echo PWNED >$U/store/v3/aa/bbcc"
expect_rc "landlock hardlink grants: a store file linked into another project refuses the run" 125
expect_err_has "landlock hardlink grants: ... naming it" "such as $U/store/v3/aa/bbcc"
expect_err_has "landlock hardlink grants: ... with its names" "$U/store/v3/aa/bbcc: 2 names, 1 of them where the command may write"
[ "$(cat "$U/other/node_modules/x/index.js")" = 'module.exports=1' ] \
    && pass "landlock hardlink grants: ... and the other project's file is unchanged" \
    || fail "landlock hardlink grants: ... and the other project's file is unchanged" "$(cat "$U/other/node_modules/x/index.js")"
inrun "$A,hardlinks" "$U/prof/store.buckle" 'echo RAN'
expect_rc "landlock hardlink grants: ... --linux-accept=hardlinks runs it" 0
# the same store linked into the project only: every name is writable
rm -f "$U/other/node_modules/x/index.js"
mkdir -p "$U/w/node_modules/x"
ln "$U/store/v3/aa/bbcc" "$U/w/node_modules/x/index.js"
inrun "$A" "$U/prof/store.buckle" 'echo RAN'
expect_rc "landlock hardlink grants: a store file linked into the project only runs" 0
expect_out_has "landlock hardlink grants: ... (the command ran)" RAN
rm -rf "$U/w/node_modules"

# two grants outside the project holding the two names: both writable
mkdir -p "$U/cache"
ln "$U/store/v3/aa/bbcc" "$U/cache/c"
printf 'extends "std/agent";\nfiles { allow write "%s/store", "%s/cache"; }\n' "$U" "$U" >"$U/prof/two.buckle"
inrun "$A" "$U/prof/two.buckle" 'echo RAN'
expect_rc "landlock hardlink grants: names in two write grants outside the project: runs" 0
rm -f "$U/cache/c"

# $TMPDIR, which std/agent lets the command write (a directory of its own
# in $U/tmp): a file there that is also a file of another directory
inrun "$A" "$P" 'echo $TMPDIR'
RT=$OUT
mkdir -p "$U/outside"
echo orig >"$U/outside/f"
ln "$U/outside/f" "$RT/hl"
inrun "$A" "$P" 'echo changed >$TMPDIR/hl'
expect_rc "landlock hardlink grants: a file in TMPDIR with a name outside the grants refuses the run" 125
expect_err_has "landlock hardlink grants: ... naming it" "such as $RT/hl"
[ "$(cat "$U/outside/f")" = orig ] && pass "landlock hardlink grants: ... and the file outside is unchanged" \
    || fail "landlock hardlink grants: ... and the file outside is unchanged" "$(cat "$U/outside/f")"
rm -f "$RT/hl"
inrun "$A" "$P" 'echo RAN'
expect_rc "landlock hardlink grants: ... without it the run starts" 0

# pnpm's store in its Linux home, linked into a project outside (pnpm's
# default): std/dev/node leaves the store read only, so an npm or yarn
# project's run starts and cannot write the store; std/dev/pnpm grants it,
# and the run is refused while the store holds files linked outside
PS="$U/home/.local/share/pnpm/store/v3/files/aa"
mkdir -p "$PS" "$U/pnpmproj/node_modules/y"
echo 'module.exports=2' >"$PS/ddee"
ln "$PS/ddee" "$U/pnpmproj/node_modules/y/index.js"
printf 'extends "std/agent", "std/dev/node";\n' >"$U/prof/node.buckle"
printf 'extends "std/agent", "std/dev/pnpm";\n' >"$U/prof/pnpm.buckle"
inrun "$A" "$U/prof/node.buckle" "(echo PWNED >$PS/ddee) 2>/dev/null && echo WROTE-STORE; echo RAN"
expect_rc "landlock hardlink grants: std/dev/node beside a pnpm store linked into another project runs" 0
expect_out_has "landlock hardlink grants: ... (the command ran)" RAN
expect_out_lacks "landlock hardlink grants: ... and cannot write the store" WROTE-STORE
[ "$(cat "$U/pnpmproj/node_modules/y/index.js")" = 'module.exports=2' ] \
    && pass "landlock hardlink grants: ... and the other project's file is unchanged" \
    || fail "landlock hardlink grants: ... and the other project's file is unchanged" "$(cat "$U/pnpmproj/node_modules/y/index.js")"
inrun "$A" "$U/prof/pnpm.buckle" 'echo RAN'
expect_rc "landlock hardlink grants: std/dev/pnpm with the store linked into another project refuses the run" 125
expect_err_has "landlock hardlink grants: ... naming the store's file" "such as $PS/ddee"
