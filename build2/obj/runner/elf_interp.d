build2/obj/runner/elf_interp.o: runner/elf_interp.c runner/elf_interp.h
runner/elf_interp.h:
