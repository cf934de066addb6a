# diff_bound.sh - a walk of the regexes cut at its bound under a set of
# values lined up with the paths never passes as "the same decisions": two
# profiles that decide the same under the test HOME, and differ under
# HOME=/Users/me only at /Users/me/aaaaaaaaaaab, which no sample and no
# boundary names; sixteen regexes under $HOME make the walk of every
# combination there too large.  The walk over the combinations with a
# changed regex, near the paths HOME moves, finds the widening.
. tests/lib.sh
D=$(scratch_dir diff_bound)
A='[a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p]'
many() {
    for t in q r s t u v w x y z 0 1 2 3 4 5; do
        printf '(allow file-read* (regex (string-append "^" (param "HOME") "/.*%s")))\n' "$t"
    done
}
{ printf '(version 1)\n(deny default)\n'; many
  printf '(allow file-read* (regex (string-append "^" (param "HOME") "/%s$")))\n' "$A"
  printf '(deny file-read* (regex #"^/Users/me/[a-p]+$"))\n'; } >"$D/old.sb"
{ printf '(version 1)\n(deny default)\n'; many
  printf '(allow file-read* (regex (string-append "^" (param "HOME") "/%s$")))\n' "$A"
  printf '(deny file-read* (regex #"^/Users/me/(aaaaaaaaaaaa|bbbbbbbbbbbb|cccccccccccc)$"))\n'; } >"$D/new.sb"

run "diff bound: a change past the walk's bound under lined-up values" "$BUCKLE" diff "$D/old.sb" "$D/new.sb"
expect_rc "diff bound: a change past the walk's bound under lined-up values" 1
expect_out_has "diff bound: ... found with HOME=/Users/me" "with HOME=/Users/me: a value lined up"
expect_out_has "diff bound: ... the widening" "WIDENING deny -> allow: 3 requests"
expect_out_has "diff bound: ... at the path no sample names" "file-read-data /Users/me/aaaaaaaaaaab"
expect_out_lacks "diff bound: ... never the same decisions" "the same decisions"

run "diff bound: json" "$BUCKLE" diff --format json "$D/old.sb" "$D/new.sb"
expect_rc "diff bound: json" 1
expect_out_has "diff bound: json: not the same" '"same": false'
expect_out_has "diff bound: json: the values" '"values": "HOME=/Users/me"'
