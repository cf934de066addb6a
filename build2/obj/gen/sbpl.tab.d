build2/obj/gen/sbpl.tab.o: build2/gen/sbpl.tab.c build2/gen/sbpl.tab.h \
 grammar/sbpl_ctx.h grammar/sexp.h grammar/../support/diag.h \
 grammar/../support/arena.h grammar/../support/codes.h \
 grammar/../support/source.h grammar/../support/strbuf.h \
 grammar/parse_ctx.h grammar/ast.h grammar/../support/action.h \
 grammar/../support/strbuf.h
build2/gen/sbpl.tab.h:
grammar/sbpl_ctx.h:
grammar/sexp.h:
grammar/../support/diag.h:
grammar/../support/arena.h:
grammar/../support/codes.h:
grammar/../support/source.h:
grammar/../support/strbuf.h:
grammar/parse_ctx.h:
grammar/ast.h:
grammar/../support/action.h:
grammar/../support/strbuf.h:
