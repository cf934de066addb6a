# lint_realworld.sh - the shapes real-world .sb files have that buckle once
# could not read or evaluate soundly (each fixture is our own text), the
# report tool, and the external corpus of real profiles when it is present
# (BUCKLE_REAL_SB: a directory laid out as tests/lint/real/corpus.tsv says;
# third-party text, never part of the repository).
. tests/lib.sh
R=tests/lint/real

# a rule naming only operations Seatbelt ignores since 10.15: valid, a note
run "realworld: no-op operations" "$BUCKLE" lint --format gcc "$R/noop-ops.sb"
expect_out_lacks "realworld: no-op operations: no BK1001" "BK1001"
expect_out_has "realworld: no-op operations: a note says the rule has no effect" \
    "noop-ops.sb:6:1: note: this rule has no effect: mach-per-user-lookup is accepted but does nothing since macOS 10.15"
expect_out_has "realworld: no-op operation with a filter" "noop-ops.sb:7:1: note: this rule has no effect: ipc-posix-shm-read-metadata"
expect_rc "realworld: no-op operations: exit 0" 0
run "realworld: unknown operation" "$BUCKLE" lint --format gcc "$R/unknown-op.sb"
expect_out_has "realworld: an unknown operation is BK2006" "unknown-op.sb:3:8: error: unknown SBPL operation \"frobnicate-everything\" [BK2006]"
expect_out_lacks "realworld: and not also BK1001" "BK1001"
expect_rc "realworld: unknown operation: exit 1" 1

# a profile kept in a C++ raw string literal (R"delim( ... )delim")
run "realworld: raw string" "$BUCKLE" lint --format gcc "$R/raw-string.sb"
expect_out_has "realworld: raw string: said once" "raw-string.sb:1:1: note: the profile is the C++ raw string literal in this file"
expect_out_has "realworld: raw string: the text inside is linted" "raw-string.sb:6:20: warning: com.apple.SecurityServer is allowed but com.apple.secd is not"
expect_out_lacks "realworld: raw string: no evaluation warning" "cannot evaluate"
expect_out_lacks "realworld: raw string: no BK4011 (version 1 comes first inside)" "BK4011"
run "realworld: raw string, quote delimiter" "$BUCKLE" query "$R/raw-string-quote.sb" file-read-data /opt/tools/cc
expect_out_has "realworld: R\"\"( ... )\"\" is read inside" "allow /opt/tools/cc"
expect_rc "realworld: R\"\"( ... )\"\": answered" 0

