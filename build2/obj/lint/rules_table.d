build2/obj/lint/rules_table.o: lint/rules_table.c lint/rules_table.h \
 lint/../support/diag.h lint/../support/arena.h lint/../support/codes.h \
 lint/../support/source.h lint/../support/strbuf.h \
 lint/../support/suggest.h
lint/rules_table.h:
lint/../support/diag.h:
lint/../support/arena.h:
lint/../support/codes.h:
lint/../support/source.h:
lint/../support/strbuf.h:
lint/../support/suggest.h:
