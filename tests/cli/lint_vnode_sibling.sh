# lint_vnode_sibling.sh - a vnode-type filter written beside a path filter
# is an alternative: the rule grants writes on every file of that type, so
# BK3003 and BK3004 must fire (in an .sb and in a raw block of a .buckle),
# while the same two filters under require-all (a real condition) stay quiet.
. tests/lib.sh
D=$TMP/lint_vnode_sibling
mkdir -p "$D"
cat >"$D/sibling.sb" <<'SB'
(version 1)
(deny default)
(allow file-read* (subpath "/usr"))
(allow file-write* (literal "/private/var/log/app.log") (vnode-type REGULAR-FILE))
SB
cat >"$D/sibling.buckle" <<'BK'
files { allow read "/usr"; }
sbpl """
(allow file-write* (literal "/private/var/log/app.log") (vnode-type REGULAR-FILE))
""";
BK
cat >"$D/both.sb" <<'SB'
(version 1)
(deny default)
(allow file-read* (subpath "/usr"))
(allow file-write* (require-all (literal "/private/var/log/app.log") (vnode-type REGULAR-FILE)))
SB
cat >"$D/dirs.sb" <<'SB'
(version 1)
(deny default)
(allow file-write-create (literal "/private/var/log/app") (vnode-type DIRECTORY))
SB
for f in sibling.sb sibling.buckle; do
    run "lint vnode sibling: $f" "$BUCKLE" lint "$D/$f"
    expect_out_has "lint vnode sibling: $f: broad write" 'BK3003 broad-write'
    expect_out_has "lint vnode sibling: $f: start-up file" 'BK3004 protected-file-writable'
    expect_out_has "lint vnode sibling: $f: names the type" 'every REGULAR-FILE'
done
run "lint vnode sibling: require-all" "$BUCKLE" lint "$D/both.sb"
expect_out_lacks "lint vnode sibling: require-all: no broad write" 'BK3003'
expect_out_lacks "lint vnode sibling: require-all: no start-up file" 'BK3004'
run "lint vnode sibling: directories" "$BUCKLE" lint "$D/dirs.sb"
expect_out_has "lint vnode sibling: directories: broad create" 'file-write-create is allowed on every DIRECTORY'
