# loader/: the vinho program: main.c over libloader.a (everything else, also linked by the unit
# tests). One source per line, so that parallel branches merge cleanly.
noinst_LIBRARIES += loader/libloader.a
loader_libloader_a_SOURCES = loader/loader.h
loader_libloader_a_SOURCES += loader/module.c
loader_libloader_a_SOURCES += loader/process.c
loader_libloader_a_SOURCES += loader/ldr.c
loader_libloader_a_SOURCES += loader/stub.c
loader_libloader_a_SOURCES += loader/gate.c
loader_libloader_a_SOURCES += loader/gateguard.S
loader_libloader_a_SOURCES += loader/start.S
loader_libloader_a_SOURCES += loader/relay.c
loader_libloader_a_SOURCES += loader/relay.S
loader_libloader_a_SOURCES += loader/signal.c
loader_libloader_a_CFLAGS = $(AM_CFLAGS) $(LIBELF_CFLAGS) $(LIBUNWIND_CFLAGS)
bin_PROGRAMS += vinho
vinho_SOURCES = loader/main.c
vinho_LDADD = loader/libloader.a ntcalls/libntcalls.a pe/libpe.a $(LIBELF_LIBS) -lm -lpthread
vinho_CFLAGS = $(AM_CFLAGS) $(LIBELF_CFLAGS) $(LIBUNWIND_CFLAGS)
loader_libloader_a_SOURCES += loader/child.c
loader_libloader_a_SOURCES += loader/usershared.c
