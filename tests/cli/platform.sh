# platform.sh - `platform linux { ... }` and `platform macos { ... }` blocks
# (docs/language.md): parsed, formatted and linted everywhere; compiled for
# one platform (SBPL keeps the macos blocks, Landlock the linux ones);
# paths canonical the target's way (/tmp is /private/tmp on macOS only);
# and, on Linux, enforced live with `buckle run`, with `query --platform
# linux` agreeing with the kernel.  std/agent runs real tools on Linux.
. tests/lib.sh
runner_env      # $B the test build, with a run cache of the suite's own
ROOT=$(pwd)
R="$TMP/platform"
rm -rf "$R"
mkdir -p "$R/lin" "$R/mac" "$R/data" "$R/prof"
R=$(cd "$R" && pwd -P)
echo linux-side >"$R/lin/a.txt"
echo mac-side >"$R/mac/a.txt"
echo data >"$R/data/one.txt"

# ---- the language ---------------------------------------------------------
cat >"$R/prof/p.buckle" <<EOP
default deny;
files {
    allow read "/usr", "/etc", "/proc", "/dev", "$R/prof";
    allow exec-map "/usr/lib";
}
process { allow exec "/usr/bin"; allow fork; }
platform linux {
    files { allow read "$R/lin"; }
}
platform macos {
    files { allow read "$R/mac"; }
    mach { allow lookup "com.apple.system.logger"; }
}
EOP
P="$R/prof/p.buckle"

run "platform: compile for macOS" "$B" compile "$P"
expect_rc "platform: a profile with platform blocks compiles for macOS" 0
expect_out_has "platform: SBPL holds the macos block's rules" "(subpath \"/private$R/mac\")"
expect_out_has "platform: ... all of them (mach too)" "com.apple.system.logger"
expect_out_lacks "platform: SBPL shows nothing of the linux block" "$R/lin"
run "platform: compile for Landlock" "$B" compile --target landlock "$P"
expect_rc "platform: a profile with platform blocks compiles for Landlock" 0
expect_out_has "platform: the Landlock ruleset holds the linux block's path" "\"path\": \"$R/lin\""
expect_out_lacks "platform: ... and nothing of the macos block" "$R/mac"
expect_out_lacks "platform: ... not even its mach rule" "com.apple.system.logger"
expect_out_lacks "platform: Linux paths are not moved under /private" "/private"

# an unknown platform: one error with its place and the names
printf 'default deny;\nplatform windows {\n    files { allow read "/x"; }\n}\n' >"$R/prof/bad.buckle"
run "platform: unknown name" "$B" compile "$R/prof/bad.buckle"
expect_rc "platform: an unknown platform is an error" 1
expect_err_has "platform: ... at file:line:col" "bad.buckle:2:10: error: unknown platform \"windows\""
expect_err_has "platform: ... naming the platforms" "the platforms are linux and macos"
printf 'platform linx {\n    files { allow read "/x"; }\n}\n' >"$R/prof/typo.buckle"
run "platform: typo" "$B" lint "$R/prof/typo.buckle"
expect_out_has "platform: a misspelt platform gets a suggestion" "did you mean \"linux\"?"
printf 'platform linux {\n    files { allow read "/x"; }\nparam A;\n' >"$R/prof/open.buckle"
run "platform: unclosed" "$B" compile "$R/prof/open.buckle"
expect_rc "platform: an unclosed platform block is an error" 1
expect_err_has "platform: ... before the statement that cannot be inside it" "open.buckle:3:1: error: expected '}' before param: the platform block is not closed"
expect_err_has "platform: ... with where it opens" "open.buckle:1:16: note: the platform block opens here"
printf 'platform linux {\n    platform macos { }\n}\n' >"$R/prof/nest.buckle"
run "platform: nested" "$B" compile "$R/prof/nest.buckle"
expect_rc "platform: platform blocks do not nest" 1
expect_err_has "platform: ... said at the inner one" "nest.buckle:2:5: error: expected '}' before platform"

# lint (which compiles for macOS) still checks the rules of a linux block
printf 'default deny;\nplatform linux {\n    files { allow read "rel", "$NOPE/x"; }\n}\n' >"$R/prof/lint.buckle"
run "platform: lint inside" "$B" lint "$R/prof/lint.buckle"
expect_rc "platform: lint fails on errors inside a linux block" 1
expect_out_has "platform: ... a bad path, at its place" "lint.buckle:3:24: error: relative path \"rel\""
expect_out_has "platform: ... an unknown variable, at its place" "lint.buckle:3:32: error: unknown variable \$NOPE"
printf 'default deny;\nparam ONLY_LINUX;\nplatform linux {\n    files { allow read "$ONLY_LINUX"; }\n}\n' >"$R/prof/used.buckle"
run "platform: used param" "$B" lint -D ONLY_LINUX=/x "$R/prof/used.buckle"
if grep -q "BK2002\|unused" "$TMP/out" "$TMP/err"; then fail "platform: a parameter used only in a linux block counts as used" "$ERR"
else pass "platform: a parameter used only in a linux block counts as used"; fi

printf 'default deny;\nplatform linux {\n    files { allow write literal "~/.bashrc"; }\n}\n' >"$R/prof/lintlin.buckle"
run "platform: lint macOS policy" "$B" lint "$R/prof/lintlin.buckle"
expect_out_lacks "platform: lint's rules see the macOS policy by default (no linux block)" "BK3004"
run "platform: lint Linux policy" "$B" lint --platform linux "$R/prof/lintlin.buckle"
expect_out_has "platform: lint --platform linux runs them on the linux blocks" "lintlin.buckle:3:33: warning: "
expect_out_has "platform: ... (a writable start-up file)" "BK3004"
run "platform: lint bad platform" "$B" lint --platform bsd "$R/prof/lintlin.buckle"
expect_rc "platform: lint --platform takes macos or linux" 2

# fmt: the canonical layout, and idempotent
printf 'default deny;\n  platform   linux {\nfiles { allow read "/x";\n allow read "/z"; }\n    # why\n  mach {\n}\n}\n' >"$R/prof/f.buckle"
run "platform: fmt" "$B" fmt "$R/prof/f.buckle"
printf 'default deny;\nplatform linux {\n    files { allow read "/x";\n        allow read "/z"; }\n    # why\n    mach {\n    }\n}\n' >"$R/want.fmt"
expect_same "platform: fmt lays out a platform block like a section, one level in" "$TMP/out" "$R/want.fmt"
cp "$TMP/out" "$R/prof/f2.buckle"
run "platform: fmt again" "$B" fmt --check "$R/prof/f2.buckle"
expect_rc "platform: fmt is idempotent on platform blocks" 0

# precedence and final: a linux block's rules merge like any others, for
# Linux only
cat >"$R/prof/base.buckle" <<EOP
default deny;
platform linux {
    files { deny final read "$R/lin/secret"; }
}
EOP
cat >"$R/prof/child.buckle" <<EOP
extends "./base";
files { allow read "$R/lin/secret/key"; }
EOP
run "platform: final for Linux" "$B" compile --target landlock "$R/prof/child.buckle"
expect_rc "platform: a final deny of a linux block binds the files that extend it (Landlock)" 1
expect_err_has "platform: ... reported as a final conflict" "BK2005"
run "platform: final checked for macOS" "$B" compile "$R/prof/child.buckle"
expect_rc "platform: ... and the conflict is an error for macOS too (the profile would break on Linux)" 1
expect_err_has "platform: ... named as Linux's" "error: on linux: allow contradicts a final deny [BK2005"
run "platform: final dropped for macOS" "$B" compile "$R/prof/base.buckle"
expect_rc "platform: a linux block's final rule compiles for macOS" 0
expect_out_lacks "platform: ... and is not part of the macOS policy" "lin/secret"

