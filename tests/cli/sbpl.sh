# sbpl.sh - hand-written .sb files under tests/sbpl with expected answers in
# their headers, evaluated by `buckle query` under Seatbelt's precedence model:
#   ;= args: EXTRA QUERY ARGUMENTS        (apply to the queries that follow)
#   ;= q: OPERATION OBJECT -> allow|deny|undecidable [@LINE | @FILE:LINE]
. tests/lib.sh
for f in tests/sbpl/*.sb; do
    args=""
    grep '^;= ' "$f" | while IFS= read -r line; do
        case "$line" in
        ";= args: "*) args=${line#;= args: } ;;
        ";= q: "*)
            spec=${line#;= q: }
            q=${spec%% -> *}
            want=${spec#* -> }
            want_act=${want%% *}
            at=""
            case "$want" in *@*) at=${want#*@} ;; esac
            n="sbpl: $f: $q"
            # shellcheck disable=SC2086
            run "$n" "$BUCKLE" query $args "$f" $q
            got=$(head -n 1 "$TMP/out" | cut -d' ' -f1)
            if [ "$got" != "$want_act" ]; then
                fail "$n" "got '$got', want '$want_act': $(head -c 400 "$TMP/out") $(head -c 400 "$TMP/err")"
                continue
            fi
            if [ -n "$at" ]; then
                case "$at" in *:*) loc="tests/sbpl/$at:" ;; *) loc="$f:$at:" ;; esac
                if grep -qF "decided by $loc" "$TMP/out"; then pass "$n"; else
                    fail "$n" "not decided at $loc: $(cat "$TMP/out")"; fi
            else
                pass "$n"
            fi
            ;;
        esac
    done
done
