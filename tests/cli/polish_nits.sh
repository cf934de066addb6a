# polish_nits.sh - messages: the `buckle CMD: error:` prefix for an input
# that cannot be read, did-you-mean for long options and query's sections,
# BK2003's paths without "/../", why's notes on the suggested rule, its
# JSON chain as a list, and did-you-mean for an operation in a log line.
. tests/lib.sh
P="$TMP/polish_nits"
mkdir -p "$P"
for c in compile lint query test diff why; do
    case $c in
        query) set -- query "$P/nope.buckle" files read /x ;;
        diff) set -- diff "$P/nope.buckle" "$P/nope.buckle" ;;
        why) set -- why "$P/nope.buckle" /dev/null ;;
        *) set -- $c "$P/nope.buckle" ;;
    esac
    run "nits: $c unreadable" "$BUCKLE" "$@"
    # lint writes its findings, this one too, to standard output
    if grep -qF -- "buckle $c: error: cannot read $P/nope.buckle" "$TMP/err" "$TMP/out"; then pass "nits: buckle $c: error: for an unreadable file"
    else fail "nits: buckle $c: error: for an unreadable file" "$(cat "$TMP/err" "$TMP/out" | head -3)"; fi
done
run "nits: --emitt" "$BUCKLE" compile --emitt x
expect_err_has "nits: did you mean --emit" "unknown option --emitt (did you mean --emit?)"
run "nits: --chek" "$BUCKLE" fmt --chek x
expect_err_has "nits: did you mean --check" "unknown option --chek (did you mean --check?)"
printf 'files { allow read "/x"; }\n' >"$P/q.buckle"
run "nits: query file" "$BUCKLE" query "$P/q.buckle" file read /x
expect_rc "nits: query unknown section: usage error" 2
expect_err_has "nits: did you mean files" "unknown section file (did you mean files?)"
printf 'extends "std/agnet";\n' >"$P/bad.buckle"
run "nits: BK2003" "$BUCKLE" compile "$P/bad.buckle"
expect_err_has "nits: BK2003 notes" "note: looked for"
if grep -q 'looked for .*/\.\./' "$TMP/err"; then fail "nits: BK2003 paths are normalized" "$(grep 'looked for' "$TMP/err")"
else pass "nits: BK2003 paths are normalized"; fi

# why: a note on the added lines is "(the suggested rule)", never a line past the file
printf 'extends "std/agent";\n' >"$P/agent.buckle"
printf 'Sandbox: x(1) deny(1) file-write-data /root/proj2/.vscode/settings.json\nSandbox: x(1) deny(1) file-wrte-data /srv/x\n' >"$P/two.log"
run "nits: why notes" "$BUCKLE" why "$P/agent.buckle" "$P/two.log"
expect_out_has "nits: why: the note names the suggested rule" "with WORKDIR=/root/proj2 (the suggested rule)"
expect_out_lacks "nits: why: no line of the user's file past its end" "agent.buckle:3:"
expect_out_has "nits: why: did you mean for an operation" "an operation buckle does not know (did you mean file-write-data?)"
run "nits: why json" "$BUCKLE" why --format json -D WORKDIR=/root/proj2 "$P/agent.buckle" "$P/two.log"
if command -v python3 >/dev/null 2>&1; then
    python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
ch=d["groups"][0]["decided_by"]["chain"]
assert isinstance(ch,list) and ch and ch[0].endswith("agent.buckle:1:9"), ch
' "$TMP/out" && pass "nits: why json: chain is a list of FILE:LINE:COL" || fail "nits: why json: chain" "$(grep -A3 chain "$TMP/out")"
else
    expect_out_has "nits: why json: chain is a list" '"chain": ['
fi
