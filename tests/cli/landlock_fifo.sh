# landlock_fifo.sh - `buckle run` on Linux, live: a FIFO is no device, so
# making one needs only what making a file needs (file-write-create, the
# Landlock right MAKE_FIFO; docs/linux.md, "Mapping"): under std/agent,
# mkfifo works in the project and in $TMPDIR, and nowhere the command may
# not make a file; a character device stays refused.
. tests/lib.sh
agent_setup llfifo "landlock fifo"
command -v mkfifo >/dev/null 2>&1 || { skip "landlock fifo: every check" "mkfifo is not installed"; exit 0; }
A="--no-cache --linux-accept=files"
mkdir -p "$U/w/sub" "$U/other"
inrun() {
    run "landlock fifo" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$P' -- sh -c '$1'"
}
inrun true
landlock_or_exit "landlock fifo"
inrun 'mkfifo sub/ff && echo FIFO-PROJECT; mkfifo "$TMPDIR/ff" && echo FIFO-TMPDIR; mkfifo '"'$U/other/ff'"' 2>/dev/null && echo FIFO-OUTSIDE; mknod sub/cdev c 1 3 2>/dev/null && echo CHAR-DEVICE; exit 0'
expect_rc "landlock fifo: the run ends with the command's status" 0
expect_out_has "landlock fifo: std/agent makes a FIFO in the project" FIFO-PROJECT
expect_out_has "landlock fifo: std/agent makes a FIFO in \$TMPDIR" FIFO-TMPDIR
expect_out_lacks "landlock fifo: ... not where it may not make a file" FIFO-OUTSIDE
expect_out_lacks "landlock fifo: ... and no character device" CHAR-DEVICE
[ -p "$U/w/sub/ff" ] && pass "landlock fifo: the FIFO is there after the run" || fail "landlock fifo: the FIFO is there after the run" "$(ls -la "$U/w/sub")"
# a script's usual use: one process writes, another reads
inrun 'mkfifo "$TMPDIR/p" && { echo through-fifo >"$TMPDIR/p" & cat "$TMPDIR/p"; wait; }'
expect_out_has "landlock fifo: a FIFO carries data between two processes of the command" through-fifo
