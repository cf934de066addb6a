build2/obj/gen/ops_db.o: build2/gen/ops_db.c \
 /work/wt-fixll20/seatbelt/ops_db.h /work/wt-fixll20/seatbelt/ops.h \
 /work/wt-fixll20/seatbelt/../support/suggest.h
/work/wt-fixll20/seatbelt/ops_db.h:
/work/wt-fixll20/seatbelt/ops.h:
/work/wt-fixll20/seatbelt/../support/suggest.h:
