build2/obj/seatbelt/regex_syntax.o: seatbelt/regex_syntax.c \
 seatbelt/regex_syntax.h seatbelt/../support/strbuf.h \
 seatbelt/../support/param_marks.h
seatbelt/regex_syntax.h:
seatbelt/../support/strbuf.h:
seatbelt/../support/param_marks.h:
