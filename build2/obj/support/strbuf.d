build2/obj/support/strbuf.o: support/strbuf.c support/strbuf.h \
 support/arena.h support/utf8.h
support/strbuf.h:
support/arena.h:
support/utf8.h:
