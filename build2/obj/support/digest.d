build2/obj/support/digest.o: support/digest.c support/digest.h
support/digest.h:
