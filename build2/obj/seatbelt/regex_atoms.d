build2/obj/seatbelt/regex_atoms.o: seatbelt/regex_atoms.c \
 seatbelt/regex_atoms.h seatbelt/regex.h seatbelt/../support/arena.h \
 seatbelt/regex_nfa.h seatbelt/path_canonical.h \
 seatbelt/../support/hashmap.h
seatbelt/regex_atoms.h:
seatbelt/regex.h:
seatbelt/../support/arena.h:
seatbelt/regex_nfa.h:
seatbelt/path_canonical.h:
seatbelt/../support/hashmap.h:
