# protocol.sh - `buckle lsp` at the protocol level: framing, JSON-RPC
# errors, the lifecycle, limits.  Every run has a timeout: a hang fails.
. tests/lib.sh
L="$TMP/lsp"
mkdir -p "$L"

frame() { printf 'Content-Length: %d\r\n\r\n%s' "$(printf %s "$1" | wc -c | tr -d ' ')" "$1"; }
req() { frame "{\"jsonrpc\":\"2.0\",\"id\":$1,\"method\":\"$2\",\"params\":${3:-{\}}}"; }
note() { frame "{\"jsonrpc\":\"2.0\",\"method\":\"$1\",\"params\":${2:-{\}}}"; }
init() { req 1 initialize '{"processId":null,"rootUri":null,"capabilities":{}}'; note initialized; }

# lsp NAME: runs buckle lsp on $L/in; output in $L/out (one message a line), status in RC
lsp() {
    timeout 30 "$BUCKLE" lsp <"$L/in" >"$L/raw" 2>"$L/err"
    RC=$?
    # one message a line: drop the headers
    tr -d '\r' <"$L/raw" | sed 's/Content-Length: [0-9]*//g' | sed 's/}{"/}\n{"/g' | grep -v '^$' >"$L/out"
    if grep -q 'Sanitizer\|runtime error' "$L/err"; then fail "$1" "sanitizer: $(head -c 600 "$L/err")"
    elif [ $RC -eq 124 ]; then fail "$1" "timed out (a hang)"; elif [ $RC -ge 128 ]; then fail "$1" "killed by signal $((RC - 128)): $(head -c 400 "$L/err")"; else pass "$1: no hang, no crash"; fi
}
has() {  # NAME TEXT
    if grep -qF -- "$2" "$L/out"; then pass "$1"; else fail "$1" "no '$2' in: $(head -c 800 "$L/out")"; fi
}
lacks() {
    if grep -qF -- "$2" "$L/out"; then fail "$1" "'$2' in: $(head -c 800 "$L/out")"; else pass "$1"; fi
}

# lifecycle
{ req 7 textDocument/hover '{"textDocument":{"uri":"file:///x.buckle"},"position":{"line":0,"character":0}}'; init
  req 2 initialize '{"capabilities":{}}'; req 3 shutdown; req 4 textDocument/hover '{}'; note exit; } >"$L/in"
lsp "lsp: lifecycle"
has "lsp: a request before initialize is refused (ServerNotInitialized)" '{"id":7,"error":{"code":-32002,'
has "lsp: initialize answers its capabilities" '"hoverProvider":true'
has "lsp: initialize announces incremental document sync" '"change":2'
has "lsp: a second initialize is refused" '{"id":2,"error":{"code":-32600,"message":"initialize was already received"}'
has "lsp: shutdown answers null" '{"id":3,"result":null'
has "lsp: a request after shutdown is refused" '{"id":4,"error":{"code":-32600,'
[ $RC -eq 0 ] && pass "lsp: exit after shutdown exits 0" || fail "lsp: exit status" "$RC, want 0"
{ init; note exit; } >"$L/in"
lsp "lsp: exit without shutdown"
[ $RC -eq 1 ] && pass "lsp: exit without shutdown exits 1" || fail "lsp: exit without shutdown" "$RC, want 1"
{ init; } >"$L/in"
lsp "lsp: end of input"
[ $RC -eq 1 ] && pass "lsp: the end of input without exit exits 1" || fail "lsp: end of input" "$RC"

# malformed messages: an error response each, and the server goes on
{ init
  frame '{"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{'
  printf 'Content-Length: abc\r\n\r\n'
  printf 'Content-Type: application/json\r\n\r\n'
  frame '[1,2,3]'
  frame '{"jsonrpc":"2.0","id":true,"method":"x"}'
  frame '{"jsonrpc":"2.0","id":6}'
  req 8 no/such/method
  note no/such/notification
  req 9 textDocument/hover '"text"'
  req 10 textDocument/hover '{"textDocument":{"uri":"file:///x.buckle"}}'
  req 11 textDocument/hover '{"textDocument":{"uri":"file:///not/open.buckle"},"position":{"line":0,"character":0}}'
  frame '{"jsonrpc":"2.0","id":12,"method":"shutdown","id":13}'
  printf 'Content-Length: 61\r\n\r\n{"jsonrpc":"2.0","id":15,"method":"a\377b","params":{"x":1}}    '
  printf 'Content-Length: 0\r\n\r\n'
  req 14 shutdown; note exit; } >"$L/in"
lsp "lsp: malformed messages"
has "lsp: malformed JSON gives a parse error" '{"id":null,"error":{"code":-32700,"message":"invalid JSON'
has "lsp: a Content-Length that is not a number is refused" '"message":"missing or invalid Content-Length header"'
[ "$(grep -c 'missing or invalid Content-Length header' "$L/out")" -eq 2 ] && pass "lsp: a header block without Content-Length is refused" || fail "lsp: no Content-Length" "$(cat "$L/out")"
has "lsp: a message that is not an object is an invalid request" '"message":"a message must be a JSON object"'
has "lsp: an id that is neither number nor string is refused" '"message":"\"id\" must be a number or a string"'
has "lsp: a request without a method is refused" '{"id":6,"error":{"code":-32600,'
has "lsp: an unknown method is MethodNotFound" '{"id":8,"error":{"code":-32601,"message":"unknown method no/such/method"}'
has "lsp: params of the wrong type are InvalidParams" '{"id":9,"error":{"code":-32602,'
has "lsp: missing params are InvalidParams" '{"id":10,"error":{"code":-32602,'
has "lsp: a document that is not open gives null" '{"id":11,"result":null'
has "lsp: duplicate keys are a parse error" 'duplicate object key'
has "lsp: invalid UTF-8 is a parse error" 'unable to decode byte'
[ "$(grep -c '"code":-32700' "$L/out")" -ge 4 ] && pass "lsp: an empty body is a parse error" || fail "lsp: empty body" "$(grep -c '"code":-32700' "$L/out") parse errors"
has "lsp: the server answers after all of them" '{"id":14,"result":null'
lacks "lsp: an unknown notification gets no answer" 'no/such/notification'
[ $RC -eq 0 ] && pass "lsp: malformed messages do not stop the server" || fail "lsp: malformed status" "$RC"

# limits: a 10 MB document, an absurd Content-Length, a body cut short, endless headers
awk 'BEGIN { printf "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///big.buckle\",\"languageId\":\"buckle\",\"version\":1,\"text\":\""; for (i = 0; i < 400000; i++) printf "files { allow read \\\"/a\\\"; }\\n"; printf "\"}}}" }' >"$L/big.json"
{ init; frame "$(cat "$L/big.json")"; req 2 textDocument/hover '{"textDocument":{"uri":"file:///big.buckle"},"position":{"line":0,"character":0}}'
  printf 'Content-Length: 99999999999999999999\r\n\r\n'; req 3 shutdown; note exit; } >"$L/in"
[ "$(wc -c <"$L/big.json")" -gt 10000000 ] && pass "lsp: the big document is over 10 MB" || fail "lsp: big document size" "$(wc -c <"$L/big.json")"
lsp "lsp: 10 MB document"
has "lsp: a 10 MB message gets a clear error" "is larger than the server's limit of 8388608 bytes"
has "lsp: the server answers after the 10 MB message" '{"id":2,"result":null'
has "lsp: an absurd Content-Length is refused" '"message":"missing or invalid Content-Length header"'
has "lsp: the server answers after it" '{"id":3,"result":null'
{ init; printf 'Content-Length: 500\r\n\r\n{"jsonrpc":"2.0",'; } >"$L/in"
lsp "lsp: body cut short"
has "lsp: a body cut short by the end of input is reported" 'the input ended inside a message body'
{ init; awk 'BEGIN { for (i = 0; i < 2000; i++) printf "X-Header-%d: yes\r\n", i }'; } >"$L/in"
lsp "lsp: endless headers"
has "lsp: an endless header block is refused" 'header block longer than'

