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

# from a subdirectory: the base above it (-I ../lib, $BUCKLE_PATH, an
# extends "../lib/base", an .sb's import through -I) is read at REV too
S=$TMP/diff_rev_sub
mkdir -p "$S/lib" "$S/app"
printf 'files { deny read "~/.ssh"; }\n' >"$S/lib/base.buckle"
printf '(allow file-read* (subpath "/opt/app"))\n(deny file-read* (subpath "/opt/app/private"))\n' >"$S/lib/rules.sb"
printf 'extends "base";\nfiles { allow read "~"; }\n' >"$S/app/agent.buckle"
printf 'extends "../lib/base";\nfiles { allow read "~"; }\n' >"$S/app/up.buckle"
printf '(version 1)\n(deny default)\n(import "rules.sb")\n' >"$S/app/p.sb"
(cd "$S" && git init -q . && git add -A && git -c user.name=t -c user.email=t@localhost commit -qm one) >/dev/null 2>&1
printf 'files { }\n' >"$S/lib/base.buckle"
printf '(allow file-read* (subpath "/opt/app"))\n' >"$S/lib/rules.sb"
run "diff rev sub: -I ../lib" sh -c "cd '$S/app' && '$B' diff -I ../lib HEAD:agent.buckle agent.buckle"
expect_rc "diff rev sub: -I ../lib: the base's change is found" 1
expect_out_has "diff rev sub: -I ../lib: a widening" 'WIDENING deny -> allow'
run "diff rev sub: BUCKLE_PATH" sh -c "cd '$S/app' && BUCKLE_PATH='$S/lib' '$B' diff HEAD:agent.buckle agent.buckle"
expect_rc "diff rev sub: BUCKLE_PATH: the base's change is found" 1
run "diff rev sub: extends ../lib/base" sh -c "cd '$S/app' && '$B' diff HEAD:up.buckle up.buckle"
expect_rc "diff rev sub: extends ../lib/base: the base's change is found" 1
expect_out_has "diff rev sub: ... the base at REV named from here" 'HEAD:../lib/base.buckle:1:'
run "diff rev sub: an .sb import through -I" sh -c "cd '$S/app' && '$B' diff -I ../lib HEAD:p.sb p.sb"
expect_rc "diff rev sub: an .sb import through -I: the change is found" 1
expect_out_has "diff rev sub: ... a widening" 'file-read-data /opt/app/private'
run "diff rev sub: REV:../PATH" sh -c "cd '$S/app' && '$B' diff -I ../lib HEAD:../app/agent.buckle agent.buckle"
expect_rc "diff rev sub: REV:../PATH reads the same file" 1
run "diff rev sub: out of the repository" sh -c "cd '$S/app' && '$B' diff HEAD:../../x.buckle agent.buckle"
expect_rc "diff rev sub: out of the repository: usage" 2
expect_err_has "diff rev sub: ... says so" 'leaves the repository'
