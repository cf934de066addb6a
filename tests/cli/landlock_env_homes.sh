# landlock_env_homes.sh - two ways the environment names a file the
# command may write that the rules for a variable's words missed: the java
# launcher's argument file in JDK_JAVA_OPTIONS (@FILE, read as more of its
# options: its -javaagent: loads), and a tool's home or configuration
# directory set to the working directory itself (GRADLE_USER_HOME=$PWD:
# Gradle runs init.d's scripts there at every build, anywhere), which the
# rule for every variable leaves alone only for names that say where the
# user works (PROJECT_ROOT=$PWD).  Each refuses the run before it starts.
# Live.
. tests/lib.sh
agent_setup llenvh "landlock env homes"
T="env homes"
agent_inrun true
landlock_or_exit "$T"
mkdir -p "$U/w/tools"
echo "-javaagent:$U/w/tools/a.jar" >"$U/w/tools/args"
for v in "JDK_JAVA_OPTIONS=@$U/w/tools/args|$U/w/tools/args" "JDK_JAVA_OPTIONS=-Xmx1g @tools/args|$U/w/tools/args" \
         "GRADLE_USER_HOME=$U/w|the directory $U/w" "GEM_HOME=$U/w|the directory $U/w" \
         "GOROOT=$U/w|the directory $U/w" "JAVA_HOME=$U/w|the directory $U/w" "DOCKER_CONFIG=$U/w|the directory $U/w"; do
    var=${v%%|*}
    agent_inrun 'echo ran' "$var"
    expect_rc "$T: $var: refused" 125
    expect_out_lacks "$T: ... before the command starts ($var)" ran
    expect_err_has "$T: ... naming it ($var)" "the environment's ${var%%=*} names ${v#*|} (${var%%=*} = ${var#*=})"
done
# an '@' as it is (@@), an argument file the command may not write, a
# variable that names where the user works, a home above the project
for var in "JDK_JAVA_OPTIONS=@@x -Xmx1g" "JDK_JAVA_OPTIONS=@/etc/hostname" "PROJECT_ROOT=$U/w" "GITHUB_WORKSPACE=$U/w" \
           "GRADLE_USER_HOME=$U"; do
    agent_inrun 'echo ran' "$var"
    expect_rc "$T: $var: the run goes on" 0
done
