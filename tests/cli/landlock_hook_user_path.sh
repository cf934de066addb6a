# landlock_hook_user_path.sh - a git hook's programs found where the user's
# next commit finds them (docs/linux.md, "Repositories beneath the working
# directory"): a program named bare (`ruff check .`, `#!/usr/bin/env bash`)
# is looked up through the PATH buckle was started with, which the shell
# running the hook has; one in a PATH directory of the project (an
# activated .venv/bin, node_modules/.bin, the .envrc's PATH_add bin),
# there or not yet, is the command's to write, so the run is refused
# (exit 125).  A program, a script an interpreter runs, or a variable's
# program the hook runs ($INSTALL_PYTHON) that is not there yet, in a
# directory not there yet, counts when the command may make it.
. tests/lib.sh
agent_setup llhup "landlock hook user path"
A="--no-cache --linux-accept=files,new-paths"
W=$U/w
H=$W/.git/hooks
XP=/usr/bin:/bin
inrun() {  # COMMAND
    run "landlock hook user path" sh -c "cd '$W' && env HOME='$U/home' TMPDIR='$U/tmp' PATH='$XP:$PATH' '$B' run $A '$P' -- sh -c '$1'"
}
inrun true
landlock_or_exit "landlock hook user path"
expect_rc "landlock hook user path: no hook, the run starts" 0
hook() {  # TEXT
    printf '%s\n' "$1" >"$H/pre-commit"
    chmod +x "$H/pre-commit"
}

# P: the project's venv activated, its ruff run by name
mkdir -p "$W/.venv/bin"
printf '#!/bin/sh\necho ruff\n' >"$W/.venv/bin/ruff"
chmod +x "$W/.venv/bin/ruff"
hook "$(printf '#!/bin/sh\nruff check .')"
XP=/usr/bin:/bin
inrun 'echo RAN'
expect_rc "landlock hook user path: a bare-name hook program with no project directory on PATH runs" 0
XP=$W/.venv/bin
inrun 'echo RAN'
expect_rc "landlock hook user path: a bare-name hook program found in the activated venv refuses the run" 125
expect_err_has "landlock hook user path: ... naming the hook and the venv's program" "$H/pre-commit is a git hook that runs the program $W/.venv/bin/ruff"
expect_out_lacks "landlock hook user path: ... (nothing ran)" RAN
rm -f "$W/.venv/bin/ruff"
inrun true
expect_rc "landlock hook user path: ... and one the command could make there" 125
expect_err_has "landlock hook user path: ... naming that file" "runs the program $W/.venv/bin/ruff"
# a relative PATH entry (node_modules/.bin), from the work tree
XP=node_modules/.bin
mkdir -p "$W/node_modules/.bin"
hook "$(printf '#!/bin/sh\nset -e\neslint .')"
inrun true
expect_rc "landlock hook user path: a relative PATH entry of the project refuses a bare-name hook program" 125
expect_err_has "landlock hook user path: ... naming it" "runs the program $W/node_modules/.bin/eslint"
# env in the #! line looks its program up through PATH too
XP=$W/.venv/bin
printf '#!/bin/sh\necho venv bash\n' >"$W/.venv/bin/bash"
chmod +x "$W/.venv/bin/bash"
hook "$(printf '#!/usr/bin/env bash\nexit 0')"
inrun true
expect_rc "landlock hook user path: #!/usr/bin/env bash found in the venv refuses the run" 125
expect_err_has "landlock hook user path: ... naming the venv's bash" "runs the program $W/.venv/bin/bash"
rm -f "$W/.venv/bin/bash"
XP=/usr/bin:/bin
inrun true
expect_rc "landlock hook user path: ... and runs without it" 0
# with the venv before the system's directories, a program found there
# is the system's: a bash or git the command makes in the venv is the
# after-run PATH check's (it fails the run and is moved aside)
XP=$W/.venv/bin:/usr/bin:/bin
hook "$(printf '#!/usr/bin/env bash
git diff --cached --check')"
inrun true
expect_rc "landlock hook user path: a venv before /usr/bin, the hook's bash and git found there, runs" 0
inrun 'printf "#!/bin/sh\necho FAKE\n" >.venv/bin/bash; chmod +x .venv/bin/bash'
expect_rc "landlock hook user path: ... a bash the command makes in the venv fails the run" 125
expect_err_has "landlock hook user path: ... naming it" "$W/.venv/bin/bash exists after the run"
[ -e "$W/.venv/bin/bash" ] && fail "landlock hook user path: ... and is moved aside" "still there" || pass "landlock hook user path: ... and is moved aside"
XP=/usr/bin:/bin
rm -rf "$W/.venv" "$W/node_modules"
# the directories the project's .envrc puts first in PATH (direnv's PATH_add)
mkdir -p "$W/bin"
printf '#!/bin/sh\nexit 0\n' >"$W/bin/lint"
chmod +x "$W/bin/lint"
printf 'PATH_add bin\n' >"$W/.envrc"
hook "$(printf '#!/bin/sh\nlint')"
inrun true
expect_rc "landlock hook user path: a bare-name hook program in the .envrc's PATH_add directory refuses the run" 125
expect_err_has "landlock hook user path: ... naming it" "$H/pre-commit is a git hook that runs the program $W/bin/lint"
rm -rf "$W/bin" "$W/.envrc"

# programs not there yet, in directories not there yet
for c in './newdir/x.sh|newdir/x.sh' 'sh newdir/x.sh|newdir/x.sh' '. ./newdir/x.sh|newdir/x.sh' \
         'python3 -u newdir/x.py|newdir/x.py' 'node newdir/x.js|newdir/x.js' 'bash -e -- newdir/x.sh "$@"|newdir/x.sh'; do
    hook "$(printf '#!/bin/sh\n%s' "${c%|*}")"
    inrun true
    expect_rc "landlock hook user path: a hook's '${c%|*}', its directory missing, refuses the run" 125
    expect_err_has "landlock hook user path: ... naming ${c#*|}" "runs the program $W/${c#*|}"
done
# pre-commit's generated hook, from a venv that is gone
cat >"$H/pre-commit" <<EOF
#!/bin/sh
INSTALL_PYTHON=$W/.venv/bin/python3
ARGS="hook-impl --config=.pre-commit-config.yaml --hook-type=pre-commit"
if [ -x "\$INSTALL_PYTHON" ]; then
    exec "\$INSTALL_PYTHON" -mpre_commit \$ARGS
elif command -v pre-commit > /dev/null; then
    exec pre-commit \$ARGS
fi
EOF
inrun true
expect_rc "landlock hook user path: pre-commit's hook naming a venv python not there refuses the run" 125
expect_err_has "landlock hook user path: ... naming it" "runs the program $W/.venv/bin/python3"
# what a hook only names, and quoted words, are no programs it runs
hook "$(printf '#!/bin/sh\nLOG=build/hook.log\necho ok >/dev/null\necho ok | sed "s/aarch64/arm64/;s/x86_64/x64/"\ngit diff --cached --check "$LOG"')"
inrun true
expect_rc "landlock hook user path: a variable the hook does not run, and a quoted sed script, refuse nothing" 0
rm -f "$H/pre-commit"
