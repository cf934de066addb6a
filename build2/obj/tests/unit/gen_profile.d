build2/obj/tests/unit/gen_profile.o: tests/unit/gen_profile.c \
 tests/unit/gen_profile.h tests/unit/../../sbpl/sbpl_eval.h \
 tests/unit/../../sbpl/../grammar/sexp.h \
 tests/unit/../../sbpl/../grammar/../support/diag.h \
 tests/unit/../../sbpl/../grammar/../support/arena.h \
 tests/unit/../../sbpl/../grammar/../support/codes.h \
 tests/unit/../../sbpl/../grammar/../support/source.h \
 tests/unit/../../sbpl/../grammar/../support/strbuf.h \
 tests/unit/../../sbpl/../support/hashmap.h \
 tests/unit/../../sbpl/../seatbelt/request.h \
 tests/unit/../../sbpl/../seatbelt/../support/action.h \
 tests/unit/../../sbpl/../seatbelt/ops.h \
 tests/unit/../../sbpl/../seatbelt/../support/suggest.h \
 tests/unit/../../sbpl/../seatbelt/regex.h \
 tests/unit/../../sbpl/../seatbelt/../support/arena.h \
 tests/unit/../../support/arena.h tests/unit/../../support/strbuf.h
tests/unit/gen_profile.h:
tests/unit/../../sbpl/sbpl_eval.h:
tests/unit/../../sbpl/../grammar/sexp.h:
tests/unit/../../sbpl/../grammar/../support/diag.h:
tests/unit/../../sbpl/../grammar/../support/arena.h:
tests/unit/../../sbpl/../grammar/../support/codes.h:
tests/unit/../../sbpl/../grammar/../support/source.h:
tests/unit/../../sbpl/../grammar/../support/strbuf.h:
tests/unit/../../sbpl/../support/hashmap.h:
tests/unit/../../sbpl/../seatbelt/request.h:
tests/unit/../../sbpl/../seatbelt/../support/action.h:
tests/unit/../../sbpl/../seatbelt/ops.h:
tests/unit/../../sbpl/../seatbelt/../support/suggest.h:
tests/unit/../../sbpl/../seatbelt/regex.h:
tests/unit/../../sbpl/../seatbelt/../support/arena.h:
tests/unit/../../support/arena.h:
tests/unit/../../support/strbuf.h:
