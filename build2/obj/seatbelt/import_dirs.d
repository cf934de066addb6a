build2/obj/seatbelt/import_dirs.o: seatbelt/import_dirs.c \
 seatbelt/import_dirs.h
seatbelt/import_dirs.h:
