build2/obj/compiler/decide.o: compiler/decide.c compiler/decide.h \
 compiler/compile.h compiler/ir.h compiler/../grammar/ast.h \
 compiler/../grammar/../support/diag.h \
 compiler/../grammar/../support/arena.h \
 compiler/../grammar/../support/codes.h \
 compiler/../grammar/../support/source.h \
 compiler/../grammar/../support/strbuf.h \
 compiler/../grammar/../support/action.h compiler/../support/hashmap.h \
 compiler/../support/param_marks.h compiler/../seatbelt/ops.h \
 compiler/../seatbelt/../support/suggest.h compiler/rule_set.h \
 compiler/expand.h compiler/../support/strbuf.h \
 compiler/../seatbelt/request.h compiler/../seatbelt/../support/action.h \
 compiler/../seatbelt/ops.h compiler/../seatbelt/regex.h \
 compiler/../seatbelt/../support/arena.h compiler/param_defaults.h \
 compiler/overlap.h compiler/decide_index.h compiler/patterns.h \
 compiler/../seatbelt/regex_syntax.h \
 compiler/../seatbelt/../support/strbuf.h compiler/precedence.h \
 compiler/regex_literals.h compiler/../support/arena.h compiler/verbs.h \
 compiler/../grammar/builtin_params.h
compiler/decide.h:
compiler/compile.h:
compiler/ir.h:
compiler/../grammar/ast.h:
compiler/../grammar/../support/diag.h:
compiler/../grammar/../support/arena.h:
compiler/../grammar/../support/codes.h:
compiler/../grammar/../support/source.h:
compiler/../grammar/../support/strbuf.h:
compiler/../grammar/../support/action.h:
compiler/../support/hashmap.h:
compiler/../support/param_marks.h:
compiler/../seatbelt/ops.h:
compiler/../seatbelt/../support/suggest.h:
compiler/rule_set.h:
compiler/expand.h:
compiler/../support/strbuf.h:
compiler/../seatbelt/request.h:
compiler/../seatbelt/../support/action.h:
compiler/../seatbelt/ops.h:
compiler/../seatbelt/regex.h:
compiler/../seatbelt/../support/arena.h:
compiler/param_defaults.h:
compiler/overlap.h:
compiler/decide_index.h:
compiler/patterns.h:
compiler/../seatbelt/regex_syntax.h:
compiler/../seatbelt/../support/strbuf.h:
compiler/precedence.h:
compiler/regex_literals.h:
compiler/../support/arena.h:
compiler/verbs.h:
compiler/../grammar/builtin_params.h:
