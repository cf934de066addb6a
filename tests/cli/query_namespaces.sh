# query_namespaces.sh - name filters of other namespaces than the request's:
# a notification name is matched by notification-name on the notification
# operations; an XPC service filter on a mach look-up is not known to match
# or not (undecidable, never a confident deny); a per-process mach name is
# asked as "local:NAME" in query and in test blocks, for .buckle and .sb.
. tests/lib.sh
D=$TMP/query_namespaces
mkdir -p "$D"
cat >"$D/names.sb" <<'SB'
(version 1)
(deny default)
(allow darwin-notification-post (notification-name "org.example.ping"))
(allow distributed-notification-post (notification-name "org.example.dist"))
SB
cat >"$D/xpc.sb" <<'SB'
(version 1)
(deny default)
(allow mach-lookup (xpc-service-name "org.example.helper"))
SB
cat >"$D/local.buckle" <<'BK'
mach {
    allow lookup local "org.example.agent";
}
test "local names" {
    expect allow mach lookup "local:org.example.agent";
    expect deny mach lookup "org.example.agent";
}
BK
cat >"$D/local-wrong.buckle" <<'BK'
mach {
    allow lookup local "org.example.agent";
}
test "local names" {
    expect deny mach lookup "local:org.example.agent";
}
BK

run "namespaces: darwin notification" "$BUCKLE" query "$D/names.sb" darwin-notification-post org.example.ping
expect_rc "namespaces: darwin notification: answered" 0
expect_out_has "namespaces: darwin notification: allowed" "allow org.example.ping"
run "namespaces: another notification" "$BUCKLE" query "$D/names.sb" darwin-notification-post org.example.pong
expect_out_has "namespaces: another notification: denied" "deny org.example.pong"
run "namespaces: distributed notification" "$BUCKLE" query "$D/names.sb" distributed-notification-post org.example.dist
expect_out_has "namespaces: distributed notification: allowed" "allow org.example.dist"

run "namespaces: xpc service filter" "$BUCKLE" query "$D/xpc.sb" mach-lookup org.example.helper
expect_rc "namespaces: xpc service filter: undecidable exit" 1
expect_out_has "namespaces: xpc service filter: undecidable" "undecidable org.example.helper"
expect_out_lacks "namespaces: xpc service filter: no confident deny" "deny org.example.helper"

run "namespaces: local name, .buckle query" "$BUCKLE" query "$D/local.buckle" mach lookup local:org.example.agent
expect_rc "namespaces: local name, .buckle query: answered" 0
expect_out_has "namespaces: local name, .buckle query: allowed" "allow local:org.example.agent"
run "namespaces: global name, .buckle query" "$BUCKLE" query "$D/local.buckle" mach lookup org.example.agent
expect_out_has "namespaces: global name, .buckle query: denied" "deny org.example.agent"
run "namespaces: local name, concrete operation" "$BUCKLE" query "$D/local.buckle" mach-lookup local:org.example.agent
expect_out_has "namespaces: local name, concrete operation: allowed" "allow local:org.example.agent"
run "namespaces: local name, test block" "$BUCKLE" test "$D/local.buckle"
expect_rc "namespaces: local name, test block: passes" 0
run "namespaces: local name, wrong expectation" "$BUCKLE" test "$D/local-wrong.buckle"
expect_rc "namespaces: local name, wrong expectation: fails" 1
