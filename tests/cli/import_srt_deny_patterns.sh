# import_srt_deny_patterns.sh - buckle import --from srt: srt reads a deny
# pattern's "[...]" as a set of the characters listed ("[!x]" is "!" or "x")
# and a backslash as text, where a buckle glob reads a negated set and an
# escape; the imported profile must deny what srt denies, or the import must
# refuse the entry.
. tests/lib.sh
D=$TMP/import_srt_deny_patterns
mkdir -p "$D"
n=0
# LIST ENTRY ALLOW_WRITE OPERATION OBJECT   (srt denies OBJECT)
while read -r list entry aw op obj; do
    case "$list" in ''|'#'*) continue ;; esac
    n=$((n + 1))
    printf '{"filesystem":{"%s":[%s],"allowWrite":%s},"network":{}}\n' "$list" "$entry" "$aw" >"$D/d$n.json"
    name="srt deny patterns: $list $entry, $op $obj"
    run "$name" "$BUCKLE" import --from srt -o "$D/d$n.buckle" "$D/d$n.json"
    expect_rc "$name: imports" 0
    [ "$RC" -eq 0 ] || continue
    run "$name" "$BUCKLE" query -D HOME=/Users/test "$D/d$n.buckle" files "$op" "$obj"
    expect_out_has "$name: denied as srt denies it" "deny $obj"
done <<'ROWS'
denyRead  "~/keys/id[!x]"  []          file-read-data   /Users/test/keys/idx
denyRead  "~/keys/id[!x]"  []          file-read-data   /Users/test/keys/id!
denyRead  "~/keys/id[!x]"  []          file-read-data   /Users/test/keys/idx/inner
denyRead  "~/keys/id[!a-c]" []         file-read-data   /Users/test/keys/idb
denyRead  "~/keys/id[!a-c]" []         file-read-data   /Users/test/keys/id!
denyRead  "~/keys/id[!]"   []          file-read-data   /Users/test/keys/id!
denyRead  "~/keys/[!x-]"   []          file-read-data   /Users/test/keys/-
denyRead  "~/keys/[!x-]"   []          file-read-data   /Users/test/keys/!
denyWrite "~/proj/a[!x]b"  ["~/proj"]  file-write-data  /Users/test/proj/axb
denyWrite "~/proj/a[!x]b"  ["~/proj"]  file-write-data  /Users/test/proj/a!b
denyRead  "~/keys/a?b"     []          file-read-data   /Users/test/keys/axb
ROWS
# the rest of the set stays as srt reads it: a name it does not list is not denied
printf '{"filesystem":{"denyRead":["~/keys/id[!x]"]},"network":{}}\n' >"$D/other.json"
run "srt deny patterns: [!x] lists two names" "$BUCKLE" import --from srt -o "$D/other.buckle" "$D/other.json"
expect_rc "srt deny patterns: [!x] lists two names: imports" 0
run "srt deny patterns: [!x] lists two names" "$BUCKLE" query -D HOME=/Users/test "$D/other.buckle" files file-read-data /Users/test/keys/ida
expect_out_has "srt deny patterns: [!x] lists two names: ida stays readable" "allow /Users/test/keys/ida"
# what a buckle glob cannot say with srt's meaning is refused
# LIST ENTRY ALLOW_WRITE WHY
while read -r list entry aw why; do
    case "$list" in ''|'#'*) continue ;; esac
    n=$((n + 1))
    printf '{"filesystem":{"%s":[%s],"allowWrite":%s},"network":{}}\n' "$list" "$entry" "$aw" >"$D/r$n.json"
    name="srt deny patterns: $list $entry refused"
    run "$name" "$BUCKLE" import --from srt -o "$D/r$n.buckle" "$D/r$n.json"
    expect_rc "$name: exit 1" 1
    expect_err_has "$name: why" "$why"
done <<'ROWS'
denyRead  "~/keys/k[^x]"   []          with srt's meaning
denyRead  "~/keys/k[x^]"   []          with srt's meaning
denyRead  "~/keys/k[.x]"   []          with srt's meaning
denyRead  "~/keys/k[!!x]"  []          with srt's meaning
denyRead  "~/keys/k[!-z]"  []          with srt's meaning
denyRead  "~/keys/a[,-0]b" []          spans "/"
denyRead  "~/keys/a??b"    []          two "?"
denyRead  "~/keys/a?*?b"   []          two "?"
denyWrite "~/proj/g\\*"    ["~/proj"]  a backslash
denyWrite "~/proj/c[^x]d"  ["~/proj"]  with srt's meaning
ROWS
