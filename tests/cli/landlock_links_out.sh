# landlock_links_out.sh - symbolic links the command made in the working
# directory that lead out of it (docs/linux.md, "Links out of the working
# directory"): a directory of the project replaced by a link into a git
# repository the command made in $TMPDIR is where git, run after `cd
# src/comp`, takes that repository's core.fsmonitor for the project's.  The
# run fails (exit 125), naming the link and where it leads, with
# --linux-accept=files alone too; a link that stays inside, and a link out
# that was there before the run, are not named.  Live.
. tests/lib.sh
skip() { echo "SKIP $1: $2" >>"$RESULTS"; }
expect_err_lacks() {  # NAME TEXT
    if grep -qF -- "$2" "$TMP/err"; then fail "$1" "stderr has '$2'"; else pass "$1"; fi
}
agent_setup lllinks "landlock links out"
mkdir -p "$U/w/src/comp" "$U/w/src/other" "$U/outside"
echo c >"$U/w/src/comp/c.txt"
ln -s "$U/outside" "$U/w/old-link"
SWAP='mkdir -p $TMPDIR/ev/w && git init -q $TMPDIR/ev/w && cp -r src/comp $TMPDIR/ev/w/comp && rm -rf src/comp && ln -s $TMPDIR/ev/w/comp src/comp && ln -s ../src/other src/inside && echo SWAPPED'
# inrun ACCEPT COMMAND
inrun() {
    run "landlock links out" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run --no-cache --linux-accept=$1 '$P' -- sh -c '$2'"
}
inrun files,new-paths true
if grep -q "offers no Landlock" "$TMP/err"; then skip "landlock links out: every check" "this kernel has no Landlock"; exit 0; fi
expect_rc "landlock links out: a run that makes no link" 0
for acc in files,new-paths files; do
    rm -rf "$U/w/src/comp" "$U/w/src/inside" "$U/tmp/ev"
    mkdir -p "$U/w/src/comp"
    inrun $acc "$SWAP"
    expect_out_has "landlock links out ($acc): the command replaced src/comp by a link" SWAPPED
    expect_rc "landlock links out ($acc): ... the run fails" 125
    expect_err_has "landlock links out ($acc): ... naming the link and where it leads" \
        "$U/w/src/comp is a symbolic link the command made, to $U/tmp/ev/w/comp, outside the working directory"
    expect_err_lacks "landlock links out ($acc): ... not the link that stays inside" "src/inside is a symbolic link"
    expect_err_lacks "landlock links out ($acc): ... nor the one made before the run" "old-link is a symbolic link"
done

# a profile that writes only a directory beneath the working directory:
# that directory is walked (a link out made there is named), the rest is
# not the command's to change
cat >"$U/prof/sub.buckle" <<EOP
default deny;
files { allow read "/usr", "/etc", "/lib", "/lib64", "/dev", "\$WORKDIR", "\$TMPDIR"; allow exec-map "/usr"; allow write "\$WORKDIR/src", "\$TMPDIR"; }
process { allow exec "/usr", "/bin"; allow fork; }
EOP
rm -rf "$U/w/src/comp" "$U/w/src/inside" "$U/tmp/ev"
mkdir -p "$U/w/src/comp"
run "landlock links out" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run --no-cache --linux-accept=files '$U/prof/sub.buckle' -- /bin/sh -c 'rm -rf src/comp && ln -s $U/tmp src/comp && echo SWAPPED'"
expect_out_has "landlock links out (a grant beneath): the command replaced src/comp by a link" SWAPPED
expect_rc "landlock links out (a grant beneath): ... the run fails" 125
expect_err_has "landlock links out (a grant beneath): ... naming it" "$U/w/src/comp is a symbolic link the command made, to $U/tmp"
