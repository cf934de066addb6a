# landlock_query.sh - `buckle query --platform linux` and the Landlock
# verdicts where the kernel's reach is easy to overstate (docs/linux.md):
# an entry directly under /, ioctl on files that are not devices, a hard
# link of a denied file in a directory granted entry by entry, and
# buckle's own files at run time (bind mounts: landlock_mounts.sh).  Live where the
# kernel is involved.
. tests/lib.sh
runner_env      # $B the test build, with a run cache of the suite's own
fresh_dir llquery proj prof
A=--linux-accept=files
expect_line() {  # NAME LINE: stdout has LINE as a whole line
    if grep -qxF -- "$2" "$TMP/out"; then pass "$1"; else fail "$1" "stdout lacks the line '$2': $(head -c 600 "$TMP/out")"; fi
}

# an entry directly under /: its directory is / (no crash, no name without
# its leading /)
printf 'default deny;\n' >"$R/prof/min.buckle"
run "landlock query: write /NAME" "$B" query --platform linux --landlock-abi 7 "$R/prof/min.buckle" files write /llq-newtop
expect_rc "landlock query: write of an entry directly under / answers" 0
expect_line "landlock query: making an entry directly under / is decided by /" "  landlock ABI 7: no grant of make_reg covers /"
run "landlock query: write /etc" "$B" query --platform linux --landlock-abi 7 "$R/prof/min.buckle" files write /etc
expect_rc "landlock query: write of /etc answers" 0
expect_line "landlock query: removing /etc is decided by /" "  landlock ABI 7: no grant of remove_dir covers /"
run "landlock query: read /NAME" "$B" query --platform linux --landlock-abi 7 "$R/prof/min.buckle" files read /llq-newtop
expect_line "landlock query: a missing entry under / keeps its leading /" "  landlock ABI 7: no grant of read_file covers /llq-newtop"

# the rest runs commands under Landlock
if [ "$(uname -s)" != Linux ]; then skip "landlock query: the live checks" "not Linux"; exit 0; fi
SYSPROBE=$(cd "$BUILD" && pwd)/sysprobe
BUILDA=$(cd "$BUILD" && pwd -P)
base() {  # the files and process part every profile here shares
    cat <<EOP
default deny;
files {
    allow read "/usr", "/etc", "/proc", "$R/proj", "$BUILDA";
    allow exec-map "/usr/lib";
    allow write "$R/proj";
}
process {
    allow exec "/usr/bin", "$BUILDA";
    allow fork;
}
EOP
}
{ base; } >"$R/prof/b.buckle"
run "landlock query: a profile runs" "$B" run $A "$R/prof/b.buckle" -- /usr/bin/true
if grep -q "offers no Landlock" "$TMP/err"; then skip "landlock query: the live checks" "this kernel has no Landlock"; exit 0; fi
expect_rc "landlock query: the base profile runs" 0
ABI=$(landlock_abi)

# ioctl: IOCTL_DEV covers character and block devices only; an ioctl deny
# that may name another file is weaker (class files), query allows ioctl
# on a file that is not a device, and a device stays denied
if [ "$ABI" -ge 5 ]; then
    echo data >"$R/proj/f.txt"
    { base; printf 'files { allow read literal "/dev/null"; deny ioctl "%s/proj"; deny ioctl literal "/dev/null"; }\n' "$R"; } >"$R/prof/ioctl.buckle"
    P="$R/prof/ioctl.buckle"
    run "landlock query: ioctl deny, not accepted" "$B" run "$P" -- /usr/bin/true
    expect_rc "landlock query: a deny of ioctl on a directory is refused without files" 125
    expect_err_has "landlock query: the ioctl deny is named weaker, class files" "deny files ioctl subpath \"$R/proj\": Landlock controls ioctl on devices only"
    run "landlock query: ioctl deny, verdicts" "$B" run -v $A "$P" -- "$SYSPROBE" ioctl "$R/proj/f.txt"
    expect_out_has "landlock query: ioctl on a regular file under an ioctl deny works (not controlled)" "allowed"
    expect_err_has "landlock query: the device literal is exact" "exact: deny files ioctl literal \"/dev/null\""
    expect_err_has "landlock query: the default's ioctl part is a note" "ioctl on files that are not devices"
    run "landlock query: ioctl on a denied device" "$B" run $A "$P" -- "$SYSPROBE" ioctl /dev/null
    expect_out_has "landlock query: ioctl on a denied device is refused" "refused: Permission denied"
    a=$(qans "$P" files ioctl "$R/proj/f.txt")
    if [ "$a" = allow ]; then pass "landlock query: query allows ioctl on a regular file (not controlled)"
    else fail "landlock query: query allows ioctl on a regular file (not controlled)" "query says $a"; fi
    a=$(qans "$P" files ioctl /dev/null)
    if [ "$a" = deny ]; then pass "landlock query: query denies ioctl on a denied device"
    else fail "landlock query: query denies ioctl on a denied device" "query says $a"; fi
    run "landlock query: ioctl, compile" "$B" compile --target landlock "$P"
    expect_out_has "landlock query: compile rates the ioctl deny of a directory weaker" "\"rule\": \"deny files ioctl subpath \\\"$R/proj\\\"\", \"verdict\": \"weaker\", \"class\": \"files\""
else
    skip "landlock query: ioctl" "Landlock ABI $ABI has no IOCTL_DEV"
fi

