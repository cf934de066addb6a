# landlock_pythonhome_new.sh - an .envrc whose PYTHONHOME names a
# directory of the project: python imports its standard library from
# there at every start, site.py first, then sitecustomize.py,
# usercustomize.py and the .pth files of site-packages, and `python3 -m
# NAME` any module there.  A new entry of lib/python3*, of its encodings
# or of its site-packages (a sitecustomize.py, a new module, a package
# directory, a .pth) fails the run, named, as a change to a file there
# does (a compiled os.pyc in __pycache__ among them, which python loads
# for os.py); a change elsewhere in the project does not (docs/linux.md, "The
# environment").  Live.
. tests/lib.sh
agent_setup llpyhome "pythonhome new"
T="pythonhome new"
W=$U/w
L=py/lib/python3.11
mkdir -p "$W/$L/encodings" "$W/$L/site-packages" "$W/src" "$W/$L/__pycache__"
echo orig >"$W/$L/os.py"
echo orig >"$W/$L/__pycache__/os.cpython-311.pyc"
echo orig >"$W/$L/encodings/__init__.py"
printf 'export PYTHONHOME=$PWD/py\n' >"$W/.envrc"
agent_inrun true
landlock_or_exit "$T"
expect_rc "$T: nothing made: the run goes on" 0
for m in "$L/sitecustomize.py@echo x >$L/sitecustomize.py" "$L/usercustomize.py@echo x >$L/usercustomize.py" \
         "$L/newmod.py@echo x >$L/newmod.py" "$L/pkg@mkdir $L/pkg && echo x >$L/pkg/__init__.py" \
         "$L/encodings/evil.py@echo x >$L/encodings/evil.py" "$L/site-packages/zz.pth@echo 'import os' >$L/site-packages/zz.pth" \
         "$L/os.py@echo evil >>$L/os.py" "$L/__pycache__/os.cpython-311.pyc@echo evil >>$L/__pycache__/os.cpython-311.pyc"; do
    f=${m%%@*}
    agent_inrun "${m#*@}"
    expect_rc "$T: $f made or changed: the run fails" 125
    expect_err_has "$T: ... naming it ($f)" "$W/$f "
    expect_err_has "$T: ... as the .envrc's ($f)" "the project's .envrc loads it"
    rm -rf "$W/$f"
    case $f in *os.py|*.pyc) echo orig >"$W/$f" ;; esac
done
# a package directory made where there was none (encodings, which python
# imports at every start)
rm -rf "$W/$L/encodings"
agent_inrun "mkdir $L/encodings && echo x >$L/encodings/__init__.py"
expect_rc "$T: a new encodings package: the run fails" 125
expect_err_has "$T: ... naming it" "$W/$L/encodings exists after the run"
rm -rf "$W/$L/encodings"
agent_inrun "echo x >src/app.py && echo y >notes.txt"
expect_rc "$T: files made elsewhere in the project: the run goes on" 0