# diagnostics: on open, on change, cleared when fixed; related locations
U="file://$(pwd)/tests/lsp/t.buckle"
{ init
  note textDocument/didOpen '{"textDocument":{"uri":"'"$U"'","languageId":"buckle","version":1,"text":"files {\n    deny final read \"/a\";\n    allow read literal \"/a/b\";\n}\n"}}'
  note textDocument/didChange '{"textDocument":{"uri":"'"$U"'","version":2},"contentChanges":[{"text":"files {\n    deny final read \"/a\";\n}\n"}]}'
  req 2 textDocument/hover '{"textDocument":{"uri":"'"$U"'"},"position":{"line":0,"character":0}}'
  note textDocument/didChange '{"textDocument":{"uri":"'"$U"'","version":3},"contentChanges":[{"range":{"start":{"line":1,"character":4},"end":{"line":1,"character":8}},"text":"alow"}]}'
  note textDocument/didChange '{"textDocument":{"uri":"'"$U"'","version":4},"contentChanges":[{"range":{"start":{"line":1,"character":4},"end":{"line":1,"character":8}},"text":"deny"},{"range":{"start":{"line":1,"character":21},"end":{"line":1,"character":21}},"text":"/b"}]}'
  req 3 textDocument/codeAction '{"textDocument":{"uri":"'"$U"'"},"range":{"start":{"line":1,"character":4},"end":{"line":1,"character":4}},"context":{"diagnostics":[]}}'
  req 4 shutdown; note exit; } >"$L/in"
lsp "lsp: diagnostics"
has "lsp: didOpen publishes the error with its code and range" '"version":1,"diagnostics":[{"range":{"start":{"line":2,"character":4},"end":{"line":2,"character":9}},"severity":1,"code":"BK2005"'
has "lsp: the related location (the final rule) is attached" '"relatedInformation":[{"location":{"uri":"'"$U"'","range":{"start":{"line":1,'
has "lsp: the related location has its message" '"message":"final deny is here"}]'
has "lsp: a fixed document clears the diagnostics (before the next request is answered)" '"version":2,"diagnostics":[]'
lacks "lsp: changes sent together are analysed once, for the last one" '"version":3,'
has "lsp: incremental changes are applied in order" '"version":4,"diagnostics":[]'
# incremental changes count UTF-16 units (a 4-byte character is two), may
# span lines and may insert past the last line
G=$(printf '\360\235\204\236')
H='{"textDocument":{"uri":"'"$U"'"},"position":{"line":0,"character":0}}'
{ init
  note textDocument/didOpen '{"textDocument":{"uri":"'"$U"'","languageId":"buckle","version":1,"text":"files {\n    allow read \"/'"$G"'\", XX;\n}\n"}}'
  req 2 textDocument/hover "$H"
  note textDocument/didChange '{"textDocument":{"uri":"'"$U"'","version":2},"contentChanges":[{"range":{"start":{"line":1,"character":22},"end":{"line":1,"character":24}},"text":"\"/b\""}]}'
  req 3 textDocument/hover "$H"
  note textDocument/didChange '{"textDocument":{"uri":"'"$U"'","version":3},"contentChanges":[{"range":{"start":{"line":3,"character":0},"end":{"line":3,"character":0}},"text":"# end '"$G"'\n"},{"range":{"start":{"line":1,"character":0},"end":{"line":2,"character":0}},"text":"    alow read \"/c\";\n"}]}'
  req 4 textDocument/hover "$H"
  note textDocument/didChange '{"textDocument":{"uri":"'"$U"'","version":4},"contentChanges":[{"range":{"start":{"line":1,"character":4},"end":{"line":1,"character":8}},"text":"allow"}]}'
  req 5 textDocument/hover "$H"
  req 6 shutdown; note exit; } >"$L/in"
lsp "lsp: incremental sync"
has "lsp: the opened document has its syntax error" '"version":1,"diagnostics":[{"range":{"start":{"line":1,"character":22}'
has "lsp: a range after a 4-byte character is counted in UTF-16 units" '"version":2,"diagnostics":[]'
has "lsp: a range over a whole line and an insertion past the last line" '"version":3,"diagnostics":[{"range":{"start":{"line":1,"character":4},"end":{"line":1,"character":8}},"severity":1,"code":"BK1001"'
has "lsp: the fixed verb clears it" '"version":4,"diagnostics":[]'
rm -f "$L/raw"

# requests on a profile that extends std/base
U2="file://$L/p.buckle"
TXT='extends \"std/base\";\nparam CACHE = \"/c\";\nfiles {\n    remove allow read \"/usr/share\";\n    deny write \"$CACHE/x\", \"~/.ssh\";\n}\nmach {\n    allow lookup \"com.apple.\";\n}\ntest {\n    expect deny files write \"~/.ssh/id\";\n}\n'
{ init
  note textDocument/didOpen '{"textDocument":{"uri":"'"$U2"'","languageId":"buckle","version":1,"text":"'"$TXT"'"}}'
  req 2 textDocument/completion '{"textDocument":{"uri":"'"$U2"'"},"position":{"line":4,"character":17}}'
  req 3 textDocument/completion '{"textDocument":{"uri":"'"$U2"'"},"position":{"line":7,"character":28}}'
  req 4 textDocument/definition '{"textDocument":{"uri":"'"$U2"'"},"position":{"line":3,"character":8}}'
  req 5 textDocument/hover '{"textDocument":{"uri":"'"$U2"'"},"position":{"line":10,"character":33}}'
  req 6 textDocument/completion '{"textDocument":{"uri":"'"$U2"'"},"position":{"line":10,"character":16}}'
  req 10 textDocument/hover '{"textDocument":{"uri":"'"$U2"'"},"position":{"line":0,"character":10}}'
  note textDocument/didChange '{"textDocument":{"uri":"'"$U2"'","version":2},"contentChanges":[{"text":"files {\n    allow read \n}\n"}]}'
  req 7 textDocument/completion '{"textDocument":{"uri":"'"$U2"'"},"position":{"line":1,"character":15}}'
  note textDocument/didChange '{"textDocument":{"uri":"'"$U2"'","version":3},"contentChanges":[{"text":"files {\n  allow read \"/a\"\n}\n"}]}'
  req 8 textDocument/formatting '{"textDocument":{"uri":"'"$U2"'"},"options":{"tabSize":4,"insertSpaces":true}}'
  req 9 shutdown; note exit; } >"$L/in"
lsp "lsp: requests"
has "lsp: completion after \$ offers the declared parameters" '{"label":"CACHE","kind":6,"detail":"declared parameter"}'
has "lsp: completion after \$ offers the built-in parameters" '{"label":"WORKDIR","kind":6,"detail":"built-in parameter"}'
has "lsp: completion in a mach string offers the risky services" '{"label":"com.apple.SystemConfiguration.configd","kind":21,"detail":"risky (info): see BK3002"}'
has "lsp: completion in a mach string offers the chain's services" '{"label":"com.apple.logd","kind":21,"detail":"mach service named in the profile'"'"'s chain"}'
has "lsp: definition of a remove is the inherited rule it removes" '{"id":4,"result":[{"uri":"file://'
share_line=$(($(grep -n 'allow read "/usr/share"' corpus/std/base.buckle | head -1 | cut -d: -f1) - 1))
grep -o '{"id":4,"result":\[{"uri":"[^"]*","range":{"start":{"line":[0-9]*' "$L/out" | grep -q '/std/base.buckle","range":{"start":{"line":'"$share_line"'$' && pass "lsp: ... in std/base.buckle, at its line" || fail "lsp: remove definition" "$(grep '"id":4' "$L/out")"
has "lsp: hover on an expect's object shows the deciding rule" '**deny** by `deny files write subpath \"${HOME}/.ssh\"` at '
has "lsp: hover on an extends string names the file it resolves to" '{"id":10,"result":{"contents":{"kind":"markdown","value":"`\"std/base\"` is /'
has "lsp: completion in a test block offers the sections" '{"label":"network","kind":14,"detail":"section"}'
has "lsp: completion after a verb offers the matcher kinds" '{"label":"literal","kind":14'
has "lsp: formatting a document with syntax errors is a clear error" '{"id":8,"error":{"code":-32803,"message":"cannot format: '

# an .sb document gets lint's diagnostics
U3="file://$L/h.sb"
{ init
  note textDocument/didOpen '{"textDocument":{"uri":"'"$U3"'","languageId":"sbpl","version":1,"text":"(deny default)\n(allow file-read* (subpath \"/tmp\"))\n"}}'
  req 2 shutdown; note exit; } >"$L/in"
lsp "lsp: .sb document"
has "lsp: an .sb document gets BK4011" '"code":"BK4011"'
has "lsp: ... and BK4006 at its range" '{"range":{"start":{"line":1,"character":27},"end":{"line":1,"character":33}},"severity":2,"code":"BK4006"'

