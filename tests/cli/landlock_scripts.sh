# landlock_scripts.sh - a command that is a script, live (docs/linux.md,
# "Scripts"): the kernel executes the interpreter its "#!" line names, and
# maps that interpreter's dynamic loader; Landlock checks both.  buckle
# follows the "#!" lines, grants the loader the last interpreter needs (as
# for a program), and refuses before starting when the profile may not
# execute an interpreter, naming it and the rule to add.  std/agent runs
# the project's scripts.
. tests/lib.sh
linux_only "landlock scripts"
unset BUCKLE_SANDBOX_EXEC
runner_env      # $B the test build, with a run cache of the suite's own
R="$TMP/llscripts"
rm -rf "$R"
mkdir -p "$R/proj/tools" "$R/home" "$R/tmp" "$R/prof"
R=$(cd "$R" && pwd -P)
SH=$(readlink -f /bin/sh)
printf '#!/bin/sh\necho built\n' >"$R/proj/build.sh"
printf '#!/usr/bin/env sh\necho via-env\n' >"$R/proj/env.sh"
printf '#!/bin/sh\n./tools/step.sh && echo outer\n' >"$R/proj/outer.sh"
printf '#!/bin/sh\necho step\n' >"$R/proj/tools/step.sh"
printf '#!%s/proj/build.sh\n' "$R" >"$R/proj/nested.sh"
chmod +x "$R/proj/build.sh" "$R/proj/env.sh" "$R/proj/outer.sh" "$R/proj/tools/step.sh" "$R/proj/nested.sh"
A=--linux-accept=files
P=$(pwd)/corpus/std/agent.buckle
ag() { run "landlock scripts: $1" sh -c "cd '$R/proj' && HOME='$R/home' TMPDIR='$R/tmp' '$B' run $A '$P' -- $2"; }
ag "std/agent build.sh" ./build.sh
landlock_or_exit "landlock scripts"
expect_out_has "landlock scripts: std/agent runs a #!/bin/sh script of the project" "built"
ag "std/agent env.sh" ./env.sh
expect_out_has "landlock scripts: std/agent runs a #!/usr/bin/env sh script of the project" "via-env"
ag "std/agent outer.sh" ./outer.sh
expect_out_has "landlock scripts: ... one that runs another script of the project" "outer"
ag "std/agent nested.sh" ./nested.sh
expect_out_has "landlock scripts: ... and a script whose interpreter is a script of the project" "built"

# what tools read to describe the host (pip reads /etc/debian_version) and
# the file types by name (python's mimetypes)
for f in /etc/debian_version /etc/hostname /etc/lsb-release /etc/mime.types; do
    [ -f "$f" ] && [ ! -L "$f" ] || continue
    ag "std/agent reads $f" "/usr/bin/head -c 1 $f"
    expect_rc "landlock scripts: std/agent (std/base) lets $f be read" 0
done

# the login shells and man's configuration (read only)
for f in /etc/shells /etc/manpath.config; do
    [ -f "$f" ] && [ ! -L "$f" ] || continue
    ag "std/agent reads $f" "/usr/bin/head -c 1 $f"
    expect_rc "landlock scripts: std/agent lets $f be read" 0
done
if [ -x /usr/bin/man ] && [ -f /etc/manpath.config ] && /usr/bin/man -w ls >/dev/null 2>&1; then
    ag "std/agent man -w" "/usr/bin/man -w ls"
    expect_rc "landlock scripts: std/agent runs man (man -w ls)" 0
fi
# where /etc/resolv.conf is a link into /run (systemd-resolved), the kernel
# reads the target: std/network/open grants the usual targets
printf 'extends "std/agent", "std/network/open";\n' >"$R/prof/open.buckle"
run "landlock scripts: resolv targets" "$B" compile --target landlock "$R/prof/open.buckle"
expect_out_has "landlock scripts: std/network/open names systemd-resolved's resolv.conf" "/run/systemd/resolve/stub-resolv.conf"
expect_out_has "landlock scripts: ... and NetworkManager's" "/run/NetworkManager/resolv.conf"

# a "#!" line naming a FIFO (through a link a sandbox may make): buckle
# reads "#!" lines outside the sandbox and must not wait on one (the kernel
# executes regular files only); a guard ends the old behaviour, a hang
mkfifo "$R/fifo"
ln -s "$R/fifo" "$R/proj/fifolink"
printf '#!./fifolink\n' >"$R/proj/fifo.sh"
chmod +x "$R/proj/fifo.sh"
run "landlock scripts: fifo" sh -c "cd '$R/proj' && HOME='$R/home' TMPDIR='$R/tmp' timeout 60 '$B' run --no-cache $A '$P' -- ./fifo.sh"
if [ "$RC" -ne 124 ] && [ "$RC" -ne 0 ]; then pass "landlock scripts: a #! line naming a FIFO does not block buckle (exit $RC)"
else fail "landlock scripts: a #! line naming a FIFO does not block buckle" "rc $RC: $ERR"; fi
rm -f "$R/proj/fifolink" "$R/proj/fifo.sh" "$R/fifo"

# a profile that lets the project be executed, but not the shell
cat >"$R/prof/noshell.buckle" <<EOP
default deny;
files {
    allow read "/usr", "/etc", "/proc", "/dev", "$R/proj";
    allow exec-map "/usr/lib";
}
process { allow exec "$R/proj"; allow fork; }
EOP
run "landlock scripts: no shell" sh -c "cd '$R/proj' && '$B' run $A '$R/prof/noshell.buckle' -- ./build.sh"
expect_rc "landlock scripts: a script whose interpreter the profile may not execute is refused before it starts" 125
expect_err_has "landlock scripts: ... naming the script and its #! line" "the profile does not let $R/proj/build.sh start: it is a script whose #! line names /bin/sh"
expect_err_has "landlock scripts: ... and the rule to add" "add process { allow exec literal \"$SH\"; }"
# the shell allowed, the loader not named by the profile: granted as for a
# program (the weaker default the files class accepts)
cat >"$R/prof/shell.buckle" <<EOP
default deny;
files {
    allow read "/usr", "/etc", "/proc", "/dev", "$R/proj";
    allow exec-map "/usr/lib";
}
process { allow exec "$R/proj", "$SH"; allow fork; }
EOP
run "landlock scripts: shell" sh -c "cd '$R/proj' && '$B' run $A '$R/prof/shell.buckle' -- ./build.sh"
expect_out_has "landlock scripts: the interpreter's dynamic loader is granted as for a program" "built"
run "landlock scripts: shell -v" sh -c "cd '$R/proj' && '$B' run -v --no-cache $A '$R/prof/shell.buckle' -- ./build.sh"
expect_err_has "landlock scripts: ... and -v says so" "the dynamic loader, which the profile lets be mapped executable"
exit 0
