build2/obj/seatbelt/ops.o: seatbelt/ops.c seatbelt/ops_db.h \
 seatbelt/ops.h seatbelt/../support/suggest.h
seatbelt/ops_db.h:
seatbelt/ops.h:
seatbelt/../support/suggest.h:
