# import_srt_globs.sh - buckle import --from srt: an allowed pattern means
# in srt the entries it names and nothing below them (srt writes it as an
# anchored regex), so the import must not let a command write or read inside
# a matching entry; srt's write denies, written after its allows, still win
# over a pattern root (a deny of the directory above it, a "**/" deny on the
# root's own matches).
. tests/lib.sh
D=$(scratch_dir import_srt_globs)
n=0
# ALLOW_WRITE DENY_WRITE DENY_READ ALLOW_READ OPERATION OBJECT WANT
while read -r aw dw dr ar op obj want; do
    case "$aw" in ''|'#'*) continue ;; esac
    n=$((n + 1))
    printf '{"filesystem":{"allowWrite":%s,"denyWrite":%s,"denyRead":%s,"allowRead":%s},"network":{"allowedDomains":[]}}\n' \
        "$aw" "$dw" "$dr" "$ar" >"$D/g$n.json"
    name="srt globs: allowWrite $aw denyWrite $dw denyRead $dr allowRead $ar, $op $obj"
    run "$name" "$BUCKLE" import --from srt -o "$D/g$n.buckle" "$D/g$n.json"
    expect_rc "$name: imports" 0
    [ "$RC" -eq 0 ] || continue
    run "$name" "$BUCKLE" query -D HOME=/Users/me "$D/g$n.buckle" files "$op" "$obj"
    expect_out_has "$name: $want" "$want $obj"
done <<'ROWS'
["~/w/*.txt"]  []         []            []                file-write-data  /Users/me/w/notes.txt        allow
["~/w/*.txt"]  []         []            []                file-write-data  /Users/me/w/notes.txt/inner  deny
["~/w/*.txt"]  []         []            []                file-write-create /Users/me/w/notes.txt/sub   deny
["~/w/*.txt"]  []         []            []                file-write-data  /Users/me/w/notes.md         deny
["~/w/**/out"] []         []            []                file-write-data  /Users/me/w/a/b/out          allow
["~/w/**/out"] []         []            []                file-write-data  /Users/me/w/a/b/out/f        deny
[]             []         ["~/vault"]   ["~/vault/*.crt"] file-read-data   /Users/me/vault/ca.crt       allow
[]             []         ["~/vault"]   ["~/vault/*.crt"] file-read-data   /Users/me/vault/ca.crt/key   deny
["~/w/*"]      ["~/w"]    []            []                file-write-data  /Users/me/w/sub              deny
["~/w/*"]      ["~/w"]    []            []                file-write-data  /Users/me/w/sub/f            deny
["~/w/*"]      ["**/.env"] []           []                file-write-data  /Users/me/w/.env             deny
["~/w/*"]      ["**/.env"] []           []                file-write-data  /Users/me/w/ok               allow
["~/w/a*"]     ["~/w/ab"] []            []                file-write-data  /Users/me/w/ab               deny
["~/w/a*"]     ["~/w/ab"] []            []                file-write-data  /Users/me/w/ac               allow
["~/w/*"]      ["~"]      []            []                file-write-data  /Users/me/w/sub              deny
["~/w/*"]      ["/**/k"]  []            []                file-write-data  /Users/me/w/k                deny
["~/w/*"]      ["/**/k"]  []            []                file-write-data  /Users/me/w/j                allow
["**/build"]   []         []            []                file-write-data  /Users/me/elsewhere/build    deny
["~/p/[z-a[x]]"] []       []            []                file-write-data  /Users/me/p/[z-ax]           deny
["~/p/[z-a[x]]"] []       []            []                file-write-data  /Users/me/p/[z-a[x]]         allow
[]             []         ["~/r"]       ["~/r/[z-a[x]]"]  file-read-data   /Users/me/r/[z-ax]           deny
[]             []         ["~/r"]       ["~/r/[z-a[x]]"]  file-read-data   /Users/me/r/[z-a[x]]         allow
["~/q/a[ü-é]"] []         []            []                file-write-data  /Users/me/q/a[ü-é]           allow
[]             []         ["~/r"]       ["~/r/x]"]        file-read-data   /Users/me/r/x]               allow
[]             []         ["~/r"]       ["~/r/x]"]        file-read-data   /Users/me/r/x]/f             deny
["/tmp/*.sock"] []        []            []                file-write-data  /private/tmp/x.sock          allow
ROWS
# a deny with no fixed directory cannot be ranked above a pattern root
printf '{"filesystem":{"allowWrite":["~/w/*"],"denyWrite":["/*/k"]},"network":{}}\n' >"$D/nofixed.json"
run "srt globs: a deny without a fixed directory" "$BUCKLE" import --from srt -o "$D/nofixed.buckle" "$D/nofixed.json"
expect_rc "srt globs: a deny without a fixed directory: refused" 1
expect_err_has "srt globs: a deny without a fixed directory: why" 'cannot place it below the allowed pattern'
# srt compares a range's ends as UTF-16 code units: "[ü-é]" runs backwards,
# so it is text, and no name of one byte in the bytes of "ü" to "é" is
# writable
printf '{"filesystem":{"allowWrite":["~/q/a[\303\274-\303\251]"]},"network":{}}\n' >"$D/utf16.json"
run "srt globs: a range by UTF-16 code units" "$BUCKLE" import --from srt -o "$D/utf16.buckle" "$D/utf16.json"
run "srt globs: a range by UTF-16 code units" "$BUCKLE" query -D HOME=/Users/me "$D/utf16.buckle" files file-write-data "/Users/me/q/a$(printf '\303')"
expect_out_has "srt globs: a range by UTF-16 code units: one byte of it stays denied" "deny /Users/me/q/a"
# a "]" makes an allowed write root srt's pattern, which buckle cannot write
printf '{"filesystem":{"allowWrite":["~/a",\n  "~/w]"]},"network":{}}\n' >"$D/bracket.json"
run "srt globs: a write root with ]" "$BUCKLE" import --from srt -o "$D/bracket.buckle" "$D/bracket.json"
expect_rc "srt globs: a write root with ]: exit 1" 1
expect_err_has "srt globs: a write root with ]: at the entry" 'bracket.json:2:3: error: entry 2 of "allowWrite" ("~/w]") holds "]"'