# the rules of raw sbpl in a .buckle document are linted, at their place in the string
U4="file://$L/raw.buckle"
{ init
  note textDocument/didOpen '{"textDocument":{"uri":"'"$U4"'","languageId":"buckle","version":1,"text":"default deny;\nmisc { allow mach-lookup sbpl \"(global-name \\\"com.apple.pasteboard.1\\\")\"; }\n"}}'
  req 2 shutdown; note exit; } >"$L/in"
lsp "lsp: raw sbpl in a .buckle document"
has "lsp: a raw sbpl filter gets BK3002 at its range in the string" '{"range":{"start":{"line":1,"character":31},"end":{"line":1,"character":71}},"severity":2,"code":"BK3002"'

# BK4001: the quick fix its help names (com.apple.secd added to the rule's names)
U4="file://$(pwd)/tests/lsp/kc.buckle"
{ init
  note textDocument/didOpen '{"textDocument":{"uri":"'"$U4"'","languageId":"buckle","version":1,"text":"default deny;\nmach { allow lookup \"com.apple.SecurityServer\"; }\n"}}'
  req 2 textDocument/codeAction '{"textDocument":{"uri":"'"$U4"'"},"range":{"start":{"line":1,"character":22},"end":{"line":1,"character":22}},"context":{"diagnostics":[]}}'
  req 3 shutdown; note exit; } >"$L/in"
lsp "lsp: BK4001 quick fix"
has "lsp: BK4001 offers to also allow com.apple.secd" '"title":"Also allow mach lookup \"com.apple.secd\""'
has "lsp: ... inserted after the SecurityServer string" '"range":{"start":{"line":1,"character":46},"end":{"line":1,"character":46}},"newText":", \"com.apple.secd\""'

# While the document has errors (typing: an unclosed string or block), the
# findings of its last version without errors stay where no change touched
# them, moved with the lines; hover decides with that version.
U5="file://$L/kept.buckle"
pub() {  # NAME VERSION TEXT: the diagnostics published for VERSION have TEXT
    if grep -F '"uri":"'"$U5"'","version":'"$2"',' "$L/out" | grep -qF -- "$3"; then pass "$1"
    else fail "$1" "no '$3' in version $2: $(grep -F '"version":'"$2"',' "$L/out" | head -c 900)"; fi
}
nopub() {
    if grep -F '"uri":"'"$U5"'","version":'"$2"',' "$L/out" | grep -qF -- "$3"; then fail "$1" "'$3' in version $2"
    elif grep -qF '"uri":"'"$U5"'","version":'"$2"',' "$L/out"; then pass "$1"; else fail "$1" "version $2 was not published"; fi
}
chg() {  # VERSION L0 C0 L1 C1 TEXT, then a hover (every version is analysed and published)
    note textDocument/didChange '{"textDocument":{"uri":"'"$U5"'","version":'"$1"'},"contentChanges":[{"range":{"start":{"line":'"$2"',"character":'"$3"'},"end":{"line":'"$4"',"character":'"$5"'}},"text":"'"$6"'"}]}'
    req "${1}00" textDocument/hover '{"textDocument":{"uri":"'"$U5"'"},"position":{"line":0,"character":0}}'
}
at() { printf '{"textDocument":{"uri":"%s"},"position":{"line":%d,"character":%d}}' "$U5" "$1" "$2"; }
cr() { printf '{"textDocument":{"uri":"%s"},"range":{"start":{"line":%d,"character":%d},"end":{"line":%d,"character":%d}},"context":{"diagnostics":[]}}' "$U5" "$1" "$2" "$1" "$2"; }
CONFIGD='{"start":{"line":4,"character":17},"end":{"line":4,"character":56}},"severity":3,"code":"BK3002"'
{ init
  note textDocument/didOpen '{"textDocument":{"uri":"'"$U5"'","languageId":"buckle","version":1,"text":"files {\n    allow read \"/usr/local\";\n}\nmach {\n    allow lookup \"com.apple.SystemConfiguration.configd\";\n    allow lookup \"com.apple.SecurityServer\";\n}\n"}}'
  chg 2 7 0 7 0 'files {\n    allow read \"/x\n'
  req 2 textDocument/hover "$(at 1 20)"
  req 3 textDocument/codeAction "$(cr 5 20)"
  req 4 textDocument/completion "$(at 8 17)"
  req 5 textDocument/completion "$(at 9 0)"
  req 6 textDocument/definition "$(at 1 20)"
  chg 3 0 0 0 0 '# new first line\n'
  req 7 textDocument/hover "$(at 2 20)"
  req 8 textDocument/codeAction "$(cr 6 20)"
  chg 4 5 30 5 30 'X'
  chg 5 5 30 5 31 ''
  note textDocument/didChange '{"textDocument":{"uri":"'"$U5"'","version":6},"contentChanges":[{"text":"files {\n    allow read \"/usr/local\";\n}\nmach {\n    allow lookup \"com.apple.SystemConfiguration.configd\";\n    allow lookup \"com.apple.SecurityServer\";\n}\nfiles {\n    allow read \"/x\";\n}\n"}]}'
  req 9 textDocument/hover "$(at 1 20)"
  note textDocument/didChange '{"textDocument":{"uri":"'"$U5"'","version":7},"contentChanges":[{"text":"files {\n    allow read \"/usr/local\";\n}\nmach {\n    allow lookup \"com.apple.SystemConfiguration.configd\";\n    allow lookup \"com.apple.SecurityServer\";\n}\nfiles {\n    allow read \"/x\n"}]}'
  req 10 textDocument/hover "$(at 1 20)"
  req 11 shutdown; note exit; } >"$L/in"
lsp "lsp: a document with errors keeps its last findings"
pub "lsp: the findings of the version without errors are published" 1 "$CONFIGD"
pub "lsp: an unclosed string below them is a syntax error at its place" 2 '{"range":{"start":{"line":8,"character":15},"end":{"line":8,"character":18}},"severity":1,"code":"BK1001"'
pub "lsp: ... and the findings above it stay (BK3002)" 2 "$CONFIGD"
pub "lsp: ... (BK4001)" 2 '"code":"BK4001"'
pub "lsp: ... saying that they are kept from the last version without errors" 2 '(kept from the last version without errors: the document has errors now)'
has "lsp: hover above the error decides with the last version without errors" '{"id":2,"result":{"contents":{"kind":"markdown","value":"**files read** `/usr/local`:\n- **allow** by `allow files read subpath \"/usr/local\"` at '"$L"'/kept.buckle:2:5\n\n(decided by the last version of this profile without errors: it has errors now)"'
has "lsp: a kept finding has its code actions" '{"id":3,"result":[{"title":"Also allow mach lookup \"com.apple.secd\"","kind":"quickfix","edit":{"changes":{"'"$U5"'":[{"range":{"start":{"line":5,"character":43},"end":{"line":5,"character":43}}'
has "lsp: completion inside the unclosed string answers" '{"id":4,"result":{"isIncomplete":false,"items":'
has "lsp: completion after it answers" '{"id":5,"result":{"isIncomplete":false,"items":'
grep -qF '{"id":6,' "$L/out" && pass "lsp: definition answers while the document has errors" || fail "lsp: definition with errors" "no answer"
pub "lsp: a line added above moves the kept findings down" 3 '{"start":{"line":5,"character":17},"end":{"line":5,"character":56}},"severity":3,"code":"BK3002"'
has "lsp: ... and the rule hover names is where it is now" '{"id":7,"result":{"contents":{"kind":"markdown","value":"**files read** `/usr/local`:\n- **allow** by `allow files read subpath \"/usr/local\"` at '"$L"'/kept.buckle:3:5'
has "lsp: ... and the code action edits where the finding is now" '{"id":8,"result":[{"title":"Also allow mach lookup \"com.apple.secd\"","kind":"quickfix","edit":{"changes":{"'"$U5"'":[{"range":{"start":{"line":6,"character":43},"end":{"line":6,"character":43}}'
nopub "lsp: a kept finding whose text is edited is dropped" 4 '{"start":{"line":5,"character":17},"end":{"line":5,"character":56}},"severity":3,"code":"BK3002"'
pub "lsp: ... the others stay" 4 '"code":"BK4001"'
nopub "lsp: ... and not brought back by undoing the edit" 5 '"character":56}},"severity":3,"code":"BK3002"'
pub "lsp: the error fixed, the findings are fresh" 6 '{"start":{"line":4,"character":17},"end":{"line":4,"character":56}},"severity":3,"code":"BK3002"'
nopub "lsp: ... and none says it is kept" 6 'kept from the last version'
pub "lsp: a whole-text change that breaks it keeps the findings of the unchanged part" 7 "$CONFIGD"
pub "lsp: ... with the new error" 7 '"code":"BK1001"'
