build2/obj/sbpl/sbpl_eval.o: sbpl/sbpl_eval.c sbpl/sbpl_eval.h \
 sbpl/../grammar/sexp.h sbpl/../grammar/../support/diag.h \
 sbpl/../grammar/../support/arena.h sbpl/../grammar/../support/codes.h \
 sbpl/../grammar/../support/source.h sbpl/../grammar/../support/strbuf.h \
 sbpl/../support/hashmap.h sbpl/../seatbelt/request.h \
 sbpl/../seatbelt/../support/action.h sbpl/../seatbelt/ops.h \
 sbpl/../seatbelt/../support/suggest.h sbpl/../seatbelt/regex.h \
 sbpl/../seatbelt/../support/arena.h sbpl/path_index.h \
 sbpl/../seatbelt/filters.h sbpl/../seatbelt/regex_syntax.h \
 sbpl/../seatbelt/../support/strbuf.h
sbpl/sbpl_eval.h:
sbpl/../grammar/sexp.h:
sbpl/../grammar/../support/diag.h:
sbpl/../grammar/../support/arena.h:
sbpl/../grammar/../support/codes.h:
sbpl/../grammar/../support/source.h:
sbpl/../grammar/../support/strbuf.h:
sbpl/../support/hashmap.h:
sbpl/../seatbelt/request.h:
sbpl/../seatbelt/../support/action.h:
sbpl/../seatbelt/ops.h:
sbpl/../seatbelt/../support/suggest.h:
sbpl/../seatbelt/regex.h:
sbpl/../seatbelt/../support/arena.h:
sbpl/path_index.h:
sbpl/../seatbelt/filters.h:
sbpl/../seatbelt/regex_syntax.h:
sbpl/../seatbelt/../support/strbuf.h:
