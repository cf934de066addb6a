build2/obj/seatbelt/regex.o: seatbelt/regex.c seatbelt/regex.h \
 seatbelt/../support/arena.h seatbelt/regex_nfa.h seatbelt/regex_syntax.h \
 seatbelt/../support/strbuf.h
seatbelt/regex.h:
seatbelt/../support/arena.h:
seatbelt/regex_nfa.h:
seatbelt/regex_syntax.h:
seatbelt/../support/strbuf.h:
