# diff_same_rules.sh - two profiles whose rules, operation by operation,
# are the same in the same order decide alike everywhere: no walk over
# their patterns is needed, only the objects they name are asked.  Moving
# one rule past another of the same operation is still found where the
# two meet (a regex below a subpath).
. tests/lib.sh
D=$(scratch_dir diff_same_rules)
cat >"$D/a.sb" <<'EOF'
(version 1)
(deny default)
(allow file-read* (subpath "/u/me/p"))
(deny file-read* (regex #"^/u/[^/]+/.*\.pem$"))
EOF
cat >"$D/moved.sb" <<'EOF'
(version 1)
(deny default)
(deny file-read* (regex #"^/u/[^/]+/.*\.pem$"))
(allow file-read* (subpath "/u/me/p"))
EOF
cat >"$D/spelled.sb" <<'EOF'
; the same rules, spelled apart
(version 1)
(deny default)
(allow file-read*
       (subpath "/u/me/p"))
(deny file-read* (regex #"^/u/[^/]+/.*\.pem$"))
EOF
run "diff same rules: a rule moved past another" "$BUCKLE" diff "$D/a.sb" "$D/moved.sb"
expect_rc "diff same rules: a rule moved past another" 1
expect_out_has "diff same rules: ... found below the subpath" "file-read-data /u/me/p/.pem"
run "diff same rules: the same rules spelled apart" "$BUCKLE" diff "$D/a.sb" "$D/spelled.sb"
expect_rc "diff same rules: the same rules spelled apart" 0
# the objects the rules name, with their boundaries and samples; not the
# combinations of the regex and the subpath (which decide alike)
expect_out_has "diff same rules: ... asks the named objects only" "the same decisions (967 requests over 31 objects)"
