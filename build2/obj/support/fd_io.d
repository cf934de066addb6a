build2/obj/support/fd_io.o: support/fd_io.c support/fd_io.h
support/fd_io.h:
