# lint_select.sh - rule selection (--select/--ignore), .buckle-lint.conf, the
# shared option parser, `buckle lint` without FILE, the summary line,
# --color, and gcc severities.
. tests/lib.sh
runner_env
D="$TMP/lints"
rm -rf "$D"
mkdir -p "$D"
K=tests/lint/BK3005-bad.buckle     # BK3003, BK3004, BK3005 (warnings) and BK4003

# --select / --ignore: codes, slugs, prefixes
run "select: prefix" "$BUCKLE" lint -q --format gcc --select BK3 "$K"
expect_out_has "select: BK3 keeps BK3005" "[BK3005]"
expect_out_lacks "select: BK3 drops BK4003" "[BK4003]"
run "select: slug" "$BUCKLE" lint -q --format gcc --select=default-allow "$K"
expect_out_has "select: a slug" "[BK3005]"
expect_out_lacks "select: only that rule" "[BK3004]"
run "ignore: list" "$BUCKLE" lint -q --format gcc --ignore BK3003,protected-file-writable --ignore BK4 "$K"
expect_out_has "ignore: the rest stays" "[BK3005]"
expect_out_lacks "ignore: code" "[BK3003]"
expect_out_lacks "ignore: slug" "[BK3004]"
expect_out_lacks "ignore: prefix" "[BK4003]"
run "ignore: fail-on counts only what is reported" "$BUCKLE" lint -q --Werror --select BK4009 "$K"
expect_rc "ignore: an unselected warning does not fail" 0
printf 'files { allow read "/usr" }\n' >"$D/syntax.buckle"
run "ignore: language errors" "$BUCKLE" lint -q --format gcc --ignore BK1 "$D/syntax.buckle"
expect_out_has "ignore: BK1 errors are always reported" "[BK1001]"
expect_rc "ignore: and fail" 1
run "select: unknown" "$BUCKLE" lint --select BK99 "$K"
expect_rc "select: an unknown rule is a usage error" 2
expect_err_has "select: says which" "no rule has this code, slug or code prefix: BK99"

# the configuration file, found upward from each linted file
mkdir -p "$D/repo/profiles/deep" "$D/repo/bases" "$D/other"
printf 'files { allow read "/usr/share"; }\n' >"$D/repo/bases/mine.buckle"
cp "$K" "$D/repo/profiles/deep/p.buckle"
cp "$K" "$D/repo/profiles/t-loose.buckle"
cp "$K" "$D/other/p.buckle"
cat >"$D/repo/.buckle-lint.conf" <<'CONF'
# settings for this repository
ignore = BK4003                      # keychain files: not used here
fail-on = warning
include = bases
per-file-ignores = profiles/t-*.buckle: default-allow, BK3
CONF
printf 'extends "mine";\n' >"$D/repo/profiles/deep/c.buckle"
run "config: applies below" "$BUCKLE" lint -q --format gcc "$D/repo/profiles/deep/p.buckle"
expect_out_lacks "config: ignore from the file" "[BK4003]"
expect_out_has "config: the rest stays" "[BK3005]"
expect_rc "config: fail-on from the file" 1
run "config: per-file-ignores" "$BUCKLE" lint -q --format gcc "$D/repo/profiles/t-loose.buckle"
expect_out_lacks "config: per-file-ignores by slug" "[BK3005]"
expect_out_lacks "config: per-file-ignores by prefix" "[BK3004]"
run "config: include" "$BUCKLE" lint -q --format gcc "$D/repo/profiles/deep/c.buckle"
expect_out_lacks "config: include is an extends search path" "BK2003"
run "config: not above" "$BUCKLE" lint -q --format gcc "$D/other/p.buckle"
expect_out_has "config: a file outside is not covered" "[BK4003]"
expect_rc "config: and keeps the default fail-on" 0
run "config: command line wins" "$BUCKLE" lint -q --fail-on error "$D/repo/profiles/deep/p.buckle"
expect_rc "config: --fail-on overrides the file" 0
printf 'select = BK3\nfail_on = warning\nignore = BK77\n' >"$D/other/.buckle-lint.conf"
run "config: errors" "$BUCKLE" lint -q --format gcc "$D/other/p.buckle"
expect_out_has "config: unknown key with file:line:col" ".buckle-lint.conf:2:1: error: unknown key: fail_on"
expect_out_has "config: unknown rule" ".buckle-lint.conf:3:10: error: no rule has this code, slug or code prefix: BK77"
expect_rc "config: a bad configuration exits 2" 2

# the option parser: = forms, attached values, options after operands, --
run "options: forms" "$BUCKLE" lint -q --format=gcc --fail-on=warning -Icorpus -DWORKDIR=/Users/x/p "$K"
expect_rc "options: --fail-on=warning" 1
expect_out_has "options: --format=gcc" "$K:1:1: warning:"
run "options: after the file" "$BUCKLE" lint -q "$K" --format gcc
expect_out_has "options: an option after FILE" "$K:1:1: warning:"
run "options: -D checked" "$BUCKLE" lint -D 9x=1 "$K"
expect_rc "options: a bad -D name is a usage error" 2
run "options: -D without =" "$BUCKLE" lint -D X "$K"
expect_rc "options: -D without a value is a usage error" 2
run "options: missing value" "$BUCKLE" lint "$K" --format
expect_err_has "options: says the value is missing" "--format needs a value"
run "options: unknown" "$BUCKLE" lint -Z "$K"
expect_err_has "options: unknown short option" "unknown option -Z"
cp "$K" "$D/-dash.buckle"
run "options: --" sh -c "cd '$D' && '$B' lint -q --format gcc -- -dash.buckle"
expect_out_has "options: a file after --" "-dash.buckle:1:1: warning:"
# -D reaches .buckle files too: a value decides what the test value would not
printf 'param AREA;\nfiles { allow read "$AREA"; allow write "$AREA"; }\n' >"$D/d.buckle"
run "options: -D for .buckle" "$BUCKLE" lint -q --format gcc -D AREA=/Users "$D/d.buckle"
expect_out_has "options: -D value used by .buckle lint" "write is allowed on /Users"

# no FILE: the profiles under the working directory
mkdir -p "$D/walk/a/.hidden" "$D/walk/b"
cp "$K" "$D/walk/a/one.buckle"
cp "$K" "$D/walk/a/.hidden/no.buckle"
printf '(version 1)\n(deny default)\n' >"$D/walk/b/two.sb"
printf 'not a profile\n' >"$D/walk/b/notes.txt"
run "no file: walk" sh -c "cd '$D/walk' && GIT_CEILING_DIRECTORIES='$D' '$B' lint --format gcc"
expect_out_has "no file: a .buckle below" "a/one.buckle:1:1: warning:"
expect_out_has "no file: an .sb below" "b/two.sb:"
expect_out_lacks "no file: hidden directories are skipped" "no.buckle"
expect_err_has "no file: the summary line" "2 files, 4 warnings, 1 info"
if command -v git >/dev/null 2>&1; then
    (cd "$D/walk" && git init -q && git add a/one.buckle) || fail "no file: git" "git init failed"
    run "no file: git" sh -c "cd '$D/walk' && '$B' lint --format gcc"
    expect_out_has "no file: tracked files" "a/one.buckle:1:1:"
    expect_out_lacks "no file: untracked files are not linted in a repository" "two.sb"
    expect_err_has "no file: one file" "1 file, 4 warnings"
fi
run "summary: -q" "$BUCKLE" lint -q "$K"
[ -s "$TMP/err" ] && fail "summary: -q prints none" "$ERR" || pass "summary: -q prints none"
run "summary: clean" "$BUCKLE" lint tests/lint/BK2016-good.buckle
expect_err_has "summary: no findings" "1 file, no findings"

# --color and gcc severities
run "color: always" "$BUCKLE" lint -q --color=always "$K"
grep -q "$(printf '\033')\[" "$TMP/out" && pass "color: always colours" || fail "color: always colours" "no escapes"
run "color: never" "$BUCKLE" lint -q --color never "$K"
grep -q "$(printf '\033')" "$TMP/out" && fail "color: never" "escapes" || pass "color: never"
run "color: bad" "$BUCKLE" lint --color=sometimes "$K"
expect_rc "color: a bad value is a usage error" 2
run "gcc: note" "$BUCKLE" lint -q --format gcc tests/lint/BK4009-bad.sb
expect_out_has "gcc: info is a note" ": note: the ancestor"
expect_out_lacks "gcc: no info level" ": info:"

# a .buckle-lint.conf that is a symbolic link is not read (its target's
# lines would be quoted in the errors)
L="$TMP/lintlink"
rm -rf "$L" && mkdir -p "$L/p"
printf 'SECRET-LINE-ONE\n' >"$L/secret"
printf 'default deny;\n' >"$L/p/a.buckle"
ln -s ../secret "$L/p/.buckle-lint.conf"
run "config link" "$BUCKLE" lint "$L/p/a.buckle"
expect_rc "config link: refused, exit 2" 2
expect_out_has "config link: ... naming it" "$L/p/.buckle-lint.conf is a symbolic link, not a file"
if grep -q SECRET-LINE-ONE "$TMP/out" "$TMP/err"; then fail "config link: ... its target is not quoted" "$(cat "$TMP/out" "$TMP/err")"
else pass "config link: ... its target is not quoted"; fi
rm -rf "$L"
