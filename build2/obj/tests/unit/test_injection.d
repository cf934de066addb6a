build2/obj/tests/unit/test_injection.o: tests/unit/test_injection.c \
 tests/unit/unit.h tests/unit/../../compiler/compile.h \
 tests/unit/../../compiler/ir.h \
 tests/unit/../../compiler/../grammar/ast.h \
 tests/unit/../../compiler/../grammar/../support/diag.h \
 tests/unit/../../compiler/../grammar/../support/arena.h \
 tests/unit/../../compiler/../grammar/../support/codes.h \
 tests/unit/../../compiler/../grammar/../support/source.h \
 tests/unit/../../compiler/../grammar/../support/strbuf.h \
 tests/unit/../../compiler/../grammar/../support/action.h \
 tests/unit/../../compiler/../support/hashmap.h \
 tests/unit/../../compiler/../support/param_marks.h \
 tests/unit/../../compiler/../seatbelt/ops.h \
 tests/unit/../../compiler/../seatbelt/../support/suggest.h \
 tests/unit/../../compiler/rule_set.h tests/unit/../../grammar/sexp.h \
 tests/unit/../../grammar/../support/diag.h build2/gen/unit_list.h
tests/unit/unit.h:
tests/unit/../../compiler/compile.h:
tests/unit/../../compiler/ir.h:
tests/unit/../../compiler/../grammar/ast.h:
tests/unit/../../compiler/../grammar/../support/diag.h:
tests/unit/../../compiler/../grammar/../support/arena.h:
tests/unit/../../compiler/../grammar/../support/codes.h:
tests/unit/../../compiler/../grammar/../support/source.h:
tests/unit/../../compiler/../grammar/../support/strbuf.h:
tests/unit/../../compiler/../grammar/../support/action.h:
tests/unit/../../compiler/../support/hashmap.h:
tests/unit/../../compiler/../support/param_marks.h:
tests/unit/../../compiler/../seatbelt/ops.h:
tests/unit/../../compiler/../seatbelt/../support/suggest.h:
tests/unit/../../compiler/rule_set.h:
tests/unit/../../grammar/sexp.h:
tests/unit/../../grammar/../support/diag.h:
build2/gen/unit_list.h:
