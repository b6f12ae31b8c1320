# loader/: the vinho program.
bin_PROGRAMS += vinho
vinho_SOURCES = loader/main.c loader/module.c loader/process.c loader/ldr.c loader/stub.c \
	loader/gate.c loader/gateguard.S loader/start.S loader/relay.c loader/relay.S loader/signal.c loader/loader.h
vinho_LDADD = ntcalls/libntcalls.a pe/libpe.a $(LIBELF_LIBS) $(LIBUNWIND_LIBS) -lm
vinho_CFLAGS = $(AM_CFLAGS) $(LIBELF_CFLAGS) $(LIBUNWIND_CFLAGS)
