# test_platform.sh - `buckle test --platform linux|macos`: a profile's Linux
# half tested as `buckle query --platform linux` answers (the Landlock plan
# made here and now), test blocks inside `platform` blocks run only for that
# platform, and TAP and JUnit say which platform they are for.
. tests/lib.sh
if [ "$(uname -s)" != Linux ]; then echo "SKIP test --platform: every check: not Linux (/proc, the Landlock plan of a Linux host)" >>"$RESULTS"; exit 0; fi
P="$TMP/tplat"
rm -rf "$P"
mkdir -p "$P/proj/src" "$P/proj/.git/hooks" "$P/home/.ssh" "$P/data"
echo key >"$P/home/.ssh/id_ed25519"
echo pub >"$P/data/pub.txt"
echo secret >"$P/data/secret.txt"
P=$(cd "$P" && pwd -P)
W="$P/proj"
H="$P/home"

# std/agent's Linux half, with tests for each platform and for both
cat >"$P/agent.buckle" <<EOF
extends "std/agent";
files {
    allow read "$P/data";
    deny read literal "$P/data/secret.txt";
}
platform linux {
    test "linux half" {
        expect allow files write "\$WORKDIR/src/main.c";
        expect deny  files file-write-data "\$WORKDIR/.git/hooks/pre-commit";
        expect deny  files file-write-create "\$WORKDIR/.git/hooks/pre-commit";
        expect deny  files file-read-data "~/.ssh/id_ed25519";
        expect allow files file-write-data "/dev/ptmx";
        expect allow process exec "/usr/bin/env";
        expect deny  network outbound "*:443";
        expect allow files file-read-data "$P/data/pub.txt";
        expect deny  files file-read-data "/private$P/data/pub.txt";
        expect allow files file-read-data "/proc/self/status";
        expect deny  files file-read-data "/proc/self/root$P/data/secret.txt";
        expect allow mach lookup "com.apple.system.logger";
        expect allow files file-read-data "/proc/self/fd/0";
    }
}
platform macos {
    test "macos half" {
        expect allow files read "/System/Library/Frameworks/x";
        expect allow files file-read-data "/private$P/data/pub.txt";
    }
}
test "both" {
    expect deny files file-read-data "$P/data/secret.txt";
}
EOF
DEFS="-D WORKDIR=$W -D HOME=$H"

run "test --platform linux" "$BUCKLE" test --platform linux --landlock-abi 7 $DEFS "$P/agent.buckle"
expect_rc "test --platform linux: the Linux half holds" 0
expect_out_has "test --platform linux: the linux block ran" "$P/agent.buckle: test \"linux half\": 11 passed, 0 failed, 2 skipped"
expect_out_has "test --platform linux: the block for both ran" "$P/agent.buckle: test \"both\": 1 passed, 0 failed"
expect_out_lacks "test --platform linux: not the macos block" "macos half"
expect_out_has "test --platform linux: the summary names the platform" "12 passed, 0 failed, 2 skipped (linux, landlock ABI 7)"
expect_out_has "test --platform linux: an operation Linux does not have is skipped, not passed" \
    "agent.buckle:19:9: skip: expect allow mach lookup \"com.apple.system.logger\" is not answered on Linux: no such operation on Linux"
expect_out_lacks "test --platform linux: a /proc/self link known only at run time is skipped" "agent.buckle:20:9: FAIL"
expect_out_has "test --platform linux: the /proc/self/fd skip says why" "agent.buckle:20:9: skip: expect allow files file-read-data \"/proc/self/fd/0\" is not answered on Linux: /proc/self/fd/N leads to"

run "test: macos is the default" "$BUCKLE" test $DEFS "$P/agent.buckle"
expect_rc "test (macos): passes" 0
expect_out_has "test (macos): the macos block ran" "$P/agent.buckle: test \"macos half\": 2 passed, 0 failed"
expect_out_lacks "test (macos): not the linux block" "linux half"
expect_out_has "test (macos): the summary as before" "3 passed, 0 failed"
cp "$TMP/out" "$P/default.out"
run "test --platform macos" "$BUCKLE" test --platform macos $DEFS "$P/agent.buckle"
cp "$TMP/out" "$P/macos.out"
expect_same "test --platform macos: the same bytes as the default" "$P/default.out" "$P/macos.out"
run "test --platform=linux, no abi" "$BUCKLE" test --platform=linux $DEFS "$P/agent.buckle"
expect_rc "test --platform=linux: the kernel's ABI (or the newest) also holds" 0

# what Landlock cannot hold fails, with the reason and the profile's answer
cat >"$P/meta.buckle" <<EOF
extends "std/agent";
test "metadata" {
    expect deny files read "~/.ssh/id_ed25519";
    expect allow files file-read-data "/private$P/data/pub.txt";
    expect deny files file-read-data "/proc/self/root$P/data/pub.txt";
}
files { allow read "$P/data"; }
EOF
run "test --platform linux: what Landlock does not control" "$BUCKLE" test --platform linux --landlock-abi 7 $DEFS "$P/meta.buckle"
expect_rc "test --platform linux: a failing expectation exits 1" 1
expect_out_has "test --platform linux: metadata is not denied on Linux" \
    "$P/meta.buckle:3:5: FAIL: expected deny files read \"$H/.ssh/id_ed25519\", but 2 of the 3 operations of read are not denied (file-read-metadata, file-read-xattr)"
expect_out_has "test --platform linux: why, from the plan" "  on Linux (landlock ABI 7), file-read-metadata: not controlled by Landlock"
expect_out_has "test --platform linux: what the profile says" "  the profile says deny: decided by std/agent.buckle:"
expect_out_has "test --platform linux: /private is a path Linux does not have" \
    "$P/meta.buckle:4:5: FAIL: expected allow files file-read-data \"/private$P/data/pub.txt\", but it is denied"
expect_out_has "test --platform linux: /proc/self/root leads to the file" \
    "$P/meta.buckle:5:5: FAIL: expected deny files file-read-data \"/proc/self/root$P/data/pub.txt\", but it is allowed"
expect_out_has "test --platform linux: the grant that allows it" "read_file granted on $P/data"
# the same answers as query --platform linux
run "query --platform linux: the same object" "$BUCKLE" query --platform linux --landlock-abi 7 $DEFS "$P/meta.buckle" files read "~/.ssh/id_ed25519"
expect_out_has "query --platform linux: agrees on metadata" "allow file-read-metadata file-read-xattr $H/.ssh/id_ed25519"
expect_out_has "query --platform linux: agrees on the content" "deny file-read-data $H/.ssh/id_ed25519"
run "test (macos): the same file" "$BUCKLE" test $DEFS "$P/meta.buckle"
expect_out_has "test (macos): metadata is denied on macOS" "3 passed, 0 failed"
expect_out_lacks "test (macos): no Linux line" "on Linux"

# TAP and JUnit carry the platform
run "test --platform linux --format tap" "$BUCKLE" test --platform linux --landlock-abi 7 --format tap $DEFS "$P/agent.buckle"
expect_rc "test tap (linux): exits 0" 0
expect_out_has "test tap (linux): the platform" "# platform: linux, landlock ABI 7"
expect_out_has "test tap (linux): a skip directive" "ok 12 - $P/agent.buckle: test \"linux half\": 19:9: expect allow mach lookup \"com.apple.system.logger\" # SKIP no such operation on Linux"
expect_out_has "test tap (linux): counts" "# 12 passed, 0 failed, 2 skipped"
run "test --format tap (macos)" "$BUCKLE" test --format tap $DEFS "$P/agent.buckle"
expect_out_has "test tap (macos): the platform" "# platform: macos"
run "test --platform linux --format junit" "$BUCKLE" test --platform linux --landlock-abi 7 --format junit $DEFS "$P/agent.buckle"
expect_out_has "test junit (linux): totals with skips" '<testsuites tests="14" failures="0" errors="0" skipped="2">'
expect_out_has "test junit (linux): the suite's skips" 'tests="13" failures="0" errors="0" skipped="2">'
expect_out_has "test junit (linux): the platform" '<property name="platform" value="linux"/>'
expect_out_has "test junit (linux): the ABI" '<property name="landlock-abi" value="7"/>'
expect_out_has "test junit (linux): a skipped case" '<skipped message="no such operation on Linux"/>'
run "test --format junit (macos)" "$BUCKLE" test --format junit $DEFS "$P/agent.buckle"
expect_out_has "test junit (macos): the platform" '<property name="platform" value="macos"/>'
expect_out_lacks "test junit (macos): no ABI" 'landlock-abi'

# usage errors, as query's
run "test --platform bsd" "$BUCKLE" test --platform bsd "$P/agent.buckle"
expect_rc "test --platform bsd: usage error" 2
expect_err_has "test --platform bsd: names the choices" "buckle test: error: --platform takes macos or linux, not bsd"
run "test --landlock-abi without linux" "$BUCKLE" test --landlock-abi 3 "$P/agent.buckle"
expect_rc "test --landlock-abi without --platform linux: usage error" 2
expect_err_has "test --landlock-abi: needs linux" "--landlock-abi needs --platform linux"
run "test --landlock-abi 9" "$BUCKLE" test --platform linux --landlock-abi 9 "$P/agent.buckle"
expect_rc "test --landlock-abi 9: usage error" 2
run "query --landlock-abi 0" "$BUCKLE" query --platform linux --landlock-abi 0 "$P/agent.buckle" files read /usr
expect_err_has "query --landlock-abi 0: the same option, the same words" "buckle query: error: --landlock-abi takes 1 to 7, not 0"

# a test block in a platform block is checked on every platform
printf 'platform linux {\n    test "x" { expect allow files read "/usr"; \n' >"$P/open.buckle"
run "test: an unclosed test block in a platform block" "$BUCKLE" test "$P/open.buckle"
expect_rc "test: a syntax error inside platform's test exits 1" 1
expect_err_has "test: the test block is not closed" "open.buckle:2:"

# --platform linux: a failure under a built-in test value that does not
# exist says which -D to pass; --linux-accept plans as buckle run does
if [ "$(uname -s)" = Linux ]; then
    mkdir -p "$P/acc/w"
    W=$(cd "$P/acc/w" && pwd -P)
    cat >"$P/acc/a.buckle" <<'EOF2'
default deny;
files {
    allow read "/usr";
    allow write "$WORKDIR";
    deny write "$WORKDIR/.husky";
}
test "out" {
    expect allow files write "$WORKDIR/out/x";
}
EOF2
    run "test --platform linux: test values" "$BUCKLE" test --platform linux "$P/acc/a.buckle"
    expect_out_has "test --platform linux: the missing test value is named" "/Users/test/project is the built-in test value of WORKDIR and does not exist here: pass -D WORKDIR=..."
    run "test --platform linux: without new-paths" "$BUCKLE" test --platform linux -D WORKDIR="$W" "$P/acc/a.buckle"
    expect_rc "test --platform linux: a new entry beside an absent deny fails without new-paths" 1
    run "test --platform linux: with new-paths" "$BUCKLE" test --platform linux --linux-accept=new-paths -D WORKDIR="$W" "$P/acc/a.buckle"
    expect_rc "test --platform linux: --linux-accept=new-paths plans as buckle run does" 0
fi
