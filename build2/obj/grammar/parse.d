build2/obj/grammar/parse.o: grammar/parse.c grammar/parse_ctx.h \
 grammar/ast.h grammar/../support/diag.h grammar/../support/arena.h \
 grammar/../support/codes.h grammar/../support/source.h \
 grammar/../support/strbuf.h grammar/../support/action.h \
 grammar/../support/strbuf.h build2/gen/buckle.tab.h grammar/parse_ctx.h
grammar/parse_ctx.h:
grammar/ast.h:
grammar/../support/diag.h:
grammar/../support/arena.h:
grammar/../support/codes.h:
grammar/../support/source.h:
grammar/../support/strbuf.h:
grammar/../support/action.h:
grammar/../support/strbuf.h:
build2/gen/buckle.tab.h:
grammar/parse_ctx.h:
