# landlock_siblings.sh - `buckle run` on Linux, live: a project that keeps
# several profiles compiles another one at its next run, so the directory of
# the profile (and of each base) is kept unwritable like the profile itself
# (docs/runner.md, "What is protected"): run 1 under .buckle/agent.buckle
# cannot rewrite .buckle/test.buckle, which run 2 would compile.  Where the
# profile sits in the project's own directory, only the profiles there (and
# .buckle-lint.conf) are: the project stays the command's to write.
. tests/lib.sh
linux_only "landlock siblings"
unset BUCKLE_SANDBOX_EXEC
A=--linux-accept=files
U=$(mktemp -d "${TMPDIR:-/tmp}/buckle-llsib.XXXXXX")
chmod 755 "$U"
U=$(cd "$U" && pwd -P)
trap 'rm -rf "$U"' EXIT
mkdir -p "$U/corpus" "$U/home/tmp" "$U/proj/.buckle/more" "$U/proj2"
cp "$BUCKLE" "$U/buckle"
cp -R corpus/std "$U/corpus/std"
B=$U/buckle
H=$U/home
printf 'extends "std/agent";\n' >"$U/proj/.buckle/agent.buckle"
printf 'extends "std/agent";\n# the tests: the same\n' >"$U/proj/.buckle/test.buckle"
printf 'extends "std/agent";\n' >"$U/proj/.buckle/more/ci.buckle"
echo mine >"$U/proj/a.txt"
echo TOPSECRET >"$H/secret"
inproj() { (cd "$U/proj" && HOME=$H TMPDIR=$H/tmp "$B" "$@"); }
run "landlock siblings: a run" inproj run --no-cache $A .buckle/agent.buckle -- /usr/bin/true
landlock_or_exit "landlock siblings"
expect_rc "landlock siblings: std/agent runs from .buckle/agent.buckle" 0
run "landlock siblings: run 1" inproj run --no-cache $A .buckle/agent.buckle -- /usr/bin/sh -c '
  (printf "default allow;\n" >.buckle/test.buckle) 2>/dev/null && echo REWROTE-SIBLING
  (printf "default allow;\n" >.buckle/more/ci.buckle) 2>/dev/null && echo REWROTE-SUBDIR
  (printf "default allow;\n" >.buckle/new.buckle) 2>/dev/null && echo PLANTED
  (mv .buckle/test.buckle .buckle/old) 2>/dev/null && echo MOVED
  echo ok >>a.txt && echo WROTE-PROJECT'
for w in REWROTE-SIBLING REWROTE-SUBDIR PLANTED MOVED; do
    expect_out_lacks "landlock siblings: the profile's directory is unwritable: $w" "$w"
done
expect_out_has "landlock siblings: ... and the project is still written" "WROTE-PROJECT"
run "landlock siblings: run 2" inproj run --no-cache $A .buckle/test.buckle -- /usr/bin/cat "$H/secret"
expect_out_lacks "landlock siblings: the next run under the sibling profile does not read the secret" "TOPSECRET"
run "landlock siblings: query" inproj query --platform linux -D WORKDIR="$U/proj" .buckle/agent.buckle files write "$U/proj/.buckle/test.buckle"
expect_out_has "landlock siblings: query --platform linux says the sibling profile is not writable" "deny file-write-data"
run "landlock siblings: query project" inproj query --platform linux -D WORKDIR="$U/proj" .buckle/agent.buckle files write "$U/proj/a.txt"
expect_out_has "landlock siblings: ... and the project's files are" "allow file-write-data"
# the profile in the project's own directory: only the profiles there
printf 'extends "std/agent";\n' >"$U/proj2/agent.buckle"
printf 'extends "std/agent";\n' >"$U/proj2/test.buckle"
printf 'ignore = BK3004\n' >"$U/proj2/.buckle-lint.conf"
mkdir -p "$U/proj2/src"
echo code >"$U/proj2/src/main.c"
echo notes >"$U/proj2/notes.txt"
run "landlock siblings: in WORKDIR" sh -c "cd '$U/proj2' && HOME='$H' TMPDIR='$H/tmp' '$B' run --no-cache $A agent.buckle -- /usr/bin/sh -c '
  (echo x >>test.buckle) 2>/dev/null && echo REWROTE-SIBLING
  (echo x >>.buckle-lint.conf) 2>/dev/null && echo REWROTE-LINTCONF
  echo x >>notes.txt && echo WROTE-NOTES
  echo x >>src/main.c && echo WROTE-SRC'"
expect_rc "landlock siblings: std/agent runs with the profile in the project's directory" 0
expect_out_lacks "landlock siblings: a profile beside it in the project's directory is unwritable" "REWROTE-SIBLING"
expect_out_lacks "landlock siblings: ... and .buckle-lint.conf" "REWROTE-LINTCONF"
expect_out_has "landlock siblings: ... while the project's other files are written" "WROTE-NOTES"
expect_out_has "landlock siblings: ... and its subdirectories" "WROTE-SRC"
exit 0
