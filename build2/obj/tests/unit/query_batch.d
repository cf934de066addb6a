build2/obj/tests/unit/query_batch.o: tests/unit/query_batch.c \
 tests/unit/../../backend/sbpl_file.h \
 tests/unit/../../backend/../compiler/decide.h \
 tests/unit/../../backend/../compiler/compile.h \
 tests/unit/../../backend/../compiler/ir.h \
 tests/unit/../../backend/../compiler/../grammar/ast.h \
 tests/unit/../../backend/../compiler/../grammar/../support/diag.h \
 tests/unit/../../backend/../compiler/../grammar/../support/arena.h \
 tests/unit/../../backend/../compiler/../grammar/../support/codes.h \
 tests/unit/../../backend/../compiler/../grammar/../support/source.h \
 tests/unit/../../backend/../compiler/../grammar/../support/strbuf.h \
 tests/unit/../../backend/../compiler/../grammar/../support/action.h \
 tests/unit/../../backend/../compiler/../support/hashmap.h \
 tests/unit/../../backend/../compiler/../support/param_marks.h \
 tests/unit/../../backend/../compiler/../seatbelt/ops.h \
 tests/unit/../../backend/../compiler/../seatbelt/../support/suggest.h \
 tests/unit/../../backend/../compiler/rule_set.h \
 tests/unit/../../backend/../compiler/expand.h \
 tests/unit/../../backend/../compiler/../support/strbuf.h \
 tests/unit/../../backend/../compiler/../seatbelt/request.h \
 tests/unit/../../backend/../compiler/../seatbelt/../support/action.h \
 tests/unit/../../backend/../compiler/../seatbelt/ops.h \
 tests/unit/../../backend/../compiler/../seatbelt/regex.h \
 tests/unit/../../backend/../compiler/../seatbelt/../support/arena.h \
 tests/unit/../../backend/../sbpl/sbpl_eval.h \
 tests/unit/../../backend/../sbpl/../grammar/sexp.h \
 tests/unit/../../backend/../sbpl/../grammar/../support/diag.h \
 tests/unit/../../backend/../sbpl/../support/hashmap.h \
 tests/unit/../../backend/../sbpl/../seatbelt/request.h \
 tests/unit/../../backend/../sbpl/../seatbelt/regex.h \
 tests/unit/../../backend/../grammar/sexp.h \
 tests/unit/../../seatbelt/ops.h
tests/unit/../../backend/sbpl_file.h:
tests/unit/../../backend/../compiler/decide.h:
tests/unit/../../backend/../compiler/compile.h:
tests/unit/../../backend/../compiler/ir.h:
tests/unit/../../backend/../compiler/../grammar/ast.h:
tests/unit/../../backend/../compiler/../grammar/../support/diag.h:
tests/unit/../../backend/../compiler/../grammar/../support/arena.h:
tests/unit/../../backend/../compiler/../grammar/../support/codes.h:
tests/unit/../../backend/../compiler/../grammar/../support/source.h:
tests/unit/../../backend/../compiler/../grammar/../support/strbuf.h:
tests/unit/../../backend/../compiler/../grammar/../support/action.h:
tests/unit/../../backend/../compiler/../support/hashmap.h:
tests/unit/../../backend/../compiler/../support/param_marks.h:
tests/unit/../../backend/../compiler/../seatbelt/ops.h:
tests/unit/../../backend/../compiler/../seatbelt/../support/suggest.h:
tests/unit/../../backend/../compiler/rule_set.h:
tests/unit/../../backend/../compiler/expand.h:
tests/unit/../../backend/../compiler/../support/strbuf.h:
tests/unit/../../backend/../compiler/../seatbelt/request.h:
tests/unit/../../backend/../compiler/../seatbelt/../support/action.h:
tests/unit/../../backend/../compiler/../seatbelt/ops.h:
tests/unit/../../backend/../compiler/../seatbelt/regex.h:
tests/unit/../../backend/../compiler/../seatbelt/../support/arena.h:
tests/unit/../../backend/../sbpl/sbpl_eval.h:
tests/unit/../../backend/../sbpl/../grammar/sexp.h:
tests/unit/../../backend/../sbpl/../grammar/../support/diag.h:
tests/unit/../../backend/../sbpl/../support/hashmap.h:
tests/unit/../../backend/../sbpl/../seatbelt/request.h:
tests/unit/../../backend/../sbpl/../seatbelt/regex.h:
tests/unit/../../backend/../grammar/sexp.h:
tests/unit/../../seatbelt/ops.h:
