# landlock_query.sh - `buckle query --platform linux` and the Landlock
# verdicts where the kernel's reach is easy to overstate (docs/linux.md):
# an entry directly under /, ioctl on files that are not devices, a hard
# link of a denied file in a directory granted entry by entry, a second
# mount of a directory, and buckle's own files at run time.  Live where the
# kernel is involved.
. tests/lib.sh
skip() { echo "SKIP $1: $2" >>"$RESULTS"; }
B=$(cd "$(dirname "$BUCKLE")" && pwd)/$(basename "$BUCKLE")
R="$TMP/llquery"
rm -rf "$R"
mkdir -p "$R/proj" "$R/prof"
R=$(cd "$R" && pwd -P)
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
