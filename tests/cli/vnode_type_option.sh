# vnode_type_option.sh - --vnode-type (query, test, diff, why) takes the file
# types a (vnode-type T) filter names, in any case, and nothing else: a
# misspelt type is a usage error (exit 2) that lists them, not a type no
# rule matches.
. tests/lib.sh
D="$TMP/vnode_type_option"
mkdir -p "$D"
printf '(version 1)\n(deny default)\n(allow file-read* (require-all (subpath "/a") (vnode-type DIRECTORY)))\n' >"$D/p.sb"

run "vnode-type: a misspelt type is refused" "$BUCKLE" query --vnode-type DIRECTROY "$D/p.sb" file-read-data /a/b
expect_rc "vnode-type: a misspelt type is refused" 2
expect_err_has "vnode-type: the error names the option and the word" "--vnode-type takes REGULAR-FILE, DIRECTORY, SYMLINK, FIFO, SOCKET, CHARACTER-DEVICE, BLOCK-DEVICE or TTY, not DIRECTROY"
expect_out_lacks "vnode-type: and gives no answer" "deny /a/b"
for c in test diff why; do
    run "vnode-type: $c refuses it too" "$BUCKLE" $c --vnode-type file "$D/p.sb" "$D/p.sb"
    expect_rc "vnode-type: $c refuses it too" 2
    expect_err_has "vnode-type: $c names the option" "--vnode-type takes"
done
run "vnode-type: an empty type is refused" "$BUCKLE" query --vnode-type= "$D/p.sb" file-read-data /a/b
expect_rc "vnode-type: an empty type is refused" 2

run "vnode-type: a real type is taken" "$BUCKLE" query --vnode-type DIRECTORY "$D/p.sb" file-read-data /a/b
expect_rc "vnode-type: a real type is taken" 0
expect_out_has "vnode-type: a real type is taken" "allow /a/b"
run "vnode-type: in lower case too" "$BUCKLE" query --vnode-type directory "$D/p.sb" file-read-data /a/b
expect_out_has "vnode-type: in lower case too" "allow /a/b"
run "vnode-type: another type is asked as that type" "$BUCKLE" query --vnode-type fifo "$D/p.sb" file-read-data /a/b
expect_out_has "vnode-type: another type is asked as that type" "deny /a/b"
