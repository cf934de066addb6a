build2/obj/seatbelt/filters.o: seatbelt/filters.c seatbelt/filters.h \
 seatbelt/ops.h seatbelt/../support/suggest.h
seatbelt/filters.h:
seatbelt/ops.h:
seatbelt/../support/suggest.h:
