build2/obj/runner/above_names.o: runner/above_names.c \
 runner/above_names.h runner/run.h runner/../compiler/compile.h \
 runner/../compiler/ir.h runner/../compiler/../grammar/ast.h \
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
 runner/../support/diag.h runner/../backend/landlock.h \
 runner/../backend/backend.h runner/../backend/../compiler/compile.h \
 runner/../backend/../compiler/decide.h \
 runner/../backend/../compiler/compile.h \
 runner/../backend/../compiler/expand.h \
 runner/../backend/../compiler/../support/strbuf.h \
 runner/../backend/../compiler/../seatbelt/request.h \
 runner/../backend/../compiler/../seatbelt/../support/action.h \
 runner/../backend/../compiler/../seatbelt/ops.h \
 runner/../backend/../compiler/../seatbelt/regex.h \
 runner/../backend/../compiler/../seatbelt/../support/arena.h \
 runner/../backend/../support/strbuf.h runner/run_profile.h \
 runner/profile_cache.h runner/../sbpl/sbpl_eval.h \
 runner/../sbpl/../grammar/sexp.h \
 runner/../sbpl/../grammar/../support/diag.h \
 runner/../sbpl/../support/hashmap.h runner/../sbpl/../seatbelt/request.h \
 runner/../sbpl/../seatbelt/regex.h
runner/above_names.h:
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
runner/../backend/landlock.h:
runner/../backend/backend.h:
runner/../backend/../compiler/compile.h:
runner/../backend/../compiler/decide.h:
runner/../backend/../compiler/compile.h:
runner/../backend/../compiler/expand.h:
runner/../backend/../compiler/../support/strbuf.h:
runner/../backend/../compiler/../seatbelt/request.h:
runner/../backend/../compiler/../seatbelt/../support/action.h:
runner/../backend/../compiler/../seatbelt/ops.h:
runner/../backend/../compiler/../seatbelt/regex.h:
runner/../backend/../compiler/../seatbelt/../support/arena.h:
runner/../backend/../support/strbuf.h:
runner/run_profile.h:
runner/profile_cache.h:
runner/../sbpl/sbpl_eval.h:
runner/../sbpl/../grammar/sexp.h:
runner/../sbpl/../grammar/../support/diag.h:
runner/../sbpl/../support/hashmap.h:
runner/../sbpl/../seatbelt/request.h:
runner/../sbpl/../seatbelt/regex.h:
