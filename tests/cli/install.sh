# install.sh - make install puts the standard library where extends finds it,
# from any directory.
. tests/lib.sh
P="$TMP/prefix"
run "install: make install" env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory install PREFIX="$P" BUILD="$BUILD" BIN="$BUCKLE"
expect_rc "install: make install PREFIX=..." 0
[ -x "$P/bin/buckle" ] && [ -f "$P/share/buckle/std/agent.buckle" ] && [ -f "$P/share/buckle/std/network/proxy.buckle" ] \
    && pass "install: binary and std/ installed" || fail "install: binary and std/ installed" "$(ls -R "$P" | head)"
mkdir -p "$TMP/elsewhere"
printf 'extends "std/agent";\nfiles { allow read "$WORKDIR/docs"; }\n' >"$TMP/elsewhere/mine.buckle"
(cd "$TMP/elsewhere" && env -u BUCKLE_PATH "$P/bin/buckle" compile mine.buckle -o mine.sb) >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc "install: extends \"std/agent\" works from any directory" 0
grep -q "std/base.buckle std/agent.buckle" "$TMP/elsewhere/mine.sb" && pass "install: std found by name" || fail "install: std found by name" "$(head -5 "$TMP/elsewhere/mine.sb")"
(cd "$TMP/elsewhere" && "$P/bin/buckle" test mine.buckle "$P/share/buckle/std/agent.buckle") >"$TMP/out" 2>&1
RC=$?
expect_rc "install: buckle test on the installed std/agent" 0

# the manual pages: installed where man finds them, they render, uninstall removes everything
[ -f "$P/share/man/man1/buckle.1" ] && [ -f "$P/share/man/man5/buckle.5" ] \
    && pass "install: man pages in share/man/man1 and man5" || fail "install: man pages in share/man/man1 and man5" "$(ls -R "$P/share" | head)"
if command -v man >/dev/null 2>&1; then
    (MANPATH="$P/share/man" MANWIDTH=80 man 5 buckle) >"$TMP/out" 2>"$TMP/err"
    RC=$?
    expect_rc "install: man 5 buckle finds the installed page" 0
    expect_out_has "install: man 5 buckle shows the file format" "the buckle sandbox profile language"
else fail "install: man 5 buckle finds the installed page" "no man on PATH (tools/setup-deps.sh installs man-db)"; fi
run "install: make uninstall" env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory uninstall PREFIX="$P" BUILD="$BUILD" BIN="$BUCKLE"
expect_rc "install: make uninstall PREFIX=..." 0
left=$(find "$P" -type f)
[ -z "$left" ] && pass "install: make uninstall removes every installed file" || fail "install: make uninstall removes every installed file" "$left"
