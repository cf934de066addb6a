# limits.sh - hostile sizes get clear errors, never a crash or a hang.
. tests/lib.sh
L="$TMP/limits"
mkdir -p "$L"
# SBPL parentheses nested far past the limit: an error, not a stack overflow
awk 'BEGIN { printf "(version 1)\n"; for (i = 0; i < 100000; i++) printf "("; printf "\n" }' >"$L/deep.sb"
run "limits: deep nesting" "$BUCKLE" lint "$L/deep.sb"
expect_rc "limits: 100000 nested parentheses fail cleanly" 1
expect_out_has "limits: nesting message" "nested deeper than 256"
awk 'BEGIN { printf "sbpl \"\"\""; for (i = 0; i < 50000; i++) printf "("; printf "\"\"\";\n" }' >"$L/deep.buckle"
run "limits: deep sbpl block" "$BUCKLE" compile "$L/deep.buckle"
expect_rc "limits: deep sbpl block fails cleanly" 1
# balanced but too deep: the limit is named, not "unbalanced parentheses"
awk 'BEGIN { printf "(version 1)\n(allow file-read* "; for (i = 0; i < 500; i++) printf "(require-not "; printf "(literal \"/x\")"; for (i = 0; i < 501; i++) printf ")"; printf "\n" }' >"$L/balanced.sb"
run "limits: deep balanced .sb" "$BUCKLE" lint "$L/balanced.sb"
expect_rc "limits: deep balanced nesting is an error" 1
expect_out_has "limits: deep balanced nesting names the limit" "balanced.sb:2:3334: error: parentheses nested deeper than 256 [BK1001"
expect_out_lacks "limits: deep balanced nesting is not unbalanced" "unbalanced"
awk 'BEGIN { printf "sbpl \"\"\"(allow file-read* "; for (i = 0; i < 500; i++) printf "(require-not "; printf "(literal \"/x\")"; for (i = 0; i < 501; i++) printf ")"; printf "\"\"\";\n" }' >"$L/balanced.buckle"
run "limits: deep balanced sbpl block" "$BUCKLE" compile "$L/balanced.buckle"
expect_rc "limits: deep balanced sbpl block is an error" 1
expect_err_has "limits: deep balanced sbpl block names the limit" "parentheses nested deeper than 256"
if grep -qF unbalanced "$TMP/err"; then fail "limits: deep balanced sbpl block is not unbalanced" "$ERR"
else pass "limits: deep balanced sbpl block is not unbalanced"; fi
# regex groups: the .buckle check and the .sb reader share one limit (200)
for n in 200 201; do
    awk -v n=$n 'BEGIN { printf "files { allow read \"/a\"; deny read regex \"^/a/s"; for (i = 0; i < n; i++) printf "("; printf "x"; for (i = 0; i < n; i++) printf ")*"; printf "\"; }\n" }' >"$L/rx$n.buckle"
done
run "limits: regex 200 groups deep" "$BUCKLE" compile "$L/rx200.buckle" -o "$L/rx200.sb"
expect_rc "limits: a regex 200 groups deep compiles" 0
run "limits: regex 200 groups deep, output" "$BUCKLE" lint "$L/rx200.sb"
expect_rc "limits: its output reads back" 0
# the compact form folds regexes into groups of its own: never past the limit
awk 'BEGIN { printf "files { allow read regex \"^/b/s"; for (i = 0; i < 200; i++) printf "("; printf "x"; for (i = 0; i < 200; i++) printf ")*"; printf "$\";"
    for (i = 0; i < 10; i++) printf " allow read regex \"^/b/u%d$\";", i; printf " }\n" }' >"$L/rx200fold.buckle"
run "limits: regex 200 groups deep, compact" "$BUCKLE" compile --compact "$L/rx200fold.buckle" -o "$L/rx200fold.sb"
expect_rc "limits: it compiles compact" 0
run "limits: regex 200 groups deep, compact output" "$BUCKLE" lint "$L/rx200fold.sb"
expect_rc "limits: its compact output reads back" 0
expect_out_lacks "limits: no regex nested too deep in the compact output" "nested"
run "limits: regex 201 groups deep" "$BUCKLE" compile "$L/rx201.buckle"
expect_rc "limits: a regex 201 groups deep is an error" 1
expect_err_has "limits: at the string, as in .sb input" "rx201.buckle:1:42: error: invalid regex"
expect_err_has "limits: naming the limit" "regex groups nested deeper than 200 [BK2007"
run "limits: regex 201 groups deep, query" "$BUCKLE" query "$L/rx201.buckle" files file-read-data /a/sx
expect_rc "limits: query refuses it too" 1
# a 100 KB single line
awk 'BEGIN { printf "files { allow read "; for (i = 0; i < 5000; i++) printf "\"/p/%06d\", ", i; printf "\"/end\"; }\n" }' >"$L/long.buckle"
run "limits: 100 KB line" "$BUCKLE" compile "$L/long.buckle" -o "$L/long.sb"
expect_rc "limits: a 100 KB line compiles" 0
# over-long identifiers and strings
awk 'BEGIN { printf "files { allow "; for (i = 0; i < 300; i++) printf "r"; printf " \"/x\"; }\n" }' >"$L/ident.buckle"
run "limits: long identifier" "$BUCKLE" compile "$L/ident.buckle"
expect_err_has "limits: identifier longer than 256" "identifier longer than 256"
awk 'BEGIN { printf "files { allow read \"/"; for (i = 0; i < 70000; i++) printf "a"; printf "\"; }\n" }' >"$L/str.buckle"
run "limits: long string" "$BUCKLE" compile "$L/str.buckle"
expect_err_has "limits: string longer than 65536" "string longer than 65536"
# files over 64 MiB are refused before reading
if truncate -s 65M "$L/huge.buckle" 2>/dev/null; then
    run "limits: huge file" "$BUCKLE" compile "$L/huge.buckle"
    expect_rc "limits: a file over 64 MiB is unreadable input" 2
    expect_err_has "limits: size message" "larger than 64 MiB"
else
    echo "SKIP limits: huge file (no truncate)" >>"$RESULTS"
fi
# a FIFO is not a regular file: refused, no hang
if mkfifo "$L/fifo.buckle" 2>/dev/null; then
    run "limits: fifo" "$BUCKLE" compile "$L/fifo.buckle"
    expect_rc "limits: a FIFO is refused" 2
fi
# a long-running evaluation is cut off
printf '(version 1)\n(define (f x) (f x))\n(f 1)\n' >"$L/loop.sb"
run "limits: infinite recursion" "$BUCKLE" lint "$L/loop.sb"
expect_out_has "limits: recursion is bounded" "nested deeper than 200"
