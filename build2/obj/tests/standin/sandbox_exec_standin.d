build2/obj/tests/standin/sandbox_exec_standin.o: \
 tests/standin/sandbox_exec_standin.c \
 tests/standin/../../sbpl/sbpl_eval.h \
 tests/standin/../../sbpl/../grammar/sexp.h \
 tests/standin/../../sbpl/../grammar/../support/diag.h \
 tests/standin/../../sbpl/../grammar/../support/arena.h \
 tests/standin/../../sbpl/../grammar/../support/codes.h \
 tests/standin/../../sbpl/../grammar/../support/source.h \
 tests/standin/../../sbpl/../grammar/../support/strbuf.h \
 tests/standin/../../sbpl/../support/hashmap.h \
 tests/standin/../../sbpl/../seatbelt/request.h \
 tests/standin/../../sbpl/../seatbelt/../support/action.h \
 tests/standin/../../sbpl/../seatbelt/ops.h \
 tests/standin/../../sbpl/../seatbelt/../support/suggest.h \
 tests/standin/../../sbpl/../seatbelt/regex.h \
 tests/standin/../../sbpl/../seatbelt/../support/arena.h
tests/standin/../../sbpl/sbpl_eval.h:
tests/standin/../../sbpl/../grammar/sexp.h:
tests/standin/../../sbpl/../grammar/../support/diag.h:
tests/standin/../../sbpl/../grammar/../support/arena.h:
tests/standin/../../sbpl/../grammar/../support/codes.h:
tests/standin/../../sbpl/../grammar/../support/source.h:
tests/standin/../../sbpl/../grammar/../support/strbuf.h:
tests/standin/../../sbpl/../support/hashmap.h:
tests/standin/../../sbpl/../seatbelt/request.h:
tests/standin/../../sbpl/../seatbelt/../support/action.h:
tests/standin/../../sbpl/../seatbelt/ops.h:
tests/standin/../../sbpl/../seatbelt/../support/suggest.h:
tests/standin/../../sbpl/../seatbelt/regex.h:
tests/standin/../../sbpl/../seatbelt/../support/arena.h:
