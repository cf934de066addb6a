build2/obj/runner/home_guard.o: runner/home_guard.c runner/home_guard.h \
 runner/../compiler/decide.h runner/../compiler/compile.h \
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
 runner/../compiler/rule_set.h runner/../compiler/expand.h \
 runner/../compiler/../support/strbuf.h \
 runner/../compiler/../seatbelt/request.h \
 runner/../compiler/../seatbelt/../support/action.h \
 runner/../compiler/../seatbelt/ops.h \
 runner/../compiler/../seatbelt/regex.h \
 runner/../compiler/../seatbelt/../support/arena.h \
 runner/../support/arena.h runner/dir_guard.h runner/path_ident.h \
 runner/../backend/landlock.h runner/../backend/backend.h \
 runner/../backend/../compiler/compile.h \
 runner/../backend/../compiler/decide.h \
 runner/../backend/../support/strbuf.h runner/../backend/emit.h \
 runner/../backend/../grammar/sexp.h \
 runner/../backend/../grammar/../support/diag.h \
 runner/../support/param_marks.h
runner/home_guard.h:
runner/../compiler/decide.h:
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
runner/../compiler/expand.h:
runner/../compiler/../support/strbuf.h:
runner/../compiler/../seatbelt/request.h:
runner/../compiler/../seatbelt/../support/action.h:
runner/../compiler/../seatbelt/ops.h:
runner/../compiler/../seatbelt/regex.h:
runner/../compiler/../seatbelt/../support/arena.h:
runner/../support/arena.h:
runner/dir_guard.h:
runner/path_ident.h:
runner/../backend/landlock.h:
runner/../backend/backend.h:
runner/../backend/../compiler/compile.h:
runner/../backend/../compiler/decide.h:
runner/../backend/../support/strbuf.h:
runner/../backend/emit.h:
runner/../backend/../grammar/sexp.h:
runner/../backend/../grammar/../support/diag.h:
runner/../support/param_marks.h:
