# bench_setup.sh - make bench installs what its figures need (hyperfine,
# valgrind, node and npm, bubblewrap on Linux: tools/setup-bench.sh), and
# make check's set-up does not (it stays as fast as it was).
. tests/lib.sh
BP="$TMP/benchpath"
rm -rf "$BP"
mkdir -p "$BP"
for t in uname id; do ln -s "$(command -v $t)" "$BP/$t"; done
run "setup-bench --dry-run, nothing on PATH" env PATH="$BP" /bin/sh tools/setup-bench.sh --dry-run
expect_rc "setup-bench --dry-run: exits 0" 0
if [ "$(uname -s)" = Linux ]; then want="setup-bench: missing: hyperfine valgrind nodejs npm bubblewrap"
else want="setup-bench: missing: hyperfine valgrind nodejs npm"; fi
expect_out_has "setup-bench: names the Debian packages of every missing tool" "$want"
for t in hyperfine valgrind node npm bwrap; do ln -s /bin/true "$BP/$t"; done
run "setup-bench --dry-run, all there" env PATH="$BP" /bin/sh tools/setup-bench.sh --dry-run
expect_out_has "setup-bench: nothing missing" "setup-bench: missing: nothing"
run "make -n bench" make -n --no-print-directory bench BUILD="$BUILD"
expect_out_has "make bench runs the bench set-up" "sh tools/setup-bench.sh"
if grep -v '^#' tools/setup-deps.sh tools/setup-man.sh tools/setup-editors.sh | grep -q "apt-get.*\(hyperfine\|bubblewrap\|valgrind\)\|setup-bench"; then
    fail "make check's set-up installs nothing only the bench needs" "a bench package in tools/setup-*.sh"
else pass "make check's set-up installs nothing only the bench needs"; fi
