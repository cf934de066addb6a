build2/obj/seatbelt/scheme_words.o: seatbelt/scheme_words.c \
 seatbelt/scheme_words.h
seatbelt/scheme_words.h:
