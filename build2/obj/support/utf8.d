build2/obj/support/utf8.o: support/utf8.c support/utf8.h
support/utf8.h:
