# import_shapes.sh - buckle import and buckle lint on the shapes published
# .sb files are written in (our own minimal profiles, not their text): a
# top-level begin that holds the default in a conditional on logging, a
# filter under another name, a quasiquoted name, a helper whose parameter
# is named like a filter, string functions and arithmetic, a parameter
# used as a build directory next to rules on /tmp and /var.  Each import
# must succeed and decide like the original (buckle diff, exit 0); a form
# buckle keeps in SBPL and refuses is reported where it is refused.
. tests/lib.sh
D=$(scratch_dir import_shapes)

# import FILE, then buckle diff FILE with the import, with the -D given
# (a parameter read in a condition needs a value or -U: diff does not
# guess one there)
imports_same() {  # NAME FILE.sb [-D ...]
    n=$1 f=$2; shift 2
    run "$n: import" "$BUCKLE" import -o "${f%.sb}.buckle" "$f"
    expect_rc "$n: import" 0
    [ "$RC" -eq 0 ] || return 0
    run "$n: diff with the import" "$BUCKLE" diff --canonical-values "$@" "$f" "${f%.sb}.buckle"
    expect_rc "$n: diff with the import$*" 0
    expect_out_has "$n: diff with the import$*, the same" "the same decisions"
}

# the default set in a conditional on a parameter, in a top-level begin
# with the rest of the profile; filters aliased by define; `name
cat >"$D/begin.sb" <<'EOF'
(version 1)
(define logging (param "LOGGING"))
(begin
  (if (string=? logging "on")
    (deny default)
    (deny default (with no-log)))
  (define aliased-subpath subpath)
  (define aliased-literal literal)
  (define (under-usr rel) (aliased-subpath (string-append "/usr" rel)))
  ; the libraries
  (allow file-read* (under-usr "/lib") (aliased-literal "/private/etc/hosts"))
  (if (defined? `file-read-metadata)
    (allow file-read-metadata (literal "/opt")))
  (allow file-write* (subpath "/private/tmp/out")))
EOF
imports_same "import shapes: a top-level begin with the default in an if" "$D/begin.sb" -U LOGGING
imports_same "import shapes: a top-level begin with the default in an if" "$D/begin.sb" -D LOGGING=on
run "import shapes: the begin's default" grep -c '^default deny;$' "$D/begin.buckle"
expect_out_has "import shapes: the begin's default is the import's" "1"
run "lint shapes: a filter under another name is evaluated" "$BUCKLE" lint -D LOGGING=on "$D/begin.sb"
if grep -q 'BK4014' "$TMP/out" "$TMP/err"; then fail "lint shapes: a filter under another name is evaluated" "$(grep BK4014 "$TMP/out" "$TMP/err" | head -3)"
else pass "lint shapes: a filter under another name is evaluated"; fi
run "lint shapes: an aliased filter decides" "$BUCKLE" query -D LOGGING=on "$D/begin.sb" file-read-data /usr/lib/libc.dylib
expect_out_has "lint shapes: an aliased filter decides" "allow /usr/lib/libc.dylib"

# a helper whose parameter is named like a filter (prefix), string-length,
# substring and -, in a conditional on a parameter (kept verbatim, the
# helper copied beside it)
cat >"$D/prefix.sb" <<'EOF'
(version 1)
(deny default)
(define (starts-with? str prefix)
  (let ((n (string-length prefix)))
    (and (>= (string-length str) n) (string=? (substring str 0 n) prefix))))
(define data-root "/System/Volumes/Data/")
(when (starts-with? (param "APP") data-root)
  (allow file-read* (subpath (substring (param "APP") (- (string-length data-root) 1) (string-length (param "APP"))))))
(allow file-read* (subpath (param "APP")))
EOF
imports_same "import shapes: a helper's parameter named prefix" "$D/prefix.sb" -D APP=/Users/test/param-APP
imports_same "import shapes: a helper's parameter named prefix" "$D/prefix.sb" -D APP=/System/Volumes/Data/Apps/X.app
run "lint shapes: string-length, substring and - are evaluated" "$BUCKLE" lint -D APP=/System/Volumes/Data/Apps/X.app "$D/prefix.sb"
if grep -q 'BK4014' "$TMP/out" "$TMP/err"; then fail "lint shapes: string-length, substring and - are evaluated" "$(grep BK4014 "$TMP/out" "$TMP/err" | head -3)"
else pass "lint shapes: string-length, substring and - are evaluated"; fi
run "query shapes: the data volume's path is stripped" "$BUCKLE" query -D APP=/System/Volumes/Data/Apps/X.app "$D/prefix.sb" file-read-data /Apps/X.app/Contents/Info.plist
expect_out_has "query shapes: the data volume's path is stripped" "allow /Apps/X.app/Contents/Info.plist"

# a parameter that is a build directory, and rules on the /tmp and /var
# links themselves: the values the check lines up are never /tmp or /var
cat >"$D/tmpdir.sb" <<'EOF'
(version 1)
(deny default)
; a build directory passed by the program
(allow file* process-exec (subpath (param "BUILD_TMP")))
(allow file-read-metadata (literal "/tmp") (literal "/var"))
(allow file-read* (subpath "/usr/lib"))
EOF
imports_same "import shapes: a parameter beside rules on /tmp and /var" "$D/tmpdir.sb"

# a form kept in SBPL that buckle refuses: at the name, with the help
cat >"$D/refused.sb" <<'EOF'
(version 1)
(deny default)
(define (under version) (subpath version))
(when (param "EXTRA")
  (allow file-read* (under "/opt/extra")))
EOF
run "import shapes: a refused binding" "$BUCKLE" import -o "$D/refused.buckle" "$D/refused.sb"
expect_rc "import shapes: a refused binding" 1
expect_err_has "import shapes: a refused binding, at the name" 'refused.sb:3:16: error: cannot import: buckle keeps this form in SBPL, where it is refused: sbpl verbatim may not bind "version"'
expect_err_has "import shapes: a refused binding, the help" 'help: give the parameter (or the let binding) another name'

# a parameter spliced into a regex as it is, through a helper: Seatbelt
# reads its value as regex syntax, and so must the import (not NAME.re,
# which buckle passes quoted): the same decisions with metacharacters
cat >"$D/rxraw.sb" <<'EOF'
(version 1)
(deny default)
(allow file-read* (subpath "/opt/app.bundle"))
(define (in-home rel) (string-append (param "HOMEDIR") rel))
(allow file-read-data (regex (in-home #"/Prefs/.Global.*")))
(allow file-read-data (regex (string-append "^" (in-home "/Docs/") "[^/]+$")))
EOF
imports_same "import shapes: a parameter spliced into a regex" "$D/rxraw.sb" -D HOMEDIR=/Users/x+y
imports_same "import shapes: a parameter spliced into a regex" "$D/rxraw.sb" -D HOMEDIR=/Users/j.doe

# the same where the helper also quotes: the form is kept in SBPL, the
# parameter as Seatbelt reads it (never the quoted value, which widens
# x+y) beside the text regex-quote made
cat >"$D/rxmixed.sb" <<'EOF'
(version 1)
(deny default)
(define (under-root rel) (string-append "^" (param "ROOT") rel))
(allow file-read-data (regex (under-root (string-append "/cache/" (regex-quote "a.b") "/x$"))))
EOF
imports_same "import shapes: a regex that splices and quotes" "$D/rxmixed.sb" -D ROOT=/Users/x+y
imports_same "import shapes: a regex that splices and quotes" "$D/rxmixed.sb" -D ROOT=/Users/j.doe
if grep -qF '(param "ROOT") "/cache/a\\.b/x$"' "$D/rxmixed.buckle" && grep -q 'kept in SBPL: it splices' "$D/rxmixed.buckle"
then pass "import shapes: a regex that splices and quotes, kept in SBPL as read"
else fail "import shapes: a regex that splices and quotes, kept in SBPL as read" "$(cat "$D/rxmixed.buckle")"; fi
run "import shapes: a regex that splices and quotes, the value as regex syntax" "$BUCKLE" query "$D/rxmixed.buckle" file-read-data /Users/xxy/cache/a.b/x -D ROOT=/Users/x+y
expect_out_has "import shapes: a regex that splices and quotes, the value as regex syntax" "allow"

# buckle diff right after import, without -D, where the parameters are
# named by defined strings ((param app-dir)) or bound by define
# ((define plugin-path (param "PLUGIN_PATH")) then (literal plugin-path))
cat >"$D/bound.sb" <<'EOF'
(version 1)
(deny default)
(define plugin-path (param "PLUGIN_PATH"))
(define cache-dir (string-append (param "CACHE_ROOT") "/cache"))
(allow file-read* (literal plugin-path) (subpath cache-dir))
EOF
# ... and where the parameters are read inside helpers' bodies: a helper
# that returns a path built on a parameter, called inside a path filter
# ((subpath (home-path "/Library/Fonts")), the parameter named by a defined
# string); a helper that returns the filter itself, on a name bound to a
# parameter, quoted into a regex, or bound to a name built on that name;
# (path ...) is a path filter too
cat >"$D/helper-value.sb" <<'EOF'
(version 1)
(define home-name "HOME_LITERAL")
(define bundle-name "BUNDLE_DIR")
(define (home-path rel) (string-append (param home-name) rel))
(define (in-bundle rel)
  (string-append (param bundle-name) rel))
(deny default)
(allow file-read* (subpath (home-path "/Library/Fonts")))
(allow file-read-data (literal (home-path "/.config/app.ini")))
(allow file-read* (subpath (in-bundle "/Contents")))
(allow process-exec (path (param "EXEC_PATH")))
EOF
cat >"$D/helper-filter.sb" <<'EOF'
(version 1)
(deny default)
(define home-dir (param "HOME_DIR"))
(define home-lib (string-append home-dir "/Library"))
(define (home-subpath rel) (subpath (string-append home-dir rel)))
(define (home-literal rel) (literal (string-append home-dir rel)))
(define (home-regex rel) (regex (string-append "^" (regex-quote home-dir) rel)))
(define (lib-subpath rel) (subpath (string-append home-lib rel)))
(allow file-read* (home-subpath "/Library/Fonts"))
(allow file-read-data (home-literal "/.config/app.ini"))
(allow file-read* (home-regex "/Library/Preferences/org\\.example\\..*\\.plist$"))
(allow file-read* (lib-subpath "/Caches/app"))
EOF
for f in tests/import/param-define.sb "$D/bound.sb" "$D/helper-value.sb" "$D/helper-filter.sb"; do
    b=$(basename "$f" .sb)
    run "diff after import: $b" "$BUCKLE" import -o "$D/$b-imp.buckle" "$f"
    expect_rc "diff after import: $b imports" 0
    run "diff after import: $b" "$BUCKLE" diff --canonical-values "$f" "$D/$b-imp.buckle"
    expect_rc "diff after import: $b, without -D" 0
    expect_out_has "diff after import: $b, the same" "the same decisions"
done

# in_sections NAME OUT.buckle LINE: the import wrote LINE in a section (not
# in an sbpl block)
in_sections() {
    if awk -v want="$3" '/^sbpl /{raw=1} raw&&/^""";/{raw=0; next} !raw && index($0, want){f=1} END{exit !f}' "$2"
    then pass "$1"; else fail "$1" "no '$3' in a section: $(cat "$2")"; fi
}
# in_sbpl NAME OUT.buckle LINE: ... and LINE in an sbpl block
in_sbpl() {
    if awk -v want="$3" '/^sbpl /{raw=1} raw&&/^""";/{raw=0; next} raw && index($0, want){f=1} END{exit !f}' "$2"
    then pass "$1"; else fail "$1" "no '$3' in an sbpl block: $(cat "$2")"; fi
}

# a rule kept in SBPL leaves the rest of its family in sections when the
# check can judge its place in the order (a require-all of filters it
# decides; a vnode-type), and the rest of a family goes with it when it
# cannot: a filter the evaluator does not decide, an address of one protocol
cat >"$D/family.sb" <<'EOF'
(version 1)
(deny default)
(allow file-write-data (require-all (literal "/dev/null") (vnode-type CHARACTER-DEVICE)))
(allow file-read* (subpath "/opt/tools"))
(allow file-read* file-write* (literal "/dev/ptmx"))
EOF
imports_same "import shapes: a family beside a rule kept in SBPL" "$D/family.sb"
in_sections "import shapes: the rest of the family in sections" "$D/family.buckle" 'allow read "/opt/tools";'
in_sbpl "import shapes: the require-all in SBPL" "$D/family.buckle" '(vnode-type CHARACTER-DEVICE)'
cat >"$D/family-ext.sb" <<'EOF'
(version 1)
(deny default)
(allow file-read* (require-all (subpath "/opt/shared") (extension "com.example.read")))
(deny file-read* (subpath "/opt/shared/secret"))
(allow network-outbound (remote udp "*:53"))
(deny network-outbound (remote ip "*:53"))
(allow network-outbound (remote ip "*:443"))
EOF
run "import shapes: a family with an undecidable filter" "$BUCKLE" import -o "$D/family-ext.buckle" "$D/family-ext.sb"
expect_rc "import shapes: a family with an undecidable filter imports" 0
in_sbpl "import shapes: the deny after an extension rule stays after it" "$D/family-ext.buckle" '(deny file-read* (subpath "/opt/shared/secret"))'
in_sbpl "import shapes: the deny after a udp rule stays after it" "$D/family-ext.buckle" '(deny network-outbound (remote ip "*:53"))'

# buckle allows metadata below a subtree of file-read-data: where the
# original does not, a deny keeps it denied, in sections
cat >"$D/read-data.sb" <<'EOF'
(version 1)
(deny default)
(allow file-read-data (subpath "/opt/app/resources"))
(allow file-read* (subpath "/opt/lib"))
EOF
imports_same "import shapes: metadata below a file-read-data subtree" "$D/read-data.sb"
in_sections "import shapes: file-read-data in sections" "$D/read-data.buckle" 'allow file-read-data "/opt/app/resources";'
in_sections "import shapes: its metadata denied" "$D/read-data.buckle" 'deny metadata "/opt/app/resources";'

# a parameter's subtree where the original allows metadata, beside
# hard-coded paths whose parents it denies: the value may put such a parent
# inside the subtree; the traversal denies leave the allows of metadata to
# decide, and every rule stays in sections
cat >"$D/param-parents.sb" <<'EOF'
(version 1)
(deny default)
(allow file-read-metadata (literal "/"))
(allow file* (subpath (param "WORK")))
(allow file-read* (subpath "/usr/lib"))
(allow file-write* (subpath (string-append (param "CACHE") "/tool")))
EOF
imports_same "import shapes: hard-coded parents a parameter's subtree may hold" "$D/param-parents.sb"
in_sections "import shapes: the parameter's subtree in sections" "$D/param-parents.buckle" 'allow file* "$WORK";'
in_sections "import shapes: the hard-coded subtree in sections" "$D/param-parents.buckle" 'allow read "/usr/lib";'
in_sbpl "import shapes: the parent's deny leaves the subtree out" "$D/param-parents.buckle" '(require-not (require-any (literal "/") (subpath (param "WORK")) (subpath "/usr/lib")))'
