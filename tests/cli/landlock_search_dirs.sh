# landlock_search_dirs.sh - a $BUCKLE_PATH or -I directory the command could
# write holds the bases the user's OTHER profiles extend, not only this
# run's: it is protected like the profile's own directory (whole, or, where
# it is the working directory or above it, its profiles), so a run of one
# profile cannot rewrite the base a later run of another compiles
# (docs/runner.md, "What is protected").  Live.
. tests/lib.sh
agent_setup llsd "landlock search dirs"
T="landlock search dirs"
mkdir -p "$U/w/bp/team" "$U/w/bp/ci" "$U/w/inc/x"
printf 'files { allow read "/"; }\n' >"$U/w/bp/team/a.buckle"
printf 'files { allow read "/"; }\n' >"$U/w/bp/ci/b.buckle"
printf 'files { allow read "/"; }\n' >"$U/w/inc/x/c.buckle"
printf 'extends "std/agent", "team/a";\n' >"$U/prof/A.buckle"
# inrun CLASSES CMD: profile A with BUCKLE_PATH=$U/w/bp and -I $U/w/inc
inrun() {
    run "$T" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' BUCKLE_PATH='$U/w/bp' '$B' run --no-cache -I '$U/w/inc' --linux-accept=$1 '$U/prof/A.buckle' -- sh -c '$2'"
}
inrun files,new-paths true
landlock_or_exit "$T"
expect_rc "$T: a run" 0
for cls in files,new-paths files; do
    echo one >"$U/w/other.txt"
    inrun $cls 'printf "default allow;\n" >bp/ci/b.buckle; printf "default allow;\n" >inc/x/c.buckle; mkdir bp/new; echo two >>other.txt; echo ran'
    expect_out_has "$T: ($cls) the command runs" ran
    grep -q "default allow" "$U/w/bp/ci/b.buckle" && fail "$T: ($cls) a base another profile extends from BUCKLE_PATH stays unwritable" "$(cat "$U/w/bp/ci/b.buckle")" \
        || pass "$T: ($cls) a base another profile extends from BUCKLE_PATH stays unwritable"
    grep -q "default allow" "$U/w/inc/x/c.buckle" && fail "$T: ($cls) ... and from -I" "$(cat "$U/w/inc/x/c.buckle")" \
        || pass "$T: ($cls) ... and from -I"
    [ -d "$U/w/bp/new" ] && fail "$T: ($cls) ... nothing new in BUCKLE_PATH" "made" || pass "$T: ($cls) ... nothing new in BUCKLE_PATH"
    grep -q two "$U/w/other.txt" 2>/dev/null && pass "$T: ($cls) ... the project stays writable" \
        || fail "$T: ($cls) ... the project stays writable" "$ERR"
done
