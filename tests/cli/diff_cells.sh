# diff_cells.sh - diff asks a subject of every combination of the patterns
# (regexes, globs, scopes, literals) that a changed pattern belongs to, so
# a change shows even where a third rule decides one subject of the
# combination alike on both sides, where it lies deeper than every other
# pattern, or where a regex added beside a literal matches more than the
# literal; a refactor that keeps the meaning is still the same decisions,
# and a walk cut at its bound is "cannot compare", never the same.
. tests/lib.sh
D=$(scratch_dir diff_cells)

# a glob deny dropped: its only combination with the regex's class that was
# asked (/a/b/.key) is decided by the prefix deny on both sides
cat >"$D/class_old.buckle" <<'EOF'
files {
    allow file-write-data regex "^/a/[bc]/";
    deny file-write-data prefix "/a/b/";
    deny write glob "/a/**/*.key";
}
EOF
grep -v 'glob' "$D/class_old.buckle" >"$D/class_new.buckle"
run "diff cells: a glob deny dropped beside a regex class and a prefix" "$BUCKLE" diff "$D/class_old.buckle" "$D/class_new.buckle"
expect_rc "diff cells: a glob deny dropped beside a regex class and a prefix" 1
expect_out_has "diff cells: class: the widening" "WIDENING deny -> allow: 1 request"
expect_out_has "diff cells: class: at the other letter of the class" "file-write-data /a/c/.key"
expect_out_lacks "diff cells: class: never the same" "the same decisions"

# a read regex deny dropped; a subpath deny decides the combined sample
cat >"$D/alt_old.buckle" <<'EOF'
files {
  allow write regex "^/a/(b|c)/";
  deny read subpath "/a/b";
  deny read regex "^/a/.*/c$";
}
EOF
grep -v '"\^/a/\.\*/c\$"' "$D/alt_old.buckle" >"$D/alt_new.buckle"
run "diff cells: a regex deny dropped beside a subpath deny" "$BUCKLE" diff "$D/alt_old.buckle" "$D/alt_new.buckle"
expect_rc "diff cells: a regex deny dropped beside a subpath deny" 1
expect_out_has "diff cells: alt: the widening of the implied metadata" "file-read-metadata /a/c/c"

# a glob replaced by a prefix: the paths below a one-byte directory that no
# sample names
cat >"$D/deep_old.buckle" <<'EOF'
files {
    allow file-write-data regex "^/a/[^/]*$";
    allow metadata glob "/a/?/**/bc";
}
EOF
cat >"$D/deep_new.buckle" <<'EOF'
files {
    allow file-write-data regex "^/a/[^/]*$";
    allow metadata prefix "/a/";
}
EOF
run "diff cells: a glob replaced by a prefix" "$BUCKLE" diff "$D/deep_old.buckle" "$D/deep_new.buckle"
expect_rc "diff cells: a glob replaced by a prefix" 1
expect_out_has "diff cells: deep: the widening" "WIDENING deny -> allow"
expect_out_has "diff cells: deep: decided by the prefix" 'allow files metadata prefix "/a/"'
expect_out_lacks "diff cells: deep: never the same" "the same decisions"

# a regex allow added beside a literal it also matches (names)
printf 'mach {\n    allow lookup "com.apple.foo";\n}\n' >"$D/name_old.buckle"
printf 'mach {\n    allow lookup "com.apple.foo";\n    allow lookup regex "^com\\\\.apple\\\\..*foo$";\n}\n' >"$D/name_new.buckle"
run "diff cells: a name regex added beside a literal it matches" "$BUCKLE" diff "$D/name_old.buckle" "$D/name_new.buckle"
expect_rc "diff cells: a name regex added beside a literal it matches" 1
expect_out_has "diff cells: name: the widening" "WIDENING deny -> allow: 1 request"
expect_out_has "diff cells: name: a name the literal does not match" "mach-lookup com.apple.xfoo"

# the same with paths
printf 'files {\n    allow read literal "/a/b";\n}\n' >"$D/path_old.buckle"
printf 'files {\n    allow read literal "/a/b";\n    allow read regex "^/a/.*b$";\n}\n' >"$D/path_new.buckle"
run "diff cells: a path regex added beside a literal it matches" "$BUCKLE" diff "$D/path_old.buckle" "$D/path_new.buckle"
expect_rc "diff cells: a path regex added beside a literal it matches" 1
expect_out_has "diff cells: path: a path the literal does not match" "file-read-data /a/xb"

# in SBPL
printf '(version 1)\n(deny default)\n(allow mach-lookup (global-name "com.b"))\n' >"$D/old.sb"
{ cat "$D/old.sb"; printf '(allow mach-lookup (global-name-regex #"^com\\..*b$"))\n'; } >"$D/new.sb"
run "diff cells: SBPL: a name regex added beside a global-name" "$BUCKLE" diff "$D/old.sb" "$D/new.sb"
expect_rc "diff cells: SBPL: a name regex added beside a global-name" 1
expect_out_has "diff cells: SBPL: the widening" "mach-lookup com.xb"

# the same with a per-process (local) name: asked as one
printf '(version 1)\n(deny default)\n(allow mach-lookup (local-name "com.b"))\n' >"$D/local_old.sb"
{ cat "$D/local_old.sb"; printf '(allow mach-lookup (local-name-regex #"^com\\..*b$"))\n'; } >"$D/local_new.sb"
run "diff cells: SBPL: a local-name regex added beside a local-name" "$BUCKLE" diff "$D/local_old.sb" "$D/local_new.sb"
expect_rc "diff cells: SBPL: a local-name regex added beside a local-name" 1
expect_out_has "diff cells: SBPL: local: the widening" "mach-lookup local:com.xb"

# a narrowing and a widening in one edit: the widening is not hidden
printf 'mach {\n  allow lookup prefix "com.a";\n  allow lookup name "com.b";\n  allow lookup name "org.x";\n}\n' >"$D/mix_old.buckle"
printf 'mach {\n  allow lookup prefix "com.a";\n  allow lookup name "com.b";\n  allow lookup regex "^com\\\\..*b$";\n}\n' >"$D/mix_new.buckle"
run "diff cells: a name replaced by a regex" "$BUCKLE" diff "$D/mix_old.buckle" "$D/mix_new.buckle"
expect_rc "diff cells: a name replaced by a regex" 1
expect_out_has "diff cells: mix: the widening counted" "1 request widened (deny -> allow), 1 narrowed"

# a regex rule turned from allow to deny (the same regex on both sides):
# its pair with "^c" is sampled at com.b, which the name rule decides
cat >"$D/flip_old.buckle" <<'EOF'
mach {
  allow lookup name "com.b";
  deny lookup prefix "com.a";
  allow lookup regex "^com\\..*b$";
  allow lookup regex "^c";
}
EOF
sed 's/allow lookup regex "^com/deny lookup regex "^com/' "$D/flip_old.buckle" >"$D/flip_new.buckle"
run "diff cells: a regex rule flipped beside a name it matches" "$BUCKLE" diff "$D/flip_old.buckle" "$D/flip_new.buckle"
expect_rc "diff cells: a regex rule flipped beside a name it matches" 1
expect_out_has "diff cells: flip: the narrowing" "narrowing allow -> deny"
expect_out_has "diff cells: flip: a name the literal does not match" "mach-lookup com.xb"

# an SBPL profile against a translation that lets a prefix beat a later
# regex deny: the names the literal deny does not decide show it
printf '(version 1)\n(deny default)\n(allow mach-lookup (global-name-prefix "com.apple."))\n(deny mach-lookup (global-name-regex #"^com\\.apple\\..*foo$"))\n(deny mach-lookup (global-name "com.apple.foo"))\n' >"$D/order.sb"
printf 'mach {\n    allow lookup prefix "com.apple.";\n    deny lookup regex "^com\\\\.apple\\\\..*foo$";\n    deny lookup "com.apple.foo";\n}\n' >"$D/order.buckle"
run "diff cells: SBPL order against buckle's specificity" "$BUCKLE" diff "$D/order.sb" "$D/order.buckle"
expect_rc "diff cells: SBPL order against buckle's specificity" 1
expect_out_has "diff cells: order: the widening" "WIDENING deny -> allow: 1 request"

# refactors that keep the meaning: a literal the regex beside it already
# matches dropped; a class spelled as an alternative; a glob by its regex
printf 'mach {\n    allow lookup regex "^com\\\\.apple\\\\..*foo$";\n}\n' >"$D/name_same.buckle"
run "diff cells: a literal the regex matches dropped" "$BUCKLE" diff "$D/name_new.buckle" "$D/name_same.buckle"
expect_rc "diff cells: a literal the regex matches dropped" 0
expect_out_has "diff cells: ... the same decisions" "the same decisions"
sed 's/\[bc\]/(b|c)/' "$D/class_old.buckle" >"$D/class_same.buckle"
run "diff cells: a class spelled as an alternative" "$BUCKLE" diff "$D/class_old.buckle" "$D/class_same.buckle"
expect_rc "diff cells: a class spelled as an alternative" 0
expect_out_has "diff cells: ... class: the same decisions" "the same decisions"

# a scope refactored (prefix "/a/" and literal "/a" into subpath "/a")
# beside sixteen regexes below it: the combinations under /a/ are more than
# the walk's bound, so the answer is "cannot compare", never "the same"
many() { for t in q r s t u v w x y z 0 1 2 3 4 5; do printf '    deny write regex "^/a/.*%s";\n' "$t"; done; }
{ printf 'files {\n    allow read prefix "/a/";\n    allow read literal "/a";\n'; many; printf '}\n'; } >"$D/bound_old.buckle"
{ printf 'files {\n    allow read subpath "/a";\n'; many; printf '}\n'; } >"$D/bound_new.buckle"
run "diff cells: a walk cut at its bound" "$BUCKLE" diff "$D/bound_old.buckle" "$D/bound_new.buckle"
expect_rc "diff cells: a walk cut at its bound" 3
expect_out_has "diff cells: bound: cannot compare" "cannot compare: the patterns that changed are too many to walk every path they tell apart"
expect_out_lacks "diff cells: bound: never the same" "the same decisions"
run "diff cells: bound: json" "$BUCKLE" diff --format json "$D/bound_old.buckle" "$D/bound_new.buckle"
expect_rc "diff cells: bound: json" 3
expect_out_has "diff cells: bound: json: not the same" '"same": false'
expect_out_has "diff cells: bound: json: why" '"not_compared": "the patterns that changed'
