# diff_rule_anchor.sh - a rule that changes but keeps its patterns (an
# allow by a regex turned into a deny) among many other patterns: the
# difference hides in a combination of three of them (/a/ + nine q's:
# below "^/a/", in neither "^/a/[^q]" nor "^/a/(q|...|q{8})([^q].*)?$"),
# which no pair of patterns shows.  The rule's objects are all below its
# regex, which is walked with every pattern that meets it: the difference
# is found.  A changed rule whose objects no pattern bounds (a require-not)
# is walked the same way, within a bound; past it the answer is never "the
# same decisions".
. tests/lib.sh
D=$(scratch_dir diff_rule_anchor)
# $1 file, $2 the first rule, $3 the longest run of q's the third rule
# names (8 unless given)
write() {
    alts=q q=q i=1
    while [ $i -lt "${3:-8}" ]; do q=${q}q; alts="$alts|$q"; i=$((i + 1)); done
    {
        printf '(version 1)\n(allow default)\n%s\n' "$2"
        printf '(deny file-read* (regex #"^/a/[^q]"))\n'
        printf '(deny file-read* (regex #"^/a/(%s)([^q].*)?$"))\n' "$alts"
        i=0
        while [ $i -lt 40 ]; do
            printf '(deny file-read* (regex #"^/a/(.*/)?\\.n%02d(/.*)?$"))\n' $i
            i=$((i + 1))
        done
    } >"$1"
}
write "$D/old.sb" '(allow file-read* (regex #"^/a/"))'
write "$D/new.sb" '(deny file-read* (regex #"^/a/"))'
run "diff rule anchor: an allow turned deny, its regex kept" "$BUCKLE" diff "$D/old.sb" "$D/new.sb"
expect_rc "diff rule anchor: an allow turned deny, its regex kept" 1
expect_out_has "diff rule anchor: ... found where three patterns meet" "file-read-data /a/qqqqqqqqq"
# the same below a rule by what its paths do not match: "/", "/a" and "/aX"
# are decided by the rules after it
fix='(deny file-read* (regex #"^/$" #"^/a$" #"^/a[^/]"))'
write "$D/old-v.sb" "(allow file-read* (require-not (regex #\"^/[^a]\")))
$fix"
write "$D/new-v.sb" "(deny file-read* (require-not (regex #\"^/[^a]\")))
$fix"
run "diff rule anchor: a changed rule no pattern bounds" "$BUCKLE" diff "$D/old-v.sb" "$D/new-v.sb"
if [ "$RC" -eq 1 ] || [ "$RC" -eq 3 ]; then pass "diff rule anchor: ... is never the same"; else fail "diff rule anchor: ... is never the same" "exit $RC"; fi
# the same, with the difference 36 bytes deep: past the bound of a walk of
# every pattern, and never taken as the same
write "$D/old-d.sb" "(allow file-read* (require-not (regex #\"^/[^a]\")))
$fix" 32
write "$D/new-d.sb" "(deny file-read* (require-not (regex #\"^/[^a]\")))
$fix" 32
run "diff rule anchor: ... its difference past the bound" "$BUCKLE" diff "$D/old-d.sb" "$D/new-d.sb"
expect_rc "diff rule anchor: ... its difference past the bound" 3
expect_out_has "diff rule anchor: ... says why" "cannot compare: the patterns that changed are too many"
# an anchor whose walk reaches its bound: a rule added by a regex that 18
# others below /p meet (2^17 combinations), deciding nothing new (writes
# there are denied already).  The walks after it find no change, but a
# combination of three patterns or more is not ruled out: never "the same"
{
    printf '(version 1)\n(allow default)\n(deny file-write* (subpath "/p"))\n'
    for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18; do
        printf '(deny file-read-data (regex #"^/p/(.*/)?n%s(/.*)?$"))\n' $i
    done
} >"$D/old-b.sb"
{ cat "$D/old-b.sb"; printf '(deny file-write-data (regex #"^/p/(.*/)?n1(/.*)?$"))\n'; } >"$D/new-b.sb"
run "diff rule anchor: an anchor walked past its bound" "$BUCKLE" diff "$D/old-b.sb" "$D/new-b.sb"
expect_rc "diff rule anchor: an anchor walked past its bound, cannot compare (exit 3)" 3
expect_out_has "diff rule anchor: ... says why" "cannot compare: the patterns that changed are too many to walk every path they tell apart"
# the same rule an allow: the walks after the cut still find the change
{ cat "$D/old-b.sb"; printf '(allow file-write-data (regex #"^/p/(.*/)?n1(/.*)?$"))\n'; } >"$D/new-c.sb"
run "diff rule anchor: past the bound, a change found still" "$BUCKLE" diff "$D/old-b.sb" "$D/new-c.sb"
expect_rc "diff rule anchor: past the bound, a change found still (exit 1)" 1
expect_out_has "diff rule anchor: ... where the rule matches" "file-write-data /p/n1"
