build2/obj/tests/unit/readback.o: tests/unit/readback.c \
 tests/unit/../../seatbelt/filters.h tests/unit/../../seatbelt/ops.h \
 tests/unit/../../seatbelt/../support/suggest.h \
 tests/unit/../../grammar/sexp.h \
 tests/unit/../../grammar/../support/diag.h \
 tests/unit/../../grammar/../support/arena.h \
 tests/unit/../../grammar/../support/codes.h \
 tests/unit/../../grammar/../support/source.h \
 tests/unit/../../grammar/../support/strbuf.h
tests/unit/../../seatbelt/filters.h:
tests/unit/../../seatbelt/ops.h:
tests/unit/../../seatbelt/../support/suggest.h:
tests/unit/../../grammar/sexp.h:
tests/unit/../../grammar/../support/diag.h:
tests/unit/../../grammar/../support/arena.h:
tests/unit/../../grammar/../support/codes.h:
tests/unit/../../grammar/../support/source.h:
tests/unit/../../grammar/../support/strbuf.h:
