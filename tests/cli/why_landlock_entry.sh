# why_landlock_entry.sh - for a Landlock make_* denial (the record names the
# directory, not the new entry) `buckle why` suggests a rule that lets the
# kernel allow a new entry there (subpath: Landlock grants creating on a
# directory, for its whole tree), and every suggestion for a Landlock record
# is checked with the plan `buckle query --platform linux` answers with.
. tests/lib.sh
BUCKLE=$(abspath "$BUCKLE")     # the checks below run it from other directories
P="$TMP/why_landlock_entry"
rm -rf "$P"
mkdir -p "$P/out" "$P/proj" "$P/prof"
P=$(cd "$P" && pwd -P)
cat >"$P/prof/p.buckle" <<'EOF2'
default deny;
files {
    allow read "/usr";
    allow write "$WORKDIR";
}
EOF2
ll_make() {  # BLOCKER DIR
    printf 'type=LANDLOCK_ACCESS msg=audit(1764982800.221:33): domain=1a6fdc679 blockers=%s path="%s" dev="vda2" ino=9\n' "$1" "$2"
}
ll_make fs.make_reg "$P/out" >"$P/out.log"
run "why entry: make_reg" "$BUCKLE" why -D WORKDIR="$P/proj" -D HOME="$P" "$P/prof/p.buckle" "$P/out.log"
expect_rc "why entry: exit 0" 0
expect_out_has "why entry: the directory is named" "denied file-write-create $P/out"
expect_out_has "why entry: a rule for entries in it" 'allow file-write-create subpath "~/out";'
expect_out_lacks "why entry: no literal of the directory" 'allow file-write-create literal'
expect_out_has "why entry: says why not narrower" "Landlock names only the directory, not the entry"
expect_out_has "why entry: checked clean" "lint: no findings"
# the suggested rule added: the kernel's answer is allow
sed 's/^}$//' "$P/prof/p.buckle" >"$P/prof/q.buckle"
printf '    allow file-write-create subpath "~/out";\n}\n' >>"$P/prof/q.buckle"
run "why entry: query with the rule" "$BUCKLE" query --platform linux -D WORKDIR="$P/proj" -D HOME="$P" "$P/prof/q.buckle" file-write-create "$P/out/new.txt"
expect_out_has "why entry: the kernel allows a new entry with it" "allow $P/out/new.txt"

# a directory that does not exist: no grant is possible, and why says so
ll_make fs.make_dir "$P/gone" >"$P/gone.log"
run "why entry: missing directory" "$BUCKLE" why -D WORKDIR="$P/proj" -D HOME="$P" "$P/prof/p.buckle" "$P/gone.log"
expect_out_has "why entry: the plan's answer" "but: Landlock would still deny a new entry in $P/gone with this rule: no grant of make_reg covers $P/gone"
expect_out_lacks "why entry: not shown clean" "lint: no findings"

# allowed by the profile, closed by the run: the plan says by what
cat >"$P/prof/env.buckle" <<'EOF2'
default deny;
files {
    allow read "/usr";
    allow write "$WORKDIR";
    deny write glob "$WORKDIR/**/.env";
}
EOF2
ll_make fs.make_reg "$P/proj" >"$P/proj.log"
(cd "$P/proj" && HOME="$P" "$BUCKLE" why "$P/prof/env.buckle" "$P/proj.log") >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_out_has "why entry: allowed by the profile" "allowed by the profile: file-write-create $P/proj"
expect_out_has "why entry: the plan's reason" "Landlock: no grant of make_reg covers $P/proj"