# ---- canonical paths per platform (these failed when every target had
# macOS's /tmp -> /private/tmp) -------------------------------------------
printf 'default deny;\nfiles { allow read "/tmp/buckle-x"; }\n' >"$R/prof/tmp.buckle"
run "platform: macOS canonical" "$B" compile "$R/prof/tmp.buckle"
expect_out_has "platform: on macOS /tmp is /private/tmp" "(subpath \"/private/tmp/buckle-x\")"
run "platform: query macOS" "$B" query "$R/prof/tmp.buckle" files read /tmp/buckle-x/f
expect_out_has "platform: a macOS query object is spelled the macOS way" "allow /private/tmp/buckle-x/f"
run "platform: query linux object" "$B" query --platform linux "$R/prof/tmp.buckle" files read /tmp/buckle-x/f
expect_out_has "platform: a Linux query object stays as written" "/tmp/buckle-x/f"
expect_out_lacks "platform: ... not under /private" "/private"
printf 'default deny;\nfiles { allow read literal "/private/etc/passwd"; }\n' >"$R/prof/priv.buckle"
run "platform: /private on Linux" "$B" query --platform linux "$R/prof/priv.buckle" file-read-data /etc/passwd
expect_out_has "platform: on Linux /private/etc/passwd is not /etc/passwd" "deny /etc/passwd"
printf 'default deny;\nparam D;\nfiles { allow read "$D"; }\n' >"$R/prof/def.buckle"
run "platform: -D on Linux" "$B" query --platform linux -D D=/private/etc "$R/prof/def.buckle" file-read-data /etc/passwd
expect_out_has "platform: a -D value is not moved out of /private on Linux" "deny /etc/passwd"
run "platform: -D on macOS" "$B" compile -D D=/etc "$R/prof/def.buckle"
expect_out_has "platform: a -D value is moved under /private on macOS" "/private/etc"
run "platform: -D for Landlock" "$B" compile --target landlock -D D=/etc "$R/prof/def.buckle"
expect_out_has "platform: ... and kept as given for Landlock" "\"path\": \"/etc\""
# the regex names $R with its dots escaped: an unescaped "." would make the
# pattern reach every /tmp/buckle-test?* directory, and the plan's walk of
# them (other runs' leftovers) could use up its entry budget first
Rq=$(printf '%s' "$R" | sed 's/\./\\\\./g')
cat >"$R/prof/re.buckle" <<EOP
default deny;
files {
    allow read "/usr", "/etc", "/proc", "/dev";
    allow read regex "^$Rq/data/[a-z]+\\\\.txt\$";
    allow exec-map "/usr/lib";
}
process { allow exec "/usr/bin"; allow fork; }
EOP
run "platform: regex query" "$B" query --platform linux "$R/prof/re.buckle" file-read-data "$R/data/one.txt"
expect_out_has "platform: a regex naming a Linux path matches it" "allow $R/data/one.txt"
# an escaped character is part of the pattern's fixed start: "esc\\.d"
# reaches neither esc-d nor its 20001 entries (the plan's walk of them
# used up its entry budget before esc.d, which sorts after it)
mkdir -p "$R/esc-d" "$R/esc.d"
(cd "$R/esc-d" && seq 1 20001 | xargs touch)
echo escaped >"$R/esc.d/one.txt"
printf 'default deny;\nfiles { allow read regex "^%s/esc\\\\.d/[a-z]+\\\\.txt$"; }\n' "$Rq" >"$R/prof/esc.buckle"
run "platform: escaped regex query" "$B" query --platform linux "$R/prof/esc.buckle" file-read-data "$R/esc.d/one.txt"
expect_out_has "platform: a regex's escaped dot keeps its walk out of a sibling" "allow $R/esc.d/one.txt"
# unescaped, the dot reaches esc-d, whose entries use up the walk: query
# says the plan left paths out rather than only "no grant"
printf 'default deny;\nfiles { allow read regex "^%s/esc.d/[a-z]+\\\\.txt$"; }\n' "$Rq" >"$R/prof/esc-dot.buckle"
run "platform: unescaped regex query" "$B" query --platform linux "$R/prof/esc-dot.buckle" file-read-data "$R/esc.d/one.txt"
expect_out_has "platform: a denial the plan's cut may explain says so" "the plan left paths out, and this may be one of them: $R/esc-d: too many entries"
rm -rf "$R/esc-d"

# ---- live, on Linux -------------------------------------------------------
if [ "$(uname -s)" != Linux ]; then echo "SKIP platform: live checks: not Linux" >>"$RESULTS"; exit 0; fi
A=--linux-accept=files
run "platform: probe" "$B" run $A "$P" -- /usr/bin/true
if grep -q "offers no Landlock" "$TMP/err"; then
    echo "SKIP platform: live checks: this kernel has no Landlock" >>"$RESULTS"
    exit 0
fi
expect_rc "platform: a profile with platform blocks runs on Linux" 0
agree() {  # NAME KERNEL_RC PROFILE QUERY-ARGS...
    _n=$1; _k=$2; _p=$3; shift 3
    "$B" query --platform linux "$_p" "$@" >"$TMP/q" 2>&1
    ans=$(head -1 "$TMP/q" | cut -d' ' -f1)
    want=deny; [ "$_k" -eq 0 ] && want=allow
    if [ "$ans" = "$want" ]; then pass "platform: query --platform linux agrees: $_n"
    else fail "platform: query --platform linux agrees: $_n" "kernel says $want, query says: $(cat "$TMP/q")"; fi
}
run "platform: linux block read" "$B" run $A "$P" -- /usr/bin/cat "$R/lin/a.txt"
expect_rc "platform: the linux block is enforced (its read succeeds)" 0
expect_out_has "platform: ... and returns the file" "linux-side"
agree "the linux block's read" $RC "$P" file-read-data "$R/lin/a.txt"
run "platform: macos block read" "$B" run $A "$P" -- /usr/bin/cat "$R/mac/a.txt"
expect_rc "platform: the macos block is ignored on Linux (its read fails)" 1
expect_err_has "platform: ... with EACCES" "Permission denied"
agree "the macos block's read" $RC "$P" file-read-data "$R/mac/a.txt"
run "platform: regex live" "$B" run $A "$R/prof/re.buckle" -- /usr/bin/cat "$R/data/one.txt"
expect_rc "platform: a regex naming a path under /tmp grants it under Landlock" 0
agree "the regex's read" $RC "$R/prof/re.buckle" file-read-data "$R/data/one.txt"

# `target "self"` process information opens no other process's /proc/PID
# (std/base has it, and reads /proc on Linux)
cat >"$R/prof/proc.buckle" <<EOP
default deny;
files { allow read "/usr", "/etc", "/proc", "/dev"; allow exec-map "/usr/lib"; }
process { allow exec "/usr/bin"; allow fork; allow info target "self"; }
EOP
run "platform: own /proc" "$B" run $A "$R/prof/proc.buckle" -- /usr/bin/cat /proc/self/status
expect_rc "platform: the command reads its own /proc entries" 0
sleep 30 &
opid=$!
run "platform: other /proc" "$B" run $A "$R/prof/proc.buckle" -- /usr/bin/cat "/proc/$opid/environ"
expect_rc "platform: info target \"self\" does not open another process's /proc/PID" 1
expect_err_has "platform: ... with EACCES" "Permission denied"
kill "$opid" 2>/dev/null

# std/agent on Linux: real tools, with files the only accepted class (the
# metadata writes its credential denies cannot stop, docs/linux.md)
W="$R/work"
mkdir -p "$W/src" "$R/home/.ssh" "$R/data/sub"
echo key >"$R/home/.ssh/id_ed25519"
echo "hello" >"$W/src/in.txt"
printf 'extends "std/agent";\n' >"$R/prof/agent.buckle"
(cd "$W" && HOME="$R/home" TMPDIR="$R/data" "$B" run "$R/prof/agent.buckle" -- /bin/true) >"$TMP/out" 2>"$TMP/err"
if grep -q -- "--linux-accept=files" "$TMP/err" && ! grep -q -- "--linux-accept=\(network\|ipc\|ports\|process\)" "$TMP/err"; then
    pass "platform: std/agent on Linux needs only --linux-accept=files"
else fail "platform: std/agent on Linux needs only --linux-accept=files" "$(cat "$TMP/err")"; fi
(cd "$W" && HOME="$R/home" TMPDIR="$R/data" "$B" run $A "$R/prof/agent.buckle" -- \
    sh -c 'cat src/in.txt && echo made >src/out.txt && cat src/out.txt && mkdir -p "$TMPDIR/sub" && echo tmp >"$TMPDIR/sub/t.txt"') >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc "platform: std/agent runs sh on Linux (read, write in the project and in TMPDIR)" 0
expect_out_has "platform: ... which reads the project" "hello"
expect_out_has "platform: ... and writes in it" "made"
(cd "$W" && HOME="$R/home" TMPDIR="$R/data" "$B" run $A "$R/prof/agent.buckle" -- /usr/bin/cat "$R/home/.ssh/id_ed25519") >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc "platform: std/agent keeps ~/.ssh closed on Linux" 1
expect_out_lacks "platform: ... nothing of the key is read" "key"
(cd "$W" && HOME="$R/home" TMPDIR="$R/data" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo x >"$HOME/.ssh/new"') >"$TMP/out" 2>"$TMP/err"
RC=$?
[ "$RC" -ne 0 ] && [ ! -e "$R/home/.ssh/new" ] && pass "platform: std/agent cannot write ~/.ssh on Linux" \
    || fail "platform: std/agent cannot write ~/.ssh on Linux" "rc $RC"
if command -v git >/dev/null 2>&1; then
    (cd "$W" && git init -q . && git add src/in.txt) >/dev/null 2>&1
    printf 'extends "std/agent", "std/dev/git";\n' >"$R/prof/git.buckle"
    (cd "$W" && HOME="$R/home" TMPDIR="$R/data" "$B" run $A "$R/prof/git.buckle" -- git status --short) >"$TMP/out" 2>"$TMP/err"
    RC=$?
    expect_rc "platform: std/agent with std/dev/git runs git status on Linux" 0
    expect_out_has "platform: ... which sees the project" "A  src/in.txt"
else
    fail "platform: git" "git is not installed"
fi
# the example of the README: the classes it needs on Linux
(cd "$W" && HOME="$R/home" TMPDIR="$R/data" "$B" run "$ROOT/corpus/examples/agent.buckle" -- /bin/true) >"$TMP/out" 2>"$TMP/err"
if grep -q -- "--linux-accept=ports" "$TMP/err" && ! grep -q -- "--linux-accept=\(network\|ipc\|process\)" "$TMP/err"; then
    pass "platform: corpus/examples/agent.buckle needs only files and ports on Linux"
else fail "platform: corpus/examples/agent.buckle needs only files and ports on Linux" "$(cat "$TMP/err")"; fi
