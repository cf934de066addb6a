build2/obj/cli/cmd_compile.o: cli/cmd_compile.c cli/options.h cli/cli.h \
 cli/../compiler/compile.h cli/../compiler/ir.h \
 cli/../compiler/../grammar/ast.h \
 cli/../compiler/../grammar/../support/diag.h \
 cli/../compiler/../grammar/../support/arena.h \
 cli/../compiler/../grammar/../support/codes.h \
 cli/../compiler/../grammar/../support/source.h \
 cli/../compiler/../grammar/../support/strbuf.h \
 cli/../compiler/../grammar/../support/action.h \
 cli/../compiler/../support/hashmap.h \
 cli/../compiler/../support/param_marks.h \
 cli/../compiler/../seatbelt/ops.h \
 cli/../compiler/../seatbelt/../support/suggest.h \
 cli/../compiler/rule_set.h cli/../seatbelt/request.h \
 cli/../seatbelt/../support/action.h cli/../seatbelt/ops.h \
 cli/../backend/emit.h cli/../backend/../compiler/compile.h \
 cli/../backend/../grammar/sexp.h \
 cli/../backend/../grammar/../support/diag.h cli/target.h \
 cli/../runner/runner.h cli/../runner/../support/strbuf.h \
 cli/../runner/../support/hashmap.h cli/../runner/../support/arena.h \
 cli/../runner/../sbpl/sbpl_eval.h \
 cli/../runner/../sbpl/../grammar/sexp.h \
 cli/../runner/../sbpl/../support/hashmap.h \
 cli/../runner/../sbpl/../seatbelt/request.h \
 cli/../runner/../sbpl/../seatbelt/regex.h \
 cli/../runner/../sbpl/../seatbelt/../support/arena.h
cli/options.h:
cli/cli.h:
cli/../compiler/compile.h:
cli/../compiler/ir.h:
cli/../compiler/../grammar/ast.h:
cli/../compiler/../grammar/../support/diag.h:
cli/../compiler/../grammar/../support/arena.h:
cli/../compiler/../grammar/../support/codes.h:
cli/../compiler/../grammar/../support/source.h:
cli/../compiler/../grammar/../support/strbuf.h:
cli/../compiler/../grammar/../support/action.h:
cli/../compiler/../support/hashmap.h:
cli/../compiler/../support/param_marks.h:
cli/../compiler/../seatbelt/ops.h:
cli/../compiler/../seatbelt/../support/suggest.h:
cli/../compiler/rule_set.h:
cli/../seatbelt/request.h:
cli/../seatbelt/../support/action.h:
cli/../seatbelt/ops.h:
cli/../backend/emit.h:
cli/../backend/../compiler/compile.h:
cli/../backend/../grammar/sexp.h:
cli/../backend/../grammar/../support/diag.h:
cli/target.h:
cli/../runner/runner.h:
cli/../runner/../support/strbuf.h:
cli/../runner/../support/hashmap.h:
cli/../runner/../support/arena.h:
cli/../runner/../sbpl/sbpl_eval.h:
cli/../runner/../sbpl/../grammar/sexp.h:
cli/../runner/../sbpl/../support/hashmap.h:
cli/../runner/../sbpl/../seatbelt/request.h:
cli/../runner/../sbpl/../seatbelt/regex.h:
cli/../runner/../sbpl/../seatbelt/../support/arena.h:
