# landlock_links_out.sh - symbolic links the command made in the working
# directory that lead out of it (docs/linux.md, "Links out of the working
# directory"): a directory of the project replaced by a link into a git
# repository the command made in $TMPDIR is where git, run after `cd
# src/comp`, takes that repository's core.fsmonitor for the project's.  The
# run fails (exit 125), naming the link and where it leads, with
# --linux-accept=files alone too; a link that stays inside, and a link out
# that was there before the run, are not named.  A link named is
# remembered: the next run refuses while it is there.  A relative link in
# a directory the command moved is judged where it leads now, and a
# directory too deep to walk is named.  Live.
. tests/lib.sh
expect_err_lacks() {  # NAME TEXT
    if grep -qF -- "$2" "$TMP/err"; then fail "$1" "stderr has '$2'"; else pass "$1"; fi
}
agent_setup lllinks "landlock links out"
# the test build, with a run cache of its own (what a run names is
# remembered there)
cp "$BUILD/buckle-test" "$B"
mkdir -p "$U/cp"
BUCKLE_TEST_CACHE_PARENT=$U/cp
export BUCKLE_TEST_CACHE_PARENT
mkdir -p "$U/w/src/comp" "$U/w/src/other" "$U/outside"
echo c >"$U/w/src/comp/c.txt"
ln -s "$U/outside" "$U/w/old-link"
SWAP='mkdir -p $TMPDIR/ev/w && git init -q $TMPDIR/ev/w && cp -r src/comp $TMPDIR/ev/w/comp && rm -rf src/comp && ln -s $TMPDIR/ev/w/comp src/comp && ln -s ../src/other src/inside && echo SWAPPED'
# inrun ACCEPT COMMAND
inrun() {
    run "landlock links out" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run --no-cache --linux-accept=$1 '$P' -- sh -c '$2'"
}
inrun files,new-paths true
landlock_or_exit "landlock links out"
expect_rc "landlock links out: a run that makes no link" 0
# the command's TMPDIR: a directory of its own in $U/tmp, one per options
inrun files 'echo $TMPDIR'
RTF=$OUT
inrun files,new-paths 'echo $TMPDIR'
RTN=$OUT
for acc in files,new-paths files; do
    case $acc in files) RT=$RTF;; *) RT=$RTN;; esac
    rm -rf "$U/w/src/comp" "$U/w/src/inside" "$RT/ev"
    mkdir -p "$U/w/src/comp"
    inrun $acc "$SWAP"
    expect_out_has "landlock links out ($acc): the command replaced src/comp by a link" SWAPPED
    expect_rc "landlock links out ($acc): ... the run fails" 125
    expect_err_has "landlock links out ($acc): ... naming the link and where it leads" \
        "$U/w/src/comp is a symbolic link the command made, to $RT/ev/w/comp, outside the working directory"
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

# a link named is remembered (the first run's 125 may go to a harness, not
# to the user): the next run refuses while it is there, and runs once it
# is gone
rm -rf "$U/w/src/comp" "$U/tmp/ev"
inrun files 'mkdir -p $TMPDIR/ev/w/comp && ln -s $TMPDIR/ev/w/comp src/comp'
expect_rc "landlock links out (remembered): a link out fails its run" 125
inrun files true
expect_rc "landlock links out (remembered): ... the next run is refused while it is there" 125
expect_err_has "landlock links out (remembered): ... naming it" "$U/w/src/comp was made by the sandboxed command of an earlier run"
rm -f "$U/w/src/comp"
inrun files true
expect_rc "landlock links out (remembered): ... and runs once it is gone" 0

