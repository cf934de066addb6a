# landlock_cache_guard.sh - the run cache from inside the sandbox, live
# (docs/linux.md, "Where buckle keeps its files"): under a profile that
# reads and writes the home directory (and ~/.cache), a sandboxed command
# can neither read the cache (its plans name other runs' paths, parameter
# values and directory listings) nor modify, replace, remove, rename or
# link-swap any entry or the directory itself; the next run still uses the
# cache.  The test build keeps its cache in ~/.cache of the test's home;
# the user's own cache is closed the same way.
. tests/lib.sh
linux_only "landlock cache guard"
R="$TMP/llcg"
rm -rf "$R"
mkdir -p "$R/home/.cache" "$R/home/proj" "$R/tmp" "$R/prof"
R=$(cd "$R" && pwd -P)
H=$R/home
runner_env
BUCKLE_TEST_CACHE_PARENT=$H/.cache
export BUCKLE_TEST_CACHE_PARENT
unset BUCKLE_SANDBOX_EXEC
C=$H/.cache/buckle-cache-$(id -u)
cat >"$R/prof/p.buckle" <<'EOP'
extends "std/base";
files {
    allow read "~", "~/.cache";
    allow write "~", "~/.cache";  # buckle: ignore[BK3004] -- the test writes the home on purpose
}
process { allow exec "/usr/bin"; allow fork; }
EOP
P=$R/prof/p.buckle
A="-I $(pwd)/corpus --linux-accept=files"
# a first run fills the cache (cwd: the project in the home)
run "landlock cache guard: first run" sh -c "cd '$H/proj' && HOME='$H' TMPDIR='$R/tmp' '$B' run $A '$P' -- /usr/bin/true"
landlock_or_exit "landlock cache guard"
expect_rc "landlock cache guard: the profile runs" 0
E=$(ls "$C" | grep '^cache-' | head -1)
[ -n "$E" ] && pass "landlock cache guard: the run left an entry in the cache" || fail "landlock cache guard: the run left an entry in the cache" "$(ls -la "$C")"
cp "$C/$E" "$R/entry.before"
# the directory and its entries: modes, owners, names (not times: a later
# run's own validation marks, vs-*, which buckle writes outside the sandbox,
# change the directory's time and are left out)
listing() { stat -c '%A %U %G %n' "$C" "$C"/* | grep -v '/vs-[0-9a-f]*$'; }
listing >"$R/dir.before"
ATTACK='C=$1 E=$2
cat "$C/$E" >/dev/null 2>&1 && echo "READ entry"
ls "$C" >/dev/null 2>&1 && echo "LISTED dir"
(echo x >>"$C/$E") 2>/dev/null && echo "APPENDED entry"
(: >"$C/$E") 2>/dev/null && echo "TRUNCATED entry"
(echo x >"$C/cache-0000000000000000.bc") 2>/dev/null && echo "CREATED entry"
mv "$C/$E" "$C/$E.x" 2>/dev/null && echo "RENAMED entry"
rm -f "$C/$E" 2>/dev/null && [ ! -e "$C/$E" ] && echo "REMOVED entry"
ln -s /etc/passwd "$C/link" 2>/dev/null && echo "LINKED in dir"
ln "$C/$E" "$HOME/proj/stolen" 2>/dev/null && echo "HARDLINKED entry"
mv "$C" "$C.old" 2>/dev/null && echo "RENAMED dir"
mv "$HOME/.cache" "$HOME/.cache.old" 2>/dev/null && echo "RENAMED parent"
rm -rf "$C" 2>/dev/null; [ -d "$C" ] || echo "REMOVED dir"
ln -s "$HOME/proj" "$HOME/.cache/x" 2>/dev/null && mv -T "$HOME/.cache/x" "$C" 2>/dev/null && echo "SWAPPED dir"
echo done'
printf '%s\n' "$ATTACK" >"$H/proj/attack.sh"
run "landlock cache guard: attack" sh -c "cd '$H/proj' && HOME='$H' TMPDIR='$R/tmp' '$B' run $A '$P' -- /usr/bin/sh '$H/proj/attack.sh' '$C' '$E'"
expect_out_has "landlock cache guard: the attack ran to its end" "done"
for w in "READ entry" "LISTED dir" "APPENDED entry" "TRUNCATED entry" "CREATED entry" "RENAMED entry" "REMOVED entry" \
         "LINKED in dir" "HARDLINKED entry" "RENAMED dir" "RENAMED parent" "REMOVED dir" "SWAPPED dir"; do
    expect_out_lacks "landlock cache guard: under allow read and write of ~ and ~/.cache, the sandbox cannot: $w" "$w"
done
expect_same "landlock cache guard: the entry is as it was" "$R/entry.before" "$C/$E"
listing >"$R/dir.after"
expect_same "landlock cache guard: the cache directory is as it was" "$R/dir.before" "$R/dir.after"
# the next run takes its plan from the cache
run "landlock cache guard: next run" sh -c "cd '$H/proj' && HOME='$H' TMPDIR='$R/tmp' '$B' run -v $A '$P' -- /usr/bin/true"
expect_err_has "landlock cache guard: the next run uses the cache" "the plan from the run cache"
# -v says why the home is narrower
run "landlock cache guard: -v" sh -c "cd '$H/proj' && HOME='$H' TMPDIR='$R/tmp' '$B' run --no-cache -v $A '$P' -- /usr/bin/true"
expect_err_has "landlock cache guard: -v names the run cache as what narrows reading the home" "buckle's run cache (other runs' plans) inside $H"
# the user's own cache (the password database's home) is closed too; made
# for the check where it is missing (the suite's runs keep their own), and
# removed after
PW=$(getent passwd "$(id -u)" | cut -d: -f6)
made=
if [ -n "$PW" ] && [ "$PW" != / ] && [ -d "$PW" ] && [ ! -e "$PW/.cache/buckle" ]; then
    [ -d "$PW/.cache" ] || { mkdir -m 700 "$PW/.cache" && made="$PW/.cache"; }
    mkdir -m 700 "$PW/.cache/buckle" && made="$PW/.cache/buckle $made"
fi
if [ -n "$PW" ] && [ -d "$PW/.cache/buckle" ]; then
    cat >"$R/prof/u.buckle" <<EOP
extends "std/base";
files { allow read "$PW"; }
process { allow exec "/usr/bin"; }
EOP
    run "landlock cache guard: user's cache" sh -c "cd '$H/proj' && HOME='$H' TMPDIR='$R/tmp' '$B' run --no-cache $A '$R/prof/u.buckle' -- /usr/bin/ls '$PW/.cache/buckle'"
    [ "$RC" -ne 0 ] && [ -z "$OUT" ] && pass "landlock cache guard: the user's own run cache ($PW/.cache/buckle) cannot be listed" \
        || fail "landlock cache guard: the user's own run cache ($PW/.cache/buckle) cannot be listed" "rc $RC: $(echo "$OUT" | head -3)"
else
    skip "landlock cache guard: the user's own run cache" "$PW/.cache/buckle does not exist"
fi
# shellcheck disable=SC2086
[ -z "$made" ] || rmdir $made
exit 0
