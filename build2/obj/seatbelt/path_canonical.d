build2/obj/seatbelt/path_canonical.o: seatbelt/path_canonical.c \
 seatbelt/path_canonical.h
seatbelt/path_canonical.h:
