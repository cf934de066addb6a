build2/obj/seatbelt/request.o: seatbelt/request.c seatbelt/request.h \
 seatbelt/../support/action.h seatbelt/ops.h \
 seatbelt/../support/suggest.h
seatbelt/request.h:
seatbelt/../support/action.h:
seatbelt/ops.h:
seatbelt/../support/suggest.h:
