build2/obj/cli/cmd_test.o: cli/cmd_test.c cli/eval_common.h cli/options.h \
 cli/cli.h cli/../compiler/compile.h cli/../compiler/ir.h \
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
 cli/../backend/crosscheck.h cli/../backend/../compiler/decide.h \
 cli/../backend/../compiler/compile.h cli/../backend/../compiler/expand.h \
 cli/../backend/../compiler/../support/strbuf.h \
 cli/../backend/../compiler/../seatbelt/request.h \
 cli/../backend/../compiler/../seatbelt/regex.h \
 cli/../backend/../compiler/../seatbelt/../support/arena.h \
 cli/../backend/../sbpl/sbpl_eval.h \
 cli/../backend/../sbpl/../grammar/sexp.h \
 cli/../backend/../sbpl/../grammar/../support/diag.h \
 cli/../backend/../sbpl/../support/hashmap.h \
 cli/../backend/../sbpl/../seatbelt/request.h \
 cli/../backend/../sbpl/../seatbelt/regex.h cli/../backend/landlock.h \
 cli/../backend/backend.h cli/../backend/../compiler/compile.h \
 cli/../backend/../support/strbuf.h cli/../backend/emit.h \
 cli/../backend/../grammar/sexp.h cli/../compiler/verbs.h \
 cli/../support/param_marks.h cli/../daily/diff_verbatim.h \
 cli/../daily/../backend/crosscheck.h
cli/eval_common.h:
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
cli/../backend/crosscheck.h:
cli/../backend/../compiler/decide.h:
cli/../backend/../compiler/compile.h:
cli/../backend/../compiler/expand.h:
cli/../backend/../compiler/../support/strbuf.h:
cli/../backend/../compiler/../seatbelt/request.h:
cli/../backend/../compiler/../seatbelt/regex.h:
cli/../backend/../compiler/../seatbelt/../support/arena.h:
cli/../backend/../sbpl/sbpl_eval.h:
cli/../backend/../sbpl/../grammar/sexp.h:
cli/../backend/../sbpl/../grammar/../support/diag.h:
cli/../backend/../sbpl/../support/hashmap.h:
cli/../backend/../sbpl/../seatbelt/request.h:
cli/../backend/../sbpl/../seatbelt/regex.h:
cli/../backend/landlock.h:
cli/../backend/backend.h:
cli/../backend/../compiler/compile.h:
cli/../backend/../support/strbuf.h:
cli/../backend/emit.h:
cli/../backend/../grammar/sexp.h:
cli/../compiler/verbs.h:
cli/../support/param_marks.h:
cli/../daily/diff_verbatim.h:
cli/../daily/../backend/crosscheck.h:
