build2/obj/runner/run_host.o: runner/run_host.c runner/run_profile.h \
 runner/run.h runner/../compiler/compile.h runner/../compiler/ir.h \
 runner/../compiler/../grammar/ast.h \
 runner/../compiler/../grammar/../support/diag.h \
 runner/../compiler/../grammar/../support/arena.h \
 runner/../compiler/../grammar/../support/codes.h \
 runner/../compiler/../grammar/../support/source.h \
 runner/../compiler/../grammar/../support/strbuf.h \
 runner/../compiler/../grammar/../support/action.h \
 runner/../compiler/../support/hashmap.h \
 runner/../compiler/../support/param_marks.h \
 runner/../compiler/../seatbelt/ops.h \
 runner/../compiler/../seatbelt/../support/suggest.h \
 runner/../compiler/rule_set.h runner/../support/arena.h \
 runner/../support/diag.h runner/profile_cache.h \
 runner/../sbpl/sbpl_eval.h runner/../sbpl/../grammar/sexp.h \
 runner/../sbpl/../grammar/../support/diag.h \
 runner/../sbpl/../support/hashmap.h runner/../sbpl/../seatbelt/request.h \
 runner/../sbpl/../seatbelt/../support/action.h \
 runner/../sbpl/../seatbelt/ops.h runner/../sbpl/../seatbelt/regex.h \
 runner/../sbpl/../seatbelt/../support/arena.h
runner/run_profile.h:
runner/run.h:
runner/../compiler/compile.h:
runner/../compiler/ir.h:
runner/../compiler/../grammar/ast.h:
runner/../compiler/../grammar/../support/diag.h:
runner/../compiler/../grammar/../support/arena.h:
runner/../compiler/../grammar/../support/codes.h:
runner/../compiler/../grammar/../support/source.h:
runner/../compiler/../grammar/../support/strbuf.h:
runner/../compiler/../grammar/../support/action.h:
runner/../compiler/../support/hashmap.h:
runner/../compiler/../support/param_marks.h:
runner/../compiler/../seatbelt/ops.h:
runner/../compiler/../seatbelt/../support/suggest.h:
runner/../compiler/rule_set.h:
runner/../support/arena.h:
runner/../support/diag.h:
runner/profile_cache.h:
runner/../sbpl/sbpl_eval.h:
runner/../sbpl/../grammar/sexp.h:
runner/../sbpl/../grammar/../support/diag.h:
runner/../sbpl/../support/hashmap.h:
runner/../sbpl/../seatbelt/request.h:
runner/../sbpl/../seatbelt/../support/action.h:
runner/../sbpl/../seatbelt/ops.h:
runner/../sbpl/../seatbelt/regex.h:
runner/../sbpl/../seatbelt/../support/arena.h:
