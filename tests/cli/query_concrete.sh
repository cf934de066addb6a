# query_concrete.sh - `buckle query FILE.buckle OPERATION OBJECT` with a
# concrete SBPL operation takes the object that operation names: a path, a
# service or sysctl name, an address.
. tests/lib.sh
D="$TMP/query_concrete"
rm -rf "$D"
mkdir -p "$D"

# query: a concrete operation's object has the kind the operation takes
printf 'default deny;\nmach { allow lookup "com.apple.x"; }\nsysctl { allow read "kern.x"; }\nnetwork { allow outbound "localhost:443"; }\n' >"$D/q.buckle"
run "query: mach-lookup takes a name" "$BUCKLE" query "$D/q.buckle" mach-lookup com.apple.x
expect_rc "query: mach-lookup NAME answers" 0
expect_out_has "query: mach-lookup is allowed" "allow"
run "query: sysctl-read takes a name" "$BUCKLE" query "$D/q.buckle" sysctl-read kern.x
expect_rc "query: sysctl-read NAME answers" 0
run "query: network-outbound takes an address" "$BUCKLE" query "$D/q.buckle" network-outbound localhost:443
expect_rc "query: network-outbound ADDRESS answers" 0
run "query: a file operation still wants a path" "$BUCKLE" query "$D/q.buckle" file-read-data relative/x
expect_rc "query: a relative path is a usage error" 2