# a hard link of a denied file in a directory granted entry by entry: the
# other name's grant is withheld (narrower, with a note), so the deny holds
# for every name the plan saw
mkdir -p "$R/hl" "$R/xbin"
echo hlsecret >"$R/hl/secret"
ln "$R/hl/secret" "$R/hl/alias"
echo plain >"$R/hl/plain"
cp /usr/bin/true "$R/xbin/t1"
ln "$R/xbin/t1" "$R/xbin/t2"
cp /usr/bin/true "$R/xbin/t3"
{ base; printf 'files { allow read "%s/hl"; deny read literal "%s/hl/secret"; allow read "%s/xbin"; }\n' "$R" "$R" "$R"
  printf 'process { allow exec "%s/xbin"; deny exec literal "%s/xbin/t1"; }\n' "$R" "$R"; } >"$R/prof/hl.buckle"
P="$R/prof/hl.buckle"
run "landlock query: hard link, read" "$B" run -v $A "$P" -- /usr/bin/cat "$R/hl/secret"
expect_out_lacks "landlock query: a denied file stays unreadable though its other name is in the listed directory" "hlsecret"
expect_err_has "landlock query: the other name's grant is withheld (a note)" "note: read_file $R/hl/alias withheld: it is a hard link of $R/hl/secret"
run "landlock query: hard link, other files" "$B" run $A "$P" -- /usr/bin/cat "$R/hl/plain"
expect_out_has "landlock query: a file with one name beside it stays readable" "plain"
run "landlock query: hard link, exec" "$B" run $A "$P" -- /usr/bin/sh -c "$R/xbin/t1"
expect_rc "landlock query: a denied program does not run by the name it is denied by" 126
run "landlock query: hard link, exec of another program" "$B" run $A "$P" -- /usr/bin/sh -c "$R/xbin/t3"
expect_rc "landlock query: a program with one name beside it runs" 0
a=$(qans "$P" files read "$R/hl/alias")
if [ "$a" = deny ]; then pass "landlock query: query denies the withheld name"
else fail "landlock query: query denies the withheld name" "query says $a"; fi

# buckle's own files: a run keeps the profile (and its directory) unwritable,
# with a user namespace by read-only mounts, so the directory above them is
# granted whole; without one (the test build's hook) the directory that
# holds them is granted entry by entry; query plans with the same protected
# paths and answers as the kernel does (with a namespace where one can be made)
mkdir -p "$R/f6/prof" "$R/f6/sub"
{ base; printf 'files { allow read "%s/f6"; allow write "%s/f6"; }\n' "$R" "$R"; } >"$R/f6/prof/own.buckle"
P="$R/f6/prof/own.buckle"
run "landlock query: own files, no namespace" env BUCKLE_TEST_NO_USERNS=1 "$B" run $A "$P" -- /usr/bin/touch "$R/f6/newfile"
expect_rc "landlock query: without a namespace a new file beside the profile's directory cannot be made (the kernel)" 1
expect_err_has "landlock query: ... said without -v" "buckle run: nothing new can be created directly in $R/f6:"
run "landlock query: own files, run" "$B" run $A "$P" -- /usr/bin/touch "$R/f6/newfile"
if grep -q "mounts" "$TMP/err"; then
    expect_rc "landlock query: with a namespace it can be made (the profile's directory is a read-only mount)" 0
    run "landlock query: own files, run in prof" "$B" run $A "$P" -- /usr/bin/touch "$R/f6/prof/newfile"
    expect_rc "landlock query: ... and nothing can be made in the profile's directory" 1
    run "landlock query: own files, query" "$B" query --platform linux "$P" files write "$R/f6/prof/newfile"
    expect_line "landlock query: query denies making it, as the kernel does" "  landlock ABI $ABI: $R/f6/prof is mounted read-only in the command's mount namespace"
    expect_out_has "landlock query: query names buckle's own file" "buckle run keeps its own files unwritable: $P"
else
    skip "landlock query: own files with a namespace" "no user namespace here"
fi
run "landlock query: own files, elsewhere" "$B" run $A "$P" -- /usr/bin/touch "$R/f6/sub/newfile"
expect_rc "landlock query: a new file in a directory without buckle's files can be made (the kernel)" 0
run "landlock query: own files, query elsewhere" "$B" query --platform linux "$P" files write "$R/f6/sub/other"
expect_out_has "landlock query: query allows making it, as the kernel does" "allow file-write-create $R/f6/sub/other"
expect_out_lacks "landlock query: no word of buckle's own files there" "buckle run keeps"

# --platform linux answers for a run started here: HOME, USER, TMPDIR and
# WORKDIR (the current directory) as buckle run takes them, named last
mkdir -p "$R/q5/proj" "$R/q5/prof" "$R/q5t"
printf 'default deny;\nfiles { allow read "/usr"; allow write "$WORKDIR"; }\n' >"$R/q5/prof/p.buckle"
run "landlock query: run values" sh -c "cd '$R/q5/proj' && HOME='$R/q5' USER=llq TMPDIR='$R/q5t' '$B' query --platform linux '$R/q5/prof/p.buckle' files write '$R/q5/proj/out.txt'"
expect_out_has "landlock query: WORKDIR is the current directory (a new file there is allowed)" "allow file-write-create $R/q5/proj/out.txt"
expect_out_has "landlock query: the values are named" "  with HOME=$R/q5, USER=llq, TMPDIR=$R/q5t/buckle-tmp-$(id -u), WORKDIR=$R/q5/proj (as buckle run takes them here; -D NAME=VALUE to change)"
run "landlock query: -D wins" sh -c "cd '$R/q5/proj' && HOME='$R/q5' '$B' query --platform linux -D WORKDIR='$R/q5/prof' '$R/q5/prof/p.buckle' files write '$R/q5/proj/out.txt'"
expect_out_has "landlock query: -D WORKDIR is used" "deny file-write-create $R/q5/proj/out.txt"
expect_out_lacks "landlock query: ... and not named as taken" "WORKDIR=$R/q5/prof"
