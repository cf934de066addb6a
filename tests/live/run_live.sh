#!/bin/sh
# run_live.sh - tests that need the real Seatbelt (/usr/bin/sandbox-exec).
# On any other system each one is reported as skipped, never as passed.
set -u
B=${BUCKLE:-./buckle}
pass=0; fail=0; skip=0
ok() { pass=$((pass + 1)); echo "PASS live: $1"; }
ko() { fail=$((fail + 1)); echo "FAIL live: $1"; }
tests="writes-where-allowed no-create-in-profile-dir no-overwrite-of-profile no-overwrite-of-cache-entry no-rename-of-profile-dir no-change-of-own-source no-plant-in-earlier-include no-replace-of-profile-link no-chmod-of-project-dir sigterm-forwarded profile-gone-once-applied sandbox-exec-not-overridable ctrl-c-once glob-qmark-one-character"
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
files { allow write "$W/out"; allow read "$W"; allow read "/bin", "/usr/bin"; }
process { allow exec "/bin", "/usr/bin"; }
EOB
mkdir -p "$W/out"
PD="$(cd "${TMPDIR:-/tmp}" && pwd -P)/buckle-profiles-$(id -u)"
CD="$(cd /tmp && pwd -P)/buckle-cache-$(id -u)"
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
# the run cache (one per user, whatever TMPDIR says): an entry written by
# the first run stays as it was
entry=$(ls "$CD"/cache-*.bc 2>/dev/null | head -n 1)
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
files { allow write "$W"; allow read "$W"; allow read "/bin", "/usr/bin"; }
process { allow exec "/bin", "/usr/bin"; }
EOB
cp "$W/self.buckle" "$W/self.copy"
(cd "$W" && "$B" run --force "$W/self.buckle" -- sh -c "echo 'files { allow write \"/\"; }' >> '$W/self.buckle'; touch '$W/other'") 2>/dev/null
cmp -s "$W/self.buckle" "$W/self.copy" && [ -e "$W/other" ] && ok no-change-of-own-source || ko no-change-of-own-source
# a base planted in an -I directory searched before the one that holds it
mkdir -p "$W/proj/inc" "$W/shared"
cat >"$W/shared/lib.buckle" <<EOB
files { allow read "/opt/shared"; }
EOB
cat >"$W/proj/p.buckle" <<EOB
extends "lib";
files { allow write "$W"; allow read "$W"; allow read "/bin", "/usr/bin"; }
process { allow exec "/bin", "/usr/bin"; }
EOB
(cd "$W/proj" && "$B" run -I ./inc -I "$W/shared" p.buckle -- sh -c "echo 'files { allow write \"/\"; }' > inc/lib.buckle; mkdir -p gen; touch '$W/proj/ran'") 2>/dev/null
[ -e "$W/proj/ran" ] && [ ! -e "$W/proj/inc/lib.buckle" ] && ok no-plant-in-earlier-include || ko no-plant-in-earlier-include
# the profile reached through a link: the link cannot be pointed elsewhere
mkdir -p "$W/proj/conf"
mv "$W/proj/p.buckle" "$W/proj/conf/real.buckle"
ln -s conf/real.buckle "$W/proj/p.buckle"
echo 'files { allow write "/"; }' >"$W/proj/evil.buckle"
(cd "$W/proj" && "$B" run -I "$W/shared" p.buckle -- sh -c "ln -sfn evil.buckle p.buckle; rm -f p.buckle; mv conf conf2") 2>/dev/null
[ "$(readlink "$W/proj/p.buckle")" = conf/real.buckle ] && [ -d "$W/proj/conf" ] && ok no-replace-of-profile-link || ko no-replace-of-profile-link
(cd "$W/proj" && "$B" run -I "$W/shared" p.buckle -- sh -c "chmod 0777 '$W/proj'") 2>/dev/null
[ "$(stat -f %Lp "$W/proj")" != 777 ] && ok no-chmod-of-project-dir || ko no-chmod-of-project-dir
# SIGTERM from another process (XNU's si_code is 0) reaches the command
rm -f "$W/started"
(cd "$W" && "$B" run "$W/p.buckle" -- sh -c "trap 'exit 99' TERM; touch '$W/started'; i=0; while [ \$i -lt 200 ]; do sleep 0.05; i=\$((i + 1)); done; exit 98") 2>/dev/null &
bpid=$!
i=0; while [ ! -e "$W/started" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
kill -TERM "$bpid"
wait "$bpid"; st=$?
[ "$st" -eq 99 ] && ok sigterm-forwarded || ko "sigterm-forwarded (status $st)"
# the profile file is removed as soon as sandbox-exec has applied it
(cd "$W" && "$B" run "$W/p.buckle" -- sh -c "sleep 0.3; ls '$PD' > '$W/out/listing'") 2>/dev/null
[ -f "$W/out/listing" ] && ! grep -q '^buckle-.*\.sb$' "$W/out/listing" && ok profile-gone-once-applied || ko profile-gone-once-applied
# the installed buckle ignores BUCKLE_SANDBOX_EXEC: the real sandbox-exec runs
rm -f "$W/out/ran"
(cd "$W" && BUCKLE_SANDBOX_EXEC=/usr/bin/true "$B" run "$W/p.buckle" -- sh -c "touch '$W/out/ran'") 2>/dev/null
[ -e "$W/out/ran" ] && ok sandbox-exec-not-overridable || ko sandbox-exec-not-overridable
# Ctrl-C typed on a terminal reaches the command once (it is in the
# terminal's foreground group already; buckle does not forward it again)
SIGSEND=${BUILD:-build}/sigsend
if [ -x "$SIGSEND" ]; then
    cat >"$W/ctrlc.sh" <<EOS
n=0
trap 'n=\$((n + 1)); echo \$n >"$W/out/count"' INT
touch "$W/out/started"
i=0; while [ \$i -lt 40 ]; do sleep 0.05; i=\$((i + 1)); done
exit 7
EOS
    rm -f "$W/out/started" "$W/out/count"
    (cd "$W" && "$SIGSEND" tty "$W/out/started" -- "$B" run "$W/p.buckle" -- /bin/sh "$W/ctrlc.sh") >/dev/null 2>&1
    st=$?
    [ "$st" -eq 7 ] && [ "$(cat "$W/out/count" 2>/dev/null)" = 1 ] && ok ctrl-c-once || ko "ctrl-c-once (status $st, count $(cat "$W/out/count" 2>/dev/null))"
else
    ko "ctrl-c-once ($SIGSEND was not built)"
fi
# a glob's '?' is one character however many bytes it has (docs/language.md):
# Seatbelt reads the byte classes of its regex as buckle's evaluator does
mkdir -p "$W/q"
cat >"$W/qmark.buckle" <<EOB
extends "std/base";
files { allow write "$W/q"; allow read "$W"; deny write glob "$W/q/?"; allow read "/bin", "/usr/bin"; }
process { allow exec "/bin", "/usr/bin"; }
EOB
e1=$(printf '\303\251'); e3=$(printf '\342\202\254')
(cd "$W" && "$B" run "$W/qmark.buckle" -- sh -c "touch '$W/q/$e1' '$W/q/$e3' '$W/q/a' '$W/q/$e1$e1' '$W/q/ab'") 2>/dev/null
[ ! -e "$W/q/$e1" ] && [ ! -e "$W/q/$e3" ] && [ ! -e "$W/q/a" ] && [ -e "$W/q/$e1$e1" ] && [ -e "$W/q/ab" ] \
    && ok glob-qmark-one-character || ko "glob-qmark-one-character ($(ls "$W/q" | tr '\n' ' '))"
echo "live: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
