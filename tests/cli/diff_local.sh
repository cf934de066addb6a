# diff_local.sh - a per-process mach service (local-name, `lookup local`)
# is asked as one: allowing a local name the other side denies is a
# widening, in SBPL and in buckle.
. tests/lib.sh
D=$(scratch_dir diff_local)
printf '(version 1)\n(deny default)\n' >"$D/old.sb"
printf '(version 1)\n(deny default)\n(allow mach-lookup (local-name "com.x"))\n' >"$D/new.sb"
run "diff local: a local name allowed in SBPL" "$BUCKLE" diff "$D/old.sb" "$D/new.sb"
expect_rc "diff local: a local name allowed in SBPL" 1
expect_out_has "diff local: ... the widening" "WIDENING deny -> allow: 1 request"
expect_out_has "diff local: ... asked as a local name" "mach-lookup local:com.x"

printf 'mach { allow lookup "com.y"; }\n' >"$D/old.buckle"
printf 'mach { allow lookup "com.y"; allow lookup local "com.x"; }\n' >"$D/new.buckle"
run "diff local: a local name allowed in buckle" "$BUCKLE" diff "$D/old.buckle" "$D/new.buckle"
expect_rc "diff local: a local name allowed in buckle" 1
expect_out_has "diff local: buckle: the widening" "mach-lookup local:com.x"
expect_out_lacks "diff local: buckle: never the same" "the same decisions"

printf '(version 1)\n(deny default)\n(allow mach-register (local-name "com.x"))\n' >"$D/reg.sb"
run "diff local: mach-register of a local name" "$BUCKLE" diff "$D/old.sb" "$D/reg.sb"
expect_rc "diff local: mach-register of a local name" 1
expect_out_has "diff local: ... register asked" "mach-register local:com.x"

# an empty local prefix or a regex with no literal start matches every
# local name: one is asked
printf '(version 1)\n(deny default)\n' >"$TMP/dl-none.sb"
for f in '(local-name-prefix "")' '(local-name-regex #"^")'; do
    printf '(version 1)\n(deny default)\n(allow mach-lookup %s)\n' "$f" >"$TMP/dl-any.sb"
    run "diff local: $f" "$BUCKLE" diff "$TMP/dl-none.sb" "$TMP/dl-any.sb"
    expect_rc "diff local: adding $f is a change" 1
    expect_out_has "diff local: ... a widening of a local name" "mach-lookup local:x"
done
