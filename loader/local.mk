# loader/: the vinho program.
bin_PROGRAMS += vinho
vinho_SOURCES = loader/main.c
vinho_LDADD = ntcalls/libntcalls.a pe/libpe.a $(LIBELF_LIBS) $(LIBUNWIND_LIBS)
vinho_CFLAGS = $(AM_CFLAGS) $(LIBELF_CFLAGS) $(LIBUNWIND_CFLAGS)
