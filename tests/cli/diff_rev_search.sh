# diff_rev_search.sh - buckle diff REV:PATH with a base found through -I or
# $BUCKLE_PATH: a search directory inside the current one is read as it was
# at REV too, so a change to the base between the revisions is found (the
# base is not compared against itself from the working tree).
. tests/lib.sh
B=$(abspath "$BUCKLE")
G=$TMP/diff_rev_search
mkdir -p "$G/shared"
printf 'files {\n    allow read "/opt/app";\n    deny read "/opt/app/private";\n}\n' >"$G/shared/company.buckle"
printf 'extends "company";\n' >"$G/tool.buckle"
(cd "$G" && git init -q . && git add -A && git -c user.name=t -c user.email=t@localhost commit -qm one) >/dev/null 2>&1
printf 'files {\n    allow read "/opt/app";\n}\n' >"$G/shared/company.buckle"
(cd "$G" && git -c user.name=t -c user.email=t@localhost commit -qam two) >/dev/null 2>&1
run "diff rev search: -I" sh -c "cd '$G' && '$B' diff -I shared HEAD~1:tool.buckle HEAD:tool.buckle"
expect_rc "diff rev search: -I: the base's change is found" 1
expect_out_has "diff rev search: -I: a widening" 'WIDENING deny -> allow'
expect_out_has "diff rev search: -I: the request" 'file-read-data /opt/app/private'
run "diff rev search: BUCKLE_PATH" sh -c "cd '$G' && BUCKLE_PATH='$G/shared' '$B' diff HEAD~1:tool.buckle HEAD:tool.buckle"
expect_rc "diff rev search: BUCKLE_PATH: the base's change is found" 1
expect_out_has "diff rev search: BUCKLE_PATH: a widening" 'WIDENING deny -> allow'
run "diff rev search: REV against the working tree" sh -c "cd '$G' && '$B' diff -I shared HEAD~1:tool.buckle tool.buckle"
expect_rc "diff rev search: REV against the working tree: found" 1
run "diff rev search: the same revision" sh -c "cd '$G' && '$B' diff -I shared HEAD:tool.buckle tool.buckle"
expect_rc "diff rev search: the same revision: the same" 0
