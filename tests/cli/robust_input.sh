# robust_input.sh - malformed and extreme input: a clear error at the place,
# a non-zero exit, and no output file left behind; never a crash or a hang.
. tests/lib.sh
R="$TMP/robust"
mkdir -p "$R"
# invalid UTF-8 in a comment is an error at the byte, as it is in a string
printf '# \377\376 bad\nfiles { allow read "/a"; } # \300\257\n' >"$R/u8.buckle"
run "robust: invalid UTF-8 in a comment" "$BUCKLE" compile "$R/u8.buckle"
expect_rc "robust: invalid UTF-8 in a comment fails" 1
expect_err_has "robust: comment UTF-8 at the byte" "u8.buckle:1:3: error: comment is not valid UTF-8"
expect_err_has "robust: second comment UTF-8 at the byte" "u8.buckle:2:30: error: comment is not valid UTF-8"
run "robust: lint invalid UTF-8 in a comment" "$BUCKLE" lint "$R/u8.buckle"
expect_rc "robust: lint reports invalid UTF-8 in a comment" 1
printf 'files { allow read "/a"; }\r\n# caf\303\251 \342\202\254\r\n' >"$R/u8ok.buckle"
run "robust: UTF-8 comment" "$BUCKLE" compile "$R/u8ok.buckle"
expect_rc "robust: valid UTF-8 in a comment compiles" 0
