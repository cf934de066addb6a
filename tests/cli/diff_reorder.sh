# diff_reorder.sh - `buckle diff` of two SBPL profiles that hold the same
# rules in another order: Seatbelt decides by the last rule that matches,
# so a reordering can change decisions, also where only a path both rules'
# patterns match (never named by either) or only a parameter's value
# tells them apart.
. tests/lib.sh
V=$(scratch_dir diff_reorder)

# two regexes that both match /a/x.txt, swapped
printf '(version 1)\n(deny default)\n(allow file-read* (regex #"^/a/[^/]*\\.txt$"))\n(deny file-read* (regex #"^/a/x[^/]*$"))\n' >"$V/re-old.sb"
printf '(version 1)\n(deny default)\n(deny file-read* (regex #"^/a/x[^/]*$"))\n(allow file-read* (regex #"^/a/[^/]*\\.txt$"))\n' >"$V/re-new.sb"
run "diff reorder: two regexes swapped" "$BUCKLE" diff "$V/re-old.sb" "$V/re-new.sb"
expect_rc "diff reorder: the swap changes decisions (exit 1)" 1
expect_out_has "diff reorder: a widening where both match" "WIDENING deny -> allow"
expect_out_has "diff reorder: decided by the moved allow" "allow file-read* (regex"

# a parameter's subpath and a hard-coded deny, swapped: they meet only
# when the value is at or above /a/b
printf '(version 1)\n(deny default)\n(allow file-read* (subpath (param "P")))\n(deny file-read* (subpath "/a/b"))\n' >"$V/p-old.sb"
printf '(version 1)\n(deny default)\n(deny file-read* (subpath "/a/b"))\n(allow file-read* (subpath (param "P")))\n' >"$V/p-new.sb"
run "diff reorder: a parameter's rule swapped" "$BUCKLE" diff "$V/p-old.sb" "$V/p-new.sb"
expect_rc "diff reorder: the swap changes decisions under a value (exit 1)" 1
expect_out_has "diff reorder: under a value lined up with /a/b" "with P=/a"

# the same rules, swapped where no object matches both: the same
printf '(version 1)\n(deny default)\n(allow file-read* (regex #"^/a/[^/]*\\.txt$"))\n(deny file-read* (regex #"^/b/x[^/]*$"))\n' >"$V/apart-old.sb"
printf '(version 1)\n(deny default)\n(deny file-read* (regex #"^/b/x[^/]*$"))\n(allow file-read* (regex #"^/a/[^/]*\\.txt$"))\n' >"$V/apart-new.sb"
run "diff reorder: two regexes apart swapped" "$BUCKLE" diff "$V/apart-old.sb" "$V/apart-new.sb"
expect_rc "diff reorder: no object matches both (exit 0)" 0
