build2/obj/runner/path_walk.o: runner/path_walk.c runner/runner.h \
 runner/../support/strbuf.h runner/../support/hashmap.h \
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
 runner/../sbpl/../seatbelt/../support/arena.h runner/../backend/emit.h \
 runner/../backend/../compiler/compile.h \
 runner/../backend/../compiler/ir.h \
 runner/../backend/../compiler/../grammar/ast.h \
 runner/../backend/../compiler/../grammar/../support/diag.h \
 runner/../backend/../compiler/../grammar/../support/action.h \
 runner/../backend/../compiler/../support/hashmap.h \
 runner/../backend/../compiler/../support/param_marks.h \
 runner/../backend/../compiler/../seatbelt/ops.h \
 runner/../backend/../compiler/rule_set.h \
 runner/../backend/../grammar/sexp.h runner/../compiler/patterns.h \
 runner/../compiler/ir.h runner/../compiler/../support/strbuf.h \
 runner/../compiler/../support/hashmap.h \
 runner/../compiler/../seatbelt/regex_syntax.h \
 runner/../compiler/../seatbelt/../support/strbuf.h
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
runner/../backend/emit.h:
runner/../backend/../compiler/compile.h:
runner/../backend/../compiler/ir.h:
runner/../backend/../compiler/../grammar/ast.h:
runner/../backend/../compiler/../grammar/../support/diag.h:
runner/../backend/../compiler/../grammar/../support/action.h:
runner/../backend/../compiler/../support/hashmap.h:
runner/../backend/../compiler/../support/param_marks.h:
runner/../backend/../compiler/../seatbelt/ops.h:
runner/../backend/../compiler/rule_set.h:
runner/../backend/../grammar/sexp.h:
runner/../compiler/patterns.h:
runner/../compiler/ir.h:
runner/../compiler/../support/strbuf.h:
runner/../compiler/../support/hashmap.h:
runner/../compiler/../seatbelt/regex_syntax.h:
runner/../compiler/../seatbelt/../support/strbuf.h:
