build2/obj/support/suggest.o: support/suggest.c support/suggest.h
support/suggest.h:
