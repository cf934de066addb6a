# import_srt_deny_patterns.sh - buckle import --from srt: srt reads a deny
# pattern's "[...]" as a set of the characters listed ("[!x]" is "!" or "x",
# "[^x]" is "^" or "x"), a backslash and a "[" that opens no set as text,
# where a buckle glob reads a negated set and an escape; the imported profile
# must deny what srt denies, or the import must refuse the entry, at it.
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
denyRead  "~/keys/k[^x]"   []          file-read-data   /Users/test/keys/k^
denyRead  "~/keys/k[^x]"   []          file-read-data   /Users/test/keys/kx
denyRead  "~/keys/k[^x]"   []          file-read-data   /Users/test/keys/k\
denyRead  "~/keys/k[x^]"   []          file-read-data   /Users/test/keys/k^
denyRead  "~/keys/k[.x]"   []          file-read-data   /Users/test/keys/k.
denyRead  "~/keys/k[!!x]"  []          file-read-data   /Users/test/keys/k!
denyRead  "~/keys/k[!!x]"  []          file-read-data   /Users/test/keys/kx
denyRead  "~/keys/k[!^]"   []          file-read-data   /Users/test/keys/k^
denyRead  "~/keys/k[!^]"   []          file-read-data   /Users/test/keys/k!
denyRead  "~/keys/k[\\]"   []          file-read-data   /Users/test/keys/k\
denyRead  "~/keys/k[b"     []          file-read-data   /Users/test/keys/k[b
denyRead  "~/keys/k[z-a]*" []          file-read-data   /Users/test/keys/k[z-a]x
denyWrite "~/proj/g\\*"    ["~/proj"]  file-write-data  /Users/test/proj/g\zz
denyWrite "~/proj/c[^x]d"  ["~/proj"]  file-write-data  /Users/test/proj/c^d
denyWrite "~/proj/c[^x]d"  ["~/proj"]  file-write-data  /Users/test/proj/cxd
denyRead  "~/s/[prod].env" []          file-read-data   /Users/test/s/p.env
denyRead  "~/s/[prod].env" []          file-read-data   /Users/test/s/[prod].env
denyRead  "~/s/[ab]/*/k"   []          file-read-data   /Users/test/s/[ab]/q/k
denyWrite "~/proj/[x]/**"  ["~/proj"]  file-write-data  /Users/test/proj/[x]/f
denyWrite "~/*/q/g\\*"      ["~/p/q"]   file-write-data  /Users/test/p/q/g\zz
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
denyRead  "~/keys/k[!-z]"  []          spans "/"
denyRead  "~/keys/a[,-0]b" []          spans "/"
denyRead  "~/keys/a[b/c]d" []          "*?[/"
denyRead  "~/keys/a[*]b"   []          "*?[/"
denyRead  "~/keys/a[é]b"   []          beyond ASCII
denyRead  "~/keys/a[+-.]b" []          ends with one of
denyRead  "~/keys/a??b"    []          two "?"
denyRead  "~/keys/a?*?b"   []          two "?"
ROWS
# the sets "[^x]" and "[.x]" are also read with the backslash srt's regex
# writes before "^" and "." (Seatbelt may take it for a member): denied too
printf '{"filesystem":{"denyRead":["~/keys/k[^x]"]},"network":{}}\n' >"$D/caret.json"
run "srt deny patterns: [^x] lists its members" "$BUCKLE" import --from srt -o "$D/caret.buckle" "$D/caret.json"
run "srt deny patterns: [^x] lists its members" "$BUCKLE" query -D HOME=/Users/test "$D/caret.buckle" files file-read-data /Users/test/keys/ky
expect_out_has "srt deny patterns: [^x] lists its members: ky stays readable" "allow /Users/test/keys/ky"
# a refusal stands at the entry it refuses, quoted as the settings write it
printf '{"filesystem":{\n  "denyRead":["~/a",\n     "~/keys/a??b"]},"network":{}}\n' >"$D/at.json"
run "srt deny patterns: a refusal at its entry" "$BUCKLE" import --from srt -o "$D/at.buckle" "$D/at.json"
expect_rc "srt deny patterns: a refusal at its entry: exit 1" 1
expect_err_has "srt deny patterns: a refusal at its entry: line and column" "at.json:3:6: error: entry 2 of \"denyRead\" (\"~/keys/a??b\")"
printf '{"filesystem":{"denyWrite":["./a",\n  "/Users/*/proj/g\\\\*"],\n  "allowWrite":["~/proj"]},"network":{}}\n' >"$D/at2.json"
run "srt deny patterns: a later refusal at its entry" "$BUCKLE" import --from srt -o "$D/at2.buckle" "$D/at2.json"
expect_rc "srt deny patterns: a later refusal at its entry: exit 1" 1
expect_err_has "srt deny patterns: a later refusal at its entry: line, column, as written" "at2.json:2:3: error: the write deny \"/Users/*/proj/g\\\\*\" and"
printf '{"filesystem":{"denyRead":["~/a"],\n  "allowWrite":["~/b", "x/../y"]},"network":{}}\n' >"$D/at3.json"
run "srt deny patterns: a relative path refused at its entry" "$BUCKLE" import --from srt -o "$D/at3.buckle" "$D/at3.json"
expect_err_has "srt deny patterns: a relative path refused at its entry: line and column" "at3.json:2:24: error: entry 2 of \"allowWrite\" (\"x/../y\")"
