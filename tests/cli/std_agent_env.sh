# std_agent_env.sh - std/agent keeps the project's environment files (.env,
# .env.local) and buckle lint's configuration (.buckle-lint.conf) at the
# project's top out of the sandbox's reach (docs/std.md): tools outside the
# sandbox load the first by themselves (a shell's dotenv plugin at each cd,
# aider's lint and test commands, Gemini CLI, docker compose), and the
# second decides what `buckle lint` shows of the profile.  Static (query),
# then live on Linux: one that exists at launch stays unwritable, one made
# during the run fails it, named.
. tests/lib.sh
S="$TMP/stdagentenv"
rm -rf "$S"
mkdir -p "$S"
printf 'extends "std/agent";\n' >"$S/agent.buckle"
W=/home/u/w
for f in .env .env.local .buckle-lint.conf; do
    run "std agent env: $f" "$BUCKLE" query -D HOME=/home/u -D WORKDIR=$W "$S/agent.buckle" files write "$W/$f"
    case "$OUT" in deny*) pass "std agent env: the project's $f is not writable";;
        *) fail "std agent env: the project's $f is not writable" "$(head -2 "$TMP/out")";; esac
done
# a template, a package's own .env and a lint configuration in a
# subdirectory stay the project's
for f in .env.example .envrc.example src/.env packages/a/.buckle-lint.conf; do
    run "std agent env: $f" "$BUCKLE" query -D HOME=/home/u -D WORKDIR=$W "$S/agent.buckle" files write "$W/$f"
    case "$OUT" in allow*) pass "std agent env: $f stays writable";; *) fail "std agent env: $f stays writable" "$(head -2 "$TMP/out")";; esac
done
rm -rf "$S"

# live: an existing .env stays unwritable (the run goes on); a .env, and a
# .buckle-lint.conf, made by the command fail the run and are named
agent_setup stdenv "std agent env: live"
echo 'API_URL=http://localhost' >"$U/w/.env"
A="--no-cache --linux-accept=files,new-paths"
run "std agent env: live existing" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$P' -- sh -c 'echo BASH_ENV=/tmp/x >>.env && echo APPENDED; echo x >src.c && echo SRC; true'"
if grep -q "offers no Landlock" "$TMP/err"; then echo "SKIP std agent env: live: no Landlock" >>"$RESULTS"; exit 0; fi
expect_rc "std agent env: live: an existing .env that cannot be written leaves the run as it was" 0
expect_out_lacks "std agent env: live: the project's existing .env cannot be appended to" APPENDED
expect_out_has "std agent env: live: the project's other files stay writable" SRC
grep -q BASH_ENV "$U/w/.env" && fail "std agent env: live: ... and .env is unchanged" "$(cat "$U/w/.env")" \
    || pass "std agent env: live: ... and .env is unchanged"
rm -f "$U/w/.env"
run "std agent env: live new .env" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$P' -- sh -c 'printf \"AIDER_LINT_CMD=sh build/x.sh\\n\" >.env; true'"
expect_rc "std agent env: live: a .env made by the command fails the run" 125
expect_err_has "std agent env: live: ... naming it" "$U/w/.env"
rm -f "$U/w/.env"
run "std agent env: live new .buckle-lint.conf" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$P' -- sh -c 'printf \"ignore = BK3\\n\" >.buckle-lint.conf; true'"
expect_rc "std agent env: live: a .buckle-lint.conf made by the command fails the run" 125
expect_err_has "std agent env: live: ... naming it" "$U/w/.buckle-lint.conf"
# a .env that is a symbolic link: the kernel checks its target, which the
# deny does not name, so the run is refused (class links), naming both
echo 'A=1' >"$U/w/.env.development"
ln -s .env.development "$U/w/.env"
run "std agent env: live .env link" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$P' -- sh -c 'echo RAN'"
expect_rc "std agent env: live: a .env that is a symbolic link refuses the run" 125
expect_out_lacks "std agent env: live: ... before the command starts" RAN
expect_err_has "std agent env: live: ... naming the link's target" "$U/w/.env.development"
