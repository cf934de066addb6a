build2/obj/gen/buckle.tab.o: build2/gen/buckle.tab.c \
 build2/gen/buckle.tab.h grammar/parse_ctx.h grammar/ast.h \
 grammar/../support/diag.h grammar/../support/arena.h \
 grammar/../support/codes.h grammar/../support/source.h \
 grammar/../support/strbuf.h grammar/../support/action.h \
 grammar/../support/strbuf.h grammar/../support/suggest.h
build2/gen/buckle.tab.h:
grammar/parse_ctx.h:
grammar/ast.h:
grammar/../support/diag.h:
grammar/../support/arena.h:
grammar/../support/codes.h:
grammar/../support/source.h:
grammar/../support/strbuf.h:
grammar/../support/action.h:
grammar/../support/strbuf.h:
grammar/../support/suggest.h:
