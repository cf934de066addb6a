# landlock_module_shadows.sh - `python3 -m pip`, `-m json.tool` and
# `python3 -c` put the directory they run in first on sys.path: a
# pip/__init__.py or a json.py the command makes at the top of the working
# directory is what the user's next `python3 -m pip` there imports, outside
# any sandbox.  An entry that makes a module of python's own names
# importable there, where none was when the command started, fails the run
# and is moved aside; a module of such a name that was there before (the
# project's own json.py), a directory python does not import as a package
# (a virtual environment named venv) and a module of another name do not
# (docs/linux.md, "buckle found through PATH").  Live.
. tests/lib.sh
agent_setup llmodsh "module shadows"
T="module shadows"
agent_inrun true
landlock_or_exit "$T"
expect_rc "$T: nothing made: the run goes on" 0
W=$U/w
# made: a package with __init__.py and __main__.py, a module, an
# extension module, a package with only __main__.py
for m in "pip@mkdir pip && echo 'print(1)' >pip/__init__.py && echo 'print(2)' >pip/__main__.py" \
         "json.py@echo 'print(1)' >json.py" "http@mkdir http && echo x >http/__main__.py" \
         "encodings.cpython-311-x86_64-linux-gnu.so@echo x >encodings.cpython-311-x86_64-linux-gnu.so" \
         "site.pyc@echo x >site.pyc"; do
    e=${m%%@*}
    mod=${e%%.*}
    agent_inrun "${m#*@}"
    expect_rc "$T: $e made at the top: the run fails" 125
    expect_err_has "$T: ... naming it ($e)" "$W/$e exists after the run and makes a Python module $mod importable from there"
    expect_err_has "$T: ... moving it aside ($e)" "moved aside to $W/$e.planted-"
    [ -e "$W/$e" ] && fail "$T: ... so the next python3 -m $mod there is python's ($e)" "still there" \
        || pass "$T: ... so the next python3 -m $mod there is python's ($e)"
    rm -rf "$W/$e" "$W/$e".planted-*
done
# the project's own: a json.py that was there, rewritten; a module of
# another name; a directory of python's name that is no package (a
# virtual environment named venv) filled; a json.backup.py
echo 'print("own")' >"$W/json.py"
mkdir -p "$W/venv/bin"
agent_inrun "echo '# edited' >>json.py && echo x >mymod.py && mkdir -p mypkg && echo x >mypkg/__init__.py && echo x >venv/bin/tool && echo x >json.backup.py && mkdir -p pip && echo x >pip/README"
expect_rc "$T: the project's own json.py rewritten, modules of other names, a directory that is no package: the run goes on" 0
[ -f "$W/json.py" ] && pass "$T: ... the project's json.py stays" || fail "$T: ... the project's json.py stays" "gone"
rm -rf "$W/pip"
# a directory that was there and is no package, made one: what makes it one is moved aside
agent_inrun "echo x >venv/__init__.py"
expect_rc "$T: venv/__init__.py made in a venv that was there: the run fails" 125
expect_err_has "$T: ... naming it" "$W/venv/__init__.py exists after the run and makes a Python module venv importable from there"
[ -d "$W/venv/bin" ] && [ ! -e "$W/venv/__init__.py" ] && pass "$T: ... moving only it aside" \
    || fail "$T: ... moving only it aside" "$(ls "$W/venv")"
# python itself: after the run, python3 -m json.tool there is python's
if command -v python3 >/dev/null 2>&1; then
    rm -f "$W/json.py"
    agent_inrun "echo 'print(\"EVIL\")' >json.py"
    out=$(cd "$W" && echo '{}' | python3 -m json.tool 2>&1)
    case $out in
        *EVIL*) fail "$T: python3 -m json.tool after the run runs python's" "$out" ;;
        *) pass "$T: python3 -m json.tool after the run runs python's" ;;
    esac
fi
