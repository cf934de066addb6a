build2/obj/cli/cmd_run-test.o: cli/cmd_run.c cli/cli.h \
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
 cli/../compiler/rule_set.h cli/options.h cli/../seatbelt/request.h \
 cli/../seatbelt/../support/action.h cli/../seatbelt/ops.h \
 cli/../runner/run.h cli/../runner/../compiler/compile.h \
 cli/../runner/../support/arena.h cli/../runner/../support/diag.h \
 cli/../backend/landlock.h cli/../backend/backend.h \
 cli/../backend/../compiler/compile.h cli/../backend/../compiler/decide.h \
 cli/../backend/../compiler/compile.h cli/../backend/../compiler/expand.h \
 cli/../backend/../compiler/../support/strbuf.h \
 cli/../backend/../compiler/../seatbelt/request.h \
 cli/../backend/../compiler/../seatbelt/regex.h \
 cli/../backend/../compiler/../seatbelt/../support/arena.h \
 cli/../backend/../support/strbuf.h cli/../compiler/expand.h
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
cli/options.h:
cli/../seatbelt/request.h:
cli/../seatbelt/../support/action.h:
cli/../seatbelt/ops.h:
cli/../runner/run.h:
cli/../runner/../compiler/compile.h:
cli/../runner/../support/arena.h:
cli/../runner/../support/diag.h:
cli/../backend/landlock.h:
cli/../backend/backend.h:
cli/../backend/../compiler/compile.h:
cli/../backend/../compiler/decide.h:
cli/../backend/../compiler/compile.h:
cli/../backend/../compiler/expand.h:
cli/../backend/../compiler/../support/strbuf.h:
cli/../backend/../compiler/../seatbelt/request.h:
cli/../backend/../compiler/../seatbelt/regex.h:
cli/../backend/../compiler/../seatbelt/../support/arena.h:
cli/../backend/../support/strbuf.h:
cli/../compiler/expand.h:
