#!/bin/sh
# run_live.sh - tests that need the real Seatbelt (/usr/bin/sandbox-exec).
# On any other system each one is reported as skipped, never as passed.
set -u
B=${BUCKLE:-./buckle}
pass=0; fail=0; skip=0
ok() { pass=$((pass + 1)); echo "PASS live: $1"; }
ko() { fail=$((fail + 1)); echo "FAIL live: $1"; }
tests="writes-where-allowed no-create-in-profile-dir no-overwrite-of-profile no-overwrite-of-cache-entry no-rename-of-profile-dir no-change-of-own-source"
if [ "$(uname -s)" != Darwin ] || [ ! -x /usr/bin/sandbox-exec ]; then
    for t in $tests; do echo "SKIP live: $t (needs macOS and /usr/bin/sandbox-exec)"; skip=$((skip + 1)); done
    echo "live: $pass passed, $fail failed, $skip skipped"
    exit 0
fi
W=$(mktemp -d "${TMPDIR:-/tmp}/buckle-live.XXXXXX")
W=$(cd "$W" && pwd -P)
trap 'rm -rf "$W"' EXIT
cat >"$W/p.buckle" <<EOB
extends "std/base";
files { allow write "$W/out"; allow read "$W"; }
EOB
mkdir -p "$W/out"
PD="$(cd "${TMPDIR:-/tmp}" && pwd -P)/buckle-profiles-$(id -u)"
(cd "$W" && "$B" run "$W/p.buckle" -- sh -c "echo hi > '$W/out/x'") && [ -s "$W/out/x" ] && ok writes-where-allowed || ko writes-where-allowed
cat >"$W/open.sb" <<EOB
(version 1)
(allow default)
EOB
# even under (allow default) the sandboxed command cannot touch the profile directory
(cd "$W" && "$B" run --force "$W/open.sb" -- sh -c "touch '$PD/evil.sb'") 2>/dev/null
[ ! -e "$PD/evil.sb" ] && ok no-create-in-profile-dir || ko no-create-in-profile-dir
(cd "$W" && "$B" run --force "$W/open.sb" -- sh -c "for f in '$PD'/buckle-*.sb; do echo '(version 1)(allow default)' > \"\$f\" && exit 1; done; exit 0") 2>/dev/null \
    && ok no-overwrite-of-profile || ko no-overwrite-of-profile
# the run cache lives there too: an entry written by the first run stays as it was
entry=$(ls "$PD"/cache-*.bc 2>/dev/null | head -n 1)
if [ -n "$entry" ]; then
    cp "$entry" "$W/entry.copy"
    (cd "$W" && "$B" run --force "$W/open.sb" -- sh -c "echo tampered > '$entry'; rm -f '$entry'; ln -s /dev/null '$entry'") 2>/dev/null
    cmp -s "$entry" "$W/entry.copy" && ok no-overwrite-of-cache-entry || ko no-overwrite-of-cache-entry
else
    ko "no-overwrite-of-cache-entry (the first run stored no entry)"
fi
(cd "$W" && "$B" run --force "$W/open.sb" -- sh -c "mv '$PD' '$PD.moved'") 2>/dev/null
[ -d "$PD" ] && [ ! -e "$PD.moved" ] && ok no-rename-of-profile-dir || ko no-rename-of-profile-dir
# a profile that lets the command write its whole directory still cannot
# rewrite itself (the next run would compile what the sandbox wrote)
cat >"$W/self.buckle" <<EOB
extends "std/base";
files { allow write "$W"; allow read "$W"; }
EOB
cp "$W/self.buckle" "$W/self.copy"
(cd "$W" && "$B" run --force "$W/self.buckle" -- sh -c "echo 'files { allow write \"/\"; }' >> '$W/self.buckle'; touch '$W/other'") 2>/dev/null
cmp -s "$W/self.buckle" "$W/self.copy" && [ -e "$W/other" ] && ok no-change-of-own-source || ko no-change-of-own-source
echo "live: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
