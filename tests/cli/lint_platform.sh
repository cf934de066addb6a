# lint_platform.sh - suppressions and platform blocks (docs/linux.md, "Rules
# for one platform"): a suppression on a rule of the other platform's block
# is not "unused" (BK0001), since that rule is not linted for this platform;
# one in the linted platform's block that silences nothing still is.
. tests/lib.sh
D="$TMP/lintplat"
rm -rf "$D"
mkdir -p "$D"
cat >"$D/p.buckle" <<'EOP'
platform linux {
    files {
        allow read "/etc";  # buckle: ignore[BK3002] -- silences nothing on Linux
    }
}
platform macos {
    mach {
        allow lookup "com.apple.SecurityServer";  # buckle: ignore[BK3002, BK4001, BK4002, BK4003] -- the keychain, on macOS
    }
    files {
        allow read "/Library";  # buckle: ignore[BK3002] -- silences nothing on macOS
    }
}
EOP
run "lint platform: linux" "$BUCKLE" lint --platform linux "$D/p.buckle"
expect_out_has "lint platform: --platform linux: an unused suppression in the linux block is BK0001" "p.buckle:3:29: warning: this suppression silenced nothing [BK0001"
if grep -q "p.buckle:8:.*BK0001\|p.buckle:11:.*BK0001" "$TMP/out"; then
    fail "lint platform: --platform linux: suppressions in the macos block are not BK0001" "$(grep BK0001 "$TMP/out")"
else pass "lint platform: --platform linux: suppressions in the macos block are not BK0001"; fi
run "lint platform: macos" "$BUCKLE" lint "$D/p.buckle"
expect_out_has "lint platform: macOS: an unused suppression in the macos block is BK0001" "p.buckle:11:33: warning: this suppression silenced nothing [BK0001"
if grep -q "p.buckle:3:.*BK0001\|p.buckle:8:.*BK0001" "$TMP/out"; then
    fail "lint platform: macOS: the used one and the one in the linux block are not BK0001" "$(grep BK0001 "$TMP/out")"
else pass "lint platform: macOS: the used one and the one in the linux block are not BK0001"; fi
# the standard library lints clean for Linux: its macOS-only suppressions
# are not reported
for f in corpus/std/keychain.buckle corpus/std/dev/python.buckle corpus/examples/agent.buckle; do
    run "lint platform: $f" "$BUCKLE" lint --platform linux "$f"
    if grep -q BK0001 "$TMP/out"; then fail "lint platform: $f --platform linux: no BK0001 for its macOS suppressions" "$(grep BK0001 "$TMP/out")"
    else pass "lint platform: $f --platform linux: no BK0001 for its macOS suppressions"; fi
done

# BK2005 on Linux: a value under /tmp, /var or /etc is no /private alias
# there, so a rule under one falls inside a final rule as on macOS
lp="$TMP/lint_platform_final"
mkdir -p "$lp"
printf 'extends "std/agent";\nfiles { allow write "/tmp/proj/.git/hooks"; }\n' >"$lp/hooks.buckle"
printf 'extends "std/agent";\nfiles { allow read literal "/tmp/.ssh/id_rsa"; }\n' >"$lp/ssh.buckle"
printf 'extends "std/agent";\nfiles { allow read literal "/etc/h/.ssh/id_rsa"; }\n' >"$lp/etc.buckle"
run "lint platform: linux final, WORKDIR under /tmp" "$BUCKLE" lint --platform linux "$lp/hooks.buckle"
expect_out_has "lint platform: linux final, WORKDIR under /tmp is BK2005" "it falls inside the final rule with WORKDIR=/tmp/proj"
run "lint platform: linux final, -D WORKDIR under /tmp" "$BUCKLE" lint --platform linux -D WORKDIR=/tmp/proj "$lp/hooks.buckle"
expect_out_has "lint platform: linux final, -D WORKDIR=/tmp/proj is BK2005" "[BK2005 final-violated]"
run "lint platform: linux final, HOME=/tmp" "$BUCKLE" lint --platform linux "$lp/ssh.buckle"
expect_out_has "lint platform: linux final, HOME=/tmp is BK2005" "it falls inside the final rule with HOME=/tmp"
run "lint platform: linux final, HOME under /etc" "$BUCKLE" lint --platform linux "$lp/etc.buckle"
expect_out_has "lint platform: linux final, HOME=/etc/h is BK2005" "it falls inside the final rule with HOME=/etc/h"
exit 0