# a relative link that leads inside when it is made, and out once a later
# run moved its directory up (a rename changes neither the link nor its
# change time): named where it leads now
mkdir -p "$RTF/ev/w/comp"
REL=${RTF#"$U"/}
inrun files "cd src && mkdir -p x/a/b $REL/ev/w/comp && ln -s ../../../$REL/ev/w/comp x/a/b/comp && echo MADE"
expect_out_has "landlock links out (moved): a relative link that leads inside" MADE
expect_rc "landlock links out (moved): ... is not named" 0
inrun files 'cd src && mv x/a/b ./pkg && rm -rf x tmp && readlink -f pkg/comp'
expect_out_has "landlock links out (moved): a later run moves its directory up, and it leads out" "$RTF/ev/w/comp"
expect_rc "landlock links out (moved): ... the run fails" 125
expect_err_has "landlock links out (moved): ... naming it" "$U/w/src/pkg/comp is a symbolic link in a directory the command moved or changed"
rm -rf "$U/w/src/pkg"
inrun files true
expect_rc "landlock links out (moved): ... (gone: the next run runs)" 0

# a relative link of the project's own that climbs out of it, in a
# directory the command did not move: not named, though the command made
# a file beside it
ln -s ../outside "$U/w/peer"
inrun files,new-paths 'echo x >beside && echo BESIDE'
expect_out_has "landlock links out (own relative): the command makes a file beside the project's link out" BESIDE
expect_err_lacks "landlock links out (own relative): ... the link is not named" "peer is a symbolic link"
rm -f "$U/w/peer" "$U/w/beside"
# the project's own relative links that climb and stay inside (one to a
# file since removed) in a directory the command changes: not named
mkdir -p "$U/w/src/lib"
ln -s ../src/lib "$U/w/src/up-in"
ln -s ../lib/gone.js "$U/w/src/lib/dangling"
inrun files 'echo x >src/lib/beside && echo BESIDE'
expect_out_has "landlock links out (own relative, inside): the command makes a file beside them" BESIDE
expect_rc "landlock links out (own relative, inside): ... the run goes on" 0
expect_err_lacks "landlock links out (own relative, inside): ... a dangling one whose directory is inside is not named" "dangling is a symbolic link"
rm -rf "$U/w/src/lib" "$U/w/src/up-in"

# a link whose path is longer than PATH_MAX (17 directories of 250
# characters), and one whose name has a newline: named, and remembered
if [ -x /usr/bin/perl ]; then
    cat >"$U/w/long.pl" <<'EOS'
my $n = "n" x 250;
chdir "src" or die;
for (1 .. 17) { mkdir $n or die; chdir $n or die; }
symlink("$ENV{TMPDIR}/ev/w/comp", "comp") or die;
print "LONG\n";
EOS
    inrun files '/usr/bin/perl ./long.pl'
    expect_out_has "landlock links out (long): a link out below a path longer than PATH_MAX" LONG
    expect_rc "landlock links out (long): ... the run fails" 125
    expect_err_has "landlock links out (long): ... naming it" "/comp is a symbolic link the command made, to $RTF/ev/w/comp"
    inrun files true
    expect_rc "landlock links out (long): ... the next run is refused while it is there" 125
    rm -rf "$U/w/src/nnnnnnnnnn"* "$U/w/long.pl"
else
    skip "landlock links out (long)" "no /usr/bin/perl"
fi
printf 'ln -s "$TMPDIR/ev/w/comp" "src/a\nb" && echo NEWLINE\n' >"$U/w/nl.sh"
inrun files 'sh ./nl.sh'
expect_out_has "landlock links out (newline): a link out whose name has a newline" NEWLINE
expect_rc "landlock links out (newline): ... the run fails" 125
inrun files true
expect_rc "landlock links out (newline): ... the next run is refused while it is there" 125
expect_err_has "landlock links out (newline): ... naming it" "was made by the sandboxed command of an earlier run"
rm -f "$U/w/src/a
b" "$U/w/nl.sh"
inrun files true
expect_rc "landlock links out (newline): ... and runs once it is gone" 0

# a directory deeper than the walk goes is named, not left out, and
# remembered: a later run, which could move it up (a rename keeps its old
# links' change times), is refused while it is there
deep=src
i=0
while [ $i -lt 70 ]; do deep=$deep/d; i=$((i + 1)); done
inrun files "mkdir -p $deep && ln -s \$TMPDIR/ev/w/comp $deep/comp && echo DEEP"
expect_out_has "landlock links out (deep): a link out 70 directories down" DEEP
expect_rc "landlock links out (deep): ... the run fails" 125
expect_err_has "landlock links out (deep): ... naming where the walk stops" "is deeper than 64 directories"
inrun files "mv $deep src/pkg && rm -rf src/d && echo UP"
expect_rc "landlock links out (deep): ... a later run that would move it up is refused" 125
expect_out_lacks "landlock links out (deep): ... and does not run" UP
expect_err_has "landlock links out (deep): ... naming the directory" "was made by the sandboxed command of an earlier run"
