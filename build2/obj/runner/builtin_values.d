build2/obj/runner/builtin_values.o: runner/builtin_values.c \
 runner/runner.h runner/../support/strbuf.h runner/../support/hashmap.h \
 runner/../support/arena.h runner/../sbpl/sbpl_eval.h \
 runner/../sbpl/../grammar/sexp.h \
 runner/../sbpl/../grammar/../support/diag.h \
 runner/../sbpl/../grammar/../support/arena.h \
 runner/../sbpl/../grammar/../support/codes.h \
 runner/../sbpl/../grammar/../support/source.h \
 runner/../sbpl/../grammar/../support/strbuf.h \
 runner/../sbpl/../support/hashmap.h runner/../sbpl/../seatbelt/request.h \
 runner/../sbpl/../seatbelt/../support/action.h \
 runner/../sbpl/../seatbelt/ops.h \
 runner/../sbpl/../seatbelt/../support/suggest.h \
 runner/../sbpl/../seatbelt/regex.h \
 runner/../sbpl/../seatbelt/../support/arena.h runner/run_profile.h \
 runner/run.h runner/../compiler/compile.h runner/../compiler/ir.h \
 runner/../compiler/../grammar/ast.h \
 runner/../compiler/../grammar/../support/diag.h \
 runner/../compiler/../grammar/../support/action.h \
 runner/../compiler/../support/hashmap.h \
 runner/../compiler/../support/param_marks.h \
 runner/../compiler/../seatbelt/ops.h runner/../compiler/rule_set.h \
 runner/../support/diag.h runner/profile_cache.h
runner/runner.h:
runner/../support/strbuf.h:
runner/../support/hashmap.h:
runner/../support/arena.h:
runner/../sbpl/sbpl_eval.h:
runner/../sbpl/../grammar/sexp.h:
runner/../sbpl/../grammar/../support/diag.h:
runner/../sbpl/../grammar/../support/arena.h:
runner/../sbpl/../grammar/../support/codes.h:
runner/../sbpl/../grammar/../support/source.h:
runner/../sbpl/../grammar/../support/strbuf.h:
runner/../sbpl/../support/hashmap.h:
runner/../sbpl/../seatbelt/request.h:
runner/../sbpl/../seatbelt/../support/action.h:
runner/../sbpl/../seatbelt/ops.h:
runner/../sbpl/../seatbelt/../support/suggest.h:
runner/../sbpl/../seatbelt/regex.h:
runner/../sbpl/../seatbelt/../support/arena.h:
runner/run_profile.h:
runner/run.h:
runner/../compiler/compile.h:
runner/../compiler/ir.h:
runner/../compiler/../grammar/ast.h:
runner/../compiler/../grammar/../support/diag.h:
runner/../compiler/../grammar/../support/action.h:
runner/../compiler/../support/hashmap.h:
runner/../compiler/../support/param_marks.h:
runner/../compiler/../seatbelt/ops.h:
runner/../compiler/rule_set.h:
runner/../support/diag.h:
runner/profile_cache.h:
