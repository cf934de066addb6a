# why_landlock.sh - `buckle why` reads Landlock's denials from the Linux
# audit log: audit.log records, `ausearch -i`, `journalctl -o cat`, `dmesg`.
# data/landlock-audit-dmesg.log is a real record (kernel 6.18, Landlock ABI 7,
# audit enabled, `buckle run` of a profile denying writes in /tmp/p7/ro); the
# other forms are written after the kernel's documented record format.
. tests/lib.sh
P="$TMP/why_landlock"
mkdir -p "$P"
cat >"$P/p.buckle" <<'EOF2'
default allow;
files {
    deny write "/tmp/p7/ro";
    deny read "~/.ssh";
}
network {
    deny outbound "*:443";
    deny bind "*:8080";
}
EOF2
run "why landlock: dmesg" "$BUCKLE" why -D WORKDIR=/tmp/p7 -D HOME=/root "$P/p.buckle" tests/cli/data/landlock-audit-dmesg.log
expect_rc "why landlock: dmesg exit 0" 0
expect_out_has "why landlock: dmesg record read" "landlock-audit-dmesg.log: 1 denial, 1 distinct"
expect_out_has "why landlock: make_reg is file-write-create, process from SYSCALL" "denied file-write-create /tmp/p7/ro
  1 time: sh(31629)"
expect_out_has "why landlock: the directory is named" "Landlock names the directory the new entry was to be made in"
expect_out_has "why landlock: read for Linux (no /private)" 'decided by '"$P"'/p.buckle:3:5: deny files write subpath "/tmp/p7/ro"'

cat >"$P/audit.log" <<'EOF2'
type=LANDLOCK_ACCESS msg=audit(1764982800.221:33): domain=1a6fdc679 blockers=fs.write_file path="/tmp/p7/ro/a.txt" dev="vda2" ino=9
type=LANDLOCK_DOMAIN msg=audit(1764982800.221:33): domain=1a6fdc679 status=allocated mode=enforcing pid=289 uid=0 exe="/usr/local/bin/buckle" comm="buckle"
type=SYSCALL msg=audit(1764982800.221:33): arch=c000003e syscall=257 success=no exit=-13 ppid=272 pid=290 auid=0 uid=0 gid=0 comm="python3" exe="/usr/bin/python3.11"
type=PROCTITLE msg=audit(1764982800.221:33): proctitle=707974686F6E33
type=UNKNOWN[1423] msg=audit(1764982800.400:35): domain=1a6fdc679 blockers=net.connect_tcp daddr=93.184.216.34 dest=443
type=SYSCALL msg=audit(1764982800.400:35): arch=c000003e syscall=42 success=no exit=-13 ppid=272 pid=292 comm=6375726C2078 exe="/usr/bin/curl"
type=LANDLOCK_ACCESS msg=audit(1764982800.450:36): domain=1a6fdc679 blockers=net.bind_tcp src=8080
type=LANDLOCK_ACCESS msg=audit(1764982800.500:37): domain=1a6fdc679 blockers=fs.read_file path=2F726F6F742F2E7373682F6964206B6579 dev="vda2" ino=12
type=LANDLOCK_ACCESS msg=audit(1764982800.600:38): domain=1a6fdc679 blockers=fs.wrte_file path="/x" dev="vda2" ino=12
type=LANDLOCK_ACCESS msg=audit(1764982800.700:39): domain=1a6fdc679 blockers=scope.signal opid=1 ocomm="systemd"
type=LANDLOCK_DOMAIN msg=audit(1764982800.900:40): domain=1a6fdc679 status=deallocated denials=6
EOF2
run "why landlock: audit.log" "$BUCKLE" why -v -D WORKDIR=/tmp/p7 -D HOME=/root "$P/p.buckle" "$P/audit.log"
expect_rc "why landlock: audit.log exit 0" 0
expect_out_has "why landlock: audit.log counts" "audit.log: 4 denials, 4 distinct"
expect_out_has "why landlock: write_file" "denied file-write-data /tmp/p7/ro/a.txt
  1 time: python3(290)"
expect_out_has "why landlock: connect_tcp with daddr/dest, hex comm" "denied network-outbound 93.184.216.34:443
  1 time: curl x(292)"
expect_out_has "why landlock: bind_tcp" "denied network-bind *:8080"
expect_out_has "why landlock: a hex path decoded" "denied file-read-data /root/.ssh/id key"
expect_out_has "why landlock: did-you-mean for a blocker" "a Landlock blocker buckle does not know: fs.wrte_file (did you mean fs.write_file?)"
expect_out_has "why landlock: scope denials said" "a Landlock scope denial (a signal or an abstract unix socket)"
expect_out_has "why landlock: the suggestion" 'allow file-write-data literal "$WORKDIR/ro/a.txt";'

# ausearch -i: records of an event after "----", SYSCALL first, values unquoted
cat >"$P/ausearch.txt" <<'EOF2'
----
type=PROCTITLE msg=audit(12/06/2026 01:02:03.456:41) : proctitle=sh -c echo x > '/tmp/p7/ro/my file'
type=SYSCALL msg=audit(12/06/2026 01:02:03.456:41) : arch=x86_64 syscall=openat success=no exit=EACCES(Permission denied) ppid=272 pid=300 auid=root uid=root comm=sh exe=/usr/bin/dash
type=LANDLOCK_ACCESS msg=audit(12/06/2026 01:02:03.456:41) : domain=1a6fdc679 blockers=fs.write_file path=/tmp/p7/ro/my file dev=vda2 ino=44
EOF2
run "why landlock: ausearch -i" "$BUCKLE" why -D WORKDIR=/tmp/p7 -D HOME=/root "$P/p.buckle" "$P/ausearch.txt"
expect_out_has "why landlock: ausearch -i path with a blank, SYSCALL before" "denied file-write-data /tmp/p7/ro/my file
  1 time: sh(300)"

# journalctl -o cat: the record without the event id
printf 'LANDLOCK_ACCESS domain=1a6fdc679 blockers=fs.execute path="/opt/tool/bin/run" dev="vda2" ino=5\n' >"$P/journal.txt"
run "why landlock: journalctl" "$BUCKLE" why --format json -D WORKDIR=/tmp/p7 -D HOME=/root "$P/p.buckle" - <"$P/journal.txt"
expect_out_has "why landlock: execute is process-exec" '"operation": "process-exec",'
expect_out_has "why landlock: json source" '"source": "landlock",'
