# diff_large.sh - buckle diff on the large example gives the same answer,
# to the byte, however it is computed: the compiled golden against its
# source (buckle run passes the values canonically: --canonical-values; the same decisions, under the base values and each set of values
# lined up with its paths, whose sides reuse the memory of the sides
# before), and the source against a copy with one deny dropped and one
# write allowed (the changes, their rules and examples, in order; the walk
# from the anchor of its changed rules reaches its bound, so other
# changes are not ruled out, and the answer says so).
. tests/lib.sh
D=$(scratch_dir diff_large)
E=corpus/examples
run "diff large: the compiled golden against its source" "$BUCKLE" diff --canonical-values "$E/srt-large.sb" "$E/srt-large.buckle"
expect_rc "diff large: the compiled golden against its source" 0
printf '%s\n' "$E/srt-large.sb -> $E/srt-large.buckle: the same decisions (559256 requests over 16332 objects)" >"$D/same.want"
expect_same "diff large: ... the same decisions, over every object" "$D/same.want" "$TMP/out"

awk '!/deny read "\/Users\/bench\/cl\/use-0000";/ { print }
     /^files \{$/ && !done { print "    allow write \"/Users/bench/cl/aps-0003/out\";"; done = 1 }' \
    "$E/srt-large.buckle" >"$D/changed.buckle"
run "diff large: one deny dropped, one write allowed" "$BUCKLE" diff "$E/srt-large.buckle" "$D/changed.buckle"
expect_rc "diff large: one deny dropped, one write allowed" 1
sed "s|$D/|NEW/|g" "$TMP/out" >"$D/changed.got"
cat >"$D/changed.want" <<'EOF'
corpus/examples/srt-large.buckle -> NEW/changed.buckle: 122 requests widened (deny -> allow), 0 narrowed (allow -> deny), of 780698 over 22845 objects
  not compared: the patterns that changed are too many to walk every path they tell apart

WIDENING deny -> allow: 14 requests
  old: decided by corpus/examples/srt-large.buckle:10:5: deny files read subpath "/Users/bench/cl/use-0000"
  new: decided by NEW/changed.buckle:10:5: allow files read subpath "/"
    file-read-data /Users/bench/cl/use-0000
    file-read-xattr /Users/bench/cl/use-0000
    file-read-data /Users/bench/cl/use-0000/x
    file-read-metadata /Users/bench/cl/use-0000/x
    file-read-xattr /Users/bench/cl/use-0000/x
    ... 9 more

WIDENING deny -> allow: 9 requests
  old: decided by corpus/examples/srt-large.buckle:13:5: deny files read subpath "/Users/bench/cl/aps-0003"
  new: decided by NEW/changed.buckle:9:5: allow files metadata subpath "/Users/bench/cl/aps-0003/out"
    file-read-metadata /Users/bench/cl/aps-0003/out
    file-read-metadata /Users/bench/cl/aps-0003/out/x
    file-read-metadata /Users/bench/cl/aps-0003/out/.env
    file-read-metadata /Users/bench/cl/aps-0003/out/.p12
    file-read-metadata /Users/bench/cl/aps-0003/out/id_rsa
    ... 4 more

WIDENING deny -> allow: 99 requests
  old: decided by the default (deny)
  new: decided by NEW/changed.buckle:9:5: allow files write subpath "/Users/bench/cl/aps-0003/out"
    file-write-acl /Users/bench/cl/aps-0003/out
    file-write-create /Users/bench/cl/aps-0003/out
    file-write-data /Users/bench/cl/aps-0003/out
    file-write-finderinfo /Users/bench/cl/aps-0003/out
    file-write-flags /Users/bench/cl/aps-0003/out
    ... 94 more
EOF
expect_same "diff large: ... every change, its rules and examples, in order" "$D/changed.want" "$D/changed.got"