# several strings in one filter are alternatives
run "realworld: multi-string lint" "$BUCKLE" lint --format gcc "$R/multi-string.sb"
expect_out_has "realworld: the second name of a global-name is granted" "multi-string.sb:5:20: warning: com.apple.SecurityServer is allowed but com.apple.secd is not"
for q in "mach-lookup com.apple.SecurityServer:allow" "mach-lookup com.example.first:allow" "mach-lookup com.example.other:deny" \
         "file-read-data /opt/two/x:allow" "file-read-data /opt/one/x:allow" "file-read-data /opt/three:deny" \
         "file-read-data /opt/one/secret:deny" "file-read-data /opt/two/secret:deny"; do
    op=${q%% *}; rest=${q#* }; obj=${rest%:*}; want=${rest##*:}
    run "realworld: multi-string $op $obj" "$BUCKLE" query "$R/multi-string.sb" "$op" "$obj"
    expect_out_has "realworld: multi-string $op $obj is $want" "$want $obj"
done

# allow and deny passed as values
for q in "/opt/data/x:allow" "/opt/data/private/k:deny" "/opt/elsewhere:deny"; do
    obj=${q%:*}; want=${q##*:}
    run "realworld: allow as a value $obj" "$BUCKLE" query "$R/allow-as-value.sb" file-read-data "$obj"
    expect_out_has "realworld: allow as a value: $obj is $want" "$want $obj"
    expect_rc "realworld: allow as a value: $obj answered" 0
done

# numbers from a parameter: compared when given, undecided when not
run "realworld: os-version lint" "$BUCKLE" lint --format gcc "$R/os-version.sb"
expect_out_lacks "realworld: os-version: no evaluation warning without -D" "cannot evaluate"
expect_out_has "realworld: os-version: the parameter is named" "parameter OS_VERSION has no value"
run "realworld: os-version -D 1400" "$BUCKLE" lint --format gcc -D OS_VERSION=1400 "$R/os-version.sb"
expect_out_has "realworld: os-version -D 1400: the branch is linted" "os-version.sb:7:24: warning: com.apple.SecurityServer is allowed"
for q in "1100 file-read-data /opt/legacy/a allow" "1400 file-read-data /opt/legacy/a deny" "1400 mach-lookup com.apple.SecurityServer allow" "1100 mach-lookup com.apple.SecurityServer deny"; do
    set -- $q
    run "realworld: OS_VERSION=$1 $2 $3" "$BUCKLE" query -D OS_VERSION="$1" "$R/os-version.sb" "$2" "$3"
    expect_out_has "realworld: OS_VERSION=$1 $2 $3 is $4" "$4 $3"
done
run "realworld: os-version query without -D" "$BUCKLE" query "$R/os-version.sb" mach-lookup com.apple.SecurityServer
expect_out_has "realworld: without the parameter the guarded grant is undecidable, not deny" "undecidable com.apple.SecurityServer"
expect_rc "realworld: os-version without -D: exit 1" 1

# a branch whose condition cannot be evaluated: its rules may or may not exist
for q in "file-read-data /opt/secret/k undecidable 1" "file-write-data /opt/logs/a undecidable 1" \
         "file-read-data /opt/other allow 0" "file-read-data /opt/secret/public/x allow 0"; do
    set -- $q
    run "realworld: maybe branch $1 $2" "$BUCKLE" query "$R/maybe-branch.sb" "$1" "$2"
    expect_out_has "realworld: maybe branch: $1 $2 is $3" "$3 $2"
    expect_rc "realworld: maybe branch: $1 $2 exit" "$4"
done
# a statement that could not be evaluated may add any rule
run "realworld: unknown statement query" "$BUCKLE" query "$R/unknown-statement.sb" file-read-data /x
expect_out_has "realworld: unknown statement: no answer rests on the rest" "undecidable /x"
expect_rc "realworld: unknown statement: exit 1" 1
run "realworld: unknown statement lint" "$BUCKLE" lint --format gcc "$R/unknown-statement.sb"
expect_out_has "realworld: unknown statement: said" "unknown-statement.sb:5:1: warning: this form could not be evaluated and may add rules: every answer is undecidable"
run "realworld: import by parameter" "$BUCKLE" lint --format gcc "$R/param-import.sb"
expect_out_has "realworld: import by a parameter without a value" "param-import.sb:3:1: warning: cannot import a file named by a parameter without a value: every answer is undecidable"
expect_out_lacks "realworld: import by parameter: no BK2016 (the import may hold rules)" "BK2016"
expect_out_lacks "realworld: import by parameter: no evaluation warning" "cannot evaluate"
# a fragment that uses a name its host defines: the name is said
run "realworld: fragment" "$BUCKLE" lint --format gcc "$R/fragment.sb"
expect_out_has "realworld: fragment: the undefined name is named" "fragment.sb:2:28: warning: cannot evaluate: param of \"cache-dir-param\", which is not defined here"

# the report tool, on a corpus made of our fixtures
D="$TMP/realworld"
rm -rf "$D"; mkdir -p "$D/c"
for f in noop-ops.sb unknown-op.sb raw-string.sb needs-cpp.sb maybe-branch.sb unknown-statement.sb; do cp "$R/$f" "$D/c/$f"; done
printf '(version 1)\n(allow file-read* (subpath "/a")\n' >"$D/c/unbalanced.sb"
for f in noop-ops.sb unknown-op.sb raw-string.sb needs-cpp.sb maybe-branch.sb unknown-statement.sb unbalanced.sb; do
    printf 'c/%s\texample/repo\t%s\t0000000000000000000000000000000000000000\t%s\n' "$f" "$f" "$(wc -c <"$D/c/$f")"
done >"$D/MANIFEST.tsv"
run "realworld: report" env BUCKLE="$BUCKLE" sh tools/real-sb-report.sh "$D"
expect_rc "realworld: report: exit 0" 0
expect_out_has "realworld: report: files" "files: 7"
expect_out_has "realworld: report: read" "read: 5 (71%)"
expect_out_has "realworld: report: not read" "not read: 2"
expect_out_has "realworld: report: undecidable" "undecidable (missing import or form that may add rules): 1"
expect_out_has "realworld: report: the causes" "C preprocessor directive #include: preprocess this file first"
expect_out_has "realworld: report: the cause per file" "c/unbalanced.sb: unbalanced parentheses"
run "realworld: report without a manifest" sh tools/real-sb-report.sh "$D/c"
expect_rc "realworld: report without a manifest: exit 2" 2

# the corpus manifest in the repository: one line per file, six fields
if awk -F'\t' 'NF != 6 || length($6) != 64 || $6 !~ /^[0-9a-f]+$/ || length($4) != 40 || $4 !~ /^[0-9a-f]+$/ { bad = 1 } END { exit bad }' "$R/corpus.tsv"; then
    pass "realworld: corpus.tsv is well formed"
else
    fail "realworld: corpus.tsv is well formed" "a line without six fields, a commit or a digest"
fi

# the external corpus of real profiles (docs/lint.md says where it comes from)
if [ -n "${BUCKLE_REAL_SB:-}" ] && [ -f "$BUCKLE_REAL_SB/MANIFEST.tsv" ]; then
    run "realworld: external corpus" env BUCKLE="$BUCKLE" sh tools/real-sb-report.sh "$BUCKLE_REAL_SB"
    n=$(sed -n 's/^files: //p' "$TMP/out"); r=$(sed -n 's/^read: \([0-9]*\).*/\1/p' "$TMP/out")
    if [ -n "$n" ] && [ "$n" -gt 0 ] && [ $((r * 100)) -ge $((n * 95)) ]; then pass "realworld: external corpus: $r of $n read (95% needed)"
    else fail "realworld: external corpus: 95% read" "$OUT"; fi
    expect_out_has "realworld: external corpus: no crash" "crashed: 0"
    expect_out_lacks "realworld: external corpus: copies as listed" "differ from the manifest"
else
    echo "SKIP realworld: external corpus: set BUCKLE_REAL_SB to a directory holding the files tests/lint/real/corpus.tsv lists (third-party text, not in the repository)" >>"$RESULTS"
fi

# BK4014: an import buckle cannot read makes the answers undecidable; it is a
# finding with a code, so a hook that fails on warnings can take a reviewed
# suppression of it
printf '(version 1)\n(deny default)\n(import "system.sb")\n(allow file-read* (subpath "/usr/lib"))\n' >"$TMP/sys.sb"
run "realworld: unreadable import" "$BUCKLE" lint --fail-on warning "$TMP/sys.sb"
expect_rc "realworld: unreadable import fails a warning gate" 1
expect_out_has "realworld: unreadable import is BK4014" "sys.sb:3:1: warning: cannot import \"system.sb\": every answer is undecidable [BK4014 undecidable-sbpl]"
printf '(version 1)\n(deny default)\n; buckle: ignore[BK4014] -- Apple system profile, reviewed\n(import "system.sb")\n(allow file-read* (subpath "/usr/lib"))\n' >"$TMP/sys2.sb"
run "realworld: unreadable import suppressed" "$BUCKLE" lint --fail-on warning "$TMP/sys2.sb"
expect_rc "realworld: a reviewed suppression passes the gate" 0
expect_out_lacks "realworld: the suppression is used" "BK0001"
printf '(version 1)\n(deny default)\n(frobnicate 1)\n' >"$TMP/unk.sb"
run "realworld: unknown form" "$BUCKLE" lint "$TMP/unk.sb"
expect_out_has "realworld: an unknown form is BK4014" "[BK4014 undecidable-sbpl]"
