# landlock_python_mp.sh - Python's multiprocessing under std/agent and
# std/dev/python on Linux, live (docs/linux.md, the standard library's Linux
# halves): none of them grants /dev/shm, where POSIX semaphores live, since
# Landlock would grant the user's other programs' segments there with them,
# so a process pool fails there with PermissionError, as documented, and
# no segment outside is reachable; a profile that adds /dev/shm runs it.
# Threads and pipes work.
. tests/lib.sh
agent_setup llpymp "landlock python mp"
PY=/usr/bin/python3
[ -x "$PY" ] || { skip "landlock python mp: every check" "python3 is not installed"; exit 0; }
[ -d /dev/shm ] && [ -w /dev/shm ] || { skip "landlock python mp: every check" "no writable /dev/shm"; exit 0; }
A="--no-cache --linux-accept=files,new-paths"
printf 'extends "std/agent", "std/dev/python";\n' >"$U/prof/py.buckle"
printf 'extends "std/agent", "std/dev/python";\nplatform linux { files { allow read "/dev/shm"; allow write "/dev/shm"; } }\n' >"$U/prof/shm.buckle"
SEG=/dev/shm/buckle-test-mp-$$
echo other >"$SEG"
trap 'rm -rf "$U" "$SEG"' EXIT
inrun() {  # PROFILE SCRIPT
    run "landlock python mp" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$1' -- $PY -c '$2'"
}
inrun "$U/prof/py.buckle" 'print("up")'
landlock_or_exit "landlock python mp"
POOL='
import multiprocessing as m
try:
    with m.Pool(2) as p: print("POOL", p.map(abs, [-1, -2]))
except PermissionError as e: print("POOL-REFUSED", e.errno)
'
inrun "$U/prof/py.buckle" "$POOL"
expect_out_has "landlock python mp: std/agent + std/dev/python: a process pool fails on its semaphore in /dev/shm" "POOL-REFUSED 13"
inrun "$U/prof/py.buckle" "
try: open(\"$SEG\").read(); print(\"SEG-READ\")
except OSError: pass
from concurrent.futures import ThreadPoolExecutor
print(\"THREADS\", list(ThreadPoolExecutor(2).map(abs, [-3])))
"
expect_out_lacks "landlock python mp: ... and another program's segment there is not readable" SEG-READ
expect_out_has "landlock python mp: ... a pool of threads works" "THREADS [3]"
inrun "$U/prof/shm.buckle" "$POOL"
expect_out_has "landlock python mp: a profile that adds /dev/shm runs the process pool" "POOL [1, 2]"
