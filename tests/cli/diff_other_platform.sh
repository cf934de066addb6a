# diff_other_platform.sh - buckle diff compares the macOS decisions; a
# change to the rules of a `platform linux` block (which buckle run enforces
# on Linux) must not pass as "the same decisions": it is "cannot compare"
# (exit 3), also when it is in a base; equal Linux rules change nothing.
. tests/lib.sh
D=$TMP/diff_other_platform
mkdir -p "$D/a" "$D/b"
printf 'files { allow read "/usr"; }\nplatform linux { files { allow read "/srv"; } }\n' >"$D/old.buckle"
printf 'files { allow read "/usr"; }\nplatform linux { files { allow read "/srv"; allow write "/srv"; } }\n' >"$D/new.buckle"
printf 'files { allow read "/usr"; }\nplatform linux {\n    files { allow read "/srv"; }\n}\nfiles { allow read "/opt"; }\n' >"$D/mac.buckle"
run "diff other platform: a Linux rule added" "$BUCKLE" diff "$D/old.buckle" "$D/new.buckle"
expect_rc "diff other platform: a Linux rule added: cannot compare" 3
expect_out_has "diff other platform: a Linux rule added: says why" 'platform linux'
run "diff other platform: a macOS change beside the same Linux rules" "$BUCKLE" diff "$D/old.buckle" "$D/mac.buckle"
expect_rc "diff other platform: a macOS change beside the same Linux rules: found" 1
expect_out_lacks "diff other platform: a macOS change beside the same Linux rules: Linux not named" 'platform linux'
# in a base: each side extends its own copy
printf 'files { allow read "/usr"; }\nplatform linux { files { allow read "/srv"; } }\n' >"$D/a/base.buckle"
printf 'files { allow read "/usr"; }\nplatform linux { files { allow write "/"; } }\n' >"$D/b/base.buckle"
printf 'extends "./base";\n' >"$D/a/p.buckle"
printf 'extends "./base";\n' >"$D/b/p.buckle"
run "diff other platform: in a base" "$BUCKLE" diff "$D/a/p.buckle" "$D/b/p.buckle"
expect_rc "diff other platform: in a base: cannot compare" 3
