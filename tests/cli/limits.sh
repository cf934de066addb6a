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
