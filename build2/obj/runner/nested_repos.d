build2/obj/runner/nested_repos.o: runner/nested_repos.c \
 runner/nested_repos.h runner/../backend/landlock.h \
 runner/../backend/backend.h runner/../backend/../compiler/compile.h \
 runner/../backend/../compiler/ir.h \
 runner/../backend/../compiler/../grammar/ast.h \
 runner/../backend/../compiler/../grammar/../support/diag.h \
 runner/../backend/../compiler/../grammar/../support/arena.h \
 runner/../backend/../compiler/../grammar/../support/codes.h \
 runner/../backend/../compiler/../grammar/../support/source.h \
 runner/../backend/../compiler/../grammar/../support/strbuf.h \
 runner/../backend/../compiler/../grammar/../support/action.h \
 runner/../backend/../compiler/../support/hashmap.h \
 runner/../backend/../compiler/../support/param_marks.h \
 runner/../backend/../compiler/../seatbelt/ops.h \
 runner/../backend/../compiler/../seatbelt/../support/suggest.h \
 runner/../backend/../compiler/rule_set.h \
 runner/../backend/../compiler/decide.h \
 runner/../backend/../compiler/compile.h \
 runner/../backend/../compiler/expand.h \
 runner/../backend/../compiler/../support/strbuf.h \
 runner/../backend/../compiler/../seatbelt/request.h \
 runner/../backend/../compiler/../seatbelt/../support/action.h \
 runner/../backend/../compiler/../seatbelt/ops.h \
 runner/../backend/../compiler/../seatbelt/regex.h \
 runner/../backend/../compiler/../seatbelt/../support/arena.h \
 runner/../backend/../support/strbuf.h runner/../support/arena.h \
 runner/run_profile.h runner/run.h runner/../compiler/compile.h \
 runner/../support/diag.h runner/profile_cache.h \
 runner/../sbpl/sbpl_eval.h runner/../sbpl/../grammar/sexp.h \
 runner/../sbpl/../grammar/../support/diag.h \
 runner/../sbpl/../support/hashmap.h runner/../sbpl/../seatbelt/request.h \
 runner/../sbpl/../seatbelt/regex.h runner/../seatbelt/ops.h
runner/nested_repos.h:
runner/../backend/landlock.h:
runner/../backend/backend.h:
runner/../backend/../compiler/compile.h:
runner/../backend/../compiler/ir.h:
runner/../backend/../compiler/../grammar/ast.h:
runner/../backend/../compiler/../grammar/../support/diag.h:
runner/../backend/../compiler/../grammar/../support/arena.h:
runner/../backend/../compiler/../grammar/../support/codes.h:
runner/../backend/../compiler/../grammar/../support/source.h:
runner/../backend/../compiler/../grammar/../support/strbuf.h:
runner/../backend/../compiler/../grammar/../support/action.h:
runner/../backend/../compiler/../support/hashmap.h:
runner/../backend/../compiler/../support/param_marks.h:
runner/../backend/../compiler/../seatbelt/ops.h:
runner/../backend/../compiler/../seatbelt/../support/suggest.h:
runner/../backend/../compiler/rule_set.h:
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
runner/../support/arena.h:
runner/run_profile.h:
runner/run.h:
runner/../compiler/compile.h:
runner/../support/diag.h:
runner/profile_cache.h:
runner/../sbpl/sbpl_eval.h:
runner/../sbpl/../grammar/sexp.h:
runner/../sbpl/../grammar/../support/diag.h:
runner/../sbpl/../support/hashmap.h:
runner/../sbpl/../seatbelt/request.h:
runner/../sbpl/../seatbelt/regex.h:
runner/../seatbelt/ops.h:
